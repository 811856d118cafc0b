// The pairwise matrix for three or more annotators (as INCEpTION shows it): one figure, for one
// label or the macro mean, for every pair. F1 and kappa are symmetric, so both halves show the
// same cell; each cell says over how many documents the pair is pooled.

import { useState } from 'react';
import { LABELS, type LabelId } from '../../src/labels/schema.js';
import { pairCell, type PairAgreement, type PairwiseMatrix } from '../../src/review/agreement/pairwise.js';
import { fmt } from './AgreementTable.js';

export type PairFigure = 'f1-exact' | 'f1-relaxed' | 'kappa';
const FIGURE_NAMES: Record<PairFigure, string> = { 'f1-exact': 'F1 exact', 'f1-relaxed': 'F1 relaxed', kappa: 'Cohen’s κ' };

export function pairValue(p: PairAgreement, figure: PairFigure, label: LabelId | 'macro'): number | null {
  if (figure === 'kappa') return label === 'macro' ? p.kappa.macro.value : p.kappa.perLabel[label].kappa;
  const r = figure === 'f1-exact' ? p.f1.exact : p.f1.relaxed;
  return label === 'macro' ? r.macro.f1.value : r.perLabel[label].f1;
}

export function PairwiseTable({ matrix }: { matrix: PairwiseMatrix }) {
  const [figure, setFigure] = useState<PairFigure>('f1-exact');
  const [label, setLabel] = useState<LabelId | 'macro'>('macro');
  const names = matrix.annotators;
  return (
    <div className="pairwise" data-testid="pairwise">
      <div className="compare-pick">
        Every pair:
        <select value={figure} onChange={(e) => setFigure(e.target.value as PairFigure)} data-testid="pairwise-figure" aria-label="Figure">
          {(Object.keys(FIGURE_NAMES) as PairFigure[]).map((f) => (
            <option key={f} value={f}>
              {FIGURE_NAMES[f]}
            </option>
          ))}
        </select>
        <select value={label} onChange={(e) => setLabel(e.target.value as LabelId | 'macro')} data-testid="pairwise-label" aria-label="Label">
          <option value="macro">Macro</option>
          {LABELS.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <table className="agreement-table">
        <thead>
          <tr>
            <th />
            {names.map((n) => (
              <th key={n}>{n}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {names.map((x) => (
            <tr key={x} data-row={x}>
              <th scope="row">{x}</th>
              {names.map((y) => {
                const p = x === y ? undefined : pairCell(matrix, x, y);
                return (
                  <td key={y} data-a={x} data-b={y} title={p ? `${p.documents} document${p.documents === 1 ? '' : 's'}, ${p.tokens} tokens` : ''}>
                    {p ? fmt(pairValue(p, figure, label)) : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
