// Next / previous in the library's order and "next not done", and the automatic in-progress at
// the first tag (fake-indexeddb).
import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../renderer/db/db.js';
import { libraryOrder, neighbourArticle, noteTagged, setWorkStatus } from '../../../renderer/library/article-details-repo.js';
import { article } from '../codecs/spanmark-v1-helpers.js';
import { deleteArticles, restoreArticles, setArchived } from '../../../renderer/library/shelf-repo.js';

test('neighbours follow the library order (newest first, ties by id), skip done ones on request, and stop at the ends', async () => {
  const db = openDatabase('corpus-nav');
  await db.open();
  try {
    // a1..a60: one import batch shares its addedAt, so ties must order the same way every time.
    const docs = Array.from({ length: 60 }, (_, i) =>
      article(`Article ${i} 👍`, { addedAt: i < 30 ? '2022-01-01T00:00:00.000Z' : `2022-01-02T00:00:${String(i - 30).padStart(2, '0')}.000Z` }),
    );
    await db.articles.bulkAdd(docs);
    const order = await libraryOrder(db);
    assert.equal(order.length, 60);
    assert.deepEqual(order, await libraryOrder(db));
    assert.equal(await neighbourArticle(db, order[0]!, 1), order[1]);
    assert.equal(await neighbourArticle(db, order[1]!, -1), order[0]);
    assert.equal(await neighbourArticle(db, order[0]!, -1), undefined);
    assert.equal(await neighbourArticle(db, order[59]!, 1), undefined);
    // Done and reviewed ones (order[1..54]) are skipped by "next not done", across chunk boundaries.
    for (const id of order.slice(1, 55)) await setWorkStatus(db, id, id === order[20] ? 'reviewed' : 'done');
    assert.equal(await neighbourArticle(db, order[0]!, 1, true), order[55]);
    await setWorkStatus(db, order[55]!, 'in-progress');
    assert.equal(await neighbourArticle(db, order[0]!, 1, true), order[55]);
    assert.equal(await neighbourArticle(db, order[58]!, -1, true), order[57]);
    assert.equal(await neighbourArticle(db, 'not-there', 1), undefined);
  } finally {
    db.close();
  }
});

test('the first tag moves a new article to in progress; a done one stays done', async () => {
  const db = openDatabase('corpus-status');
  await db.open();
  try {
    const a = article('One.');
    const b = article('Two.', { workStatus: 'done' });
    await db.articles.bulkAdd([a, b]);
    assert.equal(await noteTagged(db, a.id), 'in-progress');
    assert.equal((await db.articles.get(a.id))?.workStatus, 'in-progress');
    assert.equal(await noteTagged(db, b.id), 'done');
    assert.equal((await db.articles.get(b.id))?.workStatus, 'done');
    assert.equal(await noteTagged(db, 'gone'), undefined);
  } finally {
    db.close();
  }
});

test('next / previous outside the table skips archived and deleted articles (read from their indexes)', async () => {
  const db = openDatabase('corpus-nav-shelves');
  await db.open();
  try {
    const docs = Array.from({ length: 5 }, (_, i) => article(`Shelved ${i} مرحبا`, { addedAt: `2022-01-0${i + 1}T00:00:00.000Z` }));
    await db.articles.bulkAdd(docs);
    const order = await libraryOrder(db);
    await setArchived(db, [order[1]!], true);
    await deleteArticles(db, [order[2]!]);
    assert.deepEqual(await libraryOrder(db), [order[0], order[3], order[4]]);
    assert.equal(await neighbourArticle(db, order[0]!, 1), order[3]);
    await restoreArticles(db, [order[2]!]);
    assert.equal(await neighbourArticle(db, order[0]!, 1), order[2]);
  } finally {
    db.close();
  }
});
