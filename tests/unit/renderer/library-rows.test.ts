// Which colleagues' layers each library row holds (fake-indexeddb): every layer of a document once,
// under the name it is shown by (its key when it has none), sorted; from one read of the layer's
// keys, no cursor stepping through them; rows without a colleague are left as they were. And each
// row's search key: unchanged across reads (saved search indexes hold it), changed by any edit.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DBCore } from 'dexie';
import { openDatabase, type ColleagueAnnotation } from '../../../renderer/db/db.js';
import { colleaguesByDoc, readLibraryRows, searchKeyOf, withColleagues } from '../../../renderer/library/library-rows.js';
import { storeArticle } from '../../../renderer/db/articles-repo.js';
import { plainTextBlocks } from '../../../src/document/plain-blocks.js';
import { T0 } from '../codecs/spanmark-v1-helpers.js';
import type { LayerKey } from '../../../src/review/layer-identity.js';

const theirs = (docId: string, layer: LayerKey, id: string): ColleagueAnnotation => ({
  id,
  docId,
  layer,
  label: 'claim',
  start: 0,
  end: 1,
  quote: 'x',
  annotator: 'someone',
  createdAt: T0,
  updatedAt: T0,
});

test('each document’s colleague layers once, by shown name, sorted; rows without any untouched', async () => {
  const cursors: string[] = [];
  const db = openDatabase('library-rows-colleagues');
  db.use({
    stack: 'dbcore',
    name: 'CursorSpy',
    level: 20,
    create: (down: DBCore) => ({
      ...down,
      table: (name: string) => {
        const t = down.table(name);
        return {
          ...t,
          openCursor: (req) => {
            cursors.push(name);
            return t.openCursor(req);
          },
        };
      },
    }),
  });
  await db.open();
  try {
    const ids: string[] = [];
    for (const text of ['Troops 😀 arrived.', 'مرحبا\r\nsecond', 'e\u0301 third']) {
      ids.push((await storeArticle(db, { title: text, format: 'text', text, blocks: plainTextBlocks(text), metadata: {} })).article.id);
    }
    const [a, b, c] = ids as [string, string, string];
    await db.colleagueLayers.bulkAdd([
      { key: 'id:aig', displayName: 'Aigerim', annotator: 'Aigerim', annotatorId: 'aig' },
      { key: 'name:Болат', displayName: 'Болат', annotator: 'Болат' },
      { key: 'name:ä', displayName: 'ä 😀', annotator: 'ä' },
    ]);
    await db.colleagueAnnotations.bulkAdd([
      ...Array.from({ length: 30 }, (_, i) => theirs(a, 'name:Болат', `b${i}`)),
      theirs(a, 'id:aig', 'x1'),
      theirs(a, 'id:aig', 'x2'),
      theirs(a, 'name:ä', 'u1'),
      // A layer whose name record is missing is shown by its key.
      theirs(b, 'name:zz-orphan', 'o1'),
      theirs(b, 'id:aig', 'x3'),
    ]);
    cursors.length = 0;
    const byDoc = await colleaguesByDoc(db);
    assert.deepEqual(cursors, []);
    assert.deepEqual(
      [...byDoc].sort(),
      [
        [a, ['ä 😀', 'Aigerim', 'Болат']],
        [b, ['Aigerim', 'name:zz-orphan']],
      ].sort(),
    );
    const { rows } = await readLibraryRows(db);
    const shown = withColleagues(rows, byDoc);
    assert.deepEqual(shown.find((r) => r.id === a)?.colleagues, ['ä 😀', 'Aigerim', 'Болат']);
    assert.equal(
      shown.find((r) => r.id === c),
      rows.find((r) => r.id === c),
    );
    assert.equal(rows.find((r) => r.id === a)?.colleagues, undefined);
  } finally {
    db.close();
  }
});

test('an empty library has no colleagues', async () => {
  const db = openDatabase('library-rows-empty');
  await db.open();
  try {
    assert.deepEqual(await colleaguesByDoc(db), new Map());
    assert.deepEqual(withColleagues([], new Map()), []);
  } finally {
    db.close();
  }
});

test('a row’s search key: the form saved indexes hold, the same on every read, changed by title, metadata, an edit or a count', async () => {
  const db = openDatabase('library-rows-search-key');
  await db.open();
  try {
    const text = 'Troops 😀 arrived in مرحبا e\u0301\r\nsecond line';
    const metadata = { date: '2022-01-07', source: 'Reuters', tags: ['protest'] };
    const { id } = (await storeArticle(db, { title: 'Wire 🇰🇿', format: 'text', text, blocks: plainTextBlocks(text), metadata })).article;
    const key = async () => searchKeyOf((await readLibraryRows(db)).rows.find((r) => r.id === id)!);
    const first = await key();
    // Literal: a change of form makes every saved index stale, so it must be a deliberate one.
    assert.equal(first, `Wire 🇰🇿\u0000${JSON.stringify(metadata)}\u0000\u0000`);
    assert.equal(await key(), first);
    await db.articles.update(id, { title: 'Wire 2' });
    const retitled = await key();
    assert.notEqual(retitled, first);
    await db.articles.update(id, { metadata: { ...metadata, author: 'A. Nurlanova' } });
    const described = await key();
    assert.notEqual(described, retitled);
    await db.layerCounts.put({ docId: id, revision: 0, counts: { claim: 2, casualty: 1 }, lastEdited: T0 });
    const counted = await key();
    assert.equal(counted, `Wire 2\u0000${JSON.stringify({ ...metadata, author: 'A. Nurlanova' })}\u0000${T0}\u00002,1`);
  } finally {
    db.close();
  }
});
