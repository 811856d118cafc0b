// Writes the labeled-JSON export (version 1) from stored articles and annotations. Stored offsets are
// UTF-16; the file's are code points, converted here in one pass per document. Encoding refuses
// (throws) rather than write a file that decodeSpanmarkV1 would reject, so a bad export never leaves.

import type { Annotation } from '../../annotations/types.js';
import type { DecodedOrphan } from '../spanmark/decode-core.js';
import { sortAnnotations } from '../../annotations/commands.js';
import type { Article } from '../../document/article.js';
import { utf16ToCodePoints } from '../../text/offsets.js';
import { endWithout, isSpaceOrDot, trimWhere } from '../../text/trim.js';
import { isIsoDate, isIsoDateTime, textDefect } from './decode.js';
import {
  MAX_ANNOTATOR_ID_LENGTH,
  SPANMARK_FORMAT,
  SPANMARK_OFFSET_UNIT,
  SPANMARK_VERSION,
  type ExportedAnnotationV1,
  type ExportedBlockV1,
  type ExportedByV1,
  type ExportedDocumentV1,
  type ExportedLabelV1,
  type ExportedMetadataV1,
  type ReviewV1,
  type SpanmarkFileV1,
  V1_LABELS,
} from './types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface EncodeDocumentInput {
  readonly article: Article;
  readonly annotations: readonly Annotation[];
  /** Review state; when absent but article.reviewStatus is set, a review with no decisions is written. */
  readonly review?: ReviewV1;
  /** Annotations that lost their place when the text changed: written by v2 only (v1 has no place for them). */
  readonly orphans?: readonly DecodedOrphan[];
}

export interface EncodeInput {
  readonly documents: readonly EncodeDocumentInput[];
  /** ISO-8601 date-time, passed in so encoding stays pure and testable. */
  readonly exportedAt: string;
  /** Version of the Spanmark build writing the file (package.json version). */
  readonly generatorVersion: string;
  /** The analyst writing the file (their installation id and name); written as exportedBy. */
  readonly exportedBy?: ExportedByV1;
}

/**
 * Thrown for stored data that cannot be exported faithfully (an offset outside its text or inside a
 * surrogate pair, a quote that no longer matches, a duplicate id). It means a bug or corrupt storage,
 * so it is loud; `path` locates the offending value in the file that would have been written.
 */
export class SpanmarkEncodeError extends Error {
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.name = 'SpanmarkEncodeError';
    this.path = path;
  }
}

/**
 * Writes what a version adds to one annotation, given the v1 record (offsets in code points) and the
 * stored annotation (offsets in UTF-16). Returns the record to write; `path` locates it for errors.
 */
export type AnnotationExtender<A extends ExportedAnnotationV1 = ExportedAnnotationV1> = (
  wire: ExportedAnnotationV1,
  stored: Annotation,
  text: string,
  path: string,
) => A;

export function encodeSpanmarkV1(input: EncodeInput): SpanmarkFileV1 {
  return {
    ...fileHead(input, SPANMARK_VERSION),
    // Every Spanmark label is listed, used or not, so a reader learns the full label set.
    // The hotkey is a binding of this app, not a property of the label, so it stays out.
    labels: V1_LABELS.map((l): ExportedLabelV1 => ({
      id: l.id,
      name: l.name,
      description: l.description,
      color: l.color,
      glyph: l.glyph,
      underline: l.underline,
    })),
    documents: encodeDocuments(input),
  };
}

/** The keys every version writes first, in the contract's order. */
export function fileHead<V extends number>(input: Omit<EncodeInput, 'documents'>, version: V) {
  if (!isIsoDateTime(input.exportedAt)) {
    throw new SpanmarkEncodeError('exportedAt', `${JSON.stringify(input.exportedAt)} is not an ISO-8601 date-time`);
  }
  return {
    format: SPANMARK_FORMAT,
    version,
    offsetUnit: SPANMARK_OFFSET_UNIT,
    exportedAt: input.exportedAt,
    generator: { name: 'spanmark', version: input.generatorVersion },
    ...(input.exportedBy !== undefined ? { exportedBy: copyExportedBy(input.exportedBy) } : {}),
  } as const;
}

