// Krippendorff's alpha (nominal) for any number of annotators: the review dashboard's one number
// for a whole team. Built on the coincidence matrix, which tolerates missing codings and adds up
// across units and documents, so pooling is a sum and never an average of alphas.

import type { Span } from '../span.js';
import { tokenize, type Token } from '../tokens.js';
import type { LabelId } from '../../labels/schema.js';
import { at, byLabel, labelsIn, macroMean, type ByLabel, type MacroMean } from './by-label.js';
import { tokenDecisions } from './token-decisions.js';

/**
 * matrix[c][k]: coincidences of values c and k (symmetric); n: pairable values (the matrix total).
 * observed = Do = Σ_{c≠k} o_ck / n; expected = De = Σ_{c≠k} n_c·n_k / (n(n−1)); alpha = 1 − Do/De.
 * expected, and so alpha, is null when De is 0 or n < 2: a single value in use leaves nothing to
 * disagree about, and alpha is then undefined rather than perfect.
 */
export interface AlphaStats {
  readonly n: number;
  readonly observed: number | null;
  readonly expected: number | null;
  readonly alpha: number | null;
}

export function alphaFromMatrix(matrix: readonly (readonly number[])[]): AlphaStats {
  const totals = matrix.map((row) => row.reduce((s, x) => s + x, 0));
  const n = totals.reduce((s, x) => s + x, 0);
  if (n < 2) return { n, observed: null, expected: null, alpha: null };
  let off = 0;
  matrix.forEach((row, c) =>
    row.forEach((x, k) => {
      if (c !== k) off += x;
    }),
  );
  let offExpected = 0;
  totals.forEach((nc, c) =>
    totals.forEach((nk, k) => {
      if (c !== k) offExpected += nc * nk;
    }),
  );
  const observed = off / n;
  const expected = offExpected / (n * (n - 1));
  return { n, observed, expected: expected === 0 ? null : expected, alpha: expected === 0 ? null : 1 - observed / expected };
}

/**
 * Nominal alpha for units × coders data; null or undefined marks a missing coding. Values are
 * compared with SameValueZero. A unit with fewer than two codings is unpairable and dropped;
 * a unit with m codings adds 1/(m−1) per ordered pair of codings from different coders.
 */
export function nominalAlpha<V>(units: readonly (readonly (V | null | undefined)[])[]): AlphaStats & { readonly values: readonly V[] } {
  const index = new Map<V, number>();
  const coded = units.map((u) => u.filter((v): v is V => v !== null && v !== undefined));
  for (const u of coded) for (const v of u) if (!index.has(v)) index.set(v, index.size);
  const matrix = Array.from({ length: index.size }, () => new Array<number>(index.size).fill(0));
  for (const u of coded) {
    if (u.length < 2) continue;
    u.forEach((x, i) =>
      u.forEach((y, j) => {
        if (i !== j) matrix[index.get(x)!]![index.get(y)!]! += 1 / (u.length - 1);
      }),
    );
  }
  return { ...alphaFromMatrix(matrix), values: [...index.keys()] };
}

/** The binary coincidence matrix; `yesNo` is one off-diagonal cell (o_01 = o_10). */
export interface BinaryCoincidences {
  readonly noNo: number;
  readonly yesNo: number;
  readonly yesYes: number;
}

export interface LabelAlpha extends AlphaStats {
  readonly coincidences: BinaryCoincidences;
}

export interface AlphaResult {
  /** The labels computed over, in order; perLabel has exactly these keys. */
  readonly labels: readonly LabelId[];
  readonly perLabel: ByLabel<LabelAlpha>;
  readonly macro: MacroMean;
}

/** Each token is a unit coded by every layer; decisions[layer][token] is 0 or 1. */
export function binaryCoincidences(decisions: readonly Uint8Array[]): BinaryCoincidences {
  const m = decisions.length;
  const tokens = decisions[0]?.length ?? 0;
  if (m < 2) return { noNo: 0, yesNo: 0, yesYes: 0 };
  const perYesCount = new Array<number>(m + 1).fill(0);
  for (let t = 0; t < tokens; t++) {
    let yes = 0;
    for (const d of decisions) yes += d[t]!;
    perYesCount[yes] = perYesCount[yes]! + 1;
  }
  let noNo = 0;
  let yesNo = 0;
  let yesYes = 0;
  perYesCount.forEach((units, k) => {
    yesYes += (units * k * (k - 1)) / (m - 1);
    noNo += (units * (m - k) * (m - k - 1)) / (m - 1);
    yesNo += (units * k * (m - k)) / (m - 1);
  });
  return { noNo, yesNo, yesYes };
}

export function alphaFromCoincidences(c: BinaryCoincidences): LabelAlpha {
  return {
    ...alphaFromMatrix([
      [c.noNo, c.yesNo],
      [c.yesNo, c.yesYes],
    ]),
    coincidences: c,
  };
}

export function layerCoincidences(tokens: readonly Token[], layers: readonly (readonly Span[])[], labels: readonly LabelId[]): ByLabel<BinaryCoincidences> {
  return byLabel(labels, (l) => binaryCoincidences(layers.map((spans) => tokenDecisions(tokens, spans, l))));
}

/** Pooling: coincidence matrices add, i.e. every document's tokens are units of one sample. */
export function addCoincidences(parts: readonly ByLabel<BinaryCoincidences>[], labels: readonly LabelId[]): ByLabel<BinaryCoincidences> {
  return byLabel(labels, (l) =>
    parts.reduce(
      (s, p) => ({
        noNo: s.noNo + at(p, l).noNo,
        yesNo: s.yesNo + at(p, l).yesNo,
        yesYes: s.yesYes + at(p, l).yesYes,
      }),
      { noNo: 0, yesNo: 0, yesYes: 0 },
    ),
  );
}

export function alphaFromCoincidenceTables(tables: ByLabel<BinaryCoincidences>, labels: readonly LabelId[]): AlphaResult {
  const perLabel = byLabel(labels, (l) => alphaFromCoincidences(at(tables, l)));
  return {
    labels,
    perLabel,
    macro: macroMean(
      labels,
      byLabel(labels, (l) => at(perLabel, l).alpha),
    ),
  };
}

/**
 * Token-level alpha over all layers of one text; spans in UTF-16 code units into `text`.
 * `labels` default: the labels the layers use.
 */
export function tokenAlpha(text: string, layers: readonly (readonly Span[])[], labels: readonly LabelId[] = labelsIn(layers)): AlphaResult {
  return alphaFromCoincidenceTables(layerCoincidences(tokenize(text), layers, labels), labels);
}

export function tokenAlphaForDocuments(
  docs: readonly { readonly text: string; readonly layers: readonly (readonly Span[])[] }[],
  labels: readonly LabelId[] = labelsIn(docs.flatMap((d) => d.layers)),
): AlphaResult {
  return alphaFromCoincidenceTables(
    addCoincidences(
      docs.map((d) => layerCoincidences(tokenize(d.text), d.layers, labels)),
      labels,
    ),
    labels,
  );
}
