// The library as a table: a small feed sorted by date and by title, filtered by source and by
// status, next/previous article following the filtered order.

import { expect, test, type Page } from '@playwright/test';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { SpanmarkApp } from './pages/app.js';
import { readStored } from './pages/stored.js';

const ARTICLES = [
  { title: 'Bravo 🇰🇿 convoy', source: 'Reuters', date: '2022-01-05', text: 'A convoy moved north at dawn.' },
  { title: 'alpha checkpoint', source: 'AP', date: '2022-01-07', text: 'The checkpoint was abandoned overnight.' },
  { title: 'مرحبا Delta', source: 'Reuters', date: '2022-01-02', text: 'Crowds gathered near the akimat.' },
  { title: 'Charlie airport', source: 'AP', date: '2022-01-06', text: 'The airport was retaken by paratroopers.' },
  { title: 'Echo undated', source: 'Reuters', text: 'No date was given for this wire report.' },
  { title: 'Foxtrot market', source: 'TASS', date: '2022-01-04', text: 'Shops on the market street stayed shut.' },
  { title: 'Golf pipeline', source: 'Reuters', date: '2022-01-03', text: 'The pipeline operator reported no damage.' },
];

async function importFeed(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-open-article').click();
  const lines = ARTICLES.map((a) => JSON.stringify(a)).join('\n');
  await (await chooser).setFiles([{ name: 'wire.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines) }]);
  await expect(page.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  await page.getByTestId('corpus-import-close').click();
}

const titles = (page: Page) => page.getByTestId('library-item').locator('.title');

test('sort by date and title, filter by source and status, Alt+→ follows the filtered order', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await importFeed(page);
  await expect(page.getByTestId('library-count')).toHaveText('7 articles');

  // Date, ascending by the keyboard (Enter on the header button); the undated one last both ways.
  await page.getByTestId('sort-date').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sort-date').locator('..')).toHaveAttribute('aria-sort', 'descending');
  await expect(titles(page)).toHaveText([
    'alpha checkpoint',
    'Charlie airport',
    'Bravo 🇰🇿 convoy',
    'Foxtrot market',
    'Golf pipeline',
    'مرحبا Delta',
    'Echo undated',
  ]);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('sort-date').locator('..')).toHaveAttribute('aria-sort', 'ascending');
  await expect(titles(page).first()).toHaveText('مرحبا Delta');
  await expect(titles(page).last()).toHaveText('Echo undated');

  // Title: case-insensitive.
  await page.getByTestId('sort-title').click();
  await expect(titles(page)).toHaveText([
    'alpha checkpoint',
    'Bravo 🇰🇿 convoy',
    'Charlie airport',
    'Echo undated',
    'Foxtrot market',
    'Golf pipeline',
    'مرحبا Delta',
  ]);

  // Source Reuters: four, still by title.
  await page.getByTestId('filter-source').selectOption('Reuters');
  await expect(page.getByTestId('library-count')).toHaveText('4 of 7 articles');
  await expect(titles(page)).toHaveText(['Bravo 🇰🇿 convoy', 'Echo undated', 'Golf pipeline', 'مرحبا Delta']);

  // Mark one done from the article, then filter by status New: three remain.
  await page.getByTestId('library-item').filter({ hasText: 'Echo undated' }).click();
  await expect(page.getByTestId('article-title')).toHaveText('Echo undated');
  await page.getByTestId('article-text').focus();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('work-status')).toHaveText('Done');
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('filter-source')).toHaveValue('Reuters');
  await page.getByTestId('filter-status').selectOption('new');
  await expect(titles(page)).toHaveText(['Bravo 🇰🇿 convoy', 'Golf pipeline', 'مرحبا Delta']);
  await expect(page.getByTestId('cell-status')).toHaveText(['New', 'New', 'New']);

  // Alt+→ walks the table's order (title, Reuters, new), and stops at its end.
  await page.getByTestId('library-item').first().click();
  const title = page.getByTestId('article-title');
  await expect(title).toHaveText('Bravo 🇰🇿 convoy');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(title).toHaveText('Golf pipeline');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(title).toHaveText('مرحبا Delta');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(app.infoMessage().last()).toContainText('This is the last article in the library.');
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(title).toHaveText('Golf pipeline');
});

