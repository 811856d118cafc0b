// Review mode (issue 9, items 8–10): the differences beside the text with whole quotes, decided by
// keyboard only and moving on to the next open one; filters; the progress line in the view and in
// the library; the side panel's width dragged with the mouse and remembered across a reload.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { longCase } from './pages/long-case.js';
import { ReviewPanel } from './pages/review.js';
import { ReviewMode } from './pages/review-mode.js';
import { AIGERIM_AND_BOLAT, DANA_SPANS, withColleagues } from './pages/colleagues.js';
import { colleagueExport } from './fixtures/exports.js';

const LONG_QUOTE =
  'The situation has become especially aggravated in the largest city of the country – Alma-Ata. The protesters broke into the administration building, set fire to the building of the prosecutor’s office and the office of the ruling party.';

/** My three spans, Aigerim's four and Bolat's two: five differences (ai-1 matches mine exactly). */
async function setUp(page: Page, extra: readonly [string, Buffer][] = []): Promise<{ app: SpanmarkApp; mode: ReviewMode }> {
  const app = await withColleagues(page, DANA_SPANS, [...AIGERIM_AND_BOLAT, ...extra]);
  return { app, mode: new ReviewMode(page) };
}

test('a whole document adjudicated by keys only: each decision moves to the next open difference; stored, undoable', async ({ page }) => {
  const { app, mode } = await setUp(page);
  await mode.enter();
  await expect(mode.progress()).toHaveText('0 of 5 differences decided');
  // The keys are shown in the view.
  await expect(page.getByTestId('review-keys')).toContainText('accept as label');
  // The first open difference is current without a click, shown and highlighted in the text.
  expect(await mode.activeQuote()).toBe('at least six waves of terrorist attacks in Almaty');
  await expect.poll(() => mode.highlighted()).toBe('at least six waves of terrorist attacks in Almaty');

  // A then Enter: accept as is.
  await mode.decideBy('a', 'Enter');
  await expect(mode.progress()).toHaveText('1 of 5 differences decided');
  expect(await mode.activeQuote()).toBe('security forces');
  await expect.poll(() => mode.highlighted()).toBe('security forces');
  await expect.poll(() => mode.highlightInView()).toBe(true);

  // R, a reason, Enter: reject.
  await page.keyboard.press('r');
  await expect(page.getByTestId('difference-reason-input')).toBeFocused();
  await page.keyboard.type('Police, not troops');
  await mode.decideBy('Enter');
  expect(await mode.activeQuote()).toBe('Their number increased to 18');

  // A then 3: accept as deployment.
  await expect(page.getByTestId('accept-chord')).toHaveCount(0);
  await page.keyboard.press('a');
  await expect(page.getByTestId('accept-chord')).toContainText('Deployment');
  await mode.decideBy('3');
  await expect(mode.progress()).toHaveText('3 of 5 differences decided');
  expect(await mode.activeQuote()).toBe('two of them were beheaded');

  // K back to the decided one, U reconsiders it (it stays current: it is open again), A then 2.
  await page.keyboard.press('k');
  expect(await mode.activeQuote()).toBe('Their number increased to 18');
  await mode.decideBy('u');
  await expect(mode.progress()).toHaveText('2 of 5 differences decided');
  expect(await mode.activeQuote()).toBe('Their number increased to 18');
  await mode.decideBy('a', '2');
  expect(await mode.activeQuote()).toBe('two of them were beheaded');

  // Alt+↓ / Alt+↑ and J move without deciding; A alone accepts after a moment.
  await page.keyboard.press('Alt+ArrowDown');
  expect(await mode.activeQuote()).toBe('received extensive training abroad');
  await page.keyboard.press('Alt+ArrowUp');
  expect(await mode.activeQuote()).toBe('two of them were beheaded');
  await mode.decideBy('a');
  expect(await mode.activeQuote()).toBe('received extensive training abroad');
  await page.keyboard.press('j');
  expect(await mode.activeQuote()).toBe('received extensive training abroad');
  await page.keyboard.press('r');
  await mode.decideBy('Enter');
  await expect(mode.progress()).toHaveText('5 of 5 differences decided');

  const decided = [
    'Bolat: at least six waves of terrorist attacks in Almaty = accepted',
    'Aigerim: security forces = rejected',
    'Aigerim: Their number increased to 18 = accepted',
    'Bolat: two of them were beheaded = accepted',
    'Aigerim: received extensive training abroad = rejected',
  ];
  expect(await mode.summary()).toEqual(decided);
  await expect(mode.item('security forces').getByTestId('difference-reason')).toHaveText('Police, not troops');
  // Label keys in review mode never tag a text selection behind the queue (checked by the layer count below).
  await app.select('Alma-Ata', { occurrence: 1 });
  await page.keyboard.press('1');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');

  // Undo and redo the last decision by keyboard.
  await app.press('Control+z');
  await expect(mode.progress()).toHaveText('4 of 5 differences decided');
  await expect(mode.item('received extensive training abroad')).toHaveAttribute('data-decided', '');
  await app.press('Control+Shift+z');
  await expect(mode.progress()).toHaveText('5 of 5 differences decided');

  // Stored: after a reload the same decisions, and my layer holds the accepted copies.
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await mode.enter();
  await expect(mode.progress()).toHaveText('5 of 5 differences decided');
  expect(await mode.summary()).toEqual(decided);
  await page.getByTestId('exit-review-mode').click();
  // Two copies (Almaty, beheaded); "Their number" as casualty is a copy too (mine is a claim).
  expect(await new ReviewPanel(page).layers()).toEqual({ Dana: 6, Aigerim: 4, Bolat: 2 });
});

