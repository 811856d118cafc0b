// The reader every version of Spanmark's labeled-JSON export shares: a file that may come from
// anywhere (another analyst, a Python pipeline, a hostile file) is validated whole before anything
// is returned (all-or-nothing), problems carry a JSON path, and no input can make it throw, hang or
// touch a prototype. What differs between versions (v1's `labels` list; v2's `schema`, attributes,
// prefix and suffix) is a Dialect each version's decode.ts supplies; everything else lives here once.

import type { Annotation, Provenance } from '../../annotations/types.js';
import type { Article, ArticleFormat, ArticleMetadata, Block, BlockKind } from '../../document/article.js';
import type { AttributeValues } from '../../labels/attributes.js';
import type { LabelSchema } from '../../labels/schema.js';
import type { Problem, Result } from '../../result.js';
import { codePointLength, codePointMap } from '../../text/offsets.js';
import { normalizeDateTime } from '../../time/instant.js';
import { isIsoDate } from '../../validation/date-time.js';
import { decodeJsonBytes } from '../../validation/json-bytes.js';
import { findJsonSyntaxError, lineColumn } from '../../validation/json-syntax.js';
import { describe, Fields, isObj, item, loneSurrogateAt, own, show, type Obj } from '../../validation/fields.js';
import { Report, TooManyProblems } from '../../validation/report.js';
import {
  MAX_ANNOTATOR_ID_LENGTH,
  REVIEW_DECISIONS,
  REVIEW_STATUSES,
  SPANMARK_FORMAT,
  SPANMARK_OFFSET_UNIT,
  type ExportedByV1,
  type ReviewDecisionV1,
  type ReviewV1,
} from '../spanmark-v1/types.js';

/** Largest JSON text decoded, in UTF-16 code units (never more than the file's UTF-8 byte count). */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;
/** Problems collected before giving up: enough to fix a file in one go, bounded for hostile input. */
export const MAX_REPORTED_PROBLEMS = 20;

/**
 * A decoded document. Article.id is the sha256 (document identity in Spanmark is the hash of the
 * text); the file's own document id is checked to be a non-empty string and otherwise ignored.
 * blocks is empty when the file has none: the caller recomputes them from the text.
 */
export interface DecodedDocument {
  readonly article: Omit<Article, 'addedAt'> & { readonly addedAt?: string };
  /** Offsets in UTF-16 code units, docId = sha256, in file order. */
  readonly annotations: Annotation[];
  readonly review?: ReviewV1;
  /** The file's own document id (Spanmark writes the id the document has in the exporting library). */
  readonly fileId?: string;
  /** v2: annotations that could not be placed in an earlier version of the text, kept whole. */
  readonly orphans?: readonly DecodedOrphan[];
}

/**
 * An orphan as a v2 file carries it: an annotation that could not be placed when its document's
 * text changed. Its offsets (code points) and context are those of the text it was made on, which
 * the file does not hold, so they are read, not checked against the document's text.
 */
export interface DecodedOrphan {
  readonly id: string;
  readonly label: string;
  readonly quote: string;
  readonly prefix?: string;
  readonly suffix?: string;
  /** Code points into the text the annotation was made on; absent when that was not recorded. */
  readonly start?: number;
  readonly end?: number;
  readonly annotator: string;
  readonly annotatorId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly note?: string;
  readonly attributes?: AttributeValues;
  /** Why it could not be placed, and when. */
  readonly reason?: string;
  readonly orphanedAt?: string;
}

export interface DecodedLibrary {
  /** The file's format version. */
  readonly version: number;
  readonly exportedAt: string;
  /** Who wrote the file, when it says (files before contract v1's exportedBy do not). */
  readonly exportedBy?: ExportedByV1;
  /**
   * The labels (and their attributes) the file's annotations use, optional fields defaulted: v2's
   * `schema`; for v1, its `labels` list with no attributes. Import maps it onto the library's.
   */
  readonly schema: LabelSchema;
  readonly documents: DecodedDocument[];
  /**
   * What is accepted but worth saying (v2: an annotation without a value for a required
   * attribute), with JSON paths; at most MAX_REPORTED_PROBLEMS. Empty for a clean file.
   */
  readonly warnings: readonly Problem[];
}

