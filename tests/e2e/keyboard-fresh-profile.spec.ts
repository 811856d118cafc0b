// A fresh profile (no name, empty library) walked with the keyboard alone: the name prompt is one
// of the places F6 goes; a first feed import before any name is set; an article opened from the
// library; the attribute form of the first span of an empty layer; File › Export as…; Settings ›
// Edit labels…; and a foreign file's label mapping. Every control is reached with F6, Tab and
// shortcuts, shows where focus is, and Escape backs out of each step. A listener proves no
// pointer event happened; the file choosers (opened by keys) are answered by the harness.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { labelStudioExport } from './fixtures/label-studio.js';

const FEED = Buffer.from(
  [0, 1]
    .map((i) =>
      JSON.stringify({ id: `r-${i}`, title: `Report ${i}`, date: '2022-01-07', text: `Article ${i}: protesters gathered in the square as troops arrived.` }),
    )
    .join('\n'),
  'utf8',
);

/** The focused element shows a focus ring (it matches :focus-visible and draws an outline). */
async function expectFocusVisible(page: Page): Promise<void> {
  const ring = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (!(el instanceof HTMLElement) || el === document.body) return 'nothing focused';
      const s = getComputedStyle(el);
      return el.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0
        ? 'visible'
        : `no ring on ${el.outerHTML.slice(0, 80)}`;
    });
  await expect.poll(ring).toBe('visible');
}

/** Presses `key` until `testId` has focus (at most `max` times): it is reachable that way. */
async function tabTo(page: Page, testId: string, key = 'Tab', max = 40): Promise<void> {
  const target = page.getByTestId(testId).first();
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} reaches ${testId}`).toBeFocused();
}

// A long walk key by key on a shared machine: more time than the default minute.
test.describe.configure({ timeout: 180_000 });

test('a fresh profile walked by keys alone: name prompt, first feed import, attribute form, Export as…, label editor, label mapping', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const pointerEvents = await app.countPointerEvents();
  await app.goto();
  const prompt = page.getByTestId('name-prompt');
  await expect(prompt).toBeVisible();

  // F6 goes round the library and the name prompt, both ways.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('open-sample')).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('name-prompt-input')).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('open-sample')).toBeFocused();
  await page.keyboard.press('Shift+F6');
  await expect(page.getByTestId('name-prompt-input')).toBeFocused();

  // The first feed import, before any name is set: Ctrl+O from the library.
  await page.keyboard.press('F6');
  await expect(page.getByTestId('open-sample')).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (await chooser).setFiles({ name: 'feed.jsonl', mimeType: 'application/x-ndjson', buffer: FEED });
  await expect(page.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  await expect(page.getByTestId('corpus-import-close')).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('corpus-import')).toHaveCount(0);
  await expect(page.locator('[data-testid="library"] :focus'), 'focus stays in the library the import filled').toHaveCount(1);
  await expect(prompt).toBeVisible();

  // The name, from the prompt F6 reaches.
  await tabTo(page, 'name-prompt-input', 'F6', 4);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Dana');
  await page.keyboard.press('Enter');
  await expect(prompt).toHaveCount(0);
  await expect(page.getByTestId('annotator')).toHaveText('Annotating as Dana');

  // An article from the library: F6 to the library, Tab to its title, Enter.
  await tabTo(page, 'library-item', 'F6', 4).catch(() => undefined);
  await tabTo(page, 'library-item');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-title')).toHaveText(/Report [01]/);

  // The attribute form of the first span of my empty layer: F6 to the text, select, 2, [ (the span
  // just made), Enter.
  await tabTo(page, 'article-text', 'F6', 4);
  await app.tagByKeys('protesters gathered', '2');
  await page.keyboard.press('[');
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText('protesters gathered');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-value')).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.type('12');
  await app.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();

  // File › Export as…: the toolbar is Shift+Tab away from the text.
  await tabTo(page, 'cmd-export-as', 'Shift+Tab');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-as-format')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-as-dialog')).toHaveCount(0);
  await expect(page.getByTestId('cmd-export-as')).toBeFocused();
  await page.keyboard.press('Enter');
  await tabTo(page, 'export-as-save');
  await expectFocusVisible(page);
  const download = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await download;
  await expect(page.getByTestId('export-as-dialog')).toHaveCount(0);

  // Settings › Edit labels…: add a label with its name and Enter; Escape backs out step by step.
  await tabTo(page, 'cmd-export-as', 'Shift+Tab');
  await page.keyboard.press('Control+,');
  await expect(page.getByTestId('annotator-input')).toBeFocused();
  await tabTo(page, 'edit-schema');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('schema-editor').evaluate((d) => d.contains(document.activeElement))).toBe(true);
  // The new label's field is last but two: Shift+Tab wraps round from the first control.
  await tabTo(page, 'schema-new-label-name', 'Shift+Tab', 6);
  await page.keyboard.type('Actor');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('schema-status')).toContainText('added Actor');
  await tabTo(page, 'schema-close');
  await expectFocusVisible(page);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('schema-editor')).toHaveCount(0);
  await expect(page.getByTestId('edit-schema')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings')).toHaveCount(0);
  await expect(page.getByTestId('cmd-export-as')).toBeFocused();

  // Another tool's file with a label the schema lacks: Ctrl+I, then the mapping by keys.
  const chooser2 = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+i');
  await (
    await chooser2
  ).setFiles({
    name: 'project-3.json',
    mimeType: 'application/json',
    buffer: labelStudioExport('Tokayev met the protesters.', [{ word: 'protesters', label: 'Protest' }]),
  });
  const select = page.getByTestId('label-mapping-Protest');
  await expect(select).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press('ArrowDown');
  await expect(select).toHaveValue('map:claim');
  await tabTo(page, 'label-mapping-ok');
  await expectFocusVisible(page);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('label-mapping-dialog')).toHaveCount(0);
  await expect.poll(() => app.rowTexts()).toEqual(['claim:protesters']);

  expect(await pointerEvents(), 'no pointer event').toBe(0);
});
