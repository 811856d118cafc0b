// Summaries and the printed table. Kept apart from the browser driving so the arithmetic (medians,
// nearest-rank percentiles, the verdict rules) can be read and checked on its own.

export interface Summary {
  readonly n: number;
  readonly median: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
  const mid = s.length >> 1;
  return {
    n: s.length,
    median: s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2,
    p95: at(0.95),
    min: s[0]!,
    max: s[s.length - 1]!,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
  };
}

export type Verdict = 'PASS' | 'MISS' | 'info';

export interface Row {
  readonly figure: string;
  readonly annotated: string;
  readonly floor: string;
  readonly ratio: string;
  readonly target: string;
  readonly verdict: Verdict;
}

/**
 * Median of per-iteration ratios. Each annotated sample is taken right beside its floor sample, so
 * a load spike from another process hits both; this moves far less than a ratio of medians does.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return Number.NaN;
  return summarize(Array.from({ length: n }, (_, i) => a[i]! / b[i]!)).median;
}

export const ms = (v: number): string => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms` : '—');
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const ratio = (a: number, b: number): number => (b > 0 ? a / b : Number.NaN);
export const times = (r: number): string => (Number.isFinite(r) ? `${r.toFixed(2)}×` : '—');
export const spread = (s: Summary): string => `${ms(s.median)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** `columns` names the two measured columns; `mark` writes a verdict (the corpus bench prints ✔/✘). */
export function table(
  rows: readonly Row[],
  columns: { readonly annotated: string; readonly floor: string } = { annotated: 'annotated (10k)', floor: 'plain-text floor' },
  mark: (v: Exclude<Verdict, 'info'>) => string = (v) => v,
): string {
  const head: Row = { figure: 'figure', ...columns, ratio: 'ratio', target: 'target', verdict: 'info' };
  const cells = (r: Row): string[] => [r.figure, r.annotated, r.floor, r.ratio, r.target, r === head ? 'result' : r.verdict === 'info' ? '' : mark(r.verdict)];
  const all = [head, ...rows].map(cells);
  const widths = all[0]!.map((_, i) => Math.max(...all.map((c) => c[i]!.length)));
  const line = (c: string[]): string =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(all[0]!), rule, ...all.slice(1).map(line)].join('\n');
}
