// The wire format of a Spanmark labeled-JSON export, version 2: version 1 (../spanmark-v1/types.ts)
// with the label schema in place of the `labels` list, typed attribute values on each annotation,
// and the text just before and after each quote. These types mirror schema.json; offsets count
// Unicode code points, as in version 1. Documents, blocks, review and identity are v1's unchanged.

import type { AttributeType, AttributeValues } from '../../labels/attributes.js';
import type { ExportedAnnotationV1, ExportedByV1, ExportedDocumentV1, GeneratorV1, SPANMARK_FORMAT, SPANMARK_OFFSET_UNIT } from '../spanmark-v1/types.js';

export const SPANMARK_VERSION_2 = 2;
/** Code points of context written before and after each quote (prefix / suffix). */
export const CONTEXT_CODE_POINTS = 32;
/**
 * Label and attribute ids: a letter or digit, then letters, digits, `_` or `-`, at most 64 code
 * points. They are JSON keys and path segments, so no dots, spaces or `__proto__`.
 */
export const SCHEMA_ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]{0,63}$/u;

export interface SpanmarkFileV2 {
  readonly format: typeof SPANMARK_FORMAT;
  readonly version: typeof SPANMARK_VERSION_2;
  readonly offsetUnit: typeof SPANMARK_OFFSET_UNIT;
  readonly exportedAt: string;
  readonly generator?: GeneratorV1;
  readonly exportedBy?: ExportedByV1;
  /** The labels the annotations use and the attributes each label's spans may carry. */
  readonly schema: ExportedSchemaV2;
  readonly documents: readonly ExportedDocumentV2[];
}

export interface ExportedSchemaV2 {
  /** The schema's lineage id (one library keeps one while the version grows). */
  readonly id: string;
  /** Increments with every change of the schema. */
  readonly version: number;
  readonly labels: readonly ExportedLabelV2[];
}

/** Only id and name are required; the rest get defaults on import. */
export interface ExportedLabelV2 {
  readonly id: string;
  readonly name: string;
  readonly hotkey?: string;
  readonly color?: string;
  readonly glyph?: string;
  readonly underline?: string;
  readonly description?: string;
  readonly guidelines?: readonly string[];
  readonly attributes?: readonly ExportedAttributeV2[];
}

export interface ExportedAttributeV2 {
  readonly id: string;
  readonly name: string;
  readonly type: AttributeType;
  /** choice: the allowed values, in display order. */
  readonly values?: readonly string[];
  /** choice: a list of values instead of one. */
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** link: label ids the target may have; absent = any. */
  readonly targets?: readonly string[];
  readonly fillFromSelection?: boolean;
  readonly description?: string;
}

export interface ExportedDocumentV2 extends Omit<ExportedDocumentV1, 'annotations'> {
  readonly annotations: readonly ExportedAnnotationV2[];
  /**
   * Annotations that could not be placed when the text changed, kept so none is lost. Optional:
   * absent means none. Not placed in `text`: offsets and context are the text they were made on.
   */
  readonly orphans?: readonly ExportedOrphanV2[];
}

/** An orphan (see ExportedDocumentV2.orphans): an annotation without a place in this text. */
export interface ExportedOrphanV2 {
  readonly id: string;
  readonly label: string;
  /** Code points into the text the annotation was made on (not this document's); both or neither. */
  readonly start?: number;
  readonly end?: number;
  readonly prefix?: string;
  readonly quote: string;
  readonly suffix?: string;
  readonly annotator: string;
  readonly annotatorId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly note?: string;
  readonly attributes?: AttributeValues;
  /** Why it could not be placed. */
  readonly reason?: string;
  /** When it became an orphan. */
  readonly orphanedAt?: string;
}

export interface ExportedAnnotationV2 extends ExportedAnnotationV1 {
  /** Up to 32 code points of the text just before `start` (fewer at the start of the text). */
  readonly prefix?: string;
  /** Up to 32 code points of the text just after `end`. */
  readonly suffix?: string;
  /** Values by attribute id of the label; absent key = not set. Spanmark always writes it. */
  readonly attributes?: AttributeValues;
}
