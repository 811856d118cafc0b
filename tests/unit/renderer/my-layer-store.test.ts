// My layer's storage (renderer/db/my-layer-store.ts, fake-indexeddb): layers written whole go in
// chunks, edits since as records and tombstones over them. Whatever mix of whole-layer writes,
// keystroke writes (writeNow, which never reads a chunk), schema-change puts and deletes, every
// read must give exactly the layer a plain map of annotations would hold. Ids are per document.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SpanmarkDb } from '../../../renderer/db/db.js';
import { writeNow } from '../../../renderer/db/annotations-repo.js';
import {
  CHUNK_SIZE,
  deleteMine,
  deleteMineOn,
  eachMine,
  myLayerTables,
  putMine,
  readAllMine,
  readMine,
  readMineOf,
  replaceMineOn,
  replaceMineOnAll,
  chunkColumnsOf,
} from '../../../renderer/db/my-layer-store.js';
import type { SingleCommand } from '../../../src/annotations/commands.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { seeded } from '../../soak/prng.js';
import { withDb } from './with-db.js';

const DOCS = ['doc-a', 'doc-b'] as const;
const SMALL_CHUNK = 16;
/** Ids as hostile as a file may bring: emoji, RTL, combining marks, CRLF, look-alikes. */
const ID_SHAPES = ['x', '😀', 'שלום', 'e\u0301', 'a\r\nb', 'Ａ', ' '];

function ann(id: string, docId: string, n: number): Annotation {
  const at = '2022-01-07T10:00:00.000Z';
  return { id, docId, label: n % 2 ? 'claim' : 'casualty', start: n, end: n + 3, quote: `q${n}`, annotator: 'ana', createdAt: at, updatedAt: at };
}

const key = (list: readonly Annotation[]) =>
  list
    .map((a) => JSON.stringify(a))
    .sort()
    .join('\n');

/** Every read the app makes, each compared with the model. */
async function assertReads(db: SpanmarkDb, model: Map<string, Map<string, Annotation>>, step: string): Promise<void> {
  const expected = (docs: readonly string[]) => key(docs.flatMap((d) => [...(model.get(d)?.values() ?? [])]));
  for (const d of DOCS) assert.equal(key(await readMineOf(db, d)), expected([d]), `${step}: readMineOf ${d}`);
  assert.equal(key(await readMine(db, DOCS)), expected(DOCS), `${step}: readMine`);
  assert.equal(key(await readAllMine(db)), expected(DOCS), `${step}: readAllMine`);
  const visited: Annotation[] = [];
  await db.transaction('r', myLayerTables(db), () => eachMine(db, DOCS, (a) => visited.push(a)));
  assert.equal(key(visited), expected(DOCS), `${step}: eachMine`);
}

