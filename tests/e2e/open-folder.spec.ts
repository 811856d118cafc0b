// File › Open folder… in the browser build: the shared corpus copied into a temporary folder with
// what a real folder also holds (a hidden file and folder, a picture, a nested folder, a file too
// large for an article) is chosen through the webkitdirectory chooser; its articles, nested ones
// too, land in the library as one batch, and the report names each file left out with the reason.

import { expect, test } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS, SpanmarkApp } from './pages/app.js';

let root = '';

test.beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'spanmark-folder-'));
  const folder = join(root, 'kazakhstan corpus');
  mkdirSync(join(folder, 'nested', 'deeper'), { recursive: true });
  mkdirSync(join(folder, '.git'));
  for (const name of readdirSync(fileURLToPath(CORPUS))) copyFileSync(fileURLToPath(new URL(name, CORPUS)), join(folder, name));
  writeFileSync(join(folder, 'nested', 'deeper', 'aktau.md'), '# Aktau 🇰🇿\n\nProtests spread to Aktau — الوضع تحت السيطرة.\n');
  writeFileSync(join(folder, 'nested', 'wire.jsonl'), `${JSON.stringify({ text: 'Troops left Almaty.', title: 'Withdrawal wire' })}\n`);
  writeFileSync(join(folder, '.hidden-notes.txt'), 'not for the library');
  writeFileSync(join(folder, '.git', 'notes.txt'), 'not for the library either');
  writeFileSync(join(folder, 'map.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(folder, 'oversized.txt'), Buffer.alloc(21 * 1024 * 1024, 0x61));
});

test.afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a folder chosen with Open folder…: its articles come in as one batch, every file left out is reported with the reason', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-open-folder').click();
  await (await chooser).setFiles(join(root, 'kazakhstan corpus'));

  const panel = page.getByTestId('corpus-import');
  await expect(panel.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  const shared = readdirSync(fileURLToPath(CORPUS)).length;
  // The shared articles, the nested Markdown one and the feed's one article; four left out.
  await expect(panel.getByTestId('corpus-import-counts')).toHaveText(`${shared + 2} added · 0 already in the library · 4 refused`);
  const refused = panel.locator('[data-testid="corpus-outcome"][data-status="refused"]');
  await expect(refused).toHaveText([
    'kazakhstan corpus/.git refused — skipped: a hidden folder (its name starts with a dot); nothing in it was read',
    'kazakhstan corpus/.hidden-notes.txt refused — skipped: a hidden file (its name starts with a dot)',
    /^kazakhstan corpus\/map\.png refused — skipped: not an article or article feed \(Spanmark opens \.txt, /,
    'kazakhstan corpus/oversized.txt refused — skipped: 21.0 MB, larger than the 20 MB limit for an article',
  ]);
  await expect(panel.getByTestId('corpus-outcome').filter({ hasText: 'kazakhstan corpus/nested/deeper/aktau.md added' })).toContainText('“Aktau 🇰🇿”');
  await expect(panel.getByTestId('corpus-outcome').filter({ hasText: 'kazakhstan corpus/nested/wire.jsonl, line 1 added' })).toContainText(
    '“Withdrawal wire”',
  );

  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await panel.getByTestId('corpus-import-copy').click();
  await expect(panel.getByTestId('corpus-import-copy')).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split('\n')[0]).toBe(`${shared + 2} added, 0 already in the library, 4 refused.`);
  expect(copied).toContain('kazakhstan corpus/map.png: refused — skipped: not an article or article feed');

  await panel.getByTestId('corpus-import-close').click();
  await expect(page.getByTestId('library-item')).toHaveCount(shared + 2);
  await expect(page.getByTestId('library')).toContainText('Aktau 🇰🇿');
  await expect(page.getByTestId('library')).not.toContainText('not for the library');
});

test('Ctrl/⌘+Shift+O opens the folder chooser, Ctrl/⌘+O still the file chooser', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  const folder = page.waitForEvent('filechooser');
  await page.keyboard.press('ControlOrMeta+Shift+O');
  const byFolder = await folder;
  expect(await byFolder.element().evaluate((input) => (input as HTMLInputElement).webkitdirectory)).toBe(true);
  await byFolder.element().evaluate((input) => input.dispatchEvent(new Event('cancel')));
  const files = page.waitForEvent('filechooser');
  await page.keyboard.press('ControlOrMeta+O');
  const byFile = await files;
  expect(await byFile.element().evaluate((input) => (input as HTMLInputElement).webkitdirectory)).toBe(false);
  expect(byFile.isMultiple()).toBe(true);
});
