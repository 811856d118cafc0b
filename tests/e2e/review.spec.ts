// Reviewing colleagues' tags: import two colleagues' exports for the sample article, show and hide
// their layers, compare, accept and reject, reload, re-import an update, and export the reconciled
// set — all through the UI, checked against the exported file.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SpanmarkApp } from './pages/app.js';
import { ReviewPanel } from './pages/review.js';
import { colleagueExport } from './fixtures/exports.js';

const schema = JSON.parse(readFileSync(new URL('../../src/codecs/spanmark-v1/schema.json', import.meta.url), 'utf8')) as object;

const AIGERIM = colleagueExport('Aigerim', [
  { id: 'ai-1', label: 'claim', quote: 'at least six waves of terrorist attacks' },
  { id: 'ai-2', label: 'casualty', quote: 'Their number increased to 18', note: 'interior ministry figure' },
  { id: 'ai-3', label: 'deployment', quote: 'security forces' },
  { id: 'ai-4', label: 'claim', quote: 'received extensive training abroad' },
]);
const BOLAT = colleagueExport('Bolat', [
  { id: 'bo-1', label: 'claim', quote: 'at least six waves of terrorist attacks in Almaty' },
  { id: 'bo-2', label: 'casualty', quote: 'two of them were beheaded' },
]);

async function setUp(page: Page): Promise<{ app: SpanmarkApp; review: ReviewPanel }> {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openSample();
  await app.select('at least six waves of terrorist attacks');
  await app.tag('claim');
  await app.select('Their number increased to 18');
  await app.tag('claim');
  await app.select('Alma-Ata', { occurrence: 0 });
  await app.tag('deployment');
  for (const [name, file] of [['aigerim.spanmark.json', AIGERIM], ['bolat.spanmark.json', BOLAT]] as const) {
    await app.importBuffer(name, file);
  }
  const review = new ReviewPanel(page);
  await review.open();
  return { app, review };
}

test('colleagues arrive as separate read-only layers beside mine, each shown or hidden', async ({ page }) => {
  const { app, review } = await setUp(page);
  expect(await review.layers()).toEqual({ Dana: 3, Aigerim: 4, Bolat: 2 });
  // My layer is untouched by their files.
  await page.getByTestId('tab-annotations').click();
  expect(await app.rowTexts()).toEqual(['claim:at least six waves of terrorist attacks', 'deployment:Alma-Ata', 'claim:Their number increased to 18']);
  await review.open();
  const layerRanges = () => page.evaluate(() => [...CSS.highlights].filter(([n]) => n.startsWith('sm-layer-')).reduce((s, [, h]) => s + h.size, 0));
  expect(await layerRanges()).toBe(6);
  await review.toggleLayer('Aigerim');
  expect(await layerRanges()).toBe(2);
  await review.toggleLayer('Bolat');
  expect(await layerRanges()).toBe(0);
  await review.toggleLayer('Dana');
  expect(await app.painted()).toEqual({});
  await review.toggleLayer('Dana');
  await review.toggleLayer('Aigerim');
  expect(await layerRanges()).toBe(4);
  // Hovering a span names every annotator on it, with label and note.
  const b = await app.textBox('increased to 18');
  await page.mouse.move(b.left + 10, (b.top + b.bottom) / 2);
  const card = page.getByTestId('hover-card');
  await expect(card).toContainText('Dana');
  await expect(card).toContainText('Aigerim');
  await expect(card).toContainText('interior ministry figure');
});

