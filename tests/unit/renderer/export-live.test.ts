// Exporting the open document takes its text and blocks from the session's memory instead of
// reading them back, but only while they are the stored text: the file is byte for byte the one
// read from storage; a title, metadata or review status changed since the document was opened is
// the stored one; a text replaced since (from another window) is read, not the stale copy; and
// while the text is current, the article's record (text and blocks) is not read at all.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DBCore, Middleware } from 'dexie';
import { exportDocuments, type LiveLayer } from '../../../renderer/io/export.js';
import type { SpanmarkDb } from '../../../renderer/db/db.js';
import type { Article } from '../../../src/document/article.js';
import { annotation, article } from '../codecs/spanmark-v1-helpers.js';
import { exportText } from './export-text.js';
import { withDb } from './with-db.js';

const me = { id: 'my-install', name: 'Айгерим' };
const AT = '2022-01-09T08:00:00.000Z';
const TEXT = 'Troops 😀 arrived in Алматы.\nقَالَ the ministry: e\u0301 two were killed.';
const opened = article(TEXT, {
  title: 'As opened',
  blocks: [
    { kind: 'paragraph', start: 0, end: TEXT.indexOf('\n') },
    { kind: 'paragraph', start: TEXT.indexOf('\n') + 1, end: TEXT.length },
  ],
});
let n = 0;

/** Counts the records of `articles` read (not their rows): each is a whole text with its blocks. */
function countArticleReads(counter: { reads: number }): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'CountArticleReads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'articles') return table;
        return {
          ...table,
          get: (req) => ((counter.reads += 1), table.get(req)),
          getMany: (req) => ((counter.reads += req.keys.length), table.getMany(req)),
          query: (req) => ((counter.reads += 1), table.query(req)),
          openCursor: (req) => ((counter.reads += 1), table.openCursor(req)),
        };
      },
    }),
  };
}

async function withOpened(run: (db: SpanmarkDb, live: LiveLayer, counter: { reads: number }) => Promise<void>): Promise<void> {
  const counter = { reads: 0 };
  await withDb(
    `export-live-${n++}`,
    async (db) => {
      await db.articles.add(opened);
      await db.myLayerEdits.add(annotation(opened, 0, 6, { id: 'a1', annotatorId: me.id, annotator: me.name }));
      // The session's copy: the article as it was opened (a copy, as memory never shares the store's objects).
      const live: LiveLayer = { docId: opened.id, stamp: { revision: -1 }, annotations: [], article: structuredClone(opened) };
      counter.reads = 0;
      await run(db, live, counter);
    },
    (db) => db.use(countArticleReads(counter)),
  );
}

const exported = async (db: SpanmarkDb, live?: LiveLayer): Promise<string> =>
  exportText(await exportDocuments(db, [opened.id], '0.3.0', me, { exportedAt: AT, ...(live ? { live } : {}) }));

test('while the text is the stored one, the export takes it from memory and is the stored export byte for byte', async () => {
  await withOpened(async (db, live, counter) => {
    const fromMemory = await exported(db, live);
    assert.equal(counter.reads, 0, 'the article record (its text and blocks) was read although memory holds the same text');
    const fromStore = await exported(db);
    assert.ok(counter.reads > 0);
    assert.equal(fromMemory, fromStore);
    const doc = (JSON.parse(fromMemory) as { documents: { text: string; blocks: unknown[]; annotations: { quote: string }[] }[] }).documents[0]!;
    assert.equal(doc.text, TEXT);
    assert.equal(doc.blocks.length, 2);
    assert.deepEqual(
      doc.annotations.map((a) => a.quote),
      ['Troops'],
    );
  });
});

test('a title, metadata or review status changed since the document was opened is written as stored', async () => {
  await withOpened(async (db, live) => {
    await db.articles.update(opened.id, { title: 'Renamed in the library', metadata: { sourceName: 'Reuters' }, reviewStatus: 'reviewed' });
    const file = JSON.parse(await exported(db, live)) as { documents: { title: string; metadata: object; review?: { status: string } }[] };
    const doc = file.documents[0]!;
    assert.equal(doc.title, 'Renamed in the library');
    assert.deepEqual(doc.metadata, { sourceName: 'Reuters' });
    assert.equal(doc.review?.status, 'reviewed');
    assert.equal(await exported(db, live), await exported(db));
  });
});

test('a text replaced since the document was opened (another window) is read from storage, not the copy in memory', async () => {
  await withOpened(async (db, live) => {
    const text = `${TEXT}\nA third paragraph was added.`;
    const replaced: Article = { ...article(text), id: opened.id, title: opened.title, blocks: [] };
    await db.articles.put(replaced);
    const file = JSON.parse(await exported(db, live)) as { documents: { text: string; sha256: string }[] };
    assert.equal(file.documents[0]!.text, text);
    assert.equal(file.documents[0]!.sha256, replaced.sha256);
    assert.equal(await exported(db, live), await exported(db));
  });
});

test('an export of another document, or of several, reads the others and keeps the order asked for', async () => {
  await withOpened(async (db, live, counter) => {
    const other = article('A second report: 😀 troops left Almaty.', { title: 'Other' });
    await db.articles.add(other);
    counter.reads = 0;
    const both = JSON.parse(exportText(await exportDocuments(db, [other.id, opened.id], '0.3.0', me, { exportedAt: AT, live }))) as {
      documents: { title: string }[];
    };
    assert.deepEqual(
      both.documents.map((d) => d.title),
      ['Other', 'As opened'],
    );
    assert.equal(counter.reads, 1, 'only the other article is read');
    const stored = JSON.parse(exportText(await exportDocuments(db, [other.id, opened.id], '0.3.0', me, { exportedAt: AT }))) as unknown;
    assert.deepEqual(both, stored);
  });
});
