// The library's rows as one record (the rows pack), so the library's first paint reads one record
// instead of one per article: 5,000 rows took IndexedDB ~100 ms as records and ~25 ms as one.
// A cache, never the truth: used only while its stamp equals the rows' stamp, which the articles'
// middleware (article-rows.ts) replaces in the same transaction as every write to an article, so a
// pack can never pass for rows it does not hold. Stored once the library has drawn from the rows
// themselves, with IndexedDB directly: the library's live query follows the stamp, and storing the
// pack must not make it read itself again.
// Excluded: my layer's counts and stamps (layer-counts.ts), which change with every edit.

import type { ArticleRow } from './article-rows.js';
import type { SpanmarkDb } from './db.js';

export const LIBRARY_PACKS = 'libraryPacks';
/** The stamp record's key: a new value at every write to an article. */
export const ROWS_STAMP = 'rows-stamp';
const ROWS_PACK = 'rows';

export interface RowsStamp {
  readonly key: typeof ROWS_STAMP;
  readonly stamp: string;
}

export interface RowsPack {
  readonly key: typeof ROWS_PACK;
  readonly stamp: string;
  readonly rows: readonly ArticleRow[];
}

export type PackRecord = RowsStamp | RowsPack;

/** The rows as read, and, when they were not read from a current pack, the pack to store. */
export interface ReadRows {
  readonly rows: readonly ArticleRow[];
  readonly toPack?: RowsPack;
}

/** A fresh stamp record, as the middleware writes it beside every article write. */
export const newRowsStamp = (): RowsStamp => ({ key: ROWS_STAMP, stamp: crypto.randomUUID() });

/**
 * Every article's row: from the pack when it is current, else from articleRows, read in the same
 * transaction as the stamp so the pack to store is exactly the rows that stamp stands for.
 */
export function readArticleRows(db: SpanmarkDb): Promise<ReadRows> {
  const packs = db.table<PackRecord, string>(LIBRARY_PACKS);
  return db.transaction('r', [packs, db.articleRows], async () => {
    const [stamp, pack] = (await packs.bulkGet([ROWS_STAMP, ROWS_PACK])) as [RowsStamp | undefined, RowsPack | undefined];
    if (stamp !== undefined && pack !== undefined && pack.stamp === stamp.stamp) return { rows: pack.rows };
    const rows = await db.articleRows.toArray();
    // A library whose articles were never written since this version has no stamp yet: a pack is
    // stored under one made now, and the first write to an article replaces it.
    return { rows, toPack: { key: ROWS_PACK, stamp: stamp?.stamp ?? '', rows } };
  });
}

/**
 * Stores the pack if its stamp is still the rows' (no article was written since it was read); a
 * library without a stamp gets one with it. Resolves whether it was stored. Strict durability
 * like every write of the app's (one rule, checked by the persistence test), though a pack lost
 * to a power cut would only be read from the rows again.
 */
export function storeRowsPack(db: SpanmarkDb, pack: RowsPack): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(LIBRARY_PACKS, 'readwrite', { durability: 'strict' });
    const store = tx.objectStore(LIBRARY_PACKS);
    let stored = false;
    const read = store.get(ROWS_STAMP);
    read.onsuccess = () => {
      const now = (read.result as RowsStamp | undefined)?.stamp ?? '';
      if (now !== pack.stamp) return;
      const stamp = now === '' ? newRowsStamp() : undefined;
      if (stamp) store.put(stamp);
      store.put(stamp ? { ...pack, stamp: stamp.stamp } : pack);
      stored = true;
    };
    tx.oncomplete = () => resolve(stored);
    tx.onabort = () => reject(tx.error ?? new Error('The library rows pack was not stored.'));
  });
}
