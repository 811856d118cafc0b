// Other tools' files in bulk: File › Import with several files chosen at once (a brat .txt + .ann
// pair beside a doccano file), each format's labels mapped in its own dialog and everything
// reported in one message; a dropped .zip of brat pairs in folders imported the same way; a zip
// with an entry outside the archive refused with its name, nothing stored.

import { expect, test, type Page } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';
import { SpanmarkApp } from './pages/app.js';
import { readStored } from './pages/stored.js';
import { colleagueExport, sampleArticle } from './fixtures/exports.js';
import { APP_EVENTS } from '../../renderer/app/events.js';

test.beforeEach(async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
});

/** brat counts code points: the offsets of a word in an astral-character text. */
function bratSpan(text: string, word: string): string {
  const cp = [...text];
  const n = [...word].length;
  const s = cp.findIndex((_, i) => cp.slice(i, i + n).join('') === word);
  return `${s} ${s + n}`;
}

const BRAT_TEXT = '😀 Tokayev met the 👩‍👩‍👧 protesters in Almaty.\r\nNo final newline';
const BRAT_ANN = `T1\tClaim ${bratSpan(BRAT_TEXT, 'Tokayev')}\tTokayev\nT2\tProtest ${bratSpan(BRAT_TEXT, 'protesters')}\tprotesters`;
// doccano counts code points too; its "PER" label is one the schema lacks.
const DOCCANO_TEXT = 'Troops 🚒 arrived in Almaty.';
const DOCCANO = `${JSON.stringify({ text: DOCCANO_TEXT, label: [[0, 6, 'PER']] })}\n`;

async function articleTitles(page: Page): Promise<string[]> {
  return ((await readStored(page))['articles'] as { title: string }[]).map((a) => a.title).sort();
}

async function dropBytes(page: Page, files: { name: string; bytes: number[] }[]): Promise<void> {
  const dt = await page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const s of specs) transfer.items.add(new File([new Uint8Array(s.bytes)], s.name));
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer: dt });
}

test('File › Import takes a brat pair and a doccano file chosen together: one mapping dialog per format, one summary', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-import').click();
  const picker = await chooser;
  expect(picker.isMultiple(), 'the import picker takes several files').toBe(true);
  await picker.setFiles([
    { name: 'meeting.txt', mimeType: 'text/plain', buffer: Buffer.from(BRAT_TEXT) },
    { name: 'meeting.ann', mimeType: 'text/plain', buffer: Buffer.from(BRAT_ANN) },
    { name: 'troops.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(DOCCANO) },
  ]);
  const dialog = page.getByTestId('label-mapping-dialog');
  // brat first: "Claim" merges by name, "Protest" is asked about.
  await expect(dialog).toContainText('brat');
  await expect(dialog.locator('select')).toHaveCount(1);
  await page.getByTestId('label-mapping-Protest').selectOption('map:deployment');
  await page.getByTestId('label-mapping-ok').click();
  // Then doccano's own dialog.
  await expect(dialog).toContainText('doccano');
  await page.getByTestId('label-mapping-PER').selectOption('map:claim');
  await page.getByTestId('label-mapping-ok').click();
  await expect(dialog).toHaveCount(0);

  const summary = app.infoMessage().last();
  await expect(summary).toContainText('Imported 2 of 2 groups of files');
  await expect(summary).toContainText(/brat standoff.*2 annotations added.*doccano.*1 annotation added/);
  expect(await articleTitles(page)).toEqual(expect.arrayContaining(['meeting', 'troops']));
  // The last group's document is open, its span on its words.
  await expect.poll(() => app.rowTexts()).toEqual(['claim:Troops']);
});

test('a dropped zip of brat pairs in folders is imported; a zip with an entry outside it is refused by name', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const good = zipSync({
    'collection/news/meeting.txt': strToU8(BRAT_TEXT),
    'collection/news/meeting.ann': strToU8(BRAT_ANN),
    'collection/news/untagged.txt': strToU8('Nothing tagged here 🙂'),
    'collection/annotation.conf': strToU8('[entities]\nClaim\nProtest\n'),
    '__MACOSX/collection/news/._meeting.txt': new Uint8Array([0, 5, 22, 7, 0xff]),
  });
  await dropBytes(page, [{ name: 'collection.zip', bytes: [...good] }]);
  await expect(page.getByTestId('label-mapping-dialog')).toBeVisible();
  await page.getByTestId('label-mapping-Protest').selectOption('map:deployment');
  await page.getByTestId('label-mapping-ok').click();
  const summary = app.infoMessage().last();
  await expect(summary).toContainText('Imported 2 documents from brat standoff');
  await expect(summary).toContainText('Not read, in no format Spanmark imports: collection.zip/collection/annotation.conf');
  expect(await articleTitles(page)).toEqual(expect.arrayContaining(['meeting', 'untagged']));

  const before = await readStored(page);
  const errorBefore = await app.lastErrorId();
  const evil = zipSync({ 'ok.txt': strToU8('fine'), '../../evil.ann': strToU8('T1\tClaim 0 4\tfine\n') });
  await dropBytes(page, [{ name: 'evil.zip', bytes: [...evil] }]);
  const error = await app.nextError(errorBefore);
  expect(error).toContain('Nothing was imported');
  expect(error).toContain('evil.zip: the entry "../../evil.ann" points outside the archive');
  expect(await readStored(page)).toEqual(before);
});

test("a Spanmark export inside a dropped zip goes on to Spanmark's own import", async ({ page }) => {
  const app = new SpanmarkApp(page);
  const exported = colleagueExport('Dana', [{ id: 'dana-1', label: 'deployment', quote: 'Almaty' }], sampleArticle());
  const imported = page.evaluate(
    (name) => new Promise((resolve) => window.addEventListener(name, (e) => resolve((e as CustomEvent).detail), { once: true })),
    APP_EVENTS.imported,
  );
  await dropBytes(page, [{ name: 'from-dana.zip', bytes: [...zipSync({ 'dana/sample.spanmark.json': new Uint8Array(exported) })] }]);
  // Whether the export is the analyst's own is asked only when it could be: answer "a colleague's".
  const ask = page.getByTestId('confirm-mine');
  await ask.waitFor({ timeout: 3000 }).then(
    () => ask.getByTestId('confirm-no').click(),
    () => undefined,
  );
  const summary = (await imported) as { documents: number };
  expect(summary.documents).toBe(1);
  await expect(app.infoMessage().last()).toContainText('Imported 1 document');
});
