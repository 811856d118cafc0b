// Entering attributes and links in the side panel's form: the sample article's casualties tagged
// with counts, kinds and groups by keyboard alone (a wrong date refused with a message, undo and
// redo of a saved value, everything there after a reload); a quantity suggested from the quote and
// confirmed with one key; a claim linked to its speaker (a user-added "actor" label), the link drawn
// and followed both ways, the speaker deleted (asked; undo restores both) and the link there after
// a reload. The library's schema is put in IndexedDB before the page loads, as the schema editor
// would store it.

import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_SCHEMA, type LabelSchema } from '../../src/labels/schema.js';
import { SpanmarkApp } from './pages/app.js';

/** The default schema plus a user-added label "actor" (key 4) and a claim's `speaker` link to it. */
const SCHEMA = {
  ...DEFAULT_SCHEMA,
  version: 2,
  labels: [
    ...DEFAULT_SCHEMA.labels.map((l) =>
      l.id === 'claim' ? { ...l, attributes: [...l.attributes, { id: 'speaker', name: 'Speaker', type: 'link', targets: ['actor'] }] } : l,
    ),
    {
      id: 'actor',
      name: 'Actor',
      hotkey: '4',
      color: '#8fd694',
      glyph: 'A',
      underline: 'solid',
      description: 'A person or body that speaks or acts.',
      guidelines: ['The name of whoever makes a claim or acts.'],
      attributes: [],
    },
  ],
} as unknown as LabelSchema;

async function withSchema(app: SpanmarkApp, schema: LabelSchema): Promise<void> {
  await app.goto();
  await app.page.evaluate(
    (schema) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('spanmark');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'labelSchema', value: schema });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    schema,
  );
  await app.page.reload();
  await app.goto();
}

async function openSampleByKeys(app: SpanmarkApp): Promise<void> {
  await expect(app.page.getByTestId('open-sample')).toBeVisible();
  await app.page.keyboard.press('F6');
  await app.page.keyboard.press('Enter');
  await expect(app.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await app.page.keyboard.press('F6');
  await expect(app.page.getByTestId('article-text')).toBeFocused();
}

/** `[` until the selected annotation is the one quoting `quote`. */
async function selectByKeys(page: Page, quote: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    const current = await page
      .getByTestId('annotation-details')
      .locator('.selected-quote')
      .textContent({ timeout: 500 })
      .catch(() => null);
    if (current === quote) return;
    await page.keyboard.press('[');
  }
  throw new Error(`could not select “${quote}” with [`);
}

// Long sessions driven key by key on a shared machine: more time than the default minute.
test.describe.configure({ timeout: 240_000 });

const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);

const KILLED = 'security forces killed';
const EIGHTEEN = 'Their number increased to 18';
const BEHEADED = 'two of them were beheaded';