/** The first problem, plus every problem found (itself first), at most MAX_REPORTED_PROBLEMS. */
export interface DecodeProblem extends Problem {
  readonly problems: readonly Problem[];
  /** For 'malformed-json': 1-based line, and column in code points (as Python's json counts them). */
  readonly line?: number;
  readonly column?: number;
  /** For 'not-utf8' (decodeSpanmarkBytes): the byte offset of the first byte that is not UTF-8. */
  readonly offset?: number;
}

export interface DecodeOptions {
  /** Overrides MAX_IMPORT_CHARS (tests, or a caller with a stricter budget). */
  readonly maxChars?: number;
}

/** Injected so the core stays free of Node and DOM: node:crypto in tests and CLI, WebCrypto in the app. */
export type Sha256Hex = (text: string) => Promise<string>;

/** What a version adds to an annotation: values that are stored, and context that is only checked. */
export interface AnnotationExtras {
  readonly attributes?: AttributeValues;
  /** v2: up to 32 code points of text before and after the quote, checked against the text. */
  readonly prefix?: string;
  readonly suffix?: string;
}

/** An annotation as read, offsets still in code points and its document not yet known. */
export type PendingAnnotation = Omit<Annotation, 'docId'> & { readonly index: number; readonly extras?: AnnotationExtras };

/** An annotation once its document is decoded: UTF-16 offsets, with where it was in the file. */
export interface PlacedAnnotation {
  readonly annotation: Annotation;
  /** JSON path of the annotation, e.g. documents[0].annotations[3]. */
  readonly path: string;
  /** Its start and end in code points, as the file gave them. */
  readonly cpStart: number;
  readonly cpEnd: number;
  readonly extras?: AnnotationExtras;
}

/**
 * What one format version adds to the shared reader. `L` is what the version reads as its label
 * set; the reader asks it whether an annotation's label is allowed and what else the annotation
 * carries, and lets it check a whole document once its offsets are known.
 */
export interface Dialect<L> {
  readonly version: number;
  /** Reads the file's label set (v1 `labels`, v2 `schema`); undefined when it is broken (already reported). */
  readLabels(top: Fields, report: Report): L | undefined;
  /** Why `label` may not be used by an annotation, or undefined. `labels` undefined: the set is broken. */
  labelProblem(label: string, labels: L | undefined): string | undefined;
  /** Reads the keys this version adds to an annotation; reports problems itself. */
  readAnnotation?(f: Fields, label: string | undefined, labels: L | undefined): AnnotationExtras | undefined;
  /** Reads the keys this version adds to a document (v2: `orphans`); reports problems itself. */
  readDocument?(f: Fields, labels: L | undefined, annotationIds: { has(id: string): boolean }): { readonly orphans?: readonly DecodedOrphan[] } | undefined;
  /** Checks across one document's annotations once they are placed in its text (links, context). */
  checkDocument?(text: string, annotations: readonly PlacedAnnotation[], labels: L, report: Report, warnings: Problem[]): void;
  /** The decoded label schema for DecodedLibrary.schema. */
  schemaOf(labels: L): LabelSchema;
}