test('the comparison lists every pair and single in text order, and a row jumps to the text', async ({ page }) => {
  const { app, review } = await setUp(page);
  await review.compare('Dana', 'Aigerim');
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await review.row('received extensive training abroad', 'only-b').locator('.kind').click();
  await expect.poll(() => app.highlightSize('sm-flash')).toBe(1);
  expect(await app.highlightSize('sm-peer')).toBe(1);
  const flashedText = await page.evaluate(() => {
    const r = [...CSS.highlights.get('sm-peer')!][0] as StaticRange;
    return r.startContainer.textContent!.slice(r.startOffset, r.endOffset);
  });
  expect(flashedText).toBe('received extensive training abroad');
  expect(await review.rowSummaries()).toEqual([
    'exact: at least six waves of terrorist attacks | at least six waves of terrorist attacks',
    'only-a: Alma-Ata | ',
    'only-b:  | security forces',
    'label-mismatch: Their number increased to 18 | Their number increased to 18',
    'only-b:  | received extensive training abroad',
  ]);
  await expect(page.getByTestId('compare-summary')).toContainText('Exact match: 1');
  await review.compare('Aigerim', 'Bolat');
  expect(await review.rowSummaries()).toEqual([
    'overlap: at least six waves of terrorist attacks | at least six waves of terrorist attacks in Almaty',
    'only-a: security forces | ',
    'only-a: Their number increased to 18 | ',
    'only-b:  | two of them were beheaded',
    'only-a: received extensive training abroad | ',
  ]);
});

test('accept, accept as another label, reject with a reason; undo; decisions survive a reload and travel in the export', async ({ page }) => {
  const { app, review } = await setUp(page);
  await review.compare('Dana', 'Aigerim');
  let saved = app.waitForSaved();
  await review.row('security forces', 'only-b').getByTestId('accept').click();
  await saved;
  saved = app.waitForSaved();
  await review.row('received extensive training abroad', 'only-b').getByTestId('accept-as').selectOption('casualty');
  await saved;
  await review.row('Their number increased to 18', 'label-mismatch').getByTestId('reject').click();
  await page.getByTestId('reject-reason').fill('Ministry figure, not independent');
  saved = app.waitForSaved();
  await page.getByTestId('confirm-reject').click();
  await saved;
  await expect(page.getByTestId('decision')).toHaveText(['accepted', 'rejected', 'accepted modified']);
  await expect(page.getByTestId('doc-review-status')).toHaveText('in-review');

  // Undo the last decision, redo it.
  await app.press('Control+z');
  await expect(page.getByTestId('decision')).toHaveText(['accepted', 'accepted modified']);
  await app.press('Control+Shift+z');
  await expect(page.getByTestId('decision')).toHaveText(['accepted', 'rejected', 'accepted modified']);

  await page.reload();
  await review.open();
  await review.compare('Dana', 'Aigerim');
  await expect(page.getByTestId('decision')).toHaveText(['accepted', 'rejected', 'accepted modified']);
  // Accepted copies are mine now, so those rows have become exact matches or label mismatches.
  expect(await review.layers()).toEqual({ Dana: 5, Aigerim: 4, Bolat: 2 });

  await page.getByTestId('mark-reviewed').click();
  await expect(page.getByTestId('doc-review-status')).toHaveText('reviewed');

  const exported = await app.exportDocument();
  const file = exported.json as {
    documents: { text: string; annotations: { label: string; start: number; end: number; quote: string; annotator: string; provenance?: { annotator: string; annotationId: string; modified: boolean } }[]; review?: { status: string; decisions: { annotationId: string; decision: string; reason?: string; decidedBy: string; resultId?: string }[] } }[];
  };
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  expect(ajv.validate(schema, file), JSON.stringify(ajv.errors)).toBe(true);
  const doc = file.documents[0]!;
  expect(doc.annotations.every((a) => a.annotator === 'Dana')).toBe(true);
  for (const a of doc.annotations) expect([...doc.text].slice(a.start, a.end).join('')).toBe(a.quote);
  const accepted = doc.annotations.filter((a) => a.provenance);
  expect(accepted.map((a) => [a.quote, a.label, a.provenance])).toEqual([
    ['security forces', 'deployment', { annotator: 'Aigerim', annotationId: 'ai-3', modified: false }],
    ['received extensive training abroad', 'casualty', { annotator: 'Aigerim', annotationId: 'ai-4', modified: true }],
  ]);
  expect(doc.review?.status).toBe('reviewed');
  const decisions = Object.fromEntries(doc.review!.decisions.map((d) => [d.annotationId, d]));
  expect(decisions['ai-3']).toMatchObject({ decision: 'accepted', decidedBy: 'Dana' });
  expect(decisions['ai-4']).toMatchObject({ decision: 'accepted-modified', decidedBy: 'Dana' });
  expect(decisions['ai-2']).toMatchObject({ decision: 'rejected', reason: 'Ministry figure, not independent' });

  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('review-status')).toHaveText('reviewed');
});

