// Title, date (from a leading `date YYYY-MM-DD` line) and source of the open article.

import { memo } from 'react';
import type { Article } from '../../src/document/article.js';

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

/** Memoised: it depends on the article only, and re-rendering it on every keystroke cost time. */
export const ArticleHeader = memo(function ArticleHeader({ article }: { article: Article }) {
  return (
    <header className="article-header">
      <h1 data-testid="article-title">{article.title}</h1>
      <p className="article-meta">
        {article.metadata.date ? <time dateTime={article.metadata.date} data-testid="article-date">{formatDate(article.metadata.date)}</time> : <span>Undated</span>}
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