/** The documents of a file, shared by every version: `extend` adds what a version adds to an annotation. */
export function encodeDocuments<A extends ExportedAnnotationV1 = ExportedAnnotationV1>(
  input: EncodeInput,
  extend?: AnnotationExtender<A>,
): (Omit<ExportedDocumentV1, 'annotations'> & { readonly annotations: readonly A[] })[] {
  const encode = documentEncoder(extend);
  return input.documents.map((doc, i) => encode(doc, i));
}

/**
 * Encodes one document at a time (documents[i] of the file), refusing a text already encoded by
 * this encoder: what encodeDocuments does for a list, for a writer that streams documents and
 * keeps none of them (only their hashes).
 */
export function documentEncoder<A extends ExportedAnnotationV1 = ExportedAnnotationV1>(
  extend?: AnnotationExtender<A>,
): (doc: EncodeDocumentInput, i: number) => Omit<ExportedDocumentV1, 'annotations'> & { readonly annotations: readonly A[] } {
  const encode = lazyDocumentEncoder(extend);
  return (doc, i) => {
    const encoded = encode(doc, i);
    return { ...encoded, annotations: encoded.annotations.toArray() };
  };
}

/**
 * documentEncoder for a writer that serialises the document at once (serializeSpanmarkInPieces,
 * serializeSpanmarkPieces): the document is checked whole now, as documentEncoder does, but each
 * annotation's record is built when the serialiser reaches it (AnnotationRecords). Built first, 10,000
 * v2 records with copies of their values all lived until the last was written: encoding took
 * 27–158 ms of an export in Chromium, mostly the collections of that heap; built one at a time,
 * each is garbage by the next and encoding takes 9–41 ms (the checks; the records' cost moves
 * into serialising). Measured as alternating bench runs, 27 exports a side: median 150 → 134 ms.
 */
export function lazyDocumentEncoder<A extends ExportedAnnotationV1 = ExportedAnnotationV1>(
  extend?: AnnotationExtender<A>,
): (doc: EncodeDocumentInput, i: number) => Omit<ExportedDocumentV1, 'annotations'> & { readonly annotations: AnnotationRecords<A> } {
  const seen = new Map<string, number>();
  return (doc, i) => {
    const prior = seen.get(doc.article.sha256);
    if (prior !== undefined) {
      throw new SpanmarkEncodeError(`documents[${i}].sha256`, `the same text is already exported as documents[${prior}]`);
    }
    seen.set(doc.article.sha256, i);
    return encodeDocument(doc, `documents[${i}]`, extend);
  };
}

/**
 * A document's annotations in the order the file lists them (`sources`, as stored), each one's
 * record made on demand: record(i) builds the i-th (and may throw the encoder's refusal). The
 * serialisers write it as they write an array; toArray() builds them all.
 */
export class AnnotationRecords<A> {
  constructor(
    readonly sources: readonly Annotation[],
    private readonly build: (i: number) => A,
  ) {}
  get length(): number {
    return this.sources.length;
  }
  record(i: number): A {
    return this.build(i);
  }
  toArray(): A[] {
    const out = new Array<A>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.build(i);
    return out;
  }
  /** What JSON.stringify writes for it (a record written on one line that holds an empty list). */
  toJSON(): A[] {
    return this.toArray();
  }
}

