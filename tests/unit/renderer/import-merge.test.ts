// The import path end to end over an in-memory IndexedDB (fake-indexeddb: logic only, durability is
// tested in Chromium): an export whose timestamps another tool spelled differently must never make
// an older copy of my annotation overwrite my newer edit, and what is stored is normalised; a file
// over many documents merges each layer as importing them one by one would.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import { ownMergeOutcome } from '../../../src/annotations/merge-own.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { decodeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/decode.js';
import { openDatabase, type SpanmarkDb } from '../../../renderer/db/db.js';
import { withDb } from './with-db.js';
import { importExport, mergeOwnAll, type Counts, type LayerPacked } from '../../../renderer/io/import.js';
import { loadLayers, unpackAll, unpackAllInSteps, writeNow } from '../../../renderer/db/annotations-repo.js';
import { sortAnnotations } from '../../../src/annotations/commands.js';
import { toColumns } from '../../../src/annotations/layer-columns.js';
import type { Article } from '../../../src/document/article.js';
import { annotation, article, sha256Hex } from '../codecs/spanmark-v1-helpers.js';
import { mineById, storedMine } from './stored-mine.js';
import { myLayerTables, readMineOf } from '../../../renderer/db/my-layer-store.js';
import { countsCurrent, readCountsCache } from '../../../renderer/library/layer-counts.js';
import { summariseLayer } from '../../../src/corpus/layer-summary.js';

const TEXT = 'Troops 😀 arrived in Almaty.';
const doc = article(TEXT);
const me = 'Dana';
// These files predate annotator ids, so my name is what marks them mine, once I confirm it.
const dana = { id: 'dana-install', name: me };
const yes = async () => true;
// My stored edit: 10:15:00.000Z. Each incoming spelling below is an OLDER instant whose string sorts
// after it, so a string comparison lets the older copy win.
const STORED = '2022-01-08T10:15:00.000Z';
const OLDER: readonly string[] = [
  '2022-01-08T14:00:00+05:00', // 09:00Z
  '2022-01-08T10:14:59Z', // no milliseconds
  '2022-01-08t10:14:59.000Z', // lower-case t
  '2022-01-08T10:14:59.9z', // lower-case z, short fraction
  '2022-01-08T15:14:59.999999+05:00', // Python's isoformat(): microseconds and an offset
];

function file(updatedAt: string, label: Annotation['label'] = 'casualty'): Uint8Array {
  const a = annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label, createdAt: '2022-01-08T09:00:00.000Z', updatedAt: '2022-01-08T09:00:00.000Z' });
  const json = JSON.parse(
    serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: doc, annotations: [a] }], exportedAt: STORED, generatorVersion: '0.1.0' })),
  );
  // Written as another tool would write it: the encoder only emits Spanmark's own spelling.
  json.documents[0].annotations[0].updatedAt = updatedAt;
  json.exportedAt = updatedAt;
  return new TextEncoder().encode(JSON.stringify(json));
}

test('decoded timestamps come back in the stored spelling', async () => {
  for (const spelling of OLDER) {
    const r = await decodeSpanmarkV1(new TextDecoder().decode(file(spelling)), sha256Hex);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const a = r.value.documents[0]!.annotations[0]!;
    assert.match(a.updatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,}Z$/, spelling);
    assert.match(r.value.exportedAt, /Z$/);
    assert.ok(a.updatedAt < STORED, `${spelling} → ${a.updatedAt}`);
  }
});

test('the merge rule keeps my newer copy against every older spelling, and takes a newer one', () => {
  const mine = annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label: 'claim', updatedAt: STORED });
  for (const spelling of OLDER) {
    assert.equal(ownMergeOutcome(mine, { ...mine, label: 'casualty', updatedAt: spelling }), 'kept-newer', spelling);
  }
  assert.equal(ownMergeOutcome(mine, { ...mine, label: 'casualty', updatedAt: '2022-01-08T15:15:00.001+05:00' }), 'updated');
  assert.equal(ownMergeOutcome(mine, { ...mine, updatedAt: '2022-01-08T15:15:00+05:00' }), 'unchanged', 'the same instant, spelled otherwise');
  assert.equal(ownMergeOutcome(undefined, mine), 'added');
  assert.equal(ownMergeOutcome(mine, { ...mine, docId: 'other' }), 'other-document');
});

