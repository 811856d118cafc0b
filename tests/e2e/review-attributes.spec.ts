// Review of attributes (issue 11, item 8): my casualty span and a colleague's on the same words with
// different values. The comparison row shows both values per attribute; I take their count and keep
// my kind (their group, which I never set, comes by default) in one undoable acceptance; after a
// reload the stored span holds exactly that, and the agreement shows the attribute figures.
//
// Seeding: the v2 contract (with attributes) is written in parallel, so values are put straight into
// IndexedDB after the spans were made and imported through the UI (my layer's snapshot is dropped so
// the records are read), then the page is reloaded.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { ReviewPanel } from './pages/review.js';
import { ReviewMode } from './pages/review-mode.js';
import { readStored, storedMine } from './pages/stored.js';
import { withColleagues } from './pages/colleagues.js';
import { colleagueExport } from './fixtures/exports.js';

const QUOTE = 'Their number increased to 18';
const MINE = { count: { value: 18, qualifier: 'exact' }, kind: ['killed'] };
const THEIRS = { count: { min: 16, max: 18 }, kind: ['killed', 'injured'], group: 'security forces' };

/** Sets attribute values on my annotation and on a colleague's with the given quote, in IndexedDB. */
async function seedValues(page: Page, quote: string, mine: object, theirs: object): Promise<void> {
  await page.evaluate(
    async ({ quote, mine, theirs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('spanmark');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('open failed'));
      });
      const tx = db.transaction(['myLayerEdits', 'colleagueAnnotations', 'layerSnapshots'], 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error ?? new Error('seeding failed'));
      });
      const put = (store: string, values: object) => {
        const req = tx.objectStore(store).getAll();
        req.onsuccess = () => {
          const hits = (req.result as { quote: string }[]).filter((a) => a.quote === quote);
          if (hits.length !== 1) throw new Error(`${store}: ${hits.length} annotations quote "${quote}"`);
          tx.objectStore(store).put({ ...hits[0], attributes: values });
        };
      };
      put('myLayerEdits', mine); // tagged through the UI: an edit record (renderer/db/my-layer-store.ts)
      put('colleagueAnnotations', theirs);
      tx.objectStore('layerSnapshots').clear();
      await done;
      db.close();
    },
    { quote, mine, theirs },
  );
}

async function setUp(page: Page): Promise<{ app: SpanmarkApp; review: ReviewPanel }> {
  const app = await withColleagues(
    page,
    [{ quote: QUOTE, label: 'casualty' }],
    [['aigerim.spanmark.json', colleagueExport('Aigerim', [{ id: 'ai-2', label: 'casualty', quote: QUOTE }])]],
  );
  await seedValues(page, QUOTE, MINE, THEIRS);
  await page.reload();
  const review = new ReviewPanel(page);
  await review.open();
  await review.compare('Dana', 'Aigerim');
  return { app, review };
}

