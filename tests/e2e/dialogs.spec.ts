// Every modal dialog behaves the same from the keyboard (renderer/ui/Dialog.tsx): focus moves in
// when it opens, Tab and Shift+Tab stay inside it, Escape closes it (as its Cancel would), and
// focus goes back to the control that opened it. Each dialog is opened from the keyboard where
// the app allows it (a focused button and Enter).

import { expect, test, type Locator, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { labelStudioExport } from './fixtures/label-studio.js';
import { colleagueExport } from './fixtures/exports.js';

const inside = (dialog: Locator) => dialog.evaluate((d) => d.contains(document.activeElement));

/** Focus is in the dialog and stays there through a full round of Tab and of Shift+Tab. */
async function expectTrapped(page: Page, dialog: Locator): Promise<void> {
  await expect.poll(() => inside(dialog), 'focus moves into the dialog').toBe(true);
  const stops = await dialog.evaluate(
    (d) => d.querySelectorAll('button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])').length,
  );
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i <= stops; i++) {
      await page.keyboard.press(key);
      expect(await inside(dialog), `${key} ${i + 1} stays in the dialog`).toBe(true);
    }
  }
}

/** Escape closes the dialog and focus is back on `opener`. */
async function expectEscapeCloses(page: Page, dialog: Locator, opener: Locator): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
}

/** Focuses a button and presses Enter, as a keyboard user opens what it opens. */
async function openWith(button: Locator): Promise<void> {
  await button.focus();
  await button.press('Enter');
}

test('Settings, the label editor inside it (and its migration question), and Export as: focus in, trapped, Escape closes, focus back where it was', async ({
  page,
}) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Their number increased to 18');
  await app.tag('casualty');

  const settingsButton = page.getByTestId('cmd-settings');
  const settings = page.getByTestId('settings');
  await openWith(settingsButton);
  await expect(settings).toBeVisible();
  await expect(page.getByTestId('annotator-input')).toBeFocused();
  await expectTrapped(page, settings);
  await expectEscapeCloses(page, settings, settingsButton);

  // Settings › Edit labels…: Escape backs out one step, to Settings on the button that opened the editor.
  await openWith(settingsButton);
  await openWith(page.getByTestId('edit-schema'));
  const editor = page.getByTestId('schema-editor');
  await expect(editor).toBeVisible();
  await expectTrapped(page, editor);
  // Deleting a label in use asks how to migrate, inside the editor: focus goes to that question,
  // Escape backs out of it alone (nothing changes), and focus returns to the Delete button.
  const deleteCasualty = page.getByTestId('schema-delete-casualty');
  const version = await page.getByTestId('schema-version').textContent();
  await openWith(deleteCasualty);
  const migration = page.getByTestId('schema-migration');
  await expect(migration).toBeVisible();
  await expect.poll(() => inside(migration), 'focus moves to the migration question').toBe(true);
  await page.keyboard.press('Escape');
  await expect(migration).toHaveCount(0);
  await expect(editor).toBeVisible();
  await expect(page.getByTestId('schema-version')).toHaveText(version!);
  await expect(deleteCasualty).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId('edit-schema')).toBeFocused();
  await expectEscapeCloses(page, settings, settingsButton);

  const exportButton = page.getByTestId('cmd-export-as');
  const exportAs = page.getByTestId('export-as-dialog');
  await openWith(exportButton);
  await expect(page.getByTestId('export-as-format')).toBeFocused();
  await expectTrapped(page, exportAs);
  await expectEscapeCloses(page, exportAs, exportButton);
  // Escape answered like Cancel: nothing was exported.
  await expect(app.infoMessage().filter({ hasText: 'Exported' })).toHaveCount(0);
});

test('the questions an import asks, the rename of a colleague layer and library agreement: Escape cancels, focus back where it was', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openSample();

  // A file under my name without analyst ids asks whether it is mine; Escape answers no.
  const importButton = page.getByTestId('cmd-import');
  const chooser = page.waitForEvent('filechooser');
  await openWith(importButton);
  await (
    await chooser
  ).setFiles({
    name: 'dana-old.spanmark.json',
    mimeType: 'application/json',
    buffer: colleagueExport('Dana', [{ id: 'd-1', label: 'claim', quote: 'at least six waves of terrorist attacks' }]),
  });
  const mine = page.getByTestId('confirm-mine');
  await expect(mine).toBeVisible();
  await expect(mine.getByTestId('confirm-no')).toBeFocused();
  await expectTrapped(page, mine);
  await expectEscapeCloses(page, mine, importButton);
  await expect(app.infoMessage().last()).toContainText('Dana (2)’s layer');

  // Another tool's file with a label the schema lacks asks for a mapping; Escape imports nothing.
  const chooser2 = page.waitForEvent('filechooser');
  await openWith(importButton);
  await (
    await chooser2
  ).setFiles({
    name: 'project-2.json',
    mimeType: 'application/json',
    buffer: labelStudioExport('Tokayev met the protesters.', [{ word: 'protesters', label: 'Protest' }]),
  });
  const mapping = page.getByTestId('label-mapping-dialog');
  await expect(mapping).toBeVisible();
  await expect(page.getByTestId('label-mapping-Protest')).toBeFocused();
  await expectTrapped(page, mapping);
  await expectEscapeCloses(page, mapping, importButton);
  await expect(app.infoMessage().last()).toContainText('Nothing was imported from project-2.json');

  // Renaming the colleague layer.
  await page.getByTestId('tab-review').click();
  const renameButton = page.locator('[data-testid="layer-row"][data-annotator="Dana (2)"]').getByTestId('rename-layer-button');
  const rename = page.getByTestId('rename-layer');
  await openWith(renameButton);
  await expect(page.getByTestId('rename-layer-input')).toBeFocused();
  await expectTrapped(page, rename);
  await expectEscapeCloses(page, rename, renameButton);

  // Agreement over the library's selection.
  await page.getByTestId('cmd-library').click();
  await page.getByTestId('library-pick').first().check();
  const agreementButton = page.getByTestId('library-agreement-open');
  const agreement = page.getByTestId('library-agreement');
  await openWith(agreementButton);
  await expect(agreement).toBeVisible();
  await expectTrapped(page, agreement);
  await expectEscapeCloses(page, agreement, agreementButton);
});