function encodeDocument<A extends ExportedAnnotationV1>(
  doc: EncodeDocumentInput,
  path: string,
  extend: AnnotationExtender<A> | undefined,
): Omit<ExportedDocumentV1, 'annotations'> & { readonly annotations: AnnotationRecords<A> } {
  const { article } = doc;
  const { text } = article;
  const defect = textDefect(text);
  if (defect !== undefined) throw new SpanmarkEncodeError(`${path}.text`, defect);
  if (!/^[0-9a-f]{64}$/.test(article.sha256)) {
    throw new SpanmarkEncodeError(`${path}.sha256`, 'is not a lower-case hex SHA-256');
  }
  if (article.metadata.date !== undefined && !isIsoDate(article.metadata.date)) {
    throw new SpanmarkEncodeError(`${path}.metadata.date`, `${JSON.stringify(article.metadata.date)} is not a YYYY-MM-DD date`);
  }

  // Sorting on UTF-16 offsets gives the same order as on code points (the mapping is monotonic).
  // Stored layers usually arrive in this order already; checking is O(n), sorting is not.
  const annotations = sortAnnotations(doc.annotations);
  const ids = new Set<string>();
  // The path is built only for the annotation that fails: 10,000 template strings cost milliseconds.
  for (let i = 0; i < annotations.length; i++) checkAnnotation(annotations[i]!, article, path, i, ids);
  checkBlocks(article, path);

  // One conversion for every offset of the document: annotations first, then blocks.
  const units: number[] = [];
  for (const a of annotations) units.push(a.start, a.end);
  for (const b of article.blocks) units.push(b.start, b.end);
  let cps: number[];
  try {
    cps = utf16ToCodePoints(text, units);
  } catch (e) {
    const where = locateBadOffset(text, annotations, article.blocks, path);
    throw new SpanmarkEncodeError(where.path, `UTF-16 offset ${where.offset} cannot be exported (${(e as Error).message})`);
  }

  const record = (i: number): A => {
    const a = annotations[i]!;
    // Assigned rather than spread: this runs once per annotation and spreads are slow when cold.
    // annotatorId beside the name: key order is part of the readable file.
    const out: Mutable<ExportedAnnotationV1> =
      a.annotatorId === undefined
        ? {
            id: a.id,
            label: a.label,
            start: cps[2 * i]!,
            end: cps[2 * i + 1]!,
            quote: a.quote,
            annotator: a.annotator,
            createdAt: a.createdAt,
            updatedAt: a.updatedAt,
          }
        : {
            id: a.id,
            label: a.label,
            start: cps[2 * i]!,
            end: cps[2 * i + 1]!,
            quote: a.quote,
            annotator: a.annotator,
            annotatorId: a.annotatorId,
            createdAt: a.createdAt,
            updatedAt: a.updatedAt,
          };
    if (a.note !== undefined) out.note = a.note;
    if (a.provenance !== undefined) {
      out.provenance = { annotator: a.provenance.annotator, annotationId: a.provenance.annotationId, modified: a.provenance.modified };
    }
    return extend ? extend(out, a, text, `${path}.annotations[${i}]`) : (out as A);
  };
  const exported = new AnnotationRecords(annotations, record);
  const base = 2 * annotations.length;
  const blocks: ExportedBlockV1[] = article.blocks.map((b, i) => ({
    kind: b.kind,
    start: cps[base + 2 * i]!,
    end: cps[base + 2 * i + 1]!,
    ...(b.level !== undefined ? { level: b.level } : {}),
  }));

  const metadata: ExportedMetadataV1 = {
    ...(article.metadata.date !== undefined ? { date: article.metadata.date } : {}),
    ...(article.metadata.sourceName !== undefined ? { sourceName: article.metadata.sourceName } : {}),
    ...corpusMetadata(article.metadata),
  };
  const review = doc.review ?? (article.reviewStatus !== undefined ? { status: article.reviewStatus, decisions: [] } : undefined);
  return {
    id: article.id,
    title: article.title,
    sha256: article.sha256,
    text,
    format: article.format,
    // addedAt is bookkeeping, not evidence: a malformed one is left out rather than blocking the export.
    ...(isIsoDateTime(article.addedAt) ? { addedAt: article.addedAt } : {}),
    metadata,
    blocks,
    annotations: exported,
    ...(review !== undefined ? { review: copyReview(review, `${path}.review`) } : {}),
  };
}

function checkAnnotation(a: Annotation, article: Article, path: string, i: number, ids: Set<string>): void {
  const fail = (suffix: string, message: string): never => {
    throw new SpanmarkEncodeError(`${path}.annotations[${i}]${suffix}`, message);
  };
  if (a.id.length === 0) fail('.id', 'is empty');
  if (ids.has(a.id)) fail('.id', `annotation id ${JSON.stringify(a.id)} occurs twice in this document`);
  ids.add(a.id);
  if (a.docId !== article.id) {
    fail('', `annotation ${JSON.stringify(a.id)} belongs to document ${a.docId}, not ${article.id}`);
  }
  if (!(a.end > a.start)) fail('.end', `span ${a.start}..${a.end} is empty`);
  if (article.text.slice(a.start, a.end) !== a.quote) {
    fail('.quote', `stored quote ${JSON.stringify(a.quote)} does not match the text at UTF-16 ${a.start}..${a.end}`);
  }
  if (a.annotator.length === 0) fail('.annotator', 'is empty');
  if (a.annotatorId !== undefined && idDefect(a.annotatorId) !== undefined) fail('.annotatorId', idDefect(a.annotatorId)!);
  if (!isIsoDateTime(a.createdAt)) fail('.createdAt', 'is not an ISO-8601 date-time');
  if (!isIsoDateTime(a.updatedAt)) fail('.updatedAt', 'is not an ISO-8601 date-time');
}

