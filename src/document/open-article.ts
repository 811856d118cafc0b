// The one way a file becomes an article: pick the format from the extension, decode strictly,
// normalise line endings, find the structure. Everything returns a Result so the open dialog and
// the import path can show the analyst why a file was refused.

import { fail, ok, type Result } from '../result.js';
import { checkArticleSize, decodeArticleBytes } from '../text/decode.js';
import { normalizeNewlines } from '../text/newlines.js';
import { endWithout, isJsWhiteSpace } from '../text/trim.js';
import type { ArticleFormat, ArticleMetadata, Block, ParsedArticle } from './article.js';
import { findDateLine } from './date-line.js';
import { htmlToArticle } from './html-to-article.js';
import { markdownBlocks, plainTextBlocks } from './plain-blocks.js';

const FORMATS: Readonly<Record<string, ArticleFormat>> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

export const ACCEPTED_EXTENSIONS: readonly string[] = Object.keys(FORMATS).map((ext) => `.${ext}`);

/** The format a file name implies, or undefined for anything else (including no extension). */
export function formatForName(name: string): ArticleFormat | undefined {
  const { ext } = splitName(name);
  return Object.hasOwn(FORMATS, ext) ? FORMATS[ext] : undefined;
}

export function parseArticle(name: string, bytes: Uint8Array): Result<ParsedArticle> {
  const format = formatForName(name);
  if (format === undefined) return unsupportedType(name);
  const decoded = decodeArticleBytes(name, bytes);
  return decoded.ok ? parseArticleText(name, decoded.value, format) : decoded;
}

/**
 * What parseArticle would refuse from the name and size alone, in the same words, before the file
 * is read (a dropped 2 GB file is refused without loading it).
 */
export function precheckArticleFile(name: string, byteLength: number): Result<ArticleFormat> {
  const format = formatForName(name);
  if (format === undefined) return unsupportedType(name);
  const sized = checkArticleSize(name, byteLength);
  return sized.ok ? ok(format) : sized;
}

function unsupportedType(name: string): Result<never> {
  const list = `${ACCEPTED_EXTENSIONS.slice(0, -1).join(', ')} or ${ACCEPTED_EXTENSIONS[ACCEPTED_EXTENSIONS.length - 1]}`;
  return fail('unsupported-type', `The file "${name}" is not a supported article type; open a ${list} file.`, name);
}

/** For text that is already decoded (tests, imports that carry the text inline). */
export function parseArticleText(name: string, text: string, format: ArticleFormat): Result<ParsedArticle> {
  const source = normalizeNewlines(text);
  let body: string;
  let blocks: readonly Block[];
  let title: string;
  let pageDate: string | undefined;
  if (format === 'html') {
    const html = htmlToArticle(source);
    ({ text: body, blocks, title } = html);
    pageDate = html.date;
  } else {
    body = source;
    blocks = format === 'markdown' ? markdownBlocks(body) : plainTextBlocks(body);
    title = format === 'markdown' ? firstHeadingText(body, blocks) : '';
  }
  if (blocks.length === 0) return fail('empty', `The file "${name}" has no readable text.`, name);
  // A `date` line in the text is the analysts' own convention, so it wins over the page's metadata.
  const date = findDateLine(body)?.date ?? pageDate;
  const metadata: ArticleMetadata = date === undefined ? { sourceName: name } : { date, sourceName: name };
  return ok({ title: title || baseName(name), format, text: body, blocks, metadata });
}

/** A Markdown heading's words, without the #s before it or a closing run of #s after it. */
function firstHeadingText(text: string, blocks: readonly Block[]): string {
  const heading = blocks.find((b) => b.kind === 'heading');
  if (!heading) return '';
  // Anchored at the start, so tried once: linear however long the heading.
  return withoutClosingHashes(text.slice(heading.start, heading.end).replace(/^\s*#{1,6}\s+/, '')).trim();
}

/**
 * `line` up to a closing run of #s that stands alone (after white space, or the whole line) with
 * only white space after it, as /(?:^|\s+)#+\s*$/ removed it; the caller trims. Scanned from the
 * end: that regex retried at every space of a long run and took hours on a few MB of spaces.
 */
function withoutClosingHashes(line: string): string {
  const end = endWithout(line, isJsWhiteSpace);
  const hashes = endWithout(line, (c) => c === 0x23, end);
  if (hashes === end) return line;
  return hashes === 0 || isJsWhiteSpace(line.charCodeAt(hashes - 1)) ? line.slice(0, hashes) : line;
}

/** The file name without directories or its extension: the title of last resort. */
function baseName(name: string): string {
  const { stem } = splitName(name);
  return stem.trim() || name;
}

/** A dot-file such as ".md" has no extension, as on every desktop. ext is lower-cased. */
function splitName(name: string): { stem: string; ext: string } {
  const file = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? { stem: file.slice(0, dot), ext: file.slice(dot + 1).toLowerCase() } : { stem: file, ext: '' };
}
