// A working session without the mouse: open the sample, tag spans of all three labels (one nested
// in another), write a note, move between annotations, relabel, delete, undo and export, with
// page.keyboard only. The page is read (caret offset, highlights, focus) but never clicked, and a
// listener proves no pointer event happened at all: keyboard activation of a button fires `click`,
// never `pointerdown`/`mousedown`. The long-document case sets its library up by import (a file
// chooser) and then uses keys only.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { parseArticleText } from '../../src/document/open-article.js';
import { colleagueExport } from './fixtures/exports.js';
import { SpanmarkApp, corpusText } from './pages/app.js';

/** Offset of the first occurrence of `needle` in the article text. */
async function offsetOf(page: Page, needle: string): Promise<number> {
  return page.evaluate((n) => {
    for (const block of document.querySelectorAll<HTMLElement>('[data-testid="article-text"] [data-start]')) {
      const at = (block.textContent ?? '').indexOf(n);
      if (at >= 0) return Number(block.dataset['start']) + at;
    }
    throw new Error(`${n} is not in the article`);
  }, needle);
}

/** Walks the caret to `target` with Ctrl+arrows (by word) while far, then arrows (by character). */
async function caretTo(page: Page, target: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const at = await new SpanmarkApp(page).caretOffset();
    if (at === target) return;
    const d = target - at;
    if (Math.abs(d) > 12) await page.keyboard.press(d > 0 ? 'Control+ArrowRight' : 'Control+ArrowLeft');
    else await page.keyboard.press(d > 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  throw new Error(`the caret did not reach ${target}`);
}

/** Selects `needle` from its start with Shift+arrows and tags it with the label's key. */
async function tagByKeys(app: SpanmarkApp, needle: string, label: 'claim' | 'casualty' | 'deployment'): Promise<void> {
  const start = await offsetOf(app.page, needle);
  await caretTo(app.page, start);
  for (let i = 0; i < needle.length; i++) await app.page.keyboard.press('Shift+ArrowRight');
  await expect(app.page.getByTestId('label-menu')).toBeVisible();
  expect(await app.page.evaluate(() => window.getSelection()?.toString())).toBe(needle);
  await app.tag(label);
  expect(await app.caretOffset(), 'after tagging, the caret waits at the end of the new span').toBe(start + needle.length);
}

async function selectedQuote(page: Page): Promise<string | null> {
  return page.getByTestId('annotation-details').locator('.selected-quote').textContent();
}

/** The selected row of the side panel as `label:quote`. */
async function currentRow(page: Page): Promise<string> {
  const row = page.locator('[data-testid="annotation-row"][aria-current="true"]');
  await expect(row).toHaveCount(1);
  return row.evaluate((r) => `${(r.querySelector('[data-label]') as HTMLElement).dataset['label']}:${r.querySelector('.quote')!.textContent}`);
}

/** Whether the selected-annotation highlight lies inside the reader's visible area. */
async function selectedOnScreen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('sm-selected');
    const r = [...(h ?? [])][0] as StaticRange | undefined;
    if (!r) return false;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getBoundingClientRect();
    const view = document.querySelector('.reader')!.getBoundingClientRect();
    return box.height > 0 && box.top >= view.top && box.bottom <= view.bottom;
  });
}

const OUTER = 'at least six waves of terrorist attacks in Almaty';
const INNER = 'at least six waves';
const LATER = '20 thousand radicals';
const NOTE = 'Tokayev’s count — unconfirmed 🇰🇿';