/** Only called after the conversion failed, to name the culprit; the slow path is fine here. */
function locateBadOffset(text: string, annotations: readonly Annotation[], blocks: Article['blocks'], path: string): { path: string; offset: number } {
  const bad = (n: number): boolean => {
    try {
      utf16ToCodePoints(text, [n]);
      return false;
    } catch {
      return true;
    }
  };
  const spans = [
    ...annotations.map((a, i) => ({ at: `${path}.annotations[${i}]`, start: a.start, end: a.end })),
    ...blocks.map((b, i) => ({ at: `${path}.blocks[${i}]`, start: b.start, end: b.end })),
  ];
  for (const s of spans) {
    if (bad(s.start)) return { path: `${s.at}.start`, offset: s.start };
    if (bad(s.end)) return { path: `${s.at}.end`, offset: s.end };
  }
  return { path, offset: NaN };
}

function checkBlocks(article: Article, path: string): void {
  let previousStart = 0;
  article.blocks.forEach((b, i) => {
    if (b.end >= b.start && b.start >= previousStart && b.level === undefined) {
      previousStart = b.start;
      return;
    }
    const at = `${path}.blocks[${i}]`;
    if (b.end < b.start) throw new SpanmarkEncodeError(at, `block ${b.start}..${b.end} ends before it starts`);
    if (b.start < previousStart) throw new SpanmarkEncodeError(at, `block starts at ${b.start}, before the previous block (${previousStart})`);
    if (b.level !== undefined && !(Number.isInteger(b.level) && b.level >= 1 && b.level <= 6)) {
      throw new SpanmarkEncodeError(`${at}.level`, `heading level ${b.level} is not 1-6`);
    }
    previousStart = b.start;
  });
}

/** Why a string cannot be an annotator id in a file, or undefined (the decoder's rule). */
function idDefect(id: string): string | undefined {
  if (id.length === 0) return 'is empty';
  if (id.length > MAX_ANNOTATOR_ID_LENGTH) return `is longer than ${MAX_ANNOTATOR_ID_LENGTH} characters`;
  if (/\p{Cs}/u.test(id)) return 'contains an unpaired surrogate';
  return undefined;
}

function copyExportedBy(by: ExportedByV1): ExportedByV1 {
  const defect = idDefect(by.id);
  if (defect !== undefined) throw new SpanmarkEncodeError('exportedBy.id', defect);
  if (by.name.length === 0 || /\p{Cs}/u.test(by.name)) throw new SpanmarkEncodeError('exportedBy.name', 'must be a non-empty string with a UTF-8 form');
  return { id: by.id, name: by.name };
}

function copyReview(review: ReviewV1, path: string): ReviewV1 {
  review.decisions.forEach((d, i) => {
    const at = `${path}.decisions[${i}]`;
    if (d.annotator.length === 0 || d.annotationId.length === 0 || d.decidedBy.length === 0 || d.resultId === '') {
      throw new SpanmarkEncodeError(at, 'annotator, annotationId, decidedBy and resultId must not be empty');
    }
    if (!isIsoDateTime(d.decidedAt)) throw new SpanmarkEncodeError(`${at}.decidedAt`, 'is not an ISO-8601 date-time');
  });
  return {
    status: review.status,
    decisions: review.decisions.map((d) => ({
      annotator: d.annotator,
      annotationId: d.annotationId,
      decision: d.decision,
      ...(d.reason !== undefined ? { reason: d.reason } : {}),
      decidedBy: d.decidedBy,
      decidedAt: d.decidedAt,
      ...(d.resultId !== undefined ? { resultId: d.resultId } : {}),
    })),
  };
}

