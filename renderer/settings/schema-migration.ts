// Writes a schema change together with what it does to my layer, in one committed transaction:
// either the new schema and every migrated annotation are stored, or neither is. Each document
// whose annotations change gets a new layer revision (so its snapshot is not used) and other
// windows are told. Colleagues' layers are never written here.

import type { Annotation } from '../../src/annotations/types.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import { bumpRevision } from '../db/annotations-repo.js';
import type { SpanmarkDb } from '../db/db.js';
import { loadSchema, saveSchema } from '../db/schema-repo.js';
import { announceChange } from '../store/change-channel.js';
import { deleteMine, myLayerTables, putMine, readAllMine } from '../db/my-layer-store.js';

export interface StoredLayerChange {
  readonly put: readonly Annotation[];
  readonly remove: readonly Annotation[];
}

/** Resolves once committed; returns the documents whose layer changed. */
export async function saveSchemaAndLayer(db: SpanmarkDb, schema: LabelSchema, change: StoredLayerChange = { put: [], remove: [] }): Promise<string[]> {
  const docIds = [...new Set([...change.put, ...change.remove].map((a) => a.docId))];
  await db.transaction('rw', [db.settings, ...myLayerTables(db), db.layerRevisions], async () => {
    // Another window may have changed the schema meanwhile: its version must not be overtaken silently.
    const stored = await loadSchema(db);
    if (stored.version >= schema.version) throw new Error(`The schema was changed elsewhere (version ${stored.version}); reopen the editor to see it.`);
    await saveSchema(db, schema);
    if (change.remove.length > 0) await deleteMine(db, change.remove);
    if (change.put.length > 0) await putMine(db, change.put);
    for (const id of docIds) await bumpRevision(db, id);
  });
  for (const id of docIds) announceChange(id);
  return docIds;
}

/** Every annotation of my layer and of colleagues' layers, for counting what a change touches. */
export async function allAnnotations(db: SpanmarkDb): Promise<{ mine: Annotation[]; colleagues: Annotation[] }> {
  const [mine, colleagues] = await Promise.all([readAllMine(db), db.colleagueAnnotations.toArray()]);
  return { mine, colleagues };
}