test('the sample is annotated, navigated, edited and exported with the keyboard alone', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const pointerEvents = await app.countPointerEvents();
  await app.goto();

  // Open: F6 reaches the library, whose first control is the sample (once the library has drawn).
  await expect(page.getByTestId('open-sample')).toBeVisible();
  await page.keyboard.press('F6');
  await expect(page.getByTestId('open-sample')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');

  // Into the text: F6 again, and a caret appears at its start.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await expect(page.getByTestId('reader-caret')).toBeVisible();

  // Three labels, the casualty nested in the claim with the same start, the deployment later.
  await tagByKeys(app, OUTER, 'claim');
  await tagByKeys(app, INNER, 'casualty');
  await tagByKeys(app, LATER, 'deployment');
  const panelOrder = [`claim:${OUTER}`, `casualty:${INNER}`, `deployment:${LATER}`];
  expect(await app.rowTexts()).toEqual(panelOrder);

  // `]` from the caret after the last span comes round to the first; then on in the panel's
  // order (equal starts: the outer span first); `[` goes back.
  await page.keyboard.press(']');
  expect(await currentRow(page)).toBe(panelOrder[0]);
  await expect(app.infoMessage().last()).toContainText('Past the last annotation: back to the first.');
  expect(await selectedQuote(page)).toBe(OUTER);
  await page.keyboard.press(']');
  expect(await currentRow(page)).toBe(panelOrder[1]);
  await page.keyboard.press(']');
  expect(await currentRow(page)).toBe(panelOrder[2]);
  expect(await selectedOnScreen(page)).toBe(true);
  await page.keyboard.press('[');
  expect(await currentRow(page)).toBe(panelOrder[1]);
  expect(await selectedQuote(page)).toBe(INNER);
  const innerStart = await offsetOf(page, INNER);
  expect(await new SpanmarkApp(page).caretOffset(), 'the caret waits at the selected span’s end').toBe(innerStart + INNER.length);

  // Enter: the attribute form's first field (a casualty has attributes); the note field is just
  // before the form (past the Delete button); Ctrl+Enter saves; Esc returns to the text.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-value')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('delete-annotation')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('note-input')).toBeFocused();
  await page.keyboard.type(NOTE);
  await app.press('Control+Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();
  expect(await selectedQuote(page), 'Esc in the note keeps the annotation selected').toBe(INNER);
  expect(await new SpanmarkApp(page).caretOffset()).toBe(innerStart + INNER.length);
  await expect(page.locator('[data-testid="annotation-row"][aria-current="true"] .has-note')).toHaveAttribute('title', NOTE);
  // Esc from a label button of the details, too, returns to the text with the annotation selected.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-value')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('note-input')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('relabel-deployment')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();
  expect(await selectedQuote(page)).toBe(INNER);

  // Relabel the deployment as casualty: `]` to it, then 2.
  await page.keyboard.press(']');
  expect(await currentRow(page)).toBe(panelOrder[2]);
  await app.press('2');
  expect(await app.rowTexts()).toEqual([panelOrder[0], panelOrder[1], `casualty:${LATER}`]);

  // Delete the outer claim, then undo.
  await page.keyboard.press('[');
  await page.keyboard.press('[');
  expect(await currentRow(page)).toBe(panelOrder[0]);
  await app.press('Delete');
  expect(await app.rowTexts()).toEqual([panelOrder[1], `casualty:${LATER}`]);
  await app.press('Control+z');
  expect(await app.rowTexts()).toEqual([panelOrder[0], panelOrder[1], `casualty:${LATER}`]);

  // Export with Ctrl+E: the browser build downloads the JSON.
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+e');
  const file = readFileSync(await (await download).path(), 'utf8');
  const json = JSON.parse(file) as {
    offsetUnit: string;
    documents: { text: string; annotations: { label: string; start: number; end: number; quote: string; note?: string }[] }[];
  };
  expect(json.offsetUnit).toBe('codepoint');
  const doc = json.documents[0]!;
  const cp = [...doc.text];
  const cpOffset = (needle: string) => [...doc.text.slice(0, doc.text.indexOf(needle))].length;
  const got = doc.annotations.map((a) => ({ label: a.label, start: a.start, end: a.end, quote: a.quote, note: a.note }));
  expect(got).toEqual([
    { label: 'claim', start: cpOffset(OUTER), end: cpOffset(OUTER) + [...OUTER].length, quote: OUTER, note: undefined },
    { label: 'casualty', start: cpOffset(INNER), end: cpOffset(INNER) + [...INNER].length, quote: INNER, note: NOTE },
    { label: 'casualty', start: cpOffset(LATER), end: cpOffset(LATER) + [...LATER].length, quote: LATER, note: undefined },
  ]);
  for (const a of doc.annotations) expect(cp.slice(a.start, a.end).join('')).toBe(a.quote);

  expect(await pointerEvents(), 'no pointer event in the whole session').toBe(0);
});

test('Tab still leaves the reader (it is not taken for annotations); F6 too', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await expect(page.getByTestId('open-sample')).toBeVisible();
  await page.keyboard.press('F6');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await page.keyboard.press('F6');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('article-text')).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.locator('.side-panel')).toContainText('Annotations');
  expect(await page.evaluate(() => document.activeElement?.closest('.side-panel') !== null)).toBe(true);
});

