// Title, date (a leading `date YYYY-MM-DD` line, or an HTML page's own date) and source of the open
// article. When the article's first heading is its title, the reader shows that heading as the
// title and the header only the rest, so the title is not shown twice.

import { memo } from 'react';
import type { Article } from '../../src/document/article.js';
import { titleBlock } from '../../src/document/title-block.js';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** Memoised: it depends on the article only, and re-rendering it on every keystroke cost time. */
export const ArticleHeader = memo(function ArticleHeader({ article }: { article: Article }) {
  return (
    <header className="article-header">
      {titleBlock(article) ? null : <h1 data-testid="article-title">{article.title}</h1>}
      <p className="article-meta">
        {article.metadata.date ? (
          <time dateTime={article.metadata.date} data-testid="article-date">
            {formatDate(article.metadata.date)}
          </time>
        ) : (
          <span>Undated</span>
        )}
        {article.metadata.sourceName ? <span> · {article.metadata.sourceName}</span> : null}
        <span> · {article.format}</span>
      </p>
    </header>
  );
});

function formatDate(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? ymd : dateFormat.format(d);
}
