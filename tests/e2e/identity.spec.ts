// Who is who: the analyst is asked for a name at first start (skippable, asked again until set);
// a colleague who shares my name but not my installation id becomes "NAME (2)", never part of my
// layer; a file without ids asks whether its tags are mine (naming the file and the count), and
// both answers do what they say; a colleague layer can be renamed; and a document exported with all
// layers comes back, in a fresh profile, as colleague layers.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { colleagueExport, type SpanSpec } from './fixtures/exports.js';

const SPANS: SpanSpec[] = [
  { id: 'c-1', label: 'claim', quote: 'at least six waves of terrorist attacks' },
  { id: 'c-2', label: 'casualty', quote: 'two of them were beheaded' },
];

/** A colleague's export as a current Spanmark writes it: their installation id beside their name. */
function stamped(annotator: string, id: string, spans: readonly SpanSpec[]): Buffer {
  const file = JSON.parse(colleagueExport(annotator, spans).toString('utf8')) as {
    exportedBy?: unknown;
    documents: { annotations: { annotatorId?: string }[] }[];
  };
  file.exportedBy = { id, name: annotator };
  for (const a of file.documents[0]!.annotations) a.annotatorId = id;
  return Buffer.from(JSON.stringify(file));
}

const layerRow = (page: Page, name: string) => page.locator(`[data-testid="layer-row"][data-annotator="${name}"]`);
const layerNames = (page: Page) => page.getByTestId('layer-row').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset['annotator']));

async function startNamed(app: SpanmarkApp, name: string): Promise<void> {
  await app.goto();
  const prompt = app.page.getByTestId('name-prompt');
  await expect(prompt).toBeVisible();
  await prompt.getByTestId('name-prompt-input').fill(name);
  await prompt.getByTestId('name-prompt-save').click();
  await expect(prompt).toBeHidden();
  await expect(app.page.getByTestId('annotator')).toHaveText(`Annotating as ${name}`);
}

test('the name is asked at first start, again after "Later", and never once saved', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  const prompt = page.getByTestId('name-prompt');
  await expect(prompt).toBeVisible();
  // It blocks nothing and takes no keys of its own: the sample opens and tags under it.
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
  await page.getByTestId('name-prompt-later').click();
  await expect(prompt).toBeHidden();
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(prompt).toBeVisible();
  await prompt.getByTestId('name-prompt-input').fill('  ');
  await expect(prompt.getByTestId('name-prompt-save')).toBeDisabled();
  await prompt.getByTestId('name-prompt-input').fill('Ержан 😀');
  await prompt.getByTestId('name-prompt-input').press('Enter');
  await expect(page.getByTestId('annotator')).toHaveText('Annotating as Ержан 😀');
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('annotator')).toHaveText('Annotating as Ержан 😀');
  await expect(prompt).toBeHidden();
});

test('a colleague with my name and another id becomes "Dana (2)"; my layer is unchanged; the layer can be renamed', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await startNamed(app, 'Dana');
  await app.openSample();
  await app.select('Kassym-Zhomart Tokayev');
  await app.tag('claim');
  expect(await app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);

  await app.importBuffer('dana-colleague.spanmark.json', stamped('Dana', 'another-installation', SPANS));
  await expect(page.getByTestId('confirm-mine')).toHaveCount(0);
  await expect(app.infoMessage().last()).toContainText('Dana (2)’s layer: 2 annotations');
  await expect(app.infoMessage().last()).not.toContainText('Your layer');
  expect(await app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);
  await page.getByTestId('tab-review').click();
  await expect.poll(() => layerNames(page)).toEqual(['Dana', 'Dana (2)']);
  await expect(layerRow(page, 'Dana').getByTestId('layer-count')).toHaveText('1');
  await expect(layerRow(page, 'Dana (2)').getByTestId('layer-count')).toHaveText('2');

  // A third Dana, another installation again: a third layer. My own layer has no rename.
  await app.importBuffer('dana-third.spanmark.json', stamped('Dana', 'third-installation', [{ id: 'd3-1', label: 'deployment', quote: 'security forces' }]));
  await expect.poll(() => layerNames(page)).toEqual(['Dana', 'Dana (2)', 'Dana (3)']);
  await expect(layerRow(page, 'Dana').getByTestId('rename-layer-button')).toHaveCount(0);

  // Rename: my own name and another layer's are refused, with the reason; a new name sticks.
  await layerRow(page, 'Dana (2)').getByTestId('rename-layer-button').click();
  const dialog = page.getByTestId('rename-layer');
  await dialog.getByTestId('rename-layer-input').fill('Dana');
  await dialog.getByTestId('rename-layer-save').click();
  await expect(dialog.getByTestId('rename-layer-problem')).toContainText('your own name');
  await dialog.getByTestId('rename-layer-input').fill('Dana (3)');
  await dialog.getByTestId('rename-layer-save').click();
  await expect(dialog.getByTestId('rename-layer-problem')).toContainText('already called');
  await dialog.getByTestId('rename-layer-input').fill('Dana Petrova');
  await dialog.getByTestId('rename-layer-save').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => layerNames(page)).toEqual(['Dana', 'Dana (3)', 'Dana Petrova']);
  await expect(layerRow(page, 'Dana Petrova').getByTestId('layer-count')).toHaveText('2');

  // Kept across a restart, and the same colleague's next file lands in the renamed layer.
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await app.importBuffer('dana-colleague-2.spanmark.json', stamped('Dana', 'another-installation', SPANS.slice(0, 1)));
  await expect(app.infoMessage().last()).toContainText('Dana Petrova’s layer: 1 annotation');
  await page.getByTestId('tab-review').click();
  await expect.poll(() => layerNames(page)).toEqual(['Dana', 'Dana (3)', 'Dana Petrova']);
  await page.getByTestId('tab-annotations').click();
  expect(await app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);
});

