// Reads and writes of my layer, colleagues' layers and review decisions. Each write is one awaited
// transaction, so a caller that gets a resolved promise knows the change is committed (strict
// durability: on disk). Every transaction that changes my layer bumps the document's revision,
// which is what decides whether the layer snapshot may be used. A session's edit is written by
// writeNow(): every request and the commit are issued in the edit's own task, so a window closed
// right after the keystroke still leaves IndexedDB with the whole transaction to finish. (A batch
// of hundreds of spans written as the whole layer is the exception: see writeNow.)

import Dexie, { RangeSet } from 'dexie';
import { batchOutcome, commandDocId as annotationDocId } from '../../src/annotations/commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import { fromColumns, openColumns, toColumns, type StoredColumns } from '../../src/annotations/layer-columns.js';
import type { Article } from '../../src/document/article.js';
import type { LayerChunk, LayerRevision, LayerSnapshot, SpanmarkDb } from './db.js';
import { colleagueTables, readColleagueLayers } from './colleague-layers-repo.js';
import { chunkColumnsOf, eachMine, myLayerTables, readMineOf } from './my-layer-store.js';
import { chunksOf } from './layer-chunks.js';
import { markStage, STAGES } from '../app/stage-marks.js';
import { sameStamp, type DocumentLayers, type IssuedWrite, type KnownLayer, type SessionCommand, type Stamp } from '../store/session-store.js';

function stampOf(record: { revision: number; writer?: string } | undefined): Stamp {
  return record === undefined
    ? { revision: 0 }
    : record.writer === undefined
      ? { revision: record.revision }
      : { revision: record.revision, writer: record.writer };
}

function nextStamp(after: Stamp): Stamp {
  return { revision: after.revision + 1, writer: crypto.randomUUID() };
}

/**
 * My layer: from the snapshot when it is current (its quotes cut from `text`, which the snapshot
 * leaves out), else record by record. Inside a transaction.
 */
export async function readOwnLayer(db: SpanmarkDb, docId: string, text: string, known?: KnownLayer): Promise<OwnLayer> {
  return (await readOwnLayers(db, [known === undefined ? { docId, text } : { docId, text, known }]))[0]!;
}

export interface OwnLayer {
  readonly own: Annotation[];
  readonly stamp: Stamp;
  readonly fromSnapshot: boolean;
}

/**
 * readOwnLayer for many documents in a few requests (an import of 500 articles made two per
 * article, one after another): their stamps and snapshots in one read each, and the records of
 * those without a current snapshot in one more. In the order given. Inside a transaction.
 */
export async function readOwnLayers(
  db: SpanmarkDb,
  docs: readonly { readonly docId: string; readonly text: string; readonly known?: KnownLayer }[],
): Promise<OwnLayer[]> {
  const ids = docs.map((d) => d.docId);
  const [revs, snapshots] = await Promise.all([db.layerRevisions.bulkGet(ids), db.layerSnapshots.bulkGet(ids)]);
  const stamps = revs.map(stampOf);
  // A layer handed over at the stored stamp is the layer: the 4 MB chunk of an import just
  // committed is not read back (~60 ms on the window's thread for 10,000 annotations). One
  // already unpacked holds quotes cut from the text it was given: only for that text.
  const handed = docs.map(({ docId, text, known }, i) =>
    known !== undefined && known.docId === docId && sameStamp(known.stamp, stamps[i]) && (!('own' in known) || known.text === text) ? known : undefined,
  );
  const current = snapshots.map((snapshot, i) => (snapshot !== undefined && sameStamp(snapshot, stamps[i]) ? snapshot : undefined));
  const chunked = await chunkColumnsOf(
    db,
    current.filter((s, i) => s?.inChunks === true && handed[i] === undefined).map((s) => s!.docId),
  );
  markStage(STAGES.layerRead);
  const out = docs.map(({ docId, text }, i): OwnLayer | { readonly stamp: Stamp } => {
    const stamp = stamps[i]!;
    const h = handed[i];
    if (h !== undefined && 'own' in h) return { own: h.own, stamp, fromSnapshot: true };
    const snapshot = current[i];
    const columns = h?.columns ?? (snapshot?.inChunks === true ? (chunked.get(docId) ?? []) : snapshot?.columns !== undefined ? [snapshot.columns] : undefined);
    const cached = columns === undefined ? undefined : unpackAll(columns, docId, text);
    return cached !== undefined ? { own: cached, stamp, fromSnapshot: true } : { stamp };
  });
  const unread = docs.filter((_, i) => !('own' in out[i]!)).map((d) => d.docId);
  const records = new Map<string, Annotation[]>(unread.map((id) => [id, []]));
  // One document (opening it): a single getAll over the index, faster than anyOf's cursor for 10,000 records.
  if (unread.length === 1) records.set(unread[0]!, await readMineOf(db, unread[0]!));
  else if (unread.length > 1) await eachMine(db, unread, (a) => records.get(a.docId)?.push(a));
  markStage(STAGES.layerUnpacked);
  return out.map((o, i) => ('own' in o ? o : { own: records.get(docs[i]!.docId) ?? [], stamp: o.stamp, fromSnapshot: false }));
}

