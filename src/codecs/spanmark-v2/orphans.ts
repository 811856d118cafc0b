// The `orphans` of a v2 document: annotations that could not be placed when the document's text
// changed (File › Replace text…, or an import onto a changed copy), carried in the export so no
// span is lost between libraries. An orphan is an annotation without a place: its label, values,
// note and annotator, its quote with the text around it, and its offsets (code points) into the
// text it was made on. That text is not in the file, so offsets and context are read as given and
// never checked against the document's text; everything else is checked as strictly as an
// annotation (labels and values against the file's schema, ids unique in the document), with the
// JSON path of each problem. Links are not checked: their targets may be gone with the old text.

import type { AttributeDef, AttributeValue, AttributeValues } from '../../labels/attributes.js';
import { attributeValueProblem } from '../../labels/attribute-values.js';
import type { LabelSchema } from '../../labels/schema.js';
import { item, own, show, type Fields } from '../../validation/fields.js';
import { annotatorId, stored, type DecodedOrphan } from '../spanmark/decode-core.js';
import { SpanmarkEncodeError } from '../spanmark-v1/encode.js';
import { isIsoDateTime } from '../../validation/date-time.js';
import { keyPath, readContext } from './decode.js';
import type { ExportedOrphanV2 } from './types.js';

/** What the reader needs of the file's schema: a label's attribute definitions by id. */
export type LabelAttributes = ReadonlyMap<string, { readonly attributes: ReadonlyMap<string, AttributeDef> }>;

/** Reads `orphans` of one document (absent: none); undefined entries were reported. */
export function readOrphans(
  doc: Fields,
  labels: LabelAttributes | undefined,
  annotationIds: { has(id: string): boolean },
  readAttributes: (f: Fields, label: string | undefined) => AttributeValues | undefined,
): DecodedOrphan[] | undefined {
  const raw = doc.array('orphans', { optional: true });
  if (raw === undefined) return undefined;
  const report = doc.report;
  const out: DecodedOrphan[] = [];
  const ids = new Map<string, number>();
  raw.forEach((r, index) => {
    const f = item(r, `${doc.at('orphans')}[${index}]`, report);
    if (!f) return;
    const before = report.count;
    const id = f.string('id', { nonEmpty: true });
    if (id !== undefined) {
      const prior = ids.get(id);
      if (prior !== undefined)
        report.add('duplicate-id', f.at('id'), `${f.path}: orphan id ${show(id)} is already used by orphans[${prior}] of this document.`);
      else if (annotationIds.has(id))
        report.add('duplicate-id', f.at('id'), `${f.path}: orphan id ${show(id)} is also the id of an annotation of this document.`);
      else ids.set(id, index);
    }
    const label = f.string('label');
    const known = label !== undefined && labels !== undefined ? labels.has(label) : undefined;
    if (label !== undefined && known === false) {
      report.add(
        'unknown-label',
        f.at('label'),
        `${f.path}: label ${show(label)} is not a label of the file's "schema" (${[...labels!.keys()].join(', ') || 'it has none'}).`,
      );
    }
    const quote = f.string('quote', { nonEmpty: true });
    const prefix = readContext(f, 'prefix');
    const suffix = readContext(f, 'suffix');
    const hasStart = own(f.o, 'start') !== undefined || own(f.o, 'end') !== undefined;
    const start = hasStart ? f.offset('start') : undefined;
    const end = hasStart ? f.offset('end') : undefined;
    if (start !== undefined && end !== undefined && end <= start) {
      report.add('empty-span', f.at('end'), `${f.path}: end ${end} must be greater than start ${start}.`);
    }
    const annotator = f.string('annotator', { nonEmpty: true });
    const annotatorIdValue = annotatorId(f, 'annotatorId', { optional: true });
    const createdAt = stored(f.dateTime('createdAt'));
    const updatedAt = stored(f.dateTime('updatedAt'));
    const note = f.string('note', { optional: true });
    const attributes = readAttributes(f, known ? label : undefined);
    const reason = f.string('reason', { optional: true });
    const orphanedAt = stored(f.dateTime('orphanedAt', { optional: true }));
    if (
      report.count > before ||
      id === undefined ||
      label === undefined ||
      quote === undefined ||
      annotator === undefined ||
      createdAt === undefined ||
      updatedAt === undefined
    )
      return;
    out.push({
      id,
      label,
      quote,
      ...(prefix !== undefined ? { prefix } : {}),
      ...(suffix !== undefined ? { suffix } : {}),
      ...(start !== undefined && end !== undefined ? { start, end } : {}),
      annotator,
      ...(annotatorIdValue !== undefined ? { annotatorId: annotatorIdValue } : {}),
      createdAt,
      updatedAt,
      ...(note !== undefined ? { note } : {}),
      ...(attributes !== undefined ? { attributes } : {}),
      ...(reason !== undefined ? { reason } : {}),
      ...(orphanedAt !== undefined ? { orphanedAt } : {}),
    });
  });
  return out;
}

