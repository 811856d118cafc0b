// Opening articles: plain text, Markdown, untrusted HTML, reopening, and files that must be refused
// with a clear message while nothing stored changes.

import { expect, test } from '@playwright/test';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { SpanmarkApp, corpusPath } from './pages/app.js';

test.beforeEach(async ({ page }) => {
  await new SpanmarkApp(page).goto();
});

test('hostile HTML opens as readable structure: no script runs, nothing is fetched, nothing navigates', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await app.openFile(corpusPath('hostile-article.html'));
  await expect(page.getByTestId('article-title')).toHaveText('CSTO peacekeepers arrive in Kazakhstan');
  const article = page.getByTestId('article-text');
  await expect(article.locator('h1')).toHaveText('CSTO peacekeepers arrive in Kazakhstan');
  await expect(article.locator('.block-list-item')).toHaveText([
    'Russia: airborne troops (VDV) units',
    'Belarus: a special operations brigade company',
    'Armenia: about 70 troops',
  ]);
  await expect(article.locator('blockquote')).toContainText('The peacekeeping forces will stay for a limited period of time');
  await expect(article).toContainText('The damage was estimated at about $200 million.');
  await expect(article).not.toContainText('__pwned');
  // Tag inside it to be sure it is a working document, then give any stray loads time to show up.
  await app.select('Il-76 and An-124 planes');
  await app.tag('deployment');
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(page.url()).toBe('http://127.0.0.1:' + new URL(page.url()).port + '/');
  const foreign = requests.filter((u) => new URL(u).origin !== new URL(page.url()).origin && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
  // The article is rendered from data: block elements holding plain text, nothing else.
  const stray = await article.evaluate((el) =>
    [...el.querySelectorAll('*')].filter((e) => !(e.matches('[data-start]') && e.children.length === 0) && !e.matches('section.chunk')).map((e) => e.tagName),
  );
  expect(stray).toEqual([]);
  expect(await page.locator('script:not([src="app.js"]), iframe, img, object, embed, video, form, svg').count()).toBe(0);
});

test('Markdown keeps its source text and shows headings and list items', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const md = '# Troops land in Almaty\n\ndate 2022-01-06\n\nRussian paratroopers arrived on **Thursday**.\n\n- Il-76 transports\n- An-124 transports\n';
  await app.openBuffer('landing.md', 'text/markdown', Buffer.from(md));
  await expect(page.getByTestId('article-title')).toHaveText('Troops land in Almaty');
  await expect(page.getByTestId('article-text').locator('h1')).toHaveText('# Troops land in Almaty');
  await expect(page.getByTestId('article-text').locator('.block-list-item')).toHaveCount(2);
  await expect(page.getByTestId('article-text')).toContainText('**Thursday**');
});

test('CRLF line endings are normalised and reopening the same text opens the stored document', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.openBuffer('crlf.txt', 'text/plain', Buffer.from('First line of the report.\r\n\r\nSecond paragraph, 26 killed.\r\n'));
  await expect(page.getByTestId('article-title')).toHaveText('crlf');
  await app.select('26 killed');
  await app.tag('casualty');
  await app.openBuffer('same-text-other-name.txt', 'text/plain', Buffer.from('First line of the report.\n\nSecond paragraph, 26 killed.\n'));
  await expect(app.infoMessage().last()).toContainText('already in the library');
  expect(await app.rowTexts()).toEqual(['casualty:26 killed']);
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(1);
});

test('empty, binary, oversized, undecodable and unsupported files are refused and nothing changes', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  const cases: [string, string, Buffer, RegExp][] = [
    ['empty.txt', 'text/plain', Buffer.alloc(0), /empty\.txt.*empty/i],
    ['blank.txt', 'text/plain', Buffer.from(' \n\n  \t\n'), /blank\.txt.*(empty|no text)/i],
    ['photo.txt', 'text/plain', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /photo\.txt.*binary/i],
    ['huge.txt', 'text/plain', Buffer.alloc(21 * 1024 * 1024, 'a'), /huge\.txt.*(large|MB)/i],
    ['latin1.txt', 'text/plain', Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x61, 0x6e, 0x64, 0x20, 0x6d, 0x6f, 0x72, 0x65]), /latin1\.txt.*UTF-8/i],
    ['report.pdf', 'application/pdf', Buffer.from('%PDF-1.4 something'), /report\.pdf/i],
  ];
  for (const [name, type, buffer, message] of cases) {
    await app.openBuffer(name, type, buffer);
    await expect(app.errorMessage().last()).toHaveText(message);
  }
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(1);
});

test('a file dropped onto the window opens', async ({ page }) => {
  const handle = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['date 2022-01-04 Protests spread to Aktau and Almaty.'], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('body', 'drop', { dataTransfer: handle });
  await expect(page.getByTestId('article-title')).toHaveText('dropped');
  await expect(page.getByTestId('article-date')).toHaveAttribute('datetime', '2022-01-04');
});

test('a Markdown file of 5 MB whose first heading is one long run of spaces opens, titled, in well under a second', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  // The title regex used to retry at every space (hours for this file, on the UI thread), and then
  // the reader's layout shaped the 5 MB of spaces one by one (1.2–1.8 s more). Timed in the page,
  // from the file reaching the app to the reader painting it: handing 5 MB through the test driver,
  // and the driver reading 5 MB of title text back, are the test's own costs. Either defect makes
  // every open slow, while the other test worker on a 2-core machine slows one now and then: so up
  // to three files (each its own text) are opened, and the fastest must be under a second.
  const times: number[] = [];
  let title = '';
  for (let attempt = 1; attempt <= 3 && !(Math.min(...times) < 1000); attempt++) {
    await page.evaluate((painted) => {
      const w = window as unknown as { __open: Record<string, number> };
      w.__open = {};
      window.addEventListener('change', () => (w.__open['change'] = performance.now()), { capture: true, once: true });
      window.addEventListener(painted, () => (w.__open['painted'] = performance.now()), { once: true });
    }, APP_EVENTS.painted);
    title = `Almaty ${attempt}`;
    await app.openBuffer(`spaces-${attempt}.md`, 'text/markdown', Buffer.from(`# ${title}${' '.repeat(5 * 1024 * 1024)}#\n\nTroops arrived in Almaty.\n`));
    const open = page.waitForFunction(() => {
      const t = (window as unknown as { __open: Record<string, number> }).__open;
      return t['painted'] !== undefined && t['change'] !== undefined ? t['painted'] - t['change'] : undefined;
    });
    times.push((await (await open).jsonValue())!);
    await expect(page.getByTestId('article-title')).toHaveText(title, { timeout: 30_000 });
  }
  console.log(`5 MB heading of spaces: read, stored and painted in ${times.map((ms) => Math.round(ms)).join(', ')} ms`);
  expect(Math.min(...times)).toBeLessThan(1000);
  // The heading is shown with its run of spaces collapsed, but its text (so every offset) is the file's own.
  const padded = page.locator('.article-text .block-padded');
  await expect(padded).toHaveCount(1);
  expect(await padded.evaluate((el) => el.textContent)).toBe(`# ${title}${' '.repeat(5 * 1024 * 1024)}#`);
});