/** Decodes a file of one of `dialects`' versions (the first is the oldest, the last the newest). */
export async function decodeWith(
  json: string,
  sha256Hex: Sha256Hex,
  options: DecodeOptions,
  dialects: readonly Dialect<unknown>[],
): Promise<Result<DecodedLibrary, DecodeProblem>> {
  try {
    return await decode(json, sha256Hex, options.maxChars ?? MAX_IMPORT_CHARS, dialects);
  } catch (e) {
    // Not expected for any input; kept so that a bug here still surfaces as a Result, not a crash.
    return failOne('internal', `Import failed unexpectedly: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

/**
 * The same for a file's bytes, as read from disk or a picker: strict UTF-8 with the byte offset of
 * the first bad byte (and a word when it looks like UTF-16), at most one byte order mark, then
 * decodeWith. Prefer it to decoding the bytes yourself: TextDecoder drops a leading BOM by
 * default, which would let a file with two through.
 */
export async function decodeBytesWith(
  bytes: Uint8Array,
  sha256Hex: Sha256Hex,
  options: DecodeOptions,
  dialects: readonly Dialect<unknown>[],
): Promise<Result<DecodedLibrary, DecodeProblem>> {
  const maxChars = options.maxChars ?? MAX_IMPORT_CHARS;
  // A UTF-16 unit takes at most three UTF-8 bytes, so beyond this the text is too large for sure
  // (refused before decoding it); below it, decodeWith counts the units as it always does.
  if (bytes.length > 3 * maxChars + 3) {
    return failOne('too-large', `The file is ${mib(bytes.length)} MB; Spanmark imports files of at most ${mib(maxChars)} MB.`);
  }
  const text = decodeJsonBytes(bytes);
  if (!text.ok) {
    const { code, message, offset } = text.error;
    return { ok: false, error: { code, message, offset, problems: [{ code, message }] } };
  }
  const decoded = await decodeWith(text.text, sha256Hex, options, dialects);
  // The second of two BOMs is at byte 3 (U+FEFF is three bytes in UTF-8).
  if (!decoded.ok && text.text.charCodeAt(0) === 0xfeff && text.text.charCodeAt(1) === 0xfeff) {
    return { ok: false, error: { ...decoded.error, offset: 3 } };
  }
  return decoded;
}

// ---------------------------------------------------------------------------------------------
// Shared checks (also used by encode.ts so that encoding never writes what decoding refuses).

export { isIsoDate, isIsoDateTime } from '../../validation/date-time.js';

/**
 * Why a text cannot be a Spanmark document text, or undefined. A CR would mean the offsets refer to
 * something other than our LF-normalised text; a lone surrogate has no UTF-8 form, so no sha256.
 */
export function textDefect(text: string): string | undefined {
  const cr = text.indexOf('\r');
  if (cr >= 0) {
    return `contains a carriage return (CR) at code point ${codePointLength(text.slice(0, cr))}; Spanmark texts use LF line endings only`;
  }
  const lone = loneSurrogateAt(text);
  return lone === undefined ? undefined : `contains an unpaired surrogate at code point ${lone.codePoint}, which has no UTF-8 encoding`;
}

// ---------------------------------------------------------------------------------------------

const FORMATS: readonly ArticleFormat[] = ['text', 'markdown', 'html'];
const BLOCK_KINDS: readonly BlockKind[] = ['paragraph', 'heading', 'list-item', 'quote', 'dateline'];
const SHA256 = /^[0-9a-f]{64}$/;

function failOne(code: string, message: string, path?: string, extra?: { line: number; column: number }): { ok: false; error: DecodeProblem } {
  const problem: Problem = path === undefined ? { code, message } : { code, message, path };
  return { ok: false, error: { ...problem, problems: [problem], ...(extra ?? {}) } };
}

function parseJson(json: string): { ok: true; value: unknown } | { ok: false; error: DecodeProblem } {
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (e) {
    // No JSON path exists in a file that does not parse; line and column take its place, found by
    // our own scan because V8's messages do not always carry a position.
    const syntax = findJsonSyntaxError(json);
    if (syntax === undefined) {
      // The grammar holds, so the parser ran out of something else (memory, string length).
      const raw = e instanceof Error ? e.message : String(e);
      return failOne('malformed-json', `The file could not be parsed as JSON: ${raw.length > 160 ? `${raw.slice(0, 160)}…` : raw}`);
    }
    const where = lineColumn(json, syntax.offset);
    // V8's own words where it agrees on the place (as earlier versions printed), ours otherwise.
    const raw = e instanceof Error ? e.message : '';
    const v8 = /at position (\d+)/.exec(raw);
    const detail = v8 && Number(v8[1]) === syntax.offset && raw.length <= 160 ? raw : `${syntax.message}.`;
    return failOne('malformed-json', `The file is not valid JSON at line ${where.line}, column ${where.column}: ${detail}`, undefined, where);
  }
}

/** "version 1" or "versions 1 and 2": what this reader reads, for messages. */
function readable(dialects: readonly Dialect<unknown>[]): string {
  const v = dialects.map((d) => String(d.version));
  return v.length === 1 ? `version ${v[0]}` : `versions ${v.slice(0, -1).join(', ')} and ${v.at(-1)}`;
}

async function decode(
  json: string,
  sha256Hex: Sha256Hex,
  maxChars: number,
  dialects: readonly Dialect<unknown>[],
): Promise<Result<DecodedLibrary, DecodeProblem>> {
  if (typeof json !== 'string') return failOne('malformed-json', 'The import is not text.');
  if (json.length > maxChars) {
    return failOne('too-large', `The file is ${mib(json.length)} MB; Spanmark imports files of at most ${mib(maxChars)} MB.`);
  }
  // One UTF-8 BOM is harmless in a file but not valid JSON; a second is what Python's json refuses
  // too. Positions count from after the first.
  const body = json.charCodeAt(0) === 0xfeff ? json.slice(1) : json;
  if (body.charCodeAt(0) === 0xfeff) {
    return failOne(
      'malformed-json',
      'The file is not valid JSON at line 1, column 1: it starts with two byte order marks (U+FEFF); a file may start with one at most.',
      undefined,
      { line: 1, column: 1 },
    );
  }
  const parsed = parseJson(body);
  if (!parsed.ok) return parsed;
  const root = parsed.value;

  // Identity and version gate everything else: a newer version may be shaped differently.
  if (!isObj(root)) return failOne('not-spanmark', `This is not a Spanmark export: the file holds ${describe(root)}, not an object with "format": "spanmark".`);
  const format = own(root, 'format');
  if (format !== SPANMARK_FORMAT) {
    return failOne(
      'not-spanmark',
      format === undefined
        ? 'This is not a Spanmark export: it has no "format" key (expected "format": "spanmark").'
        : `This is not a Spanmark export: "format" is ${describe(format)}, not "spanmark".`,
      'format',
    );
  }
  const version = own(root, 'version');
  const reads = readable(dialects);
  if (typeof version !== 'number') {
    return failOne(
      'schema',
      `version ${version === undefined ? 'is missing' : `must be a number, but it is ${describe(version)}`}; this Spanmark reads ${reads}.`,
      'version',
    );
  }
  const dialect = dialects.find((d) => d.version === version);
  if (dialect === undefined) {
    const newest = Math.max(...dialects.map((d) => d.version));
    return failOne(
      'unsupported-version',
      Number.isSafeInteger(version) && version > newest
        ? `This export's format version ${version} was written by a newer Spanmark; this Spanmark reads ${reads} only. Update Spanmark to import it.`
        : `version ${String(version)} is not a Spanmark export version; this Spanmark reads ${reads}.`,
      'version',
    );
  }
  const unit = own(root, 'offsetUnit');
  if (unit !== SPANMARK_OFFSET_UNIT) {
    return failOne(
      unit === undefined ? 'schema' : 'bad-offset-unit',
      unit === undefined
        ? `offsetUnit is missing; version ${version} files must say "offsetUnit": "codepoint".`
        : `offsetUnit is ${describe(unit)}, but version ${version} offsets must count Unicode code points ("codepoint").`,
      'offsetUnit',
    );
  }

  const report = new Report(MAX_REPORTED_PROBLEMS);
  let result: DecodedLibrary | undefined;
  try {
    result = await decodeBody(root, sha256Hex, report, dialect);
  } catch (e) {
    if (!(e instanceof TooManyProblems)) throw e;
  }
  const [first, ...rest] = report.problems;
  if (first !== undefined || result === undefined) {
    const head = first ?? { code: 'internal', message: 'Import stopped without saying why.' };
    return { ok: false, error: { ...head, problems: [head, ...rest] } };
  }
  return { ok: true, value: result };
}

