// Which layers the agreement figures are computed over. Two questions an analyst must be able to
// answer from the view: whose work is counted (an annotator who never touched a document is not a
// coder of it: an empty layer would count as "no" on every token and drag alpha down), and whether
// my layer is read as I annotated it or as reconciled after accepting colleagues' spans (the
// accepted copies would make me agree with them by construction).
//
// Excluded here: choosing by hand (the view layers its own choices over this default) and hiding
// (the view drops hidden layers before asking).

/** Which state of the layers the figures read: as annotated (default) or after adjudication. */
export type ReviewStage = 'before' | 'after';

interface MaybeAccepted {
  readonly provenance?: unknown;
}

/**
 * A layer as it was before review: without the annotations accepted from a colleague, which are
 * exactly the ones carrying provenance (an acceptance that matched one of my own spans links it
 * and adds nothing, so my own span stays). Edits of my own spans during review are not undone;
 * they are not recorded separately.
 */
export function layerBeforeReview<A extends MaybeAccepted>(layer: readonly A[]): A[] {
  return layer.filter((a) => a.provenance === undefined);
}

export function layerAtStage<A extends MaybeAccepted>(layer: readonly A[], stage: ReviewStage): readonly A[] {
  return stage === 'before' ? layerBeforeReview(layer) : layer;
}

export interface LayerWork {
  readonly annotator: string;
  /** Spans in the layer at the stage being measured. */
  readonly spans: number;
  /** The annotator declared the document done (for me: marked it reviewed). */
  readonly markedDone: boolean;
}

/** An annotator worked on a document when their layer has a span on it, or they marked it done. */
export function workedOn(layer: LayerWork): boolean {
  return layer.spans > 0 || layer.markedDone;
}

/** The default choice: the annotators who worked on the document, in the given order. */
export function contributingAnnotators(layers: readonly LayerWork[]): string[] {
  return layers.filter(workedOn).map((l) => l.annotator);
}

/**
 * Whether my "reviewed" mark says I am done annotating, at a stage. After review it always does.
 * Before review it does only if I decided nothing: a mark set after adjudicating says the
 * reconciliation is done, and my layer before it may be empty because I only adjudicated.
 */
export function myMarkCounts(stage: ReviewStage, reviewed: boolean, decisions: number): boolean {
  return reviewed && (stage === 'after' || decisions === 0);
}
