// The facts tables read from the database a group of articles at a time (fake-indexeddb): corpus
// facts over chosen ids follow their order across groups and carry each article's metadata and
// work status; an id no longer stored is skipped; the whole-library table has no metadata columns
// and equals buildFactsTable over every article; a label no longer in the schema keeps its table.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Article } from '../../../src/document/article.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { buildFactsTable } from '../../../src/facts/facts-table.js';
import { openDatabase } from '../../../renderer/db/db.js';
import { readFactsTables } from '../../../renderer/facts/facts-reader.js';
import { annotation, article } from '../codecs/spanmark-v1-helpers.js';

const LABELS = DEFAULT_SCHEMA.labels.map((l) => ({ id: l.id, name: l.name, attributes: l.attributes }));

test('corpus facts over chosen ids, across groups, with metadata; the library-wide table as before', async () => {
  const db = openDatabase('facts-reader');
  await db.open();
  try {
    const docs: Article[] = [];
    const anns: Annotation[] = [];
    for (let i = 0; i < 250; i++) {
      const text = `${i} 👮🏽 Troops arrived; 18 were killed. مرحبا`;
      const doc = article(text, {
        title: `Report ${i}`,
        metadata: { date: '2022-01-07', source: i % 2 ? 'Reuters' : 'الجزيرة', tags: i % 3 ? [] : ['unrest'], language: 'en' },
        ...(i % 5 === 0 ? { workStatus: 'done' as const } : {}),
      });
      docs.push(doc);
      const k = text.indexOf('18 were killed');
      anns.push(annotation(doc, k, k + 14, { id: `c-${i}`, label: 'casualty', attributes: { count: { value: 18, qualifier: 'exact' } } }));
      if (i === 7) anns.push(annotation(doc, text.indexOf('Troops'), text.indexOf('Troops') + 6, { id: 'old-1', label: 'retired' }));
    }
    await db.articles.bulkAdd(docs);
    await db.myLayerEdits.bulkAdd(anns);

    // Chosen: from the end backwards, across the 100-article groups, with one gone.
    const chosen = [...docs.slice(100, 230)].reverse().map((d) => d.id);
    chosen.splice(5, 0, 'gone');
    const corpus = await readFactsTables(db, chosen, LABELS, true);
    const casualty = corpus.find((t) => t.id === 'casualty')!.table;
    assert.equal(casualty.rows.length, 130);
    assert.deepEqual(
      casualty.rows.slice(0, 3).map((r) => r.cells['document']),
      ['Report 229', 'Report 228', 'Report 227'],
    );
    const r200 = casualty.rows.find((r) => r.cells['document'] === 'Report 200')!;
    assert.deepEqual(
      [r200.cells['document.source'], r200.cells['document.tags'], r200.cells['document.status'], r200.cells['document.language'], r200.cells['count']],
      ['الجزيرة', null, 'done', 'en', 18],
    );
    assert.equal(casualty.rows.find((r) => r.cells['document'] === 'Report 201')!.cells['document.tags'], 'unrest');
    assert.equal(
      corpus.find((t) => t.id === 'retired'),
      undefined,
      'article 7 is not among the chosen',
    );

    // The whole library: no metadata columns, the same table buildFactsTable makes, and the
    // stored label no longer in the schema gets a table of its own after the others.
    const all = await readFactsTables(db, 'all', LABELS, false);
    assert.deepEqual(
      all.map((t) => t.id),
      [...LABELS.map((l) => l.id), 'retired'],
    );
    const whole = all.find((t) => t.id === 'casualty')!.table;
    assert.equal(
      whole.columns.some((c) => c.key === 'document.source'),
      false,
    );
    const byId = [...docs].sort((a, b) => (a.id < b.id ? -1 : 1));
    const expected = buildFactsTable(
      byId.map((d) => ({ id: d.id, title: d.title, text: d.text, date: '2022-01-07', annotations: anns.filter((a) => a.docId === d.id), decisions: [] })),
      LABELS,
      { label: 'casualty' },
    );
    assert.deepEqual(whole, expected);
    assert.equal(all.find((t) => t.id === 'retired')!.table.rows.length, 1);
  } finally {
    db.close();
  }
});

test('the library-wide facts leave out articles waiting in Deleted', async () => {
  const db = openDatabase('facts-reader-deleted');
  await db.open();
  try {
    const kept = article('Troops arrived; 18 were killed.', { title: 'Kept' });
    const gone = article('Troops left; 3 were killed.', { title: 'Gone', deletedAt: '2022-01-09T08:00:00.000Z' });
    await db.articles.bulkAdd([kept, gone]);
    await db.myLayerEdits.bulkAdd([annotation(kept, 0, 6, { id: 'k', label: 'deployment' }), annotation(gone, 0, 6, { id: 'g', label: 'deployment' })]);
    const tables = await readFactsTables(db, 'all', LABELS, false);
    const deployment = tables.find((t) => t.id === 'deployment')!.table;
    assert.deepEqual(
      deployment.rows.map((r) => [r.docId, r.annotationId]),
      [[kept.id, 'k']],
    );
  } finally {
    db.close();
  }
});
