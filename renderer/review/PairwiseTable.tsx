// The pairwise matrix for three or more annotators (as INCEpTION shows it): one figure, for one
// label or the macro mean, for every pair. F1 and kappa are symmetric, so both halves show the
// same cell; each cell says over how many documents the pair is pooled.

import { useState } from 'react';
import { labelOrUnknown, type LabelId } from '../../src/labels/schema.js';
import { at } from '../../src/review/agreement/by-label.js';
import { useSchema } from '../schema/schema-context.js';
import { pairCell, type PairAgreement, type PairwiseMatrix } from '../../src/review/agreement/pairwise.js';
import { fmt } from './AgreementTable.js';

export type PairFigure = 'f1-exact' | 'f1-relaxed' | 'kappa';
const FIGURE_NAMES: Record<PairFigure, string> = { 'f1-exact': 'F1 exact', 'f1-relaxed': 'F1 relaxed', kappa: 'Cohen’s κ' };

/** `label` null: the macro mean (a label may be called "macro", so no magic string stands for it). */
export function pairValue(p: PairAgreement, figure: PairFigure, label: LabelId | null): number | null {
  if (figure === 'kappa') return label === null ? p.kappa.macro.value : at(p.kappa.perLabel, label).kappa;
  const r = figure === 'f1-exact' ? p.f1.exact : p.f1.relaxed;
  return label === null ? r.macro.f1.value : at(r.perLabel, label).f1;
}

export function PairwiseTable({ matrix }: { matrix: PairwiseMatrix }) {
  const [figure, setFigure] = useState<PairFigure>('f1-exact');
  const schema = useSchema();
  const [picked, setPicked] = useState<LabelId | null>(null);
  // A label no longer in the matrix (the schema changed) falls back to the macro mean.
  const label = picked !== null && matrix.labels.includes(picked) ? picked : null;
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
        <select
          value={label === null ? '' : `label:${label}`}
          onChange={(e) => setPicked(e.target.value === '' ? null : e.target.value.slice('label:'.length))}
          data-testid="pairwise-label"
          aria-label="Label"
        >
          <option value="">Macro</option>
          {matrix.labels.map((id) => (
            <option key={id} value={`label:${id}`}>
              {labelOrUnknown(schema, id).name}
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