/**
 * Every timestamp is returned in the one stored spelling (UTC, "Z", milliseconds), so stored copies
 * compare and display alike whichever tool wrote the file; Spanmark's own stamps are already in it.
 */
export function stored(dateTime: string | undefined): string | undefined {
  return dateTime === undefined ? undefined : normalizeDateTime(dateTime);
}

function mib(chars: number): string {
  return (chars / (1024 * 1024)).toFixed(chars % (1024 * 1024) === 0 ? 0 : 1);
}

async function decodeBody<L>(root: Obj, sha256Hex: Sha256Hex, report: Report, dialect: Dialect<L>): Promise<DecodedLibrary | undefined> {
  const top = new Fields(root, '', report);
  const exportedAt = stored(top.dateTime('exportedAt'));
  const generator = top.object('generator', { optional: true });
  if (generator) {
    const g = new Fields(generator, 'generator', report);
    g.string('name');
    g.string('version');
  }
  const exportedBy = decodeExportedBy(top, report);
  const labels = dialect.readLabels(top, report);
  const warnings: Problem[] = [];

  const rawDocs = top.array('documents');
  const documents: DecodedDocument[] = [];
  const bySha = new Map<string, number>();
  if (rawDocs) {
    for (const [i, raw] of rawDocs.entries()) {
      const doc = await decodeDocument(raw, `documents[${i}]`, { sha256Hex, report, dialect, labels, warnings, bySha, index: i });
      if (doc) documents.push(doc);
    }
  }
  if (report.count > 0 || exportedAt === undefined || labels === undefined) return undefined;
  return {
    version: dialect.version,
    exportedAt,
    ...(exportedBy !== undefined ? { exportedBy } : {}),
    schema: dialect.schemaOf(labels),
    documents,
    warnings: warnings.slice(0, MAX_REPORTED_PROBLEMS),
  };
}