test('importing an older copy spelled another way never overwrites my newer edit', async () => {
  let n = 0;
  for (const spelling of OLDER) {
    const db = openDatabase(`import-merge-${n++}`);
    await db.open();
    try {
      await db.articles.add(doc);
      await db.myLayerEdits.add(
        annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label: 'claim', createdAt: '2022-01-08T09:00:00.000Z', updatedAt: STORED }),
      );
      const r = await importExport(db, 'colleague.spanmark.json', file(spelling), dana, undefined, yes);
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(r.value.keptNewer, 1, spelling);
      const kept = await storedMine(db, 'mine-1');
      assert.equal(kept?.label, 'claim', `${spelling} overwrote the newer edit`);
      assert.equal(kept?.updatedAt, STORED);
    } finally {
      db.close();
    }
  }
});

test('an import newer than my copy replaces it, stored in the normalised spelling', async () => {
  const db = openDatabase('import-merge-newer');
  await db.open();
  try {
    await db.articles.add(doc);
    await db.myLayerEdits.add(annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label: 'claim', updatedAt: STORED }));
    const r = await importExport(db, 'later.spanmark.json', file('2022-01-08t15:15:00.5+05:00'), dana, undefined, yes);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.value.updated, 1);
    const stored = await storedMine(db, 'mine-1');
    assert.equal(stored?.label, 'casualty');
    assert.equal(stored?.updatedAt, '2022-01-08T10:15:00.500Z');
  } finally {
    db.close();
  }
});

test('a file over many documents merges each layer as one import per document would: stored, bumped once, snapshot equal to the records', async () => {
  const db = openDatabase('import-merge-many');
  await db.open();
  try {
    const [A, B, C, D] = [
      'Troops 😀 arrived in Almaty.',
      'مرحبا\nAt least 18 people were killed.',
      'e\u0301 café, combining marks.',
      'Flights to Nur-Sultan resumed.',
    ].map((t) => article(t)) as [Article, Article, Article, Article];
    const mine = (d: Article, start: number, end: number, id: string, extra: Partial<Annotation> = {}) =>
      annotation(d, start, end, { id, annotator: me, createdAt: STORED, updatedAt: STORED, ...extra });
    const importing = (name: string, docs: { article: Article; annotations: Annotation[] }[]) =>
      importExport(
        db,
        name,
        new TextEncoder().encode(serializeSpanmarkV1(encodeSpanmarkV1({ documents: docs, exportedAt: STORED, generatorVersion: '0.1.0' }))),
        dana,
        undefined,
        yes,
      );
    // A and D come from an earlier import (revision and snapshot); B is an old library's records with no revision.
    const first = await importing('first.spanmark.json', [
      { article: A, annotations: [mine(A, 0, 6, 'a1')] },
      { article: D, annotations: [mine(D, 0, 7, 'd1')] },
    ]);
    assert.ok(first.ok, first.ok ? '' : first.error.message);
    await db.articles.add(B);
    await db.myLayerEdits.add(mine(B, 0, 5, 'b1'));
    const before = new Map((await db.layerRevisions.toArray()).map((r) => [r.docId, r.revision]));
    const snapshotD = await db.layerSnapshots.get(D.id);

    const later = '2022-01-08T11:00:00.000Z';
    const r = await importing('many.spanmark.json', [
      { article: A, annotations: [mine(A, 0, 6, 'a1', { label: 'casualty', updatedAt: later }), mine(A, 21, 27, 'a2')] },
      { article: B, annotations: [mine(B, 0, 5, 'b1'), mine(B, 20, 28, 'b2', { label: 'deployment' })] },
      { article: C, annotations: [mine(C, 0, 2, 'c1')] },
      { article: D, annotations: [mine(D, 0, 7, 'd1')] },
    ]);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual(
      { added: r.value.added, updated: r.value.updated, unchanged: r.value.unchanged, newDocuments: r.value.newDocuments },
      { added: 3, updated: 1, unchanged: 2, newDocuments: 1 },
    );
    const expected: Record<string, string[]> = {
      [A.id]: ['a1:casualty', 'a2:claim'],
      [B.id]: ['b1:claim', 'b2:deployment'],
      [C.id]: ['c1:claim'],
      [D.id]: ['d1:claim'],
    };
    for (const d of [A, B, C, D]) {
      const records = sortAnnotations(await readMineOf(db, d.id));
      assert.deepEqual(
        records.map((a) => `${a.id}:${a.label}`),
        expected[d.id],
        d.text,
      );
      const layers = await loadLayers(db, d.id);
      assert.deepEqual(layers.own, records, `${d.text}: what opening reads`);
      if (d === D) {
        assert.equal(layers.stamp.revision, before.get(D.id), 'an unchanged layer is not bumped');
        assert.deepEqual(await db.layerSnapshots.get(D.id), snapshotD);
      } else {
        assert.equal(layers.stamp.revision, (before.get(d.id) ?? 0) + 1, `${d.text}: bumped once`);
        assert.equal(layers.fromSnapshot, true, `${d.text}: its snapshot is current`);
        // The library's counts are current too, so it need not read the layer again to count it.
        const cached = (await readCountsCache(db)).get(d.id);
        assert.ok(countsCurrent(cached, layers.stamp), `${d.text}: label counts stored at the new stamp`);
        assert.deepEqual(cached.counts, summariseLayer(records).counts, `${d.text}: label counts`);
      }
    }

    // An id another document holds is that document's: ids are per document, as a colleague's are.
    // The new document gets its own span, and the other keeps its own as it was.
    const E = article('A fifth 🇰🇿 article.');
    const holder = (await mineById(db)).find((x) => x.id === 'a1')!;
    const shared = await importing('shared-id.spanmark.json', [{ article: E, annotations: [mine(E, 0, 1, 'a1')] }]);
    assert.ok(shared.ok, JSON.stringify(!shared.ok && shared.error));
    assert.equal(shared.value.added, 1);
    assert.deepEqual(
      (await readMineOf(db, E.id)).map((x) => [x.id, x.quote]),
      [['a1', 'A']],
    );
    assert.deepEqual(
      (await readMineOf(db, holder.docId)).find((x) => x.id === 'a1'),
      holder,
    );
  } finally {
    db.close();
  }
});

