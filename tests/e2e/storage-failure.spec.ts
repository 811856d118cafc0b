// When the disk is full the analyst is told, the unsaved tag does not stay on screen pretending to
// be saved, and everything already stored is intact.

import { expect, test } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';

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