const NON_EMPTY = { nonEmpty: true } as const;
const OPTIONAL_NON_EMPTY = { optional: true, nonEmpty: true } as const;

/**
 * An installation id: a non-empty string with a UTF-8 form, at most MAX_ANNOTATOR_ID_LENGTH units.
 * Strict because it decides whose layer an annotation joins (mine or a colleague's).
 */
export function annotatorId(f: Fields, key: string, opts: { optional?: boolean } = {}): string | undefined {
  const id = f.string(key, opts.optional === true ? OPTIONAL_NON_EMPTY : NON_EMPTY);
  if (id !== undefined && id.length > MAX_ANNOTATOR_ID_LENGTH) {
    f.report.add(
      'schema',
      f.at(key),
      `${f.at(key)} is ${id.length} characters long; an annotator id may have at most ${MAX_ANNOTATOR_ID_LENGTH}: ${show(id, 40)}.`,
    );
    return undefined;
  }
  return id;
}

function decodeExportedBy(top: Fields, report: Report): ExportedByV1 | undefined {
  const raw = top.object('exportedBy', { optional: true });
  if (!raw) return undefined;
  const f = new Fields(raw, top.at('exportedBy'), report);
  const id = annotatorId(f, 'id');
  const name = f.string('name', { nonEmpty: true });
  return id !== undefined && name !== undefined ? { id, name } : undefined;
}

interface DocContext<L> {
  readonly sha256Hex: Sha256Hex;
  readonly report: Report;
  readonly dialect: Dialect<L>;
  /** Undefined when the label set itself is broken (already reported). */
  readonly labels: L | undefined;
  readonly warnings: Problem[];
  readonly bySha: Map<string, number>;
  readonly index: number;
}

interface PendingBlock {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  readonly level?: number;
}

