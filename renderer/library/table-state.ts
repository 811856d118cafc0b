// The library table's sort, filter and search, and the order of the rows it shows, kept outside
// the view: the view unmounts while an article is open, and next/previous article must follow the
// order the analyst last saw (use-corpus-nav.ts via article-details-repo.ts). Per window session
// only: a fresh start shows the library newest first, unfiltered.

import type { TableFilter, TableSort } from '../../src/corpus/library-table.js';

export interface TableState {
  readonly sort: TableSort;
  readonly filter: TableFilter;
  readonly query: string;
}

export const DEFAULT_TABLE_STATE: TableState = { sort: { column: 'added', dir: 'desc' }, filter: {}, query: '' };

let state: TableState = DEFAULT_TABLE_STATE;
let order: readonly string[] | null = null;

export const tableState = (): TableState => state;
export function setTableState(next: TableState): void {
  state = next;
}

/** The ids the table shows, in its order; null before the library was first drawn. */
export const tableOrder = (): readonly string[] | null => order;
export function setTableOrder(ids: readonly string[]): void {
  order = ids;
}
