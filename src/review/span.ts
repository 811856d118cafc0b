// The minimal span the review code needs, so the same functions run on the app's UTF-16
// annotations and on the CLI's code-point spans alike; every function here assumes one consistent
// unit per call and never converts. The overlap sweep lives here because diff and F1 both need it.

import type { AttributeValues } from '../labels/attributes.js';
import type { LabelId } from '../labels/schema.js';

/** A labelled range [start, end), end exclusive, end > start, in whatever unit the caller uses. */
export interface Span {
  readonly id: string;
  readonly label: LabelId;
  readonly start: number;
  readonly end: number;
  /** The span's attribute values, where the caller has them (review of attributes compares them). */
  readonly attributes?: AttributeValues;
}

/** Units two spans share; 0 when they only touch or are disjoint. */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** Text order: start, then end, then label, then id (code-unit order, never locale order). */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || a.end - b.end || cmp(a.label, b.label) || cmp(a.id, b.id);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every pair (i, j) with a[i] and b[j] sharing at least one unit, as indices into the inputs, in no
 * particular order. A sweep by start keeps only the spans still open, so the cost is
 * O(n log n + pairs) rather than O(|a|·|b|).
 */
export function overlappingPairs(a: readonly Span[], b: readonly Span[]): [number, number][] {
  const byStart = (xs: readonly Span[]): number[] => xs.map((_, i) => i).sort((i, j) => xs[i]!.start - xs[j]!.start);
  const orderA = byStart(a);
  const orderB = byStart(b);
  const pairs: [number, number][] = [];
  let openA: number[] = [];
  let openB: number[] = [];
  let pa = 0;
  let pb = 0;
  while (pa < orderA.length || pb < orderB.length) {
    const nextA = orderA[pa];
    const nextB = orderB[pb];
    if (nextA !== undefined && (nextB === undefined || a[nextA]!.start <= b[nextB]!.start)) {
      const s = a[nextA]!;
      openB = openB.filter((j) => b[j]!.end > s.start);
      if (s.end > s.start) for (const j of openB) pairs.push([nextA, j]);
      openA.push(nextA);
      pa += 1;
    } else if (nextB !== undefined) {
      const s = b[nextB]!;
      openA = openA.filter((i) => a[i]!.end > s.start);
      if (s.end > s.start) for (const i of openA) pairs.push([i, nextB]);
      openB.push(nextB);
      pb += 1;
    }
  }
  return pairs;
}