/**
 * The file's bytes as text: indented JSON (2 spaces) in which every record of a list (an
 * annotation, a block, a label, a decision) is written whole on one line, so a diff shows one line
 * per changed annotation. Key order as in the contract, non-ASCII written as is (the file is
 * UTF-8), and a final newline. The pieces are joined once at the end: each copy of a 1 MB text
 * and 10,000 annotations costs tens of milliseconds, and nesting templates copied it per level.
 */
export function serializeSpanmarkV1(file: SpanmarkFileV1): string {
  return serializeSpanmark(file);
}

/** serializeSpanmarkV1 for a file of any version (v2's attribute values are written inline too). */
export function serializeSpanmark(file: object): string {
  const out: string[] = [];
  writeJson(file, '', out);
  out.push('\n');
  return out.join('');
}

/**
 * serializeSpanmark's text in pieces of about `pieceChars` characters, never joined: what a save
 * takes (a download's Blob, or main writing the file). In Chromium, joining a 10,000-annotation
 * export into one string of 6 MB took 55–75 ms, and building the download's Blob from that string
 * another 160–250 ms, against 110–170 ms from pieces. Every piece is whole JSON tokens and
 * separators, never half of a surrogate pair, so the pieces encoded one by one are the text's UTF-8.
 */
export function serializeSpanmarkInPieces(file: object, pieceChars = 16 * 1024): { readonly pieces: string[]; readonly chars: number } {
  const out = new Batches(pieceChars);
  writeJson(file, '', out);
  out.push('\n');
  return { pieces: out.finish(), chars: out.chars };
}

/** Small pieces gathered into pieces of at least `size` characters (the last may be shorter). */
class Batches {
  private readonly done: string[] = [];
  private batch: string[] = [];
  private batchChars = 0;
  chars = 0;
  constructor(private readonly size: number) {}
  push(piece: string): void {
    this.batch.push(piece);
    this.batchChars += piece.length;
    this.chars += piece.length;
    if (this.batchChars >= this.size) this.cut();
  }
  finish(): string[] {
    this.cut();
    return this.done;
  }
  private cut(): void {
    if (this.batchChars > 0) this.done.push(this.batch.join(''));
    this.batch = [];
    this.batchChars = 0;
  }
}

/**
 * serializeSpanmark of `{ ...head, [listKey]: items }` in pieces, joined they are the same text
 * byte for byte: the head's keys, then each item as serializeSpanmark writes a list's items, then
 * the closing brackets. The list key must be the file's last (documents is, in every version).
 * Items are taken one at a time from a possibly asynchronous source, and pieces are handed on once
 * they hold at least `minChars` characters, so a library is never one string and never one
 * message per tiny document.
 */
export async function* serializeSpanmarkPieces(
  head: Readonly<Record<string, unknown>>,
  listKey: string,
  items: AsyncIterable<unknown> | Iterable<unknown>,
  minChars = 256 * 1024,
): AsyncGenerator<string, void, undefined> {
  const out: string[] = ['{\n'];
  let size = 0;
  const entries = Object.entries(head).filter(([k, v]) => v !== undefined && k !== listKey);
  entries.forEach(([k, v], i) => {
    out.push(`${i > 0 ? ',\n' : ''}  ${JSON.stringify(k)}: `);
    writeJson(v, '  ', out);
  });
  out.push(`${entries.length > 0 ? ',\n' : ''}  ${JSON.stringify(listKey)}: `);
  let count = 0;
  for await (const item of items) {
    out.push(count === 0 ? '[\n    ' : ',\n    ');
    const from = out.length;
    if (isLeafRecord(item)) out.push(JSON.stringify(item));
    else writeJson(item, '    ', out);
    for (let j = from; j < out.length; j++) size += out[j]!.length;
    count += 1;
    if (size >= minChars) {
      yield out.join('');
      out.length = 0;
      size = 0;
    }
  }
  out.push(count === 0 ? '[]\n}\n' : '\n  ]\n}\n');
  yield out.join('');
}

/** Where writeJson puts its pieces, in order: a list to join, or batches. */
interface Pieces {
  push(piece: string): unknown;
}

