// The library's rows (articleRows, fake-indexeddb): after every way the app writes articles (store,
// details, status, shelf and its undo, for-good deletion, feed import, Spanmark and foreign import,
// Replace text and its undo) and every shape of Dexie write (put, update, modify by criteria,
// upsert, partial bulk failure, deletes by key, index and range, clear), the rows are exactly the
// articles less their texts and blocks; a transaction that fails leaves both as they were; the
// rows cannot be written directly; a version 5 library upgrades with its rows filled; the library
// reads no article, and its live query follows an edit to one. The rows' pack (rows-pack.ts): read
// instead of the rows while current, never after any of those writes, never stored stale. A row
// joined with a session's text (rowWithText) only while the row names that text.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Dexie, { liveQuery, type DBCore } from 'dexie';
import { openDatabase, SCHEMA_VERSION, type SpanmarkDb } from '../../../renderer/db/db.js';
import { articleRow, rowWithText } from '../../../renderer/db/article-rows.js';
import { readArticleRows, storeRowsPack } from '../../../renderer/db/rows-pack.js';
import { setReviewStatus, storeArticle } from '../../../renderer/db/articles-repo.js';
import { noteTagged, saveArticleDetails, setWorkStatus } from '../../../renderer/library/article-details-repo.js';
import { deleteArticles, purgeDeleted, putBack, restoreArticles, setArchived } from '../../../renderer/library/shelf-repo.js';
import { readLibraryRows } from '../../../renderer/library/library-rows.js';
import { importCorpus } from '../../../renderer/io/corpus-import.js';
import { importExport } from '../../../renderer/io/import.js';
import { decodeForeign, storeForeign } from '../../../renderer/io/interop-import.js';
import { replaceArticleText, undoReplacement } from '../../../renderer/anchoring/replace-text-repo.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { Article, ParsedArticle } from '../../../src/document/article.js';
import { annotation, article, T0 } from '../codecs/spanmark-v1-helpers.js';
import { oldLibrary } from './old-library.js';
import { withDb } from './with-db.js';

const TIMEOUT = { timeout: 30_000 };
const me = { id: 'my-install', name: 'analyst' };
let n = 0;

const NASTY = ['Troops 😀 arrived in Almaty.', 'مرحبا\r\nAt least 18 people were killed.', 'e\u0301 café, combining marks', '', 'x'.repeat(3 * 1024 * 1024)];
const parsed = (text: string, title = 'T'): ParsedArticle => ({
  title,
  format: 'text',
  text,
  blocks: plainTextBlocks(text),
  metadata: { source: 'Reuters 🇰🇿', tags: ['kz', 'مرحبا'] },
});

/**
 * The invariant: the rows are exactly the articles less their texts and blocks, key for key, and
 * so are the rows the library reads (from their pack when it is current). The pack is then stored
 * as the library stores it, so the next write starts from a current pack it must not leave current.
 */
async function assertInStep(db: SpanmarkDb, what: string): Promise<void> {
  const [articles, rows] = await Promise.all([db.articles.toArray(), db.articleRows.toArray()]);
  assert.deepEqual(rows, articles.map(articleRow), what);
  for (const r of rows) assert.ok(!('text' in r) && !('blocks' in r), `${what}: a row holds its text`);
  const read = await readArticleRows(db);
  assert.deepEqual(read.rows, rows, `${what}: the rows the library reads`);
  if (read.toPack) assert.equal(await storeRowsPack(db, read.toPack), true, `${what}: the pack is stored`);
}

/** Records each read of a table (get, getMany, query, openCursor; the articles unless named) made through Dexie. */
function spyOnReads(reads: string[], table = 'articles'): (db: SpanmarkDb) => void {
  return (db) =>
    void db.use({
      stack: 'dbcore',
      name: 'ReadSpy',
      level: 20,
      create: (down: DBCore) => ({
        ...down,
        table: (name: string) => {
          const t = down.table(name);
          if (name !== table) return t;
          const note = (what: string): void => void reads.push(what);
          return {
            ...t,
            get: (req) => (note('get'), t.get(req)),
            getMany: (req) => (note('getMany'), t.getMany(req)),
            query: (req) => (note('query'), t.query(req)),
            openCursor: (req) => (note('openCursor'), t.openCursor(req)),
          };
        },
      }),
    });
}

const withFreshDb = (run: (db: SpanmarkDb) => Promise<void>, prepare?: (db: SpanmarkDb) => void): Promise<void> => withDb(`article-rows-${n++}`, run, prepare);

