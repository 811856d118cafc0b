// Deleting and archiving articles in the library (issue 12 item 4): two articles deleted from the
// keyboard keep every record of theirs (my layer, a colleague's layer, snapshots) until the
// deletion is undone — everything back exactly — or confirmed by emptying Deleted, which removes
// them all; archiving hides an article from the default view and the Archived filter shows it.
// Also the colleagues and review columns, their filter and sort.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { colleagueExport } from './fixtures/exports.js';
import { readStored as dump, storedMine, type StoredLibrary as Dump } from './pages/stored.js';

const AIGERIM = colleagueExport('Aigerim', [
  { id: 'ai-1', label: 'claim', quote: 'at least six waves of terrorist attacks' },
  { id: 'ai-2', label: 'casualty', quote: 'Their number increased to 18' },
]);

/**
 * The stored state that must come back exactly: everything but the library's own caches (its
 * counts, and its rows' pack, which every article write restamps).
 */
function lasting(page: Page): Promise<Dump> {
  return dump(page, ['layerCounts', 'libraryPacks']);
}

const titles = (page: Page) => page.getByTestId('library-item').locator('.title');

/** The sample with two of my tags and Aigerim's layer; two plain articles, one tagged. */
async function setUp(page: Page): Promise<SpanmarkApp> {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openSample();
  await app.select('at least six waves of terrorist attacks');
  await app.tag('claim');
  await app.select('security forces');
  await app.tag('deployment');
  await app.importBuffer('aigerim.spanmark.json', AIGERIM);
  await app.openBuffer('alpha.txt', 'text/plain', Buffer.from('Alpha: the convoy 🚚 moved north at dawn.'));
  await expect(page.getByTestId('article-title')).toHaveText('alpha');
  await app.select('convoy');
  await app.tag('deployment');
  await app.openBuffer('bravo.txt', 'text/plain', Buffer.from('Bravo: مرحبا, crowds gathered near the akimat.'));
  await expect(page.getByTestId('article-title')).toHaveText('bravo');
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-count')).toHaveText('3 articles');
  return app;
}

test('two articles deleted by keyboard keep every record until Undo brings them back exactly; emptying Deleted removes them for good', async ({ page }) => {
  await setUp(page);
  // Newest first: bravo, alpha, the sample.
  await expect(titles(page)).toHaveText(['bravo', 'alpha', 'kazakhstan-2022-01-07']);
  // The stored state, once the layers' snapshots settled.
  let before: Dump = {};
  await expect
    .poll(async () => {
      const now = await lasting(page);
      const same = JSON.stringify(now) === JSON.stringify(before);
      before = now;
      return same;
    })
    .toBe(true);
  expect(storedMine(before)).toHaveLength(3);
  expect(before['colleagueAnnotations']).toHaveLength(2);

  // Keyboard only: focus the first row, ↓ to alpha, Shift+↓ to the sample, Delete.
  await page.getByTestId('library-item').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('library-item').nth(1)).toBeFocused();
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('library-row').nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('library-row').nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('library-row').nth(0)).toHaveAttribute('aria-selected', 'false');
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('library-status')).toContainText('Deleted 2 articles');
  await expect(titles(page)).toHaveText(['bravo']);
  await expect(page.getByTestId('library-count')).toHaveText('1 article');
  // Committed when it says so, and nothing of theirs is gone: only the articles are marked.
  const deleted = await lasting(page);
  expect(storedMine(deleted)).toEqual(storedMine(before));
  expect(deleted['colleagueAnnotations']).toEqual(before['colleagueAnnotations']);
  expect(deleted['layerSnapshots']).toEqual(before['layerSnapshots']);
  expect((deleted['articles'] as { deletedAt?: string }[]).filter((a) => a.deletedAt !== undefined)).toHaveLength(2);

  // Undo, from the keyboard: everything back exactly, counts and review progress with it.
  await page.getByTestId('library-undo').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-status')).toContainText('Undone: 2 articles are back');
  await expect(titles(page)).toHaveText(['bravo', 'alpha', 'kazakhstan-2022-01-07']);
  expect(await lasting(page)).toEqual(before);
  const sample = page.getByTestId('library-row').nth(2);
  await expect(sample.getByTestId('cell-count-claim')).toHaveText('1');
  await expect(sample.getByTestId('cell-count-deployment')).toHaveText('1');
  await expect(sample.getByTestId('cell-colleagues')).toHaveText('Aigerim');
  await expect(sample.getByTestId('library-review-progress')).toHaveText('0 of 1 difference decided');

  // Delete the sample again (Ctrl+click picks it without opening it), then confirm in Deleted.
  await titles(page)
    .nth(2)
    .click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByTestId('library')).toBeVisible();
  await page.getByTestId('library-delete').click();
  await expect(page.getByTestId('library-status')).toContainText('Deleted 1 article');
  await page.getByTestId('filter-shelf').selectOption('deleted');
  await expect(titles(page)).toHaveText(['kazakhstan-2022-01-07']);
  await page.getByTestId('library-empty-deleted').click();
  await expect(page.getByTestId('confirm-message')).toContainText('Delete 1 article for good');
  await page.getByTestId('confirm-no').click();
  await expect(titles(page)).toHaveText(['kazakhstan-2022-01-07']);
  expect((await lasting(page))['colleagueAnnotations']).toHaveLength(2);
  await page.getByTestId('library-empty-deleted').click();
  await page.getByTestId('confirm-yes').click();
  await expect(page.getByTestId('library-status')).toContainText('Deleted 1 article for good');
  await expect(page.getByTestId('library-undo')).toHaveCount(0);
  await expect(titles(page)).toHaveCount(0);
  const after = await dump(page);
  const sampleId = (before['articles'] as { id: string; title: string }[]).find((a) => a.title === 'kazakhstan-2022-01-07')!.id;
  for (const [store, records] of Object.entries(after)) {
    const of = (records as { id?: string; docId?: string }[]).filter((r) => r.docId === sampleId || (store === 'articles' && r.id === sampleId));
    expect(of, store).toEqual([]);
  }
  expect(after['articles']).toHaveLength(2);
  expect(storedMine(after)).toHaveLength(1); // alpha's convoy
  await page.getByTestId('filter-shelf').selectOption('active');
  await expect(titles(page)).toHaveText(['bravo', 'alpha']);
});

