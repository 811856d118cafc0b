// The import's routing over an in-memory IndexedDB (fake-indexeddb): a colleague with my name but
// another id becomes "NAME (2)" and leaves my layer alone; a file without ids asks once, naming the
// file and the count, and both answers do what they say; renaming a layer carries its decisions; a
// v2 library's colleague layers survive the v3 upgrade intact.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { openDatabase, SCHEMA_VERSION, type SpanmarkDb } from '../../../renderer/db/db.js';
import { loadLayers } from '../../../renderer/db/annotations-repo.js';
import { renameColleagueLayer } from '../../../renderer/db/colleague-layers-repo.js';
import { importExport } from '../../../renderer/io/import.js';
import { exportDocuments } from '../../../renderer/io/export.js';
import { annotation, article } from '../codecs/spanmark-v1-helpers.js';
import { LIBRARY_STORES } from '../../e2e/pages/stored.js';
import { oldLibrary } from './old-library.js';
import { mineById } from './stored-mine.js';
import { withDb } from './with-db.js';
import { exportText } from './export-text.js';

// Bounded, so a regression that leaves a transaction waiting fails here instead of hanging the suite.
const TIMEOUT = { timeout: 30_000 };
const doc = article('Troops 😀 arrived in Алматы. قَالَ');
const me = { id: 'my-install', name: 'analyst' };
let n = 0;

function bytes(annotations: readonly Annotation[], exportedBy?: { id: string; name: string }): Uint8Array {
  const file = encodeSpanmarkV1({
    documents: [{ article: doc, annotations }],
    exportedAt: '2022-01-08T11:00:00.000Z',
    generatorVersion: 't',
    ...(exportedBy ? { exportedBy } : {}),
  });
  return new TextEncoder().encode(serializeSpanmarkV1(file));
}

const withFreshDb = (run: (db: SpanmarkDb) => Promise<void>): Promise<void> => withDb(`import-identity-${n++}`, run);

const mine = annotation(doc, 0, 6, { id: 'm1', annotator: 'analyst' });
const theirs = [
  annotation(doc, 9, 16, { id: 't1', annotator: 'analyst', annotatorId: 'colleague' }),
  annotation(doc, 20, 26, { id: 't2', annotator: 'analyst', annotatorId: 'colleague' }),
];

test('a colleague with my name and another id becomes "analyst (2)"; my layer is unchanged; nobody is asked', TIMEOUT, async () => {
  await withFreshDb(async (db) => {
    await db.articles.add(doc);
    await db.myLayerEdits.add(mine);
    let asked = 0;
    const r = await importExport(db, 'colleague.spanmark.json', bytes(theirs), me, undefined, async () => (asked++, true));
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(asked, 0);
    assert.equal(r.value.added + r.value.updated + r.value.unchanged, 0);
    assert.deepEqual(r.value.layers, [{ annotator: 'analyst (2)', annotations: 2 }]);
    const layers = await loadLayers(db, doc.id);
    assert.deepEqual(
      layers.own.map((a) => a.id),
      ['m1'],
    );
    assert.deepEqual([...layers.others.keys()], ['analyst (2)']);
    assert.ok(layers.others.get('analyst (2)')!.every((a) => a.annotator === 'analyst (2)' && !('layer' in a)));
    // A third "analyst" with yet another id: a third layer. The second again: the same layer.
    const third = theirs.map((a) => ({ ...a, id: `${a.id}-3`, annotatorId: 'third' }));
    await importExport(db, 'third.spanmark.json', bytes(third), me);
    await importExport(db, 'colleague-again.spanmark.json', bytes(theirs.slice(0, 1)), me);
    const after = await loadLayers(db, doc.id);
    assert.deepEqual([...after.others].map(([k, v]) => [k, v.length]).sort(), [
      ['analyst (2)', 1],
      ['analyst (3)', 2],
    ]);
    assert.equal(after.own.length, 1);
  });
});

