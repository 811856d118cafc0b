// My layer as stored, read the way the app reads it (chunks, edit records and tombstones merged:
// renderer/db/my-layer-store.ts), so a test checks the layer and not one way of storing it.

import type { Annotation } from '../../../src/annotations/types.js';
import type { SpanmarkDb } from '../../../renderer/db/db.js';
import { readAllMine } from '../../../renderer/db/my-layer-store.js';

/** Every annotation of my layer, sorted by id. */
export async function mineById(db: SpanmarkDb): Promise<Annotation[]> {
  return (await readAllMine(db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One annotation of my layer by id, or undefined. */
export async function storedMine(db: SpanmarkDb, id: string): Promise<Annotation | undefined> {
  return (await readAllMine(db)).find((a) => a.id === id);
}
