// Reviewing colleagues' tags: import two colleagues' exports for the sample article, show and hide
// their layers, compare, accept and reject, reload, re-import an update, and export the reconciled
// set — all through the UI, checked against the exported file.

import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { corpusPath, SpanmarkApp } from './pages/app.js';
import { ReviewPanel } from './pages/review.js';
import { AIGERIM, withColleagues } from './pages/colleagues.js';
import { articleFromCorpus, colleagueExport, sampleArticle } from './fixtures/exports.js';
import { cliAgreement, threeColleagueFiles } from './fixtures/three-colleagues.js';
import type { PairsOutput } from '../../main/node/cli/agreement.js';
import { tokenize } from '../../src/review/tokens.js';
import { at } from '../../src/review/agreement/by-label.js';

// Exports are contract v2 by default.
const schema = JSON.parse(readFileSync(new URL('../../src/codecs/spanmark-v2/schema.json', import.meta.url), 'utf8')) as object;

async function setUp(page: Page): Promise<{ app: SpanmarkApp; review: ReviewPanel }> {
  const app = await withColleagues(page);
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
  let saved = await app.armSaved();
  await review.row('security forces', 'only-b').getByTestId('accept').click();
  await saved();
  saved = await app.armSaved();
  await review.row('received extensive training abroad', 'only-b').getByTestId('accept-as').selectOption('casualty');
  await saved();
  await review.row('Their number increased to 18', 'label-mismatch').getByTestId('reject').click();
  await page.getByTestId('reject-reason').fill('Ministry figure, not independent');
  saved = await app.armSaved();
  await page.getByTestId('confirm-reject').click();
  await saved();
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
    documents: {
      text: string;
      annotations: {
        label: string;
        start: number;
        end: number;
        quote: string;
        annotator: string;
        provenance?: { annotator: string; annotationId: string; modified: boolean };
      }[];
      review?: { status: string; decisions: { annotationId: string; decision: string; reason?: string; decidedBy: string; resultId?: string }[] };
    }[];
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
  // Everyone worked on the document (I tagged 3 spans), so alpha is over all three, named.
  await expect(page.getByTestId('alpha-over')).toHaveText('α over Dana, Aigerim, Bolat');
});

