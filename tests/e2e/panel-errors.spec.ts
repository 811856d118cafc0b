// A panel that fails to render shows which panel and why, with a way to reload it, while the other
// panels, the open document and the database go on. The failure is real: an annotation record whose
// quote is an object (the shape a foreign build might write), put straight into IndexedDB as a
// damaged library would hold it, makes the annotations list throw when it draws that row. (A label
// the schema lacks no longer does: labels are data, and such a row shows a "?" chip.)

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { readStored, storedMine, watchUnhandled } from './pages/stored.js';

/**
 * Writes (or with `remove`, deletes) a raw annotation record in my layer and bumps the document's
 * revision, as any writer does, so the layer is read record by record rather than from the cache.
 */
async function tamper(page: Page, record: Record<string, unknown>, remove = false): Promise<void> {
  await page.evaluate(
    async ({ record, remove }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('spanmark');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('opening the library failed'));
      });
      const tx = db.transaction(['myLayerEdits', 'layerRevisions'], 'readwrite');
      if (remove) tx.objectStore('myLayerEdits').delete([record['docId'] as string, record['id'] as string]);
      else tx.objectStore('myLayerEdits').put(record);
      const revisions = tx.objectStore('layerRevisions');
      const get = revisions.get(record['docId'] as string);
      get.onsuccess = () => revisions.put({ docId: record['docId'], revision: ((get.result as { revision?: number } | undefined)?.revision ?? 0) + 1 });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('the write failed'));
      });
      db.close();
    },
    { record, remove },
  );
}

test('a panel that throws shows what failed and can be reloaded; the reader, the library and the data carry on', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  const docId = (await readStored(page)).articles!.map((a) => (a as { id: string }).id)[0]!;
  const now = new Date().toISOString();
  const foreign = {
    id: 'from-a-newer-build',
    docId,
    label: 'rumour',
    start: 0,
    end: 4,
    quote: { text: 'date' },
    annotator: 'analyst',
    createdAt: now,
    updatedAt: now,
  };
  await tamper(page, foreign);
  const stored = await readStored(page, ['layerSnapshots']);

  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  const unhandled = await watchUnhandled(page);
  const failed = page.getByTestId('panel-failed');
  await expect(failed).toHaveAttribute('data-panel', 'annotations');
  await expect(failed).toContainText('The annotations panel stopped working');
  await expect(page.getByTestId('panel-failed-message')).toContainText('React error #31');
  // The rest of the window works: the reader shows the document and still tags.
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await expect(page.getByTestId('article-text')).toContainText('Almaty');
  expect(await readStored(page, ['layerSnapshots'])).toEqual(stored);
  await app.select('Twitter');
  await expect(page.getByTestId('label-menu')).toBeVisible();
  await app.tag('claim');
  // The reader paints every stored span by its offsets, the damaged one (label not in the schema) too.
  expect(await app.painted()).toEqual({ deployment: 1, claim: 1, rumour: 1 });
  const afterTag = await readStored(page, ['layerSnapshots']);
  expect(storedMine(afterTag)).toHaveLength(3);
  expect(storedMine(afterTag)).toContainEqual(foreign);

  // Reloading while the record is still there fails again, and says so; once it is gone, the panel is back.
  await page.getByTestId('panel-reload').click();
  await expect(page.getByTestId('panel-failed-message')).toContainText('React error #31');
  await tamper(page, foreign, true);
  await page.getByTestId('panel-reload').click();
  await expect(failed).toHaveCount(0);
  expect(await app.rowTexts()).toEqual(['deployment:Almaty', 'claim:Twitter']);

  // The library, another panel, was never touched by the failure.
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(1);
  await expect(page.getByTestId('library-item')).toContainText('2 annotations');
  expect(await unhandled()).toEqual([]);
});
