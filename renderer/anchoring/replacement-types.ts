// What File › Replace text… leaves behind for a document, stored as one record per document
// (db.textReplacements): the moved spans the analyst has still to confirm, the orphans that could
// not be placed (never dropped), and what the last replacement replaced, so it can be undone
// exactly, also after a reload. Excluded: the re-anchoring itself (src/anchoring/reanchor.ts).

import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import type { LayerKey } from '../../src/review/layer-identity.js';
import type { OrphanOrigin } from '../../src/anchoring/import-onto.js';

/** A span of my layer placed somewhere other than its old place, awaiting the analyst. */
export interface MovedSpan {
  readonly id: string;
  /** Its quote and offsets in the text it was anchored in before the replacement. */
  readonly oldQuote: string;
  readonly oldStart: number;
  readonly oldEnd: number;
}

/**
 * An annotation that could not be placed in the new text: the whole record as it was (quote,
 * label, note, attributes; offsets into the old text), with the layer it came from.
 */
export interface OrphanSpan {
  readonly annotation: Annotation;
  /** Absent for my own layer; a colleague's layer key otherwise. */
  readonly layer?: LayerKey;
  readonly reason: string;
  /** ISO-8601: when the replacement that orphaned it was made. */
  readonly orphanedAt: string;
  /**
   * Where it was in the text it was made on, in code points, with the text around its quote: what
   * the export writes. Absent for orphans recorded before exports carried orphans. For an orphan
   * read from a file, annotation.start/end are these code points too (that text is not at hand).
   */
  readonly was?: OrphanOrigin;
}

/** The part of the record that a replacement changes, and that its undo restores. */
export interface ReplacementState {
  readonly moved: readonly MovedSpan[];
  readonly orphans: readonly OrphanSpan[];
}

export interface TextReplacement extends ReplacementState {
  readonly docId: string;
  readonly replacedAt: string;
  /** What the last replacement replaced; absent once undone. */
  readonly undo?: {
    readonly article: Article;
    readonly own: readonly Annotation[];
    readonly colleagues: readonly (Annotation & { readonly layer: LayerKey })[];
    /** My layer's revision the replacement wrote: a later one means edits were made since. */
    readonly revision: number;
    /** The record before it (moved and orphans of an earlier replacement), if there was one. */
    readonly state?: ReplacementState;
  };
}
