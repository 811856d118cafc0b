// Importing onto a library copy whose text changed, as stored (fake-indexeddb): the file's spans are
// re-anchored onto the library's text (mine and colleagues'), my moved spans wait for confirmation,
// spans that cannot be placed and the file's own orphans are listed whole, importing again changes
// nothing, a text changed meanwhile refuses the import, and an exported orphan stays an orphan.
// Also File › Replace text… with its placements computed ahead (as the Worker does): a span added
// while they were computed is placed too, and a failed computation changes nothing.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../renderer/db/db.js';
import { storeArticle } from '../../../renderer/db/articles-repo.js';
import { replaceArticleText } from '../../../renderer/anchoring/replace-text-repo.js';
import { placeOnLibraryCopies, storeImportReanchoring } from '../../../renderer/anchoring/import-reanchor.js';
import { importExport } from '../../../renderer/io/import.js';
import { exportDocuments } from '../../../renderer/io/export.js';
import { decodeForeign, storeForeign } from '../../../renderer/io/interop-import.js';
import { plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { Article, ParsedArticle } from '../../../src/document/article.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { encodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import { serializeSpanmark } from '../../../src/codecs/spanmark-v1/encode.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { decodeSpanmark } from '../../../src/codecs/spanmark/decode.js';
import { article, sha256Hex, T0 } from '../codecs/spanmark-v1-helpers.js';
import { mineById } from './stored-mine.js';
import { myLayerTables } from '../../../renderer/db/my-layer-store.js';
import { exportText } from './export-text.js';

const OLD = 'Troops 😀 arrived in Almaty on Friday.\nAt least 18 people were killed in the clashes.\nThe airport was closed by the army for two days.\n';
const NEW = 'Troops 😀 arrived in Almaty on Friday.\n\nA new paragraph about something else entirely.\n\nAt least 19 people were killed in the clashes.\n';
const me = { id: 'dana-install', name: 'Dana' };
const parsed = (text: string, title = 'Almaty'): ParsedArticle => ({ title, format: 'text', text, blocks: plainTextBlocks(text), metadata: {} });

function span(doc: Article, quote: string, id: string, extra: Partial<Annotation> = {}): Annotation {
  const start = doc.text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return {
    id,
    docId: doc.id,
    label: 'casualty',
    start,
    end: start + quote.length,
    quote,
    annotator: 'Dana',
    annotatorId: me.id,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

function fileOn(doc: Article, annotations: readonly Annotation[]): Uint8Array {
  const json = serializeSpanmark(
    encodeSpanmarkV2({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: 'test', schema: DEFAULT_SCHEMA }),
  );
  return new TextEncoder().encode(json);
}

const oldDoc = article(OLD, { title: 'Almaty' });
const fileSpans = [
  span(oldDoc, 'Troops 😀 arrived', 'a1', { note: 'n' }),
  span(oldDoc, 'At least 18 people', 'a2'),
  span(oldDoc, 'The airport was closed by the army', 'a3', { label: 'deployment' }),
  span(oldDoc, 'airport was closed', 'c1', { annotator: 'Aigerim', annotatorId: 'aigerim-install' }),
];

test('a file made on the old text lands on the library’s replaced copy (same id): placed, moved to confirm, orphans kept; again changes nothing', async () => {
  const db = openDatabase('import-reanchor-1');
  await db.open();
  try {
    const { article: stored } = await storeArticle(db, parsed(OLD));
    assert.equal(stored.id, oldDoc.id);
    assert.equal((await replaceArticleText(db, stored.id, parsed(NEW))).kind, 'replaced');
    const r = await importExport(db, 'old.spanmark.json', fileOn(oldDoc, fileSpans), me);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.deepEqual(r.value.docIds, [stored.id]);
    assert.deepEqual(r.value.reanchored, { documents: 1, spans: 4, moved: 1, orphans: 2, keptOrphans: 0 });
    assert.equal(r.value.newDocuments, 0);
    assert.equal(await db.articles.count(), 1);
    const own = await mineById(db);
    assert.deepEqual(
      own.map((a) => [a.id, a.docId, NEW.slice(a.start, a.end), a.quote]),
      [
        ['a1', stored.id, 'Troops 😀 arrived', 'Troops 😀 arrived'],
        ['a2', stored.id, 'At least 19 people', 'At least 19 people'],
      ],
    );
    assert.equal(await db.colleagueAnnotations.count(), 0);
    const rec = (await db.textReplacements.get(stored.id))!;
    assert.deepEqual(rec.moved, [{ id: 'a2', oldQuote: 'At least 18 people', oldStart: fileSpans[1]!.start, oldEnd: fileSpans[1]!.end }]);
    assert.deepEqual(
      rec.orphans.map((o) => [o.annotation.id, o.layer, o.annotation.quote, o.was?.start]),
      [
        ['a3', undefined, 'The airport was closed by the army', [...OLD.slice(0, fileSpans[2]!.start)].length],
        ['c1', 'id:aigerim-install', 'airport was closed', [...OLD.slice(0, fileSpans[3]!.start)].length],
      ],
    );
    assert.ok(rec.undo, 'the replacement stays undoable');

    const again = await importExport(db, 'old.spanmark.json', fileOn(oldDoc, fileSpans), me);
    assert.ok(again.ok);
    assert.equal(again.value.unchanged, 2);
    const rec2 = (await db.textReplacements.get(stored.id))!;
    assert.equal(rec2.moved.length, 1);
    assert.equal(rec2.orphans.length, 2);
  } finally {
    db.close();
  }
});

test('a copy opened fresh under the same title takes the spans instead of a second document; an unrelated one of that title does not', async () => {
  const db = openDatabase('import-reanchor-2');
  await db.open();
  try {
    const { article: edited } = await storeArticle(db, parsed(OLD.replace('18', '19'), 'Almaty'));
    const r = await importExport(db, 'old.spanmark.json', fileOn(oldDoc, fileSpans.slice(0, 2)), me);
    assert.ok(r.ok);
    assert.deepEqual(r.value.docIds, [edited.id]);
    assert.equal(await db.articles.count(), 1);
    assert.deepEqual(
      (await db.textReplacements.get(edited.id))!.moved.map((m) => m.id),
      ['a2'],
    );

    const db2 = openDatabase('import-reanchor-3');
    await db2.open();
    try {
      await storeArticle(db2, parsed('Football results from Europe: a draw in Madrid and a win in Milan on Sunday night.', 'Almaty'));
      const r2 = await importExport(db2, 'old.spanmark.json', fileOn(oldDoc, fileSpans.slice(0, 2)), me);
      assert.ok(r2.ok);
      assert.equal(r2.value.newDocuments, 1);
      assert.equal(r2.value.reanchored, undefined);
      assert.equal(await db2.articles.count(), 2);
    } finally {
      db2.close();
    }
  } finally {
    db.close();
  }
});

test('a text changed between placing and writing refuses the import; nothing is written', async () => {
  const db = openDatabase('import-reanchor-4');
  await db.open();
  try {
    const { article: stored } = await storeArticle(db, parsed(OLD));
    await replaceArticleText(db, stored.id, parsed(NEW));
    const decoded = await decodeSpanmark(new TextDecoder().decode(fileOn(oldDoc, fileSpans)), sha256Hex);
    assert.ok(decoded.ok);
    const onto = await placeOnLibraryCopies(db, decoded.value.documents, () => ({ kind: 'mine' }));
    await replaceArticleText(db, stored.id, parsed(`${NEW}One more line.\n`));
    await assert.rejects(
      db.transaction('rw', [db.articles, ...myLayerTables(db), db.textReplacements], () => storeImportReanchoring(db, onto.plans)),
      /changed during the import/,
    );
  } finally {
    db.close();
  }
});

test('orphans travel in the export and stay orphans when imported into another library', async () => {
  const db = openDatabase('import-reanchor-5');
  const other = openDatabase('import-reanchor-6');
  await db.open();
  await other.open();
  try {
    const { article: stored } = await storeArticle(db, parsed(OLD));
    await db.myLayerEdits.bulkAdd([
      span(stored, 'At least 18 people', 'a2'),
      span(stored, 'The airport was closed by the army', 'a3', { attributes: { count: { value: 2, qualifier: 'exact' } } }),
    ]);
    await replaceArticleText(db, stored.id, parsed(NEW));
    const out = await exportDocuments(db, [stored.id], 'test', me);
    const json = JSON.parse(exportText(out));
    assert.deepEqual(
      json.documents[0].orphans.map((o: { id: string; start: number; quote: string; suffix: string }) => [o.id, o.start, o.quote, o.suffix.slice(0, 9)]),
      [['a3', [...OLD.slice(0, OLD.indexOf('The airport'))].length, 'The airport was closed by the army', ' for two ']],
    );
    const r = await importExport(other, out.fileName, new TextEncoder().encode(exportText(out)), me);
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.equal(r.value.reanchored?.keptOrphans, 1);
    const rec = (await other.textReplacements.get(r.value.docIds[0]!))!;
    assert.deepEqual(
      rec.orphans.map((o) => [o.annotation.id, o.layer, o.annotation.quote, o.annotation.attributes]),
      [['a3', undefined, 'The airport was closed by the army', { count: { value: 2, qualifier: 'exact' } }]],
    );
    assert.deepEqual(
      (await mineById(other)).map((a) => a.id),
      ['a2'],
    );
    // Exported again from there, it is still the same orphan, where it was.
    const back = JSON.parse(exportText(await exportDocuments(other, r.value.docIds, 'test', me)));
    assert.deepEqual(
      back.documents[0].orphans.map((o: { id: string; start: number }) => [o.id, o.start]),
      json.documents[0].orphans.map((o: { id: string; start: number }) => [o.id, o.start]),
    );
  } finally {
    db.close();
    other.close();
  }
});

test('Replace text with placements computed ahead: a span added meanwhile is placed too; a failed computation changes nothing', async () => {
  const db = openDatabase('import-reanchor-7');
  await db.open();
  try {
    const { article: stored } = await storeArticle(db, parsed(OLD));
    await db.myLayerEdits.add(span(stored, 'Troops 😀 arrived', 'a1'));
    await assert.rejects(
      replaceArticleText(db, stored.id, parsed(NEW), T0, () => Promise.reject(new Error('worker died'))),
      /worker died/,
    );
    assert.equal((await db.articles.get(stored.id))!.text, OLD);
    const out = await replaceArticleText(db, stored.id, parsed(NEW), T0, async (oldText, newText, spans) => {
      assert.deepEqual(spans.length, 1);
      // The analyst tags while the worker computes.
      await db.myLayerEdits.add(span(stored, 'At least 18 people', 'a2'));
      const { reanchorText } = await import('../../../src/anchoring/reanchor.js');
      return reanchorText(oldText, newText, spans).all;
    });
    assert.deepEqual(out, { kind: 'replaced', exact: 1, moved: 1, orphans: 0 });
    const own = await mineById(db);
    assert.deepEqual(
      own.map((a) => NEW.slice(a.start, a.end)),
      ['Troops 😀 arrived', 'At least 19 people'],
    );
  } finally {
    db.close();
  }
});

test('another tool’s file (doccano) made on the old text lands on the library copy of that title: placed, moved, orphan; no second document', async () => {
  const db = openDatabase('import-reanchor-8');
  await db.open();
  try {
    const { article: stored } = await storeArticle(db, parsed(NEW, 'almaty'));
    assert.notEqual(stored.id, oldDoc.id);
    const cp = (quote: string) => {
      const start = [...OLD.slice(0, OLD.indexOf(quote))].length;
      return [start, start + [...quote].length];
    };
    const line = JSON.stringify({
      text: OLD,
      label: [
        [...cp('Troops 😀 arrived'), 'deployment'],
        [...cp('At least 18 people'), 'casualty'],
        [...cp('The airport was closed by the army'), 'deployment'],
      ],
    });
    const foreign = await decodeForeign([{ name: 'almaty.jsonl', bytes: new TextEncoder().encode(`${line}\n`) }]);
    assert.ok(foreign && foreign.result.problems.every((p) => p.severity !== 'error'), JSON.stringify(foreign?.result.problems));
    const decisions = Object.fromEntries(foreign.result.labels.map((l) => [l.id, { kind: 'map', to: l.id } as const]));
    const s = await storeForeign(db, 'almaty', foreign, decisions, me);
    assert.deepEqual(s.docIds, [stored.id]);
    assert.deepEqual(s.reanchored, { documents: 1, spans: 3, moved: 1, orphans: 1, keptOrphans: 0 });
    assert.equal(await db.articles.count(), 1);
    const own = await mineById(db);
    assert.deepEqual(own.map((a) => NEW.slice(a.start, a.end)).sort(), ['At least 19 people', 'Troops 😀 arrived']);
    const rec = (await db.textReplacements.get(stored.id))!;
    assert.deepEqual(
      rec.moved.map((m) => m.oldQuote),
      ['At least 18 people'],
    );
    assert.deepEqual(
      rec.orphans.map((o) => o.annotation.quote),
      ['The airport was closed by the army'],
    );
    // Again: nothing new is listed.
    await storeForeign(db, 'almaty', foreign, decisions, me);
    const rec2 = (await db.textReplacements.get(stored.id))!;
    assert.equal(rec2.moved.length, 1);
    assert.equal(rec2.orphans.length, 1);
  } finally {
    db.close();
  }
});
