// Two spans of mine with the same bounds and label say nothing twice and count twice in every
// figure, so creating or accepting one that already exists finds the existing one instead.

import type { LabelId } from '../labels/schema.js';

interface Bounds {
  readonly label: LabelId;
  readonly start: number;
  readonly end: number;
}

/** The first annotation of `layer` with the same start, end and label as `span`, if any. */
export function findIdentical<A extends Bounds & { readonly id: string }>(layer: readonly A[], span: Bounds, except?: string): A | undefined {
  return layer.find((a) => a.start === span.start && a.end === span.end && a.label === span.label && a.id !== except);
}

/**
 * findIdentical for a layer in text order (sortAnnotations), as the open document's is: a binary
 * search to the span's start instead of a walk through every span (~1.4 ms a label key at 10,000).
 */
export function findIdenticalInOrder<A extends Bounds & { readonly id: string }>(layer: readonly A[], span: Bounds, except?: string): A | undefined {
  let lo = 0;
  let hi = layer.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (layer[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < layer.length && layer[i]!.start === span.start; i++) {
    const a = layer[i]!;
    if (a.end === span.end && a.label === span.label && a.id !== except) return a;
  }
  return undefined;
}
