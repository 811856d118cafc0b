// The storage estimate in the library (issue 12 item 11): used / available from the browser's
// estimate, a warning from 80 % on, and a batch import refused before anything is written when
// the estimate says it cannot fit. navigator.storage.estimate is stubbed per test.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';

const MB = 1_000_000;

async function stubEstimate(page: Page, usage: number, quota: number): Promise<void> {
  await page.addInitScript(
    ([u, q]) => {
      const w = window as unknown as { __estimate: { usage: number; quota: number } };
      w.__estimate = { usage: u!, quota: q! };
      Object.defineProperty(navigator.storage, 'estimate', { configurable: true, value: () => Promise.resolve({ ...w.__estimate }) });
    },
    [usage, quota],
  );
}

test('the library shows used and available storage, without a warning below 80 %', async ({ page }) => {
  await stubEstimate(page, 120 * MB, 2000 * MB);
  await new SpanmarkApp(page).goto();
  await expect(page.getByTestId('storage-estimate')).toHaveText('Storage: 120 MB used of 2.0 GB available (6 %)');
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
});

test('from 80 % on the library warns, saying what is left and what to do', async ({ page }) => {
  await stubEstimate(page, 850 * MB, 1000 * MB);
  await new SpanmarkApp(page).goto();
  await expect(page.getByTestId('storage-estimate')).toHaveText('Storage: 850 MB used of 1.0 GB available (85 %)');
  await expect(page.getByTestId('storage-warning')).toContainText('Storage is 85 % full: 150 MB left.');
  await expect(page.getByTestId('storage-warning')).toContainText('empty Deleted');
});

test('a feed import that will not fit is refused before anything is stored; one that fits goes in', async ({ page }) => {
  // 1 kB left: a feed of a few kB cannot fit.
  await stubEstimate(page, 1000 * MB - 1000, 1000 * MB);
  await new SpanmarkApp(page).goto();
  const lines = Array.from({ length: 20 }, (_, i) =>
    JSON.stringify({ title: `Wire ${i} 🇰🇿`, text: `Report ${i}: crowds gathered near the akimat in Almaty. مرحبا`.repeat(4) }),
  ).join('\n');
  const importFeed = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('cmd-open-article').click();
    await (await chooser).setFiles([{ name: 'wire.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines) }]);
  };
  await importFeed();
  await expect(page.getByTestId('corpus-import-failure')).toContainText('Not imported: these files need about');
  await expect(page.getByTestId('corpus-import-failure')).toContainText('and only 1.0 kB of 1.0 GB is left. Nothing was changed.');
  await page.getByTestId('corpus-import-close').click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  // Space freed: the same feed goes in.
  await page.evaluate(() => ((window as unknown as { __estimate: { usage: number } }).__estimate.usage = 10_000_000));
  await importFeed();
  await expect(page.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  await page.getByTestId('corpus-import-close').click();
  await expect(page.getByTestId('library-count')).toHaveText('20 articles');
});
