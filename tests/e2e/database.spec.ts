// The database across versions: a library written by the first schema, or by the second (colleague
// layers keyed by name), opens in the current one with every record intact, and a library from a
// newer Spanmark is refused without being touched.

import { expect, test } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { LIBRARY_STORES, libraryShape, readStored, storedMine, V1_STORES, V2_STORES, writeRawLibrary } from './pages/stored.js';

test('a version 1 library (before review layers) upgrades with every record intact', async ({ page }) => {
  // Write a schema-1 database by hand, as the first release left it, before the app ever runs.
  await page.goto('/__spanmark/health');
  const text = 'date 2022-01-05 Troops 🇷🇺 arrived in Алматы; الوضع hard.\n\nSecond paragraph.';
  const t = '2022-01-05T01:00:00.000Z';
  await writeRawLibrary(page, 10, V1_STORES, {
    articles: [
      {
        id: 'a'.repeat(64),
        sha256: 'a'.repeat(64),
        title: 'old article',
        format: 'text',
        text,
        blocks: [
          { kind: 'paragraph', start: 0, end: 57 },
          { kind: 'paragraph', start: 59, end: 76 },
        ],
        metadata: { date: '2022-01-05' },
        addedAt: '2022-01-05T00:00:00.000Z',
      },
    ],
    annotations: [
      { id: 'old-1', docId: 'a'.repeat(64), label: 'deployment', start: 16, end: 22, quote: 'Troops', annotator: 'Dana', createdAt: t, updatedAt: t },
      { id: 'old-2', docId: 'a'.repeat(64), label: 'claim', start: 36, end: 42, quote: 'Алматы', annotator: 'Dana', createdAt: t, updatedAt: t, note: 'city' },
    ],
    settings: [
      { key: 'annotator', value: 'Dana' },
      { key: 'lastDocId', value: 'a'.repeat(64) },
    ],
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await expect(page.getByTestId('article-title')).toHaveText('old article');
  await expect(page.getByTestId('annotator')).toHaveText('Annotating as Dana');
  expect(await app.rowTexts()).toEqual(['deployment:Troops', 'claim:Алматы']);
  expect(await app.painted()).toEqual({ deployment: 1, claim: 1 });
  expect((await libraryShape(page)).stores).toEqual([...LIBRARY_STORES]);
});

test('a version 2 library (colleague layers by name) upgrades to version 3 with every layer and decision intact', async ({ page }) => {
  // Schema 2 as 0.1.0 left it: colleagues' layers keyed [docId+annotator+id], one review decision.
  await page.goto('/__spanmark/health');
  const text = 'Troops 🇷🇺 arrived in Алматы; الوضع hard.';
  const doc = 'b'.repeat(64);
  const t = '2022-01-05T01:00:00.000Z';
  await writeRawLibrary(page, 20, V2_STORES, {
    articles: [
      {
        id: doc,
        sha256: doc,
        title: 'reviewed article',
        format: 'text',
        text,
        blocks: [{ kind: 'paragraph', start: 0, end: text.length }],
        metadata: {},
        addedAt: '2022-01-05T00:00:00.000Z',
      },
    ],
    annotations: [{ id: 'mine-1', docId: doc, label: 'deployment', start: 0, end: 6, quote: 'Troops', annotator: 'Dana', createdAt: t, updatedAt: t }],
    layerAnnotations: [
      { id: 'ai-1', docId: doc, label: 'claim', start: 22, end: 28, quote: 'Алматы', annotator: 'Aigerim', createdAt: t, updatedAt: t, note: 'الوضع' },
      { id: 'ai-2', docId: doc, label: 'deployment', start: 0, end: 6, quote: 'Troops', annotator: 'Aigerim', createdAt: t, updatedAt: t },
      { id: 'bo-1', docId: doc, label: 'casualty', start: 30, end: 35, quote: 'الوضع', annotator: 'Болат', createdAt: t, updatedAt: t },
    ],
    reviewDecisions: [
      {
        id: `${doc}|Aigerim|ai-2`,
        docId: doc,
        annotator: 'Aigerim',
        annotationId: 'ai-2',
        decision: 'rejected',
        reason: 'dup',
        decidedBy: 'Dana',
        decidedAt: t,
      },
    ],
    settings: [
      { key: 'annotator', value: 'Dana' },
      { key: 'lastDocId', value: doc },
    ],
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await expect(page.getByTestId('article-title')).toHaveText('reviewed article');
  expect(await app.rowTexts()).toEqual(['deployment:Troops']);
  await page.getByTestId('tab-review').click();
  const rows = page.getByTestId('layer-row');
  await expect(rows).toHaveCount(3);
  expect(
    await rows.evaluateAll((r) => r.map((x) => `${(x as HTMLElement).dataset['annotator']}:${x.querySelector('[data-testid="layer-count"]')!.textContent}`)),
  ).toEqual(['Dana:1', 'Aigerim:2', 'Болат:1']);
  expect((await libraryShape(page)).stores).toEqual([...LIBRARY_STORES]);
  const records = await readStored(page);
  const stored = {
    annotations: records['colleagueAnnotations'] as Record<string, unknown>[],
    layers: records['colleagueLayers'],
    decisions: records['reviewDecisions'] as Record<string, unknown>[],
  };
  expect(stored.annotations.map((a) => [a['id'], a['annotator'], a['layer'], a['quote'], a['note']]).sort()).toEqual([
    ['ai-1', 'Aigerim', 'name:Aigerim', 'Алматы', 'الوضع'],
    ['ai-2', 'Aigerim', 'name:Aigerim', 'Troops', undefined],
    ['bo-1', 'Болат', 'name:Болат', 'الوضع', undefined],
  ]);
  expect(stored.layers).toEqual([
    { key: 'name:Aigerim', displayName: 'Aigerim', annotator: 'Aigerim' },
    { key: 'name:Болат', displayName: 'Болат', annotator: 'Болат' },
  ]);
  expect(stored.decisions.map((d) => d['id'])).toEqual([`${'b'.repeat(64)}|Aigerim|ai-2`]);
});

test('a library created by a newer Spanmark is refused with a clear message and left untouched', async ({ page, context }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  // A newer release, in another window, upgrades the database (this window steps aside)...
  const newer = await context.newPage();
  await newer.goto('/__spanmark/health');
  await writeRawLibrary(newer, 990, [{ name: 'fromTheFuture' }]);
  // ...and this older build, reloading into it on its own, must not open or alter it.
  await expect(page.getByTestId('fatal')).toContainText('created by a newer Spanmark');
  const count = { n: storedMine(await readStored(page)).length, version: (await libraryShape(page)).version };
  expect(count).toEqual({ n: 1, version: 990 });
});

test('an upgrade blocked by a window holding an older version says so, and continues once it closes', async ({ page, context }) => {
  // Another page of the origin holds the first schema open and ignores requests to let go, as a
  // window of an older Spanmark that never learnt to would.
  const older = await context.newPage();
  await older.goto('/__spanmark/health');
  await writeRawLibrary(older, 10, V1_STORES, {}, true);

  await page.goto('/');
  await expect(page.getByTestId('blocked')).toContainText('Spanmark is open in another window with an older version; close it to continue');
  await older.close();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('blocked')).toHaveCount(0);
  const app = new SpanmarkApp(page);
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
});
