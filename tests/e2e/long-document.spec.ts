// Long documents: only spans near the viewport are registered with the highlight engine, and
// scrolling or jumping anywhere paints what comes into view.

import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import type { Article } from '../../src/document/article.js';
import { parseArticleText } from '../../src/document/open-article.js';
import { colleagueExport } from './fixtures/exports.js';
import { SpanmarkApp, corpusText } from './pages/app.js';

function longArticle(copies: number): Article {
  const one = corpusText('kazakhstan-2022-01-07.txt').trim();
  const parsed = parseArticleText('long.txt', Array.from({ length: copies }, () => one).join('\n\n'), 'text');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const sha = createHash('sha256').update(parsed.value.text).digest('hex');
  return { ...parsed.value, id: sha, sha256: sha, addedAt: '2022-01-08T00:00:00.000Z' };
}

test('a 60-copy article paints what is on screen, and what comes into view as it scrolls', async ({ page }) => {
  const copies = 60;
  const article = longArticle(copies);
  const spans = Array.from({ length: copies }, (_, i) => ({ id: `w${i}`, label: 'claim' as const, quote: 'terrorist attacks', occurrence: i }));
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.importBuffer('long.spanmark.json', colleagueExport('Dana', spans, article), 'mine');
  await expect(page.getByTestId('annotation-total')).toHaveText(String(copies));
  const registered = async () => (await app.painted())['claim'] ?? 0;
  await expect.poll(registered).toBeGreaterThan(0);
  expect(await registered()).toBeLessThan(copies);

  // The last span, far below: not registered until it is near the screen.
  const lastInView = () =>
    page.evaluate((start) => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('sm-claim-')) continue;
        for (const r of h as unknown as Iterable<StaticRange>) {
          const block = (r.startContainer.parentElement as HTMLElement).dataset['start'];
          if (Number(block) + r.startOffset === start) return true;
        }
      }
      return false;
    }, article.text.lastIndexOf('terrorist attacks'));
  expect(await lastInView()).toBe(false);
  // Scroll the reader until that paragraph is on screen.
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await app.textBox('terrorist attacks', copies - 1);
  await expect.poll(lastInView).toBe(true);

  // Jumping from the panel paints the target too.
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await expect.poll(lastInView).toBe(false);
  await page.getByTestId('annotation-list').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await app.rows().last().click();
  await expect.poll(lastInView).toBe(true);
});

test('scrolling through a long article in small steps, every span on screen is painted', async ({ page }) => {
  const copies = 60;
  const article = longArticle(copies);
  const total = article.text.split('Tokayev').length - 1;
  const spans = Array.from({ length: total }, (_, occurrence) => ({ id: `t${occurrence}`, label: 'casualty' as const, quote: 'Tokayev', occurrence }));
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.importBuffer('long.spanmark.json', colleagueExport('Dana', spans, article), 'mine');
  await expect(page.getByTestId('annotation-total')).toHaveText(String(spans.length));
  /** Offsets of the spans whose text is inside the reader's visible box but not registered. */
  const unpainted = () =>
    page.evaluate((needle) => {
      const registered = new Set<number>();
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('sm-casualty-')) continue;
        for (const r of h as unknown as Iterable<StaticRange>)
          registered.add(Number((r.startContainer.parentElement as HTMLElement).dataset['start']) + r.startOffset);
      }
      const view = document.querySelector('.reader')!.getBoundingClientRect();
      const missing: number[] = [];
      let seen = 0;
      for (const el of document.querySelectorAll<HTMLElement>('[data-start]')) {
        const box = el.getBoundingClientRect();
        if (box.bottom < view.top || box.top > view.bottom) continue;
        const node = el.firstChild as Text;
        for (let at = node.data.indexOf(needle); at >= 0; at = node.data.indexOf(needle, at + 1)) {
          const r = document.createRange();
          r.setStart(node, at);
          r.setEnd(node, at + needle.length);
          const b = r.getBoundingClientRect();
          if (b.bottom < view.top || b.top > view.bottom) continue;
          seen += 1;
          if (!registered.has(Number(el.dataset['start']) + at)) missing.push(Number(el.dataset['start']) + at);
        }
      }
      return { seen, missing };
    }, 'Tokayev');
  const reader = page.locator('.reader');
  await reader.evaluate((el) => el.scrollTo(0, el.scrollHeight * 0.4));
  let seen = 0;
  for (let step = 0; step < 24; step++) {
    await reader.evaluate((el) => el.scrollBy(0, el.clientHeight * 0.45));
    // Within three frames of the scroll: no waiting for an eventual repaint, what the analyst
    // sees must already carry its highlights.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(done)))));
    const now = await unpainted();
    expect(now.missing, `step ${step}`).toEqual([]);
    seen += now.seen;
  }
  // The walk really passed spans: each screen of this article holds a few.
  expect(seen).toBeGreaterThan(24);
  // And the window stays a window: far fewer spans registered than the layer holds.
  expect((await app.painted())['casualty'] ?? 0).toBeLessThan(spans.length / 4);
});

test('a long comparison renders a page of rows at a time', async ({ page }) => {
  const copies = 60;
  const article = longArticle(copies);
  const quotes = ['terrorist attacks', 'radicals', 'looting', 'pharmacies'];
  const mine = quotes.flatMap((quote, q) => Array.from({ length: copies }, (_, i) => ({ id: `m${q}-${i}`, label: 'claim' as const, quote, occurrence: i })));
  const theirs = [{ id: 't0', label: 'claim' as const, quote: 'terrorist attacks' }];
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.importBuffer('mine.spanmark.json', colleagueExport('Dana', mine, article), 'mine');
  await app.importBuffer('theirs.spanmark.json', colleagueExport('Aigerim', theirs, article));
  await page.getByTestId('tab-review').click();
  await expect(page.getByTestId('compare-summary')).toContainText('Only in A: 239');
  const rows = page.getByTestId('compare-row');
  const more = page.getByTestId('more-rows');
  await expect(rows).toHaveCount(50);
  await expect(more).toHaveText('Show 50 more of 190 remaining');
  for (const shown of [100, 150, 200, 240]) {
    await more.click();
    await expect(rows).toHaveCount(shown);
  }
  await expect(more).toHaveCount(0);
});
