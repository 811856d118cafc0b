// Closing right after an edit loses nothing: the edit's transaction is issued whole in the
// keystroke's task, so a window closed, reloaded or navigated away at once still commits it;
// and while a write is still pending the browser's standard prompt holds the close.

import { expect, test, type Page } from '@playwright/test';
import { holdWrites } from './fixtures/hold-writes.js';
import { SpanmarkApp } from './pages/app.js';
import { SAMPLE_WORDS as WORDS } from './fixtures/sample-words.js';

test('a label key then an immediate close, reload or navigation, 20 rounds: every edit is stored', async ({ context }) => {
  test.setTimeout(300_000);
  // A page of its own keeps the context alive while the app's page is closed.
  await context.newPage();
  const open = async (): Promise<{ page: Page; app: SpanmarkApp }> => {
    const page = await context.newPage();
    // A prompt that does appear (the write still committing) is answered as an impatient analyst
    // would: leave anyway.
    page.on('dialog', (d) => void d.accept());
    const app = new SpanmarkApp(page);
    await app.goto();
    return { page, app };
  };
  let { page, app } = await open();
  await app.openSample();
  const tagged: string[] = [];
  for (const [round, word] of WORDS.entries()) {
    await app.select(word);
    await page.keyboard.press('1');
    tagged.push(word);
    const how = round % 3;
    if (how === 0) await page.close();
    else if (how === 1) await page.reload({ waitUntil: 'commit' });
    else await page.goto('about:blank');
    if (how !== 1) ({ page, app } = await open());
    else await expect(page.locator('html[data-ready="true"]')).toBeAttached();
    await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
    // Polled, not read once: the page that opens can read before the commit of the page that
    // closed reaches the database (seen once in CI: 19 rows, and all 20 on screen a moment later;
    // a page that commits announces it, and the others read again). A lost edit never comes, and
    // fails here after the usual 10 s.
    await expect
      .poll(async () => (await app.rowTexts()).sort(), { message: `after round ${round + 1} (${['close', 'reload', 'navigate'][how]})` })
      .toEqual(tagged.map((w) => `claim:${w}`).sort());
  }
});

test('while a write is pending, closing asks first; once it is committed, the window closes without asking', async ({ context }) => {
  const page = await context.newPage();
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  const hold = await holdWrites(context);
  await app.select('Almaty');
  await page.keyboard.press('3');
  await expect(page.getByTestId('save-status')).toHaveText(/Saving/);

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  await hold.release();
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toEqual(['beforeunload']);

  const again = new SpanmarkApp(await context.newPage());
  await again.goto();
  await expect(again.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await again.rowTexts()).toEqual(['deployment:Almaty']);
});
