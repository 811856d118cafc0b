// My layer's annotations as stored, for everything outside the open document's session: the
// library's counts, facts, search, review figures, imports, text replacement, schema changes and
// the shelf. This file and annotations-repo.ts (the session's keystroke writes) are the only ones
// that know how they are stored, per document:
// - a layer written whole (an import, a text replacement or its undo) goes into chunks of
//   CHUNK_SIZE annotations packed as columns, one record each (myLayerChunks): 10,000 annotations
//   as 10,000 records cost an import ~1.3 s of add requests, as 40 records of objects ~80 ms, as
//   one record of columns a few;
// - an edit made since is a record of its own (myLayerEdits, keyed by document and id), which wins
//   over the chunked copy of the same id; a deleted span leaves a tombstone (myLayerTombstones)
//   that hides its chunked copy. An edit is written blind in its keystroke's task (writeNow), so
//   it never rewrites a chunk: another window may have changed it since this one read it. Only a
//   batch of hundreds of spans (tag all, its undo) is written as the whole layer, and only after
//   reading, in the same transaction, that no one wrote since (annotations-repo.ts writeNow).
// Reading a layer merges the three; writing a whole layer replaces all three for the document.
// Stale tombstones are harmless: a record wins over one, and a rewrite of the layer drops them.
// Every function runs in the caller's transaction when there is one; myLayerTables() is what that
// transaction must include.

import type { Table } from 'dexie';
import type { Annotation } from '../../src/annotations/types.js';
import type { StoredColumns } from '../../src/annotations/layer-columns.js';
import type { LayerChunk, SpanmarkDb, Tombstone } from './db.js';
import { chunkAnnotations, chunksOf } from './layer-chunks.js';

export { CHUNK_SIZE } from './layer-chunks.js';

/** Annotations per request batch when layers are written: on the window's thread, it paints between batches. */
const STEP_ANNOTATIONS = 5_000;

/** The tables holding my layer, for a transaction's scope. */
export function myLayerTables(db: SpanmarkDb): Table[] {
  return [db.myLayerChunks, db.myLayerEdits, db.myLayerTombstones];
}

interface Parts {
  readonly chunks: readonly LayerChunk[];
  readonly edits: readonly Annotation[];
  readonly tombstones: readonly Tombstone[];
}

const at = (docId: string, id: string): string => `${docId}\u0000${id}`;

/** Which chunked copies the edits and tombstones hide. */
function hiddenBy(edits: readonly Annotation[], tombstones: readonly Tombstone[]): Set<string> {
  const hidden = new Set<string>();
  for (const e of edits) hidden.add(at(e.docId, e.id));
  for (const t of tombstones) hidden.add(at(t.docId, t.id));
  return hidden;
}

/** Calls `visit` with each annotation of `chunk` that is not hidden. */
function visitChunk(chunk: LayerChunk, hidden: ReadonlySet<string>, visit: (a: Annotation) => void): void {
  for (const a of chunkAnnotations(chunk)) if (hidden.size === 0 || !hidden.has(at(chunk.docId, a.id))) visit(a);
}

/** Calls `visit` with each annotation the parts make: chunked ones no edit or tombstone hides, then the edits. */
function merge({ chunks, edits, tombstones }: Parts, visit: (a: Annotation) => void): void {
  const hidden = hiddenBy(edits, tombstones);
  for (const c of chunks) visitChunk(c, hidden, visit);
  for (const e of edits) visit(e);
}

function collect(parts: Parts): Annotation[] {
  const out: Annotation[] = [];
  merge(parts, (a) => out.push(a));
  return out;
}

/** My annotations on these documents, in no particular order. */
export async function readMine(db: SpanmarkDb, docIds: readonly string[]): Promise<Annotation[]> {
  const [chunks, edits, tombstones] = await Promise.all([
    db.myLayerChunks.where('docId').anyOf(docIds).toArray(),
    db.myLayerEdits.where('docId').anyOf(docIds).toArray(),
    db.myLayerTombstones.where('docId').anyOf(docIds).toArray(),
  ]);
  return collect({ chunks, edits, tombstones });
}

/** My annotations on one document: chunked ones in the order written, then the edits. */
export async function readMineOf(db: SpanmarkDb, docId: string): Promise<Annotation[]> {
  const [chunks, edits, tombstones] = await Promise.all([
    // In part order: an index orders equal keys by primary key.
    db.myLayerChunks.where('docId').equals(docId).toArray(),
    db.myLayerEdits.where('docId').equals(docId).toArray(),
    db.myLayerTombstones.where('docId').equals(docId).toArray(),
  ]);
  return collect({ chunks, edits, tombstones });
}

/**
 * Each of my annotations on these documents, a chunk at a time, so no read holds all of them: the
 * edits and tombstones (few) are read first to know which chunked copies they hide.
 */