test('whole-layer writes, keystroke writes, puts and deletes in any order: every read gives the layer a map would hold', async () => {
  await withDb('my-layer-store-model', async (db) => {
    const rng = seeded(20220107);
    const random = () => rng.next();
    const pick = <T>(xs: readonly T[]): T => rng.pick(xs);
    const model = new Map<string, Map<string, Annotation>>(DOCS.map((d) => [d, new Map()]));
    let fresh = 0;
    const seen = new Set<string>();
    // Now and then an id the other document holds: ids are per document.
    const newId = (d: string) => {
      const other = [...model.get(d === DOCS[0] ? DOCS[1] : DOCS[0])!.keys()].filter((id) => !model.get(d)!.has(id));
      return other.length > 0 && random() < 0.2 ? pick(other) : `${pick(ID_SHAPES)}-${fresh++}`;
    };
    const someOf = (d: string) => [...model.get(d)!.values()].filter(() => random() < 0.5);
    for (let step = 0; step < 150; step++) {
      const d = pick(DOCS);
      const layer = model.get(d)!;
      const held = [...layer.values()];
      const roll = random();
      let what: string;
      if (roll < 0.12) {
        // A whole layer: some kept, some edited, some new, across chunk boundaries.
        // Small chunks, so layers span several and edits land in any of them.
        const size = Math.floor(random() * SMALL_CHUNK * 2.5);
        const list = [...someOf(d).map((a) => (random() < 0.3 ? { ...a, label: 'deployment' } : a))];
        const taken = new Set(list.map((a) => a.id));
        while (list.length < size) {
          const id = newId(d);
          if (!taken.has(id)) list.push(ann(id, d, fresh++));
          taken.add(id);
        }
        await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, d, list, { chunkSize: SMALL_CHUNK }));
        model.set(d, new Map(list.map((a) => [a.id, a])));
        what = `replace ${list.length}`;
      } else if (roll < 0.75 || held.length === 0) {
        const cmd: SingleCommand =
          held.length === 0 || random() < 0.3
            ? { kind: 'create', annotation: ann(newId(d), d, fresh++) }
            : random() < 0.5
              ? ((a) => ({ kind: 'update', before: a, after: { ...a, note: `n${step} 😀` } }))(pick(held))
              : { kind: 'delete', annotation: pick(held) };
        // An undo of a delete creates the same id again: over a tombstone, it must reappear.
        const undo = cmd.kind === 'delete' && random() < 0.4;
        const cmds: SingleCommand[] = undo ? [cmd, { kind: 'create', annotation: cmd.annotation }] : [cmd];
        for (const c of cmds) {
          await writeNow(db, random() < 0.2 ? { kind: 'batch', commands: [c] } : c, { revision: 0 }).committed;
          if (c.kind === 'create') layer.set(c.annotation.id, c.annotation);
          else if (c.kind === 'update') layer.set(c.after.id, c.after);
          else layer.delete(c.annotation.id);
        }
        what = cmds.map((c) => c.kind).join('+');
      } else if (roll < 0.88) {
        const list = someOf(d).map((a) => ({ ...a, label: 'claim', end: a.end + 1 }));
        await db.transaction('rw', myLayerTables(db), () => putMine(db, list));
        for (const a of list) layer.set(a.id, a);
        what = `put ${list.length}`;
      } else if (roll < 0.97) {
        const list = someOf(d);
        await db.transaction('rw', myLayerTables(db), () => deleteMine(db, list));
        for (const a of list) layer.delete(a.id);
        what = `delete ${list.length}`;
      } else {
        await db.transaction('rw', myLayerTables(db), () => deleteMineOn(db, [d]));
        layer.clear();
        what = 'delete layer';
      }
      await assertReads(db, model, `step ${step} (${what} on ${d})`);
      const [chunks, edits, tombstones] = await Promise.all([db.myLayerChunks.count(), db.myLayerEdits.count(), db.myLayerTombstones.count()]);
      const ids = (doc: string) => new Set(model.get(doc)!.keys());
      const shared = [...ids(DOCS[0])].some((id) => ids(DOCS[1]).has(id));
      if (chunks >= 3 && edits > 0 && tombstones > 0) seen.add('chunks, edits and tombstones at once');
      if (shared) seen.add('an id on both documents');
    }
    // The run must have built what it claims to test.
    assert.deepEqual([...seen].sort(), ['an id on both documents', 'chunks, edits and tombstones at once']);
  });
});

test('a whole layer is chunked in the order given and read back in that order', async () => {
  await withDb('my-layer-store-order', async (db) => {
    const list = Array.from({ length: CHUNK_SIZE * 2 + 7 }, (_, i) => ann(`z${99999 - i}`, 'doc-a', i));
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-a', list));
    assert.equal(await db.myLayerChunks.count(), 3);
    assert.equal(await db.myLayerEdits.count(), 0);
    assert.deepEqual(
      (await readMineOf(db, 'doc-a')).map((a) => a.id),
      list.map((a) => a.id),
    );
  });
});