test('a file without ids under my name asks, naming the file and the count: "no" makes a colleague layer, "yes" my layer', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await startNamed(app, 'Dana');
  await app.openSample();
  await app.select('Kassym-Zhomart Tokayev');
  await app.tag('claim');
  const old = colleagueExport('Dana', SPANS); // written before ids: names only

  await app.importBuffer('dana-old.spanmark.json', old, 'colleague');
  await expect(app.infoMessage().last()).toContainText('Dana (2)’s layer: 2 annotations');
  expect(await app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);

  const done = app.importBuffer('dana-old.spanmark.json', old);
  const question = page.getByTestId('confirm-mine');
  await expect(question).toContainText('dana-old.spanmark.json has 2 annotations by “Dana” (your name)');
  await question.getByTestId('confirm-yes').click();
  await done;
  await expect(app.infoMessage().last()).toContainText('Your layer: 2 added');
  await expect(app.rows()).toHaveCount(3);
  expect((await app.rowTexts()).sort()).toEqual([
    'casualty:two of them were beheaded',
    'claim:Kassym-Zhomart Tokayev',
    'claim:at least six waves of terrorist attacks',
  ]);
});

test('a document exported with all layers comes back in a fresh profile as colleague layers', async ({ page, browser }) => {
  const app = new SpanmarkApp(page);
  await startNamed(app, 'Lead');
  await app.openSample();
  await app.select('Kassym-Zhomart Tokayev');
  await app.tag('claim');
  await app.importBuffer('aigerim.spanmark.json', stamped('Aigerim', 'aigerim-installation', SPANS));
  await app.importBuffer('bolat.spanmark.json', colleagueExport('Bolat', [{ id: 'b-1', label: 'deployment', quote: 'security forces' }]));
  const { name, json } = await app.exportAllLayers();
  expect(name).toBe('kazakhstan-2022-01-07 - all layers.spanmark.json');
  const file = json as { exportedBy: { name: string }; documents: { annotations: { annotator: string }[] }[] };
  expect(file.exportedBy.name).toBe('Lead');
  expect(file.documents[0]!.annotations.map((a) => a.annotator).sort()).toEqual(['Aigerim', 'Aigerim', 'Bolat', 'Lead']);
  const buffer = Buffer.from(JSON.stringify(json));

  // Re-imported by the lead: nothing new, no layer doubled.
  await app.importBuffer('all.spanmark.json', buffer);
  await expect(app.infoMessage().last()).toContainText('0 added, 0 updated, 1 unchanged');
  await page.getByTestId('tab-review').click();
  await expect.poll(() => layerNames(page)).toEqual(['Lead', 'Aigerim', 'Bolat']);

  // Passed on: a reviewer's fresh profile gets every layer as a colleague's, none as theirs.
  const other = await browser.newContext();
  const fresh = new SpanmarkApp(await other.newPage());
  await startNamed(fresh, 'Reviewer');
  await fresh.importBuffer('all.spanmark.json', buffer);
  await expect(fresh.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await fresh.rowTexts()).toEqual([]);
  await fresh.page.getByTestId('tab-review').click();
  expect(await layerNames(fresh.page)).toEqual(['Reviewer', 'Aigerim', 'Bolat', 'Lead']);
  await expect(layerRow(fresh.page, 'Lead').getByTestId('layer-count')).toHaveText('1');
  await expect(layerRow(fresh.page, 'Aigerim').getByTestId('layer-count')).toHaveText('2');
  await expect(layerRow(fresh.page, 'Bolat').getByTestId('layer-count')).toHaveText('1');
  await other.close();
});
