// The reader over a working day: Esc that really clears, label keys that say why they did nothing,
// drags that keep the word they started in, exact keyboard selections, the date token dimmed, HTML
// pages with their own date and their title once, and the sample reachable at any time.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp, corpusPath } from './pages/app.js';

async function selectionText(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Presses the mouse at (x1,y) and drags to (x2,y) with the real mouse. */
async function drag(page: Page, x1: number, y1: number, x2: number, y2: number): Promise<void> {
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 3 });
  await page.mouse.move(x2, y2, { steps: 3 });
  await page.mouse.up();
}

test.describe('in the sample', () => {
  test.beforeEach(async ({ page }) => {
    const app = new SpanmarkApp(page);
    await app.goto();
    await app.openSample();
  });

  test('Esc clears the selection completely; a label key then says why it did nothing', async ({ page }) => {
    const app = new SpanmarkApp(page);
    await app.select('at least six waves of terrorist attacks');
    await expect(page.getByTestId('label-menu')).toBeVisible();
    expect(await selectionText(page)).toBe('at least six waves of terrorist attacks');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('label-menu')).toHaveCount(0);
    expect(await selectionText(page)).toBe('');
    expect(await app.highlightSize('sm-pending')).toBe(0);

    await page.keyboard.press('1');
    await expect(app.infoMessage().last()).toHaveText(/Key 1 did nothing: no text is selected/);
    await expect(app.rows()).toHaveCount(0);

    // A new drag inside the old selection is a new selection, not a drag of the old text.
    await app.select('six waves');
    await expect(page.getByTestId('label-menu')).toContainText('six waves');
    await app.tag('casualty');
    expect(await app.rowTexts()).toEqual(['casualty:six waves']);
  });

  test('a press inside a still-visible selection starts a new selection, not a text drag', async ({ page }) => {
    const app = new SpanmarkApp(page);
    await app.select('at least six waves of terrorist attacks');
    await page.getByTestId('label-menu').getByRole('button', { name: 'Cancel' }).click();
    expect(await selectionText(page)).toBe('', 'closing the menu clears the selection too');
    await app.select('at least six waves of terrorist attacks');
    await app.select('terrorist');
    await expect(page.getByTestId('label-menu')).toContainText('terrorist');
    expect(await selectionText(page)).toBe('terrorist');
  });

  test('a label key with text selected outside the article says so', async ({ page }) => {
    const app = new SpanmarkApp(page);
    const title = await page.getByTestId('article-title').boundingBox();
    if (!title) throw new Error('no title');
    const y = title.y + title.height / 2;
    await drag(page, title.x + 2, y, title.x + Math.min(title.width, 120), y);
    expect(await selectionText(page)).not.toBe('');
    await page.keyboard.press('2');
    await expect(app.infoMessage().last()).toHaveText(/Key 2 did nothing: only text in the article can be tagged/);
    await expect(app.rows()).toHaveCount(0);
  });

  test('a drag started in the second half of a hyphenated name takes the whole name', async ({ page }) => {
    const app = new SpanmarkApp(page);
    await app.select('omart Tokaye');
    await expect(page.getByTestId('label-menu')).toContainText('Kassym-Zhomart Tokayev');
    await app.tag('claim');
    expect(await app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);
  });

  test('a drag pressed on the last letter of a word keeps that word', async ({ page }) => {
    const app = new SpanmarkApp(page);
    const word = await app.textBox('Tokayev');
    const phrase = await app.textBox('Tokayev said');
    const y = (word.top + word.bottom) / 2;
    // The right half of the "v": the caret falls after the word, the pointer is on it.
    await drag(page, word.right - 1, y, phrase.right - 2, y);
    await expect(page.getByTestId('label-menu')).toContainText('Tokayev said');
    await app.tag('claim');
    expect(await app.rowTexts()).toEqual(['claim:Tokayev said']);
  });

  test('Shift+arrows select exactly the characters passed over, without word snapping', async ({ page }) => {
    const app = new SpanmarkApp(page);
    const box = await app.textBox('Almaty');
    await page.mouse.click(box.left + 1, (box.top + box.bottom) / 2);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('label-menu')).toContainText('“Almat”');
    await app.tag('deployment');
    expect(await app.rowTexts()).toEqual(['deployment:Almat']);
  });

  test('Help › Open the sample article reopens it with its annotations once the library is not empty', async ({ page }) => {
    const app = new SpanmarkApp(page);
    await app.select('Almaty');
    await app.tag('deployment');
    await page.getByTestId('cmd-library').click();
    await expect(page.getByTestId('library-item')).toHaveCount(1);
    await expect(page.getByTestId('welcome')).toHaveCount(0);
    await page.getByTestId('cmd-open-sample').click();
    await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
    await expect(app.infoMessage().last()).toContainText('already in the library');
    expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
    // And from an open document, too.
    await page.getByTestId('cmd-open-sample').click();
    await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
    await expect(page.getByTestId('library-item')).toHaveCount(0);
  });
});

/** The text under the `sm-dateline` highlight and the colour it paints, read from the page. */
async function dimmed(page: Page): Promise<{ text: string[]; color: string; body: string }> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('sm-dateline');
    const text = [...(h ?? [])].map((r) => {
      const s = r as StaticRange;
      const range = document.createRange();
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
      return range.toString();
    });
    const el = document.querySelector('[data-testid="article-text"] [data-start]')!;
    return { text, color: getComputedStyle(el, '::highlight(sm-dateline)').color, body: getComputedStyle(el).color };
  });
}

test('the date token is dimmed in the text, run into the first sentence or alone on its line, and still counted', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openFile(corpusPath('zhanaozen-2022-01-04.txt'));
  await expect(page.getByTestId('article-date')).toHaveAttribute('datetime', '2022-01-04');
  await expect(page.getByTestId('article-text')).toContainText('date 2022-01-04 Protests that began');
  const run = await dimmed(page);
  expect(run.text).toEqual(['date 2022-01-04']);
  expect(run.color).not.toBe(run.body);
  await app.select('Protests');
  await app.tag('claim');
  const exported = (await app.exportDocument()).json as { documents: { annotations: { start: number }[] }[] };
  expect(exported.documents[0]!.annotations[0]!.start).toBe('date 2022-01-04 '.length);

  await app.openBuffer('alone.txt', 'text/plain', Buffer.from('date 2022-01-05\n\nTroops were deployed.\n'));
  await expect(page.getByTestId('article-date')).toHaveAttribute('datetime', '2022-01-05');
  const alone = await dimmed(page);
  expect(alone.text).toEqual(['date 2022-01-05']);
});

test('an HTML page: its date from the byline and its title shown once', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openFile(corpusPath('hostile-article.html'));
  await expect(page.getByTestId('article-date')).toHaveAttribute('datetime', '2022-01-07');
  await expect(page.getByText('Undated')).toHaveCount(0);
  await expect(page.getByText('CSTO peacekeepers arrive in Kazakhstan', { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('article-title')).toHaveText('CSTO peacekeepers arrive in Kazakhstan');
  // The heading that serves as the title is still article text: it can be tagged.
  await app.select('CSTO peacekeepers');
  await app.tag('deployment');
  expect(await app.rowTexts()).toEqual(['deployment:CSTO peacekeepers']);
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toContainText('2022-01-07');
});
