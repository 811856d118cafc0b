// Find in the article, driven by keys as an analyst does it: Ctrl+F, type, Enter through the
// matches, tag every match in one step, undo it in one step, export what is tagged.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp, corpusText } from './pages/app.js';
import { armSaves } from './pages/saves.js';

const count = (page: Page) => page.getByTestId('find-count');
/** A shown count ("12,345") as a number; NaN when there is none. */
const figure = (shown: string | undefined): number => Number(shown?.replace(/,/g, '') ?? NaN);

async function exportByKeys(page: Page): Promise<{ documents: { annotations: { label: string; quote: string; start: number; end: number }[] }[] }> {
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  const d = await download;
  const { readFileSync } = await import('node:fs');
  return JSON.parse(readFileSync(await d.path(), 'utf8')) as never;
}

/** UTF-16 start of the current find match, read from the highlight registry. */
function currentMatch(page: Page): Promise<{ start: number; onScreen: boolean } | null> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('sm-find-current');
    const [r] = h ? [...(h as unknown as Iterable<StaticRange>)] : [];
    if (!r) return null;
    const block = r.startContainer.parentElement as HTMLElement;
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    const box = live.getBoundingClientRect();
    const view = document.querySelector('.reader')!.getBoundingClientRect();
    return { start: Number(block.dataset['start']) + r.startOffset, onScreen: box.top >= view.top && box.bottom <= view.bottom && box.height > 0 };
  });
}

test.beforeEach(async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
});

test('Ctrl+F finds every CSTO, Enter steps through them, tag all is one step and one undo, and export has them', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('find-input')).toBeFocused();
  await page.keyboard.type('CSTO');
  await expect(count(page)).toHaveText('1 of 5');
  expect((await app.highlightSize('sm-find')) + (await app.highlightSize('sm-find-current'))).toBe(5);
  const first = await currentMatch(page);
  await page.keyboard.press('Enter');
  await expect(count(page)).toHaveText('2 of 5');
  const second = await currentMatch(page);
  expect(second!.start).toBeGreaterThan(first!.start);
  await page.keyboard.press('Shift+Enter');
  await expect(count(page)).toHaveText('1 of 5');
  await page.keyboard.press('Shift+Enter');
  await expect(count(page)).toHaveText('5 of 5');
  await page.keyboard.press('F3');
  await expect(count(page)).toHaveText('1 of 5');

  // Tag all matches as deployment (Alt+Shift+3): painted, committed as one, then acknowledged.
  const saved = await app.armSaved();
  await page.keyboard.press('Alt+Shift+Digit3');
  await saved();
  await expect(app.infoMessage().last()).toHaveText(/Tagged 5 matches as deployment\./);
  expect(await app.rowTexts()).toEqual(Array.from({ length: 5 }, () => 'deployment:CSTO'));
  expect(await app.painted()).toEqual({ deployment: 5 });
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // Esc closes the bar and puts focus back on the text, where Ctrl+Z undoes all five at once.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-bar')).toHaveCount(0);
  await expect(page.getByTestId('article-text')).toBeFocused();
  expect(await app.highlightSize('sm-find')).toBe(0);
  expect(await app.highlightSize('sm-find-current')).toBe(0);
  await app.press('Control+z');
  await expect(app.rows()).toHaveCount(0);
  expect(await app.painted()).toEqual({});
  await app.press('Control+Shift+z');
  await expect(app.rows()).toHaveCount(5);

  const exported = await exportByKeys(page);
  const annotations = exported.documents[0]!.annotations;
  expect(annotations.map((a) => `${a.label}:${a.quote}`)).toEqual(Array.from({ length: 5 }, () => 'deployment:CSTO'));

  // Stored, not only shown: after a reload the five are read back, and tagging all again adds none.
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await app.rowTexts()).toEqual(Array.from({ length: 5 }, () => 'deployment:CSTO'));
  await page.keyboard.press('Control+f');
  await page.keyboard.type('CSTO');
  await expect(count(page)).toHaveText('1 of 5');
  await page.keyboard.press('Alt+Shift+Digit3');
  await expect(app.infoMessage().last()).toContainText('All 5 matches are already tagged as deployment.');
  await expect(app.rows()).toHaveCount(5);
});

test('tag this match, then tag all: the match already tagged is skipped and reported', async ({ page }) => {
  const app = new SpanmarkApp(page);
  // Counted from before the first key, so a save that commits quickly is never missed.
  const saves = await armSaves(page);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('csto');
  await expect(count(page)).toHaveText('1 of 5');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Alt+Digit3');
  await saves(1);
  expect(await app.rowTexts()).toEqual(['deployment:CSTO']);
  await expect(page.getByTestId('find-input')).toBeFocused();
  await page.getByTestId('find-tag-all-deployment').click();
  await saves(2);
  await expect(app.infoMessage().last()).toContainText('Tagged 4 matches as deployment (1 already tagged).');
  await expect(app.rows()).toHaveCount(5);
  // A different label is not "already tagged".
  await page.getByTestId('find-tag-all-claim').click();
  await saves(3);
  await expect(app.infoMessage().last()).toContainText('Tagged 5 matches as claim.');
  await page.getByTestId('find-tag-all-claim').click();
  await expect(app.infoMessage().last()).toContainText('All 5 matches are already tagged as claim.');
  await expect(app.rows()).toHaveCount(10);
});

