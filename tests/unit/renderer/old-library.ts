// A library as an older Spanmark declared it, for upgrade tests over fake-indexeddb: Dexie versions
// 1 to `upTo` of renderer/db/db.ts's history, written out as they shipped (db.ts itself only ever
// declares the newest shape of each version). Excluded: versions after the library's indexes (5).

import Dexie from 'dexie';

/**
 * Version 2 (0.1.0: colleagues' layers by name), 3 (colleague layers by key), 4 (text replacement)
 * or 5 (the library's indexes and label counts).
 */
export function oldLibrary(name: string, upTo: 2 | 3 | 4 | 5): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ articles: 'id, addedAt, title', annotations: 'id, docId, [docId+annotator]', settings: 'key' });
  db.version(2).stores({
    layerAnnotations: '[docId+annotator+id], docId, [docId+annotator]',
    reviewDecisions: 'id, docId',
    layerRevisions: 'docId',
    layerSnapshots: 'docId',
  });
  if (upTo >= 3) db.version(3).stores({ layerAnnotations: null, colleagueAnnotations: '[docId+layer+id], docId, [docId+layer]', colleagueLayers: 'key' });
  if (upTo >= 4) db.version(4).stores({ articles: 'id, addedAt, title, sha256', textReplacements: 'docId' });
  if (upTo >= 5)
    db.version(5).stores({
      articles: 'id, addedAt, title, sha256, workStatus, metadata.date, metadata.source, *metadata.tags, archivedAt, deletedAt',
      layerCounts: 'docId',
    });
  return db;
}
