// Writes the labeled-JSON export, version 2: v1's documents (../spanmark-v1/encode.ts, shared) with
// the library's label schema at the top, and on every annotation its attribute values, prefix and
// suffix. Like v1 it refuses (throws SpanmarkEncodeError with the JSON path) rather than write what
// the v2 reader would refuse: a value its schema does not allow, a link to an annotation that is not
// in the same document of the file, an id a reader could not take as a key.

import type { AttributeDef, AttributeValue, AttributeValues } from '../../labels/attributes.js';
import { attributeValueProblem, linkTargetProblem } from '../../labels/attribute-values.js';
import type { LabelSchema } from '../../labels/schema.js';
import { textAfter, textBefore } from '../../text/context.js';
import { loneSurrogateAt } from '../../validation/fields.js';
import {
  fileHead,
  lazyDocumentEncoder,
  SpanmarkEncodeError,
  type EncodeDocumentInput,
  type EncodeInput,
  type AnnotationRecords,
} from '../spanmark-v1/encode.js';
import type { ExportedAnnotationV1 } from '../spanmark-v1/types.js';
import { keyPath } from './decode.js';
import { encodeOrphans } from './orphans.js';
import {
  CONTEXT_CODE_POINTS,
  SCHEMA_ID_PATTERN,
  SPANMARK_VERSION_2,
  type ExportedAnnotationV2,
  type ExportedAttributeV2,
  type ExportedDocumentV2,
  type ExportedLabelV2,
  type ExportedSchemaV2,
  type SpanmarkFileV2,
} from './types.js';

export interface EncodeInputV2 extends EncodeInput {
  /** The library's schema: written whole, and every value is checked against it. */
  readonly schema: LabelSchema;
}

export function encodeSpanmarkV2(input: EncodeInputV2): SpanmarkFileV2 {
  const encoder = spanmarkV2Encoder(input);
  return {
    ...encoder.head,
    documents: input.documents.map((doc, i) => {
      const encoded = encoder.document(doc, i);
      return { ...encoded, annotations: encoded.annotations.toArray() };
    }),
  };
}

/** A v2 file whose documents are checked but whose annotation records are built as serialiseSpanmark… writes them. */
export type SpanmarkFileV2ForWriting = Omit<SpanmarkFileV2, 'documents'> & { readonly documents: readonly ExportedDocumentV2ForWriting[] };
export type ExportedDocumentV2ForWriting = Omit<ExportedDocumentV2, 'annotations'> & { readonly annotations: AnnotationRecords<ExportedAnnotationV2> };

/**
 * encodeSpanmarkV2 for a caller that serialises the file at once (serializeSpanmarkInPieces):
 * the same refusals, the same text, without holding every annotation's record at once
 * (spanmark-v1/encode.ts lazyDocumentEncoder). A refusal of a value may then come from the
 * serialiser, which writes nothing when it throws.
 */
export function encodeSpanmarkV2ForWriting(input: EncodeInputV2): SpanmarkFileV2ForWriting {
  const encoder = spanmarkV2Encoder(input);
  return { ...encoder.head, documents: input.documents.map((doc, i) => encoder.document(doc, i)) };
}

/** What a v2 file needs besides its documents. */
export type EncodeHeadV2 = Omit<EncodeInputV2, 'documents'>;

export interface SpanmarkV2Encoder {
  /** The file without its documents, in the contract's key order. */
  readonly head: Omit<SpanmarkFileV2, 'documents'>;
  /** documents[i] of the file, its annotation records built when read; refuses a text this encoder already wrote. */
  document(doc: EncodeDocumentInput, i: number): ExportedDocumentV2ForWriting;
}

/** encodeSpanmarkV2 one document at a time, for writers that stream (encode-stream.ts). */
export function spanmarkV2Encoder(input: EncodeHeadV2): SpanmarkV2Encoder {
  const head = { ...fileHead(input, SPANMARK_VERSION_2), schema: encodeSchema(input.schema) };
  const defs = new Map(input.schema.labels.map((l) => [l.id, new Map(l.attributes.map((a) => [a.id, a]))]));
  const encode = lazyDocumentEncoder<ExportedAnnotationV2>((wire, stored, text, path) => {
    const attrs = defs.get(stored.label);
    if (attrs === undefined) throw new SpanmarkEncodeError(`${path}.label`, `label ${JSON.stringify(stored.label)} is not in the schema`);
    return withV2Keys(
      wire,
      textBefore(text, stored.start, CONTEXT_CODE_POINTS),
      textAfter(text, stored.end, CONTEXT_CODE_POINTS),
      copyValues(stored.attributes, attrs, path),
    );
  });
  return {
    head,
    document(docInput, i) {
      const doc = encode(docInput, i);
      // Links need the whole document: each must point at an annotation of the same document here.
      // Checked on the stored values (the records, which copy them, are built later), in the
      // order the file lists the annotations, so the path names the record that would be wrong.
      const listed = doc.annotations.sources;
      const labelOf = new Map(listed.map((a) => [a.id, a.label]));
      listed.forEach((a, j) => {
        const attrs = defs.get(a.label);
        if (attrs === undefined || a.attributes === undefined) return;
        for (const id in a.attributes) {
          const def = attrs.get(id);
          if (!Object.hasOwn(a.attributes, id) || def?.type !== 'link') continue;
          const value = a.attributes[id];
          // A value that is not an id at all is refused by the value check, in its own words.
          if (typeof value !== 'string') continue;
          const problem = linkTargetProblem(def, value, labelOf.get(value));
          if (problem !== undefined) throw new SpanmarkEncodeError(keyPath(`documents[${i}].annotations[${j}].attributes`, id), problem);
        }
      });
      // Orphans after the annotations (before review), only where a document has any.
      const orphans = docInput.orphans;
      if (orphans === undefined || orphans.length === 0) return doc;
      const { review, ...rest } = doc;
      return {
        ...rest,
        orphans: encodeOrphans(orphans, input.schema, `documents[${i}]`, new Set(labelOf.keys())),
        ...(review !== undefined ? { review } : {}),
      };
    },
  };
}