async function decodeDocument<L>(raw: unknown, path: string, ctx: DocContext<L>): Promise<DecodedDocument | undefined> {
  const { report } = ctx;
  const before = report.count;
  const f = item(raw, path, report);
  if (!f) return undefined;

  const fileId = f.string('id', { nonEmpty: true });
  const title = f.string('title');
  const sha256 = f.string('sha256');
  if (sha256 !== undefined && !SHA256.test(sha256)) {
    report.add('schema', f.at('sha256'), `${f.at('sha256')} must be 64 lower-case hex digits, but it is ${describe(sha256)}.`);
  }
  const shaOk = sha256 !== undefined && SHA256.test(sha256);
  if (shaOk) {
    const prior = ctx.bySha.get(sha256);
    if (prior !== undefined) {
      report.add('duplicate-id', f.at('sha256'), `${path} has the same text (sha256) as documents[${prior}]; each document may appear once per file.`);
    } else {
      ctx.bySha.set(sha256, ctx.index);
    }
  }
  let text = f.string('text', { anyUnits: true });
  if (text !== undefined) {
    const defect = textDefect(text);
    if (defect !== undefined) {
      report.add('bad-text', f.at('text'), `${f.at('text')} ${defect}.`);
      text = undefined;
    }
  }
  const format = f.oneOf('format', FORMATS, { optional: true }) ?? 'text';
  const addedAt = stored(f.dateTime('addedAt', { optional: true }));
  const metadata = decodeMetadata(f, report);
  const review = decodeReview(f, report);

  if (text !== undefined && shaOk) {
    let actual: unknown;
    try {
      actual = await ctx.sha256Hex(text);
    } catch (e) {
      actual = e;
    }
    if (typeof actual !== 'string') {
      report.add(
        'hash-failed',
        f.at('sha256'),
        `${path}: the SHA-256 of the text could not be computed (${actual instanceof Error ? actual.message : describe(actual)}).`,
      );
    } else if (actual.toLowerCase() !== sha256) {
      report.add(
        'sha256-mismatch',
        f.at('sha256'),
        `${f.at('sha256')} is ${sha256}, but the text's UTF-8 SHA-256 is ${actual.toLowerCase()}: the text was changed after export or the hash is wrong.`,
      );
    }
  }

  const offsets = text === undefined ? undefined : codePointMap(text);
  const cpLength = offsets?.length;
  const blocks = decodeBlocks(f, cpLength, report);
  const annotations = decodeAnnotations(f, cpLength, ctx);
  // The ids as a set only when asked (a file with orphans): most documents have none.
  let idSet: Set<string> | undefined;
  const extras = ctx.dialect.readDocument?.(f, ctx.labels, { has: (id) => (idSet ??= new Set(annotations.map((a) => a.id))).has(id) });

  if (text === undefined || offsets === undefined || sha256 === undefined || title === undefined || report.count > before) return undefined;

  const unit = (cp: number): number => {
    const u = offsets.toUtf16(cp);
    if (u === undefined) throw new Error(`offset ${cp} was range-checked but does not map into the text`);
    return u;
  };

  const decoded: Annotation[] = [];
  const placed: PlacedAnnotation[] = [];
  annotations.forEach((a) => {
    const start = unit(a.start);
    const end = unit(a.end);
    // Length first: a wrong-length quote fails without slicing, so hostile quotes cost no more than their size.
    if (a.quote.length !== end - start || text.slice(start, end) !== a.quote) {
      const apath = `${path}.annotations[${a.index}]`;
      report.add(
        'quote-mismatch',
        `${apath}.quote`,
        `${apath}: quote ${show(a.quote)} does not match the text at ${a.start}..${a.end} (${show(text.slice(start, Math.min(end, start + 130)))}).`,
      );
      return;
    }
    // Keys in the order of the Annotation type, optional ones assigned rather than spread.
    const { id, label, quote, annotator, annotatorId, createdAt, updatedAt } = a;
    const annotation: { -readonly [K in keyof Annotation]: Annotation[K] } =
      annotatorId === undefined
        ? { id, docId: sha256, label, start, end, quote, annotator, createdAt, updatedAt }
        : { id, docId: sha256, label, start, end, quote, annotator, annotatorId, createdAt, updatedAt };
    if (a.note !== undefined) annotation.note = a.note;
    if (a.extras?.attributes !== undefined) annotation.attributes = a.extras.attributes;
    if (a.provenance !== undefined) annotation.provenance = a.provenance;
    decoded.push(annotation);
    const at: { -readonly [K in keyof PlacedAnnotation]: PlacedAnnotation[K] } = {
      annotation,
      path: `${path}.annotations[${a.index}]`,
      cpStart: a.start,
      cpEnd: a.end,
    };
    if (a.extras) at.extras = a.extras;
    placed.push(at);
  });
  if (ctx.labels !== undefined && report.count === before) ctx.dialect.checkDocument?.(text, placed, ctx.labels, report, ctx.warnings);
  const outBlocks: Block[] = blocks.map((b) => ({
    kind: b.kind,
    start: unit(b.start),
    end: unit(b.end),
    ...(b.level !== undefined ? { level: b.level } : {}),
  }));
  if (report.count > before) return undefined;

  const article: DecodedDocument['article'] = {
    id: sha256,
    sha256,
    title,
    format,
    text,
    blocks: outBlocks,
    metadata,
    ...(review !== undefined ? { reviewStatus: review.status } : {}),
    ...(addedAt !== undefined ? { addedAt } : {}),
  };
  return {
    article,
    annotations: decoded,
    ...(review !== undefined ? { review } : {}),
    ...(fileId !== undefined ? { fileId } : {}),
    ...(extras?.orphans !== undefined && extras.orphans.length > 0 ? { orphans: extras.orphans } : {}),
  };
}

