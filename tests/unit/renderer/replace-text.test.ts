// File › Replace text… as stored (fake-indexeddb): one transaction re-anchors every layer, keeps
// the article's id, lists orphans whole, and its undo restores the old text and records exactly;
// the database upgrade from version 3 carries every record over unchanged.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../renderer/db/db.js';
import { storeArticle } from '../../../renderer/db/articles-repo.js';
import { confirmMoved, replaceArticleText, undoReplacement } from '../../../renderer/anchoring/replace-text-repo.js';
import { plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { ParsedArticle } from '../../../src/document/article.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { bumpRevision, loadLayers } from '../../../renderer/db/annotations-repo.js';
import { readMineOf } from '../../../renderer/db/my-layer-store.js';
import { sortAnnotations } from '../../../src/annotations/commands.js';
import { T0 } from '../codecs/spanmark-v1-helpers.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { importExport } from '../../../renderer/io/import.js';
import { oldLibrary } from './old-library.js';
import { mineById, storedMine } from './stored-mine.js';

const parsed = (text: string): ParsedArticle => ({ title: 'T', format: 'text', text, blocks: plainTextBlocks(text), metadata: {} });
const span = (docId: string, text: string, quote: string, id: string, extra: Partial<Annotation> = {}): Annotation => {
  const start = text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return { id, docId, label: 'casualty', start, end: start + quote.length, quote, annotator: 'me', createdAt: T0, updatedAt: T0, ...extra };
};

const OLD = 'Troops 😀 arrived in Almaty on Friday.\nAt least 18 people were killed in the clashes.\nThe airport was closed by the army for two days.\n';
const NEW = 'Troops 😀 arrived in Almaty on Friday.\n\nA new paragraph about something else entirely.\n\nAt least 19 people were killed in the clashes.\n';

test('replacing re-anchors mine and colleagues’ layers in one step, keeps the id, and undo restores exactly', async () => {
  const db = openDatabase('replace-text-1');
  await db.open();
  try {
    const { article } = await storeArticle(db, parsed(OLD));
    const troops = span(article.id, OLD, 'Troops 😀 arrived', 'a1', { note: 'n', attributes: { x: 'y' } });
    const killed = span(article.id, OLD, 'At least 18 people', 'a2');
    const airport = span(article.id, OLD, 'The airport was closed by the army', 'a3', { note: 'gone', label: 'deployment' });
    await db.myLayerEdits.bulkAdd([troops, killed, airport]);
    const theirs = { ...span(article.id, OLD, 'airport was closed', 'c1', { annotator: 'Aigerim' }), layer: 'name:Aigerim' as const };
    const theirsKept = { ...span(article.id, OLD, 'Almaty on Friday', 'c2', { annotator: 'Aigerim' }), layer: 'name:Aigerim' as const };
    await db.colleagueAnnotations.bulkAdd([theirs, theirsKept]);
    const beforeOwn = await mineById(db);

    const out = await replaceArticleText(db, article.id, parsed(NEW), '2026-01-01T00:00:00.000Z');
    assert.deepEqual(out, { kind: 'replaced', exact: 1, moved: 1, orphans: 2 });
    const stored = (await db.articles.get(article.id))!;
    assert.equal(stored.text, NEW);
    assert.equal(await db.articles.count(), 1);
    const own = await mineById(db);
    assert.deepEqual(
      own.map((a) => [a.id, NEW.slice(a.start, a.end), a.quote]),
      [
        ['a1', 'Troops 😀 arrived', 'Troops 😀 arrived'],
        ['a2', 'At least 19 people', 'At least 19 people'],
      ],
    );
    assert.equal((await db.colleagueAnnotations.toArray()).length, 1);
    const rec = (await db.textReplacements.get(article.id))!;
    assert.deepEqual(rec.moved, [{ id: 'a2', oldQuote: 'At least 18 people', oldStart: killed.start, oldEnd: killed.end }]);
    assert.deepEqual(
      rec.orphans.map((o) => [o.annotation, o.layer]),
      [
        [airport, undefined],
        [theirs, 'name:Aigerim'],
      ],
    );
    // Written whole in text order: opening reads the layer from its chunks, equal to the records.
    const opened = await loadLayers(db, article.id);
    assert.equal(opened.fromSnapshot, true, 'the replaced layer opens from its chunks');
    assert.deepEqual(opened.own, sortAnnotations(await readMineOf(db, article.id)));
    // The new text, opened again, finds the same document, not a copy.
    const again = await storeArticle(db, parsed(NEW));
    assert.equal(again.existed, true);
    assert.equal(again.article.id, article.id);

    await confirmMoved(db, article.id, ['a2']);
    assert.deepEqual((await db.textReplacements.get(article.id))!.moved, []);

    assert.equal(await undoReplacement(db, article.id), 'undone');
    assert.deepEqual((await loadLayers(db, article.id)).own, sortAnnotations(beforeOwn), 'undone, the layer opens as it was');
    assert.equal(await undoReplacement(db, article.id), 'nothing');
    assert.deepEqual(await db.articles.get(article.id), article);
    assert.deepEqual(await mineById(db), beforeOwn);
    assert.deepEqual(
      (await db.colleagueAnnotations.toArray()).sort((x, y) => x.id.localeCompare(y.id)),
      [theirs, theirsKept],
    );
    assert.equal(await db.textReplacements.get(article.id), undefined);
  } finally {
    db.close();
  }
});

test('an identical text changes nothing; a text stored as another article is refused', async () => {
  const db = openDatabase('replace-text-2');
  await db.open();
  try {
    const { article } = await storeArticle(db, parsed(OLD));
    await db.myLayerEdits.add(span(article.id, OLD, 'Almaty', 'a1'));
    const rev = await db.layerRevisions.toArray();
    assert.deepEqual(await replaceArticleText(db, article.id, parsed(OLD)), { kind: 'identical' });
    assert.deepEqual(await db.layerRevisions.toArray(), rev);
    assert.deepEqual(await db.articles.get(article.id), article);
    assert.equal(await db.textReplacements.count(), 0);
    const other = await storeArticle(db, { ...parsed('Another text, CRLF-free, RTL שלום, e\u0301.'), title: 'Other' });
    assert.deepEqual(await replaceArticleText(db, article.id, parsed(other.article.text)), { kind: 'taken', title: 'Other' });
    assert.deepEqual(await db.articles.get(article.id), article);
  } finally {
    db.close();
  }
});

test('a second replacement keeps the first one’s orphans and unconfirmed spans; undo goes back one step', async () => {
  const db = openDatabase('replace-text-3');
  await db.open();
  try {
    const { article } = await storeArticle(db, parsed(OLD));
    await db.myLayerEdits.bulkAdd([span(article.id, OLD, 'At least 18 people', 'a2'), span(article.id, OLD, 'The airport was closed by the army', 'a3')]);
    await replaceArticleText(db, article.id, parsed(NEW));
    const first = (await db.textReplacements.get(article.id))!;
    const third = NEW.replace('Troops', 'Soldiers');
    assert.equal((await replaceArticleText(db, article.id, parsed(third))).kind, 'replaced');
    const second = (await db.textReplacements.get(article.id))!;
    assert.deepEqual(second.moved, first.moved);
    assert.deepEqual(second.orphans, first.orphans);
    // An edit after the replacement is not thrown away by an undo unless the analyst says so.
    const a2 = (await storedMine(db, 'a2'))!;
    await db.myLayerEdits.put({ ...a2, note: 'later' });
    await bumpRevision(db, article.id);
    assert.equal(await undoReplacement(db, article.id), 'edited-since');
    assert.equal((await db.articles.get(article.id))!.text, third);
    assert.equal(await undoReplacement(db, article.id, true), 'undone');
    const back = (await db.textReplacements.get(article.id))!;
    assert.deepEqual([back.moved, back.orphans, back.undo], [first.moved, first.orphans, undefined]);
    assert.equal((await db.articles.get(article.id))!.text, NEW);
  } finally {
    db.close();
  }
});

test('a version 3 library upgrades with every record unchanged', async () => {
  const name = 'replace-text-upgrade';
  const v3 = oldLibrary(name, 3);
  await v3.open();
  const art = { id: 'd', sha256: 'd', title: 'T', format: 'text', text: OLD, blocks: plainTextBlocks(OLD), metadata: {}, addedAt: T0 };
  const records: Record<string, unknown[]> = {
    articles: [art],
    annotations: [span('d', OLD, 'Almaty', 'a1')],
    settings: [{ key: 'lastDocId', value: 'd' }],
    colleagueAnnotations: [{ ...span('d', OLD, 'Friday', 'c1'), layer: 'name:x' }],
    colleagueLayers: [{ key: 'name:x', displayName: 'x', annotator: 'x' }],
    reviewDecisions: [{ id: 'd|x|c1', docId: 'd', annotator: 'x', annotationId: 'c1', decision: 'rejected', decidedAt: T0 }],
    layerRevisions: [{ docId: 'd', revision: 3, writer: 'w' }],
    layerSnapshots: [{ docId: 'd', revision: 3, writer: 'w', columns: {} }],
  };
  for (const [table, rows] of Object.entries(records)) await v3.table(table).bulkAdd(rows);
  v3.close();
  const db = openDatabase(name);
  await db.open();
  try {
    // My layer's records became chunks (schema 9): read as the app reads them.
    for (const [table, rows] of Object.entries(records))
      assert.deepEqual(table === 'annotations' ? await mineById(db) : await db.table(table).toArray(), rows, table);
    assert.equal((await db.articles.where('sha256').equals('d').first())?.id, 'd');
    assert.equal(await db.textReplacements.count(), 0);
  } finally {
    db.close();
  }
});

test('the export of a replaced article imports into that article, not into a copy', async () => {
  const db = openDatabase('replace-text-import');
  await db.open();
  try {
    const { article } = await storeArticle(db, parsed(OLD));
    await db.myLayerEdits.add(span(article.id, OLD, 'At least 18 people', 'a2'));
    await replaceArticleText(db, article.id, parsed(NEW));
    const replaced = (await db.articles.get(article.id))!;
    const colleague = span(replaced.id, NEW, 'Almaty on Friday', 'c9', { annotator: 'Aigerim', annotatorId: 'aigerim-install' });
    const json = serializeSpanmarkV1(
      encodeSpanmarkV1({ documents: [{ article: replaced, annotations: [colleague] }], exportedAt: T0, generatorVersion: '0.1.0' }),
    );
    const r = await importExport(db, 'theirs.spanmark.json', new TextEncoder().encode(json), { id: 'me-install', name: 'me' });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.deepEqual(r.value.docIds, [article.id]);
    assert.equal(await db.articles.count(), 1);
    const theirs = await db.colleagueAnnotations.toArray();
    assert.deepEqual(
      theirs.map((a) => [a.docId, NEW.slice(a.start, a.end)]),
      [[article.id, 'Almaty on Friday']],
    );
  } finally {
    db.close();
  }
});
