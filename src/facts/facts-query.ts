// What the Facts view shows of a facts table: which columns, which rows (a text filter per column)
// in which order (one sort column). Kept out of the component so the rule behind "export exactly
// what is shown" is one function (shownTable) that the view renders and both exports write.

import type { FactsCell, FactsColumn, FactsRow, FactsTable } from './facts-table.js';

/** The view's column order: quote first, then the attributes, then where it comes from and review. */
export const VIEW_LEAD = ['quote'];
export const VIEW_TAIL = [
  'document',
  'document.date',
  // The corpus facts' article metadata (absent from the library-wide table).
  'document.source',
  'document.url',
  'document.author',
  'document.language',
  'document.tags',
  'document.status',
  'annotator',
  'review.status',
  'review.decision',
];
/** Not shown in a per-label table: the label is the table's; id and offsets are for programs (CLI). */
export const VIEW_HIDDEN = new Set(['id', 'label', 'start', 'end']);

export function viewColumns(table: FactsTable): FactsColumn[] {
  const byKey = new Map(table.columns.map((c) => [c.key, c]));
  const pick = (keys: readonly string[]): FactsColumn[] => keys.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
  const middle = table.columns.filter((c) => !VIEW_HIDDEN.has(c.key) && !VIEW_LEAD.includes(c.key) && !VIEW_TAIL.includes(c.key));
  return [...pick(VIEW_LEAD), ...middle, ...pick(VIEW_TAIL)];
}

/** A cell as shown and as filtered: empty for "not set". */
export function cellText(cell: FactsCell | undefined): string {
  return cell === null || cell === undefined ? '' : String(cell);
}

export interface FactsSort {
  readonly key: string;
  readonly direction: 'ascending' | 'descending';
}

export interface FactsQuery {
  /** Column key → text the cell must contain (case-insensitive); empty = no filter. */
  readonly filters: Readonly<Record<string, string>>;
  readonly sort?: FactsSort;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Rows passing every filter, sorted; empty cells last in either direction; ties keep table order. */
export function queryRows(rows: readonly FactsRow[], columns: readonly FactsColumn[], query: FactsQuery): FactsRow[] {
  const active = Object.entries(query.filters)
    .map(([key, text]) => [key, text.trim().toLocaleLowerCase()] as const)
    .filter(([key, text]) => text !== '' && columns.some((c) => c.key === key));
  const kept = rows.filter((r) => active.every(([key, text]) => cellText(r.cells[key]).toLocaleLowerCase().includes(text)));
  const sort = query.sort;
  if (!sort) return kept;
  const numeric = columns.find((c) => c.key === sort.key)?.numeric ?? false;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return kept
    .map((row, i) => ({ row, i }))
    .sort((a, b) => {
      const x = a.row.cells[sort.key] ?? null;
      const y = b.row.cells[sort.key] ?? null;
      if (x === null || y === null || x === '' || y === '') {
        const ex = x === null || x === '';
        const ey = y === null || y === '';
        return ex === ey ? a.i - b.i : ex ? 1 : -1;
      }
      const c = numeric && typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return c === 0 ? a.i - b.i : sign * c;
    })
    .map((x) => x.row);
}

/** Exactly what the view shows: its columns, its filtered and sorted rows. */
export function shownTable(table: FactsTable, query: FactsQuery): FactsTable {
  const columns = viewColumns(table);
  return { columns, rows: queryRows(table.rows, columns, query) };
}
