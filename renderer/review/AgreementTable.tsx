// The agreement figures for one pair of layers, and alpha over the chosen layers, per label and
// macro-averaged, with the counts they rest on and which layers they cover. Undefined figures are
// shown as a dash, never 0.

import type { AgreementReport } from '../../src/review/agreement/report.js';
import type { AlphaResult } from '../../src/review/agreement/alpha.js';
import type { MacroMean } from '../../src/review/agreement/by-label.js';
import type { ReviewStage } from '../../src/review/review-layers.js';
import { labelOrUnknown } from '../../src/labels/schema.js';
import { at } from '../../src/review/agreement/by-label.js';
import { useSchema } from '../schema/schema-context.js';
import { LabelChip } from '../ui/LabelChip.js';
import { AttributeAgreementTable } from './AttributeAgreementTable.js';
import { formatCount } from '../ui/format.js';

export const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));
const macro = (m: MacroMean) => fmt(m.value);

export const STAGE_NAMES: Record<ReviewStage, string> = {
  before: 'Before review: layers as annotated, accepted copies left out',
  after: 'After review: my layer as reconciled, accepted copies included',
};

export type AlphaOver = AlphaResult & { readonly annotators: readonly string[] };

interface Props {
  readonly report: AgreementReport;
  /** Alpha to show; the report's own when absent. */
  readonly alpha?: AlphaOver;
  readonly stage: ReviewStage;
}

export function alphaCaption(annotators: readonly string[]): string {
  return annotators.length < 2 ? 'α needs two chosen layers' : `α over ${annotators.join(', ')}`;
}

export function AgreementTable({ report, alpha = report.alpha, stage }: Props) {
  const { f1, kappa } = report;
  const schema = useSchema();
  // Rows are the labels the report was computed over (the schema's, then any a layer adds). Alpha
  // may come from a wider selection; a label it lacks shows as undefined.
  const alphaOf = (l: string) => (Object.prototype.hasOwnProperty.call(alpha.perLabel, l) ? at(alpha.perLabel, l).alpha : null);
  return (
    <div className="agreement" data-testid="agreement" data-stage={stage}>
      <p className="meta" data-testid="agreement-stage">
        {STAGE_NAMES[stage]}
      </p>
      <p className="meta">
        B = {report.b} against A = {report.a} · {report.documents} document{report.documents === 1 ? '' : 's'} · {report.tokens} tokens ·{' '}
        <span data-testid="alpha-over">{alphaCaption(alpha.annotators)}</span>
      </p>
      <table className="agreement-table">
        <thead>
          <tr>
            <th>Label</th>
            <th title="Exact span F1 (same start, end, label)">F1 exact</th>
            <th title="Relaxed span F1 (same label, overlapping)">F1 relaxed</th>
            <th title="Precision / recall, exact">P / R</th>
            <th title="Cohen's kappa on token decisions, A and B">κ</th>
            <th title="Krippendorff's alpha (nominal), the chosen layers">α</th>
          </tr>
        </thead>
        <tbody>
          {report.labels.map((id) => {
            const e = at(f1.exact.perLabel, id);
            return (
              <tr key={id} data-label={id}>
                <td>
                  <LabelChip label={id} />
                </td>
                <td data-metric="f1-exact">{fmt(e.f1)}</td>
                <td data-metric="f1-relaxed">{fmt(at(f1.relaxed.perLabel, id).f1)}</td>
                <td>
                  {fmt(e.precision)} / {fmt(e.recall)}
                </td>
                <td data-metric="kappa">{fmt(at(kappa.perLabel, id).kappa)}</td>
                <td data-metric="alpha">{fmt(alphaOf(id))}</td>
              </tr>
            );
          })}
          <tr data-label="macro">
            <td>
              <strong>Macro</strong>
            </td>
            <td data-metric="f1-exact">{macro(f1.exact.macro.f1)}</td>
            <td data-metric="f1-relaxed">{macro(f1.relaxed.macro.f1)}</td>
            <td>
              {macro(f1.exact.macro.precision)} / {macro(f1.exact.macro.recall)}
            </td>
            <td data-metric="kappa">{macro(kappa.macro)}</td>
            <td data-metric="alpha">{macro(alpha.macro)}</td>
          </tr>
        </tbody>
      </table>
      <p className="meta">
        Spans: {report.spanCounts.map((c) => `${c.annotator} ${formatCount(c.total)}`).join(' · ')}. Exact matches per label:{' '}
        {report.labels.map((id) => `${labelOrUnknown(schema, id).name} ${formatCount(at(f1.exact.perLabel, id).tp)}`).join(', ')}. — means undefined (no spans
        of that label, or no variation).
      </p>
      <AttributeAgreementTable report={report.attributes} />
    </div>
  );
}