test('Escape after A cancels the accept; Escape in the reason field cancels the reject', async ({ page }) => {
  const { mode } = await setUp(page);
  await mode.enter();
  await page.keyboard.press('a');
  await page.keyboard.press('Escape');
  await page.keyboard.press('r');
  await page.keyboard.type('no');
  await page.getByTestId('difference-reason-input').press('Escape');
  await expect(page.getByTestId('difference-reason-input')).toHaveCount(0);
  // Well past the accept's wait: nothing was decided.
  await page.waitForTimeout(1500);
  await expect(mode.progress()).toHaveText('0 of 5 differences decided');
  expect(await mode.activeQuote()).toBe('at least six waves of terrorist attacks in Almaty');
});

test('quotes, notes, who and when are shown whole, wrapped and never cut, in review mode and the side panel', async ({ page }) => {
  const { mode } = await setUp(page, [
    [
      'chen.spanmark.json',
      colleagueExport('Chen', [
        { id: 'ch-1', label: 'claim', quote: LONG_QUOTE, note: 'A long paragraph of claims, all of it checked against the ministry’s statement of 7 January.' },
      ]),
    ],
  ]);
  await mode.enter();
  const quotes = page.getByTestId('difference-quote');
  await expect(quotes).toHaveCount(6);
  const long = mode.item(LONG_QUOTE);
  await expect(long.getByTestId('difference-who')).toHaveText('Chen');
  await expect(long.locator('.when')).toContainText('2022');
  await expect(long.getByTestId('difference-note')).toContainText('statement of 7 January.');
  const fits = (loc: ReturnType<Page['locator']>) =>
    loc.evaluateAll((els) =>
      els.map((e) => {
        // Lines the text occupies: distinct tops of its line boxes.
        const lineCount = (el: Element) => {
          const r = document.createRange();
          r.selectNodeContents(el);
          return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size;
        };
        return { text: e.textContent, cut: e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight, lines: lineCount(e) };
      }),
    );
  const shown = await fits(quotes);
  expect(shown.map((q) => q.text)).toContain(LONG_QUOTE);
  expect(shown.every((q) => !q.cut)).toBe(true);
  // Wrapped onto several lines rather than cut.
  expect(shown.find((q) => q.text === LONG_QUOTE)!.lines).toBeGreaterThan(1);

  // The side panel's comparison: the colleague's quote no longer shrinks to a character beside the buttons.
  await page.getByTestId('exit-review-mode').click();
  const panel = new ReviewPanel(page);
  await panel.compare('Dana', 'Aigerim');
  const sideQuotes = await page
    .locator('[data-testid="compare-row"] .quote')
    .evaluateAll((els) => els.map((e) => ({ text: e.textContent, cut: e.scrollWidth > e.clientWidth, width: e.clientWidth })));
  expect(sideQuotes.find((q) => q.text === 'security forces')).toBeDefined();
  for (const q of sideQuotes) {
    expect(q.cut, q.text ?? '').toBe(false);
    expect(q.width).toBeGreaterThan(200);
  }
});

