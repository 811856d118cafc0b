// Span-level precision, recall and F1 of layer B against reference layer A, strict (same bounds)
// and relaxed (any overlap). Undefined ratios stay null: a made-up 0 or 1 would tell an analyst a
// colleague was perfectly wrong or right about a label neither of them used.

import type { LabelId } from '../../labels/schema.js';
import { overlappingPairs, type Span } from '../span.js';
import { at, byLabel, labelsIn, macroMean, type ByLabel, type MacroMean } from './by-label.js';
import { maximumMatching } from './matching.js';

/** tp: matched pairs; fp: B spans left unmatched; fn: A spans left unmatched. */
export interface MatchCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** precision null when B has no span of the label, recall null when A has none, f1 null if either is. */
export interface LabelScore extends MatchCounts {
  readonly precision: number | null;
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface F1Result {
  /** The labels computed over, in order; perLabel has exactly these keys. */
  readonly labels: readonly LabelId[];
  readonly perLabel: ByLabel<LabelScore>;
  readonly macro: { readonly precision: MacroMean; readonly recall: MacroMean; readonly f1: MacroMean };
}

export interface SpanF1 {
  readonly exact: F1Result;
  readonly relaxed: F1Result;
}

export interface SpanF1Counts {
  readonly labels: readonly LabelId[];
  readonly exact: ByLabel<MatchCounts>;
  readonly relaxed: ByLabel<MatchCounts>;
}

/** Exact: a B span matches an A span with the same start, end and label, each used once. */
export function exactMatches(a: readonly Span[], b: readonly Span[], label: LabelId): number {
  const key = (s: Span): string => `${s.start}:${s.end}`;
  const pending = new Map<string, number>();
  for (const s of a) if (s.label === label) pending.set(key(s), (pending.get(key(s)) ?? 0) + 1);
  let tp = 0;
  for (const s of b) {
    if (s.label !== label) continue;
    const left = pending.get(key(s)) ?? 0;
    if (left > 0) {
      pending.set(key(s), left - 1);
      tp += 1;
    }
  }
  return tp;
}

/** Relaxed: the maximum number of disjoint (A, B) pairs of this label sharing at least one unit. */
export function relaxedMatches(a: readonly Span[], b: readonly Span[], label: LabelId): number {
  const la = a.filter((s) => s.label === label);
  const lb = b.filter((s) => s.label === label);
  const adjacency: number[][] = la.map(() => []);
  for (const [i, j] of overlappingPairs(la, lb)) adjacency[i]!.push(j);
  return maximumMatching(adjacency, lb.length).size;
}

/** The additive part of span F1 for one document: counts per label, A as reference. */
export function spanF1Counts(a: readonly Span[], b: readonly Span[], labels: readonly LabelId[] = labelsIn([a, b])): SpanF1Counts {
  const sizes = byLabel(labels, (l) => ({ a: a.filter((s) => s.label === l).length, b: b.filter((s) => s.label === l).length }));
  const counts = (tp: number, l: LabelId): MatchCounts => ({ tp, fp: at(sizes, l).b - tp, fn: at(sizes, l).a - tp });
  return {
    labels,
    exact: byLabel(labels, (l) => counts(exactMatches(a, b, l), l)),
    relaxed: byLabel(labels, (l) => counts(relaxedMatches(a, b, l), l)),
  };
}

export function scoreCounts({ tp, fp, fn }: MatchCounts): LabelScore {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  // 2PR/(P+R) written over counts: exact, and 0 (not 0/0) when both are defined and tp = 0.
  const f1 = precision === null || recall === null ? null : (2 * tp) / (2 * tp + fp + fn);
  return { tp, fp, fn, precision, recall, f1 };
}

export function f1FromCounts(counts: ByLabel<MatchCounts>, labels: readonly LabelId[]): F1Result {
  const perLabel = byLabel(labels, (l) => scoreCounts(at(counts, l)));
  return {
    labels,
    perLabel,
    macro: {
      precision: macroMean(
        labels,
        byLabel(labels, (l) => at(perLabel, l).precision),
      ),
      recall: macroMean(
        labels,
        byLabel(labels, (l) => at(perLabel, l).recall),
      ),
      f1: macroMean(
        labels,
        byLabel(labels, (l) => at(perLabel, l).f1),
      ),
    },
  };
}

export function f1FromSpanCounts(c: SpanF1Counts): SpanF1 {
  return { exact: f1FromCounts(c.exact, c.labels), relaxed: f1FromCounts(c.relaxed, c.labels) };
}

/** `labels` default: the labels a or b use. */
export function spanF1(a: readonly Span[], b: readonly Span[], labels: readonly LabelId[] = labelsIn([a, b])): SpanF1 {
  return f1FromSpanCounts(spanF1Counts(a, b, labels));
}

/**
 * Micro-pooling: tp, fp and fn are summed per label over documents, then scored once. Counted over
 * `labels`; a part that was not computed over one of them is a programming error (at() throws).
 */
export function addSpanF1Counts(parts: readonly SpanF1Counts[], labels: readonly LabelId[]): SpanF1Counts {
  const sum = (pick: (c: SpanF1Counts) => ByLabel<MatchCounts>): ByLabel<MatchCounts> =>
    byLabel(labels, (l) =>
      parts.reduce((s, c) => ({ tp: s.tp + at(pick(c), l).tp, fp: s.fp + at(pick(c), l).fp, fn: s.fn + at(pick(c), l).fn }), { tp: 0, fp: 0, fn: 0 }),
    );
  return { labels, exact: sum((c) => c.exact), relaxed: sum((c) => c.relaxed) };
}

export function spanF1ForDocuments(
  docs: readonly { readonly a: readonly Span[]; readonly b: readonly Span[] }[],
  labels: readonly LabelId[] = labelsIn(docs.flatMap((d) => [d.a, d.b])),
): SpanF1 {
  return f1FromSpanCounts(
    addSpanF1Counts(
      docs.map((d) => spanF1Counts(d.a, d.b, labels)),
      labels,
    ),
  );
}

/** Recovers the additive counts from a finished result, so finished reports can be pooled. */
export function countsOf(result: SpanF1): SpanF1Counts {
  const labels = result.exact.labels;
  const strip = (r: F1Result): ByLabel<MatchCounts> =>
    byLabel(labels, (l) => ({ tp: at(r.perLabel, l).tp, fp: at(r.perLabel, l).fp, fn: at(r.perLabel, l).fn }));
  return { labels, exact: strip(result.exact), relaxed: strip(result.relaxed) };
}
