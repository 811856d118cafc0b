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
    expect(await selectionText(page), 'closing the menu clears the selection too').toBe('');
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
    const text = [...(h ?? [])].map((s) => {
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

/** The caret's offset in the article text, read from the selection. */
async function caretOffset(page: Page): Promise<number | null> {
  return page.evaluate(() => {
    const sel = window.getSelection();
    const node = sel?.focusNode;
    const block = node?.parentElement?.closest<HTMLElement>('[data-start]');
    return sel && sel.isCollapsed && block ? Number(block.dataset['start']) + sel.focusOffset : null;
  });
}

test.describe('the keyboard alone', () => {
  test.beforeEach(async ({ page }) => {
    const app = new SpanmarkApp(page);
    await app.goto();
    await app.openSample();
  });

  test('F6 focuses the reader with a caret that the arrows, Home/End and Ctrl+arrows move', async ({ page }) => {
    await page.keyboard.press('F6');
    await expect(page.getByTestId('article-text')).toBeFocused();
    await expect(page.getByTestId('reader-caret')).toBeVisible();
    expect(await caretOffset(page)).toBe(0);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await caretOffset(page)).toBe(3);
    await page.keyboard.press('ArrowLeft');
    expect(await caretOffset(page)).toBe(2);
    await page.keyboard.press('Control+ArrowRight');
    expect(await caretOffset(page), 'the end of " date" (the sample opens with a space)').toBe(5);
    await page.keyboard.press('End');
    const lineEnd = (await caretOffset(page))!;
    expect(lineEnd).toBeGreaterThan(20);
    await page.keyboard.press('Home');
    expect(await caretOffset(page)).toBe(0);
    await page.keyboard.press('Control+ArrowDown');
    const second = await page.locator('[data-testid="article-text"] [data-start]').nth(1).getAttribute('data-start');
    expect(await caretOffset(page)).toBe(Number(second));
    await page.keyboard.press('Control+ArrowUp');
    expect(await caretOffset(page)).toBe(0);
    // F6 again moves on to the side panel, and the caret is no longer painted.
    await page.keyboard.press('F6');
    await expect(page.getByTestId('article-text')).not.toBeFocused();
    await expect(page.getByTestId('reader-caret')).toHaveCount(0);
  });

  test('PgDn moves the caret a screen down and scrolls it into view', async ({ page }) => {
    await page.setViewportSize({ width: 900, height: 420 });
    await page.keyboard.press('F6');
    const top = await page.locator('.reader').evaluate((el) => el.scrollTop);
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageDown');
    expect(await page.locator('.reader').evaluate((el) => el.scrollTop)).toBeGreaterThan(top);
    expect(await caretOffset(page)).toBeGreaterThan(200);
    const inView = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="reader-caret"]')!.getBoundingClientRect();
      const v = document.querySelector('.reader')!.getBoundingClientRect();
      return c.top >= v.top && c.bottom <= v.bottom;
    });
    expect(inView).toBe(true);
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('PageUp');
    expect(await caretOffset(page)).toBeLessThan(200);
  });

  test('tagging by keys only: exact Shift+arrows, word steps, and the caret stays after each tag', async ({ page }) => {
    const app = new SpanmarkApp(page);
    await page.keyboard.press('F6');
    for (let i = 0; i < ' date 2022-01-07 '.length; i++) await page.keyboard.press('ArrowRight'); // the sample opens with a space
    // Ctrl+Shift+→ extends by a word.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await expect(page.getByTestId('label-menu')).toContainText('“Kazakh”');
    await app.tag('claim');
    expect(await caretOffset(page), 'the caret waits at the end of the new span').toBe(' date 2022-01-07 Kazakh'.length);
    await expect(page.getByTestId('reader-caret')).toBeVisible();
    // The next span starts right there: " Presid" by characters stays exactly "Presid".
    for (let i = 0; i < ' Presid'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('label-menu')).toContainText('“Presid”');
    await app.tag('casualty');
    expect(await app.rowTexts()).toEqual(['claim:Kazakh', 'casualty:Presid']);
  });
});

test('an opened article is drawn with its details row: the text does not move down once shown', async ({ page }) => {
  // Where the text first appeared, measured in the very change that inserted it.
  await page.addInitScript(() => {
    const w = window as unknown as { __firstTop?: number };
    new MutationObserver((_, observer) => {
      const text = document.querySelector('[data-testid="article-text"]');
      if (!text) return;
      w.__firstTop = text.getBoundingClientRect().top;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await expect(page.getByTestId('article-details')).toContainText('New');
  const firstTop = await page.evaluate(() => (window as unknown as { __firstTop?: number }).__firstTop);
  expect(firstTop).toBeDefined();
  const top = await page.getByTestId('article-text').evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBe(firstTop);
});
