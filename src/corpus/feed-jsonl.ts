// An article feed in JSON Lines (one JSON object per line), as news scrapers and pipelines write
// it. Each line is parsed on its own, so a broken line is refused with its line and column and the
// others still come in. Blank lines are skipped (files often end with one, or several); a byte
// order mark before the first line and a CR before each LF (Windows) are allowed.
// Excluded: JSON spread over several lines (that is a JSON array file, not JSON Lines).

import { findJsonSyntaxError, lineColumn } from '../validation/json-syntax.js';
import { feedArticle, isRefusal, markSameTexts, type FeedArticle, type FeedRefusal, type ParsedFeed } from './feed-article.js';

export function parseJsonlFeed(text: string): ParsedFeed {
  const articles: FeedArticle[] = [];
  const refusals: FeedRefusal[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 1; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end + 1;
    const body = text.slice(start, end > start && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end);
    start = next;
    if (body.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      const e = findJsonSyntaxError(body);
      // JSON.parse and the grammar check agree on what is JSON; the fallback is for safety only.
      const at = e ? lineColumn(body, e.offset).column : 1;
      refusals.push({ line, reason: `not valid JSON at column ${at}: ${e ? e.message : 'the line could not be parsed'}.` });
      continue;
    }
    const checked = feedArticle(line, value);
    if (isRefusal(checked)) refusals.push(checked);
    else articles.push(checked);
  }
  return { articles: markSameTexts(articles), refusals };
}