test('filters: open only, by kind, by label, by colleague; the keys follow the filtered list', async ({ page }) => {
  const { mode } = await setUp(page);
  await mode.enter();
  await mode.decideBy('a', 'Enter');
  await page.getByTestId('filter-open').check();
  expect(await mode.summary()).toEqual([
    'Aigerim: security forces = open',
    'Aigerim: Their number increased to 18 = open',
    'Bolat: two of them were beheaded = open',
    'Aigerim: received extensive training abroad = open',
  ]);
  await page.getByTestId('filter-open').uncheck();
  await page.getByTestId('filter-kind').selectOption('only-b');
  expect(await mode.summary()).toEqual([
    'Aigerim: security forces = open',
    'Bolat: two of them were beheaded = open',
    'Aigerim: received extensive training abroad = open',
  ]);
  await page.getByTestId('filter-kind').selectOption('');
  // Casualty: Bolat's beheaded, and Aigerim's "Their number" (casualty against my claim).
  await page.getByTestId('filter-label').selectOption('casualty');
  expect(await mode.summary()).toEqual(['Aigerim: Their number increased to 18 = open', 'Bolat: two of them were beheaded = open']);
  await page.getByTestId('filter-label').selectOption('');
  await page.getByTestId('filter-colleague').selectOption('Bolat');
  expect(await mode.summary()).toEqual(['Bolat: at least six waves of terrorist attacks in Almaty = accepted', 'Bolat: two of them were beheaded = open']);
  // J steps within the filter, and a decision moves to the next open difference the filter allows.
  await page.locator('[data-testid="difference"]').first().locator('.kind').click();
  await page.keyboard.press('j');
  expect(await mode.activeQuote()).toBe('two of them were beheaded');
  await page.keyboard.press('r');
  await mode.decideBy('Enter');
  await expect(mode.progress()).toHaveText('2 of 5 differences decided');
  await expect(page.getByTestId('filter-count')).toHaveText('2 shown');
  await page.getByTestId('filter-open').check();
  expect(await mode.summary()).toEqual([]);
});

test('the library shows each document’s review progress', async ({ page }) => {
  const { app, mode } = await setUp(page);
  await mode.enter();
  await mode.decideBy('a', 'Enter');
  await page.keyboard.press('r');
  await mode.decideBy('Enter');
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-review-progress')).toHaveText('2 of 5 differences decided');
  // A document without a colleague's layer shows no progress.
  await app.openBuffer('plain.txt', 'text/plain', Buffer.from('A plain article nobody else tagged.'));
  await expect(page.getByTestId('article-title')).toHaveText('plain');
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(2);
  await expect(page.getByTestId('library-review-progress')).toHaveCount(1);
});

test('the side panel and the review list are resized by dragging the splitter, and keep their widths after a reload', async ({ page }) => {
  const { mode } = await setUp(page);
  expect(await mode.paneWidth()).toBe(360);
  await mode.dragSplitter(-180);
  expect(await mode.paneWidth()).toBe(540);
  await page.getByTestId('tab-review').click();
  await mode.enter();
  const reviewWidth = await mode.paneWidth();
  await mode.dragSplitter(100);
  expect(await mode.paneWidth()).toBe(reviewWidth - 100);
  // Never so wide that the text has no room.
  await mode.dragSplitter(-2000);
  expect(await mode.paneWidth()).toBe(1280 - 320);
  await mode.dragSplitter(300);
  expect(await mode.paneWidth()).toBe(1280 - 320 - 300);
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await expect.poll(() => mode.paneWidth()).toBe(540);
  await mode.enter();
  expect(await mode.paneWidth()).toBe(1280 - 320 - 300);
});

test('a colleague’s long layer: Compare rows come 50 at a time, review cards 200, every count grouped in threes', async ({ page }) => {
  test.setTimeout(120_000);
  // 1,400 spans by another analyst on a document where I have none: 1,400 differences.
  const bc = await longCase(1_400, 20220105);
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('me');
  await app.importBuffer(bc.annotated.name, bc.annotated.bytes);
  await page.getByTestId('tab-review').click();
  // The side panel's Compare list draws 50 rows at a time, review mode 200 cards.
  await expect(page.getByTestId('compare-row')).toHaveCount(50);
  await expect(page.getByTestId('more-rows')).toHaveText('Show 50 more of 1,350 remaining');
  const mode = new ReviewMode(page);
  await mode.enter();
  await expect(mode.progress()).toHaveText('0 of 1,400 differences decided');
  await expect(mode.items()).toHaveCount(200);
  const more = page.getByTestId('review-mode').locator('.more-rows');
  await expect(more).toHaveText('Show 200 more of 1,200 remaining');
  await more.click();
  await expect(more).toHaveText('Show 200 more of 1,000 remaining');
  // By keyboard to the last of them: the press that takes the button away hands the focus on.
  await more.focus();
  for (const left of ['800', '600', '400', '200']) {
    await page.keyboard.press('Enter');
    await expect(more).toHaveText(`Show 200 more of ${left} remaining`);
  }
  await page.keyboard.press('Enter');
  await expect(more).toHaveCount(0);
  await expect(page.getByTestId('more-differences-done')).toHaveText('All 1,400 differences shown.');
  await expect(page.getByTestId('more-differences-done')).toBeFocused();
});