test('every write path of the app keeps the rows equal to the articles less their texts', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const ids: string[] = [];
    for (const [i, text] of NASTY.entries()) ids.push((await storeArticle(db, parsed(text, `title ${i} ‏עברית`))).article.id);
    await assertInStep(db, 'storeArticle');
    assert.equal(await db.articleRows.count(), NASTY.length);
    const [a, b, c, d] = ids as [string, string, string, string];

    await saveArticleDetails(db, a, 'Edited 😀 e\u0301 مرحبا\r\n', { source: 'AP', date: '2022-01-07', tags: [], author: '‮rtl' });
    await assertInStep(db, 'details edit');
    await saveArticleDetails(db, b, '', {});
    await assertInStep(db, 'details emptied');
    await setWorkStatus(db, a, 'done');
    await assertInStep(db, 'work status');
    assert.equal(await noteTagged(db, b), 'in-progress');
    await assertInStep(db, 'noteTagged');
    await setReviewStatus(db, c, 'in-review');
    await assertInStep(db, 'review status');

    const archived = await setArchived(db, [a, b], true);
    await assertInStep(db, 'archive');
    const deleted = await deleteArticles(db, [b, c, 'no-such-id']);
    await assertInStep(db, 'delete');
    await putBack(db, deleted);
    await assertInStep(db, 'undo delete');
    await putBack(db, archived);
    await assertInStep(db, 'undo archive');
    await deleteArticles(db, [c, d]);
    await restoreArticles(db, [d]);
    await assertInStep(db, 'restore');
    // Opening a deleted article's text again undoes its deletion.
    await deleteArticles(db, [d]);
    assert.equal((await storeArticle(db, parsed(NASTY[3]!))).existed, true);
    await assertInStep(db, 'reopened deleted');
    assert.deepEqual(await purgeDeleted(db, [a, c, d]), [c]);
    await assertInStep(db, 'confirm delete');
    assert.equal(await db.articleRows.get(c), undefined);
    await db.articles.bulkDelete([d, 'no-such-id']);
    await assertInStep(db, 'bulkDelete');
    assert.equal(await db.articleRows.count(), 3);
  }),
);

test('feed import, Spanmark import and a foreign file add rows with their articles', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const enc = (s: string) => new TextEncoder().encode(s);
    const feed = [
      { text: 'Protesters 🇰🇿 gathered.', title: 'Almaty', source: 'Reuters', date: '2022-01-05T10:00:00Z', tags: ['protest'] },
      { text: 'مرحبا — second.', language: 'ar' },
      '{"text": oops}',
      { text: 'e\u0301\r\nthird' },
    ];
    const summary = await importCorpus(
      db,
      [{ name: 'feed.jsonl', bytes: enc(feed.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')) }],
      () => undefined,
      () => false,
      2,
    );
    assert.equal(summary.added, 3);
    await assertInStep(db, 'feed import');

    const doc = article('Imported 😀 text in Алматы. قَالَ', { title: 'from a colleague', metadata: { source: 'TASS', tags: ['x'] } });
    const file = encodeSpanmarkV1({
      documents: [{ article: doc, annotations: [annotation(doc, 0, 8, { annotator: 'Aigerim', annotatorId: 'aig' })] }],
      exportedAt: T0,
      generatorVersion: 't',
      exportedBy: { id: 'aig', name: 'Aigerim' },
    });
    const r = await importExport(db, 'theirs.spanmark.json', enc(serializeSpanmarkV1(file)), me);
    assert.ok(r.ok, JSON.stringify(r));
    await assertInStep(db, 'spanmark import');
    assert.equal((await db.articleRows.get(doc.id))?.title, 'from a colleague');

    const foreign = await decodeForeign([
      { name: 'doccano.jsonl', bytes: enc(`${JSON.stringify({ text: 'A doccano 😀 text.', label: [[0, 1, 'claim']] })}\n`) },
    ]);
    assert.ok(foreign);
    const decisions = Object.fromEntries(foreign.result.labels.map((l) => [l.id, { kind: 'map', to: l.id } as const]));
    const s = await storeForeign(db, 'doccano', foreign, decisions, me);
    assert.equal(s.docIds.length, 1);
    await assertInStep(db, 'foreign import');
    assert.equal(await db.articleRows.count(), 5);
  }),
);

test('Replace text and its undo keep the row (no text in it) and its id', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const OLD = 'Troops 😀 arrived in Almaty on Friday.\nAt least 18 people were killed.\n';
    const NEW = 'Troops 😀 arrived in Almaty on Friday.\r\n\nمرحبا\nAt least 19 people were killed.\n';
    const { article: a } = await storeArticle(db, parsed(OLD, 'before'));
    await storeArticle(db, parsed('another'));
    const out = await replaceArticleText(db, a.id, { ...parsed(NEW, 'after'), metadata: { source: 'AP' } }, '2026-01-01T00:00:00.000Z');
    assert.equal(out.kind, 'replaced');
    await assertInStep(db, 'replace');
    assert.equal(await undoReplacement(db, a.id), 'undone');
    await assertInStep(db, 'undo replace');
  }),
);

