// My layer's annotations as stored, for everything outside the open document's session: the
// library's counts, facts, search, review figures, imports, text replacement, schema changes and
// the shelf. This is the one file outside annotations-repo.ts that knows how they are stored (a
// record per annotation in `annotations`, indexed by document), so storing them differently
// touches it and not its callers. That change is due: an import of 10,000 annotations spends
// most of its time on 10,000 add requests, and big layers want fewer, larger records.
// The session's reads (snapshot first) and its keystroke writes (raw IndexedDB, issued in the
// key's task) are in annotations-repo.ts. Every function runs in the caller's transaction when
// there is one; myLayerTables() is what that transaction must include.

import type { Table } from 'dexie';
import type { Annotation } from '../../src/annotations/types.js';
import type { SpanmarkDb } from './db.js';
import { putInSteps } from './put-in-steps.js';

/** The tables holding my layer, for a transaction's scope. */
export function myLayerTables(db: SpanmarkDb): Table[] {
  return [db.annotations];
}

/** My annotations on these documents, in no particular order. */
export function readMine(db: SpanmarkDb, docIds: readonly string[]): Promise<Annotation[]> {
  return db.annotations.where('docId').anyOf(docIds).toArray();
}

/** My annotations on one document (one index range: faster than anyOf for 10,000 records). */
export function readMineOf(db: SpanmarkDb, docId: string): Promise<Annotation[]> {
  return db.annotations.where('docId').equals(docId).toArray();
}

/** Each of my annotations on these documents, one at a time, so no read holds all of them. */
export async function eachMine(db: SpanmarkDb, docIds: readonly string[], visit: (a: Annotation) => void): Promise<void> {
  await db.annotations.where('docId').anyOf(docIds).each(visit);
}

/** My whole layer, every document. */
export function readAllMine(db: SpanmarkDb): Promise<Annotation[]> {
  return db.annotations.toArray();
}

/** My annotations by id, in the order asked; undefined where there is none. */
export function getMine(db: SpanmarkDb, ids: readonly string[]): Promise<(Annotation | undefined)[]> {
  return db.annotations.bulkGet([...ids]);
}

/** Adds new annotations; an id already stored (on any document) fails with Dexie's BulkError. */
export async function addMine(db: SpanmarkDb, list: readonly Annotation[]): Promise<void> {
  await db.annotations.bulkAdd([...list]);
}

/** Stores these annotations, replacing any with the same id. */
export async function putMine(db: SpanmarkDb, list: readonly Annotation[]): Promise<void> {
  await db.annotations.bulkPut([...list]);
}

/** putMine a step at a time (put-in-steps.ts), for writes made on the window's thread. */
export function putMineInSteps(db: SpanmarkDb, list: readonly Annotation[]): Promise<void> {
  return putInSteps(db.annotations, list);
}

export async function deleteMine(db: SpanmarkDb, ids: readonly string[]): Promise<void> {
  await db.annotations.bulkDelete([...ids]);
}

/** Deletes my whole layer on these documents. */
export async function deleteMineOn(db: SpanmarkDb, docIds: readonly string[]): Promise<void> {
  await db.annotations.where('docId').anyOf(docIds).delete();
}