test('`]` with the label filter hiding a label skips its spans; with none shown it says why', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await page.keyboard.press('F6');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await page.keyboard.press('F6');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await tagByKeys(app, INNER, 'casualty');
  await tagByKeys(app, LATER, 'deployment');
  await page.keyboard.press('Escape');
  // Hide casualty with the filter, by keyboard: F6 to the panel, Tab to its checkbox, Space, F6 back.
  await toggleFilter(page, 'casualty');
  await page.keyboard.press(']');
  expect(await currentRow(page)).toBe(`deployment:${LATER}`);
  await page.keyboard.press(']');
  expect(await currentRow(page), 'the only shown span stays selected').toBe(`deployment:${LATER}`);
  await page.keyboard.press('Escape');
  await toggleFilter(page, 'deployment');
  await page.keyboard.press(']');
  await expect(app.infoMessage().last()).toContainText('No annotations with the shown labels: tick a label in the side panel.');
  await expect(page.locator('[data-testid="annotation-row"][aria-current="true"]')).toHaveCount(0);
});

/** From the reader: F6 to the side panel, Tab to the label's filter box, Space, Shift+F6 back to the text (F6 goes on to the name prompt). */
async function toggleFilter(page: Page, label: string): Promise<void> {
  const box = page.getByTestId(`filter-${label}`);
  await page.keyboard.press('F6');
  for (let i = 0; i < 20 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.press('Space');
  await expect(box).not.toBeChecked();
  await page.keyboard.press('Shift+F6');
  await expect(page.getByTestId('article-text')).toBeFocused();
}

test('in a long document `[` and `]` scroll both the text and the side panel to the annotation they select', async ({ page }) => {
  const copies = 60;
  const parsed = parseArticleText('long.txt', Array.from({ length: copies }, () => corpusText('kazakhstan-2022-01-07.txt').trim()).join('\n\n'), 'text');
  if (!parsed.ok) throw new Error(parsed.error.message);
  const sha = createHash('sha256').update(parsed.value.text).digest('hex');
  const article = { ...parsed.value, id: sha, sha256: sha, addedAt: '2022-01-08T00:00:00.000Z' };
  const spans = Array.from({ length: copies }, (_, i) => ({
    id: `w${String(i).padStart(2, '0')}`,
    label: 'claim' as const,
    quote: 'terrorist attacks',
    occurrence: i,
  }));
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.importBuffer('long.spanmark.json', colleagueExport('Dana', spans, article), 'mine');
  await expect(page.getByTestId('annotation-total')).toHaveText(String(copies));

  /** Whether the selected row lies inside the side panel's list box. */
  const rowInView = () =>
    page.evaluate(() => {
      const row = document.querySelector('[data-testid="annotation-row"][aria-current="true"]');
      const list = document.querySelector('[data-testid="annotation-list"]');
      if (!row || !list) return false;
      const r = row.getBoundingClientRect();
      const l = list.getBoundingClientRect();
      return r.top >= l.top - 1 && r.bottom <= l.bottom + 1;
    });
  await page.keyboard.press('F6');
  await expect(page.getByTestId('article-text')).toBeFocused();
  // From the caret at the very start, `[` comes round to the last annotation, far below.
  await page.keyboard.press('[');
  await expect(page.locator('[data-testid="annotation-row"][aria-current="true"]')).toHaveAttribute('data-id', 'w59');
  await expect.poll(rowInView).toBe(true);
  await expect.poll(() => selectedOnScreen(page)).toBe(true);
  await page.keyboard.press(']');
  await expect(page.locator('[data-testid="annotation-row"][aria-current="true"]')).toHaveAttribute('data-id', 'w00');
  await expect.poll(rowInView).toBe(true);
  await expect.poll(() => selectedOnScreen(page)).toBe(true);
});