test('every shape of Dexie write is mirrored: put, update, modify, upsert, partial failure, deletes by key, index, range and clear', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const docs = NASTY.slice(0, 4).map((t, i) => article(`${t} ${i}`, { title: `t${i}`, metadata: { tags: [`g${i % 2}`] } }));
    await db.articles.bulkAdd(docs);
    await assertInStep(db, 'bulkAdd');
    await db.articles.put({ ...docs[0]!, title: 'put 😀' });
    await db.articles.bulkPut([{ ...docs[1]!, title: 'bulkPut' }, article('new via bulkPut')]);
    await assertInStep(db, 'put');
    await db.articles.update(docs[2]!.id, { 'metadata.source': 'nested keypath', workStatus: 'done' });
    await db.articles.bulkUpdate([{ key: docs[3]!.id, changes: { title: 'bulkUpdate' } }]);
    await db.articles.upsert('upserted', { id: 'upserted', sha256: 'u', title: 'upsert', format: 'text', text: 'u', blocks: [], metadata: {}, addedAt: T0 });
    await assertInStep(db, 'update, bulkUpdate, upsert');
    await db.articles.where('metadata.tags').equals('g0').modify({ archivedAt: T0 });
    await db.articles
      .where('metadata.tags')
      .equals('g1')
      .modify((x: { title: string }) => {
        x.title = `${x.title} (modified)`;
      });
    await db.articles.toCollection().modify({ reviewStatus: 'reviewed' });
    await assertInStep(db, 'modify');
    // A bulk add that partly fails, caught inside its transaction: the one that went in has its row, the refused one keeps its own.
    await db.transaction('rw', db.articles, async () => {
      await assert.rejects(db.articles.bulkAdd([{ ...docs[0]!, title: 'duplicate' }, article('fresh one')]), (e: Error) => e.name === 'BulkError');
    });
    await assertInStep(db, 'partial bulkAdd');
    assert.equal((await db.articleRows.get(docs[0]!.id))?.title, 'put 😀');
    await db.articles.delete(docs[0]!.id);
    await db.articles.where('archivedAt').above('').delete();
    await assertInStep(db, 'delete by key and by index');
    await db.articles.where(':id').between('0', 'u').delete();
    await assertInStep(db, 'delete by range');
    assert.ok((await db.articleRows.count()) > 0);
    await db.articles.clear();
    await assertInStep(db, 'clear');
    assert.equal(await db.articleRows.count(), 0);
  }),
);

test('a transaction that fails leaves the articles and their rows as they were', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const { article: a } = await storeArticle(db, parsed('Troops 😀 arrived.'));
    const before = await db.articleRows.toArray();
    await assert.rejects(
      db.transaction('rw', [db.articles, db.myLayerEdits], async () => {
        await db.articles.update(a.id, { title: 'never' });
        await db.articles.add(article('never added'));
        await db.articles.delete(a.id);
        throw new Error('boom');
      }),
      /boom/,
    );
    await assertInStep(db, 'after the failed transaction');
    assert.deepEqual(await db.articleRows.toArray(), before);
  }),
);

test('the rows cannot be written directly, only through their articles', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const { article: a } = await storeArticle(db, parsed('Troops 😀 arrived.'));
    await assertInStep(db, 'before');
    await assert.rejects(db.articleRows.put({ ...articleRow(a), title: 'forged' }), /copy of articles/);
    await assert.rejects(db.articleRows.delete(a.id), /copy of articles/);
    await assert.rejects(db.articleRows.clear(), /copy of articles/);
    await assert.rejects(db.table('libraryPacks').put({ key: 'rows-stamp', stamp: 'forged' }), /copy of articles/);
    await assert.rejects(db.table('libraryPacks').clear(), /copy of articles/);
    await assertInStep(db, 'after the refused writes');
  }),
);