function decodeMetadata(doc: Fields, report: Report): ArticleMetadata {
  const raw = doc.object('metadata');
  if (!raw) return {};
  const f = new Fields(raw, doc.at('metadata'), report);
  const date = own(raw, 'date');
  if (date !== undefined && !isIsoDate(date)) {
    report.add('schema', f.at('date'), `${f.at('date')} must be a date like "2022-01-08", but it is ${describe(date)}.`);
  }
  const sourceName = f.string('sourceName', { optional: true });
  // Corpus metadata: strings, and tags a list of strings; anything else is left out, not refused.
  const corpus: { -readonly [K in keyof ArticleMetadata]: ArticleMetadata[K] } = {};
  for (const key of ['source', 'url', 'author', 'language', 'feedId'] as const) {
    const v = own(raw, key);
    if (typeof v === 'string') corpus[key] = v;
  }
  const tags = own(raw, 'tags');
  if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) corpus.tags = tags.filter((t): t is string => typeof t === 'string');
  return {
    ...(isIsoDate(date) ? { date } : {}),
    ...(sourceName !== undefined ? { sourceName } : {}),
    ...corpus,
  };
}

function decodeBlocks(doc: Fields, cpLength: number | undefined, report: Report): PendingBlock[] {
  const raw = doc.array('blocks', { optional: true });
  const out: PendingBlock[] = [];
  let previousStart = 0;
  raw?.forEach((r, i) => {
    const f = item(r, `${doc.at('blocks')}[${i}]`, report);
    if (!f) return;
    const kind = f.oneOf('kind', BLOCK_KINDS);
    const start = f.offset('start');
    const end = f.offset('end');
    const level = own(f.o, 'level');
    if (level !== undefined && !(typeof level === 'number' && Number.isInteger(level) && level >= 1 && level <= 6)) {
      report.add('schema', f.at('level'), `${f.at('level')} must be a heading level from 1 to 6, but it is ${describe(level)}.`);
    }
    if (kind === undefined || start === undefined || end === undefined || cpLength === undefined) return;
    if (end > cpLength) {
      report.add('offset-out-of-range', f.at('end'), `${f.path}: end ${end} is beyond the end of the text (${cpLength} code points).`);
    } else if (end < start) {
      report.add('bad-block', f.at('end'), `${f.path}: end ${end} is before start ${start}.`);
    } else if (start < previousStart) {
      report.add(
        'bad-block',
        f.at('start'),
        `${f.path}: blocks must be in text order, but it starts at ${start}, before the previous block (${previousStart}).`,
      );
    } else {
      previousStart = start;
      out.push({ kind, start, end, ...(typeof level === 'number' ? { level } : {}) });
    }
  });
  return out;
}

