// The agreement report as fixed-width text for a terminal: one table of figures per label, then the
// counts they rest on. An undefined figure is printed as "—", never as 0: a 0 would tell an analyst
// that two colleagues disagreed completely about a label neither of them used.

import { at } from '../../../src/review/agreement/by-label.js';
import type { AgreementReport } from '../../../src/review/agreement/report.js';
import { displayWidth, padEnd, padStart, printable } from './text.js';

export const UNDEFINED_MARK = '—';
export const UNDEFINED_FOOTNOTE = `${UNDEFINED_MARK} undefined: no spans / no variation`;
export const MACRO_FOOTNOTE = 'macro: mean over the labels where the figure is defined';

const NUMBER_WIDTH = 6;
const GAP = '  ';
const GROUP_GAP = '   ';

export function figure(x: number | null): string {
  return x === null ? UNDEFINED_MARK : x.toFixed(3);
}

/** ` title ` centred in a run of dashes `width` wide: the heading over a group of columns. */
function rule(title: string, width: number): string {
  const left = Math.max(1, Math.floor((width - title.length - 2) / 2));
  return `${'-'.repeat(left)} ${title} `.padEnd(width, '-');
}

export interface RenderedTable {
  readonly lines: readonly string[];
  /** Whether a "—" was printed, so the caller adds the footnote once. */
  readonly hasUndefined: boolean;
}

/**
 * Labels as rows, then macro; columns exact P R F1, relaxed P R F1, kappa, alpha. Below it the span
 * counts per annotator and label (A and B marked) and the token count kappa and alpha are over.
 */
export function renderReportTable(report: AgreementReport): RenderedTable {
  const annotatorCells = report.spanCounts.map((c) => printable(c.annotator) + (c.annotator === report.a ? ' (A)' : c.annotator === report.b ? ' (B)' : ''));
  const labels = report.labels;
  const first = Math.max(...[...labels.map(printable), 'macro', 'spans', ...annotatorCells].map(displayWidth)) + 2;
  const { exact, relaxed } = report.f1;
  const figures = (values: readonly (number | null)[]): string[] => values.map((v) => padStart(figure(v), NUMBER_WIDTH));
  const row = (name: string, e: readonly (number | null)[], r: readonly (number | null)[], k: number | null, al: number | null): string =>
    padEnd(name, first) + figures(e).join(GAP) + GROUP_GAP + figures(r).join(GAP) + GROUP_GAP + figures([k, al]).join(GAP);

  const groupWidth = 3 * NUMBER_WIDTH + 2 * GAP.length;
  const lines: string[] = [
    ' '.repeat(first) + rule('exact', groupWidth) + GROUP_GAP + rule('relaxed', groupWidth),
    padEnd('label', first) +
      ['P', 'R', 'F1'].map((h) => padStart(h, NUMBER_WIDTH)).join(GAP) +
      GROUP_GAP +
      ['P', 'R', 'F1'].map((h) => padStart(h, NUMBER_WIDTH)).join(GAP) +
      GROUP_GAP +
      ['kappa', 'alpha'].map((h) => padStart(h, NUMBER_WIDTH)).join(GAP),
  ];
  const used: (number | null)[] = [];
  for (const l of labels) {
    const e = at(exact.perLabel, l);
    const r = at(relaxed.perLabel, l);
    const values = [e.precision, e.recall, e.f1, r.precision, r.recall, r.f1, at(report.kappa.perLabel, l).kappa, at(report.alpha.perLabel, l).alpha];
    used.push(...values);
    lines.push(row(printable(l), values.slice(0, 3), values.slice(3, 6), values[6]!, values[7]!));
  }
  const macro = [
    exact.macro.precision.value,
    exact.macro.recall.value,
    exact.macro.f1.value,
    relaxed.macro.precision.value,
    relaxed.macro.recall.value,
    relaxed.macro.f1.value,
    report.kappa.macro.value,
    report.alpha.macro.value,
  ];
  used.push(...macro);
  lines.push(row('macro', macro.slice(0, 3), macro.slice(3, 6), macro[6]!, macro[7]!));

  lines.push('');
  const countHeads = [...labels.map(printable), 'total'];
  const countWidths = countHeads.map((h) => Math.max(displayWidth(h), NUMBER_WIDTH));
  lines.push(padEnd('spans', first) + countHeads.map((h, i) => padStart(h, countWidths[i]!)).join(GAP));
  report.spanCounts.forEach((c, i) => {
    const counts = [...labels.map((l) => at(c.perLabel, l)), c.total];
    lines.push(padEnd(annotatorCells[i]!, first) + counts.map((n, j) => padStart(String(n), countWidths[j]!)).join(GAP));
  });
  lines.push(padEnd('tokens', first) + padStart(String(report.tokens), countWidths[0]!));
  return { lines, hasUndefined: used.includes(null) };
}