test('my own export (my id) merges into my layer without asking', TIMEOUT, async () => {
  await withFreshDb(async (db) => {
    const r = await importExport(db, 'mine.spanmark.json', bytes([{ ...mine, annotatorId: me.id }], { id: me.id, name: me.name }), me, undefined, async () =>
      assert.fail('asked'),
    );
    assert.ok(r.ok);
    assert.equal(r.value.added, 1);
    assert.deepEqual(r.value.layers, []);
  });
});

test('a file without ids asks once, naming the file and the count; "no" makes a colleague layer, "yes" my layer', TIMEOUT, async () => {
  const old = [mine, annotation(doc, 9, 16, { id: 'm2', annotator: 'analyst' }), annotation(doc, 20, 26, { id: 'x1', annotator: 'Aigerim' })];
  await withFreshDb(async (db) => {
    const questions: unknown[] = [];
    const no = await importExport(db, 'old file.spanmark.json', bytes(old), me, undefined, async (q) => (questions.push(q), false));
    assert.deepEqual(questions, [{ file: 'old file.spanmark.json', annotator: 'analyst', count: 2 }]);
    assert.ok(no.ok);
    assert.equal(no.value.added, 0);
    assert.deepEqual(no.value.layers, [
      { annotator: 'analyst (2)', annotations: 2 },
      { annotator: 'Aigerim', annotations: 1 },
    ]);
    assert.equal((await mineById(db)).length, 0);
    const yes = await importExport(db, 'old file.spanmark.json', bytes(old), me, undefined, async () => true);
    assert.ok(yes.ok);
    assert.equal(yes.value.added, 2);
    assert.deepEqual(
      (await mineById(db)).map((a) => a.id),
      ['m1', 'm2'],
    );
    // Without anyone to ask, the safe answer: not mine.
    const unasked = await importExport(db, 'again.spanmark.json', bytes([annotation(doc, 0, 6, { id: 'm9', annotator: 'analyst' })]), me);
    assert.ok(unasked.ok);
    assert.equal(unasked.value.added, 0);
  });
});

test('renaming a layer renames it everywhere and carries its review decisions; names stay unique', TIMEOUT, async () => {
  await withFreshDb(async (db) => {
    await importExport(db, 'c.spanmark.json', bytes(theirs), me);
    await importExport(db, 'a.spanmark.json', bytes([annotation(doc, 0, 6, { id: 'a1', annotator: 'Aigerim' })]), me);
    await db.reviewDecisions.put({
      id: `${doc.id}|analyst (2)|t1`,
      docId: doc.id,
      annotator: 'analyst (2)',
      annotationId: 't1',
      decision: 'rejected',
      decidedBy: 'analyst',
      decidedAt: '2022-01-08T12:00:00.000Z',
    });
    const taken = await renameColleagueLayer(db, 'analyst (2)', 'Aigerim', me.name);
    assert.equal(taken.ok, false);
    const mineName = await renameColleagueLayer(db, 'analyst (2)', ' analyst ', me.name);
    assert.equal(mineName.ok, false);
    const r = await renameColleagueLayer(db, 'analyst (2)', '  Dana Петрова 😀 ', me.name);
    assert.ok(r.ok);
    const layers = await loadLayers(db, doc.id);
    assert.deepEqual([...layers.others.keys()].sort(), ['Aigerim', 'Dana Петрова 😀']);
    assert.deepEqual(
      layers.decisions.map((d) => [d.id, d.annotator]),
      [[`${doc.id}|Dana Петрова 😀|t1`, 'Dana Петрова 😀']],
    );
    // The next import of that colleague keeps the new name.
    const again = await importExport(db, 'c.spanmark.json', bytes(theirs), me);
    assert.ok(again.ok);
    assert.deepEqual(again.value.layers, [{ annotator: 'Dana Петрова 😀', annotations: 2 }]);
  });
});