test('match case and whole words narrow the matches; the query is literal text', async ({ page }) => {
  await page.keyboard.press('Control+f');
  await page.keyboard.type('csto');
  await expect(count(page)).toHaveText('1 of 5');
  await page.getByTestId('find-case').click();
  await expect(count(page)).toHaveText('No matches');
  await page.getByTestId('find-case').click();
  const input = page.getByTestId('find-input');
  await input.fill('Almat');
  const partial = Number(/of (\d+)/.exec((await count(page).textContent()) ?? '')?.[1]);
  expect(partial).toBeGreaterThan(0);
  await page.getByTestId('find-whole-word').click();
  await expect(count(page)).toHaveText('No matches');
  await input.fill('.*');
  await expect(count(page)).toHaveText('No matches');
  // Ctrl+F again, from inside the bar, selects the query for retyping.
  await input.focus();
  await page.keyboard.press('Control+f');
  await page.keyboard.type('Almaty');
  await expect(input).toHaveValue('Almaty');
});

test('a megabyte article with over 10,000 matches registers only those near the screen, and a jump scrolls to the match', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const one = corpusText('kazakhstan-2022-01-07.txt').trim();
  const text = Array.from({ length: 314 }, () => one).join('\n\n');
  await app.openBuffer('long-find.txt', 'text/plain', Buffer.from(text));
  await expect(page.getByTestId('article-title')).toHaveText('long-find');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('the');
  // Counts past a thousand are grouped as the rest of the interface writes them.
  await expect(count(page)).toHaveText(/^1 of \d{1,3}(?:,\d{3})+$/);
  const total = figure(/of ([\d,]+)/.exec((await count(page).textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(10_000);
  const registered = await app.highlightSize('sm-find');
  expect(registered).toBeGreaterThan(0);
  expect(registered).toBeLessThan(total / 20);
  // Previous from the first match wraps to the last one, at the very end of the article.
  await page.keyboard.press('Shift+Enter');
  await expect(count(page)).toHaveText(`${total.toLocaleString('en')} of ${total.toLocaleString('en')}`);
  await expect.poll(async () => (await currentMatch(page))?.onScreen).toBe(true);
  const last = await currentMatch(page);
  expect(last!.start).toBe(text.toLowerCase().lastIndexOf('the'));
  expect(await page.evaluate(() => document.querySelector('.reader')!.scrollTop)).toBeGreaterThan(100_000);
  expect(await app.highlightSize('sm-find')).toBeLessThan(total / 20);

  // Opened again halfway down, find starts from the text on screen, not from the top.
  await page.keyboard.press('Escape');
  await page.evaluate(() => {
    const reader = document.querySelector('.reader')!;
    reader.scrollTop = reader.scrollHeight / 2;
  });
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+f');
  await page.keyboard.type('CSTO');
  const at = figure(/^([\d,]+) of/.exec((await count(page).textContent()) ?? '')?.[1]);
  expect(at).toBeGreaterThan(100);
  await expect.poll(async () => (await currentMatch(page))?.onScreen).toBe(true);
});

test('tag all of thousands of matches, and its undo, are each saved as one write and kept across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new SpanmarkApp(page);
  const one = corpusText('kazakhstan-2022-01-07.txt').trim();
  await app.openBuffer('tag-all.txt', 'text/plain', Buffer.from(Array.from({ length: 40 }, () => one).join('\n\n')));
  await expect(page.getByTestId('article-title')).toHaveText('tag-all');
  const total = async (): Promise<number> => figure((await page.getByTestId('annotation-total').textContent()) ?? undefined);
  const tagAll = async (label: string, query = 'the'): Promise<number> => {
    await page.keyboard.press('Control+f');
    await page.getByTestId('find-input').fill(query);
    await expect(count(page)).toHaveText(/^1 of [\d,]+$/);
    const matches = figure(/of ([\d,]+)/.exec((await count(page).textContent()) ?? '')?.[1]);
    const saves = await armSaves(page);
    await page.getByTestId(`find-tag-all-${label}`).click();
    await saves(1);
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    return matches;
  };
  // Far more matches than annotations-repo.ts writes span by span (WHOLE_LAYER_MIN_CHANGES).
  const matches = await tagAll('claim');
  expect(matches).toBeGreaterThan(2_000);
  await expect(app.infoMessage().last()).toContainText(`Tagged ${matches.toLocaleString('en')} matches as claim.`);
  expect(await total()).toBe(matches);

  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('tag-all');
  await expect.poll(total).toBe(matches);

  // The same matches as casualties too, then undone in one step: back to the claims alone, stored so.
  await tagAll('casualty');
  await expect.poll(total).toBe(2 * matches);
  const saves = await armSaves(page);
  await page.getByTestId('cmd-undo').click();
  await saves(1);
  await expect.poll(total).toBe(matches);
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('tag-all');
  await expect.poll(total).toBe(matches);
  const exported = await exportByKeys(page);
  const labels = new Set(exported.documents[0]!.annotations.map((a) => a.label));
  expect([...labels]).toEqual(['claim']);
});

test('Ctrl+F with text selected starts with that text', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.select('Almaty');
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('find-input')).toHaveValue('Almaty');
  await expect(count(page)).toHaveText(/^1 of \d+$/);
});
