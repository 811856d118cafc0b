// The library export in pieces over an in-memory IndexedDB (fake-indexeddb): joined, the pieces
// of exportDocumentChunks are exportDocuments's one string byte for byte (all articles, in their
// added order, with notes holding CRLF, review statuses, articles without annotations); many articles make many pieces, read a group at a time; a
// chosen list of ids exports exactly those, in that order, skipping one no longer stored.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Article } from '../../../src/document/article.js';
import { openDatabase, type SpanmarkDb } from '../../../renderer/db/db.js';
import { exportDocumentChunks, exportDocuments } from '../../../renderer/io/export.js';
import { annotation, article } from '../codecs/spanmark-v1-helpers.js';
import { exportText } from './export-text.js';

const me = { id: 'my-install', name: 'Айгерим' };
const AT = '2022-01-09T08:00:00.000Z';
let n = 0;

async function withLibrary(count: number, run: (db: SpanmarkDb, ids: string[]) => Promise<void>): Promise<void> {
  const db = openDatabase(`export-stream-${n++}`);
  await db.open();
  try {
    const ids: string[] = [];
    const annotations: Annotation[] = [];
    const articles: Article[] = [];
    for (let i = 0; i < count; i++) {
      const text = `${i} 👨‍👩‍👧 Almaty 🇰🇿 — الوضع تحت السيطرة; e\u0301 troops arrived.`;
      // Distinct addedAt order from insertion order, so 'all' must follow addedAt.
      const doc = article(text, {
        title: `Report ${i}`,
        addedAt: new Date(Date.UTC(2022, 0, 1, 0, 0, (count - i) % 60, i)).toISOString(),
        metadata: { source: i % 2 ? 'Reuters' : 'AP' },
        ...(i % 4 === 1 ? { reviewStatus: 'in-review' as const } : {}),
      });
      articles.push(doc);
      ids.push(doc.id);
      const t = text.indexOf('troops');
      if (i % 3 !== 0)
        annotations.push(annotation(doc, t, t + 6, { id: `d-${i}`, label: 'deployment', annotatorId: me.id, annotator: me.name, note: 'x\r\n=1' }));
    }
    await db.articles.bulkAdd(articles);
    await db.myLayerEdits.bulkAdd(annotations);
    await run(db, ids);
  } finally {
    db.close();
  }
}

async function joined(chunks: AsyncIterable<string>): Promise<{ text: string; pieces: number }> {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return { text: out.join(''), pieces: out.length };
}

test('the whole library in pieces is the one-string export byte for byte, in many pieces', async () => {
  await withLibrary(120, async (db) => {
    const whole = await exportDocuments(db, 'all', '0.3.0', me, { exportedAt: AT });
    const stream = exportDocumentChunks(db, 'all', '0.3.0', me, { exportedAt: AT, minChunkChars: 2048, articlesPerRead: 7 });
    const { text, pieces } = await joined(stream.chunks);
    assert.equal(text, exportText(whole));
    assert.ok(pieces > 20, `${pieces} pieces`);
    assert.equal(stream.fileName, whole.fileName);
    assert.deepEqual(
      { documents: stream.written.documents, annotations: stream.written.annotations, chars: stream.written.chars },
      { documents: 120, annotations: whole.annotations, chars: exportText(whole).length },
    );
  });
});

test('5,000 articles: pieces come while the articles are still being read, one group at a time, never the whole library', async () => {
  await withLibrary(5000, async (db) => {
    const stream = exportDocumentChunks(db, 'all', '0.3.0', me, { exportedAt: AT, minChunkChars: 64 * 1024, articlesPerRead: 50 });
    const it = stream.chunks[Symbol.asyncIterator]();
    const first = await it.next();
    assert.equal(first.done, false);
    // The first piece left after at most one group more than it needed: the rest is unread.
    assert.ok(stream.written.documents <= 400, `${stream.written.documents} articles read for the first piece`);
    let pieces = 1;
    let longest = first.value.length;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      pieces += 1;
      longest = Math.max(longest, r.value.length);
    }
    assert.equal(stream.written.documents, 5000);
    assert.ok(pieces > 20, `${pieces} pieces`);
    assert.ok(longest < stream.written.chars / 20, `the longest piece (${longest}) is a small part of the file (${stream.written.chars})`);
  });
});

test('chosen ids: exactly those, in the given order, one no longer stored skipped', async () => {
  await withLibrary(9, async (db, ids) => {
    const chosen = [ids[7]!, 'gone', ids[2]!, ids[4]!];
    const stream = exportDocumentChunks(db, chosen, '0.3.0', me, { exportedAt: AT, fileTitle: 'spanmark-library-shown' });
    const { text } = await joined(stream.chunks);
    const file = JSON.parse(text) as { documents: { id: string; title: string }[] };
    assert.deepEqual(
      file.documents.map((d) => d.title),
      ['Report 7', 'Report 2', 'Report 4'],
    );
    assert.equal(stream.fileName, 'spanmark-library-shown.spanmark.json');
    // The same as the one-string export of those ids.
    assert.equal(text, exportText(await exportDocuments(db, [ids[7]!, ids[2]!, ids[4]!], '0.3.0', me, { exportedAt: AT })));
  });
});

test('an empty library and an empty choice: a file with no documents, like the one-string export', async () => {
  await withLibrary(0, async (db) => {
    const whole = await exportDocuments(db, 'all', '0.3.0', me, { exportedAt: AT });
    assert.equal((await joined(exportDocumentChunks(db, 'all', '0.3.0', me, { exportedAt: AT }).chunks)).text, exportText(whole));
    assert.equal((await joined(exportDocumentChunks(db, [], '0.3.0', me, { exportedAt: AT }).chunks)).text, exportText(whole));
  });
});

test('nothing is read until the first piece is asked for (a cancelled save costs nothing)', async () => {
  await withLibrary(3, async (db) => {
    const stream = exportDocumentChunks(db, 'all', '0.3.0', me, { exportedAt: AT });
    db.close();
    // Not iterated: no error although the database is closed.
    assert.equal(stream.written.documents, 0);
  });
});

test('the library export leaves out articles waiting in Deleted, and keeps archived ones, both ways', async () => {
  await withLibrary(9, async (db, ids) => {
    await db.articles.update(ids[2]!, { deletedAt: AT });
    await db.articles.update(ids[5]!, { archivedAt: AT });
    const whole = await exportDocuments(db, 'all', '0.3.0', me, { exportedAt: AT });
    const { text } = await joined(exportDocumentChunks(db, 'all', '0.3.0', me, { exportedAt: AT, articlesPerRead: 2 }).chunks);
    assert.equal(text, exportText(whole));
    const titles = (JSON.parse(text) as { documents: { title: string }[] }).documents.map((d) => d.title);
    assert.equal(titles.length, 8);
    assert.ok(!titles.includes('Report 2'), 'a deleted article is not exported');
    assert.ok(titles.includes('Report 5'), 'an archived article is still part of the library');
    // Chosen by id, it is exported: the analyst asked for it by name.
    assert.equal((await exportDocuments(db, [ids[2]!], '0.3.0', me, { exportedAt: AT })).documents, 1);
  });
});
