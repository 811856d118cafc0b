// Krippendorff's alpha on the interval scale, for numbers (a casualty count, a force's size): a
// disagreement of 18 against 20 weighs less than 18 against 200, by the squared difference. The
// nominal coincidence matrix of alpha.ts counts every mismatch alike, so it does not fit here; the
// same coincidence construction is used (each unit of m values adds 1/(m−1) per ordered pair) but
// summed with δ² = (c − k)² directly over values, which needs no matrix over distinct numbers.

import type { AlphaStats } from './alpha.js';

/**
 * Units of numbers, each the values of two or more annotators (units with fewer are unpairable and
 * ignored). Do = Σ_u Σ_{i≠j} (x_i − x_j)² / (m_u − 1) / n; De = Σ_{a≠b} (x_a − x_b)² / (n(n−1)) over
 * all n pairable values, computed as 2n·Σ(x − mean)² to stay exact for large counts. alpha = 1 −
 * Do/De; null (undefined) when n < 2 or every value is the same number (De = 0).
 */
export function intervalAlpha(units: readonly (readonly number[])[]): AlphaStats {
  const pairable = units.filter((u) => u.length >= 2);
  const values = pairable.flat();
  const n = values.length;
  if (n < 2) return { n, observed: null, expected: null, alpha: null };
  let within = 0;
  for (const u of pairable) {
    let s = 0;
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) s += (u[i]! - u[j]!) ** 2;
    within += s / (u.length - 1);
  }
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const spread = values.reduce((s, x) => s + (x - mean) ** 2, 0);
  const observed = within / n;
  const expected = (2 * n * spread) / (n * (n - 1));
  if (expected === 0) return { n, observed, expected: null, alpha: null };
  return { n, observed, expected, alpha: 1 - observed / expected };
}