test('same span, different attributes: both values shown, theirs taken for one, mine kept for another, stored across a reload', async ({ page }) => {
  const { app, review } = await setUp(page);
  const row = review.row(QUOTE, 'attribute-mismatch');
  await expect(row).toContainText('Same span, different attributes');
  const diff = (id: string) => row.locator(`[data-testid="attribute-diff"][data-attribute="${id}"]`);
  await expect(row.getByTestId('attribute-diff')).toHaveCount(3);
  await expect(diff('count').getByTestId('attribute-mine')).toHaveText('18 (exact)');
  await expect(diff('count').getByTestId('attribute-theirs')).toHaveText('16–18');
  await expect(diff('kind').getByTestId('attribute-mine')).toHaveText('killed');
  await expect(diff('kind').getByTestId('attribute-theirs')).toHaveText('killed, injured');
  await expect(diff('group').getByTestId('attribute-mine')).toHaveText('not set');
  // Defaults: mine where I set a value, theirs where I did not.
  await expect(diff('count').getByTestId('attribute-keep-mine')).toBeChecked();
  await expect(diff('kind').getByTestId('attribute-keep-mine')).toBeChecked();
  await expect(diff('group').getByTestId('attribute-take-theirs')).toBeChecked();

  // The review queue lists it too, under the new kind.
  const mode = new ReviewMode(page);
  await mode.enter();
  await expect(page.locator('[data-testid="difference"][data-kind="attribute-mismatch"]')).toHaveCount(1);
  await expect(page.getByTestId('difference').getByTestId('attribute-diffs')).toContainText('16–18');
  await page.getByTestId('exit-review-mode').click();
  await review.open();
  await review.compare('Dana', 'Aigerim');

  // Flip count to theirs, keep kind, accept: one command.
  await diff('count').getByTestId('attribute-take-theirs').check();
  let saved = await app.armSaved();
  await row.getByTestId('accept').click();
  await saved();
  await expect(row.getByTestId('decision')).toHaveText('accepted');
  // Undo reverts the values and the decision together; redo brings both back.
  await app.press('Control+z');
  await expect(review.row(QUOTE, 'attribute-mismatch').getByTestId('accept')).toBeVisible();
  await expect(diff('count').getByTestId('attribute-mine')).toHaveText('18 (exact)');
  saved = await app.armSaved();
  await app.press('Control+Shift+z');
  await saved();
  // The kinds still differ, so the row stays an attribute difference, decided; only kind is listed.
  await expect(review.row(QUOTE, 'attribute-mismatch').getByTestId('decision')).toHaveText('accepted');
  await expect(review.row(QUOTE, 'attribute-mismatch').getByTestId('attribute-diff')).toHaveCount(1);

  // Reopening reads my layer's snapshot once it is written: it must hold the values too.
  const snapshotValues = async () =>
    // The snapshot packs the layer's values as one JSON array (layer-columns.ts), an entry per annotation.
    ((await readStored(page))['layerSnapshots'] as { columns?: { attributes?: string } }[]).map((s) =>
      s.columns?.attributes ? (JSON.parse(s.columns.attributes) as unknown) : undefined,
    );
  await expect.poll(snapshotValues, { timeout: 10_000 }).toEqual([[{ count: { min: 16, max: 18 }, kind: ['killed'], group: 'security forces' }]]);
  await page.reload();
  await review.open();
  await review.compare('Dana', 'Aigerim');
  const after = review.row(QUOTE, 'attribute-mismatch');
  await expect(after.getByTestId('decision')).toHaveText('accepted');
  await expect(after.locator('[data-attribute="kind"] [data-testid="attribute-keep-mine"]')).toBeChecked();
  await expect(after.locator('[data-attribute="kind"] [data-testid="attribute-keep-mine"]')).toBeDisabled();

  const stored = await readStored(page, ['layerSnapshots']);
  const mine = storedMine(stored) as { quote: string; annotator: string; attributes?: unknown; provenance?: unknown }[];
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ quote: QUOTE, annotator: 'Dana', attributes: { count: { min: 16, max: 18 }, kind: ['killed'], group: 'security forces' } });
  expect(mine[0]!.provenance).toBeUndefined();
  const decisions = stored['reviewDecisions'] as { annotationId: string; decision: string; attributes?: unknown }[];
  expect(decisions).toEqual([
    expect.objectContaining({ annotationId: 'ai-2', decision: 'accepted', attributes: { count: 'theirs', kind: 'mine', group: 'theirs' } }),
  ]);
  // The colleague's layer is never written.
  const theirs = stored['colleagueAnnotations'] as { id: string; attributes?: unknown }[];
  expect(theirs.map((a) => a.attributes)).toEqual([THEIRS]);

  // Agreement: count and group now agree, kind does not; one pair each (before review = my own span).
  await review.showAgreement();
  const cell = (attribute: string, metric: string) =>
    page.locator(`[data-testid="attribute-agreement"] tr[data-label="casualty"][data-attribute="${attribute}"] td[data-metric="${metric}"]`);
  await expect(cell('count', 'pairs')).toHaveText('1');
  await expect(cell('count', 'percent')).toHaveText('100 %');
  await expect(cell('kind', 'percent')).toHaveText('0 %');
  await expect(cell('group', 'percent')).toHaveText('100 %');
  // One pair of equal values leaves nothing to vary: alpha undefined, a dash. One pair of two
  // different values: Do = 2/2 = 1, De = (2² − 1 − 1)/(2·1) = 1, alpha = 0.
  await expect(cell('count', 'alpha')).toHaveText('—');
  await expect(cell('kind', 'alpha')).toHaveText('0.000');
});

test('taking their value the schema does not allow is refused with a message, nothing stored changes', async ({ page }) => {
  const app = await withColleagues(
    page,
    [{ quote: QUOTE, label: 'casualty' }],
    [['aigerim.spanmark.json', colleagueExport('Aigerim', [{ id: 'ai-2', label: 'casualty', quote: QUOTE }])]],
  );
  await seedValues(page, QUOTE, MINE, { group: 'aliens' });
  await page.reload();
  const review = new ReviewPanel(page);
  await review.open();
  await review.compare('Dana', 'Aigerim');
  const before = await readStored(page, ['layerSnapshots']);
  await review.row(QUOTE, 'attribute-mismatch').getByTestId('accept').click();
  await expect(app.errorMessage()).toContainText('Their Group cannot be taken: "aliens" is not one of');
  expect(await readStored(page, ['layerSnapshots'])).toEqual(before);
});