/**
 * unpackAll a task at a time: each part's strings split in one, then UNPACK_STEP annotations per
 * task, so a window unpacking 10,000 has no long task (one took 50–80 ms under load). Yields
 * through a message, not setTimeout, whose nesting clamp would add 4 ms a step.
 */
export async function unpackAllInSteps(columns: readonly StoredColumns[], docId: string, text: string): Promise<Annotation[] | undefined> {
  const parts: Annotation[][] = [];
  for (const c of columns) {
    await nextTask();
    const opened = openColumns(c, docId, text);
    if (opened === undefined) return undefined;
    for (let done = 0; done < opened.count; done += UNPACK_STEP) {
      await nextTask();
      if (!opened.take(UNPACK_STEP)) return undefined;
    }
    parts.push(opened.out);
  }
  return parts.length === 1 ? parts[0] : parts.flat();
}

const UNPACK_STEP = 2500;

function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Columns packed in their text order, unpacked as one layer; undefined if any does not add up. */
export function unpackAll(columns: readonly StoredColumns[], docId: string, text: string): Annotation[] | undefined {
  const out: Annotation[] = [];
  for (const c of columns) {
    const part = fromColumns(c, docId, text);
    if (part === undefined) return undefined;
    for (const a of part) out.push(a);
  }
  return out;
}

/**
 * A document's layers in one read transaction. Without `knownText` the article is read in it too
 * (opening); with it (reloading an open document) the 1 MB text is not read again.
 */
export async function loadLayers(
  db: SpanmarkDb,
  docId: string,
  knownText?: string,
  knownLayer?: KnownLayer,
): Promise<DocumentLayers & { readonly article?: Article }> {
  return db.transaction(
    'r',
    [db.articles, ...myLayerTables(db), ...colleagueTables(db), db.reviewDecisions, db.layerRevisions, db.layerSnapshots],
    async () => {
      const [article, others, decisions] = await Promise.all([
        knownText === undefined ? db.articles.get(docId) : undefined,
        readColleagueLayers(db, docId),
        db.reviewDecisions.where('docId').equals(docId).toArray(),
      ]);
      const text = knownText ?? article?.text;
      const { own, stamp, fromSnapshot } =
        text === undefined ? { own: [], stamp: { revision: 0 }, fromSnapshot: false } : await readOwnLayer(db, docId, text, knownLayer);
      return { own, others, decisions, stamp, fromSnapshot, ...(article ? { article } : {}) };
    },
  );
}

/** Bumps a document's revision; call inside a transaction that includes layerRevisions. */
export async function bumpRevision(db: SpanmarkDb, docId: string): Promise<Stamp> {
  const bumped = bumpRevisions(db, [{ docId, read: stampOf(await db.layerRevisions.get(docId)) }]);
  await bumped.written;
  return bumped.stamps[0]!;
}

/**
 * After my layer on a document was written whole in text order (my-layer-store.ts replaceMineOn):
 * its revision bumped, and its chunks marked as its snapshot at the new stamp. Inside a transaction.
 */
export async function stampWrittenWhole(db: SpanmarkDb, docId: string): Promise<Stamp> {
  const stamp = await bumpRevision(db, docId);
  await putSnapshots(db, [{ docId, stamp, inChunks: true }]);
  return stamp;
}

/**
 * Bumps many documents' revisions in one write, from the stamps read earlier in the same
 * transaction (readOwnLayers), so nothing can have written between. The new stamps, in order, are
 * known at once, so what is stamped with them can be written beside the revisions, not after.
 */
export function bumpRevisions(
  db: SpanmarkDb,
  docs: readonly { readonly docId: string; readonly read: Stamp }[],
): { readonly stamps: Stamp[]; readonly written: Promise<unknown> } {
  const stamps = docs.map((d) => nextStamp(d.read));
  return { stamps, written: db.layerRevisions.bulkPut(docs.map((d, i) => ({ docId: d.docId, ...stamps[i]! }))) };
}