/** The record in the contract's key order: context around the quote, values after the note. */
function withV2Keys(w: ExportedAnnotationV1, prefix: string, suffix: string, attributes: AttributeValues): ExportedAnnotationV2 {
  const out: Record<string, unknown> = { id: w.id, label: w.label, start: w.start, end: w.end, prefix, quote: w.quote, suffix, annotator: w.annotator };
  if (w.annotatorId !== undefined) out.annotatorId = w.annotatorId;
  out.createdAt = w.createdAt;
  out.updatedAt = w.updatedAt;
  if (w.note !== undefined) out.note = w.note;
  out.attributes = attributes;
  if (w.provenance !== undefined) out.provenance = w.provenance;
  return out as unknown as ExportedAnnotationV2;
}

function copyValues(values: AttributeValues | undefined, defs: ReadonlyMap<string, AttributeDef>, path: string): AttributeValues {
  const out: Record<string, AttributeValue> = {};
  if (values === undefined) return out;
  // The path is built only for a refusal: an export of 10,000 annotations checks some 40,000 values.
  const at = (id: string): string => keyPath(`${path}.attributes`, id);
  for (const id in values) {
    if (!Object.hasOwn(values, id)) continue;
    const value = values[id]!;
    const def = defs.get(id);
    if (def === undefined) throw new SpanmarkEncodeError(at(id), 'is not an attribute of its label in the schema');
    const problem = attributeValueProblem(def, value);
    if (problem !== undefined) throw new SpanmarkEncodeError(at(id), problem);
    if (typeof value === 'string' && loneSurrogateAt(value) !== undefined) throw new SpanmarkEncodeError(at(id), 'contains an unpaired surrogate');
    out[id] = Array.isArray(value) ? [...(value as readonly string[])] : typeof value === 'object' ? { ...value } : value;
  }
  return out;
}

function checkId(id: string, path: string): string {
  if (!SCHEMA_ID_PATTERN.test(id))
    throw new SpanmarkEncodeError(path, `${JSON.stringify(id)} cannot be written as an id (letters, digits, "_" and "-", at most 64)`);
  return id;
}

function encodeSchema(schema: LabelSchema): ExportedSchemaV2 {
  if (schema.id.length === 0) throw new SpanmarkEncodeError('schema.id', 'is empty');
  if (!(Number.isSafeInteger(schema.version) && schema.version >= 1))
    throw new SpanmarkEncodeError('schema.version', `${schema.version} is not a whole number ≥ 1`);
  const labels = schema.labels.map((l, i): ExportedLabelV2 => {
    const at = `schema.labels[${i}]`;
    return {
      id: checkId(l.id, `${at}.id`),
      name: l.name,
      ...(l.hotkey !== undefined ? { hotkey: l.hotkey } : {}),
      color: l.color,
      glyph: l.glyph,
      underline: l.underline,
      description: l.description,
      guidelines: [...l.guidelines],
      attributes: l.attributes.map((a, j): ExportedAttributeV2 => ({
        id: checkId(a.id, `${at}.attributes[${j}].id`),
        name: a.name,
        type: a.type,
        ...(a.values !== undefined ? { values: [...a.values] } : {}),
        ...(a.multiple !== undefined ? { multiple: a.multiple } : {}),
        ...(a.required !== undefined ? { required: a.required } : {}),
        ...(a.targets !== undefined ? { targets: [...a.targets] } : {}),
        ...(a.fillFromSelection !== undefined ? { fillFromSelection: a.fillFromSelection } : {}),
        ...(a.description !== undefined ? { description: a.description } : {}),
      })),
    };
  });
  return { id: schema.id, version: schema.version, labels };
}

/** How many attribute values the documents hold: what a v1 export, which has no place for them, leaves out. */
export function attributeValueCount(documents: EncodeInput['documents']): number {
  let n = 0;
  for (const d of documents) for (const a of d.annotations) if (a.attributes) n += Object.keys(a.attributes).length;
  return n;
}
