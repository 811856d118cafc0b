// Side-by-side comparison of two annotators' layers on one document, the table a reviewer walks
// through. Pairing is greedy and explainable (a reviewer can see why two spans were paired); the
// optimal matching used for scoring lives in agreement/span-f1.ts and may pair differently.
// An exact pair whose attribute values differ (attribute-diff.ts decides "differ") is its own kind,
// 'attribute-mismatch'; it is paired with the same priority as an exact match, so attributes never
// change which spans are paired, only what the row says about the pair.

import { attributesDiffer, compareOptionsFor, targetsIn, type AttributeSchemaView } from './attribute-diff.js';
import { compareSpans, overlapLength, overlappingPairs, type Span } from './span.js';

export type PairKind = 'exact' | 'attribute-mismatch' | 'label-mismatch' | 'overlap' | 'overlap-label-mismatch';
export type RowKind = PairKind | 'only-a' | 'only-b';

/** Display order for rows at the same extent (pairing priority: the same, attribute-mismatch ranked as exact). */
export const ROW_KINDS: readonly RowKind[] = ['exact', 'attribute-mismatch', 'label-mismatch', 'overlap', 'overlap-label-mismatch', 'only-a', 'only-b'];

export interface CompareLayersOptions {
  /** The label schema, for attribute order and which attributes are links; without it no attribute is a link. */
  readonly labels?: readonly AttributeSchemaView[];
}

/** start/end: the union extent of the row's spans, in the spans' unit. */
export type ComparisonRow<S extends Span = Span> =
  | { readonly kind: PairKind; readonly a: S; readonly b: S; readonly start: number; readonly end: number }
  | { readonly kind: 'only-a'; readonly a: S; readonly b?: undefined; readonly start: number; readonly end: number }
  | { readonly kind: 'only-b'; readonly a?: undefined; readonly b: S; readonly start: number; readonly end: number };

/** Label and bounds only; compareLayers refines an exact pair into 'attribute-mismatch'. */
export function pairKind(a: Span, b: Span): PairKind {
  const sameBounds = a.start === b.start && a.end === b.end;
  if (a.label === b.label) return sameBounds ? 'exact' : 'overlap';
  return sameBounds ? 'label-mismatch' : 'overlap-label-mismatch';
}

/**
 * Pairs spans of `a` and `b` that share at least one unit. Candidates are taken greedily in the
 * order: kind priority (ROW_KINDS), larger overlap first, then the A span's text position, then the
 * B span's; a candidate is kept when neither span is paired yet. Inputs are put in text order first,
 * so the result does not depend on input order. Every input span appears in exactly one row.
 */
export function compareLayers<S extends Span>(a: readonly S[], b: readonly S[], opts: CompareLayersOptions = {}): ComparisonRow<S>[] {
  const sa = [...a].sort(compareSpans);
  const sb = [...b].sort(compareSpans);
  const targetsA = targetsIn(a);
  const targetsB = targetsIn(b);
  const candidates = overlappingPairs(sa, sb).map(([i, j]) => {
    const x = sa[i]!;
    const y = sb[j]!;
    let kind = pairKind(x, y);
    const rank = ROW_KINDS.indexOf(kind);
    if (kind === 'exact' && attributesDiffer(x.attributes, y.attributes, compareOptionsFor(opts.labels, x.label, targetsA, targetsB)))
      kind = 'attribute-mismatch';
    return { i, j, kind, rank, overlap: overlapLength(x, y) };
  });
  candidates.sort((x, y) => x.rank - y.rank || y.overlap - x.overlap || x.i - y.i || x.j - y.j);
  const pairedA = new Uint8Array(sa.length);
  const pairedB = new Uint8Array(sb.length);
  const rows: ComparisonRow<S>[] = [];
  for (const { i, j, kind } of candidates) {
    if (pairedA[i] || pairedB[j]) continue;
    pairedA[i] = 1;
    pairedB[j] = 1;
    const x = sa[i]!;
    const y = sb[j]!;
    rows.push({ kind, a: x, b: y, start: Math.min(x.start, y.start), end: Math.max(x.end, y.end) });
  }
  sa.forEach((x, i) => {
    if (!pairedA[i]) rows.push({ kind: 'only-a', a: x, start: x.start, end: x.end });
  });
  sb.forEach((y, j) => {
    if (!pairedB[j]) rows.push({ kind: 'only-b', b: y, start: y.start, end: y.end });
  });
  return rows.sort(compareRows);
}

function compareRows(x: ComparisonRow, y: ComparisonRow): number {
  return x.start - y.start || x.end - y.end || ROW_KINDS.indexOf(x.kind) - ROW_KINDS.indexOf(y.kind) || bySpan(x.a, y.a) || bySpan(x.b, y.b);
}

// Rows of one kind either both have a side or both lack it.
function bySpan(x: Span | undefined, y: Span | undefined): number {
  return x && y ? compareSpans(x, y) : 0;
}

export type ComparisonSummary = Readonly<Record<RowKind, number>>;

/** Rows per kind; every kind is present, zero when absent. */
export function summarizeComparison(rows: readonly ComparisonRow[]): ComparisonSummary {
  const counts = Object.fromEntries(ROW_KINDS.map((k) => [k, 0])) as Record<RowKind, number>;
  for (const row of rows) counts[row.kind] += 1;
  return counts;
}