test('ids are per document: the same id on two documents is two spans, and an edit or delete of one leaves the other', async () => {
  await withDb('my-layer-store-per-document', async (db) => {
    const id = 'same-😀';
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-a', [ann(id, 'doc-a', 1), ann('a2', 'doc-a', 2)]));
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-b', [ann(id, 'doc-b', 5)]));
    const edited = { ...ann(id, 'doc-a', 1), note: 'edited on a' };
    await writeNow(db, { kind: 'update', before: ann(id, 'doc-a', 1), after: edited }, { revision: 0 }).committed;
    assert.equal(key(await readMineOf(db, 'doc-a')), key([edited, ann('a2', 'doc-a', 2)]));
    assert.equal(key(await readMineOf(db, 'doc-b')), key([ann(id, 'doc-b', 5)]));
    await writeNow(db, { kind: 'delete', annotation: ann(id, 'doc-b', 5) }, { revision: 0 }).committed;
    assert.equal(key(await readMineOf(db, 'doc-b')), '');
    assert.equal(key(await readMineOf(db, 'doc-a')), key([edited, ann('a2', 'doc-a', 2)]));
    // Written whole again, a layer drops its document's edits and tombstones and no other's.
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-b', [ann(id, 'doc-b', 6)]));
    assert.equal(key(await readMineOf(db, 'doc-b')), key([ann(id, 'doc-b', 6)]));
    assert.equal(key(await readMineOf(db, 'doc-a')), key([edited, ann('a2', 'doc-a', 2)]));
  });
});

test('an empty layer written whole leaves nothing stored for the document', async () => {
  await withDb('my-layer-store-empty', async (db) => {
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-a', [ann('a1', 'doc-a', 1)]));
    await writeNow(db, { kind: 'delete', annotation: ann('a1', 'doc-a', 1) }, { revision: 0 }).committed;
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-a', []));
    assert.deepEqual([await db.myLayerChunks.count(), await db.myLayerEdits.count(), await db.myLayerTombstones.count()], [0, 0, 0]);
    assert.deepEqual(await readMineOf(db, 'doc-a'), []);
  });
});

test('many layers written at once: each document gets exactly its list, edits and tombstones of each dropped, progress counted to the total', async () => {
  await withDb('my-layer-store-all', async (db) => {
    await db.transaction('rw', myLayerTables(db), () => replaceMineOn(db, 'doc-a', [ann('a1', 'doc-a', 1), ann('a2', 'doc-a', 2)]));
    await writeNow(db, { kind: 'delete', annotation: ann('a1', 'doc-a', 1) }, { revision: 0 }).committed;
    await writeNow(db, { kind: 'create', annotation: ann('typed', 'doc-b', 9) }, { revision: 0 }).committed;
    const layers = [
      { docId: 'doc-a', list: Array.from({ length: 40 }, (_, i) => ann(`a${i}`, 'doc-a', i)) },
      { docId: 'doc-b', list: [ann('b1', 'doc-b', 1)] },
      { docId: 'doc-c', list: [] },
    ];
    const progress: number[] = [];
    await db.transaction('rw', myLayerTables(db), () => replaceMineOnAll(db, layers, { chunkSize: 16, onWritten: (n) => progress.push(n) }).written);
    for (const l of layers) assert.equal(key(await readMineOf(db, l.docId)), key(l.list), l.docId);
    assert.deepEqual([await db.myLayerEdits.count(), await db.myLayerTombstones.count()], [0, 0]);
    // doc-a took three chunks, read back in part order; doc-c has none.
    const chunks = await chunkColumnsOf(db, ['doc-a', 'doc-b', 'doc-c']);
    assert.deepEqual(
      [...chunks].map(([d, c]) => [d, c.map((x) => x.count)]),
      [
        ['doc-a', [16, 16, 8]],
        ['doc-b', [1]],
      ],
    );
    assert.equal(progress.at(-1), 41);
    assert.deepEqual(
      progress,
      [...progress].sort((x, y) => x - y),
    );
  });
});
