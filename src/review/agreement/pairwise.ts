// Every pair of annotators at once, for teams of three or more: span F1 (exact and relaxed) and
// Cohen's kappa per label for each pair, the matrix INCEpTION shows. A pair is pooled over the
// documents where both annotators have a layer, so one absent colleague never turns another
// pair's figures into comparisons against an empty layer.
//
// F1 and kappa are symmetric in the pair (swapping A and B swaps precision and recall, and kappa's
// table transposes), so the matrix keeps one cell per unordered pair. Alpha is not here: it is one
// figure over all chosen layers (alpha.ts, report.ts).

import { fail, ok, type Result } from '../../result.js';
import { tokenize } from '../tokens.js';
import { addKappaTables, kappaFromTables, kappaTables, type KappaResult, type KappaTable } from './kappa.js';
import type { LabelId } from '../../labels/schema.js';
import { labelsToCompare, type ByLabel } from './by-label.js';
import { validateLayers, type LayerInput } from './report-input.js';
import { addSpanF1Counts, f1FromSpanCounts, spanF1Counts, type SpanF1, type SpanF1Counts } from './span-f1.js';

export interface PairAgreement {
  /** The reference for precision and recall: the earlier of the two in the annotator order. */
  readonly a: string;
  readonly b: string;
  /** Documents both annotators have a layer on; 0 leaves every figure undefined. */
  readonly documents: number;
  readonly tokens: number;
  readonly f1: SpanF1;
  readonly kappa: KappaResult;
}

export interface PairwiseMatrix {
  readonly annotators: readonly string[];
  /** The labels every pair's per-label figures are keyed by. */
  readonly labels: readonly LabelId[];
  /** One per unordered pair, (annotators[i], annotators[j]) for i < j, in that order. */
  readonly pairs: readonly PairAgreement[];
}

export interface PairwiseDocument {
  readonly text: string;
  /** UTF-16 spans, one layer per annotator; an annotator without a layer did not code the document. */
  readonly layers: readonly LayerInput[];
}

/**
 * The matrix over `annotators` (default: every annotator with a layer somewhere, in order of first
 * appearance). Fails on an invalid layer, with its path, or a duplicate name in `annotators`.
 * `labels`: the schema's ids; any other label the documents use is added (labelsToCompare).
 */
export function pairwiseAgreement(docs: readonly PairwiseDocument[], annotators?: readonly string[], labels?: readonly LabelId[]): Result<PairwiseMatrix> {
  for (const [i, d] of docs.entries()) {
    const checked = validateLayers(d.text, d.layers, `[${i}].`);
    if (!checked.ok) return checked;
  }
  const names = annotators ?? [...new Set(docs.flatMap((d) => d.layers.map((l) => l.annotator)))];
  if (new Set(names).size !== names.length) return fail('duplicate-annotator', 'An annotator is named twice in the matrix.');
  const list = labelsToCompare(
    labels,
    docs.flatMap((d) => d.layers.filter((l) => names.includes(l.annotator)).map((l) => l.spans)),
  );
  const sums = new Map<string, { documents: number; tokens: number; f1: SpanF1Counts[]; kappa: ByLabel<KappaTable>[] }>();
  const key = (i: number, j: number): string => `${i}|${j}`;
  for (const d of docs) {
    const present = names.map((n) => d.layers.find((l) => l.annotator === n));
    if (present.filter(Boolean).length < 2) continue;
    const tokens = tokenize(d.text);
    present.forEach((x, i) =>
      present.forEach((y, j) => {
        if (j <= i || x === undefined || y === undefined) return;
        const sum = sums.get(key(i, j)) ?? { documents: 0, tokens: 0, f1: [], kappa: [] };
        sum.documents += 1;
        sum.tokens += tokens.length;
        sum.f1.push(spanF1Counts(x.spans, y.spans, list));
        sum.kappa.push(kappaTables(tokens, x.spans, y.spans, list));
        sums.set(key(i, j), sum);
      }),
    );
  }
  const pairs: PairAgreement[] = [];
  names.forEach((a, i) =>
    names.forEach((b, j) => {
      if (j <= i) return;
      const sum = sums.get(key(i, j)) ?? { documents: 0, tokens: 0, f1: [], kappa: [] };
      const f1 = addSpanF1Counts(sum.f1, list);
      pairs.push({
        a,
        b,
        documents: sum.documents,
        tokens: sum.tokens,
        f1: f1FromSpanCounts(f1),
        kappa: kappaFromTables(addKappaTables(sum.kappa, list), list),
      });
    }),
  );
  return ok({ annotators: names, labels: list, pairs });
}

/** The cell of x and y in either order; undefined on the diagonal or for an unknown name. */
export function pairCell(matrix: PairwiseMatrix, x: string, y: string): PairAgreement | undefined {
  return matrix.pairs.find((p) => (p.a === x && p.b === y) || (p.a === y && p.b === x));
}
