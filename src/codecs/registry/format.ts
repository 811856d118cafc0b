// What every interchange format (brat, WebAnno TSV, Label Studio, doccano, spaCy/Prodigy, W3C Web
// Annotation, CoNLL, Spanmark itself) provides to the rest of the app: one folder per format under
// src/codecs/<format>/ exporting a FormatCodec, listed once in registry.ts. The export dialog, the
// import path, the CLI and the tests find formats only through the registry.
//
// The interchange model is deliberately smaller than the app's stored Annotation: no ids of
// installations, no stamps, no review provenance. Offsets in it are UTF-16 code units into
// `text` (as everywhere inside Spanmark); each codec converts to and from its format's own unit
// and says which unit it found. Not here: mapping a file's labels onto the library's schema
// (label-mapping) and writing records (renderer/).

import type { AttributeValues } from '../../labels/attributes.js';
import type { LabelSchema } from '../../labels/schema.js';

/** The unit a format counts offsets in, as its tools document it. */
export type OffsetUnit = 'codepoint' | 'utf16' | 'grapheme' | 'token';

export interface Capabilities {
  /** Spans may overlap or nest. */
  readonly overlaps: boolean;
  /** One annotation may cover several separate fragments. */
  readonly discontinuous: boolean;
  readonly attributes: boolean;
  readonly notes: boolean;
  /** Links between annotations (brat relations, link attributes). */
  readonly links: boolean;
  /** Several annotators' layers in one file. */
  readonly annotators: boolean;
  /** The file carries the document's exact text (CoNLL rebuilds it from tokens). */
  readonly exactText: boolean;
  readonly offsetUnit: OffsetUnit;
}

/** [start, end) in UTF-16 code units of InterchangeDocument.text. */
export interface Fragment {
  readonly start: number;
  readonly end: number;
}

export interface InterchangeAnnotation {
  readonly id: string;
  readonly label: string;
  /** Covering range: first fragment's start to last fragment's end. */
  readonly start: number;
  readonly end: number;
  /** Present only for discontinuous spans: ordered, non-overlapping, within [start, end). */
  readonly fragments?: readonly Fragment[];
  /** The text covered (fragments joined by one space, as brat does). */
  readonly quote: string;
  readonly annotator?: string;
  readonly note?: string;
  /** Values by attribute id; link attributes hold the target annotation's id. */
  readonly attributes?: AttributeValues;
}

export interface InterchangeDocument {
  readonly id?: string;
  readonly title?: string;
  /** The text offsets refer to, LF line endings. */
  readonly text: string;
  readonly metadata?: Readonly<Record<string, string>>;
  readonly annotations: readonly InterchangeAnnotation[];
}

/** A problem in an input, with where it is (file, line:column or JSON path) for the message. */
export interface FormatProblem {
  readonly message: string;
  /** e.g. "doc.ann:12:3" or "$[3].annotations[0].result[2].value.start". */
  readonly where?: string;
  /** Errors refuse the file (all or nothing); warnings are reported and the import goes on. */
  readonly severity: 'error' | 'warning';
}

export interface InputFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface DecodeResult {
  readonly documents: readonly InterchangeDocument[];
  /** Labels the files use, with the names they give (id = the file's own label string). */
  readonly labels: readonly { readonly id: string; readonly name: string }[];
  readonly problems: readonly FormatProblem[];
  /** The offset unit the offsets turned out to be in, when the format allows more than one. */
  readonly offsetUnitFound?: OffsetUnit;
  /** The files' own label schema, for formats that carry one (Spanmark v2; v1's labels without attributes). */
  readonly schema?: LabelSchema;
}

/** Something the format cannot carry, named before a file is written. */
export interface Loss {
  /** What is dropped, e.g. "attributes", "overlapping spans", "notes". */
  readonly what: string;
  readonly count: number;
  /** A few annotations it happens to, as quote + label, for the report. */
  readonly examples: readonly string[];
}

export interface EncodeResult {
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  readonly losses: readonly Loss[];
}

export interface FormatCodec {
  /** Stable id used by the CLI (--to/--from) and remembered label mappings. */
  readonly id: string;
  readonly name: string;
  /** File name endings it reads and writes, without the dot, most specific first. */
  readonly extensions: readonly string[];
  readonly capabilities: Capabilities;
  /** Whether these files look like this format (by name and content); cheap, never throws. */
  sniff(files: readonly InputFile[]): boolean;
  decode(files: readonly InputFile[]): DecodeResult;
  /** What would be lost, without writing anything (the dialog shows it first). */
  losses(documents: readonly InterchangeDocument[], schema: LabelSchema): readonly Loss[];
  encode(documents: readonly InterchangeDocument[], schema: LabelSchema, baseName: string): EncodeResult;
}

/**
 * A codec whose decoding or encoding needs asynchronous work (Spanmark's own format checks each
 * document's SHA-256 with WebCrypto). The registry lists both kinds; callers go through
 * registry.ts's decodeFiles/encodeDocuments, which await either.
 */
export interface AsyncFormatCodec extends Omit<FormatCodec, 'decode' | 'encode'> {
  decode(files: readonly InputFile[]): Promise<DecodeResult>;
  encode(documents: readonly InterchangeDocument[], schema: LabelSchema, baseName: string): Promise<EncodeResult>;
}

export type AnyFormatCodec = FormatCodec | AsyncFormatCodec;