test('re-importing an updated file from the same colleague updates their layer, never duplicates it', async ({ page }) => {
  const { app, review } = await setUp(page);
  await app.importBuffer('aigerim.spanmark.json', AIGERIM);
  await expect(app.infoMessage().last()).toContainText('Aigerim’s layer: 4 annotations');
  expect(await review.layers()).toEqual({ Dana: 3, Aigerim: 4, Bolat: 2 });
  const updated = colleagueExport('Aigerim', [
    { id: 'ai-1', label: 'claim', quote: 'at least six waves of terrorist attacks' },
    { id: 'ai-2', label: 'claim', quote: 'Their number increased to 18' },
  ]);
  await app.importBuffer('aigerim-v2.spanmark.json', updated);
  expect(await review.layers()).toEqual({ Dana: 3, Aigerim: 2, Bolat: 2 });
  await review.compare('Dana', 'Aigerim');
  expect(await review.rowSummaries()).toEqual([
    'exact: at least six waves of terrorist attacks | at least six waves of terrorist attacks',
    'only-a: Alma-Ata | ',
    'exact: Their number increased to 18 | Their number increased to 18',
  ]);
});

test('agreement figures for the document, with undefined shown as a dash', async ({ page }) => {
  const { review } = await setUp(page);
  await review.compare('Dana', 'Aigerim');
  await page.getByTestId('toggle-agreement').click();
  // claim: Dana {waves, number}, Aigerim {waves, training}: 1 exact match, P = 1/2, R = 1/2, F1 = 0.5.
  expect(await review.agreementCell('claim', 'f1-exact')).toBe('0.500');
  // casualty: Dana has none, Aigerim one: recall undefined, so F1 undefined.
  expect(await review.agreementCell('casualty', 'f1-exact')).toBe('—');
  // deployment: Dana {Alma-Ata}, Aigerim {security forces}: no match, P = R = 0, F1 = 0.
  expect(await review.agreementCell('deployment', 'f1-exact')).toBe('0.000');
  await expect(page.getByTestId('agreement')).toContainText('α over 3 annotators');
});

test('agreement over a selection of documents pools both articles', async ({ page }) => {
  const { app } = await setUp(page);
  // A second article that only Aigerim and Bolat annotated.
  const zhanaozen = (await import('./fixtures/exports.js')).articleFromCorpus('zhanaozen-2022-01-04.txt');
  await app.importBuffer('aigerim-z.spanmark.json', colleagueExport('Aigerim', [{ id: 'az-1', label: 'claim', quote: 'Protests that began' }], zhanaozen));
  await app.importBuffer('bolat-z.spanmark.json', colleagueExport('Bolat', [{ id: 'bz-1', label: 'claim', quote: 'Protests that began' }], zhanaozen));
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(2);
  await page.getByTestId('library-pick').nth(0).check();
  await page.getByTestId('library-pick').nth(1).check();
  await page.getByTestId('library-agreement-open').click();
  const dialog = page.getByTestId('library-agreement');
  await expect(dialog).toContainText('Agreement over 2 documents');
  await dialog.getByTestId('library-compare-a').selectOption('Aigerim');
  await dialog.getByTestId('library-compare-b').selectOption('Bolat');
  // claim, pooled: sample {waves vs waves-in-Almaty: overlap only} + Zhanaozen {exact}: exact tp 1,
  // Aigerim (A) 3 claims, Bolat (B) 2 claims -> P = 1/2, R = 1/3, F1 = 0.4; relaxed tp 2 -> P = 1, R = 2/3, F1 = 0.8.
  await expect(dialog.locator('tr[data-label="claim"] td[data-metric="f1-exact"]')).toHaveText('0.400');
  await expect(dialog.locator('tr[data-label="claim"] td[data-metric="f1-relaxed"]')).toHaveText('0.800');
  await expect(dialog).toContainText('2 documents');
});
