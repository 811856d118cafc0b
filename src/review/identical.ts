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
