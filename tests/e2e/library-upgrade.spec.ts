// A version 4 library (before the library's indexes and label counts) upgraded by this build in
// real Chromium: every record kept as it was, the library's counts and colleagues right on the
// first open (worked out once and stored, as is the rows' pack), and the next open reading them
// from the cache.

import { expect, test } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { readStored as dump, storedMine } from './pages/stored.js';
import { decodeColumns, type RawColumns } from '../soak/model.js';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);
const T = '2022-01-05T01:00:00.000Z';

test('a version 4 library upgrades through 5 to 9 with every record intact, my layer chunked per document, and the library counts it right', async ({
  page,
}) => {
  await page.goto('/__spanmark/health');
  const original = await page.evaluate(
    async ([a, b, t]) => {
      const text = 'Troops 🇷🇺 arrived in Алматы; الوضع hard.';
      const ann = (docId: string, id: string, label: string, start: number, end: number) => ({
        id,
        docId,
        label,
        start,
        end,
        quote: text.slice(start, end),
        annotator: 'Dana',
        createdAt: t,
        updatedAt: t,
      });
      const records: Record<string, unknown[]> = {
        articles: [
          {
            id: a,
            sha256: a,
            title: 'old article',
            format: 'text',
            text,
            blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
            metadata: { source: 'Reuters', date: '2022-01-05', tags: ['kz'] },
            addedAt: '2022-01-05T00:00:00.000Z',
            workStatus: 'in-progress',
          },
          {
            id: b,
            sha256: b,
            title: 'مرحبا second',
            format: 'text',
            text: `${text} 2`,
            blocks: [{ kind: 'paragraph', start: 0, end: text.length + 2 }],
            metadata: {},
            addedAt: '2022-01-06T00:00:00.000Z',
          },
        ],
        annotations: [ann(a!, 'o1', 'deployment', 0, 6), ann(a!, 'o2', 'claim', 22, 28), ann(a!, 'o3', 'claim', 7, 11), ann(b!, 'o4', 'casualty', 0, 6)],
        settings: [{ key: 'annotator', value: 'Dana' }],
        // Aigerim calls my claim a casualty: one difference, which a decision settles.
        colleagueAnnotations: [{ ...ann(a!, 'c1', 'casualty', 22, 28), annotator: 'Aigerim', layer: 'name:Aigerim' }],
        colleagueLayers: [{ key: 'name:Aigerim', displayName: 'Aigerim', annotator: 'Aigerim' }],
        reviewDecisions: [{ id: `${a}|Aigerim|c1`, docId: a, annotator: 'Aigerim', annotationId: 'c1', decision: 'rejected', decidedBy: 'Dana', decidedAt: t }],
        layerRevisions: [{ docId: a, revision: 4, writer: 'w4' }],
        layerSnapshots: [],
        textReplacements: [],
      };
      const req = indexedDB.open('spanmark', 40); // Dexie stores version N as N * 10
      req.onupgradeneeded = () => {
        const db = req.result;
        const tx = req.transaction!;
        const articles = db.createObjectStore('articles', { keyPath: 'id' });
        for (const i of ['addedAt', 'title', 'sha256']) articles.createIndex(i, i);
        const annotations = db.createObjectStore('annotations', { keyPath: 'id' });
        annotations.createIndex('docId', 'docId');
        annotations.createIndex('[docId+annotator]', ['docId', 'annotator']);
        db.createObjectStore('settings', { keyPath: 'key' });
        const colleague = db.createObjectStore('colleagueAnnotations', { keyPath: ['docId', 'layer', 'id'] });
        colleague.createIndex('docId', 'docId');
        colleague.createIndex('[docId+layer]', ['docId', 'layer']);
        db.createObjectStore('colleagueLayers', { keyPath: 'key' });
        db.createObjectStore('reviewDecisions', { keyPath: 'id' }).createIndex('docId', 'docId');
        for (const s of ['layerRevisions', 'layerSnapshots', 'textReplacements']) db.createObjectStore(s, { keyPath: 'docId' });
        for (const [store, rows] of Object.entries(records)) for (const r of rows) tx.objectStore(store).put(r);
      };
      await new Promise((res, rej) => {
        req.onsuccess = () => {
          req.result.close();
          res(null);
        };
        req.onerror = () => rej(req.error ?? new Error('IndexedDB request failed'));
      });
      return records;
    },
    [A, B, T],
  );

  const app = new SpanmarkApp(page);
  await app.goto();
  await expect(page.getByTestId('library-count')).toHaveText('2 articles');
  const old = page.getByTestId('library-row').filter({ hasText: 'old article' });
  await expect(old.getByTestId('cell-count-claim')).toHaveText('2');
  await expect(old.getByTestId('cell-count-deployment')).toHaveText('1');
  await expect(old.getByTestId('cell-colleagues')).toHaveText('Aigerim');
  await expect(old.getByTestId('cell-review')).toHaveText('1/1');
  await expect(page.getByTestId('library-row').filter({ hasText: 'مرحبا' }).getByTestId('cell-count-casualty')).toHaveText('1');

  // Every record as it was; the counts stored beside them once the library drew.
  await expect.poll(async () => (await dump(page))['layerCounts']?.length).toBe(2);
  await expect.poll(async () => (await dump(page))['libraryPacks']?.length).toBe(2);
  const { layerCounts, settings, articleRows, libraryPacks, myLayerChunks, myLayerEdits, myLayerTombstones, ...after } = await dump(page);
  const { settings: originalSettings, annotations: originalMine, ...originalRest } = original;
  expect(after).toEqual(originalRest);
  // Version 9 stored my layer per document in chunks, in text order: every annotation as it was.
  const sortedMine = [...(originalMine as { docId: string; id: string }[])].sort((x, y) => `${x.docId} ${x.id}`.localeCompare(`${y.docId} ${y.id}`));
  expect(storedMine({ myLayerChunks: myLayerChunks!, myLayerEdits: myLayerEdits!, myLayerTombstones: myLayerTombstones! })).toEqual(sortedMine);
  const ids = (c: { docId: string; columns: RawColumns }) => (decodeColumns(c.columns, c.docId, '') as { id: string }[]).map((x) => x.id);
  expect((myLayerChunks as { docId: string; columns: RawColumns }[]).map((c) => [c.docId, ids(c)])).toEqual(
    [
      [A, ['o1', 'o3', 'o2']],
      [B, ['o4']],
    ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
  );
  expect([myLayerEdits, myLayerTombstones]).toEqual([[], []]);
  // The app adds this installation's id at its first start, as it does for any library.
  expect((settings as { key: string }[]).filter((s) => s.key !== 'annotatorId')).toEqual(originalSettings);
  expect(layerCounts).toContainEqual({ docId: A, revision: 4, writer: 'w4', counts: { deployment: 1, claim: 2 }, lastEdited: T });
  const versions = await page.evaluate(async () => (await indexedDB.databases()).find((d) => d.name === 'spanmark')?.version);
  expect(versions).toBe(90);
  // Version 6's rows for the library: each article as it was, less its text and blocks.
  expect(articleRows).toEqual((originalRest['articles'] as Record<string, unknown>[]).map(({ text: _text, blocks: _blocks, ...row }) => row));
  // Version 7's pack of those rows, stored once the library drew, under the rows' first stamp.
  const [pack, stamp] = ['rows', 'rows-stamp'].map((k) => (libraryPacks as { key: string; stamp: string; rows?: unknown[] }[]).find((p) => p.key === k));
  expect(pack?.rows).toEqual(articleRows);
  expect(pack?.stamp).toBe(stamp?.stamp);
  expect(stamp?.stamp).toMatch(/^[0-9a-f-]{36}$/);

  // The next open reads the counts from the cache (an annotation removed behind the stamp's back is not seen).
  await page.evaluate(
    (a) =>
      new Promise((res, rej) => {
        const req = indexedDB.open('spanmark');
        req.onsuccess = () => {
          const tx = req.result.transaction('myLayerTombstones', 'readwrite');
          tx.objectStore('myLayerTombstones').put({ docId: a, id: 'o3' });
          tx.oncomplete = () => {
            req.result.close();
            res(a);
          };
        };
        req.onerror = () => rej(req.error ?? new Error('IndexedDB request failed'));
      }),
    A,
  );
  await page.reload();
  await expect(page.getByTestId('library-row').filter({ hasText: 'old article' }).getByTestId('cell-count-claim')).toHaveText('2');
});
