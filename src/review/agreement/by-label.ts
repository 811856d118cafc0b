// Per-label records and the macro mean shared by every metric. A record over LABEL_IDS, never a
// sparse map, so a label nobody used still appears (with nulls) instead of vanishing from a report.

import { LABEL_IDS, type LabelId } from '../../labels/schema.js';

export type ByLabel<T> = Readonly<Record<LabelId, T>>;

export function byLabel<T>(f: (label: LabelId) => T): ByLabel<T> {
  return Object.fromEntries(LABEL_IDS.map((l) => [l, f(l)])) as Record<LabelId, T>;
}

/** Mean over the labels whose value is defined; `labels` names them. value is null when none is. */
export interface MacroMean {
  readonly value: number | null;
  readonly labels: readonly LabelId[];
}

export function macroMean(values: ByLabel<number | null>): MacroMean {
  const labels = LABEL_IDS.filter((l) => values[l] !== null);
  const sum = labels.reduce((s, l) => s + values[l]!, 0);
  return { value: labels.length === 0 ? null : sum / labels.length, labels };
}
