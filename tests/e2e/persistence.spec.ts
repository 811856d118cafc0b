// Nothing acknowledged is lost: annotations survive a reload, a full browser restart on the same
// profile, and stay consistent between two windows on one database.

import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.js';
import { SpanmarkApp } from './pages/app.js';

test('annotations, notes and the open document survive a reload', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('at least 20 thousand radicals');
  await app.tag('claim');
  await app.clickText('radicals');
  await page.getByTestId('note-input').fill('unverified');
  const saved = await app.armSaved();
  await page.getByTestId('note-input').blur();
  await saved();
  const before = await app.rowTexts();
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await app.rowTexts()).toEqual(before);
  expect(await app.painted()).toEqual({ claim: 1 });
  await app.clickText('radicals');
  await expect(page.getByTestId('note-input')).toHaveValue('unverified');
});

test('annotations made in one start of the app are there in the next (same profile, fixed origin)', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'spanmark-profile-'));
  try {
    const first = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, baseURL: baseURL! });
    const app1 = new SpanmarkApp(first.pages()[0] ?? (await first.newPage()));
    await app1.goto();
    await app1.openSample();
    await app1.select('Kassym-Zhomart Tokayev');
    await app1.tag('claim');
    await app1.select('security forces killed');
    await app1.tag('casualty');
    await first.close();

    const second = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, baseURL: baseURL! });
    const app2 = new SpanmarkApp(second.pages()[0] ?? (await second.newPage()));
    await app2.goto();
    await expect(app2.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
    expect(await app2.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev', 'casualty:security forces killed']);
    await second.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('two windows on the same database stay consistent', async ({ context }) => {
  const a = new SpanmarkApp(await context.newPage());
  await a.goto();
  await a.openSample();
  const b = new SpanmarkApp(await context.newPage());
  await b.goto();
  await expect(b.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');

  await a.select('Almaty');
  await a.tag('deployment');
  await expect.poll(() => b.rowTexts()).toEqual(['deployment:Almaty']);
  expect(await b.painted()).toEqual({ deployment: 1 });

  await b.clickText('Almaty');
  await b.press('Delete');
  await expect(a.rows()).toHaveCount(0);
  expect(await a.painted()).toEqual({});
});

test('every write transaction asks for strict durability, and persistent storage is requested', async ({ page }) => {
  // Record what the app itself passes to IndexedDB; the test only observes.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __tx: string[] }).__tx = seen;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with .call(this, …)
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, names: string | string[], mode?: IDBTransactionMode, opts?: IDBTransactionOptions) {
      if (mode === 'readwrite') seen.push(opts?.durability ?? 'default');
      return original.call(this, names, mode, opts);
    } as typeof original;
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  const modes = await page.evaluate(() => (window as unknown as { __tx: string[] }).__tx);
  expect(modes.length).toBeGreaterThan(0);
  expect(new Set(modes)).toEqual(new Set(['strict']));
  await expect(page.getByTestId('storage-status')).toContainText(/persistent|best-effort/);
});

/** The stored revision of my layer and its cached snapshot (revision and size) on this page's origin. */
function readCache(p: Page) {
  return p.evaluate(async () => {
    const req = indexedDB.open('spanmark');
    const db = await new Promise<IDBDatabase>((res) => (req.onsuccess = () => res(req.result)));
    const all = <T>(store: string) =>
      new Promise<T[]>((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result as T[]);
      });
    const revisions = await all<{ revision: number }>('layerRevisions');
    const snapshots = await all<{ revision: number; columns?: { count?: number } }>('layerSnapshots');
    db.close();
    return { revision: revisions[0]?.revision, snapshot: snapshots[0]?.revision, size: snapshots[0]?.columns?.count };
  });
}

test('the layer snapshot that speeds up opening never serves a stale layer', async ({ context }) => {
  const a = new SpanmarkApp(await context.newPage());
  await a.goto();
  await a.openSample();
  await a.select('Almaty');
  await a.tag('deployment');
  await a.select('Twitter');
  await a.tag('claim');
  // Once edits pause, the layer is saved as one record at the current revision.
  await expect.poll(() => readCache(a.page), { timeout: 10_000 }).toEqual({ revision: 2, snapshot: 2, size: 2 });

  // Another window changes the layer: the snapshot is now behind and must not be used.
  const b = new SpanmarkApp(await context.newPage());
  await b.goto();
  await b.clickText('Twitter');
  await b.press('Delete');
  expect((await readCache(b.page)).revision).toBe(3);
  const c = new SpanmarkApp(await context.newPage());
  await c.goto();
  await expect(c.rows()).toHaveCount(1);
  expect(await c.rowTexts()).toEqual(['deployment:Almaty']);
  await expect.poll(() => readCache(c.page), { timeout: 10_000 }).toEqual({ revision: 3, snapshot: 3, size: 1 });
});

test('a damaged or old-format layer snapshot is ignored: the layer comes from its records', async ({ page }) => {
  const snapshotCount = async () => (await readCache(page)).size;
  /** Replaces the stored snapshot's payload, keeping its (current) revision. */
  const tamper = (kind: 'old-format' | 'damaged') =>
    page.evaluate(async (kind) => {
      const req = indexedDB.open('spanmark');
      const db = await new Promise<IDBDatabase>((res) => (req.onsuccess = () => res(req.result)));
      const tx = db.transaction('layerSnapshots', 'readwrite');
      const store = tx.objectStore('layerSnapshots');
      const r = store.getAll();
      const [row] = await new Promise<{ docId: string; revision: number; columns: Record<string, unknown> }[]>((res) => (r.onsuccess = () => res(r.result)));
      if (!row) throw new Error('no snapshot to tamper with');
      store.put(kind === 'old-format' ? { docId: row.docId, revision: row.revision, annotations: [] } : { ...row, columns: { ...row.columns, count: 7 } });
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    }, kind);
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  await app.select('Twitter');
  await app.tag('claim');
  const expected = await app.rowTexts();
  expect(expected).toHaveLength(2);
  await expect.poll(snapshotCount, { timeout: 10_000 }).toBe(2);
  for (const kind of ['old-format', 'damaged'] as const) {
    await tamper(kind);
    await page.reload();
    await expect(app.rows()).toHaveCount(2);
    expect(await app.rowTexts()).toEqual(expected);
    expect(await app.painted()).toEqual({ deployment: 1, claim: 1 });
    // Read from the records, the layer is cached again in the current form.
    await expect.poll(snapshotCount, { timeout: 10_000 }).toBe(2);
  }
});
