// The database across versions: a library written by the first schema opens in the current one
// with every record intact, and a library from a newer Spanmark is refused without being touched.

import { expect, test } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';

test('a version 1 library (before review layers) upgrades with every record intact', async ({ page }) => {
  // Write a schema-1 database by hand, as the first release left it, before the app ever runs.
  await page.goto('/__spanmark/health');
  await page.evaluate(async () => {
    const text = 'date 2022-01-05 Troops 🇷🇺 arrived in Алматы; الوضع hard.\n\nSecond paragraph.';
    const req = indexedDB.open('spanmark', 10); // Dexie stores version N as N * 10
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('articles', { keyPath: 'id' }).createIndex('addedAt', 'addedAt');
      const articles = req.transaction!.objectStore('articles');
      articles.createIndex('title', 'title');
      const ann = db.createObjectStore('annotations', { keyPath: 'id' });
      ann.createIndex('docId', 'docId');
      ann.createIndex('[docId+annotator]', ['docId', 'annotator']);
      db.createObjectStore('settings', { keyPath: 'key' });
      articles.put({
        id: 'a'.repeat(64), sha256: 'a'.repeat(64), title: 'old article', format: 'text', text,
        blocks: [{ kind: 'paragraph', start: 0, end: 57 }, { kind: 'paragraph', start: 59, end: 76 }],
        metadata: { date: '2022-01-05' }, addedAt: '2022-01-05T00:00:00.000Z',
      });
      const t = '2022-01-05T01:00:00.000Z';
      ann.put({ id: 'old-1', docId: 'a'.repeat(64), label: 'deployment', start: 16, end: 22, quote: 'Troops', annotator: 'Dana', createdAt: t, updatedAt: t });
      ann.put({ id: 'old-2', docId: 'a'.repeat(64), label: 'claim', start: 36, end: 42, quote: 'Алматы', annotator: 'Dana', createdAt: t, updatedAt: t, note: 'city' });
      req.transaction!.objectStore('settings').put({ key: 'annotator', value: 'Dana' });
      req.transaction!.objectStore('settings').put({ key: 'lastDocId', value: 'a'.repeat(64) });
    };
    await new Promise((res, rej) => {
      req.onsuccess = () => {
        req.result.close();
        res(null);
      };
      req.onerror = () => rej(req.error ?? new Error('IndexedDB request failed'));
    });
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await expect(page.getByTestId('article-title')).toHaveText('old article');
  await expect(page.getByTestId('annotator')).toHaveText('Annotating as Dana');
  expect(await app.rowTexts()).toEqual(['deployment:Troops', 'claim:Алматы']);
  expect(await app.painted()).toEqual({ deployment: 1, claim: 1 });
  const stores = await page.evaluate(async () => {
    const req = indexedDB.open('spanmark');
    const db = await new Promise<IDBDatabase>((res) => (req.onsuccess = () => res(req.result)));
    const names = [...db.objectStoreNames].sort();
    db.close();
    return names;
  });
  expect(stores).toEqual(['annotations', 'articles', 'colleagueAnnotations', 'colleagueLayers', 'layerRevisions', 'layerSnapshots', 'reviewDecisions', 'settings']);
});

test('a library created by a newer Spanmark is refused with a clear message and left untouched', async ({ page, context }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  // A newer release, in another window, upgrades the database (this window steps aside)...
  const newer = await context.newPage();
  await newer.goto('/__spanmark/health');
  await newer.evaluate(async () => {
    await new Promise((res, rej) => {
      const req = indexedDB.open('spanmark', 990);
      req.onupgradeneeded = () => req.result.createObjectStore('fromTheFuture');
      req.onsuccess = () => {
        req.result.close();
        res(null);
      };
      req.onerror = () => rej(req.error ?? new Error('IndexedDB request failed'));
    });
  });
  // ...and this older build, reloading into it on its own, must not open or alter it.
  await expect(page.getByTestId('fatal')).toContainText('created by a newer Spanmark');
  const count = await page.evaluate(async () => {
    const req = indexedDB.open('spanmark');
    const db = await new Promise<IDBDatabase>((res) => (req.onsuccess = () => res(req.result)));
    const n = await new Promise<number>((res) => {
      const r = db.transaction('annotations').objectStore('annotations').count();
      r.onsuccess = () => res(r.result);
    });
    const version = db.version;
    db.close();
    return { n, version };
  });
  expect(count).toEqual({ n: 1, version: 990 });
});
