// Per-label records and the macro mean shared by every metric. A record over the label list the
// caller computes over (the library's schema, or the labels present in the layers compared), never
// a sparse map, so a label nobody used still appears (with nulls) instead of vanishing from a
// report. Which list that is, is the caller's choice; results carry it as `labels`.

import type { LabelId } from '../../labels/schema.js';
import type { Span } from '../span.js';

export type ByLabel<T> = Readonly<Record<LabelId, T>>;

export function byLabel<T>(labels: readonly LabelId[], f: (label: LabelId) => T): ByLabel<T> {
  // fromEntries defines own properties, so even a label id like "__proto__" is a plain key.
  return Object.fromEntries(labels.map((l) => [l, f(l)]));
}

/**
 * The value for `label`. A record is always built over the list it is read with, so a missing key
 * is a programming error (two lists mixed up), reported as such rather than read as undefined.
 */
export function at<T>(values: ByLabel<T>, label: LabelId): T {
  if (!Object.prototype.hasOwnProperty.call(values, label)) throw new RangeError(`no figure for label ${JSON.stringify(label)} in this result`);
  return values[label] as T;
}

/** Mean over the labels whose value is defined; `labels` names them. value is null when none is. */
export interface MacroMean {
  readonly value: number | null;
  readonly labels: readonly LabelId[];
}

export function macroMean(labels: readonly LabelId[], values: ByLabel<number | null>): MacroMean {
  const defined = labels.filter((l) => at(values, l) !== null);
  const sum = defined.reduce((s, l) => s + (at(values, l) ?? 0), 0);
  return { value: defined.length === 0 ? null : sum / defined.length, labels: defined };
}

/** The labels used in these layers, in order of first appearance. */
export function labelsIn(layers: readonly (readonly Span[])[]): LabelId[] {
  const seen = new Set<LabelId>();
  for (const spans of layers) for (const s of spans) seen.add(s.label);
  return [...seen];
}

/**
 * The list to compute over: `known` (the schema's labels, in its order) then any label the layers
 * use that it lacks (a colleague's label this library does not have is still compared, never
 * dropped from the figures). Without `known`, the labels the layers use.
 */
export function labelsToCompare(known: readonly LabelId[] | undefined, layers: readonly (readonly Span[])[]): LabelId[] {
  const list = [...new Set(known ?? [])];
  const have = new Set(list);
  for (const l of labelsIn(layers)) if (!have.has(l)) list.push(l);
  return list;
}

export function sameLabels(x: readonly LabelId[], y: readonly LabelId[]): boolean {
  return x.length === y.length && x.every((l, i) => l === y[i]);
}
