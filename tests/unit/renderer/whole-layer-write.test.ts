// A large batch written as the whole layer (annotations-repo.ts writeNow with `whole`): tagging
// or untagging thousands of matches is one packed record instead of a request per span. What must
// hold: the stored layer afterwards is exactly the layer handed over, written over chunks, edits
// and tombstones alike, with its snapshot marker at the new stamp and no other document touched;
// a batch below the threshold, or one without a layer, goes record by record; and when another
// window wrote since the stamp the session expected, its edit is never overwritten by a layer
// that does not hold it: the batch falls back to records, and the session is told what it found.

import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sortAnnotations, type SingleCommand } from '../../../src/annotations/commands.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { readOwnLayer, WHOLE_LAYER_MIN_CHANGES, writeNow } from '../../../renderer/db/annotations-repo.js';
import type { SpanmarkDb } from '../../../renderer/db/db.js';
import { myLayerTables, readMineOf, replaceMineOn } from '../../../renderer/db/my-layer-store.js';
import { sameStamp, type Stamp } from '../../../renderer/store/session-store.js';
import { withDb } from './with-db.js';

const AT = '2022-01-07T10:00:00.000Z';
/** Ids as a file may bring them: emoji, RTL, combining marks; the range delete must take them all. */
const SHAPES = ['x', '😀', 'שלום', 'e\u0301', '\uffff\uffff'];

function ann(id: string, docId: string, n: number, label = 'claim'): Annotation {
  return { id, docId, label, start: n, end: n + 3, quote: `q${n}`, annotator: 'ana', createdAt: AT, updatedAt: AT };
}

const key = (list: readonly Annotation[]): string =>
  list
    .map((a) => JSON.stringify(a))
    .sort()
    .join('\n');

async function stored(db: SpanmarkDb, docId: string): Promise<{ edits: number; tombstones: number; chunks: number }> {
  const [edits, tombstones, chunks] = await Promise.all([
    db.myLayerEdits.where('docId').equals(docId).count(),
    db.myLayerTombstones.where('docId').equals(docId).count(),
    db.myLayerChunks.where('docId').equals(docId).count(),
  ]);
  return { edits, tombstones, chunks };
}

async function stampOf(db: SpanmarkDb, docId: string): Promise<Stamp> {
  const r = await db.layerRevisions.get(docId);
  return r === undefined ? { revision: 0 } : r.writer === undefined ? { revision: r.revision } : { revision: r.revision, writer: r.writer };
}

/** doc-a as a session would hold it: a chunked layer, then an edit and a deletion since. */
async function seeded(db: SpanmarkDb): Promise<{ layer: Annotation[]; at: Stamp }> {
  const base = SHAPES.map((s, i) => ann(`${s}-${i}`, 'doc-a', i * 10));
  await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-a', base));
  await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-b', [ann('b1', 'doc-b', 1)]));
  const edited = { ...base[1]!, label: 'casualty' };
  let at = await stampOf(db, 'doc-a');
  const w1 = writeNow(db, { kind: 'update', before: base[1]!, after: edited }, at);
  await w1.committed;
  const w2 = writeNow(db, { kind: 'delete', annotation: base[2]! }, w1.stamp);
  await w2.committed;
  at = w2.stamp;
  const layer = [...sortAnnotations([base[0]!, edited, ...base.slice(3)])];
  assert.deepEqual(await stored(db, 'doc-a'), { edits: 1, tombstones: 1, chunks: 1 });
  return { layer, at };
}

/** `n` new spans for doc-a, ids `${prefix}-0`…, and the commands that create them. */
function fresh(n: number, prefix: string, from: number): { spans: Annotation[]; commands: SingleCommand[] } {
  const spans = Array.from({ length: n }, (_, i) => ann(`${prefix}-${i}`, 'doc-a', from + i));
  return { spans, commands: spans.map((annotation) => ({ kind: 'create', annotation })) };
}

