// A library as an older Spanmark declared it, for upgrade tests over fake-indexeddb: Dexie versions
// 1 to `upTo` of renderer/db/db.ts's history, written out as they shipped (db.ts itself only ever
// declares the newest shape of each version). Excluded: versions after text replacement.

import Dexie from 'dexie';

/** Version 2 (0.1.0: colleagues' layers by name) or version 3 (colleague layers by key). */
export function oldLibrary(name: string, upTo: 2 | 3): Dexie {
  const db = new Dexie(name);
  db.version(1).stores({ articles: 'id, addedAt, title', annotations: 'id, docId, [docId+annotator]', settings: 'key' });
  db.version(2).stores({
    layerAnnotations: '[docId+annotator+id], docId, [docId+annotator]',
    reviewDecisions: 'id, docId',
    layerRevisions: 'docId',
    layerSnapshots: 'docId',
  });
  if (upTo >= 3) db.version(3).stores({ layerAnnotations: null, colleagueAnnotations: '[docId+layer+id], docId, [docId+layer]', colleagueLayers: 'key' });
  return db;
}