test('one document given twice (two of a file’s documents landing on one article) merges as one after the other would', async () => {
  const db = openDatabase('import-merge-twice');
  await db.open();
  try {
    const A = article('Troops 😀 arrived in Almaty.');
    await db.articles.add(A);
    const later = '2022-01-08T11:00:00.000Z';
    const a = (id: string, label: Annotation['label'], updatedAt = STORED) => annotation(A, 0, 6, { id, annotator: me, label, createdAt: STORED, updatedAt });
    const counts: Counts = { newDocuments: 0, added: 0, updated: 0, unchanged: 0, keptNewer: 0, layers: new Map() };
    await db.transaction('rw', [...myLayerTables(db), db.layerRevisions, db.layerSnapshots, db.layerCounts], async () => {
      await mergeOwnAll(
        db,
        [
          { docId: A.id, text: A.text, incoming: [a('x1', 'claim'), a('x2', 'claim')] },
          { docId: A.id, text: A.text, incoming: [a('x1', 'casualty', later), a('x3', 'deployment')] },
        ],
        counts,
      );
    });
    assert.deepEqual({ added: counts.added, updated: counts.updated }, { added: 3, updated: 1 });
    const records = sortAnnotations(await readMineOf(db, A.id));
    assert.deepEqual(
      records.map((x) => `${x.id}:${x.label}`),
      ['x1:casualty', 'x2:claim', 'x3:deployment'],
    );
    const layers = await loadLayers(db, A.id);
    assert.equal(layers.fromSnapshot, true);
    assert.equal(layers.stamp.revision, 1);
    assert.deepEqual(layers.own, records);
  } finally {
    db.close();
  }
});

/** Three spans of mine on a new article, imported as my own export; the article and the import's result. */
async function importThreeOfMine(db: SpanmarkDb, name: string, onLayerPacked?: LayerPacked) {
  const A = article('Troops 😀 arrived in Almaty, at least 18 killed.');
  const list = [0, 7, 10].map((start, i) => annotation(A, start, start + 6, { id: `m${i}`, annotator: me, createdAt: STORED, updatedAt: STORED }));
  const bytes = new TextEncoder().encode(
    serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: A, annotations: list }], exportedAt: STORED, generatorVersion: '0.1.0' })),
  );
  const r = await importExport(db, name, bytes, dana, undefined, yes, undefined, onLayerPacked);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return { A, imported: r.value };
}

test('an imported layer is read from its chunks while no edit has followed, and from its records once one has', () =>
  withDb('import-merge-in-chunks', async (db) => {
    const { A } = await importThreeOfMine(db, 'in-chunks.spanmark.json');
    // The snapshot points at the chunks instead of holding a second copy of the layer.
    const { writer: _writer, ...snapshot } = (await db.layerSnapshots.get(A.id))!;
    assert.deepEqual(snapshot, { docId: A.id, revision: 1, inChunks: true });
    const opened = await loadLayers(db, A.id);
    assert.equal(opened.fromSnapshot, true);
    assert.deepEqual(opened.own, sortAnnotations(await readMineOf(db, A.id)));
    assert.equal(opened.own.length, 3);

    // A keystroke's edit bumps the revision: the chunks alone are no longer the layer.
    const relabelled = { ...opened.own[1]!, label: 'casualty', updatedAt: '2022-01-08T11:00:00.000Z' };
    await writeNow(db, { kind: 'update', before: opened.own[1]!, after: relabelled }, opened.stamp).committed;
    const after = await loadLayers(db, A.id);
    assert.equal(after.fromSnapshot, false, 'a stale snapshot is not used');
    assert.deepEqual(after.own.map((a) => `${a.id}:${a.label}`).sort(), ['m0:claim', 'm1:casualty', 'm2:claim']);
  }));

