// My layer's per-label counts per document (db.ts LayerCounts): read all at once for the library,
// worked out again only for documents whose layer changed since (their stamp differs), and stored
// back once the library has drawn. Every write to my layer bumps its document's stamp in the same
// transaction (annotations-repo.ts), so a stored summary whose stamp is current is exact.
// Read with IndexedDB directly, outside Dexie's live-query tracking: the cache follows the stamps
// (which the library's query does follow), so storing it must not make the library read itself again.

import type { LayerSummary } from '../../src/corpus/layer-summary.js';
import { sameStamp, type Stamp } from '../store/session-store.js';
import type { LayerCounts, SpanmarkDb } from '../db/db.js';

export function readCountsCache(db: SpanmarkDb): Promise<Map<string, LayerCounts>> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction('layerCounts', 'readonly');
    const req = tx.objectStore('layerCounts').getAll();
    req.onsuccess = () => resolve(new Map((req.result as LayerCounts[]).map((c) => [c.docId, c])));
    req.onerror = () => reject(req.error ?? new Error('The label counts could not be read.'));
  });
}

export function countsRecord(docId: string, stamp: Stamp, summary: LayerSummary): LayerCounts {
  return {
    docId,
    revision: stamp.revision,
    ...(stamp.writer !== undefined ? { writer: stamp.writer } : {}),
    counts: summary.counts,
    ...(summary.lastEdited !== undefined ? { lastEdited: summary.lastEdited } : {}),
  };
}

export const countsCurrent = (record: LayerCounts | undefined, stamp: Stamp): record is LayerCounts => record !== undefined && sameStamp(record, stamp);

/**
 * Documents per transaction when storing: after a feed of 5,000 new articles every one is counted
 * afresh, and checking and storing them all at once was two tasks of 0.2 s each as the import ended.
 */
export const SAVE_STEP = 500;

/** Stores the summaries whose stamp is still the document's (a write since makes one stale: skipped). */
export async function saveCounts(db: SpanmarkDb, records: readonly LayerCounts[], step: number = SAVE_STEP): Promise<number> {
  let saved = 0;
  // One transaction per step: each record is checked against its own stamp, so steps need not be one.
  for (let from = 0; from < records.length; from += step) {
    const some = records.slice(from, from + step);
    saved += await db.transaction('rw', [db.layerRevisions, db.layerCounts], async () => {
      const revs = await db.layerRevisions.bulkGet(some.map((r) => r.docId));
      const keep = some.filter((r, i) => sameStamp(r, revs[i] ?? { revision: 0 }));
      await db.layerCounts.bulkPut(keep);
      return keep.length;
    });
  }
  return saved;
}
