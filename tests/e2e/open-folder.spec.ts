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
  await app.openFolder(join(root, 'kazakhstan corpus'));

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
  await expect(panel.getByTestId('corpus-outcome').filter({ hasText: 'kazakhstan corpus/nested/wire.jsonl, line 1 added' })).toContainText('“Withdrawal wire”');

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

test('a folder with nothing to import is reported file by file; a folder over the limit or with no files is refused with a message', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  const junk = join(root, 'junk 📁');
  mkdirSync(join(junk, '.cache'), { recursive: true });
  writeFileSync(join(junk, 'scan.pdf'), '%PDF-1.4');
  writeFileSync(join(junk, '.cache', 'a.txt'), 'cached');
  await app.openFolder(junk);
  const panel = page.getByTestId('corpus-import');
  await expect(panel.getByTestId('corpus-import-stage')).toHaveText('Import finished');
  await expect(panel.getByTestId('corpus-import-counts')).toHaveText('0 added · 0 already in the library · 2 refused');
  await expect(panel.getByTestId('corpus-outcome')).toHaveText([
    /^junk 📁\/\.cache refused — skipped: a hidden folder/,
    /^junk 📁\/scan\.pdf refused — skipped: not an article/,
  ]);
  await panel.getByTestId('corpus-import-close').click();
  await expect(page.getByTestId('library-item')).toHaveCount(0);

  const many = join(root, 'many');
  mkdirSync(many);
  for (let i = 0; i <= 10_000; i++) writeFileSync(join(many, `${i}.txt`), `Article ${i}`);
  const before = await app.lastErrorId();
  await app.openFolder(many);
  // Told in the folder's own words, not as a storage failure of the library.
  expect(await app.nextError(before)).toMatch(
    /^Could not open the folder: The folder "many" holds more than 10,000 articles and feeds; Spanmark opens at most 10,000 at once/,
  );
  await expect(page.getByTestId('corpus-import')).toHaveCount(0);

  const empty = join(root, 'empty');
  mkdirSync(join(empty, 'only a folder'), { recursive: true });
  const beforeEmpty = await app.lastErrorId();
  await app.openFolder(empty);
  expect(await app.nextError(beforeEmpty)).toMatch(/^Could not open the folder: The chosen folder holds no files\./);
  await expect(page.getByTestId('library-item')).toHaveCount(0);
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