test('the layer an import committed opens as handed over while current, and is read from the store once anything is written since', () =>
  withDb('import-merge-handed', async (db) => {
    const { A, imported } = await importThreeOfMine(db, 'handed.spanmark.json');
    const layer = imported.layer;
    assert.ok(layer, 'the import hands over the layer it wrote');
    assert.equal(layer.docId, A.id);
    assert.deepEqual(layer.stamp, { revision: 1, writer: (await db.layerRevisions.get(A.id))!.writer });
    const stored = sortAnnotations(await readMineOf(db, A.id));
    const handed = await loadLayers(db, A.id, undefined, layer);
    assert.deepEqual(handed.own, stored);
    assert.equal(handed.fromSnapshot, true);

    // The stored chunk made to differ behind the stamp's back: only the handed copy still has all three.
    await db.myLayerChunks.put({ docId: A.id, part: 0, columns: toColumns([stored[0]!]) });
    assert.equal((await loadLayers(db, A.id)).own.length, 1);
    assert.deepEqual((await loadLayers(db, A.id, undefined, layer)).own, stored);
    // Handed over for another document, it is not used.
    assert.equal((await loadLayers(db, A.id, undefined, { ...layer, docId: 'another' })).own.length, 1);

    // An edit bumps the revision: the handed copy is stale, and the store (one chunked span, one edit) is read.
    const relabelled = { ...stored[1]!, label: 'casualty', updatedAt: '2022-01-08T11:00:00.000Z' };
    await writeNow(db, { kind: 'update', before: stored[1]!, after: relabelled }, layer.stamp).committed;
    const after = await loadLayers(db, A.id, undefined, layer);
    assert.equal(after.fromSnapshot, false);
    assert.deepEqual(after.own.map((a) => `${a.id}:${a.label}`).sort(), ['m0:claim', 'm1:casualty']);
  }));

test('the layer is told packed while the import commits; unpacked by the window, it opens as is for the same text at the same stamp only', () =>
  withDb('import-merge-packed', async (db) => {
    const told: Parameters<LayerPacked>[0][] = [];
    const { A, imported } = await importThreeOfMine(db, 'packed.spanmark.json', (l) => told.push(l));
    assert.equal(told.length, 1, 'told once, for the document the window opens');
    const packed = told[0]!;
    assert.equal(packed.docId, A.id);
    assert.equal(packed.text, A.text);
    const committed = await db.layerRevisions.get(A.id);
    assert.deepEqual(packed.stamp, { revision: committed?.revision, writer: committed?.writer }, 'stamped as committed');
    assert.equal(imported.layer, undefined, 'handed over, not returned again');
    const stored = sortAnnotations(await readMineOf(db, A.id));
    const own = unpackAll(packed.columns, packed.docId, packed.text);
    assert.deepEqual(own, stored);
    // As the window unpacks it, a task at a time: the same layer; columns that do not add up, none.
    assert.deepEqual(await unpackAllInSteps(packed.columns, packed.docId, packed.text), stored);
    assert.deepEqual(await unpackAllInSteps([...packed.columns, toColumns([stored[0]!])], packed.docId, packed.text), [...stored, stored[0]]);
    assert.equal(await unpackAllInSteps([{ ...packed.columns[0]!, count: 2 }], packed.docId, packed.text), undefined);

    // The stored chunk made to differ behind the stamp's back: the unpacked copy is what opens, itself.
    await db.myLayerChunks.put({ docId: A.id, part: 0, columns: toColumns([stored[0]!]) });
    const unpacked = { docId: A.id, stamp: packed.stamp, text: packed.text, own };
    assert.equal((await loadLayers(db, A.id, undefined, unpacked)).own, own);
    // Unpacked against another text (its quotes were cut from that one), it is not used.
    assert.equal((await loadLayers(db, A.id, undefined, { ...unpacked, text: `${A.text} ` })).own.length, 1);
    // Nor after an edit has bumped the revision.
    const relabelled = { ...stored[1]!, label: 'casualty', updatedAt: '2022-01-08T11:00:00.000Z' };
    await writeNow(db, { kind: 'update', before: stored[1]!, after: relabelled }, packed.stamp).committed;
    assert.deepEqual((await loadLayers(db, A.id, undefined, unpacked)).own.map((a) => `${a.id}:${a.label}`).sort(), ['m0:claim', 'm1:casualty']);
  }));