function decodeAnnotations<L>(doc: Fields, cpLength: number | undefined, ctx: DocContext<L>): PendingAnnotation[] {
  const { report } = ctx;
  const raw = doc.array('annotations');
  const out: PendingAnnotation[] = [];
  const ids = new Map<string, number>();
  const base = doc.at('annotations');
  raw?.forEach((r, index) => {
    const f = item(r, `${base}[${index}]`, report);
    if (!f) return;
    const before = report.count;
    const id = f.string('id', { nonEmpty: true });
    if (id !== undefined) {
      const prior = ids.get(id);
      if (prior !== undefined) {
        report.add('duplicate-id', f.at('id'), `${f.path}: annotation id ${show(id)} is already used by annotations[${prior}] of this document.`);
      } else {
        ids.set(id, index);
      }
    }
    const label = f.string('label');
    const labelProblem = label === undefined ? undefined : ctx.dialect.labelProblem(label, ctx.labels);
    if (label !== undefined && labelProblem !== undefined) report.add('unknown-label', f.at('label'), `${f.path}: label ${show(label)} ${labelProblem}.`);
    const start = f.offset('start');
    const end = f.offset('end');
    const quote = f.string('quote');
    const annotator = f.string('annotator', { nonEmpty: true });
    const annotatorIdValue = annotatorId(f, 'annotatorId', { optional: true });
    const createdAt = stored(f.dateTime('createdAt'));
    const updatedAt = stored(f.dateTime('updatedAt'));
    const note = f.string('note', { optional: true });
    const provenance = decodeProvenance(f, report);
    const extra = ctx.dialect.readAnnotation?.(f, labelProblem === undefined ? label : undefined, ctx.labels);

    if (start !== undefined && end !== undefined && cpLength !== undefined) {
      if (start > cpLength) {
        report.add('offset-out-of-range', f.at('start'), `${f.path}: start ${start} is beyond the end of the text (${cpLength} code points).`);
      } else if (end > cpLength) {
        report.add('offset-out-of-range', f.at('end'), `${f.path}: end ${end} is beyond the end of the text (${cpLength} code points).`);
      } else if (end <= start) {
        report.add('empty-span', f.at('end'), `${f.path}: end ${end} must be greater than start ${start}; empty spans are not annotations.`);
      }
    }
    if (
      report.count > before ||
      id === undefined ||
      label === undefined ||
      labelProblem !== undefined ||
      start === undefined ||
      end === undefined ||
      quote === undefined ||
      annotator === undefined ||
      createdAt === undefined ||
      updatedAt === undefined
    )
      return;
    // Optional keys assigned, not spread: spreading built four objects per annotation.
    const pending: { -readonly [K in keyof PendingAnnotation]: PendingAnnotation[K] } = {
      index,
      id,
      label,
      start,
      end,
      quote,
      annotator,
      createdAt,
      updatedAt,
    };
    if (annotatorIdValue !== undefined) pending.annotatorId = annotatorIdValue;
    if (note !== undefined) pending.note = note;
    if (provenance !== undefined) pending.provenance = provenance;
    if (extra !== undefined) pending.extras = extra;
    out.push(pending);
  });
  return out;
}

function decodeProvenance(annotation: Fields, report: Report): Provenance | undefined {
  const raw = annotation.object('provenance', { optional: true });
  if (!raw) return undefined;
  const f = new Fields(raw, annotation.at('provenance'), report);
  const annotator = f.string('annotator', { nonEmpty: true });
  const annotationId = f.string('annotationId', { nonEmpty: true });
  const modified = f.boolean('modified');
  return annotator !== undefined && annotationId !== undefined && modified !== undefined ? { annotator, annotationId, modified } : undefined;
}

function decodeReview(doc: Fields, report: Report): ReviewV1 | undefined {
  const raw = doc.object('review', { optional: true });
  if (!raw) return undefined;
  const f = new Fields(raw, doc.at('review'), report);
  const status = f.oneOf('status', REVIEW_STATUSES);
  const decisions: ReviewDecisionV1[] = [];
  f.array('decisions')?.forEach((r, i) => {
    const d = item(r, `${f.at('decisions')}[${i}]`, report);
    if (!d) return;
    const annotator = d.string('annotator', { nonEmpty: true });
    const annotationId = d.string('annotationId', { nonEmpty: true });
    const decision = d.oneOf('decision', REVIEW_DECISIONS);
    const reason = d.string('reason', { optional: true });
    const decidedBy = d.string('decidedBy', { nonEmpty: true });
    const decidedAt = stored(d.dateTime('decidedAt'));
    const resultId = d.string('resultId', { optional: true, nonEmpty: true });
    if (annotator === undefined || annotationId === undefined || decision === undefined || decidedBy === undefined || decidedAt === undefined) return;
    decisions.push({
      annotator,
      annotationId,
      decision,
      decidedBy,
      decidedAt,
      ...(reason !== undefined ? { reason } : {}),
      ...(resultId !== undefined ? { resultId } : {}),
    });
  });
  return status === undefined ? undefined : { status, decisions };
}
