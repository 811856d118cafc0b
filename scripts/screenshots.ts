// Regenerates the README's screenshots by driving the real UI (the same page objects as the
// end-to-end tests): the sample article annotated, the review of two colleagues' layers, review
// mode, and the dark theme. Every run drives the whole story; only the shots named are written.
// Run: npx tsx scripts/screenshots.ts [annotate] [review] [review-mode] [dark]  (none named: all;
// needs a build and /usr/bin/chromium; SPANMARK_SCREENSHOT_PORT picks the server's port)

import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../playwright.config.js';
import { SpanmarkApp } from '../tests/e2e/pages/app.js';
import { ReviewPanel } from '../tests/e2e/pages/review.js';
import { ReviewMode } from '../tests/e2e/pages/review-mode.js';
import { colleagueExport } from '../tests/e2e/fixtures/exports.js';

const root = join(import.meta.dirname, '..');
const SHOTS = ['annotate', 'review', 'review-mode', 'dark'] as const;
const named = process.argv.slice(2);
const unknown = named.filter((n) => !(SHOTS as readonly string[]).includes(n));
if (unknown.length) throw new Error(`unknown screenshot ${unknown.join(', ')}; choose from ${SHOTS.join(', ')}`);
const wanted = (shot: (typeof SHOTS)[number]) => named.length === 0 || named.includes(shot);
const written: string[] = [];
const port = Number(process.env['SPANMARK_SCREENSHOT_PORT'] ?? 47470);
// A group of its own: npx starts the server as a child, which killing npx alone left running.
const server = spawn('npx', ['tsx', 'main/node/serve.ts', '--port', String(port), '--root', 'dist/renderer'], { cwd: root, stdio: 'ignore', detached: true });
await new Promise((r) => setTimeout(r, 2500));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, baseURL: `http://127.0.0.1:${port}/` });
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openSample();
  const tags: [string, 'claim' | 'casualty' | 'deployment', number?][] = [
    ['at least six waves of terrorist attacks in Almaty', 'claim'],
    ['at least 20 thousand radicals', 'claim'],
    ['are very well trained and organized', 'claim'],
    ['commanded from some single center', 'claim'],
    ['security forces killed during the protests', 'casualty'],
    ['Their number increased to 18, two of them were beheaded', 'casualty'],
    ['two of them were beheaded', 'casualty'],
    ['received extensive training abroad', 'claim'],
  ];
  for (const [quote, label, occ] of tags) {
    await app.select(quote, { occurrence: occ ?? 0 });
    await app.tag(label);
  }
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await app.clickText('radicals');
  while ((await page.getByRole('button', { name: 'Dismiss' }).count()) > 0) await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.mouse.move(5, 5);
  await page.waitForTimeout(300);
  if (wanted('annotate')) written.push(await shoot('docs/screenshot-annotate.png'));

  await app.importBuffer(
    'aigerim.spanmark.json',
    colleagueExport('Aigerim', [
      { id: 'ai-1', label: 'claim', quote: 'at least six waves of terrorist attacks' },
      { id: 'ai-2', label: 'casualty', quote: 'Their number increased to 18', note: 'interior ministry figure' },
      { id: 'ai-3', label: 'deployment', quote: 'security forces' },
      { id: 'ai-4', label: 'claim', quote: 'received extensive training abroad' },
    ]),
  );
  await app.importBuffer(
    'bolat.spanmark.json',
    colleagueExport('Bolat', [
      { id: 'bo-1', label: 'claim', quote: 'at least six waves of terrorist attacks in Almaty' },
      { id: 'bo-2', label: 'casualty', quote: 'two of them were beheaded' },
      { id: 'bo-3', label: 'claim', quote: 'at least 20 thousand radicals' },
    ]),
  );
  const review = new ReviewPanel(page);
  await review.open();
  await review.compare('Dana', 'Aigerim');
  await review.row('security forces', 'overlap-label-mismatch').getByTestId('accept').click();
  await page.getByTestId('toggle-agreement').click();
  await page.keyboard.press('Escape');
  while ((await page.getByRole('button', { name: 'Dismiss' }).count()) > 0) await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await page.getByTestId('review-panel').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  if (wanted('review')) written.push(await shoot('docs/screenshot-review.png'));

  const mode = new ReviewMode(page);
  await mode.enter();
  await mode.decideBy('r', ...'Police, not troops', 'Enter');
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  if (wanted('review-mode')) written.push(await shoot('docs/screenshot-review-mode.png'));
  await page.getByTestId('exit-review-mode').click();
  // Dark: my labels (the accepted deployment among them) under Aigerim's and Bolat's markers.
  await page.getByTestId('tab-annotations').click();
  await page.getByTestId('cmd-settings').click();
  await page.getByTestId('theme-dark').check();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await app.clickText('radicals');
  await page.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await page.mouse.move(5, 5);
  await page.waitForTimeout(500);
  if (wanted('dark')) written.push(await shoot('docs/screenshot-dark.png'));
  console.log(`screenshots: ${written.join(', ')}`);

  async function shoot(path: string): Promise<string> {
    await page.screenshot({ path: join(root, path) });
    return path;
  }
} finally {
  await browser.close();
  if (server.pid !== undefined) process.kill(-server.pid);
}
