// A feed file to checked articles: strict UTF-8 (one byte order mark allowed), then JSON Lines or
// CSV by the file's extension. The whole file is refused only when it cannot be read at all; the
// articles in it are each accepted or refused on their own.

import { fail, type Result } from '../result.js';
import { decodeJsonBytes } from '../validation/json-bytes.js';
import { parseCsvFeed } from './feed-csv.js';
import { parseJsonlFeed } from './feed-jsonl.js';
import type { ParsedFeed } from './feed-article.js';

export type FeedFormat = 'jsonl' | 'csv';

/** Largest feed file read: 5,000 articles of 5 KB are 25 MB, so this leaves room for big ones. */
export const MAX_FEED_BYTES = 512 * 1024 * 1024;

export function feedFormatForName(name: string): FeedFormat | undefined {
  if (/\.(jsonl|ndjson)$/i.test(name)) return 'jsonl';
  if (/\.(csv|tsv)$/i.test(name)) return 'csv';
  return undefined;
}

export function parseFeedBytes(name: string, bytes: Uint8Array): Result<ParsedFeed> {
  const format = feedFormatForName(name);
  if (format === undefined) return fail('unsupported-type', `The file "${name}" is not an article feed; a feed ends in .jsonl, .ndjson or .csv.`, name);
  if (bytes.byteLength > MAX_FEED_BYTES) return fail('too-large', `The feed "${name}" is larger than 512 MB; split it into smaller files.`, name);
  if (bytes.byteLength === 0) return fail('empty', `The feed "${name}" is empty.`, name);
  const decoded = decodeJsonBytes(bytes);
  if (!decoded.ok) return fail('not-utf8', `The feed "${name}" is not UTF-8 text: ${decoded.error.message.replace(/^[^:]*: /, '')}`, name);
  if (format === 'jsonl') return { ok: true, value: parseJsonlFeed(decoded.text) };
  const csv = parseCsvFeed(decoded.text);
  return csv.ok ? csv : fail(csv.error.code, `${name}: ${csv.error.message}`, name);
}
