// Everything the agreement screen and the CLI show for one document or a selection: span F1 of B
// against A, Cohen's kappa for A and B, Krippendorff's alpha over the chosen layers (every layer
// unless told). Which layers those are is the caller's choice (review-layers.ts gives the default). Reports keep their
// additive counts, so combining them re-pools the raw counts instead of averaging finished ratios.

import type { LabelId } from '../../labels/schema.js';
import { fail, ok, type Result } from '../../result.js';
import { tokenize } from '../tokens.js';
import { addCoincidences, alphaFromCoincidenceTables, layerCoincidences, type AlphaResult } from './alpha.js';
import { at, byLabel, labelsToCompare, sameLabels, type ByLabel } from './by-label.js';
import { validateReportInput, type ReportInput } from './report-input.js';
import { addKappaTables, kappaFromTables, kappaTables, type KappaResult } from './kappa.js';
import { addSpanF1Counts, countsOf, f1FromSpanCounts, spanF1Counts, type SpanF1 } from './span-f1.js';
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
  /** The labels every per-label figure is keyed by, in display order. */
  readonly labels: readonly LabelId[];
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
  return reportAt(
    input,
    '',
    labelsToCompare(
      input.labels,
      input.layers.map((l) => l.spans),
    ),
  );
}

function reportAt(input: ReportInput, path: string, labels: readonly LabelId[]): Result<AgreementReport> {
  const checked = validateReportInput(input, path);
  if (!checked.ok) return checked;
  const layerA = input.layers.find((l) => l.annotator === input.a)!;
  const layerB = input.layers.find((l) => l.annotator === input.b)!;
  const tokens = tokenize(input.text);
  const alphaLayers = input.alphaOver === undefined ? input.layers : input.layers.filter((l) => input.alphaOver!.includes(l.annotator));
  return ok({
    documents: 1,
    a: input.a,
    b: input.b,
    tokens: tokens.length,
    labels,
    spanCounts: input.layers.map((l) =>
      spanCount(
        l.annotator,
        labels,
        byLabel(labels, (label) => l.spans.filter((s) => s.label === label).length),
      ),
    ),
    f1: f1FromSpanCounts(spanF1Counts(layerA.spans, layerB.spans, labels)),
    kappa: kappaFromTables(kappaTables(tokens, layerA.spans, layerB.spans, labels), labels),
    alpha: {
      ...alphaFromCoincidenceTables(
        layerCoincidences(
          tokens,
          alphaLayers.map((l) => l.spans),
          labels,
        ),
        labels,
      ),
      annotators: alphaLayers.map((l) => l.annotator),
    },
    attributes: attributeAgreement(
      alphaLayers.map((l) => l.spans),
      input.attributeLabels,
    ),
  });
}

/**
 * Pools reports of the same a/b pair computed over the same label list: F1 counts, kappa tables
 * and alpha coincidences are summed. Reports over different lists are refused (a label missing
 * from one report is not "zero": its token tables would be missing their "neither" counts).
 */
export function combineReports(reports: readonly AgreementReport[]): Result<AgreementReport> {
  const first = reports[0];
  if (first === undefined) return fail('no-documents', 'Select at least one document to compute agreement.');
  const other = reports.findIndex((r) => r.a !== first.a || r.b !== first.b);
  if (other >= 0) {
    const r = reports[other]!;
    return fail('mismatched-pair', `Report ${other} compares ${r.a} with ${r.b}, not ${first.a} with ${first.b}.`, `[${other}]`);
  }
  const labels = first.labels;
  const otherLabels = reports.findIndex((r) => !sameLabels(r.labels, labels));
  if (otherLabels >= 0) {
    return fail(
      'mismatched-labels',
      `Report ${otherLabels} is computed over labels ${reports[otherLabels]!.labels.join(', ')}, not ${labels.join(', ')}.`,
      `[${otherLabels}]`,
    );
  }
  const counts = new Map<string, Map<LabelId, number>>();
  for (const r of reports)
    for (const c of r.spanCounts) {
      const sum = counts.get(c.annotator) ?? new Map(labels.map((l) => [l, 0]));
      for (const l of labels) sum.set(l, (sum.get(l) ?? 0) + at(c.perLabel, l));
      counts.set(c.annotator, sum);
    }
  return ok({
    documents: reports.reduce((s, r) => s + r.documents, 0),
    a: first.a,
    b: first.b,
    tokens: reports.reduce((s, r) => s + r.tokens, 0),
    labels,
    spanCounts: [...counts].map(([annotator, sum]) =>
      spanCount(
        annotator,
        labels,
        byLabel(labels, (l) => sum.get(l) ?? 0),
      ),
    ),
    f1: f1FromSpanCounts(
      addSpanF1Counts(
        reports.map((r) => countsOf(r.f1)),
        labels,
      ),
    ),
    kappa: kappaFromTables(
      addKappaTables(
        reports.map((r) => r.kappa.perLabel),
        labels,
      ),
      labels,
    ),
    alpha: {
      ...alphaFromCoincidenceTables(
        addCoincidences(
          reports.map((r) => byLabel(labels, (l) => at(r.alpha.perLabel, l).coincidences)),
          labels,
        ),
        labels,
      ),
      annotators: [...new Set(reports.flatMap((r) => r.alpha.annotators))],
    },
    attributes: combineAttributeAgreement(reports.map((r) => r.attributes)),
  });
}

/**
 * Pools a selection. Every document is computed over one list: the first document's `labels` (the
 * schema's), then any label a document uses that the list lacks.
 */
export function agreementForDocuments(docs: readonly ReportInput[]): Result<AgreementReport> {
  const labels = labelsToCompare(
    docs.find((d) => d.labels !== undefined)?.labels,
    docs.flatMap((d) => d.layers.map((l) => l.spans)),
  );
  const reports: AgreementReport[] = [];
  for (const [i, doc] of docs.entries()) {
    const r = reportAt(doc, `[${i}].`, labels);
    if (!r.ok) return r;
    reports.push(r.value);
  }
  return combineReports(reports);
}

function spanCount(annotator: string, labels: readonly LabelId[], perLabel: ByLabel<number>): LayerSpanCount {
  return { annotator, perLabel, total: labels.reduce((s, l) => s + at(perLabel, l), 0) };
}
