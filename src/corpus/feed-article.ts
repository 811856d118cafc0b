// One article of a feed (JSON Lines or CSV), checked field by field into what the library stores.
// Both feed readers hand each record here, so a JSONL line and a CSV row are refused in the same
// words. A record's problem refuses that record only, never the feed; the feed as a whole is refused
// only when it cannot be read at all (not UTF-8, no CSV header, no `text` column).
// Excluded: hashing and storing (the renderer's worker does both), and language detection.

import { normalizeNewlines } from '../text/newlines.js';
import { MAX_ARTICLE_BYTES } from '../text/decode.js';
import { machineDate, writtenDate } from '../document/written-date.js';
import { describe, isObj, loneSurrogateAt, own, show } from '../validation/fields.js';

/** The columns a feed may name; anything else is ignored (scrapers add many). */
export const FEED_FIELDS = ['text', 'title', 'date', 'source', 'url', 'author', 'language', 'id', 'tags'] as const;
export type FeedField = (typeof FEED_FIELDS)[number];

/** An article as a feed gave it, checked: text normalised to LF, date as YYYY-MM-DD. */
export interface FeedArticle {
  /** 1-based line of the feed where the article's record starts. */
  readonly line: number;
  readonly text: string;
  readonly title?: string;
  readonly date?: string;
  readonly source?: string;
  readonly url?: string;
  readonly author?: string;
  readonly language?: string;
  /** The feed's own id for the article (kept as metadata; the library keys by the text's hash). */
  readonly id?: string;
  readonly tags?: readonly string[];
  /** The earlier line of this feed with the very same text, when there is one. */
  readonly sameTextAs?: number;
}

export interface FeedRefusal {
  readonly line: number;
  /** A sentence naming what is wrong, without the line (the report adds "line N: "). */
  readonly reason: string;
}

export interface ParsedFeed {
  readonly articles: readonly FeedArticle[];
  readonly refusals: readonly FeedRefusal[];
}

/** Longest metadata value kept: a title or URL, not a second article. */
const MAX_FIELD_CHARS = 4_000;
const MAX_TAGS = 100;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Checks one record (a parsed JSON object, or a CSV row as an object of strings). `fromCsv`: every
 * value is a string there, so an empty cell means "not given" and `tags` is split at semicolons.
 */
export function feedArticle(line: number, record: unknown, fromCsv = false): FeedArticle | FeedRefusal {
  const refuse = (reason: string): FeedRefusal => ({ line, reason });
  if (!isObj(record)) return refuse(`an article must be a JSON object with a "text" field, but this line is ${describe(record)}.`);
  const text = own(record, 'text');
  if (text === undefined || text === null || (fromCsv && text === '')) return refuse('the article has no "text"; every article needs its text.');
  if (typeof text !== 'string') return refuse(`"text" must be a string, but it is ${describe(text)}.`);
  if (text.trim() === '') return refuse('"text" is empty (only white space); there is nothing to annotate.');
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: the exact length is counted only when the bounds disagree.
  if (text.length > MAX_ARTICLE_BYTES || (text.length * 3 > MAX_ARTICLE_BYTES && utf8Length(text) > MAX_ARTICLE_BYTES))
    return refuse(`"text" is larger than ${MAX_ARTICLE_BYTES / (1024 * 1024)} MB, the largest article Spanmark opens.`);
  const lone = loneSurrogateAt(text);
  if (lone)
    return refuse(`"text" contains a lone surrogate (${lone.unit}) at character ${lone.codePoint + 1}, which is not a character and cannot be saved as UTF-8.`);

  const out: Mutable<FeedArticle> = { line, text: normalizeNewlines(text) };
  for (const key of ['title', 'source', 'url', 'author', 'language'] as const) {
    const v = own(record, key);
    if (v === undefined || v === null || (fromCsv && v === '')) continue;
    if (typeof v !== 'string') return refuse(`"${key}" must be a string, but it is ${describe(v)}.`);
    const problem = fieldProblem(key, v);
    if (problem) return refuse(problem);
    const trimmed = v.trim();
    if (trimmed !== '') out[key] = trimmed;
  }
  const id = own(record, 'id');
  if (id !== undefined && id !== null && !(fromCsv && id === '')) {
    if (typeof id === 'number' && Number.isSafeInteger(id)) out.id = String(id);
    else if (typeof id === 'string') {
      const problem = fieldProblem('id', id);
      if (problem) return refuse(problem);
      if (id.trim() !== '') out.id = id.trim();
    } else return refuse(`"id" must be a string or a whole number, but it is ${describe(id)}.`);
  }
  const date = own(record, 'date');
  if (date !== undefined && date !== null && !(fromCsv && date === '')) {
    if (typeof date !== 'string') return refuse(`"date" must be a string such as "2022-01-07", but it is ${describe(date)}.`);
    const ymd = machineDate(date) ?? writtenDate(date.slice(0, 200));
    if (ymd === undefined) return refuse(`"date" ${show(date, 40)} is not a date; write it as YYYY-MM-DD (a time after it is fine), or as "7 January 2022".`);
    out.date = ymd;
  }
  const tags = readTags(own(record, 'tags'), fromCsv);
  if (typeof tags === 'string') return refuse(tags);
  if (tags && tags.length > 0) out.tags = tags;
  return out;
}

export function isRefusal(x: FeedArticle | FeedRefusal): x is FeedRefusal {
  return 'reason' in x;
}

function fieldProblem(key: string, v: string): string | undefined {
  if (v.length > MAX_FIELD_CHARS) return `"${key}" is longer than ${MAX_FIELD_CHARS} characters; it looks like more than a ${key}.`;
  const lone = loneSurrogateAt(v);
  if (lone) return `"${key}" contains a lone surrogate (${lone.unit}), which is not a character.`;
  if (key === 'url' && /[\u0000-\u001f]/.test(v)) return `"url" contains a control character (a line break?); a URL is one line.`;
  return undefined;
}

function readTags(v: unknown, fromCsv: boolean): readonly string[] | string | undefined {
  if (v === undefined || v === null) return undefined;
  let list: unknown[];
  if (fromCsv && typeof v === 'string') list = v.split(';');
  else if (Array.isArray(v)) list = v;
  else return `"tags" must be a list of strings such as ["protest", "almaty"], but it is ${describe(v)}.`;
  const seen = new Set<string>();
  for (const t of list) {
    if (typeof t !== 'string') return `every tag must be a string, but one is ${describe(t)}.`;
    const tag = t.trim();
    if (tag === '') continue;
    const problem = fieldProblem('tag', tag);
    if (problem) return problem;
    seen.add(tag);
  }
  if (seen.size > MAX_TAGS) return `"tags" has ${seen.size} tags; at most ${MAX_TAGS} are kept per article.`;
  return [...seen];
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Marks each article whose text an earlier line of the same feed already had, so the report can
 * say "same text as line 3" instead of pretending the library had it before the import.
 */
export function markSameTexts(articles: readonly FeedArticle[]): FeedArticle[] {
  const first = new Map<string, number>();
  return articles.map((a) => {
    const earlier = first.get(a.text);
    if (earlier === undefined) {
      first.set(a.text, a.line);
      return a;
    }
    return { ...a, sameTextAs: earlier };
  });
}