const WRITE_STORES = ['myLayerEdits', 'myLayerTombstones', 'reviewDecisions', 'layerRevisions'];
/** What a write of the whole layer touches besides: the chunks it replaces and the snapshot marker. */
const WHOLE_STORES = [...WRITE_STORES, 'myLayerChunks', 'layerSnapshots'];

/**
 * Net changes from which a batch is written as the whole layer (chunks) rather than a record per
 * span: IndexedDB took ~0.75 ms a request here, so tagging all 19,744 matches of "the" in the
 * bench's article was saved only after 15–21 s and its undo (two requests a span) after 46 s,
 * where rewriting a 10,000-span layer as one packed record takes well under a second.
 */
export const WHOLE_LAYER_MIN_CHANGES = 500;

/**
 * Writes a command in one strict transaction, issued in the caller's task. A read-then-write
 * would need a second task, and a window closed in between aborts the transaction; so the new
 * revision is `expected` + 1, written blind, and the stamp read in the same transaction (before
 * the write) tells the caller whether anyone else wrote since. IndexedDB runs overlapping
 * read-write transactions in the order they were created, so edits issued back to back commit in
 * order. Raw IndexedDB because Dexie's promise layer would defer requests and has no commit();
 * Dexie's observers are told afterwards.
 *
 * `whole` is my layer after the command, in text order, given when the caller vouches that with
 * no write of its own pending, memory held exactly the records at `expected`. A batch of
 * WHOLE_LAYER_MIN_CHANGES or more is then written as that layer, replacing the document's chunks,
 * edits and tombstones, but only if the revision read first in the same transaction is still
 * `expected`: otherwise another window wrote since, and the batch goes record by record as any
 * edit does, so nothing of theirs is overwritten. That decision waits for the read, a millisecond
 * or two after the keystroke's task: a window closed in between (after the close prompt that a
 * pending write raises) aborts the whole batch, unacknowledged, as a crash would.
 */
export function writeNow(db: SpanmarkDb, cmd: SessionCommand, expected: Stamp, whole?: readonly Annotation[]): IssuedWrite {
  const stamp = nextStamp(expected);
  const docId = commandDocId(cmd);
  const chunks = whole !== undefined && docId !== '' && bigBatch(cmd) ? chunksOf(docId, whole) : undefined;
  const committed = new Promise<Stamp>((resolve, reject) => {
    // An empty batch names no document: nothing to write, and no revision to bump for it.
    if (docId === '') return reject(new Error('A change that touches no annotation was not saved.'));
    const stores = chunks ? WHOLE_STORES : WRITE_STORES;
    const tx = db.backendDB().transaction(stores, 'readwrite', { durability: 'strict' });
    let found: Stamp = { revision: 0 };
    tx.oncomplete = () => {
      resolve(found);
      // After the caller's acknowledgement (promise reactions run first): telling Dexie posts to
      // every window's live queries, a millisecond or two the analyst's "Saved" need not wait for.
      setTimeout(() => announceToDexie(db.name, stores), 0);
    };
    tx.onabort = () => reject(tx.error ?? new DOMException('The write was aborted.', 'AbortError'));
    const refused = (e: unknown): void => {
      // A request refused on the spot (a full disk can throw here) must not commit the rest.
      try {
        tx.abort();
      } catch {
        // Already finished: nothing of it was committed without the refused request.
      }
      reject(e instanceof Error ? e : new Error(String(e)));
    };
    try {
      const revisions = tx.objectStore('layerRevisions');
      const read = revisions.get(docId);
      const finish = (): void => {
        revisions.put({ docId, ...stamp });
        tx.commit();
      };
      if (chunks === undefined) {
        read.onsuccess = () => (found = stampOf(read.result as LayerRevision | undefined));
        issueCommand(tx, cmd);
        finish();
        return;
      }
      read.onsuccess = () => {
        found = stampOf(read.result as LayerRevision | undefined);
        try {
          if (sameStamp(found, expected)) issueWholeLayer(tx, docId, chunks, stamp);
          else issueCommand(tx, cmd);
          finish();
        } catch (e) {
          refused(e);
        }
      };
    } catch (e) {
      refused(e);
    }
  });
  return { stamp, committed };
}

function bigBatch(cmd: SessionCommand): boolean {
  return cmd.kind === 'batch' && batchOutcome(cmd.commands).size >= WHOLE_LAYER_MIN_CHANGES;
}

/**
 * The document's layer replaced by `chunks` (my-layer-store.ts replaceMineOn, in raw requests):
 * its chunks, edits and tombstones removed, the new chunks added, and the snapshot marked as
 * being the chunks at `stamp` (they are in text order, as the session keeps the layer).
 */
