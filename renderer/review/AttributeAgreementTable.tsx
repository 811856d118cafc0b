// Agreement on attribute values per label and attribute, under the span figures: percent agreement
// and Krippendorff's alpha over spans tagged identically (same label and bounds) by two or more of
// the layers alpha covers, with the pairs they rest on. Attributes nobody set on such a span are
// left out; with none at all, one line says why the table is empty.

import type { AttributeAgreementReport } from '../../src/review/agreement/attribute-agreement.js';
import { useSchema } from '../schema/schema-context.js';
import { fmt } from './AgreementTable.js';

export function AttributeAgreementTable({ report }: { report: AttributeAgreementReport }) {
  const schema = useSchema();
  const rows = report.perAttribute.filter((a) => a.units.length > 0 || a.unpaired > 0);
  if (rows.length === 0) {
    return (
      <p className="meta" data-testid="attribute-agreement-empty">
        Attributes: no value set on a span two layers tagged identically.
      </p>
    );
  }
  const labelName = (id: string) => schema.labels.find((l) => l.id === id)?.name ?? id;
  return (
    <table className="agreement-table" data-testid="attribute-agreement">
      <thead>
        <tr>
          <th>Label</th>
          <th>Attribute</th>
          <th title="Pairs of values on spans tagged identically (both annotators set the attribute) / values left unpaired">Pairs</th>
          <th title="Share of pairs with the same value">Agree</th>
          <th title="Krippendorff's alpha: nominal, or interval on the number (a range at its midpoint)">α</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={`${a.label}\u0000${a.attribute}`} data-label={a.label} data-attribute={a.attribute}>
            <td>{labelName(a.label)}</td>
            <td title={`${a.scale} scale`}>{a.name}</td>
            <td data-metric="pairs">
              {a.percent.pairs}
              {a.unpaired > 0 ? <span className="meta"> (+{a.unpaired} unpaired)</span> : null}
            </td>
            <td data-metric="percent">{a.percent.percent === null ? '—' : `${Math.round(a.percent.percent * 1000) / 10} %`}</td>
            <td data-metric="alpha">{fmt(a.alpha.alpha)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
