// The agreement figures for one pair of layers (and alpha over all layers), per label and
// macro-averaged, with the counts they rest on. Undefined figures are shown as a dash, never 0.

import type { AgreementReport } from '../../src/review/agreement/report.js';
import type { MacroMean } from '../../src/review/agreement/by-label.js';
import { LABELS } from '../../src/labels/schema.js';
import { LabelChip } from '../app/LabelChip.js';

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));
const macro = (m: MacroMean) => fmt(m.value);

export function AgreementTable({ report }: { report: AgreementReport }) {
  const { f1, kappa, alpha } = report;
  return (
    <div className="agreement" data-testid="agreement">
      <p className="meta">
        B = {report.b} against A = {report.a} · {report.documents} document{report.documents === 1 ? '' : 's'} · {report.tokens} tokens · α over{' '}
        {alpha.annotators.length} annotators
      </p>
      <table className="agreement-table">
        <thead>
          <tr>
            <th>Label</th>
            <th title="Exact span F1 (same start, end, label)">F1 exact</th>
            <th title="Relaxed span F1 (same label, overlapping)">F1 relaxed</th>
            <th title="Precision / recall, exact">P / R</th>
            <th title="Cohen's kappa on token decisions">κ</th>
            <th title="Krippendorff's alpha (nominal), all layers">α</th>
          </tr>
        </thead>
        <tbody>
          {LABELS.map((l) => {
            const e = f1.exact.perLabel[l.id];
            return (
              <tr key={l.id} data-label={l.id}>
                <td><LabelChip label={l.id} /></td>
                <td data-metric="f1-exact">{fmt(e.f1)}</td>
                <td data-metric="f1-relaxed">{fmt(f1.relaxed.perLabel[l.id].f1)}</td>
                <td>{fmt(e.precision)} / {fmt(e.recall)}</td>
                <td data-metric="kappa">{fmt(kappa.perLabel[l.id].kappa)}</td>
                <td data-metric="alpha">{fmt(alpha.perLabel[l.id].alpha)}</td>
              </tr>
            );
          })}
          <tr data-label="macro">
            <td><strong>Macro</strong></td>
            <td data-metric="f1-exact">{macro(f1.exact.macro.f1)}</td>
            <td data-metric="f1-relaxed">{macro(f1.relaxed.macro.f1)}</td>
            <td>{macro(f1.exact.macro.precision)} / {macro(f1.exact.macro.recall)}</td>
            <td data-metric="kappa">{macro(kappa.macro)}</td>
            <td data-metric="alpha">{macro(alpha.macro)}</td>
          </tr>
        </tbody>
      </table>
      <p className="meta">
        Spans: {report.spanCounts.map((c) => `${c.annotator} ${c.total}`).join(' · ')}. Exact matches per label:{' '}
        {LABELS.map((l) => `${l.name} ${f1.exact.perLabel[l.id].tp}`).join(', ')}. — means undefined (no spans of that label, or no variation).
      </p>
    </div>
  );
}
