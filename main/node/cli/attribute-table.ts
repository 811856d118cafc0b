// Attribute agreement as fixed-width text, printed under a report's span table: one row per label
// and attribute (label.attribute, printed safely: ids come from files), its scale, the matched spans,
// the pairs of values compared and how many agreed, percent agreement and alpha. Printed only when
// some matched span carries a value, so reports on files without attributes read as before.

import type { AttributeAgreementReport } from '../../../src/review/agreement/attribute-agreement.js';
import { figure } from './report-table.js';
import { displayWidth, padEnd, padStart, printable } from './text.js';

export const ATTRIBUTE_FOOTNOTE =
  'attributes: values on spans tagged identically (same label and bounds); pairs: two annotators who both set it there; ' +
  'percent: pairs with the same value; alpha: nominal, or interval on the number (a range at its midpoint).';

export interface RenderedAttributes {
  readonly lines: readonly string[];
  readonly hasUndefined: boolean;
}

export function renderAttributeTable(report: AttributeAgreementReport): RenderedAttributes {
  const rows = report.perAttribute.filter((a) => a.units.length > 0 || a.unpaired > 0);
  if (rows.length === 0) return { lines: [], hasUndefined: false };
  const names = rows.map((a) => `${printable(a.label)}.${printable(a.attribute)}`);
  const first = Math.max(...['attribute', ...names].map(displayWidth)) + 2;
  const heads = ['scale', 'matched', 'pairs', 'agree', 'unpaired', 'percent', 'alpha'];
  const widths = heads.map((h) => Math.max(h.length, 8));
  const line = (name: string, cells: readonly string[]): string => padEnd(name, first) + cells.map((c, i) => padStart(c, widths[i]!)).join('  ');
  const lines = [line('attribute', heads)];
  let hasUndefined = false;
  rows.forEach((a, i) => {
    hasUndefined ||= a.percent.percent === null || a.alpha.alpha === null;
    lines.push(
      line(names[i]!, [
        a.scale,
        String(a.matched),
        String(a.percent.pairs),
        String(a.percent.agreeing),
        String(a.unpaired),
        figure(a.percent.percent),
        figure(a.alpha.alpha),
      ]),
    );
  });
  return { lines, hasUndefined };
}