test('full-text search: a body word finds its article within the filters, and opens it with the match selected', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await importFeed(page);
  const search = page.getByTestId('library-search');

  // Combined with the table's filters: Charlie is from AP, so Reuters only finds nothing.
  await page.getByTestId('filter-source').selectOption('Reuters');
  await search.fill('paratroopers');
  await expect(page.getByTestId('search-count')).toHaveText('Nothing found in the articles shown.');
  await page.getByTestId('filter-source').selectOption('');
  await expect(page.getByTestId('search-count')).toHaveText('Found in 1 article');
  const result = page.getByTestId('search-result');
  await expect(result).toHaveCount(1);
  await expect(result.locator('.title')).toHaveText('Charlie airport');
  await expect(result.locator('mark')).toHaveText('paratroopers');

  // Titles and metadata are searched too: the RTL title, and an outlet.
  await search.fill('مرحبا');
  await expect(result.locator('.title')).toHaveText(['مرحبا Delta']);
  await search.fill('tass');
  await expect(result.locator('.title')).toHaveText(['Foxtrot market']);

  // Typed key by key, the results follow the box: a begun word finds its article from its third
  // letter; one or two letters match whole words only, not every word they begin.
  await search.fill('');
  const results = page.getByRole('region', { name: 'Search results' });
  await search.press('p');
  await expect(results).toHaveAttribute('data-query', 'p');
  await expect(page.getByTestId('search-count')).toHaveText('Nothing found in the articles shown.');
  await search.press('a');
  await expect(results).toHaveAttribute('data-query', 'pa');
  await expect(page.getByTestId('search-count')).toHaveText('Nothing found in the articles shown.');
  await search.pressSequentially('ratro');
  await expect(results).toHaveAttribute('data-query', 'paratro');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);
  await search.pressSequentially('opres');
  // One slip in a long word is forgiven.
  await expect(results).toHaveAttribute('data-query', 'paratroopres');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);

  await search.fill('paratroopers');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);
  await result.click();
  await expect(page.getByTestId('article-title')).toHaveText('Charlie airport');
  await expect.poll(() => app.highlightTexts('sm-pending')).toEqual(['paratroopers']);
  // The match is taggable as it stands: a label key tags exactly it.
  await app.tag('deployment');
  await expect.poll(() => app.highlightTexts('sm-pending')).toEqual([]);
});

test('the search index is saved and the next start searches from it, re-reading only the articles that changed', async ({ page }) => {
  // Every search reports how it brought the index up to date (collected per page load). The table
  // may search again on its own when its rows are re-read, so the reports since an action are
  // read together: the first says where the index came from, the sum what was read again.
  await page.addInitScript((name) => {
    const w = window as unknown as { __indexed: unknown[] };
    w.__indexed = [];
    window.addEventListener(name, (e) => w.__indexed.push((e as CustomEvent).detail));
  }, APP_EVENTS.searchIndexed);
  type Indexed = { restored: boolean; reindexed: number; removed: number; articles: number };
  const reports = () => page.evaluate(() => (window as unknown as { __indexed: Indexed[] }).__indexed);
  const since = async (mark: number) => {
    const r = (await reports()).slice(mark);
    return r.length === 0 ? undefined : { first: r[0], reindexed: r.reduce((n, x) => n + x.reindexed, 0), articles: r.at(-1)!.articles };
  };
  const savedIndex = async () => (await readStored(page)).settings?.find((s) => (s as { key: string }).key === 'searchIndex');
  const app = new SpanmarkApp(page);
  await app.goto();
  await importFeed(page);
  const search = page.getByTestId('library-search');
  const result = page.getByTestId('search-result');

  await search.fill('paratroopers');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);
  expect((await since(0))?.first).toEqual({ restored: false, reindexed: 7, removed: 0, articles: 7 });
  await expect.poll(savedIndex, { timeout: 15_000 }).toBeTruthy();

  // The next start: the saved index answers, and no article is read again.
  await page.reload();
  await app.goto();
  await search.fill('paratroopers');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);
  expect(await since(0)).toEqual({ first: { restored: true, reindexed: 0, removed: 0, articles: 7 }, reindexed: 0, articles: 7 });

  // Tag in one article: only that one is indexed again.
  await result.click();
  await expect(page.getByTestId('article-title')).toHaveText('Charlie airport');
  // Counted from here: the library may search its kept query again as soon as it is back.
  const mark = (await reports()).length;
  await app.tag('deployment');
  await page.getByTestId('cmd-library').click();
  // Its row counts the new span (the edit is written past Dexie; a cached copy of the layer stamps said 0).
  await expect(page.getByTestId('library-row').filter({ hasText: 'Charlie airport' })).toContainText('1 annotation');
  await search.fill('retaken');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);
  await expect.poll(async () => (await since(mark))?.reindexed).toBe(1);
  expect((await since(mark))?.first?.restored).toBe(false);

  // A damaged saved copy is no error: the library is indexed afresh, and found as before.
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('spanmark');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('settings', 'readwrite');
      tx.objectStore('settings').put({ key: 'searchIndex', value: { format: 1, index: { broken: true }, articles: [] } });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('write failed'));
    });
    db.close();
  });
  await page.reload();
  await app.goto();
  await search.fill('paratroopers');
  await expect(result.locator('.title')).toHaveText(['Charlie airport']);
  expect((await since(0))?.first).toEqual({ restored: false, reindexed: 7, removed: 0, articles: 7 });
});

