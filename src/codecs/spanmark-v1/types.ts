// The wire format of a Spanmark labeled-JSON export, version 1: the file analysts exchange and that
// downstream Python/Node pipelines read. These types mirror schema.json; unlike the app's own types,
// every offset here counts Unicode CODE POINTS (Python `str` indexing), never UTF-16 code units.

import type { ArticleFormat, BlockKind, ReviewStatus } from '../../document/article.js';
import { DEFAULT_SCHEMA, type LabelDef, type LabelId } from '../../labels/schema.js';

export const SPANMARK_FORMAT = 'spanmark';
export const SPANMARK_VERSION = 1;
export const SPANMARK_OFFSET_UNIT = 'codepoint';
/**
 * Version 1's label set is fixed by its schema.json (an enum of the default schema's ids), so a v1
 * file can only carry those; a library's own labels travel in contract v2.
 */
export const V1_LABELS: readonly LabelDef[] = DEFAULT_SCHEMA.labels;
export const V1_LABEL_IDS: readonly LabelId[] = V1_LABELS.map((l) => l.id);
export function isV1Label(value: unknown): value is LabelId {
  return typeof value === 'string' && V1_LABEL_IDS.includes(value);
}
/** Longest annotatorId / exportedBy.id accepted, in UTF-16 units: a UUID is 36; room for other tools' ids. */
export const MAX_ANNOTATOR_ID_LENGTH = 200;

/** The whole file. Unknown extra keys are allowed (and ignored on import) for forward compatibility. */
export interface SpanmarkFileV1 {
  readonly format: typeof SPANMARK_FORMAT;
  readonly version: typeof SPANMARK_VERSION;
  /** Always 'codepoint': every start/end in the file counts Unicode code points. */
  readonly offsetUnit: typeof SPANMARK_OFFSET_UNIT;
  /** ISO-8601 / RFC 3339 date-time with a time zone, e.g. 2022-01-08T10:15:00.000Z. */
  readonly exportedAt: string;
  /** Which program wrote the file. Optional on import: third-party writers may omit it. */
  readonly generator?: GeneratorV1;
  /** Who wrote the file: their installation id and name. Optional (files before it have none). */
  readonly exportedBy?: ExportedByV1;
  /** The labels the annotations use; every annotation label must be listed here. */
  readonly labels: readonly ExportedLabelV1[];
  readonly documents: readonly ExportedDocumentV1[];
}

/** The analyst whose installation wrote the file. */
export interface ExportedByV1 {
  /** Stable random id of that installation (the same as the annotatorId on their annotations). */
  readonly id: string;
  readonly name: string;
}

export interface GeneratorV1 {
  readonly name: string;
  readonly version: string;
}

export interface ExportedLabelV1 {
  readonly id: LabelId;
  readonly name: string;
  readonly description?: string;
  /** CSS colour Spanmark tints the label with. */
  readonly color?: string;
  /** Short text marker used where the label is shown without colour. */
  readonly glyph?: string;
  readonly underline?: string;
}

export interface ExportedDocumentV1 {
  /** Document id. Spanmark writes the sha256 here; on import it is only checked to be a non-empty string. */
  readonly id: string;
  readonly title: string;
  /** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
  readonly sha256: string;
  /** Exactly the text the offsets refer to: LF line endings, no CR, well-formed Unicode. */
  readonly text: string;
  /** How the source was written; optional on import (defaults to 'text'). */
  readonly format?: ArticleFormat;
  /** When the document was added to the exporting library (ISO-8601). Optional. */
  readonly addedAt?: string;
  readonly metadata: ExportedMetadataV1;
  /** Block structure, offsets in code points. Optional: the importer recomputes it when absent. */
  readonly blocks?: readonly ExportedBlockV1[];
  readonly annotations: readonly ExportedAnnotationV1[];
  readonly review?: ReviewV1;
}

export interface ExportedMetadataV1 {
  /** YYYY-MM-DD. */
  readonly date?: string;
  /** File name the article was originally opened from. */
  readonly sourceName?: string;
  // Corpus metadata (src/corpus), each written only when the article has it.
  readonly source?: string;
  readonly url?: string;
  readonly author?: string;
  readonly language?: string;
  readonly feedId?: string;
  readonly tags?: readonly string[];
}

export interface ExportedBlockV1 {
  readonly kind: BlockKind;
  /** Code points into `text`, inclusive. */
  readonly start: number;
  /** Code points into `text`, exclusive. */
  readonly end: number;
  /** Heading level 1-6. */
  readonly level?: number;
}

export interface ExportedAnnotationV1 {
  /** Unique within its document; re-importing the same id updates rather than duplicates. */
  readonly id: string;
  readonly label: LabelId;
  /** Code points into the document's `text`, inclusive. */
  readonly start: number;
  /** Code points into the document's `text`, exclusive; end > start. */
  readonly end: number;
  /** Equals `[...text].slice(start, end).join('')` (JS) and `text[start:end]` (Python). */
  readonly quote: string;
  readonly annotator: string;
  /**
   * Installation id of the annotator, beside the name: two people called "analyst" have different
   * ids. Optional: files written before it (and other tools) have none, and readers may ignore it.
   */
  readonly annotatorId?: string;
  /** ISO-8601 date-time. */
  readonly createdAt: string;
  /** ISO-8601 date-time. */
  readonly updatedAt: string;
  readonly note?: string;
  readonly provenance?: ProvenanceV1;
}

/** Where an annotation accepted during review came from. */
export interface ProvenanceV1 {
  readonly annotator: string;
  readonly annotationId: string;
  /** Whether the accepted copy changed label or boundary. */
  readonly modified: boolean;
}

export type ReviewDecisionKind = 'accepted' | 'accepted-modified' | 'rejected';

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['unreviewed', 'in-review', 'reviewed'];
export const REVIEW_DECISIONS: readonly ReviewDecisionKind[] = ['accepted', 'accepted-modified', 'rejected'];

/** Review state of one document. Offsets-free, so the same shape is used in the app. */
export interface ReviewV1 {
  readonly status: ReviewStatus;
  readonly decisions: readonly ReviewDecisionV1[];
}

export interface ReviewDecisionV1 {
  /** Annotator whose annotation was decided on. */
  readonly annotator: string;
  /** That annotator's annotation id (it may live in a layer that is not part of this file). */
  readonly annotationId: string;
  readonly decision: ReviewDecisionKind;
  readonly reason?: string;
  readonly decidedBy: string;
  /** ISO-8601 date-time. */
  readonly decidedAt: string;
  /** Id of the annotation the decision produced in the reviewed layer, if any (not cross-checked). */
  readonly resultId?: string;
}
