// A fresh in-memory library for one test (fake-indexeddb): opened, handed over, closed and deleted
// whatever the test did, so tests in one process never see each other's records.

import { openDatabase, type SpanmarkDb } from '../../../renderer/db/db.js';

/** `prepare` runs before the database opens (e.g. to add Dexie middleware or hooks). */
export async function withDb(name: string, run: (db: SpanmarkDb) => Promise<void>, prepare: (db: SpanmarkDb) => void = () => undefined): Promise<void> {
  const db = openDatabase(name);
  prepare(db);
  await db.open();
  try {
    await run(db);
  } finally {
    db.close();
    await db.delete();
  }
}
