// When the disk is full the analyst is told, the unsaved tag does not stay on screen pretending to
// be saved, and everything already stored is intact; a write that fails among queued ones leaves
// the records, the layer snapshot, the screen and exports saying the same thing; an import whose
// layer cannot be written is reported and leaves nothing of the file behind.

import { expect, test, type Page } from '@playwright/test';
import { holdWrites } from './fixtures/hold-writes.js';
import { exportV2 } from './fixtures/exports.js';
import { SpanmarkApp } from './pages/app.js';
import { readStored } from './pages/stored.js';

test('a write refused for quota is reported, rolled back, and nothing stored is lost', async ({ page }) => {
  // Chromium's quota override does not reach this build's storage, so the disk filling up is
  // simulated where IndexedDB reports it: object store writes throw QuotaExceededError while the
  // switch is on. The app under test is unchanged.
  await page.addInitScript(() => {
    const w = window as unknown as { __diskFull?: boolean };
    for (const method of ['add', 'put'] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with .apply(this, …)
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (w.__diskFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      } as typeof original;
    }
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');

  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = true));

  await app.select('Twitter');
  await page.keyboard.press('1');
  await expect(app.errorMessage().last()).toContainText(/disk is full|storage quota/i);
  await expect(page.getByTestId('save-status')).toHaveText('Not saved');
  await expect.poll(() => app.rowTexts()).toEqual(['deployment:Almaty']);
  expect(await app.painted()).toEqual({ deployment: 1 });

  await page.evaluate(() => ((window as unknown as { __diskFull?: boolean }).__diskFull = false));
  await app.select('Twitter');
  await app.tag('claim');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await expect(app.rows()).toHaveCount(2);
  expect(await app.rowTexts()).toEqual(['deployment:Almaty', 'claim:Twitter']);
});

test('one failed write among queued ones: records, snapshot, screen and export agree afterwards', async ({ page, context }) => {
  // The next `failPuts` writes of an annotation record are refused as a full disk would refuse
  // them; everything else is written normally.
  await page.addInitScript(() => {
    const w = window as unknown as { __failPuts?: number };
    for (const method of ['add', 'put'] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with .apply(this, …)
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
        if (this.name === 'myLayerEdits' && (w.__failPuts ?? 0) > 0) {
          w.__failPuts = (w.__failPuts ?? 0) - 1;
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return original.apply(this, args);
      } as typeof original;
    }
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  await app.clickText('Almaty');

  // Writes wait behind another transaction, so the relabel after the failed one is queued while
  // the failure is being handled.
  const hold = await holdWrites(context);
  await page.evaluate(() => ((window as unknown as { __failPuts?: number }).__failPuts = 1));
  await page.keyboard.press('1');
  await expect(app.errorMessage().last()).toContainText(/disk is full|storage quota/i);
  await page.keyboard.press('2');
  await hold.release();

  // Once the snapshot is written (edits paused), every copy says the same.
  await expect.poll(() => readLayer(page), { timeout: 15_000 }).toMatchObject({ snapshotCurrent: true });
  const { records } = await readLayer(page);
  expect(records).toEqual(['casualty']);
  await expect.poll(() => app.rowTexts()).toEqual(['casualty:Almaty']);
  expect(await app.painted()).toEqual({ casualty: 1 });
  const exported = (await app.exportLibrary()).json as { documents: { annotations: { label: string }[] }[] };
  expect(exported.documents[0]!.annotations.map((a) => a.label)).toEqual(['casualty']);
  // Reopening reads the snapshot, which is stamped current: it must hold the same.
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await app.rowTexts()).toEqual(['casualty:Almaty']);
  const reexported = (await app.exportLibrary()).json as { documents: { annotations: { label: string }[] }[] };
  expect(reexported.documents[0]!.annotations.map((a) => a.label)).toEqual(['casualty']);
});

/** The annotation records' labels, and whether the layer snapshot is stamped with the current revision. */
async function readLayer(page: Page): Promise<{ records: string[]; snapshotCurrent: boolean }> {
  return page.evaluate(async () => {
    const req = indexedDB.open('spanmark');
    const db = await new Promise<IDBDatabase>((res) => (req.onsuccess = () => res(req.result)));
    const all = <T>(store: string) =>
      new Promise<T[]>((res) => {
        const r = db.transaction(store).objectStore(store).getAll();
        r.onsuccess = () => res(r.result as T[]);
      });
    // Tagged and relabelled through the UI: my layer's edit records (renderer/db/my-layer-store.ts).
    const records = (await all<{ label: string }>('myLayerEdits')).map((a) => a.label);
    const [revision] = await all<{ revision: number; writer?: string }>('layerRevisions');
    const [snapshot] = await all<{ revision: number; writer?: string }>('layerSnapshots');
    db.close();
    const snapshotCurrent = snapshot !== undefined && revision !== undefined && snapshot.revision === revision.revision && snapshot.writer === revision.writer;
    return { records, snapshotCurrent };
  });
}

test('the disk filling up while an import writes my layer: reported, nothing of the file stored, the handed layer not opened', async ({ page }) => {
  // The import runs in a Worker, which the page's init scripts do not reach: the fault goes at the
  // top of the worker's own script, where IndexedDB refuses my layer's chunk as a full disk would.
  await page.route('**/import-worker.js', async (route) => {
    const response = await route.fetch();
    const fault = `(() => {
      for (const method of ['add', 'put']) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (...args) {
          if (this.name === 'myLayerChunks') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          return original.apply(this, args);
        };
      }
    })();\n`;
    await route.fulfill({ response, body: fault + (await response.text()) });
  });
  // The kinds of message the import worker sends, in order.
  await page.addInitScript(() => {
    const kinds: unknown[] = [];
    (window as unknown as { __importKinds: unknown[] }).__importKinds = kinds;
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        if (options?.name === 'spanmark-import') this.addEventListener('message', (e: MessageEvent<{ kind?: unknown }>) => kinds.push(e.data.kind));
      }
    };
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  const before = await readStored(page);
  const spans = [
    { id: 'd1', label: 'deployment', quote: 'Almaty' },
    { id: 'c1', label: 'claim', quote: 'Twitter' },
  ] as const;
  const error = await app.importRefused('sample.spanmark.json', exportV2('Dana', spans), 'mine');
  expect(error).toMatch(/Nothing was imported\. sample\.spanmark\.json: .*quota/i);
  // The layer was handed to the window while it was being written; the write then failed.
  expect(await page.evaluate(() => (window as unknown as { __importKinds: unknown[] }).__importKinds)).toEqual([
    'ready',
    'progress',
    'confirm',
    'progress',
    'layer',
    'done',
  ]);
  await expect(page.getByTestId('article-title')).toHaveCount(0);
  // All or nothing: not the article, not a layer record, not a revision or count.
  expect(await readStored(page)).toEqual(before);
  await page.reload();
  await app.goto();
  expect(await readStored(page)).toEqual(before);
  await expect(page.getByTestId('library-row')).toHaveCount(0);
});
