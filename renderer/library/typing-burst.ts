// When the library's search box searches: a query pasted, or the first key after a pause, at once;
// a key that follows the previous change of the query within the pause waits for the burst to end,
// but only while searches are slow. A search runs in the window's thread: one that costs more than
// a keystroke's budget would stall the typing if every key started one, while a quick one (most
// queries, even over 5,000 articles) is best run at once so results follow the typing. Pure, so the
// rule is tested with exact times.

/** Keys closer together than this are one burst of typing. */
export const TYPING_PAUSE_MS = 150;
/**
 * A search at most this long may run between two keys of a burst without holding up the next
 * key's echo; a longer last search makes the burst wait for its pause.
 */
export const QUICK_SEARCH_MS = 50;

export interface LastChange {
  readonly query: string;
  readonly at: number;
}

export const NO_CHANGE: LastChange = { query: '', at: Number.NEGATIVE_INFINITY };

/**
 * How long to wait before searching `query` at time `now`, given how long the last search took
 * (0 before any), and the change to remember. A search asked again for the same query (the table's
 * rows or filters changed) does not count as a key.
 */
export function searchDelay(last: LastChange, query: string, now: number, lastSearchMs: number): { readonly delayMs: number; readonly last: LastChange } {
  if (query === last.query) return { delayMs: 0, last };
  const inBurst = now - last.at < TYPING_PAUSE_MS;
  return { delayMs: inBurst && lastSearchMs > QUICK_SEARCH_MS ? TYPING_PAUSE_MS : 0, last: { query, at: now } };
}