test('a large batch with the whole layer replaces chunks, edits and tombstones with that layer, its snapshot marked', async () => {
  await withDb('whole-layer-write', async (db) => {
    const { layer, at } = await seeded(db);
    const { spans, commands } = fresh(WHOLE_LAYER_MIN_CHANGES, 'new', 1000);
    const whole = sortAnnotations([...layer, ...spans]);
    const write = writeNow(db, { kind: 'batch', commands }, at, whole);
    const found = await write.committed;
    assert.ok(sameStamp(found, at), 'the write found the records where the session expected them');
    assert.equal(key(await readMineOf(db, 'doc-a')), key(whole));
    assert.deepEqual(await stored(db, 'doc-a'), { edits: 0, tombstones: 0, chunks: 1 });
    const snapshot = await db.layerSnapshots.get('doc-a');
    assert.ok(snapshot?.inChunks && sameStamp(snapshot, write.stamp), 'the snapshot says the chunks are the layer at the new stamp');
    assert.ok(sameStamp(await stampOf(db, 'doc-a'), write.stamp));
    // Opening reads the chunk as the layer, in text order.
    assert.deepEqual((await db.transaction('r', [...myLayerTables(db), db.layerRevisions, db.layerSnapshots], () => readOwnLayer(db, 'doc-a', ''))).own, whole);
    // Another document is untouched.
    assert.equal(key(await readMineOf(db, 'doc-b')), key([ann('b1', 'doc-b', 1)]));

    // An edit after it is a record over the new chunk, as after an import; so is its undo, whole.
    const relabelled = { ...whole[0]!, label: 'deployment' };
    const next = writeNow(db, { kind: 'update', before: whole[0]!, after: relabelled }, write.stamp);
    await next.committed;
    assert.equal(key(await readMineOf(db, 'doc-a')), key([relabelled, ...whole.slice(1)]));
    const undo = writeNow(
      db,
      { kind: 'batch', commands: spans.map((annotation) => ({ kind: 'delete', annotation })) },
      next.stamp,
      sortAnnotations([relabelled, ...layer.slice(1)]),
    );
    assert.ok(sameStamp(await undo.committed, next.stamp));
    assert.equal(key(await readMineOf(db, 'doc-a')), key([relabelled, ...layer.slice(1)]));
    assert.deepEqual(await stored(db, 'doc-a'), { edits: 0, tombstones: 0, chunks: 1 });
  });
});

test('below the threshold, or without a layer, a batch is written record by record', async () => {
  await withDb('whole-layer-write-small', async (db) => {
    const { layer, at } = await seeded(db);
    const few = fresh(WHOLE_LAYER_MIN_CHANGES - 1, 'few', 1000);
    const withFew = sortAnnotations([...layer, ...few.spans]);
    const w1 = writeNow(db, { kind: 'batch', commands: few.commands }, at, withFew);
    await w1.committed;
    assert.deepEqual(await stored(db, 'doc-a'), { edits: 1 + few.spans.length, tombstones: 1, chunks: 1 });
    const many = fresh(WHOLE_LAYER_MIN_CHANGES, 'many', 5000);
    const w2 = writeNow(db, { kind: 'batch', commands: many.commands }, w1.stamp);
    await w2.committed;
    assert.deepEqual(await stored(db, 'doc-a'), { edits: 1 + few.spans.length + many.spans.length, tombstones: 1, chunks: 1 });
    assert.equal(key(await readMineOf(db, 'doc-a')), key([...withFew, ...many.spans]));
  });
});

test('another window wrote since: the large batch goes record by record and their edit survives', async () => {
  await withDb('whole-layer-write-race', async (db) => {
    const { layer, at } = await seeded(db);
    // Another window relabels a span, blind after the same stamp; this session has not heard yet.
    const theirs = { ...layer[0]!, label: 'deployment', updatedAt: '2022-01-07T11:00:00.000Z' };
    const other = writeNow(db, { kind: 'update', before: layer[0]!, after: theirs }, at);
    await other.committed;
    // This session's tag-all, handed its layer, which still holds the old label.
    const { spans: added, commands } = fresh(WHOLE_LAYER_MIN_CHANGES, 'new', 1000);
    const write = writeNow(db, { kind: 'batch', commands }, at, sortAnnotations([...layer, ...added]));
    const found = await write.committed;
    assert.ok(sameStamp(found, other.stamp), 'the session is told the records were not where it expected');
    assert.equal(key(await readMineOf(db, 'doc-a')), key([theirs, ...layer.slice(1), ...added]));
    assert.equal((await stored(db, 'doc-a')).edits, 2 + added.length, 'written as records');
  });
});