test('the rows’ pack: read instead of the rows while current, stored only for the stamp it was read under', TIMEOUT, () => {
  const reads: string[] = [];
  return withFreshDb(
    async (db) => {
      const empty = await readArticleRows(db);
      assert.deepEqual(empty.rows, []);
      // A library never written since version 7 has no stamp: its pack is stored with the first one.
      assert.equal(empty.toPack?.stamp, '');
      assert.equal(await storeRowsPack(db, empty.toPack), true);
      for (const text of NASTY) await storeArticle(db, parsed(text, `${text.slice(0, 5)} 😀`));
      const first = await readArticleRows(db);
      assert.equal(first.rows.length, NASTY.length);
      assert.ok(first.toPack && first.toPack.stamp !== '');
      // An article written between the read and the store: that pack would not hold it.
      const { article: late } = await storeArticle(db, parsed('Late 🇰🇿 article', 'late'));
      assert.equal(await storeRowsPack(db, first.toPack), false);
      const second = await readArticleRows(db);
      assert.equal(second.rows.length, NASTY.length + 1);
      assert.equal(await storeRowsPack(db, second.toPack!), true);
      reads.length = 0;
      const packed = await readArticleRows(db);
      assert.equal(packed.toPack, undefined);
      assert.deepEqual(reads, [], 'the rows table is not read while the pack is current');
      assert.deepEqual(packed.rows, await db.articleRows.toArray());
      // Any write to an article leaves the pack behind.
      await db.articles.update(late.id, { title: 'renamed' });
      assert.equal((await readArticleRows(db)).rows.find((r) => r.id === late.id)?.title, 'renamed');
    },
    spyOnReads(reads, 'articleRows'),
  );
});

test('a version 5 library upgrades to 6 with every article unchanged and its rows filled; then they stay in step', TIMEOUT, async () => {
  const name = 'article-rows-upgrade';
  const v5 = oldLibrary(name, 5);
  await v5.open();
  const articles: Article[] = [
    article(NASTY[0]!, { title: 'مرحبا', metadata: { source: 'Reuters', date: '2022-01-07', tags: ['kz'] }, workStatus: 'done', reviewStatus: 'reviewed' }),
    article(NASTY[1]!, { archivedAt: T0, blocks: plainTextBlocks(NASTY[1]!) }),
    article(NASTY[2]!, { deletedAt: T0, title: '' }),
    article(NASTY[4]!, { metadata: { source: 42, tags: 'kz' } as never }),
  ];
  await v5.table('articles').bulkAdd(articles);
  await v5.table('annotations').add(annotation(articles[0]!, 0, 6));
  v5.close();
  const db = openDatabase(name);
  await db.open();
  try {
    assert.equal(db.verno, SCHEMA_VERSION);
    const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : 1);
    assert.deepEqual(await db.articles.toArray(), [...articles].sort(byId));
    assert.deepEqual(await db.articleRows.toArray(), articles.map(articleRow).sort(byId));
    const { rows } = await readLibraryRows(db);
    assert.deepEqual(
      rows.map((r) => [r.title, r.shelf, r.counts]).sort(),
      [
        ['', 'deleted', {}],
        ['Test article', 'archived', {}],
        ['Test article', undefined, {}],
        ['مرحبا', undefined, { claim: 1 }],
      ].sort(),
    );
    await saveArticleDetails(db, articles[3]!.id, 'after the upgrade', {});
    await assertInStep(db, 'a write after the upgrade');
  } finally {
    db.close();
  }
});

test('an empty version 5 library upgrades to 6 with no rows', TIMEOUT, async () => {
  const name = 'article-rows-upgrade-empty';
  const v5 = new Dexie(name);
  v5.version(5).stores({ articles: 'id, addedAt, title, sha256, workStatus, metadata.date, metadata.source, *metadata.tags, archivedAt, deletedAt' });
  await v5.open();
  v5.close();
  const db = openDatabase(name);
  await db.open();
  try {
    assert.equal(await db.articleRows.count(), 0);
    assert.deepEqual((await readLibraryRows(db)).rows, []);
  } finally {
    db.close();
  }
});

test('the library reads no article (texts and all), only their rows', TIMEOUT, () => {
  const reads: string[] = [];
  const spy = spyOnReads(reads);
  return withFreshDb(async (db) => {
    for (const text of NASTY) await storeArticle(db, parsed(text));
    reads.length = 0;
    const { rows } = await readLibraryRows(db);
    assert.equal(rows.length, NASTY.length);
    assert.deepEqual(reads, []);
  }, spy);
});