test('an export with all layers carries each with its original name and id; a fresh library gets them as colleague layers', TIMEOUT, async () => {
  let json = '';
  await withFreshDb(async (db) => {
    await db.articles.add(doc);
    await db.myLayerEdits.add(mine);
    await importExport(db, 'c.spanmark.json', bytes(theirs), me);
    await importExport(db, 'a.spanmark.json', bytes([annotation(doc, 9, 16, { id: 'a1', annotator: 'Aigerim' })]), me);
    await renameColleagueLayer(db, 'analyst (2)', 'Dana', me.name);
    const payload = await exportDocuments(db, [doc.id], '0.2.0', me, { allLayers: true });
    assert.equal(payload.annotations, 4);
    json = exportText(payload);
    const file = JSON.parse(json) as { exportedBy: unknown; documents: { annotations: { id: string; annotator: string; annotatorId?: string }[] }[] };
    assert.deepEqual(file.exportedBy, { id: 'my-install', name: 'analyst' });
    assert.deepEqual(file.documents[0]!.annotations.map((a) => [a.id, a.annotator, a.annotatorId]).sort(), [
      ['a1', 'Aigerim', undefined],
      ['m1', 'analyst', 'my-install'],
      ['t1', 'analyst', 'colleague'],
      ['t2', 'analyst', 'colleague'],
    ]);
    // A plain export is my layer alone, stamped with my id.
    const plain = JSON.parse(exportText(await exportDocuments(db, [doc.id], '0.2.0', me))) as typeof file;
    assert.deepEqual(
      plain.documents[0]!.annotations.map((a) => [a.id, a.annotatorId]),
      [['m1', 'my-install']],
    );
    // Re-imported here: mine stays mine, nothing new appears.
    const back = await importExport(db, 'all.spanmark.json', new TextEncoder().encode(json), me, undefined, async () => assert.fail('asked'));
    assert.ok(back.ok);
    assert.equal(back.value.unchanged, 1);
    assert.deepEqual([...(await loadLayers(db, doc.id)).others.keys()].sort(), ['Aigerim', 'Dana']);
  });
  await withFreshDb(async (db) => {
    const lead = { id: 'lead-install', name: 'Lead' };
    const r = await importExport(db, 'all.spanmark.json', new TextEncoder().encode(json), lead, undefined, async () => assert.fail('asked'));
    assert.ok(r.ok);
    const layers = await loadLayers(db, doc.id);
    assert.equal(layers.own.length, 0);
    const byName = new Map([...layers.others].map(([k, v]) => [k, v.map((a) => a.id).sort()]));
    assert.deepEqual(
      byName,
      new Map([
        ['analyst', ['m1']],
        ['analyst (2)', ['t1', 't2']],
        ['Aigerim', ['a1']],
      ]),
    );
  });
});

test('a v2 library upgrades to v3 with every colleague annotation and its layer name intact', TIMEOUT, async () => {
  const name = `import-identity-upgrade-${n++}`;
  const v2 = oldLibrary(name, 2);
  await v2.open();
  const old = [
    annotation(doc, 0, 6, { id: 'x1', annotator: 'Aigerim', note: 'قَالَ 😀' }),
    annotation(doc, 9, 16, { id: 'x2', annotator: 'Aigerim' }),
    annotation(doc, 0, 6, { id: 'y1', annotator: 'Болат' }),
  ];
  await v2.table('articles').add(doc);
  await v2.table('annotations').add(mine);
  await v2.table('layerAnnotations').bulkAdd(old);
  v2.close();
  const db = openDatabase(name);
  await db.open();
  try {
    // Upgraded through v3 to the newest version (v4 added text replacement records, v5 label counts).
    assert.equal(db.verno, SCHEMA_VERSION);
    assert.deepEqual(db.tables.map((t) => t.name).sort(), [...LIBRARY_STORES]);
    const layers = await loadLayers(db, doc.id);
    assert.deepEqual(layers.own, [mine]);
    assert.deepEqual([...layers.others.keys()].sort(), ['Aigerim', 'Болат']);
    const got = [...layers.others.values()].flat().sort((a, b) => a.id.localeCompare(b.id));
    assert.deepEqual(got, old);
    // A colleague of the same name arriving with an id now is someone else.
    const r = await importExport(db, 'new.spanmark.json', bytes([annotation(doc, 20, 26, { id: 'z1', annotator: 'Aigerim', annotatorId: 'aig-id' })]), me);
    assert.ok(r.ok);
    assert.deepEqual(r.value.layers, [{ annotator: 'Aigerim (2)', annotations: 1 }]);
  } finally {
    db.close();
  }
});