export async function eachMine(db: SpanmarkDb, docIds: readonly string[], visit: (a: Annotation) => void): Promise<void> {
  const [edits, tombstones] = await Promise.all([
    db.myLayerEdits.where('docId').anyOf(docIds).toArray(),
    db.myLayerTombstones.where('docId').anyOf(docIds).toArray(),
  ]);
  const hidden = hiddenBy(edits, tombstones);
  await db.myLayerChunks
    .where('docId')
    .anyOf(docIds)
    .each((chunk) => visitChunk(chunk, hidden, visit));
  for (const e of edits) visit(e);
}

/** The packed chunks of these documents, by document, in part order (not merged with edits or tombstones). */
export async function chunkColumnsOf(db: SpanmarkDb, docIds: readonly string[]): Promise<Map<string, StoredColumns[]>> {
  const out = new Map<string, StoredColumns[]>();
  if (docIds.length === 0) return out;
  // In part order within a document: an index orders equal keys by primary key.
  for (const c of await db.myLayerChunks.where('docId').anyOf(docIds).toArray()) {
    const list = out.get(c.docId);
    if (list) list.push(c.columns);
    else out.set(c.docId, [c.columns]);
  }
  return out;
}

/** My whole layer, every document. */
export async function readAllMine(db: SpanmarkDb): Promise<Annotation[]> {
  const [chunks, edits, tombstones] = await Promise.all([db.myLayerChunks.toArray(), db.myLayerEdits.toArray(), db.myLayerTombstones.toArray()]);
  return collect({ chunks, edits, tombstones });
}

/** Stores these annotations, replacing any with the same document and id: as edits, like a keystroke's. */
export async function putMine(db: SpanmarkDb, list: readonly Annotation[]): Promise<void> {
  await db.myLayerEdits.bulkPut([...list]);
}

/** Deletes these annotations: their edits, and a tombstone for any chunked copy. */
export async function deleteMine(db: SpanmarkDb, list: readonly Pick<Annotation, 'id' | 'docId'>[]): Promise<void> {
  await Promise.all([
    db.myLayerEdits.bulkDelete(list.map((a) => [a.docId, a.id] as [string, string])),
    db.myLayerTombstones.bulkPut(list.map((a) => ({ docId: a.docId, id: a.id }))),
  ]);
}

/** Deletes my whole layer on these documents. */
export async function deleteMineOn(db: SpanmarkDb, docIds: readonly string[]): Promise<void> {
  await Promise.all([
    db.myLayerChunks.where('docId').anyOf(docIds).delete(),
    db.myLayerEdits.where('docId').anyOf(docIds).delete(),
    db.myLayerTombstones.where('docId').anyOf(docIds).delete(),
  ]);
}

export interface ReplaceOptions {
  /** Told how many annotations are written so far, after each request batch. */
  readonly onWritten?: (n: number) => void;
  /** Annotations per chunk (tests cross chunk boundaries with small ones). */
  readonly chunkSize?: number;
}

/**
 * Makes `list` my whole layer on `docId`, in the order given (which reads keep): everything stored
 * for the document is removed, and the list is written as chunks. Given in text order, the chunks
 * can then serve as the layer's snapshot too (annotations-repo.ts putSnapshots, inChunks).
 */
export async function replaceMineOn(db: SpanmarkDb, docId: string, list: readonly Annotation[], options: ReplaceOptions = {}): Promise<void> {
  await replaceMineOnAll(db, [{ docId, list }], options).written;
}

/** A layer replacement issued: each layer's chunks as packed (in part order) at once, and the write. */
export interface IssuedReplacement {
  readonly columns: readonly StoredColumns[][];
  readonly written: Promise<void>;
}

/**
 * replaceMineOn for many documents in a few requests: one removal for all of them, then their
 * chunks in request batches of about STEP_ANNOTATIONS annotations (an import of 500 articles of 20
 * spans was four requests a document, one after another). In the order given. The chunks are
 * known at once, as written: the layer at its new revision, which a reader may take (or start
 * unpacking) while IndexedDB still writes it, without reading it back.
 */
export function replaceMineOnAll(
  db: SpanmarkDb,
  layers: readonly { readonly docId: string; readonly list: readonly Annotation[] }[],
  { onWritten, chunkSize }: ReplaceOptions = {},
): IssuedReplacement {
  const removed = deleteMineOn(
    db,
    layers.map((l) => l.docId),
  );
  // Packed while the old layer is being removed.
  const perLayer = layers.map((l) => chunksOf(l.docId, l.list, chunkSize));
  return { columns: perLayer.map((chunks) => chunks.map((c) => c.columns)), written: writeChunks(db, removed, perLayer.flat(), onWritten) };
}

async function writeChunks(db: SpanmarkDb, removed: Promise<void>, chunks: readonly LayerChunk[], onWritten: ((n: number) => void) | undefined): Promise<void> {
  await removed;
  let written = 0;
  let step: LayerChunk[] = [];
  let inStep = 0;
  const flush = async (): Promise<void> => {
    if (step.length === 0) return;
    await db.myLayerChunks.bulkAdd(step);
    written += inStep;
    onWritten?.(written);
    step = [];
    inStep = 0;
  };
  for (const chunk of chunks) {
    step.push(chunk);
    inStep += chunk.columns.count;
    if (inStep >= STEP_ANNOTATIONS) await flush();
  }
  await flush();
}