function issueWholeLayer(tx: IDBTransaction, docId: string, chunks: readonly LayerChunk[], stamp: Stamp): void {
  // Every key [docId, …]: an array sorts after any string or number in IndexedDB.
  const all = IDBKeyRange.bound([docId], [docId, []]);
  for (const store of ['myLayerChunks', 'myLayerEdits', 'myLayerTombstones']) tx.objectStore(store).delete(all);
  const chunkStore = tx.objectStore('myLayerChunks');
  for (const c of chunks) chunkStore.add(c);
  const snapshot: LayerSnapshot = { docId, ...stamp, inChunks: true };
  tx.objectStore('layerSnapshots').put(snapshot);
}

function issueCommand(tx: IDBTransaction, cmd: SessionCommand): void {
  // An edit is a record of its own over any chunked copy of the span (my-layer-store.ts), and a
  // deletion leaves a tombstone that hides a chunked copy; both blind, as the chunks are not read.
  // A record wins over a tombstone, so recreating a deleted span need not remove it.
  const edits = tx.objectStore('myLayerEdits');
  const tombstones = tx.objectStore('myLayerTombstones');
  const put = (a: Annotation, create = false): void => {
    if (create) edits.add(a);
    else edits.put(a);
  };
  const remove = (a: Pick<Annotation, 'id' | 'docId'>): void => {
    edits.delete([a.docId, a.id]);
    tombstones.put({ docId: a.docId, id: a.id });
  };
  switch (cmd.kind) {
    case 'create':
      put(cmd.annotation, true);
      return;
    case 'update':
      put(cmd.after);
      return;
    case 'delete':
      remove(cmd.annotation);
      return;
    case 'batch': {
      // Net effect per id, so a batch that creates then deletes one span writes nothing for it.
      const docId = annotationDocId(cmd) ?? '';
      for (const [id, after] of batchOutcome(cmd.commands)) {
        if (after) put(after);
        else remove({ id, docId });
      }
      return;
    }
    case 'review': {
      const { decision, annotation } = cmd;
      const decisions = tx.objectStore('reviewDecisions');
      if (decision.after) decisions.put(decision.after);
      else if (decision.before) decisions.delete(decision.before.id);
      if (annotation.after) put(annotation.after);
      else if (annotation.before) remove(annotation.before);
      return;
    }
  }
}

function commandDocId(cmd: SessionCommand): string {
  switch (cmd.kind) {
    case 'create':
    case 'delete':
    case 'update':
    case 'batch':
      return annotationDocId(cmd) ?? '';
    case 'review':
      return cmd.decision.after?.docId ?? cmd.decision.before?.docId ?? cmd.annotation.after?.docId ?? cmd.annotation.before?.docId ?? '';
  }
}

/** Tells Dexie's live queries (here and in other windows, e.g. the library's counts) what changed. */
function announceToDexie(dbName: string, tables: readonly string[]): void {
  const all = new RangeSet(-Infinity, [[[]]]); // every key, as Dexie marks a table it rewrote
  const parts: Record<string, RangeSet> = {};
  for (const table of tables) for (const index of ['', ':dels', 'docId']) parts[`idb://${dbName}/${table}/${index}`] = all;
  Dexie.on.storagemutated.fire(parts);
}

/**
 * Stores snapshots of layers whose revisions the same transaction has just bumped to `stamp`
 * (bumpRevisions): they are the committed state by construction, so no check is needed. A layer
 * the transaction wrote whole as chunks, in text order (my-layer-store.ts replaceMineOnAll), gets
 * a snapshot that points at them instead of a copy.
 */
export async function putSnapshots(
  db: SpanmarkDb,
  layers: readonly ({ readonly docId: string; readonly stamp: Stamp } & (
    { readonly annotations: readonly Annotation[]; readonly text: string } | { readonly inChunks: true }
  ))[],
): Promise<void> {
  await db.layerSnapshots.bulkPut(
    layers.map((l) => ({ docId: l.docId, ...l.stamp, ...('inChunks' in l ? { inChunks: true as const } : { columns: toColumns(l.annotations, l.text) }) })),
  );
}

/**
 * Stores my layer as a snapshot if it is still the committed state at `stamp` (no other window
 * or import has written since). Returns whether it was stored.
 */
export async function saveSnapshot(db: SpanmarkDb, docId: string, stamp: Stamp, annotations: readonly Annotation[], text: string): Promise<boolean> {
  return db.transaction('rw', [db.layerRevisions, db.layerSnapshots], async () => {
    if (!sameStamp(stampOf(await db.layerRevisions.get(docId)), stamp)) return false;
    await putSnapshots(db, [{ docId, stamp, annotations, text }]);
    return true;
  });
}
