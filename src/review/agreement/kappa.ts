// Cohen's kappa between two annotators, per label, on the token grid: chance-corrected agreement
// on "is this token inside a span of the label". Tables are kept in the result because they are
// what pools across documents; the ratios are recomputed from them, never averaged.

import type { Span } from '../span.js';
import { tokenize, type Token } from '../tokens.js';
import type { LabelId } from '../../labels/schema.js';
import { at, byLabel, labelsIn, macroMean, type ByLabel, type MacroMean } from './by-label.js';
import { tokenDecisions } from './token-decisions.js';

/** Token counts: both marked, only A, only B, neither. */
export interface KappaTable {
  readonly bothYes: number;
  readonly aOnly: number;
  readonly bOnly: number;
  readonly bothNo: number;
}

/** po, pe and kappa are null when n = 0; kappa is null when pe = 1 (both constant and identical). */
export interface LabelKappa extends KappaTable {
  readonly n: number;
  readonly po: number | null;
  readonly pe: number | null;
  readonly kappa: number | null;
}

export interface KappaResult {
  /** The labels computed over, in order; perLabel has exactly these keys. */
  readonly labels: readonly LabelId[];
  readonly perLabel: ByLabel<LabelKappa>;
  readonly macro: MacroMean;
}

export function kappaTable(a: Uint8Array, b: Uint8Array): KappaTable {
  if (a.length !== b.length) throw new RangeError('decisions must cover the same tokens');
  let bothYes = 0;
  let aOnly = 0;
  let bOnly = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i]) {
      if (b[i]) bothYes += 1;
      else aOnly += 1;
    } else if (b[i]) bOnly += 1;
  }
  return { bothYes, aOnly, bOnly, bothNo: a.length - bothYes - aOnly - bOnly };
}

export function kappaFromTable(t: KappaTable): LabelKappa {
  const n = t.bothYes + t.aOnly + t.bOnly + t.bothNo;
  if (n === 0) return { ...t, n, po: null, pe: null, kappa: null };
  const yesA = t.bothYes + t.aOnly;
  const yesB = t.bothYes + t.bOnly;
  // Scaled by n²: integers, so "pe = 1" is an exact test and not a rounding accident.
  const agreeN2 = (t.bothYes + t.bothNo) * n;
  const chanceN2 = yesA * yesB + (n - yesA) * (n - yesB);
  const n2 = n * n;
  return { ...t, n, po: agreeN2 / n2, pe: chanceN2 / n2, kappa: chanceN2 === n2 ? null : (agreeN2 - chanceN2) / (n2 - chanceN2) };
}

export function kappaTables(tokens: readonly Token[], a: readonly Span[], b: readonly Span[], labels: readonly LabelId[]): ByLabel<KappaTable> {
  return byLabel(labels, (l) => kappaTable(tokenDecisions(tokens, a, l), tokenDecisions(tokens, b, l)));
}

/** Pooling: tables are summed cell by cell, i.e. all documents' tokens form one sample. */
export function addKappaTables(parts: readonly ByLabel<KappaTable>[], labels: readonly LabelId[]): ByLabel<KappaTable> {
  return byLabel(labels, (l) =>
    parts.reduce(
      (s, p) => ({
        bothYes: s.bothYes + at(p, l).bothYes,
        aOnly: s.aOnly + at(p, l).aOnly,
        bOnly: s.bOnly + at(p, l).bOnly,
        bothNo: s.bothNo + at(p, l).bothNo,
      }),
      { bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 0 },
    ),
  );
}

export function kappaFromTables(tables: ByLabel<KappaTable>, labels: readonly LabelId[]): KappaResult {
  const perLabel = byLabel(labels, (l) => kappaFromTable(at(tables, l)));
  return {
    labels,
    perLabel,
    macro: macroMean(
      labels,
      byLabel(labels, (l) => at(perLabel, l).kappa),
    ),
  };
}

/** Spans in UTF-16 code units into `text`, the unit tokenize uses; `labels` default: those a or b use. */
export function cohenKappa(text: string, a: readonly Span[], b: readonly Span[], labels: readonly LabelId[] = labelsIn([a, b])): KappaResult {
  return kappaFromTables(kappaTables(tokenize(text), a, b, labels), labels);
}

export function cohenKappaForDocuments(
  docs: readonly { readonly text: string; readonly a: readonly Span[]; readonly b: readonly Span[] }[],
  labels: readonly LabelId[] = labelsIn(docs.flatMap((d) => [d.a, d.b])),
): KappaResult {
  return kappaFromTables(
    addKappaTables(
      docs.map((d) => kappaTables(tokenize(d.text), d.a, d.b, labels)),
      labels,
    ),
    labels,
  );
}
