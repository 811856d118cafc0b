// The library as stored (fake-indexeddb): deleting keeps every record of an article until the
// deletion is undone (then everything is exactly as before) or confirmed (then nothing of it is
// left, and nothing of any other article goes); archiving never touches a deleted article; my
// layer's label counts are read from their cache and worked out again only when the layer's stamp
// moved; a version 4 library upgrades to 5 with every record unchanged and the new indexes filled.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, SCHEMA_VERSION, type SpanmarkDb } from '../../../renderer/db/db.js';
import { articleRow } from '../../../renderer/db/article-rows.js';
import { storeArticle } from '../../../renderer/db/articles-repo.js';
import { bumpRevision, writeNow } from '../../../renderer/db/annotations-repo.js';
import { deletedIds, deleteArticles, purgeDeleted, putBack, restoreArticles, setArchived, type ShelfBefore } from '../../../renderer/library/shelf-repo.js';
import { colleaguesByDoc, readLibraryRows, withColleagues } from '../../../renderer/library/library-rows.js';
import { saveCounts } from '../../../renderer/library/layer-counts.js';
import { plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { Article, ParsedArticle } from '../../../src/document/article.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { T0 } from '../codecs/spanmark-v1-helpers.js';
import { oldLibrary } from './old-library.js';
import { mineById } from './stored-mine.js';

const idsOf = (marks: readonly ShelfBefore[]) => marks.map((m) => m.id).sort();
let n = 0;
const fresh = async (): Promise<SpanmarkDb> => {
  const db = openDatabase(`library-store-${n++}`);
  await db.open();
  return db;
};
const parsed = (text: string, title = 'T'): ParsedArticle => ({
  title,
  format: 'text',
  text,
  blocks: plainTextBlocks(text),
  metadata: { source: 'Reuters', tags: ['kz'] },
});
const ann = (docId: string, id: string, label: string, extra: Partial<Annotation> = {}): Annotation => ({
  id,
  docId,
  label,
  start: 0,
  end: 1,
  quote: 'x',
  annotator: 'me',
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

/**
 * Every table but the counts cache; the library's rows are checked to be the articles less their
 * texts, then left out (they are the articles), as is their pack (a copy of them, restamped by
 * every article write).
 */
async function everything(db: SpanmarkDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) if (!['layerCounts', 'articleRows', 'libraryPacks'].includes(t.name)) out[t.name] = await t.toArray();
  assert.deepEqual(await db.articleRows.toArray(), (out['articles'] as Article[]).map(articleRow));
  return out;
}

/** Two articles with every kind of record: my layer, a colleague's, a decision, a snapshot, a replacement. */
async function library(db: SpanmarkDb): Promise<[string, string, string]> {
  const ids: string[] = [];
  for (const text of ['Troops 😀 arrived in Almaty.', 'مرحبا\r\nAt least 18 people were killed.', 'e\u0301 third'])
    ids.push((await storeArticle(db, parsed(text))).article.id);
  for (const id of ids) {
    await db.myLayerEdits.bulkAdd([ann(id, `${id}-a`, 'claim'), ann(id, `${id}-b`, 'casualty')]);
    await db.colleagueAnnotations.add({ ...ann(id, `${id}-c`, 'claim', { annotator: 'Aigerim' }), layer: 'name:Aigerim' });
    await db.reviewDecisions.add({
      id: `${id}|Aigerim|${id}-c`,
      docId: id,
      annotator: 'Aigerim',
      annotationId: `${id}-c`,
      decision: 'rejected',
      decidedAt: T0,
    } as never);
    const stamp = await bumpRevision(db, id);
    await db.layerSnapshots.put({ docId: id, ...stamp, columns: {} as never });
    await db.textReplacements.put({ docId: id } as never);
  }
  await db.colleagueLayers.add({ key: 'name:Aigerim', displayName: 'Aigerim', annotator: 'Aigerim' });
  return ids as [string, string, string];
}

test('delete keeps every record; undo restores exactly, archived stays archived', async () => {
  const db = await fresh();
  try {
    const [a, b] = await library(db);
    await setArchived(db, [b], true);
    const before = await everything(db);
    const marks = await deleteArticles(db, [a, b, 'no-such-id']);
    assert.deepEqual(idsOf(marks), [a, b].sort());
    // Deleting again marks nothing new (the first time stands).
    assert.deepEqual(await deleteArticles(db, [a]), []);
    assert.deepEqual(await deletedIds(db), [a, b].sort());
    const deleted = await everything(db);
    for (const t of Object.keys(before)) if (t !== 'articles') assert.deepEqual(deleted[t], before[t], t);
    // A deleted article cannot be archived or unarchived behind the analyst's back.
    assert.deepEqual(await setArchived(db, [a, b], false), []);
    // Undo: the marks as they were before the deletion.
    assert.deepEqual(idsOf(await putBack(db, marks)), [a, b].sort());
    assert.deepEqual(await everything(db), before);
    assert.equal((await db.articles.get(b))?.archivedAt !== undefined, true);
    // Restore (from Deleted) then its undo: deleted again, with the very time it was deleted at.
    const deletedAgain = await deleteArticles(db, [a]);
    const deletedRecord = await db.articles.get(a);
    const restored = await restoreArticles(db, [a]);
    assert.equal((await db.articles.get(a))?.deletedAt, undefined);
    await putBack(db, restored);
    assert.deepEqual(await db.articles.get(a), deletedRecord);
    await putBack(db, deletedAgain);
    assert.deepEqual(await everything(db), before);
  } finally {
    db.close();
  }
});

test('unarchive then undo puts the archive time back exactly; an article emptied from Deleted since is skipped', async () => {
  const db = await fresh();
  try {
    const [a, b] = await library(db);
    await setArchived(db, [a, b], true);
    const archived = await everything(db);
    await new Promise((r) => setTimeout(r, 5)); // a later clock, so a new mark would differ
    const unarchived = await setArchived(db, [a, b], false);
    assert.deepEqual(idsOf(unarchived), [a, b].sort());
    assert.equal((await db.articles.get(a))?.archivedAt, undefined);
    await putBack(db, unarchived);
    assert.deepEqual(await everything(db), archived);
    const marks = await deleteArticles(db, [a]);
    await purgeDeleted(db, [a]);
    assert.deepEqual(await putBack(db, marks), []);
    assert.equal(await db.articles.get(a), undefined);
  } finally {
    db.close();
  }
});

test('emptying Deleted removes every record of the deleted articles and nothing of the others', async () => {
  const db = await fresh();
  try {
    const [a, b, c] = await library(db);
    await deleteArticles(db, [a, c]);
    await restoreArticles(db, [c]);
    const before = await everything(db);
    // Only articles still marked go: c was restored, b never deleted.
    assert.deepEqual(await purgeDeleted(db, [a, b, c]), [a]);
    const after = await everything(db);
    for (const [t, rows] of Object.entries(after)) {
      const left = (rows as { id?: string; docId?: string }[]).filter((r) => r.docId === a || (t === 'articles' && r.id === a));
      assert.deepEqual(left, [], t);
      const others = (before[t] as { id?: string; docId?: string }[]).filter((r) => r.docId !== a && !(t === 'articles' && r.id === a));
      assert.deepEqual(rows, others, t);
    }
    // The colleague is one person across the library: their layer's name stays.
    assert.equal(await db.colleagueLayers.count(), 1);
    assert.deepEqual(await purgeDeleted(db, []), []);
  } finally {
    db.close();
  }
});

test('opening a deleted article’s text again brings it back with its annotations', async () => {
  const db = await fresh();
  try {
    const [a] = await library(db);
    await deleteArticles(db, [a]);
    const again = await storeArticle(db, parsed('Troops 😀 arrived in Almaty.'));
    assert.equal(again.existed, true);
    assert.equal(again.article.deletedAt, undefined);
    assert.equal((await db.articles.get(a))?.deletedAt, undefined);
    assert.equal(await db.myLayerEdits.where('docId').equals(a).count(), 2);
  } finally {
    db.close();
  }
});

test('label counts: counted once, then read from the cache until the layer’s stamp moves', async () => {
  const db = await fresh();
  try {
    const [a, b] = await library(db);
    const first = await readLibraryRows(db);
    assert.equal(first.recounted.length, 3);
    assert.deepEqual(first.rows.find((r) => r.id === a)?.counts, { claim: 1, casualty: 1 });
    assert.deepEqual(withColleagues(first.rows, await colleaguesByDoc(db)).find((r) => r.id === a)?.colleagues, ['Aigerim']);
    assert.equal(await saveCounts(db, first.recounted), 3);
    // Proof the annotations are not read: a record removed behind the stamp's back is not noticed.
    await db.myLayerEdits.delete([a, `${a}-a`]);
    const second = await readLibraryRows(db);
    assert.equal(second.recounted.length, 0);
    assert.deepEqual(second.rows.find((r) => r.id === a)?.counts, { claim: 1, casualty: 1 });
    // Every real write moves the stamp (here the one every edit goes through), and that document alone is counted again.
    const { revision, writer } = (await db.layerRevisions.get(b))!;
    const w = writeNow(
      db,
      { kind: 'create', annotation: ann(b, `${b}-new`, 'deployment', { updatedAt: '2030-01-01T00:00:00.000Z' }) },
      { revision, ...(writer ? { writer } : {}) },
    );
    await w.committed;
    const third = await readLibraryRows(db);
    assert.deepEqual(
      third.recounted.map((r) => r.docId),
      [b],
    );
    const rowB = third.rows.find((r) => r.id === b)!;
    assert.deepEqual(rowB.counts, { claim: 1, casualty: 1, deployment: 1 });
    assert.equal(rowB.lastEdited, '2030-01-01T00:00:00.000Z');
    // A stale summary is not stored over a newer write.
    await bumpRevision(db, b);
    assert.equal(await saveCounts(db, third.recounted), 0);
  } finally {
    db.close();
  }
});

test('label counts are stored in steps, each record checked against its own stamp', async () => {
  const db = await fresh();
  try {
    const ids = ['d1', 'd2 🇰🇿', 'd3', 'مستند', 'd5'];
    for (const id of ids) await bumpRevision(db, id);
    const records = ids.map((docId) => ({ docId, revision: 1, counts: { claim: docId.length } }));
    // d3's layer moves on after it was counted: its summary is stale and must not be stored.
    await bumpRevision(db, 'd3');
    const stamped = await db.layerRevisions.bulkGet(ids);
    const withWriters = records.map((r, i) => (stamped[i]?.writer === undefined ? r : { ...r, writer: stamped[i].writer }));
    assert.equal(await saveCounts(db, withWriters, 2), 4);
    assert.deepEqual((await db.layerCounts.orderBy('docId').primaryKeys()).sort(), ids.filter((id) => id !== 'd3').sort());
    assert.equal(await saveCounts(db, [], 2), 0);
  } finally {
    db.close();
  }
});

test('a version 4 library upgrades to 5 with every record unchanged; the indexes serve the filters; counts come out right', async () => {
  const name = 'library-store-upgrade';
  const v4 = oldLibrary(name, 4);
  await v4.open();
  const text = 'Troops 😀 arrived\r\nin Almaty.';
  const article = (id: string, metadata: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    id,
    sha256: id,
    title: `T ${id}`,
    format: 'text',
    text,
    blocks: plainTextBlocks(text),
    metadata,
    addedAt: T0,
    ...extra,
  });
  const records: Record<string, unknown[]> = {
    articles: [
      article('d1', { source: 'Reuters', date: '2022-01-07', tags: ['kz', 'army'] }, { workStatus: 'done' }),
      article('d2', { source: 'مرحبا', tags: [] }),
      // Malformed metadata a feed might have left: not indexable, but kept as it is.
      article('d3', { source: 42, date: null, tags: 'kz' }),
      article('d4', {}),
    ],
    annotations: [ann('d1', 'a1', 'claim'), ann('d1', 'a2', 'claim'), ann('d2', 'a3', '__proto__')],
    settings: [{ key: 'lastDocId', value: 'd1' }],
    colleagueAnnotations: [{ ...ann('d1', 'c1', 'claim'), layer: 'name:x' }],
    colleagueLayers: [{ key: 'name:x', displayName: 'x', annotator: 'x' }],
    reviewDecisions: [{ id: 'd1|x|c1', docId: 'd1', annotator: 'x', annotationId: 'c1', decision: 'rejected', decidedAt: T0 }],
    layerRevisions: [{ docId: 'd1', revision: 3, writer: 'w' }],
    layerSnapshots: [{ docId: 'd1', revision: 3, writer: 'w', columns: {} }],
    textReplacements: [{ docId: 'd2', orphans: [] }],
  };
  for (const [table, rows] of Object.entries(records)) await v4.table(table).bulkAdd(rows);
  v4.close();
  const db = openDatabase(name);
  await db.open();
  try {
    assert.equal(db.verno, SCHEMA_VERSION); // through 5 to the newest
    // My layer's records became chunks (schema 9): read as the app reads them.
    for (const [table, rows] of Object.entries(records))
      assert.deepEqual(table === 'annotations' ? await mineById(db) : await db.table(table).toArray(), rows, table);
    assert.deepEqual(await db.articles.where('metadata.source').equals('Reuters').primaryKeys(), ['d1']);
    // A lone string where tags belong is indexed as one tag (IndexedDB's multiEntry rule); a number is not indexed at all.
    assert.deepEqual(await db.articles.where('metadata.tags').equals('kz').primaryKeys(), ['d1', 'd3']);
    assert.deepEqual(await db.articles.where('metadata.source').equals(42).primaryKeys(), ['d3']);
    assert.deepEqual(await db.articles.where('workStatus').equals('done').primaryKeys(), ['d1']);
    assert.deepEqual(await db.articles.where('metadata.date').between('2022-01-01', '2022-12-31', true, true).primaryKeys(), ['d1']);
    assert.deepEqual(await deletedIds(db), []);
    const { rows } = await readLibraryRows(db);
    assert.deepEqual(
      rows.map((r) => [r.id, r.counts]),
      [
        ['d1', { claim: 2 }],
        ['d2', JSON.parse('{"__proto__":1}')],
        ['d3', {}],
        ['d4', {}],
      ],
    );
  } finally {
    db.close();
  }
});
