// Importing a contract v2 export made against the sample article into a library whose copy of the
// sample was edited (18 → 19, a paragraph inserted, whitespace reflowed, a sentence deleted): the
// spans are re-anchored onto the library's text instead of landing on the wrong words or making a
// second copy. The summary says so; spans placed elsewhere are dashed until confirmed; the span
// whose sentence is gone is listed as an orphan with its quote; nothing is lost across a reload;
// the orphan travels in the next export and stays an orphan when that file is imported elsewhere.

import { expect, test, type Page } from '@playwright/test';
import { corpusPath, SpanmarkApp } from './pages/app.js';
import { exportV2, type SpanSpec } from './fixtures/exports.js';
import { DELETED, editedSample, SAMPLE } from './fixtures/edited-sample.js';

const SPANS: SpanSpec[] = [
  { id: 's-radicals', label: 'claim', quote: 'at least 20 thousand radicals' },
  { id: 's-deleted', label: 'claim', quote: DELETED },
  { id: 's-city', label: 'claim', quote: 'especially aggravated in the largest city' },
  { id: 's-forces', label: 'deployment', quote: 'security forces' },
  { id: 's-number', label: 'casualty', quote: 'Their number increased to 18' },
  { id: 's-belarus', label: 'deployment', quote: 'Belarusian peacekeepers' },
];
const PLACED = [
  'claim:at least 20 thousand radicals',
  'claim:especially aggravated in the largest   city',
  'deployment:security forces',
  'casualty:Their number increased to 19',
  'deployment:Belarusian peacekeepers',
];
const SUMMARY = 'The library’s copy of the document has a changed text: 6 spans re-anchored, 4 moved (to confirm), 1 orphan.';

async function expectReanchored(page: Page, app: SpanmarkApp): Promise<void> {
  expect(await app.rowTexts()).toEqual(PLACED);
  await expect(page.getByTestId('moved-row')).toHaveCount(4);
  await expect(page.getByTestId('moved-row').filter({ hasText: 'Their number increased to 18 → Their number increased to 19' })).toHaveCount(1);
  await expect.poll(() => app.highlightSize('sm-moved')).toBe(4);
  await expect(page.getByTestId('orphan-row')).toHaveCount(1);
  await expect(page.getByTestId('orphan-row')).toContainText(`“${DELETED}”`);
}

async function libraryCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('spanmark');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const req = open.result.transaction('articles').objectStore('articles').count();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
        };
      }),
  );
}

test('an export made on the sample is re-anchored onto the library’s edited copy (same document id): summary, dashed moved spans, orphans, reload', async ({
  page,
}) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openFile(corpusPath(SAMPLE));
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  // The library's copy gets the edited text under the same id (File › Replace text…), placed in the re-anchoring Worker.
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-replace-text').click();
  await (await chooser).setFiles({ name: 'kazakhstan-2022-01-07-v2.txt', mimeType: 'text/plain', buffer: Buffer.from(editedSample()) });
  await expect(page.getByTestId('message-info').last()).toContainText('Text replaced from kazakhstan-2022-01-07-v2.txt');
  expect(page.workers().map((w) => new URL(w.url()).pathname)).toContain('/reanchor-worker.js');

  await app.importBuffer('sample.spanmark.json', exportV2('Dana', SPANS), 'mine');
  await expect(page.getByTestId('message-info').last()).toContainText(`Imported 1 document. ${SUMMARY} Your layer: 5 added`);
  await expect(page.getByTestId('article-text')).toContainText('Their number increased to 19');
  await expectReanchored(page, app);
  expect(await libraryCount(page)).toBe(1);

  await page.reload();
  await expect(page.getByTestId('article-text')).toContainText('Their number increased to 19');
  await expectReanchored(page, app);

  // The orphan is part of the export, where it was on the text it was made on.
  const exported = await app.exportDocument();
  const doc = (exported.json as { documents: { orphans?: { id: string; quote: string; start: number; end: number; prefix: string; suffix: string }[] }[] })
    .documents[0]!;
  expect(doc.orphans?.map((o) => [o.id, o.quote])).toEqual([['s-deleted', DELETED]]);
  expect(doc.orphans![0]!.end - doc.orphans![0]!.start).toBe([...DELETED].length);
  expect(doc.orphans![0]!.suffix.length).toBeGreaterThan(0);

  // Importing the same file again changes nothing: no second orphan, no span marked twice.
  await app.importBuffer('sample.spanmark.json', exportV2('Dana', SPANS), 'mine');
  await expectReanchored(page, app);
});

test('a copy with the same title and an edited text takes the spans (no second document); its export’s orphan stays an orphan in another library', async ({
  page,
  browser,
}) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openBuffer(SAMPLE, 'text/plain', Buffer.from(editedSample()));
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await app.importBuffer('sample.spanmark.json', exportV2('Dana', SPANS), 'mine');
  await expect(page.getByTestId('message-info').last()).toContainText(SUMMARY);
  await expectReanchored(page, app);
  expect(await libraryCount(page)).toBe(1);
  const exported = await app.exportDocument();

  const other = await browser.newContext();
  try {
    const page2 = await other.newPage();
    const app2 = new SpanmarkApp(page2);
    await app2.goto();
    await app2.openBuffer(SAMPLE, 'text/plain', Buffer.from(editedSample()));
    await app2.importBuffer(exported.name, Buffer.from(exported.text));
    await expect(page2.getByTestId('message-info').last()).toContainText('1 orphan from the file kept with its quote.');
    await expect(page2.getByTestId('orphan-row')).toHaveCount(1);
    await expect(page2.getByTestId('orphan-row')).toContainText(`“${DELETED}”`);
    await page2.reload();
    await expect(page2.getByTestId('orphan-row')).toHaveCount(1);
  } finally {
    await other.close();
  }
});
