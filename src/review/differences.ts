// The review queue: the differences between my layer and each colleague's that call for a decision,
// the filters over them, keyboard stepping ("next", "previous", "next open") and the progress count.
//
// A difference is a colleague's span that is not an exact match (same bounds and label) of one of
// mine, as I annotated the document before review. Using my layer *before* review keeps the queue
// stable: accepting a span copies it into my layer, which would otherwise turn the row into an
// exact match and drop it from the queue the moment it is decided. Excluded: spans only I tagged
// (no colleague's annotation to decide on, so nothing to count as decided) and exact matches
// (agreement, not difference; they can still be accepted from the Compare list).
//
// Same span, different attributes is a difference too. Accepting one may take the colleague's
// values into my span, after which the pair can be an exact match: such a pair stays in the queue,
// as the attribute difference it was, while its decision records the per-attribute choice
// (ReviewDecision.attributes). Reconsidering such a decision keeps the values taken (they are an
// edit of my span, which undo reverses); if nothing differs any more, the item leaves the queue.

import type { LabelId } from '../labels/schema.js';
import { compareLayers, type CompareLayersOptions, type RowKind } from './diff.js';
import { decisionId } from './decisions.js';
import { layerBeforeReview } from './review-layers.js';
import { cmp, type Span } from './span.js';

export type DifferenceKind = Exclude<RowKind, 'exact' | 'only-a'>;

export const DIFFERENCE_KINDS: readonly DifferenceKind[] = ['attribute-mismatch', 'label-mismatch', 'overlap', 'overlap-label-mismatch', 'only-b'];

interface Annotated extends Span {
  readonly annotator: string;
  readonly provenance?: unknown;
}

interface Decided {
  readonly id: string;
  /** Present when the decision chose between attribute values (accepting an attribute difference). */
  readonly attributes?: unknown;
}

export interface Difference<A extends Annotated, D extends Decided> {
  /** The decision's id for `theirs`: stable across decisions, so it identifies the item. */
  readonly id: string;
  readonly kind: DifferenceKind;
  readonly theirs: A;
  /** My span paired with theirs, if any (absent for only-b). */
  readonly mine?: A;
  readonly decision?: D;
}

/**
 * Every difference between my layer (before review) and each colleague's layer, in text order
 * (start, end, colleague, id). `layers` must not contain my own layer; if it does, it is skipped.
 */
export function reviewDifferences<A extends Annotated, D extends Decided>(
  docId: string,
  me: string,
  mine: readonly A[],
  layers: ReadonlyMap<string, readonly A[]>,
  decisions: ReadonlyMap<string, D>,
  opts: CompareLayersOptions = {},
): Difference<A, D>[] {
  const before = layerBeforeReview(mine);
  const out: Difference<A, D>[] = [];
  for (const [annotator, theirs] of layers) {
    if (annotator === me) continue;
    for (const row of compareLayers(before, theirs, opts)) {
      if (row.kind === 'only-a') continue;
      const id = decisionId(docId, row.b.annotator, row.b.id);
      const decision = decisions.get(id);
      if (row.kind === 'exact' && decision?.attributes === undefined) continue;
      const kind = row.kind === 'exact' ? 'attribute-mismatch' : row.kind;
      out.push({ id, kind, theirs: row.b, ...(row.a ? { mine: row.a } : {}), ...(decision ? { decision } : {}) });
    }
  }
  return out.sort(
    (x, y) => x.theirs.start - y.theirs.start || x.theirs.end - y.theirs.end || cmp(x.theirs.annotator, y.theirs.annotator) || cmp(x.theirs.id, y.theirs.id),
  );
}

export interface DifferenceFilter {
  readonly openOnly: boolean;
  /** null: every kind / label / colleague. */
  readonly kind: DifferenceKind | null;
  readonly label: LabelId | null;
  readonly annotator: string | null;
}

export const NO_FILTER: DifferenceFilter = { openOnly: false, kind: null, label: null, annotator: null };

/** Label filters the colleague's label, or mine when I paired a span with another label. */
export function matchesFilter(d: Difference<Annotated, Decided>, f: DifferenceFilter): boolean {
  return (
    (!f.openOnly || d.decision === undefined) &&
    (f.kind === null || d.kind === f.kind) &&
    (f.label === null || d.theirs.label === f.label || d.mine?.label === f.label) &&
    (f.annotator === null || d.theirs.annotator === f.annotator)
  );
}

export interface ReviewProgress {
  readonly decided: number;
  readonly total: number;
}

export function reviewProgress(items: readonly { readonly decision?: unknown }[]): ReviewProgress {
  let decided = 0;
  for (const d of items) if (d.decision !== undefined) decided += 1;
  return { decided, total: items.length };
}

/**
 * The item `dir` steps from `currentId` among those `visible` accepts, without wrapping (null at the
 * end). An unknown or hidden current item steps from its place in `all`; no current item starts
 * before the first (or after the last, going back).
 */
export function stepDifference<T extends { readonly id: string }>(
  all: readonly T[],
  visible: (d: T) => boolean,
  currentId: string | null,
  dir: 1 | -1,
): string | null {
  const at = currentId === null ? -1 : all.findIndex((d) => d.id === currentId);
  let i = at === -1 ? (dir === 1 ? -1 : all.length) : at;
  for (i += dir; i >= 0 && i < all.length; i += dir) if (visible(all[i]!)) return all[i]!.id;
  return null;
}

/**
 * The next undecided item after `currentId` that `eligible` accepts, wrapping to the start, never
 * the current item itself; null when none is left open. As in Prodigy, deciding moves here.
 */
export function nextOpenDifference<T extends { readonly id: string; readonly decision?: unknown }>(
  all: readonly T[],
  eligible: (d: T) => boolean,
  currentId: string | null,
): string | null {
  const at = currentId === null ? -1 : all.findIndex((d) => d.id === currentId);
  for (let k = 1; k <= all.length; k++) {
    const d = all[(at + k + all.length) % all.length]!;
    if (d.id !== currentId && d.decision === undefined && eligible(d)) return d.id;
  }
  return null;
}