test('archive hides an article from the default view, the Archived filter shows it, unarchive and undo put it back', async ({ page }) => {
  await setUp(page);
  await page.getByTestId('library-row').filter({ hasText: 'alpha' }).getByTestId('library-pick').check();
  await page.getByTestId('library-archive').click();
  await expect(page.getByTestId('library-status')).toContainText('Archived 1 article.');
  await expect(titles(page)).toHaveText(['bravo', 'kazakhstan-2022-01-07']);
  await expect(page.getByTestId('library-count')).toHaveText('2 articles');
  // Archived, not deleted: every annotation is where it was, and it survives a reload.
  await page.reload();
  await expect(titles(page)).toHaveText(['bravo', 'kazakhstan-2022-01-07']);
  await page.getByTestId('filter-shelf').selectOption('archived');
  await expect(titles(page)).toHaveText(['alpha']);
  await expect(page.getByTestId('library-count')).toHaveText('1 article archived');
  await expect(page.getByTestId('cell-count-deployment')).toHaveText('1');
  // Unarchive by keyboard focus (nothing picked: the focused row), then undo that.
  await page.getByTestId('library-item').first().focus();
  await page.getByTestId('library-unarchive').click();
  await expect(page.getByTestId('library-status')).toContainText('Moved 1 article back from the archive.');
  await expect(titles(page)).toHaveCount(0);
  await page.getByTestId('library-undo').click();
  await expect(titles(page)).toHaveText(['alpha']);
  await page.getByTestId('library-item').first().focus();
  await page.getByTestId('library-unarchive').click();
  await page.getByTestId('filter-shelf').selectOption('active');
  await expect(titles(page)).toHaveText(['bravo', 'alpha', 'kazakhstan-2022-01-07']);
  // Ctrl+Z in the table undoes the last action too.
  await page.getByTestId('library-item').nth(1).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Delete');
  await expect(titles(page)).toHaveText(['bravo', 'kazakhstan-2022-01-07']);
  await page.getByTestId('library-item').first().focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(titles(page)).toHaveText(['bravo', 'alpha', 'kazakhstan-2022-01-07']);
});

test('colleagues and review columns: filter by colleague, sort by either; Shift-click picks a range', async ({ page }) => {
  await setUp(page);
  await page.getByTestId('filter-colleague').selectOption('Aigerim');
  await expect(titles(page)).toHaveText(['kazakhstan-2022-01-07']);
  await expect(page.getByTestId('library-count')).toHaveText('1 of 3 articles');
  await page.getByTestId('filter-colleague').selectOption('');
  await page.getByTestId('sort-colleagues').click();
  await expect(titles(page).first()).toHaveText('kazakhstan-2022-01-07');
  // Review: ascending puts the least settled first; articles without a colleague's layer last.
  await page.getByTestId('sort-review').click();
  await expect(titles(page).first()).toHaveText('kazakhstan-2022-01-07');
  await expect(page.getByTestId('cell-review').first()).toHaveText('0/1');
  await page.getByTestId('sort-title').click();
  await expect(titles(page)).toHaveText(['alpha', 'bravo', 'kazakhstan-2022-01-07']);
  await page.getByTestId('library-pick').first().click();
  await page
    .getByTestId('library-pick')
    .nth(2)
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('library-row').and(page.locator('[aria-selected="true"]'))).toHaveCount(3);
  await expect(page.getByTestId('library-delete')).toHaveText('Delete 3');
});

test('back in a library filtered by colleague, the table draws that colleague’s articles from the start', async ({ page }) => {
  await setUp(page);
  // Drawn without them at first, the colleagues column fills once the rows are painted.
  await expect(page.getByTestId('library-row').filter({ hasText: 'kazakhstan-2022-01-07' }).getByTestId('cell-colleagues')).toHaveText('Aigerim');
  await page.getByTestId('filter-colleague').selectOption('Aigerim');
  await expect(page.getByTestId('library-count')).toHaveText('1 of 3 articles');
  await titles(page).first().click();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  // Every count the table shows on the way back, from its first drawing.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenCounts: string[] }).seenCounts = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="library-count"]')?.textContent;
      if (text && seen[seen.length - 1] !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('cmd-library').click();
  await expect(titles(page)).toHaveText(['kazakhstan-2022-01-07']);
  await expect(page.getByTestId('filter-colleague')).toHaveValue('Aigerim');
  expect(await page.evaluate(() => (window as unknown as { seenCounts: string[] }).seenCounts)).toEqual(['1 of 3 articles']);
});