test('casualties get counts, kinds, groups, place and date by keyboard alone; a wrong value is refused; undo, redo, reload', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await page.addInitScript(() => {
    const w = window as unknown as { pointerEvents: number };
    w.pointerEvents = 0;
    for (const type of ['pointerdown', 'mousedown']) window.addEventListener(type, () => (w.pointerEvents += 1), true);
  });
  await withSchema(app, SCHEMA);
  await openSampleByKeys(app);

  // 1. "security forces killed": no number; kind by its number, group by its first letter.
  await app.tagByKeys(KILLED, '2');
  await selectByKeys(page, KILLED);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-value')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('attr-count-qualifier')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('attr-kind-choices')).toBeFocused();
  await app.press('1');
  await expect(page.getByTestId('attr-kind-killed')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('attr-group-choices')).toBeFocused();
  await app.press('s');
  await expect(page.getByTestId('attr-group-security-forces')).toHaveAttribute('aria-checked', 'true');
  // The keys stayed in the form: nothing was relabelled, deleted or stepped past.
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText(KILLED);
  await expect(page.getByTestId('relabel-casualty')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText(KILLED);

  // 2. "Their number increased to 18": 18 exact typed (over any suggestion), killed, security forces.
  await app.tagByKeys(EIGHTEEN, '2');
  await selectByKeys(page, EIGHTEEN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-value')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('eighteen');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-problem')).toContainText('Count: “eighteen” is not a number');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('18');
  await app.press('Enter');
  await expect(page.getByTestId('attr-count-problem')).toHaveCount(0);
  await expect(page.getByTestId('attr-count-stored')).toHaveText('18');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await app.press('k');
  await page.keyboard.press('Tab');
  await app.press('3');
  await expect(page.getByTestId('attr-group-security-forces')).toHaveAttribute('aria-checked', 'true');
  // Place, then a date that does not exist: refused, named, nothing stored; then a real one.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('attr-place-input')).toBeFocused();
  await page.keyboard.type('Almaty');
  const placeSaved = await app.armSaved();
  await page.keyboard.press('Tab');
  await placeSaved();
  await expect(page.getByTestId('attr-date-input')).toBeFocused();
  await page.keyboard.type('2022-13-07');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-date-problem')).toHaveText('Date: “2022-13-07” is not a date YYYY, YYYY-MM or YYYY-MM-DD (a real year, month or day).');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2022-01-07');
  await app.press('Enter');
  await expect(page.getByTestId('attr-date-problem')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();

  // 3. "two of them were beheaded": at least 2 (the qualifier picked by typing on it), killed and
  //    then missing too (multiple), group by number; Delete on the group clears it again.
  await app.tagByKeys(BEHEADED, '2');
  await selectByKeys(page, BEHEADED);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('attr-count-qualifier')).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByTestId('attr-count-qualifier')).toHaveValue('at-least');
  await app.press('Enter');
  await expect(page.getByTestId('attr-count-stored')).toHaveText('at least 2');
  await page.keyboard.press('Tab');
  await app.press('1');
  await app.press('m');
  await expect(page.getByTestId('attr-kind-killed')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('attr-kind-missing')).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('Tab');
  await app.press('5');
  await expect(page.getByTestId('attr-group-unknown')).toHaveAttribute('aria-checked', 'true');
  await app.press('Delete');
  await expect(page.getByTestId('attr-group-unknown')).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('annotation-row')).toHaveCount(3);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();

  // Undo takes back the last value (the group cleared: unknown again), redo clears it again.
  await app.press('Control+z');
  await expect(page.getByTestId('attr-group-unknown')).toHaveAttribute('aria-checked', 'true');
  await app.press('Control+Shift+z');
  await expect(page.getByTestId('attr-group-unknown')).toHaveAttribute('aria-checked', 'false');
  expect(await page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents), 'no pointer event').toBe(0);

  // After a reload (the layer snapshot written meanwhile), every value is there.
  await page.waitForTimeout(2000);
  await page.reload();
  await app.goto();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await page.getByTestId('article-text').focus();
  await selectByKeys(page, EIGHTEEN);
  await expect(page.getByTestId('attr-count-stored')).toHaveText('18');
  await expect(page.getByTestId('attr-count-qualifier')).toHaveValue('exact');
  await expect(page.getByTestId('attr-kind-killed')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('attr-group-security-forces')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('attr-place-input')).toHaveValue('Almaty');
  await expect(page.getByTestId('attr-date-input')).toHaveValue('2022-01-07');
  await selectByKeys(page, KILLED);
  await expect(page.getByTestId('attr-kind-killed')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('attr-count-stored')).toHaveCount(0);
  await selectByKeys(page, BEHEADED);
  await expect(page.getByTestId('attr-count-stored')).toHaveText('at least 2');
  await expect(page.getByTestId('attr-kind-missing')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('attr-group-unknown')).toHaveAttribute('aria-checked', 'false');
});

test('a count suggested from the quote is confirmed with one key', async ({ page }) => {
  // Needs the quantity parser (src/facts/quantity-parse.ts): "Their number increased to 18" → 18 exact.
  const app = new SpanmarkApp(page);
  await withSchema(app, SCHEMA);
  await openSampleByKeys(app);
  await app.tagByKeys(EIGHTEEN, '2');
  await selectByKeys(page, EIGHTEEN);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-count-value')).toBeFocused();
  await expect(page.getByTestId('attr-count-suggestion')).toContainText('Suggested from the quote: 18');
  await expect(page.getByTestId('attr-count-value')).toHaveValue('18');
  await expect(page.getByTestId('attr-count-stored'), 'a suggestion is not stored until confirmed').toHaveCount(0);
  await app.press('Enter');
  await expect(page.getByTestId('attr-count-stored')).toHaveText('18');
  await expect(page.getByTestId('attr-count-qualifier')).toHaveValue('exact');
  await expect(page.getByTestId('attr-count-suggestion')).toHaveCount(0);
  // With the form open, the list below it keeps room for a few rows (styles.css), however long the form.
  expect(await page.locator('.annotation-panel').evaluate((el) => getComputedStyle(el).minHeight)).toBe('180px');
});

const SPEAKER = 'Kassym-Zhomart Tokayev';
const CLAIM = 'there were at least six waves of terrorist attacks in Almaty';

