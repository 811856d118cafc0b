// An annotation as stored and as the UI works with it. Offsets here are UTF-16 code units into the
// document's normalised text (what the DOM and JavaScript strings use); exports convert them to
// code points in codecs/, the one audited place.

import type { AttributeValues } from '../labels/attributes.js';
import type { LabelId } from '../labels/schema.js';

export interface Provenance {
  /** Annotator whose annotation this was accepted from. */
  readonly annotator: string;
  /** Id of that annotator's annotation. */
  readonly annotationId: string;
  /** Whether the accepted copy changed label or boundary. */
  readonly modified: boolean;
}

export interface Annotation {
  readonly id: string;
  readonly docId: string;
  readonly label: LabelId;
  /** Start, UTF-16 code units into Article.text, inclusive. */
  readonly start: number;
  /** End, UTF-16 code units into Article.text, exclusive; end > start. */
  readonly end: number;
  /** Article.text.slice(start, end), kept so an export is checkable on its own. */
  readonly quote: string;
  readonly annotator: string;
  /**
   * The annotator's installation id, when the file it came from said (contract v1 `annotatorId`).
   * Names are not unique ("analyst"); this is what tells two people of one name apart.
   */
  readonly annotatorId?: string;
  /** ISO-8601. */
  readonly createdAt: string;
  /** ISO-8601. */
  readonly updatedAt: string;
  readonly note?: string;
  /** Typed values for the label's attributes (schema), by attribute id; absent = none set. */
  readonly attributes?: AttributeValues;
  /** Set when this annotation was accepted from a colleague's layer during review. */
  readonly provenance?: Provenance;
}
