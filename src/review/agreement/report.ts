// Everything the agreement screen and the CLI show for one document or a selection: span F1 of B
// against A, Cohen's kappa for A and B, Krippendorff's alpha over the chosen layers (every layer
// unless told). Which layers those are is the caller's choice (review-layers.ts gives the default). Reports keep their
// additive counts, so combining them re-pools the raw counts instead of averaging finished ratios.

import { LABEL_IDS } from '../../labels/schema.js';
import { fail, ok, type Result } from '../../result.js';
import { tokenize } from '../tokens.js';
import { addCoincidences, alphaFromCoincidenceTables, layerCoincidences, type AlphaResult } from './alpha.js';
import { byLabel, type ByLabel } from './by-label.js';
import { validateReportInput, type ReportInput } from './report-input.js';
import { addKappaTables, kappaFromTables, kappaTables, type KappaResult } from './kappa.js';
import { addSpanF1Counts, countsOf, f1FromCounts, spanF1Counts, type SpanF1 } from './span-f1.js';
import { attributeAgreement, combineAttributeAgreement, type AttributeAgreementReport } from './attribute-agreement.js';

export type { LayerInput, ReportInput } from './report-input.js';

export interface LayerSpanCount {
  readonly annotator: string;
  readonly perLabel: ByLabel<number>;
  readonly total: number;
}

export interface AgreementReport {
  readonly documents: number;
  readonly a: string;
  readonly b: string;
  readonly tokens: number;
  /** One entry per annotator, in order of first appearance. */
  readonly spanCounts: readonly LayerSpanCount[];
  readonly f1: SpanF1;
  readonly kappa: KappaResult;
  /** Over the layers named by alphaOver (every layer when absent), not only a and b. */
  readonly alpha: AlphaResult & { readonly annotators: readonly string[] };
  /** Attribute values on identically tagged spans, over the same layers as alpha. */
  readonly attributes: AttributeAgreementReport;
}

export function agreementReport(input: ReportInput): Result<AgreementReport> {
  return reportAt(input, '');
}

function reportAt(input: ReportInput, path: string): Result<AgreementReport> {
  const checked = validateReportInput(input, path);
  if (!checked.ok) return checked;
  const layerA = input.layers.find((l) => l.annotator === input.a)!;
  const layerB = input.layers.find((l) => l.annotator === input.b)!;
  const tokens = tokenize(input.text);
  const f1 = spanF1Counts(layerA.spans, layerB.spans);
  const alphaLayers = input.alphaOver === undefined ? input.layers : input.layers.filter((l) => input.alphaOver!.includes(l.annotator));
  return ok({
    documents: 1,
    a: input.a,
    b: input.b,
    tokens: tokens.length,
    spanCounts: input.layers.map((l) =>
      spanCount(
        l.annotator,
        byLabel((label) => l.spans.filter((s) => s.label === label).length),
      ),
    ),
    f1: { exact: f1FromCounts(f1.exact), relaxed: f1FromCounts(f1.relaxed) },
    kappa: kappaFromTables(kappaTables(tokens, layerA.spans, layerB.spans)),
    alpha: {
      ...alphaFromCoincidenceTables(
        layerCoincidences(
          tokens,
          alphaLayers.map((l) => l.spans),
        ),
      ),
      annotators: alphaLayers.map((l) => l.annotator),
    },
    attributes: attributeAgreement(
      alphaLayers.map((l) => l.spans),
      input.attributeLabels,
    ),
  });
}

/** Pools reports of the same a/b pair: F1 counts, kappa tables and alpha coincidences are summed. */
export function combineReports(reports: readonly AgreementReport[]): Result<AgreementReport> {
  const first = reports[0];
  if (first === undefined) return fail('no-documents', 'Select at least one document to compute agreement.');
  const other = reports.findIndex((r) => r.a !== first.a || r.b !== first.b);
  if (other >= 0) {
    const r = reports[other]!;
    return fail('mismatched-pair', `Report ${other} compares ${r.a} with ${r.b}, not ${first.a} with ${first.b}.`, `[${other}]`);
  }
  const counts = new Map<string, Record<string, number>>();
  for (const r of reports)
    for (const c of r.spanCounts) {
      const sum = counts.get(c.annotator) ?? Object.fromEntries(LABEL_IDS.map((l) => [l, 0]));
      for (const l of LABEL_IDS) sum[l] = sum[l]! + c.perLabel[l];
      counts.set(c.annotator, sum);
    }
  const f1 = addSpanF1Counts(reports.map((r) => countsOf(r.f1)));
  return ok({
    documents: reports.reduce((s, r) => s + r.documents, 0),
    a: first.a,
    b: first.b,
    tokens: reports.reduce((s, r) => s + r.tokens, 0),
    spanCounts: [...counts].map(([annotator, sum]) =>
      spanCount(
        annotator,
        byLabel((l) => sum[l]!),
      ),
    ),
    f1: { exact: f1FromCounts(f1.exact), relaxed: f1FromCounts(f1.relaxed) },
    kappa: kappaFromTables(addKappaTables(reports.map((r) => byLabel((l) => r.kappa.perLabel[l])))),
    alpha: {
      ...alphaFromCoincidenceTables(addCoincidences(reports.map((r) => byLabel((l) => r.alpha.perLabel[l].coincidences)))),
      annotators: [...new Set(reports.flatMap((r) => r.alpha.annotators))],
    },
    attributes: combineAttributeAgreement(reports.map((r) => r.attributes)),
  });
}

export function agreementForDocuments(docs: readonly ReportInput[]): Result<AgreementReport> {
  const reports: AgreementReport[] = [];
  for (const [i, doc] of docs.entries()) {
    const r = reportAt(doc, `[${i}].`);
    if (!r.ok) return r;
    reports.push(r.value);
  }
  return combineReports(reports);
}

function spanCount(annotator: string, perLabel: ByLabel<number>): LayerSpanCount {
  return { annotator, perLabel, total: LABEL_IDS.reduce((s, l) => s + perLabel[l], 0) };
}
