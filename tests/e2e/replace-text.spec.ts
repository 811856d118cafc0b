// File › Replace text…: the sample article replaced by an edited copy (a corrected figure, an added
// paragraph before the casualties, reflowed whitespace, a deleted sentence). Spans before every
// edit stay; the "18" span lands on "19" and waits for confirmation like every span that moved;
// the deleted sentence's span is an orphan with its quote. Confirmed, reloaded, undone.

import { expect, test, type Page } from '@playwright/test';
import { corpusPath, corpusText, SpanmarkApp } from './pages/app.js';
import { articleFromText, exportV2 } from './fixtures/exports.js';

const SAMPLE = 'kazakhstan-2022-01-07.txt';
const DELETED = 'Tokayev also clarified that a number of the attackers in Kazakhstan did not speak Kazakh.';

function editedSample(): string {
  const text = corpusText(SAMPLE);
  const edited = text
    .replace('Their number increased to 18,', 'Their number increased to 19,')
    .replace('It also became known about the security forces', 'Officials gave new figures on Saturday.\n\nIt also became known about the security forces')
    .replace('The situation has become especially aggravated in the largest city', 'The situation  has become\nespecially aggravated in the largest   city')
    .replace(`${DELETED}\n\n`, '');
  expect(edited).not.toContain('18,');
  expect(edited).not.toContain(DELETED);
  return edited;
}

async function replaceWith(page: Page, name: string, content: string | Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-replace-text').click();
  await (await chooser).setFiles({ name, mimeType: 'text/plain', buffer: typeof content === 'string' ? Buffer.from(content) : content });
}

const articleText = (page: Page) => page.getByTestId('article-text');

test('replacing the text re-anchors every span: exact ones stay, moved ones wait for confirmation, orphans are kept; reload and undo', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openFile(corpusPath(SAMPLE));
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await app.select('at least 20 thousand radicals');
  await app.tag('claim');
  await app.select('Their number increased to 18');
  await app.tag('casualty');
  await app.select(DELETED);
  await app.tag('claim');
  await app.select('Belarusian peacekeepers');
  await app.tag('deployment');
  const before = await app.rowTexts();
  expect(before).toEqual([
    'claim:at least 20 thousand radicals',
    `claim:${DELETED}`,
    'casualty:Their number increased to 18',
    'deployment:Belarusian peacekeepers',
  ]);

  await replaceWith(page, 'kazakhstan-2022-01-07-v2.txt', editedSample());
  await expect(page.getByTestId('message-info').last()).toContainText(
    'Text replaced from kazakhstan-2022-01-07-v2.txt: 1 in place, 2 moved spans to confirm, 1 orphan.',
  );
  await expect(articleText(page)).toContainText('Their number increased to 19');
  await expect(articleText(page)).not.toContainText(DELETED);
  const after = ['claim:at least 20 thousand radicals', 'casualty:Their number increased to 19', 'deployment:Belarusian peacekeepers'];
  expect(await app.rowTexts()).toEqual(after);
  const moved = page.getByTestId('moved-row');
  await expect(moved).toHaveCount(2);
  await expect(moved.first()).toContainText('Their number increased to 18 → Their number increased to 19');
  await expect(moved.nth(1)).toContainText('Belarusian peacekeepers → Belarusian peacekeepers');
  await expect.poll(() => app.highlightSize('sm-moved')).toBe(2);
  await expect(page.getByTestId('orphan-row')).toHaveCount(1);
  await expect(page.getByTestId('orphan-row')).toContainText(`“${DELETED}”`);

  // A row jumps to its span; confirming one leaves the other marked; then all.
  await moved.first().locator('.row-jump').click();
  await expect(page.getByTestId('note-input')).toBeVisible();
  await moved.first().getByTestId('confirm-moved').click();
  await expect(moved).toHaveCount(1);
  await expect.poll(() => app.highlightSize('sm-moved')).toBe(1);
  await page.getByTestId('confirm-all-moved').click();
  await expect(moved).toHaveCount(0);
  await expect.poll(() => app.highlightSize('sm-moved')).toBe(0);

  await page.reload();
  await expect(articleText(page)).toContainText('Their number increased to 19');
  expect(await app.rowTexts()).toEqual(after);
  await expect(page.getByTestId('moved-row')).toHaveCount(0);
  await expect(page.getByTestId('orphan-row')).toContainText(`“${DELETED}”`);
  expect(await app.highlightSize('sm-moved')).toBe(0);

  // The same text again: said, and nothing changes.
  await replaceWith(page, 'same.txt', editedSample());
  await expect(page.getByTestId('message-info').last()).toContainText('same.txt has the same text as this article; nothing was changed.');
  expect(await app.rowTexts()).toEqual(after);

  // Undo (Ctrl+Z: the reloaded session has nothing else to undo) restores the old text and every span.
  await page.keyboard.press('Control+z');
  await expect(articleText(page)).toContainText('Their number increased to 18');
  await expect(articleText(page)).toContainText(DELETED);
  expect(await app.rowTexts()).toEqual(before);
  await expect(page.getByTestId('replacement-panel')).toHaveCount(0);
  await page.reload();
  await expect(articleText(page)).toContainText('Their number increased to 18');
  expect(await app.rowTexts()).toEqual(before);
  expect(await app.painted()).toEqual({ claim: 2, casualty: 1, deployment: 1 });
});