function writeJson(value: unknown, indent: string, out: Pieces): void {
  const list = Array.isArray(value) ? value : value instanceof AnnotationRecords ? value : undefined;
  if (list !== undefined) {
    if (list.length === 0) return void out.push('[]');
    const inner = `${indent}  `;
    const separator = `,\n${inner}`;
    out.push(`[\n${inner}`);
    // A record per call: in Chromium that is several times faster than stringifying the whole
    // list, whose single multi-megabyte result is slow to build.
    const at = Array.isArray(list) ? (i: number): unknown => list[i] : (i: number): unknown => list.record(i);
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out.push(separator);
      const v = at(i);
      if (isLeafRecord(v)) out.push(JSON.stringify(v));
      else writeJson(v, inner, out);
    }
    return void out.push(`\n${indent}]`);
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return void out.push('{}');
    const inner = `${indent}  `;
    out.push('{\n');
    entries.forEach(([k, v], i) => {
      out.push(`${i > 0 ? ',\n' : ''}${inner}${JSON.stringify(k)}: `);
      writeJson(v, inner, out);
    });
    return void out.push(`\n${indent}}`);
  }
  out.push(JSON.stringify(value));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof AnnotationRecords);
}

/**
 * A record holding no list of records (an annotation, a block, a label of v1, an attribute
 * definition): written on one line. A list of plain values (a multiple choice, a choice's values)
 * stays inline; v1 files have none, so their layout is unchanged.
 */
function isLeafRecord(v: unknown): boolean {
  if (!isRecord(v)) return false;
  for (const k in v) {
    const x = v[k];
    // Records are objects: a list of them is never inline, an empty one is [] like an empty array.
    if (x instanceof AnnotationRecords) {
      if (x.length > 0) return false;
      continue;
    }
    if (Array.isArray(x) ? x.some((e) => typeof e === 'object' && e !== null) : isRecord(x) && !isLeafRecord(x)) return false;
  }
  return true;
}

const EXPORT_SUFFIX = '.spanmark.json';
/** Most file systems cap a name at 255 bytes; leave room for the suffix and a " (2)" the OS may add. */
const MAX_TITLE_BYTES = 200;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * `<title>.spanmark.json`, with the title made safe as a bare file name on Windows, macOS and Linux:
 * no path separators, control, bidi-override or reserved characters, no leading/trailing dots or
 * spaces, no reserved device name, at most 200 UTF-8 bytes; 'spanmark-export' when nothing is left.
 */
export function exportFileName(title: string): string {
  let name = title
    .normalize('NFC')
    // C0/C1 controls, DEL, characters Windows reserves, and both slashes.
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g, '-')
    .replace(/\p{Cs}/gu, '-')
    // Bidi controls can disguise the extension ("…\u202Enosj.exe"); line/paragraph separators and
    // other invisible format characters only confuse.
    .replace(/[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/\s+/g, ' ');
  // Trimmed by scanning: /^[\s.]+|[\s.]+$/ is quadratic on a long run of " ." in a title.
  name = trimWhere(name, isSpaceOrDot);
  name = truncateUtf8(name, MAX_TITLE_BYTES);
  name = name.slice(0, endWithout(name, isSpaceOrDot));
  if (name.length === 0) name = 'spanmark-export';
  // Windows reserves device names before the first dot, whatever follows ("con.notes" too).
  if (WINDOWS_RESERVED.test(name.split('.')[0]!.trimEnd())) name = `_${name}`;
  return `${name}${EXPORT_SUFFIX}`;
}

/** Cuts at a code point boundary so no surrogate half is left dangling. */
function truncateUtf8(s: string, maxBytes: number): string {
  let bytes = 0;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    out += ch;
  }
  return out;
}

/** The corpus metadata (src/corpus) an article has: outlet, URL, author, language, feed id, tags. */
function corpusMetadata(m: Article['metadata']): Partial<ExportedMetadataV1> {
  const out: { -readonly [K in keyof ExportedMetadataV1]: ExportedMetadataV1[K] } = {};
  for (const key of ['source', 'url', 'author', 'language', 'feedId'] as const) if (typeof m[key] === 'string') out[key] = m[key];
  if (m.tags !== undefined && m.tags.length > 0) out.tags = [...m.tags];
  return out;
}
