// Reads a labeled-JSON export, version 1: the shared reader (../spanmark/decode-core.ts) with v1's
// label set, the `labels` list, whose ids must be Spanmark's three labels. v1 annotations carry no
// attributes. decodeSpanmarkV1 reads version 1 only; ../spanmark/decode.ts reads any version.

import { DEFAULT_SCHEMA, type LabelId, type LabelSchema } from '../../labels/schema.js';
import type { Result } from '../../result.js';
import { item, show, type Fields } from '../../validation/fields.js';
import type { Report } from '../../validation/report.js';
import {
  decodeBytesWith,
  decodeWith,
  type DecodedLibrary,
  type DecodeOptions,
  type DecodeProblem,
  type Dialect,
  type Sha256Hex,
} from '../spanmark/decode-core.js';
import { isV1Label, SPANMARK_VERSION, V1_LABEL_IDS } from './types.js';

export {
  MAX_IMPORT_CHARS,
  MAX_REPORTED_PROBLEMS,
  textDefect,
  isIsoDate,
  isIsoDateTime,
  type DecodedDocument,
  type DecodedLibrary,
  type DecodeOptions,
  type DecodeProblem,
  type Sha256Hex,
} from '../spanmark/decode-core.js';

/** v1's label set: the ids its `labels` list names, with the names it gives them. */
type V1Labels = ReadonlyMap<LabelId, string>;

export const V1_DIALECT: Dialect<V1Labels> = {
  version: SPANMARK_VERSION,
  readLabels(top: Fields, report: Report): V1Labels | undefined {
    const fileLabels = new Map<LabelId, string>();
    const labels = top.array('labels');
    labels?.forEach((raw, i) => {
      const f = item(raw, `labels[${i}]`, report);
      if (!f) return;
      const id = f.string('id', { nonEmpty: true });
      if (id !== undefined) {
        if (!isV1Label(id)) {
          report.add('unknown-label', f.at('id'), `${f.at('id')} is ${show(id)}, which is not a Spanmark label (${V1_LABEL_IDS.join(', ')}).`);
        } else if (fileLabels.has(id)) {
          report.add('duplicate-id', f.at('id'), `${f.at('id')}: label ${show(id)} is listed twice.`);
        } else {
          fileLabels.set(id, id);
        }
      }
      const name = f.string('name');
      if (id !== undefined && name !== undefined && fileLabels.get(id) === id) fileLabels.set(id, name);
      for (const key of ['description', 'color', 'glyph', 'underline']) f.string(key, { optional: true });
    });
    // A broken list is reported once; annotations are then only checked against Spanmark's labels.
    return labels === undefined ? undefined : fileLabels;
  },
  labelProblem(label, labels) {
    if (!isV1Label(label)) return `is not a Spanmark label (${V1_LABEL_IDS.join(', ')})`;
    if (labels !== undefined && !labels.has(label)) return `is not listed in the file's "labels"`;
    return undefined;
  },
  schemaOf(labels): LabelSchema {
    // v1 has no attributes; its labels are Spanmark's own, so their looks are the default schema's.
    return {
      id: DEFAULT_SCHEMA.id,
      version: DEFAULT_SCHEMA.version,
      labels: DEFAULT_SCHEMA.labels.filter((l) => labels.has(l.id)).map((l) => ({ ...l, name: labels.get(l.id) ?? l.name, attributes: [] })),
    };
  },
};

const ONLY_V1 = [V1_DIALECT] as readonly Dialect<unknown>[];

export function decodeSpanmarkV1(json: string, sha256Hex: Sha256Hex, options: DecodeOptions = {}): Promise<Result<DecodedLibrary, DecodeProblem>> {
  return decodeWith(json, sha256Hex, options, ONLY_V1);
}

/** decodeSpanmarkV1 from a file's bytes (strict UTF-8, at most one BOM). */
export function decodeSpanmarkV1Bytes(bytes: Uint8Array, sha256Hex: Sha256Hex, options: DecodeOptions = {}): Promise<Result<DecodedLibrary, DecodeProblem>> {
  return decodeBytesWith(bytes, sha256Hex, options, ONLY_V1);
}
