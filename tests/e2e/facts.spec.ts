// The Facts view end to end: the sample article with tagged spans carrying attributes (written into
// IndexedDB before the app loads them: the attribute form is another screen), one table per label,
// sort by a header (keyboard), filter a column, jump from a row to the span, and Export CSV / JSON
// Lines of exactly what is shown — the CSV read back by Python's csv module. A long layer's tables
// are drawn a hundred rows at a time, while the filter and the exports cover every row.

import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Annotation } from '../../src/annotations/types.js';
import { BENCH_ANNOTATOR } from '../bench/case.js';
import { sampleArticle } from './fixtures/exports.js';
import { SpanmarkApp } from './pages/app.js';
import { longCase } from './pages/long-case.js';

const article = sampleArticle();
const T = '2022-01-08T10:00:00.000Z';

function span(id: string, label: string, quote: string, attributes: NonNullable<Annotation['attributes']>): Annotation {
  const start = article.text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the sample`);
  return {
    id,
    docId: article.id,
    label: label,
    start,
    end: start + quote.length,
    quote,
    annotator: 'aigerim',
    createdAt: T,
    updatedAt: T,
    attributes,
  };
}

const SPANS: Annotation[] = [
  span('c-18', 'casualty', 'Their number increased to 18', {
    count: { value: 18, qualifier: 'exact' },
    kind: ['killed'],
    group: 'security forces',
    place: 'Almaty, Alma-Ata',
    date: '2022-01',
  }),
  span('c-2', 'casualty', 'two of them were beheaded', {
    count: { value: 2, qualifier: 'exact' },
    kind: ['killed', 'injured'],
    group: 'security forces',
    place: '=HYPERLINK("x")',
  }),
  span('c-radicals', 'casualty', 'at least 20 thousand radicals', { count: { min: 10_000, max: 20_000 }, kind: ['detained'], group: 'protesters' }),
  span('d-by', 'deployment', 'Belarusian peacekeepers arrived in Kazakhstan', { force: 'Belarusian peacekeepers', origin: 'Belarus' }),
  span('cl-1', 'claim', 'the bandits who caused the riots had received extensive training abroad', {
    source: 'Tokayev',
    stance: 'asserted',
    status: 'unverified',
  }),
];

/** Writes the sample and its annotations into the app's database, as a library holding them would. */
async function seed(page: Page): Promise<void> {
  await page.evaluate(
    async ({ article, spans }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('spanmark');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('cannot open the database'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['articles', 'articleRows', 'libraryPacks', 'myLayerEdits'], 'readwrite');
        tx.objectStore('articles').put(article);
        // The library's row of it and a new stamp for the rows, as the app writes beside every
        // article (renderer/db/article-rows.ts, rows-pack.ts).
        const { text: _text, blocks: _blocks, ...row } = article;
        tx.objectStore('articleRows').put(row);
        tx.objectStore('libraryPacks').put({ key: 'rows-stamp', stamp: 'seeded by the facts test' });
        // As my layer's edits (renderer/db/my-layer-store.ts): a layer of records alone is a layer.
        for (const a of spans) tx.objectStore('myLayerEdits').put(a);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('cannot write the database'));
      });
      db.close();
    },
    { article, spans: SPANS },
  );
}

function pythonCsv(bytes: Buffer): { bom: boolean; rows: string[][] } {
  const out = execFileSync(
    'python3',
    [
      '-c',
      `
import csv, io, json, sys
raw = sys.stdin.buffer.read()
rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
print(json.dumps({"bom": raw.startswith(b"\\xef\\xbb\\xbf"), "rows": rows}))
`,
    ],
    { input: bytes, encoding: 'utf8' },
  );
  return JSON.parse(out) as { bom: boolean; rows: string[][] };
}

test('facts: one table per label, sort, filter, export CSV and JSON Lines of what is shown, jump to the span', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await seed(page);
  await app.goto();

  await page.getByTestId('cmd-facts').click();
  const view = page.getByTestId('facts-view');
  await expect(view).toBeVisible();
  const casualty = view.getByTestId('facts-casualty');
  await expect(casualty.getByTestId('facts-count')).toHaveText('3 rows');
  await expect(view.getByTestId('facts-deployment').getByTestId('facts-count')).toHaveText('1 row');
  await expect(view.getByTestId('facts-claim').getByTestId('facts-count')).toHaveText('1 row');
  const headers = await casualty.locator('thead tr').first().locator('th').allTextContents();
  expect(headers).toEqual([
    'quote',
    'count',
    'count.qualifier',
    'count.min',
    'count.max',
    'kind',
    'group',
    'place',
    'date',
    'document',
    'document.date',
    'annotator',
    'review.status',
    'review.decision',
  ]);
  const rowIds = () => casualty.getByTestId('facts-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-annotation-id')));
  // Text order in the document first.
  expect(await rowIds()).toEqual(['c-radicals', 'c-18', 'c-2']);

  // Sort by count with the keyboard: ascending, then descending; the range (no single count) last.
  await casualty.getByTestId('facts-sort-count').focus();
  await page.keyboard.press('Enter');
  await expect(casualty.locator('th[aria-sort="ascending"]')).toHaveText(/count/);
  expect(await rowIds()).toEqual(['c-2', 'c-18', 'c-radicals']);
  await page.keyboard.press('Enter');
  await expect(casualty.locator('th[aria-sort="descending"]')).toHaveText(/count/);
  expect(await rowIds()).toEqual(['c-18', 'c-2', 'c-radicals']);

  // Filter: kind contains "killed".
  await casualty.getByTestId('facts-filter-kind').fill('KILLED');
  await expect(casualty.getByTestId('facts-count')).toHaveText('2 of 3 rows');
  expect(await rowIds()).toEqual(['c-18', 'c-2']);

  // Export CSV: exactly the shown columns and rows, in the shown order, read back by Python.
  const download = page.waitForEvent('download');
  await casualty.getByTestId('facts-export-csv').click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('facts-casualty.csv');
  const bytes = readFileSync(await d.path());
  expect(bytes.toString('utf8')).toContain('\r\n');
  const { bom, rows } = pythonCsv(bytes);
  expect(bom).toBe(true);
  expect(rows[0]).toEqual(headers);
  expect(rows.length).toBe(3);
  const rec = (i: number) => Object.fromEntries(rows[0]!.map((h, j) => [h, rows[i]![j]]));
  expect(rec(1)).toEqual({
    quote: 'Their number increased to 18',
    count: '18',
    'count.qualifier': 'exact',
    'count.min': '',
    'count.max': '',
    kind: 'killed',
    group: 'security forces',
    place: 'Almaty, Alma-Ata',
    date: '2022-01',
    document: article.title,
    'document.date': '2022-01-07',
    annotator: 'aigerim',
    'review.status': '',
    'review.decision': '',
  });
  expect(rec(2)['kind']).toBe('killed; injured');
  // Spreadsheet formulas from article text are neutralised in the app's CSV.
  expect(rec(2)['place']).toBe('\'=HYPERLINK("x")');

  // JSON Lines of the same rows, typed.
  const jl = page.waitForEvent('download');
  await casualty.getByTestId('facts-export-jsonl').click();
  const lines = readFileSync(await (await jl).path(), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines.map((l) => l['quote'])).toEqual(['Their number increased to 18', 'two of them were beheaded']);
  expect(lines[0]!['count']).toBe(18);
  expect(lines[1]!['place']).toBe('=HYPERLINK("x")');

  // A row jumps to its span: the view closes, the document opens with that annotation selected.
  await casualty.getByTestId('facts-row').nth(1).click();
  await expect(view).toBeHidden();
  await expect(page.getByTestId('article-title')).toHaveText(article.title);
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText('two of them were beheaded');
  await expect(page.locator('[data-testid="annotation-row"][aria-current="true"]')).toHaveAttribute('data-id', 'c-2');

  // From an open document too, by keyboard: the quote is a button.
  await page.getByTestId('cmd-facts').click();
  await view.getByTestId('facts-deployment').locator('.facts-jump').first().focus();
  await page.keyboard.press('Enter');
  await expect(view).toBeHidden();
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText('Belarusian peacekeepers arrived in Kazakhstan');
  // The keys are in the text, on the selected span.
  await expect(page.getByTestId('article-text')).toBeFocused();

  // The reader's keys do not act on the document under the view: no relabel, no delete.
  await page.getByTestId('cmd-facts').click();
  await view.getByTestId('facts-deployment').getByTestId('facts-sort-quote').focus();
  for (const key of ['2', 'Delete', 'Backspace', ']']) await page.keyboard.press(key);
  await expect(view.getByTestId('facts-deployment').getByTestId('facts-count')).toHaveText('1 row');
  await expect(view.getByTestId('facts-casualty').getByTestId('facts-count')).toHaveText('3 rows');
  await page.keyboard.press('Escape');
  await expect(view).toBeHidden();
  await expect(page.locator('[data-testid="annotation-row"][data-id="d-by"]')).toHaveCount(1);
});

test('Facts opened from the toolbar by keyboard takes the focus; Escape closes it and gives the focus back', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await seed(page);
  await app.goto();
  await page.getByTestId('cmd-facts').focus();
  await page.keyboard.press('Enter');
  const view = page.getByTestId('facts-view');
  await expect(view).toBeFocused();
  // Tab goes on inside the view, to its first control.
  await page.keyboard.press('Tab');
  await expect(view.getByTestId('facts-close')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(view).toHaveCount(0);
  await expect(page.getByTestId('cmd-facts')).toBeFocused();
});

test('a long layer’s facts are drawn a hundred rows at a time; the filter and the exports cover every row', async ({ page }) => {
  test.setTimeout(120_000);
  // 1,000 spans with every attribute filled, labels in turn: 333 casualties.
  const bc = await longCase(1_000, 20221231);
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator(BENCH_ANNOTATOR);
  await app.importBuffer(bc.annotated.name, bc.annotated.bytes, 'mine');
  await page.getByTestId('cmd-facts').click();
  const casualty = page.getByTestId('facts-view').getByTestId('facts-casualty');
  await expect(casualty.getByTestId('facts-count')).toHaveText('333 rows');
  const rows = casualty.getByTestId('facts-row');
  await expect(rows).toHaveCount(100);
  const more = casualty.getByTestId('facts-more-casualty');
  await expect(casualty.locator('p', { has: page.getByTestId('facts-more-casualty') })).toHaveText(
    '100 rows of 333 shown. Filter or sort to bring others up; the exports hold all 333. Show 100 more',
  );

  // The export holds every row, not the hundred drawn.
  const download = page.waitForEvent('download');
  await casualty.getByTestId('facts-export-csv').click();
  const { rows: csv } = pythonCsv(readFileSync(await (await download).path()));
  expect(csv).toHaveLength(334);
  const headers = csv[0]!;
  const last = csv.at(-1)!;
  const place = last[headers.indexOf('place')]!;
  const column = (key: string) => rows.locator(`td:nth-child(${headers.indexOf(key) + 1})`);
  expect(await column('place').allTextContents()).not.toContain(place);

  // The filter searches every row: the last one, not drawn, is found.
  await casualty.getByTestId('facts-filter-place').fill(place);
  await expect(rows).toHaveCount(1);
  await expect(column('quote')).toHaveText([last[headers.indexOf('quote')]!]);
  await expect(more).toHaveCount(0);
  await casualty.getByTestId('facts-filter-place').fill('');
  await expect(rows).toHaveCount(100);

  // A hundred more per press, until all are drawn; the focus lands on the line that says so.
  for (const n of [200, 300, 333]) {
    await more.click();
    await expect(rows).toHaveCount(n);
  }
  await expect(casualty.getByTestId('facts-more-casualty-done')).toHaveText('All 333 rows shown.');
  await expect(casualty.getByTestId('facts-more-casualty-done')).toBeFocused();
  await expect(column('place').last()).toHaveText(place);
});
