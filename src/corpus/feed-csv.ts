// An article feed in CSV (RFC 4180): a header row naming the columns (`text` required; title, date,
// source, url, author, language, id, tags optional, in any order and case), then one article per
// record. Quoted fields may hold commas, doubled quotes and line breaks; CRLF, LF and a leading
// byte order mark are all accepted. A header without a comma but with semicolons or tabs (what
// spreadsheets write in many locales) sets that separator instead. A broken record is refused with
// the line it starts on and what is wrong, and reading resumes at the next line.
// Excluded: guessing headers, or columns other than the named ones (they are ignored).

import { fail, ok, type Result } from '../result.js';
import { FEED_FIELDS, feedArticle, isRefusal, markSameTexts, type FeedArticle, type FeedRefusal, type ParsedFeed } from './feed-article.js';

interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
}
type CsvItem = CsvRecord | FeedRefusal;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Splits `text` into records. Generator, so a feed of 5,000 articles is never held twice as
 * strings and arrays at once. Each record knows the 1-based line it starts on.
 */
export function* csvRecords(text: string, separator = 0x2c): Generator<CsvItem> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let error: string | undefined;
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        const openColumn = column(text, i);
        i++;
        let value = '';
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            error = `a quoted field opened at line ${openLine}, column ${openColumn} is never closed; every " that opens a field needs one that closes it.`;
            line += countLines(text, i, n);
            i = n;
            break;
          }
          line += countLines(text, i, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        if (error) break;
        fields.push(value);
        const c = text.charCodeAt(i);
        if (i < n && c !== separator && c !== LF && c !== CR) {
          error = `line ${line}, column ${column(text, i)}: text after a closing quote; inside a quoted field write a quote as "".`;
          break;
        }
      } else {
        const from = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === separator || c === LF || c === CR) break;
          if (c === QUOTE) {
            error = `line ${line}, column ${column(text, i)}: a quote inside a field that does not start with one; quote the whole field and write the quote as "".`;
            break;
          }
          i++;
        }
        if (error) break;
        fields.push(text.slice(from, i));
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === separator) {
        i++;
        continue;
      }
      // A line break ends the record: CRLF, LF, or a lone CR.
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    if (error !== undefined) {
      // Resume at the next line: the rest of this one cannot be trusted.
      while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
      if (i < n) {
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
      }
      yield { line: startLine, reason: error };
      continue;
    }
    // A blank line (one empty, unquoted field) is no record.
    if (fields.length === 1 && fields[0] === '') continue;
    yield { line: startLine, fields };
  }
}

export function parseCsvFeed(text: string): Result<ParsedFeed> {
  const separator = chooseSeparator(text);
  const records = csvRecords(text, separator);
  const first = records.next();
  if (first.done) return fail('empty-feed', 'The CSV file is empty; its first line must name the columns, one of them "text".');
  const head = first.value;
  if ('reason' in head) return fail('bad-header', `The CSV header (line ${head.line}) cannot be read: ${head.reason}`);
  const names = head.fields.map((f) => f.trim().toLowerCase());
  const columns = new Map<string, number>();
  for (const [k, name] of names.entries()) {
    if (!(FEED_FIELDS as readonly string[]).includes(name)) continue;
    if (columns.has(name))
      return fail('bad-header', `The CSV header names the column "${name}" twice (columns ${columns.get(name)! + 1} and ${k + 1}); name each once.`);
    columns.set(name, k);
  }
  if (!columns.has('text'))
    return fail(
      'bad-header',
      `The CSV header has no "text" column (it names ${names.map((n) => JSON.stringify(n)).join(', ')}); the article text goes in a column named "text".`,
    );
  const articles: FeedArticle[] = [];
  const refusals: FeedRefusal[] = [];
  for (const rec of records) {
    if ('reason' in rec) {
      refusals.push(rec);
      continue;
    }
    if (rec.fields.length !== names.length) {
      refusals.push({
        line: rec.line,
        reason: `the record has ${rec.fields.length} field${rec.fields.length === 1 ? '' : 's'}, but the header names ${names.length} columns; a comma inside a field needs the field in quotes.`,
      });
      continue;
    }
    const record: Record<string, string> = {};
    for (const [name, k] of columns) record[name] = rec.fields[k]!;
    const checked = feedArticle(rec.line, record, true);
    if (isRefusal(checked)) refusals.push(checked);
    else articles.push(checked);
  }
  return ok({ articles: markSameTexts(articles), refusals });
}

/** Comma, unless the header line has none and has semicolons or tabs instead. */
function chooseSeparator(text: string): number {
  let end = text.search(/[\r\n]/);
  if (end < 0) end = text.length;
  const header = text.slice(0, end);
  if (header.includes(',')) return 0x2c;
  if (header.includes(';')) return 0x3b;
  if (header.includes('\t')) return 0x09;
  return 0x2c;
}

/** Line breaks in text[from, to): CRLF counts once, a lone CR or LF once each. */
function countLines(text: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) k++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) k++;
  }
  return k;
}

/** 1-based column (in code points) of index i on its line. */
function column(text: string, i: number): number {
  let s = i;
  while (s > 0 && text.charCodeAt(s - 1) !== LF && text.charCodeAt(s - 1) !== CR) s--;
  return [...text.slice(s, i)].length + 1;
}
