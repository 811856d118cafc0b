// When the library's search box searches: a query pasted, or the first key after a pause, at once;
// a key that follows the previous change of the query within the pause waits for the burst to end
// (LibrarySearch.tsx says why). Pure, so the rule is tested with exact times.

/** Keys closer together than this are one burst of typing. */
export const TYPING_PAUSE_MS = 150;

export interface LastChange {
  readonly query: string;
  readonly at: number;
}

export const NO_CHANGE: LastChange = { query: '', at: Number.NEGATIVE_INFINITY };

/**
 * How long to wait before searching `query` at time `now`, and the change to remember. A search
 * asked again for the same query (the table's rows or filters changed) does not count as a key.
 */
export function searchDelay(last: LastChange, query: string, now: number): { readonly delayMs: number; readonly last: LastChange } {
  if (query === last.query) return { delayMs: 0, last };
  return { delayMs: now - last.at < TYPING_PAUSE_MS ? TYPING_PAUSE_MS : 0, last: { query, at: now } };
}