test('a tag after the first reads the status from the row, never the article (its text read back after every label key)', TIMEOUT, () => {
  const reads: string[] = [];
  const spy = spyOnReads(reads);
  return withFreshDb(async (db) => {
    const { article: a } = await storeArticle(db, parsed(NASTY[4]!));
    assert.equal(await noteTagged(db, a.id), 'in-progress');
    await assertInStep(db, 'first tag');
    reads.length = 0;
    assert.equal(await noteTagged(db, a.id), 'in-progress');
    assert.equal(await noteTagged(db, a.id), 'in-progress');
    assert.deepEqual(reads, []);
    assert.equal(await noteTagged(db, 'no such article'), undefined);
  }, spy);
});

test('the library’s live query reads again when an article changes', TIMEOUT, () =>
  withFreshDb(async (db) => {
    const { article: a } = await storeArticle(db, parsed('Troops 😀 arrived.', 'first'));
    const seen: string[][] = [];
    let wake: () => void = () => undefined;
    const sub = liveQuery(() => readLibraryRows(db)).subscribe((r) => {
      seen.push(r.rows.map((x) => `${x.title}/${x.shelf ?? 'active'}`));
      // Stored as the library stores it: the next read is from the pack, and must still follow.
      if (r.toPack) void storeRowsPack(db, r.toPack).then(wake);
      else wake();
    });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    try {
      await next();
      await Promise.all([next(), saveArticleDetails(db, a.id, 'second 😀', {})]);
      await Promise.all([next(), deleteArticles(db, [a.id])]);
      assert.deepEqual(seen, [['first/active'], ['second 😀/active'], ['second 😀/deleted']]);
    } finally {
      sub.unsubscribe();
    }
  }),
);

test('an import matching a library copy by its url finds it from the rows, reading no article by cursor', TIMEOUT, () => {
  const reads: string[] = [];
  const spy = spyOnReads(reads);
  return withFreshDb(async (db) => {
    const url = 'https://example.org/almaty-😀';
    const OLD = 'Troops 😀 arrived in Almaty on Friday. At least 18 people were killed in the clashes near the airport, officials said.';
    const NEW = 'Troops 😀 arrived in Almaty on Friday. At least 19 people were killed in the clashes near the airport, officials said.';
    const { article: stored } = await storeArticle(db, { ...parsed(OLD, 'Library title'), metadata: { url } });
    for (const text of NASTY.slice(0, 3)) await storeArticle(db, parsed(text));
    const doc = article(NEW, { title: 'Wire title', metadata: { url } });
    const file = encodeSpanmarkV1({
      documents: [{ article: doc, annotations: [annotation(doc, 0, 17, { id: 'c1', annotator: 'Aigerim', annotatorId: 'aig' })] }],
      exportedAt: T0,
      generatorVersion: 't',
      exportedBy: { id: 'aig', name: 'Aigerim' },
    });
    reads.length = 0;
    const r = await importExport(db, 'theirs.spanmark.json', new TextEncoder().encode(serializeSpanmarkV1(file)), me);
    assert.ok(r.ok, JSON.stringify(r));
    assert.deepEqual(
      reads.filter((r) => r === 'openCursor'),
      [],
    );
    assert.equal(await db.articles.count(), 4);
    assert.deepEqual(
      (await db.colleagueAnnotations.toArray()).map((a) => [a.docId, a.quote]),
      [[stored.id, 'Troops 😀 arrived']],
    );
    await assertInStep(db, 'after the import');
  }, spy);
});

test("a row takes an open session's text and blocks only while it names that text", () => {
  const held = article('Troops 😀 arrived in Алматы.\nقَالَ the ministry.', { title: 'As opened', blocks: [{ kind: 'paragraph', start: 0, end: 28 }] });
  const renamed = { ...articleRow(held), title: 'Renamed', metadata: { sourceName: 'Reuters' } };
  assert.deepEqual(rowWithText(renamed, held), { ...held, title: 'Renamed', metadata: { sourceName: 'Reuters' } });
  const replaced = article(`${held.text} More.`);
  assert.equal(rowWithText({ ...articleRow(replaced), id: held.id }, held), undefined);
  assert.equal(rowWithText(articleRow(article('Another report.')), held), undefined);
  assert.equal(rowWithText(undefined, held), undefined);
});
