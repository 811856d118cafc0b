// A checked feed article becomes an article like one opened from a .txt file: plain-text blocks, a
// leading `date YYYY-MM-DD` line as the date when the feed gave none, and a title of last resort
// from the text's first words. Its metadata names the feed file and line it came from.

import type { ArticleMetadata, ParsedArticle } from '../document/article.js';
import { findDateLine } from '../document/date-line.js';
import { plainTextBlocks } from '../document/plain-blocks.js';
import type { FeedArticle } from './feed-article.js';

/** Longest title made from the text itself, in code points. */
const TITLE_FROM_TEXT = 80;

export function feedToArticle(file: string, a: FeedArticle): ParsedArticle {
  const date = a.date ?? findDateLine(a.text)?.date;
  const metadata: { -readonly [K in keyof ArticleMetadata]: ArticleMetadata[K] } = { sourceName: `${file}, line ${a.line}` };
  if (date !== undefined) metadata.date = date;
  if (a.source !== undefined) metadata.source = a.source;
  if (a.url !== undefined) metadata.url = a.url;
  if (a.author !== undefined) metadata.author = a.author;
  if (a.language !== undefined) metadata.language = a.language;
  if (a.id !== undefined) metadata.feedId = a.id;
  if (a.tags !== undefined) metadata.tags = a.tags;
  return { title: a.title ?? titleFromText(a.text), format: 'text', text: a.text, blocks: plainTextBlocks(a.text), metadata };
}

/** The first line's first words, cut at a word boundary, with an ellipsis when cut. */
export function titleFromText(text: string): string {
  const first = text.trim().split('\n', 1)[0]!.trim();
  const cps = [...first.slice(0, TITLE_FROM_TEXT * 2 + 2)];
  if (cps.length <= TITLE_FROM_TEXT) return first;
  const cut = cps.slice(0, TITLE_FROM_TEXT).join('');
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_FROM_TEXT / 2 ? cut.slice(0, space) : cut}…`;
}
