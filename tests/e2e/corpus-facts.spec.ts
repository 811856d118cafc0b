// Corpus facts and the export of the shown articles (issue 12, items 8 and 9), end to end: a small
// feed with metadata comes in, spans are tagged in three articles, the library is filtered by
// source; the library's "Facts of shown articles" (reached with the keyboard) shows only those
// articles' rows with their metadata, sorts by a metadata column, and its CSV holds exactly that;
// "Export shown articles…" writes a Spanmark file of exactly the shown articles, in the table's
// order, and the whole-library export still holds every article.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SpanmarkApp } from './pages/app.js';

const FEED = [
  {
    title: 'Almaty 🇰🇿 airport',
    source: 'Reuters',
    date: '2022-01-06',
    url: 'https://example.org/almaty',
    author: '=cmd|calc',
    language: 'en',
    tags: ['unrest', 'airport'],
    text: 'Troops retook the airport. At least 18 officers were killed overnight.',
  },
  { title: 'Wire from AP', source: 'AP', date: '2022-01-07', language: 'en', text: 'Two people were injured near the akimat on Friday.' },
  {
    title: 'مرحبا Almaty report',
    source: 'Reuters',
    date: '2022-01-05',
    author: 'Aigerim, desk',
    language: 'ar',
    text: 'Paratroopers arrived at dawn. Five protesters were detained in the square.',
  },
  { title: 'Untagged Reuters note', source: 'Reuters', date: '2022-01-04', text: 'No figures were given in this short note.' },
];

async function importFeed(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-open-article').click();
  const lines = FEED.map((a) => JSON.stringify(a)).join('\r\n');
  await (await chooser).setFiles([{ name: 'wire.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines) }]);
  await expect(page.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  await page.getByTestId('corpus-import-close').click();
}

async function tagIn(app: SpanmarkApp, title: string, quote: string, label: 'casualty' | 'deployment'): Promise<void> {
  await app.page.getByTestId('library-item').filter({ hasText: title }).click();
  await expect(app.page.getByTestId('article-title')).toHaveText(title);
  await app.select(quote);
  await app.tag(label);
  await app.page.getByTestId('cmd-library').click();
}

test('corpus facts of the filtered library: metadata columns, sort, CSV; the shown articles exported in pieces', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await importFeed(page);
  await expect(page.getByTestId('library-count')).toHaveText('4 articles');
  await tagIn(app, 'Almaty 🇰🇿 airport', 'At least 18 officers were killed', 'casualty');
  await tagIn(app, 'Wire from AP', 'Two people were injured', 'casualty');
  await tagIn(app, 'مرحبا Almaty report', 'Five protesters were detained', 'casualty');
  await tagIn(app, 'مرحبا Almaty report', 'arrived at dawn', 'deployment');

  // Filter: Reuters only, by title.
  await page.getByTestId('filter-source').selectOption('Reuters');
  await page.getByTestId('sort-title').click();
  await expect(page.getByTestId('library-count')).toHaveText('3 of 4 articles');
  const shownTitles = await page.getByTestId('library-item').locator('.title').allTextContents();
  expect(shownTitles).toEqual(['Almaty 🇰🇿 airport', 'Untagged Reuters note', 'مرحبا Almaty report']);

  // Corpus facts, by the keyboard.
  await page.getByTestId('library-facts').focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId('facts-view');
  await expect(view.getByRole('heading', { level: 1 })).toHaveText('Corpus facts');
  await expect(view.getByTestId('facts-scope')).toContainText('the 3 articles the library shows');
  const casualty = view.getByTestId('facts-casualty');
  await expect(casualty.getByTestId('facts-count')).toHaveText('2 rows');
  await expect(view.getByTestId('facts-deployment').getByTestId('facts-count')).toHaveText('1 row');
  const headers = await casualty.locator('thead tr').first().locator('th').allTextContents();
  for (const h of ['document', 'document.date', 'document.source', 'document.url', 'document.author', 'document.language', 'document.tags', 'document.status'])
    expect(headers).toContain(h);
  const column = (key: string) => casualty.getByTestId('facts-row').locator(`td:nth-child(${headers.indexOf(key) + 1})`);
  // Rows follow the library's order: the airport first.
  await expect(column('quote')).toHaveText(['At least 18 officers were killed', 'Five protesters were detained']);
  await expect(column('document.source')).toHaveText(['Reuters', 'Reuters']);
  await expect(column('document.tags')).toHaveText(['unrest; airport', '']);
  await expect(column('document.status')).toHaveText(['in-progress', 'in-progress']);

  // Sort by the article's date: the Arabic report (5 January) first.
  await casualty.getByTestId('facts-sort-document.date').click();
  await expect(casualty.locator('th[aria-sort="ascending"]')).toHaveText(/document\.date/);
  await expect(column('document')).toHaveText(['مرحبا Almaty report', 'Almaty 🇰🇿 airport']);

  // Export CSV: what is shown, metadata and all; the author's formula neutralised.
  const download = page.waitForEvent('download');
  await casualty.getByTestId('facts-export-csv').click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('corpus-facts-casualty.csv');
  const csv = readFileSync(await d.path(), 'utf8');
  const records = csv
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  expect(records[0]).toBe(headers.join(','));
  expect(records).toHaveLength(3);
  expect(records[1]).toContain('Five protesters were detained');
  expect(records[1]).toContain('"Aigerim, desk"');
  expect(records[1]).toContain(',ar,');
  expect(records[2]).toContain('At least 18 officers were killed');
  expect(records[2]).toContain("'=cmd|calc");
  expect(records[2]).toContain('https://example.org/almaty');
  expect(csv).not.toContain('Two people were injured');

  // Back to the library: Escape closes the view, the filter is still on.
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(page.getByTestId('library-count')).toHaveText('3 of 4 articles');

  // Export the shown articles: exactly those, in the table's order, with their annotations.
  const shownExport = page.waitForEvent('download');
  await page.getByTestId('library-export-shown').click();
  const e = await shownExport;
  expect(e.suggestedFilename()).toBe('spanmark-library-shown.spanmark.json');
  const file = JSON.parse(readFileSync(await e.path(), 'utf8')) as {
    version: number;
    documents: { title: string; metadata: { source?: string }; annotations: { quote: string }[] }[];
  };
  expect(file.version).toBe(2);
  expect(file.documents.map((doc) => doc.title)).toEqual(shownTitles);
  expect(file.documents.map((doc) => doc.metadata.source)).toEqual(['Reuters', 'Reuters', 'Reuters']);
  expect(file.documents.map((doc) => doc.annotations.map((a) => a.quote))).toEqual([
    ['At least 18 officers were killed'],
    [],
    ['arrived at dawn', 'Five protesters were detained'],
  ]);
  await expect(page.getByTestId('message-info').filter({ hasText: 'Exported 3 annotations on 3 documents shown in the library' })).toBeVisible();

  // The whole library (Ctrl+Shift+E's export) still holds all four.
  const whole = await app.exportLibrary();
  expect(whole.name).toBe('spanmark-library.spanmark.json');
  expect((whole.json as { documents: unknown[] }).documents).toHaveLength(4);
});
