// Many records written inside the caller's transaction a step at a time: a step's requests are
// issued in one task and the next step waits for them to succeed, so the window paints between
// steps instead of freezing while every request is issued at once (10,000 puts of a replaced
// 1 MB article's spans were one 0.6-1.1 s task in npm run bench). Still one transaction: a
// failure in any step aborts every step before it.
// Excluded: the Worker's writes (import), where a long task freezes nothing on screen.

import type { Table } from 'dexie';

/** Records per step: a few milliseconds of requests. */
export const PUT_STEP = 500;

export async function putInSteps<T, K>(table: Table<T, K>, rows: readonly T[], step: number = PUT_STEP): Promise<void> {
  for (let from = 0; from < rows.length; from += step) await table.bulkPut(rows.slice(from, from + step));
}
