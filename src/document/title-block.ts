// An HTML page usually repeats its <title> as the first heading of the article. The text keeps
// the heading (offsets and the document's identity, its text's hash, must not change), so the
// reader shows the title once: that heading serves as the title and the header leaves it out.
// Markdown keeps its own header: its first heading shows its `#` markup, so it does not read as
// the title. A heading that differs from the title (a kicker, a section name) is not folded.

import type { Block, ParsedArticle } from './article.js';

/** Separators between a headline and the site's name in a <title>: "Headline | Site", "Headline – Site". */
const SITE_SUFFIX = /^\s*[|–—:·•-]\s/u;

/** The article's first block when it is a heading showing the title, else undefined. */
export function titleBlock(article: Pick<ParsedArticle, 'format' | 'title' | 'text' | 'blocks'>): Block | undefined {
  const first = article.blocks[0];
  if (article.format !== 'html' || first?.kind !== 'heading') return undefined;
  const heading = collapse(article.text.slice(first.start, first.end));
  const title = collapse(article.title);
  if (heading === '' || !title.startsWith(heading)) return undefined;
  const rest = title.slice(heading.length);
  return rest === '' || SITE_SUFFIX.test(rest) ? first : undefined;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