test('a file that cannot be read gets File › Open’s message, and nothing changes', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openFile(corpusPath(SAMPLE));
  await app.select('at least 20 thousand radicals');
  await app.tag('claim');
  await app.openBuffer('empty.txt', 'text/plain', Buffer.alloc(0));
  const openMessage = await app.errorMessage().last().textContent();
  expect(openMessage).toBeTruthy();
  await replaceWith(page, 'empty.txt', Buffer.alloc(0));
  await expect(app.errorMessage().last()).toHaveText(openMessage!);
  await expect(app.errorMessage()).toHaveCount(2);
  expect(await app.rowTexts()).toEqual(['claim:at least 20 thousand radicals']);
  await expect(page.getByTestId('replacement-panel')).toHaveCount(0);
});

test('a second window on the document follows the replacement and its undo', async ({ page, context }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openFile(corpusPath(SAMPLE));
  await app.select('Their number increased to 18');
  await app.tag('casualty');
  const other = await context.newPage();
  const app2 = new SpanmarkApp(other);
  await app2.goto();
  await expect(articleText(other)).toContainText('Their number increased to 18');

  await replaceWith(page, 'v2.txt', editedSample());
  await expect(articleText(page)).toContainText('Their number increased to 19');
  await expect(articleText(other)).toContainText('Their number increased to 19');
  expect(await app2.rowTexts()).toEqual(['casualty:Their number increased to 19']);
  await expect(other.getByTestId('moved-row')).toHaveCount(1);
  await page.getByTestId('confirm-all-moved').click();
  await expect(other.getByTestId('moved-row')).toHaveCount(0);

  await page.getByTestId('undo-replacement').click();
  await expect(articleText(other)).toContainText('Their number increased to 18');
  expect(await app2.rowTexts()).toEqual(['casualty:Their number increased to 18']);
  await expect(other.getByTestId('replacement-panel')).toHaveCount(0);
});

test('a replacement that moves hundreds of spans lists them 200 at a time; Confirm all still confirms every one', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  const items = Array.from({ length: 250 }, (_, i) => `Wire item ${i + 1}: a convoy was seen.`);
  const article = articleFromText('wire-items.txt', items.join('\n\n'));
  const spans = items.map((_, i) => ({ id: `s${i + 1}`, label: 'claim' as const, quote: `Wire item ${i + 1}:` }));
  await app.importBuffer('wire-items.spanmark.json', exportV2('Dana', spans, article), 'mine');
  await expect(page.getByTestId('article-text')).toContainText('Wire item 250');

  // A paragraph added on top moves every span.
  await replaceWith(page, 'wire-items-v2.txt', `Editor’s note: updated.\n\n${items.join('\n\n')}`);
  await expect(page.getByTestId('message-info').last()).toContainText(
    'Text replaced from wire-items-v2.txt: 0 in place, 250 moved spans to confirm, 0 orphans.',
  );
  const moved = page.getByTestId('moved-row');
  await expect(page.getByTestId('replacement-panel').getByRole('heading', { level: 3 })).toHaveText('250 moved spans to confirm');
  await expect(moved).toHaveCount(200);
  await expect(moved.first()).toContainText('Wire item 1: → Wire item 1:');
  await expect(page.getByTestId('replacement-panel')).toContainText('200 rows of 250 shown.');
  // By keyboard: the press that shows the last rows leaves focus on the line saying so.
  await page.getByTestId('more-moved').focus();
  await page.keyboard.press('Enter');
  await expect(moved).toHaveCount(250);
  await expect(moved.last()).toContainText('Wire item 250: → Wire item 250:');
  await expect(page.getByTestId('more-moved')).toHaveCount(0);
  await expect(page.getByTestId('more-moved-done')).toBeFocused();
  await expect(page.getByTestId('more-moved-done')).toHaveText('All 250 rows shown.');
  // Every span is marked in the text, listed or not.
  await expect.poll(() => app.highlightSize('sm-moved')).toBe(250);
  await page.getByTestId('confirm-all-moved').click();
  await expect(moved).toHaveCount(0);
  await expect.poll(() => app.highlightSize('sm-moved')).toBe(0);
});
