// The label schema as data, end to end: a label added in Settings gets a key, a colour and marks
// (generated CSS, allowed by the page's CSP), tags like the default ones and survives a reload; a
// change that would destroy stored values asks for a migration, applies it with the schema in one
// step, and Undo takes both back.

import { expect, test, type Page } from '@playwright/test';
import { labelColours, PALETTES } from '../../src/labels/label-style.js';
import { SpanmarkApp } from './pages/app.js';

async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

async function openEditor(page: Page): Promise<void> {
  await page.getByTestId('cmd-settings').click();
  await page.getByTestId('edit-schema').click();
  await expect(page.getByTestId('schema-editor')).toBeVisible();
}

async function highlightInk(page: Page, name: string): Promise<string> {
  return page.evaluate((n) => getComputedStyle(document.querySelector('[data-testid="article-text"]')!, `::highlight(${n})`).textDecorationColor, name);
}

test('add a label Actor with key 4 and a speaker link on claim; tag with 4; after a reload the label, its colour and the tag are there', async ({ page }) => {
  await watchCsp(page);
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  // The page really runs under a CSP that forbids inline styles.
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("style-src 'self'");
  expect(csp).not.toContain('unsafe-inline');

  await openEditor(page);
  const version = Number(await page.getByTestId('schema-version').textContent());
  await page.getByTestId('schema-new-label-name').fill('Actor');
  await page.getByTestId('schema-new-label-key').selectOption('4');
  await page.getByTestId('schema-new-label-add').click();
  await expect(page.getByTestId('schema-status')).toContainText('Saved: added Actor');
  await expect(page.getByTestId('schema-label-actor')).toBeVisible();
  await expect(page.getByTestId('schema-version')).toHaveText(String(version + 1));

  await page.getByTestId('schema-new-attr-name-claim').fill('Speaker');
  await page.getByTestId('schema-new-attr-type-claim').selectOption('link');
  await page.getByTestId('schema-new-attr-target-claim-actor').check();
  await page.getByTestId('schema-new-attr-add-claim').click();
  await expect(page.getByTestId('schema-status')).toContainText('Saved: added Speaker to Claim');
  await expect(page.getByTestId('schema-attr-claim-speaker')).toContainText('Actor');

  // A key already taken is refused with a message, and nothing changes.
  await page.getByTestId('schema-key-claim').selectOption('4');
  await expect(page.getByTestId('schema-error')).toHaveText(/Key 4 already tags Actor/);
  await expect(page.getByTestId('schema-key-claim')).toHaveValue('1');
  await expect(page.getByTestId('schema-version')).toHaveText(String(version + 2));

  // Recolour, then undo with Ctrl+Z: the colour comes back, as a new version.
  const before = await page.getByTestId('schema-color-actor').inputValue();
  await page.getByTestId('schema-color-actor').fill('#00aa00');
  await expect(page.getByTestId('schema-status')).toContainText('Saved: recoloured Actor');
  await page.getByTestId('schema-undo').focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('schema-status')).toContainText('Saved: undid recoloured Actor');
  await expect(page.getByTestId('schema-color-actor')).toHaveValue(before);
  await expect(page.getByTestId('schema-version')).toHaveText(String(version + 4));
  await page.getByTestId('schema-close').click();
  await page.getByRole('button', { name: 'Cancel' }).click();

  await app.select('Kassym-Zhomart Tokayev');
  await expect(page.getByTestId('label-menu').locator('button[data-label="actor"]')).toContainText('Actor');
  await app.tag('actor', { actor: '4' });
  expect(await app.rowTexts()).toContain('actor:Kassym-Zhomart Tokayev');
  expect((await app.painted())['actor']).toBe(1);
  const ink = labelColours(before, PALETTES.light).ink;
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  expect(await highlightInk(page, 'sm-actor-0')).toBe(rgb(ink));

  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await app.rowTexts()).toContain('actor:Kassym-Zhomart Tokayev');
  await expect(page.getByTestId('filter-actor')).toBeAttached();
  expect(await highlightInk(page, 'sm-actor-0')).toBe(rgb(ink));
  await page.keyboard.press('F1');
  await expect(page.getByTestId('guideline-actor')).toContainText('Actor');
  await page.keyboard.press('F1');
  await openEditor(page);
  await expect(page.getByTestId('schema-key-actor')).toHaveValue('4');
  await expect(page.getByTestId('schema-attr-claim-speaker')).toContainText('Actor');
  await expect(page.getByTestId('schema-version')).toHaveText(String(version + 4));
  expect(await violations(page)).toEqual([]);
});

test('deleting a label in use asks what to do, migrates in one step with the schema, and Undo restores both', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Their number increased to 18');
  await app.tag('casualty');
  await app.select('security forces');
  await app.tag('deployment');
  expect(await app.rowTexts()).toEqual(['deployment:security forces', 'casualty:Their number increased to 18']);

  await openEditor(page);
  const version = Number(await page.getByTestId('schema-version').textContent());
  await page.getByTestId('schema-delete-casualty').click();
  const migration = page.getByTestId('schema-migration');
  await expect(migration).toContainText('affects 1 annotation of yours');
  // Refused until a migration is chosen; Cancel changes nothing.
  await expect(page.getByTestId('migration-apply')).toBeDisabled();
  await page.getByTestId('migration-cancel').click();
  await expect(migration).toHaveCount(0);
  await expect(page.getByTestId('schema-version')).toHaveText(String(version));
  await expect(page.getByTestId('schema-label-casualty')).toBeVisible();

  await page.getByTestId('schema-delete-casualty').click();
  await page.getByTestId('migration-0').selectOption('reassign-label:deployment');
  await page.getByTestId('migration-apply').click();
  await expect(page.getByTestId('schema-status')).toContainText('Saved: deleted Casualty, 1 annotation migrated');
  await expect(page.getByTestId('schema-label-casualty')).toHaveCount(0);
  await expect(page.getByTestId('schema-version')).toHaveText(String(version + 1));
  await expect.poll(() => app.rowTexts()).toEqual(['deployment:security forces', 'deployment:Their number increased to 18']);

  await page.getByTestId('schema-undo').click();
  await expect(page.getByTestId('schema-status')).toContainText('Saved: undid deleted Casualty');
  await expect(page.getByTestId('schema-label-casualty')).toBeVisible();
  await expect.poll(() => app.rowTexts()).toEqual(['deployment:security forces', 'casualty:Their number increased to 18']);

  // And it is stored so: after a reload the label and the annotation are as before.
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await app.rowTexts()).toEqual(['deployment:security forces', 'casualty:Their number increased to 18']);
});