test('a claim is linked to its speaker, the link is drawn and followed both ways; deleting the speaker asks, undo restores both; reload keeps it', async ({
  page,
}) => {
  const app = new SpanmarkApp(page);
  await withSchema(app, SCHEMA);
  await openSampleByKeys(app);
  await app.tagByKeys(SPEAKER, '4');
  await app.tagByKeys(CLAIM, '1');
  await selectByKeys(page, CLAIM);

  // The speaker field: ] / [ choose among actor spans, each shown; Enter sets it.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('attr-source-input')).toBeFocused();
  const picker = page.getByTestId('attr-speaker-picker');
  for (let i = 0; i < 8 && (await focused(page)) !== 'attr-speaker-picker'; i++) await page.keyboard.press('Tab');
  await expect(picker).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByTestId('attr-speaker-candidate')).toContainText(`Actor “${SPEAKER}”`);
  await expect(page.locator('[data-testid="link-connector"]')).toHaveCount(1);
  await app.press('Enter');
  await expect(page.getByTestId('attr-speaker-target')).toHaveText(`→ speaker: “${SPEAKER}”`);
  const claimId = await page.locator('[data-testid="annotation-row"][aria-current="true"]').getAttribute('data-id');
  const actorId = await page.locator('[data-testid="annotation-row"]', { hasText: SPEAKER }).getAttribute('data-id');
  await expect(page.locator(`[data-testid="link-connector"][data-from="${claimId}"][data-to="${actorId}"]`)).toHaveCount(1);

  // Jump to the target; it lists the link back, which jumps to the claim.
  await page.getByTestId('attr-speaker-go').click();
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText(SPEAKER);
  await expect(page.getByTestId('linked-from-entry')).toHaveText(`← Claim “${CLAIM}” (speaker)`);
  await expect(page.locator(`[data-testid="link-connector"][data-from="${claimId}"]`)).toHaveCount(1);
  await page.getByTestId('linked-from-entry').click();
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText(CLAIM);

  // A link to a span of another label is refused by name, and stores nothing.
  // (Clearing with Delete, then picking by a click on the speaker in the text.)
  await picker.focus();
  await app.press('Delete');
  await expect(page.getByTestId('attr-speaker-target')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await app.tagByKeys('20 thousand radicals', '2');
  await selectByKeys(page, CLAIM);
  await picker.focus();
  await app.clickText('20 thousand');
  await expect(page.getByTestId('attr-speaker-problem')).toContainText('Speaker: links to a casualty; allowed: actor');
  await expect(page.getByTestId('annotation-details').locator('.selected-quote')).toHaveText(CLAIM);
  await picker.focus();
  const saved = await app.armSaved();
  await app.clickText('Kassym-Zhomart');
  await saved();
  await expect(page.getByTestId('attr-speaker-target')).toHaveText(`→ speaker: “${SPEAKER}”`);

  // Delete the speaker: asked; yes removes it and the link in one step; undo restores both.
  await page.getByTestId('attr-speaker-go').click();
  await page.getByTestId('article-text').focus();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('confirm-delete-linked')).toBeVisible();
  await expect(page.getByTestId('confirm-message')).toContainText('is the target of 1 link');
  const deleted = await app.armSaved();
  await page.getByTestId('confirm-yes').click();
  await deleted();
  await expect(page.locator('[data-testid="annotation-row"]', { hasText: SPEAKER })).toHaveCount(0);
  await page.getByTestId('article-text').focus();
  await selectByKeys(page, CLAIM);
  await expect(page.getByTestId('attr-speaker-target')).toHaveCount(0);
  await app.press('Control+z');
  await expect(page.locator('[data-testid="annotation-row"]', { hasText: SPEAKER })).toHaveCount(1);
  await expect(page.getByTestId('attr-speaker-target')).toHaveText(`→ speaker: “${SPEAKER}”`);
  // Saying no keeps both.
  await page.locator('[data-testid="annotation-row"]', { hasText: SPEAKER }).click();
  await page.getByTestId('delete-annotation').click();
  await page.getByTestId('confirm-no').click();
  await expect(page.locator('[data-testid="annotation-row"]', { hasText: SPEAKER })).toHaveCount(1);

  // The claim's source, filled from the words last selected in the text.
  await app.select('Kazakh President');
  await page.locator('[data-testid="annotation-row"]', { hasText: CLAIM }).click();
  const filled = await app.armSaved();
  await page.getByTestId('attr-source-fill').click();
  await filled();
  await expect(page.getByTestId('attr-source-input')).toHaveValue('Kazakh President');

  // Reload: the link is still there, both ways.
  await page.waitForTimeout(2000);
  await page.reload();
  await app.goto();
  await page.locator('[data-testid="annotation-row"]', { hasText: CLAIM }).click();
  await expect(page.getByTestId('attr-speaker-target')).toHaveText(`→ speaker: “${SPEAKER}”`);
  await expect(page.locator(`[data-testid="link-connector"][data-from="${claimId}"][data-to="${actorId}"]`)).toHaveCount(1);
  await expect(page.getByTestId('attr-source-input')).toHaveValue('Kazakh President');
  await page.getByTestId('attr-speaker-go').click();
  await expect(page.getByTestId('linked-from-entry')).toHaveText(`← Claim “${CLAIM}” (speaker)`);
});