/**
 * The orphans of one document as written, in the contract's key order, checked as the reader
 * checks them (it throws SpanmarkEncodeError with the path rather than write what would be refused).
 * Sorted by id, so two exports of the same orphans are identical.
 */
export function encodeOrphans(orphans: readonly DecodedOrphan[], schema: LabelSchema, path: string, annotationIds: ReadonlySet<string>): ExportedOrphanV2[] {
  const defs = new Map(schema.labels.map((l) => [l.id, new Map(l.attributes.map((a) => [a.id, a]))]));
  const seen = new Set<string>();
  return [...orphans]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((o, i) => {
      const at = `${path}.orphans[${i}]`;
      if (o.id.length === 0) throw new SpanmarkEncodeError(`${at}.id`, 'is empty');
      if (seen.has(o.id) || annotationIds.has(o.id)) throw new SpanmarkEncodeError(`${at}.id`, `id ${JSON.stringify(o.id)} is used twice in this document`);
      seen.add(o.id);
      const attrs = defs.get(o.label);
      if (attrs === undefined) throw new SpanmarkEncodeError(`${at}.label`, `label ${JSON.stringify(o.label)} is not in the schema`);
      if (o.quote.length === 0) throw new SpanmarkEncodeError(`${at}.quote`, 'is empty');
      for (const [k, v] of [
        ['quote', o.quote],
        ['prefix', o.prefix],
        ['suffix', o.suffix],
        ['note', o.note],
        ['annotator', o.annotator],
        ['reason', o.reason],
      ] as const) {
        if (v !== undefined && /\p{Cs}/u.test(v)) throw new SpanmarkEncodeError(`${at}.${k}`, 'contains an unpaired surrogate');
      }
      if (o.start !== undefined && o.end !== undefined && !(Number.isSafeInteger(o.start) && o.start >= 0 && Number.isSafeInteger(o.end) && o.end > o.start))
        throw new SpanmarkEncodeError(`${at}.end`, `${o.start}..${o.end} is not a span`);
      for (const k of ['createdAt', 'updatedAt'] as const)
        if (!isIsoDateTime(o[k])) throw new SpanmarkEncodeError(`${at}.${k}`, 'is not an ISO-8601 date-time');
      const values: Record<string, AttributeValue> = {};
      for (const [id, value] of Object.entries(o.attributes ?? {})) {
        const def = attrs.get(id);
        const vat = keyPath(`${at}.attributes`, id);
        if (def === undefined) throw new SpanmarkEncodeError(vat, 'is not an attribute of its label in the schema');
        const problem = attributeValueProblem(def, value);
        if (problem !== undefined) throw new SpanmarkEncodeError(vat, problem);
        values[id] = value;
      }
      const out: Record<string, unknown> = { id: o.id, label: o.label };
      if (o.start !== undefined && o.end !== undefined) {
        out.start = o.start;
        out.end = o.end;
      }
      if (o.prefix !== undefined) out.prefix = o.prefix;
      out.quote = o.quote;
      if (o.suffix !== undefined) out.suffix = o.suffix;
      out.annotator = o.annotator;
      if (o.annotatorId !== undefined) out.annotatorId = o.annotatorId;
      out.createdAt = o.createdAt;
      out.updatedAt = o.updatedAt;
      if (o.note !== undefined) out.note = o.note;
      out.attributes = values;
      if (o.reason !== undefined) out.reason = o.reason;
      if (o.orphanedAt !== undefined && isIsoDateTime(o.orphanedAt)) out.orphanedAt = o.orphanedAt;
      return out as unknown as ExportedOrphanV2;
    });
}
