// Review over two long layers, for `npm run bench`: my 10,000 spans (the case file, imported as
// mine) beside a colleague's 10,000 on the same text (the same generator with another seed, under
// another name). What the analyst waits through: opening the Review tab and entering review mode,
// each as the longest main-thread task from the click (the window cannot answer a key meanwhile)
// and the time until the first card or row is on screen. Only the annotated side: the plain-text
// floor has no layers to review. Informational rows, no target: no issue has set one yet.

import type { Page } from '@playwright/test';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { BENCH_ANNOTATOR, type CaseFile } from './case.js';
import { collectTasks, recordTasks } from './in-page.js';

/** The colleague the second layer is attributed to. */
export const REVIEW_COLLEAGUE = 'bench-colleague';

export interface ReviewSample {
  /** Differences review mode listed (its progress line's total). */
  readonly differences: number;
  /** Click on the Review tab → its first Compare row on screen (as Playwright sees it, round trips included), and the longest task then. */
  readonly tabMs: number;
  readonly tabLongestTaskMs: number;
  /** Click on "Enter review mode" → its first card on screen, and the longest task. */
  readonly enterMs: number;
  readonly enterLongestTaskMs: number;
}

/** `file` with every span attributed to REVIEW_COLLEAGUE, as their export would be. */
export function asColleagueExport(file: CaseFile): Buffer {
  return Buffer.from(file.bytes.toString('utf8').replaceAll(JSON.stringify(BENCH_ANNOTATOR), JSON.stringify(REVIEW_COLLEAGUE)), 'utf8');
}

/**
 * On `page`, which holds my layer of the case's document, open: imports the colleague's file
 * through File › Import, then times the Review tab and review mode from their clicks.
 */
export async function reviewSample(
  page: Page,
  colleague: { readonly name: string; readonly bytes: Buffer },
  settle: () => Promise<void>,
): Promise<ReviewSample> {
  const imported = page.evaluate(
    (name) => new Promise((resolve) => window.addEventListener(name, (e) => resolve((e as CustomEvent).detail), { once: true })),
    APP_EVENTS.imported,
  );
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-import').click();
  await (await chooser).setFiles({ name: colleague.name, mimeType: 'application/json', buffer: colleague.bytes });
  const summary = (await imported) as { layers?: readonly { annotator: string; annotations: number }[] };
  if (summary.layers?.[0]?.annotator !== REVIEW_COLLEAGUE) throw new Error(`the colleague's import reported ${JSON.stringify(summary)}`);
  await settle();

  const tab = await timedClick(page, 'tab-review', page.getByTestId('compare-row').first(), settle);
  const enter = await timedClick(page, 'enter-review-mode', page.getByTestId('difference').first(), settle);
  const total = Number(await page.getByTestId('review-mode').getByTestId('review-progress').first().getAttribute('data-total'));
  if (!(total > 0)) throw new Error(`review mode lists ${total} differences`);
  return { differences: total, tabMs: tab.ms, tabLongestTaskMs: tab.longest, enterMs: enter.ms, enterLongestTaskMs: enter.longest };
}

async function timedClick(
  page: Page,
  testId: string,
  shown: ReturnType<Page['getByTestId']>,
  settle: () => Promise<void>,
): Promise<{ readonly ms: number; readonly longest: number }> {
  await page.evaluate(recordTasks, []);
  const start = performance.now();
  await page.getByTestId(testId).click();
  await shown.waitFor({ state: 'visible' });
  const ms = performance.now() - start;
  // Tasks that follow the first paint (the rest of the list's layout) freeze the window too.
  await settle();
  const { tasks } = await page.evaluate(collectTasks);
  return { ms, longest: Math.max(0, ...tasks.map((t) => t.duration)) };
}
