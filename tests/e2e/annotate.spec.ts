// The annotation loop as an analyst does it: open the sample, select with the mouse or the
// keyboard, tag with the menu or a key, select a highlight, relabel, note, delete, undo, redo.

import { expect, test } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';

test.beforeEach(async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
});

test('the sample opens with its date in the header and the text unchanged', async ({ page }) => {
  await expect(page.getByTestId('article-date')).toHaveAttribute('datetime', '2022-01-07');
  const text = await page.getByTestId('article-text').innerText();
  expect(text).toContain('date 2022-01-07 Kazakh President Kassym-Zhomart Tokayev');
  expect(text).toContain('Their number increased to 18, two of them were beheaded.');
});

test('a mouse selection snaps to whole words and is tagged from the menu', async ({ page }) => {
  const app = new SpanmarkApp(page);
  // Start inside "Kassym" and end inside "Tokayev": the span grows to the whole words.
  await app.select('assym-Zhomart Tokaye');
  const menu = page.getByTestId('label-menu');
  await expect(menu).toBeVisible();
  await expect(menu).toContainText('Kassym-Zhomart Tokayev');
  const saved = await app.armSaved();
  await menu.getByRole('menuitem', { name: /Claim/ }).click();
  await saved();
  expect(await app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);
  expect(await app.painted()).toEqual({ claim: 1 });
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
});

test('holding Alt keeps the exact characters', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.select('assym-Zhomart Tokaye', { alt: true, from: 0.5, to: 0.5 });
  await app.tag('claim');
  expect(await app.rowTexts()).toEqual(['claim:assym-Zhomart Tokaye']);
});

test('keys 1, 2 and 3 tag as claim, casualty and deployment', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.select('at least six waves of terrorist attacks');
  await app.tag('claim');
  await app.select('Their number increased to 18');
  await app.tag('casualty');
  await app.select('security forces');
  await app.tag('deployment');
  expect(await app.rowTexts()).toEqual([
    'claim:at least six waves of terrorist attacks',
    'deployment:security forces',
    'casualty:Their number increased to 18',
  ]);
  await expect(page.getByTestId('annotation-total')).toHaveText('3');
  expect(await app.painted()).toEqual({ claim: 1, casualty: 1, deployment: 1 });
});

test('Shift+arrows extend a selection from a caret', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const box = await app.textBox('Almaty');
  await page.mouse.click(box.left + 1, (box.top + box.bottom) / 2);
  for (let i = 0; i < 6; i++) await page.keyboard.press('Shift+ArrowRight');
  await expect(page.getByTestId('label-menu')).toContainText('Almaty');
  await app.tag('deployment');
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
});

test('nested spans stay visible and each one is clickable', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.select('Their number increased to 18, two of them were beheaded');
  await app.tag('claim');
  await app.select('two of them were beheaded');
  await app.tag('casualty');
  expect(await app.painted()).toEqual({ claim: 1, casualty: 1 });
  // First click selects the innermost span, a second click at the same place the enclosing one.
  await app.clickText('beheaded');
  await expect(page.getByTestId('annotation-details')).toContainText('two of them were beheaded');
  await expect(page.getByTestId('relabel-casualty')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => app.highlightTexts('sm-selected')).toEqual(['two of them were beheaded']);
  await app.clickText('beheaded');
  await expect(page.getByTestId('relabel-claim')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('annotation-details')).toContainText('Their number increased to 18');
  // The outline follows the selection to the enclosing span.
  await expect.poll(() => app.highlightTexts('sm-selected')).toEqual(['Their number increased to 18, two of them were beheaded']);
  // Hovering names every span under the pointer with its label.
  const b = await app.textBox('beheaded');
  await page.mouse.move(b.left + 5, (b.top + b.bottom) / 2);
  await expect(page.getByTestId('hover-card')).toContainText('Casualty');
  await expect(page.getByTestId('hover-card')).toContainText('Claim');
});

test('relabel, note and delete a selected highlight, each undoable and redoable', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.select('20 thousand radicals');
  await app.tag('claim');
  await app.clickText('radicals');
  await expect(page.getByTestId('annotation-details')).toBeVisible();

  await app.press('2');
  expect(await app.rowTexts()).toEqual(['casualty:20 thousand radicals']);
  await expect.poll(() => app.painted()).toEqual({ casualty: 1 });
  await expect.poll(() => app.highlightTexts('sm-selected')).toEqual(['20 thousand radicals']);

  await page.getByTestId('note-input').fill('Figure from the president only');
  const saved = await app.armSaved();
  await page.getByTestId('save-note').click();
  await saved();
  await expect(page.getByTestId('annotation-row').locator('.has-note')).toBeVisible();
  // A note moves no range: the span stays painted as a casualty, and selected.
  await expect.poll(() => app.painted()).toEqual({ casualty: 1 });
  await expect.poll(() => app.highlightTexts('sm-selected')).toEqual(['20 thousand radicals']);

  await app.clickText('radicals');
  await app.press('Delete');
  await expect(app.rows()).toHaveCount(0);
  expect(await app.painted()).toEqual({});

  await app.press('Control+z'); // undo delete
  expect(await app.rowTexts()).toEqual(['casualty:20 thousand radicals']);
  await expect(page.getByTestId('annotation-row').locator('.has-note')).toBeVisible();
  await app.press('Control+z'); // undo note
  await expect(page.getByTestId('annotation-row').locator('.has-note')).toHaveCount(0);
  await app.press('Control+z'); // undo relabel
  expect(await app.rowTexts()).toEqual(['claim:20 thousand radicals']);
  await app.press('Control+z'); // undo create
  await expect(app.rows()).toHaveCount(0);
  await app.press('Control+Shift+z'); // redo create
  await app.press('Control+Shift+z'); // redo relabel
  expect(await app.rowTexts()).toEqual(['casualty:20 thousand radicals']);
  expect(await app.painted()).toEqual({ casualty: 1 });
});

test('the side panel filters by label, and a row scrolls to its span and flashes it', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.select('Kassym-Zhomart Tokayev', { occurrence: 0 });
  await app.tag('claim');
  await app.select('commandant’s office in Alma-Ata');
  await app.tag('deployment');
  await page.getByTestId('filter-claim').uncheck();
  expect(await app.rowTexts()).toEqual(['deployment:commandant’s office in Alma-Ata']);
  expect(await app.painted()).toEqual({ deployment: 1 });
  await page.getByTestId('filter-claim').check();
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await app.rows().nth(1).click();
  await expect.poll(() => app.highlightSize('sm-flash')).toBe(1);
  await expect(page.getByTestId('annotation-details')).toContainText('commandant’s office in Alma-Ata');
  const inView = await page.evaluate(() => {
    const h = CSS.highlights.get('sm-flash');
    const r = [...(h ?? [])][0] as StaticRange;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const box = range.getBoundingClientRect();
    const view = document.querySelector('.reader')!.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
  expect(inView).toBe(true);
});