test('a big search index is not copied while the window is shown, but when it is hidden, and the next start searches from it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.addInitScript((name) => {
    const w = window as unknown as { __indexed: unknown[] };
    w.__indexed = [];
    window.addEventListener(name, (e) => w.__indexed.push((e as CustomEvent).detail));
  }, APP_EVENTS.searchIndexed);
  const reports = () => page.evaluate(() => (window as unknown as { __indexed: { restored: boolean; reindexed: number }[] }).__indexed);
  const savedIndex = async () => (await readStored(page)).settings?.find((s) => (s as { key: string }).key === 'searchIndex');
  const app = new SpanmarkApp(page);
  await app.goto();
  // 240 articles of 9 paragraphs: 2,400 passages with the titles, over the 2,000 saved while shown.
  const lines = Array.from({ length: 240 }, (_, i) =>
    JSON.stringify({
      title: `Wire ${i}`,
      text: Array.from({ length: 9 }, (_, p) =>
        i === 117 && p === 4 ? 'The airport was retaken by paratroopers.' : `Report ${i}, paragraph ${p}: crowds gathered.`,
      ).join('\n\n'),
    }),
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-open-article').click();
  await (await chooser).setFiles([{ name: 'wire.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) }]);
  await expect(page.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  await page.getByTestId('corpus-import-close').click();

  const search = page.getByTestId('library-search');
  const result = page.getByTestId('search-result');
  await search.fill('paratroopers');
  await expect(result.locator('.title')).toHaveText(['Wire 117']);
  // Twice the pause after which a small index is saved: a big one waits for the window to hide.
  await page.waitForTimeout(3_000);
  expect(await savedIndex()).toBeUndefined();

  // The window is hidden (minimised, another app in front): the browser says so with visibilitychange.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(savedIndex, { timeout: 30_000 }).toBeTruthy();

  await page.reload();
  await app.goto();
  await search.fill('paratroopers');
  await expect(result.locator('.title')).toHaveText(['Wire 117']);
  expect((await reports())[0]).toMatchObject({ restored: true, reindexed: 0 });
});

test('a query typed key by key as fast as the keys come, and one pasted, each end with the results for the whole query', async ({ page }) => {
  // How many searches a burst makes depends on the keys' timing (typing-burst.ts, unit-tested
  // with exact times); what the analyst relies on is that the last results answer the whole query.
  const app = new SpanmarkApp(page);
  await app.goto();
  await importFeed(page);
  const search = page.getByTestId('library-search');
  const results = page.getByRole('region', { name: 'Search results' });
  const titles = page.getByTestId('search-result').locator('.title');

  await search.pressSequentially('paratroopers');
  await expect(results).toHaveAttribute('data-query', 'paratroopers');
  await expect(titles).toHaveText(['Charlie airport']);
  // A function word with it changes nothing.
  await search.pressSequentially(' the');
  await expect(results).toHaveAttribute('data-query', 'paratroopers the');
  await expect(titles).toHaveText(['Charlie airport']);

  await search.fill('convoy');
  await expect(results).toHaveAttribute('data-query', 'convoy');
  await expect(titles).toHaveText(['Bravo 🇰🇿 convoy']);
  await search.fill('the');
  await expect(results).toHaveAttribute('data-query', 'the');
  // Alone, it is searched: the five articles whose text has it.
  await expect(page.getByTestId('search-count')).toHaveText('Found in 5 articles');
});

test('while searches are quick, results follow the typing: the query is answered as it grows, not only when the keys stop', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await importFeed(page);
  // Every query the results answer, as the page draws them.
  await page.evaluate(() => {
    const w = window as unknown as { __answered: string[] };
    w.__answered = [];
    new MutationObserver(() => {
      const q = document.querySelector('.search-results')?.getAttribute('data-query');
      if (q !== undefined && q !== null && w.__answered.at(-1) !== q) w.__answered.push(q);
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
  });
  // Brisk typing, keys well inside one burst (typing-burst.ts): a slow search would hold them.
  await page.getByTestId('library-search').pressSequentially('paratroopers', { delay: 60 });
  await expect(page.getByRole('region', { name: 'Search results' })).toHaveAttribute('data-query', 'paratroopers');
  const answered = await page.evaluate(() => (window as unknown as { __answered: string[] }).__answered);
  // Typing lets a few keys through unsearched on a loaded machine; the analyst sees the results grow.
  const before = answered.filter((q) => q !== 'paratroopers');
  expect(before.length, `answered: ${answered.join(' | ')}`).toBeGreaterThanOrEqual(4);
  expect(
    answered.every((q) => 'paratroopers'.startsWith(q)),
    `answered: ${answered.join(' | ')}`,
  ).toBe(true);
});