test('agreement over a selection of documents pools both articles', async ({ page }) => {
  const { app } = await setUp(page);
  // A second article that only Aigerim and Bolat annotated.
  const zhanaozen = articleFromCorpus('zhanaozen-2022-01-04.txt');
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

const figure = (v: number | null) => (v === null ? '—' : v.toFixed(3));

test('alpha is over the annotators who worked on the document, named, equal to spanmark agreement on the same files', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const review = new ReviewPanel(page);
  await app.goto();
  await app.setAnnotator('dana');
  // A fresh profile: my layer is empty; three colleagues' exports of the sample article.
  const files = threeColleagueFiles();
  for (const f of files) await app.importBuffer(f.name, f.buffer);
  await review.open();
  expect(await review.layers()).toEqual({ dana: 0, aigerim: 6, boris: 5, chen: 7 });
  await review.compare('aigerim', 'chen');
  await review.showAgreement();
  await expect(page.getByTestId('agreement-stage')).toContainText('Before review');
  expect(await review.alphaOver()).toBe('α over aigerim, boris, chen');

  const cli = await cliAgreement<PairsOutput>(files);
  expect(cli.mode).toBe('every-pair');
  expect(cli.alpha.annotators).toEqual(['aigerim', 'boris', 'chen']);
  const fromCli = {
    claim: figure(at(cli.alpha.perLabel, 'claim').alpha),
    casualty: figure(at(cli.alpha.perLabel, 'casualty').alpha),
    deployment: figure(at(cli.alpha.perLabel, 'deployment').alpha),
    macro: figure(cli.alpha.macro.value),
  };
  expect(await review.alphas()).toEqual(fromCli);
  // Checked once against an independent computation (tokens by Unicode category on the exported
  // code points, alpha from per-token value counts): 0.425122, 0.423534, 0.413236, macro 0.420631.
  expect(fromCli).toEqual({ claim: '0.425', casualty: '0.424', deployment: '0.413', macro: '0.421' });

  // The pair's F1 and kappa are the CLI's aigerim–chen pair.
  const ac = cli.pairs.find((p) => p.a === 'aigerim' && p.b === 'chen')!;
  expect(await review.agreementCell('deployment', 'f1-exact')).toBe(figure(at(ac.report.f1.exact.perLabel, 'deployment').f1));
  expect(await review.agreementCell('macro', 'kappa')).toBe(figure(ac.report.kappa.macro.value));
  expect(await review.agreementCell('macro', 'kappa')).toBe('0.533');

  // Three layers chosen: the pairwise matrix, every pair equal to the CLI's.
  for (const [fig, pick] of [
    ['kappa', (p: PairsOutput['pairs'][number]) => p.report.kappa.macro.value],
    ['f1-relaxed', (p: PairsOutput['pairs'][number]) => p.report.f1.relaxed.macro.f1.value],
  ] as const) {
    const shown = await review.pairwise(fig, 'macro');
    const expected: Record<string, string> = {};
    for (const p of cli.pairs) expected[`${p.a}|${p.b}`] = expected[`${p.b}|${p.a}`] = figure(pick(p));
    expect(shown).toEqual(expected);
  }
  expect((await review.pairwise('kappa', 'macro'))['boris|chen']).toBe('0.367');
  expect((await review.pairwise('f1-exact', 'deployment'))['chen|aigerim']).toBe('0.800');

  // A hidden layer is not counted: alpha over the other two, as the CLI computes it on their files.
  await review.toggleLayer('boris');
  await expect(page.getByTestId('alpha-over')).toHaveText('α over aigerim, chen');
  await expect(page.getByTestId('pairwise')).toHaveCount(0);
  const two = await cliAgreement<{ combined: { alpha: PairsOutput['alpha'] } }>(files.filter((f) => !f.name.startsWith('boris')));
  expect((await review.alphas()).claim).toBe(figure(at(two.combined.alpha.perLabel, 'claim').alpha));
  await review.toggleLayer('boris');
  await expect(page.getByTestId('alpha-over')).toHaveText('α over aigerim, boris, chen');

  // My empty layer counts only if I choose it: then the figures drop, as they used to by default.
  await review.chooseAlphaLayer('dana', true);
  await expect(page.getByTestId('alpha-over')).toHaveText('α over dana, aigerim, boris, chen');
  expect(await review.alphas()).toMatchObject({ claim: '0.279', casualty: '0.280', deployment: '0.273' });
  await review.chooseAlphaLayer('dana', false);
  expect(await review.alphas()).toEqual(fromCli);
});

test('agreement is shown before review by default and after review on request, labelled', async ({ page }) => {
  const { app, review } = await setUp(page);
  await review.compare('Dana', 'Aigerim');
  await review.showAgreement();
  expect(await review.agreementCell('claim', 'f1-exact')).toBe('0.500');
  expect(await review.agreementCell('deployment', 'f1-exact')).toBe('0.000');
  let saved = await app.armSaved();
  await review.row('received extensive training abroad', 'only-b').getByTestId('accept').click();
  await saved();
  saved = await app.armSaved();
  await review.row('security forces', 'only-b').getByTestId('accept').click();
  await saved();
  await expect(page.getByTestId('decision')).toHaveCount(2);
  // Before review: my layer as I annotated it; accepting changed nothing.
  await expect(page.getByTestId('agreement-stage')).toHaveText(/^Before review/);
  expect(await review.agreementCell('claim', 'f1-exact')).toBe('0.500');
  expect(await review.agreementCell('deployment', 'f1-exact')).toBe('0.000');
  await expect(page.getByTestId('agreement')).toContainText('Dana 3');
  // After review: the reconciled layer. claim Dana {waves, number, training} vs Aigerim {waves,
  // training}: tp 2, fn 1, F1 0.8; deployment {Alma-Ata, security forces} vs {security forces}: 2/3.
  await review.stage('after');
  await expect(page.getByTestId('agreement-stage')).toHaveText(/^After review/);
  expect(await review.agreementCell('claim', 'f1-exact')).toBe('0.800');
  expect(await review.agreementCell('deployment', 'f1-exact')).toBe('0.667');
  await expect(page.getByTestId('agreement')).toContainText('Dana 5');
  await review.stage('before');
  expect(await review.agreementCell('claim', 'f1-exact')).toBe('0.500');
});

test('library agreement excludes and names documents fewer than two annotators worked on', async ({ page }) => {
  const { app } = await setUp(page);
  const zhanaozen = articleFromCorpus('zhanaozen-2022-01-04.txt');
  await app.importBuffer('aigerim-z.spanmark.json', colleagueExport('Aigerim', [{ id: 'az-1', label: 'claim', quote: 'Protests that began' }], zhanaozen));
  await app.importBuffer('bolat-z.spanmark.json', colleagueExport('Bolat', [{ id: 'bz-1', label: 'claim', quote: 'Protests that began' }], zhanaozen));
  // An article nobody annotated, and one only Aigerim did.
  await app.openFile(corpusPath('withdrawal-2022-01-13.txt'));
  await expect(page.getByTestId('article-title')).toHaveText('withdrawal-2022-01-13');
  const unicode = articleFromCorpus('unicode-edge-cases.txt');
  const firstWord = unicode.text.match(/\p{L}+/u)![0];
  await app.importBuffer('aigerim-u.spanmark.json', colleagueExport('Aigerim', [{ id: 'au-1', label: 'claim', quote: firstWord }], unicode));
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(4);
  for (let i = 0; i < 4; i++) await page.getByTestId('library-pick').nth(i).check();
  await page.getByTestId('library-agreement-open').click();
  const dialog = page.getByTestId('library-agreement');
  await expect(dialog).toContainText('Agreement over 4 documents');
  const excluded = dialog.getByTestId('library-excluded');
  await expect(excluded).toContainText('withdrawal-2022-01-13');
  await expect(excluded).toContainText(unicode.title);
  await expect(excluded).not.toContainText('kazakhstan');
  await dialog.getByTestId('library-compare-a').selectOption('Aigerim');
  await dialog.getByTestId('library-compare-b').selectOption('Bolat');
  // The figures rest on the two annotated articles only: their tokens, not the others'.
  const tokens = tokenize(sampleArticle().text).length + tokenize(zhanaozen.text).length;
  await expect(dialog.getByTestId('agreement')).toContainText(`2 documents · ${tokens} tokens`);
  await expect(dialog.locator('tr[data-label="claim"] td[data-metric="f1-exact"]')).toHaveText('0.400');
  await expect(dialog.getByTestId('alpha-over')).toHaveText('α over Dana, Aigerim, Bolat');
  // Three annotators: the pairwise matrix, pooled per pair over the documents both worked on.
  const review = new ReviewPanel(page);
  expect((await review.pairwise('f1-relaxed', 'claim', dialog))['Aigerim|Bolat']).toBe('0.800');
});

test('accepting an exact match of my span links it without a copy; tagging an identical span selects mine', async ({ page }) => {
  const { app, review } = await setUp(page);
  await review.compare('Dana', 'Aigerim');
  const saved = await app.armSaved();
  await review.row('at least six waves of terrorist attacks', 'exact').locator('[data-side="b"]').getByTestId('accept').click();
  await saved();
  await expect(page.getByTestId('decision')).toHaveText(['accepted']);
  expect(await review.layers()).toEqual({ Dana: 3, Aigerim: 4, Bolat: 2 });
  const exported = (await app.exportDocument()).json as {
    documents: {
      annotations: { id: string; quote: string; provenance?: unknown }[];
      review?: { decisions: { annotationId: string; decision: string; resultId?: string }[] };
    }[];
  };
  const doc = exported.documents[0]!;
  const waves = doc.annotations.filter((a) => a.quote === 'at least six waves of terrorist attacks');
  expect(waves).toHaveLength(1);
  expect(waves[0]!.provenance).toBeUndefined();
  expect(doc.review?.decisions).toEqual([expect.objectContaining({ annotationId: 'ai-1', decision: 'accepted', resultId: waves[0]!.id })]);
  // Reconsidering a link removes the decision, never my own span.
  const cleared = await app.armSaved();
  await page.getByTestId('clear-decision').click();
  await cleared();
  await expect(page.getByTestId('decision')).toHaveCount(0);
  expect(await review.layers()).toEqual({ Dana: 3, Aigerim: 4, Bolat: 2 });

  // The same bounds and label again from the menu: my existing span is selected, with a notice.
  await page.getByTestId('tab-annotations').click();
  await app.select('Alma-Ata', { occurrence: 0 });
  await page
    .getByTestId('label-menu')
    .getByRole('menuitem', { name: /Deployment/ })
    .click();
  await expect(app.infoMessage().last()).toContainText('already tagged this span as deployment');
  await expect(page.getByTestId('annotation-details')).toContainText('Alma-Ata');
  expect(await app.rowTexts()).toEqual(['claim:at least six waves of terrorist attacks', 'deployment:Alma-Ata', 'claim:Their number increased to 18']);
  // Another label on the same bounds is a different annotation and is made.
  await app.select('Alma-Ata', { occurrence: 0 });
  await app.tag('claim');
  expect(await app.rowTexts()).toHaveLength(4);
});
