// `npm run bench`: what 10,000 annotations on a ~1 MB article cost in real Chromium, each figure
// beside the same figure for the same text with no highlights (the plain-text floor), measured in
// the same run so machine load hits both alike. A measurement, not a test: a missed target exits 0,
// a measurement that could not be taken exits 1.

import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.js';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { BENCH_ANNOTATOR, buildCase, type BenchCase, type CaseFile } from './case.js';
import {
  arm,
  collect,
  collectMarks,
  collectTasks,
  idle,
  installHarness,
  NAME_SHIM,
  pickWord,
  recordTasks,
  scrollReader,
  type ArmSpec,
  type RecordedTasks,
  type Measured,
} from './in-page.js';
import { mb, ms, pairedRatio, ratio, spread, summarize, table, times, type Row, type Summary } from './report.js';
import { mainThreadSummary, startTrace } from './trace.js';
import { IMPORT_STAGES, OPEN_STAGES, stageMarks, stageMedians, type Stage } from './stages.js';
import { buildRenderer, freePort, startServer, type RunningServer } from './server.js';
import { machineInfo, printMachine } from './machine.js';
import { installationId } from './installation-id.js';
import { asColleagueExport, REVIEW_COLLEAGUE, reviewSample, type ReviewSample } from './review-bench.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT_MS = 60_000;
const SETTLE_MS = 200;
const VIEWPORT = { width: 1280, height: 860 };
const TARGETS = { openRatio: 1.5, keyMedianMs: 16, attributeMs: 16, exportMs: 200, heapRatio: 2, importRatio: 1.5, importTaskMs: 100 } as const;

interface Options {
  readonly build: boolean;
  readonly port: number;
  readonly opens: number;
  /** Imports per side; each after the first goes into a fresh, empty profile. */
  readonly imports: number;
  readonly keys: number;
  readonly exports: number;
  /** Review samples: each a fresh profile with my layer and a colleague's (review-bench.ts). */
  readonly reviews: number;
  /** Profiles on disk instead of in-memory contexts: IndexedDB then really flushes (strict durability). */
  readonly disk: boolean;
  readonly out: string;
  /** Folder the static server serves (a non-minified build reads better in a profile). */
  readonly root: string;
  /** Also save CPU profiles (DevTools .cpuprofile) of one open, one label key, one attribute key and one export per side. */
  readonly profile: boolean;
  /** Also save Chromium traces of one open and three label keys per side, and print where the main thread's time went. */
  readonly trace: boolean;
}

type Side = 'annotated' | 'floor';

interface Lane {
  readonly side: Side;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly file: CaseFile;
  /** Annotations the open document holds now; each label key press adds one. */
  count: number;
}

function parseArgs(argv: readonly string[]): Options {
  const o = {
    build: true,
    port: 47450,
    opens: 7,
    imports: 3,
    keys: 36,
    exports: 5,
    reviews: 2,
    disk: false,
    out: join(ROOT, 'test-results', 'bench.json'),
    root: 'dist/renderer',
    profile: false,
    trace: false,
  };
  const num = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}, not ${JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-build') o.build = false;
    else if (a === '--disk') o.disk = true;
    else if (a === '--port') o.port = num(a, argv[++i], 1);
    else if (a === '--opens') o.opens = num(a, argv[++i], 1);
    else if (a === '--imports') o.imports = num(a, argv[++i], 1);
    else if (a === '--keys') o.keys = num(a, argv[++i], 1);
    else if (a === '--exports') o.exports = num(a, argv[++i], 1);
    else if (a === '--reviews') o.reviews = num(a, argv[++i], 1);
    else if (a === '--out') o.out = argv[++i] ?? o.out;
    else if (a === '--root') o.root = argv[++i] ?? o.root;
    else if (a === '--profile') o.profile = true;
    else if (a === '--trace') o.trace = true;
    else
      throw new Error(
        `unknown argument ${a}; usage: bench.ts [--no-build] [--disk] [--profile] [--trace] [--root DIR] [--port N] [--opens N] [--imports N] [--keys N] [--exports N] [--reviews N] [--out FILE]`,
      );
  }
  return o;
}

const log = (msg: string): void => console.log(`bench: ${msg}`);

function withTimeout<T>(p: Promise<T>, what: string, limit = TIMEOUT_MS + 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer from the page within ${limit} ms`)), limit))),
  ]);
}

/** Lets the previous step's work (saves, React renders, GC) drain before the clock starts. */
async function settle(page: Page, extraMs = SETTLE_MS): Promise<void> {
  await page.waitForTimeout(extraMs);
  await page.evaluate(idle, 2_000);
}

/**
 * Arms the clock in the page, performs the gesture, and returns what the page measured. With
 * `profileTo`, a CPU profile of exactly that window is saved there (DevTools opens .cpuprofile).
 */
async function timed(page: Page, spec: Omit<ArmSpec, 'timeoutMs'>, gesture: () => Promise<void>, what: string, profileTo?: string): Promise<Measured> {
  await page.evaluate(arm, { ...spec, timeoutMs: TIMEOUT_MS });
  const cdp = profileTo === undefined ? undefined : await page.context().newCDPSession(page);
  try {
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await gesture();
    const m = await withTimeout(page.evaluate(collect), what);
    if (cdp && profileTo !== undefined) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    return spec.marks?.length ? { ...m, marks: await withTimeout(page.evaluate(collectMarks), what) } : m;
  } finally {
    await cdp?.detach();
  }
}

/**
 * Durations of the tasks that started from `from` (an event recorded) up to `to`. The task the
 * change is dispatched in is the harness's own (Playwright builds the File inside the page and
 * fires the change from that task), so it starts before the change and is left out.
 */
function tasksBetween(rec: RecordedTasks, from: string, to?: string): number[] {
  const start = rec.at[from];
  const end = to === undefined ? Number.POSITIVE_INFINITY : rec.at[to];
  if (start === undefined || end === undefined) throw new Error(`no ${start === undefined ? from : to} was recorded`);
  return rec.tasks.filter((t) => t.start >= start && t.start < end).map((t) => t.duration);
}

/** An import's long tasks: up to its commit (the worker's time), and while the document opens. */
interface ImportTasks {
  /** Longest main-thread task from the file's arrival (the input's change) to the commit, in ms; 0 if none over 50 ms. */
  readonly longestToCommit: number;
  /** Longest task from the commit to the opened document (spanmark:imported). */
  readonly longestOpening: number;
  readonly toCommit: readonly number[];
}

function importTasks(rec: RecordedTasks): ImportTasks {
  const toCommit = tasksBetween(rec, 'change', APP_EVENTS.importCommitted);
  return {
    longestToCommit: Math.max(0, ...toCommit),
    longestOpening: Math.max(0, ...tasksBetween(rec, APP_EVENTS.importCommitted, APP_EVENTS.imported)),
    toCommit,
  };
}

/**
 * The import figure of several samples: median times (each one's own median), and the longest
 * task of any sample, since one long task is a frozen window whichever import had it.
 */
function importFigure(samples: readonly ImportSample[]): Omit<ImportSample, 'stages'> & { readonly n: number; readonly min: number; readonly max: number } {
  const all = summarize(samples.map((s) => s.ms));
  return {
    n: all.n,
    min: all.min,
    max: all.max,
    ms: all.median,
    clickMs: summarize(samples.map((s) => s.clickMs)).median,
    committedMs: summarize(samples.map((s) => s.committedMs)).median,
    tasks: {
      longestToCommit: Math.max(...samples.map((s) => s.tasks.longestToCommit)),
      longestOpening: Math.max(...samples.map((s) => s.tasks.longestOpening)),
      toCommit: samples.flatMap((s) => s.tasks.toCommit),
    },
  };
}

interface ImportSample {
  /** Click on Import → spanmark:imported, file chooser included (Playwright builds the File in the page: a harness cost). */
  readonly clickMs: number;
  /** The file chosen (the input's change) → the document open with its annotations (spanmark:imported). */
  readonly ms: number;
  /** The file chosen → committed to the database (spanmark:import-committed). */
  readonly committedMs: number;
  readonly tasks: ImportTasks;
  /** The app's stage marks (stages.ts), ms after the file's arrival, with the commit's event among them. */
  readonly stages: Record<string, number>;
}

async function openLane(side: Side, context: BrowserContext, url: string, file: CaseFile, docId: string): Promise<{ lane: Lane; imported: ImportSample }> {
  await context.addInitScript({ content: NAME_SHIM });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (e) => console.error(`bench: [${side}] page error: ${e.message}`));
  await page.goto(url);
  await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
  await page.evaluate(installHarness);
  await page.getByTestId('cmd-settings').click();
  await page.getByTestId('annotator-input').fill(BENCH_ANNOTATOR);
  await page.getByTestId('settings-save').click();
  await page
    .getByTestId('annotator')
    .filter({ hasText: `Annotating as ${BENCH_ANNOTATOR}` })
    .waitFor({ state: 'visible' });
  await settle(page);
  const bytes = await asMyOwnExport(page, file.bytes);
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(recordTasks, [APP_EVENTS.importCommitted, APP_EVENTS.imported]);
  // Two clocks: from the click (as before) and from the file's arrival, which leaves out the
  // harness's own work of building a 4 MB File inside the page.
  const spec: ArmSpec = { trigger: 'change', event: APP_EVENTS.imported, marks: [APP_EVENTS.importCommitted], timeoutMs: TIMEOUT_MS };
  await page.evaluate(arm, spec);
  // Measured from here in Node (round trips included, a few ms): the page's clock starts only at the change.
  const clickStart = performance.now();
  await page.getByTestId('cmd-import').click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: bytes });
  const fromChange = await withTimeout(page.evaluate(collect), `[${side}] import`);
  const clickMs = performance.now() - clickStart;
  const marks = await withTimeout(page.evaluate(collectMarks), `[${side}] import`);
  const tasks = importTasks(await page.evaluate(collectTasks));
  const stages = await page.evaluate(stageMarks, fromChange.t0);
  const committed = marks[APP_EVENTS.importCommitted];
  if (committed !== undefined) stages[APP_EVENTS.importCommitted] = committed;
  const imported = { ...fromChange, clickMs };
  const summary = imported.detail as { added?: number; docIds?: readonly string[] };
  if (summary.added !== file.annotations || summary.docIds?.[0] !== docId) {
    throw new Error(`[${side}] import reported ${JSON.stringify(summary)}, expected ${file.annotations} added to ${docId}`);
  }
  await page.getByTestId('article-text').waitFor({ state: 'visible' });
  return {
    lane: { side, context, page, file, count: file.annotations },
    imported: { clickMs: imported.clickMs, ms: imported.ms, committedMs: committed ?? Number.NaN, tasks, stages },
  };
}

/**
 * The case file as this installation's own export: exportedBy carries the profile's analyst id, so
 * the import puts the annotations in my layer without asking (a build before ids ignores the key).
 */
async function asMyOwnExport(page: Page, bytes: Buffer): Promise<Buffer> {
  const id = await installationId(page);
  if (id === undefined) return bytes;
  const text = bytes.toString('utf8');
  const at = text.indexOf('{') + 1;
  return Buffer.from(`${text.slice(0, at)}\n  "exportedBy": ${JSON.stringify({ id, name: BENCH_ANNOTATOR })},${text.slice(at)}`, 'utf8');
}

interface TagAllSample {
  readonly matches: number;
  /** Click on "All as claim" → spanmark:saved (committed), and the same for the undo after it. */
  readonly savedMs: number;
  readonly undoSavedMs: number;
}

/**
 * Find "the" (thousands of matches) and tag them all as claims, timed to the save; then undo it,
 * timed likewise: the largest single edits an analyst can make, a few requests each since they
 * are written as the whole layer (annotations-repo.ts writeNow).
 */
async function tagAllOnce(lane: Lane, docId: string): Promise<TagAllSample> {
  const { page } = lane;
  await settle(page);
  await page.keyboard.press('Control+f');
  await page.getByTestId('find-input').fill('the');
  const shown = page.getByTestId('find-count');
  await shown.filter({ hasText: /^[\d,]+ of [\d,]+$/ }).waitFor();
  const matches = Number(/of ([\d,]+)/.exec((await shown.textContent()) ?? '')?.[1]?.replaceAll(',', '') ?? Number.NaN);
  await settle(page);
  const total = async (): Promise<number> => Number(((await page.getByTestId('annotation-total').textContent()) ?? '').replaceAll(',', ''));
  const before = await total();
  const saved = { trigger: 'pointerdown', event: APP_EVENTS.saved, docId } as const;
  const tag = await timed(page, saved, () => page.getByTestId('find-tag-all-claim').click(), `[${lane.side}] tag all`);
  await settle(page);
  const tagged = await total();
  // Only the matches not already tagged as claims are added; thousands either way.
  if (!(tagged - before > matches / 2)) throw new Error(`[${lane.side}] tag all of ${matches} matches took the layer from ${before} to ${tagged} annotations`);
  const undo = await timed(page, saved, () => page.getByTestId('cmd-undo').click(), `[${lane.side}] undo tag all`);
  await settle(page);
  if ((await total()) !== before) throw new Error(`[${lane.side}] undoing tag all left ${await total()} annotations, not ${before}`);
  await page.keyboard.press('Escape');
  return { matches, savedMs: tag.ms, undoSavedMs: undo.ms };
}

/** The review rows: the annotated side only, as the floor has no layers to review. */
function reviewRows(reviews: readonly ReviewSample[], median: (pick: (r: ReviewSample) => number) => number): Row[] {
  const row = (figure: string, value: string): Row => ({ figure, annotated: value, floor: '—', ratio: '', target: '', verdict: 'info' });
  const n = reviews.length;
  return [
    row(`review, ${reviews[0]?.differences ?? 0} differences: Review tab → first row shown, median, n=${n}`, ms(median((r) => r.tabMs))),
    row('  review: longest main-thread task, Review tab, median', ms(median((r) => r.tabLongestTaskMs))),
    row(`review: Enter review mode → first card shown, median, n=${n}`, ms(median((r) => r.enterMs))),
    row('  review: longest main-thread task, entering review mode, median', ms(median((r) => r.enterLongestTaskMs))),
  ];
}

/** An open's figure, with the app's stage marks (stages.ts) in ms after the click. */
type OpenSample = Measured & { readonly stages: Record<string, number> };

async function openToPainted(lane: Lane, docId: string, profileTo?: string): Promise<OpenSample> {
  const { page } = lane;
  await page.getByTestId('cmd-library').click();
  const item = page.locator(`[data-testid="library-item"][data-doc-id="${docId}"]`);
  await item.waitFor({ state: 'visible' });
  await settle(page);
  const m = await timed(page, { trigger: 'pointerdown', event: APP_EVENTS.painted, docId }, () => item.click(), `[${lane.side}] open`, profileTo);
  const count = (m.detail as { count?: number }).count;
  if (count !== lane.count) throw new Error(`[${lane.side}] the opened document painted ${count} annotations, expected ${lane.count}`);
  return { ...m, stages: await page.evaluate(stageMarks, m.t0) };
}

async function heapUsed(lane: Lane): Promise<{ usedSize: number; embedderHeapUsedSize?: number }> {
  const cdp = await lane.context.newCDPSession(lane.page);
  try {
    // Twice: the first pass can leave objects that only the second finds unreachable (weak refs).
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
    return usage.embedderHeapUsedSize === undefined
      ? { usedSize: usage.usedSize }
      : { usedSize: usage.usedSize, embedderHeapUsedSize: usage.embedderHeapUsedSize };
  } finally {
    await cdp.detach();
  }
}

interface KeySample {
  readonly ms: number;
  /** Keydown to spanmark:saved: until the edit is durable, which may come before or after the paint. */
  readonly savedMs: number | undefined;
  readonly word: string;
  readonly offset: number;
  /** Where the word was on screen (viewport pixels), to click the new span again. */
  readonly x: number;
  readonly y: number;
}

/** Selects a fresh word with a real double-click at `fraction` of the article, then times key 1. */
async function labelKeyToPaint(lane: Lane, docId: string, fraction: number, seed: number, profileTo?: string): Promise<KeySample> {
  const { page } = lane;
  const menu = page.getByTestId('label-menu');
  let target: Awaited<ReturnType<typeof pickWord>> = null;
  for (let nudge = 0; nudge < 5 && !target; nudge++) {
    await page.evaluate(scrollReader, Math.min(1, fraction + nudge * 0.003));
    // content-visibility: auto lays the newly visible blocks out over the next frames.
    await settle(page, 50);
    target = await page.evaluate(pickWord, seed);
  }
  if (!target) throw new Error(`[${lane.side}] no selectable word in view at ${(fraction * 100).toFixed(1)}% of the article`);
  await page.mouse.dblclick(target.x, target.y);
  await menu.waitFor({ state: 'visible', timeout: 10_000 });
  const quote = (await menu.locator('.label-menu-quote').textContent()) ?? '';
  if (!quote.includes(target.word)) throw new Error(`[${lane.side}] double-clicking "${target.word}" selected ${quote}`);
  await settle(page);
  const m = await timed(
    page,
    { trigger: 'keydown', key: '1', event: APP_EVENTS.painted, docId, marks: [APP_EVENTS.saved] },
    () => page.keyboard.press('1'),
    `[${lane.side}] label key`,
    profileTo,
  );
  const count = (m.detail as { count?: number }).count;
  if (count !== lane.count + 1) throw new Error(`[${lane.side}] after key 1 the document painted ${count} annotations, expected ${lane.count + 1}`);
  lane.count += 1;
  return { ms: m.ms, savedMs: m.marks[APP_EVENTS.saved], word: target.word, offset: target.offset, x: target.x, y: target.y };
}

interface AttributeSample {
  /** Keydown to spanmark:saved: the value is committed and the UI says so. */
  readonly savedMs: number | undefined;
  /** Keydown to the reader's repaint with the new value. */
  readonly paintedMs: number;
}

/**
 * On the span the label key just made (a claim), selected by a click, opens its attribute form with Enter,
 * puts the focus on the `stance` choices and times one key ('a' picks "asserted") to the save.
 */
async function attributeKeyToSaved(lane: Lane, docId: string, tagged: KeySample, profileTo?: string): Promise<AttributeSample> {
  await focusStance(lane, tagged);
  return stanceKey(lane, docId, profileTo);
}

async function focusStance(lane: Lane, tagged: KeySample): Promise<void> {
  const { page } = lane;
  // A click on the word selects the span just made (the word was fresh: no other span there).
  await page.mouse.click(tagged.x, tagged.y);
  await page.getByTestId('annotation-details').waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  const choices = page.getByTestId('attr-stance-choices');
  await choices.waitFor({ state: 'visible', timeout: 10_000 });
  await choices.focus();
  await settle(page);
}

/** Key 'a' in the focused stance choices (focusStance), timed to the save. */
async function stanceKey(lane: Lane, docId: string, profileTo?: string): Promise<AttributeSample> {
  const { page } = lane;
  const m = await timed(
    page,
    { trigger: 'keydown', key: 'a', event: APP_EVENTS.painted, docId, marks: [APP_EVENTS.saved] },
    () => page.keyboard.press('a'),
    `[${lane.side}] attribute key`,
    profileTo,
  );
  const picked = await page.getByTestId('attr-stance-asserted').getAttribute('aria-checked');
  if (picked !== 'true') throw new Error(`[${lane.side}] key a in the stance choices did not pick "asserted"`);
  await page.keyboard.press('Escape');
  return { savedMs: m.marks[APP_EVENTS.saved], paintedMs: m.ms };
}

interface ReplaceSample {
  /** The new text's file chosen → the document reopened with every span placed, painted. */
  readonly ms: number;
  readonly longestTaskMs: number;
}

/**
 * File › Replace text… with an updated copy of the article (a paragraph added a third of the way
 * in, so every span after it moves): re-anchoring, the one transaction, reopening and the panel
 * of moved spans. Last, since it leaves spans waiting for confirmation.
 */
async function replaceOnce(lane: Lane, docId: string, text: string): Promise<ReplaceSample> {
  const { page } = lane;
  await settle(page);
  await page.evaluate(recordTasks, []);
  const chooser = page.waitForEvent('filechooser');
  const m = await timed(
    page,
    { trigger: 'change', event: APP_EVENTS.painted, docId },
    async () => {
      await page.getByTestId('cmd-replace-text').click();
      await (await chooser).setFiles({ name: 'updated.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
    },
    `[${lane.side}] replace text`,
  );
  const count = (m.detail as { count?: number }).count;
  if (count !== lane.count) throw new Error(`[${lane.side}] after replacing the text the document painted ${count} annotations, expected ${lane.count}`);
  return { ms: m.ms, longestTaskMs: Math.max(0, ...tasksBetween(await page.evaluate(collectTasks), 'change')) };
}

/** The case's text with a paragraph added a third of the way in (at a paragraph break). */
function updatedText(file: CaseFile): string {
  const text = (JSON.parse(file.bytes.toString('utf8')) as { documents: { text: string }[] }).documents[0]!.text;
  const at = text.indexOf('\n\n', Math.floor(text.length / 3));
  return `${text.slice(0, at)}\n\nUpdated at 18:00: officials gave new figures.${text.slice(at)}`;
}

interface ExportSample {
  readonly ms: number;
  readonly clickToExportedMs: number;
  /** Click → the download link clicked: the file built (its Blob) and handed to the browser, what the analyst waits for. */
  readonly clickToDownloadMs: number;
  readonly annotations: number;
  readonly bytes: number;
}

async function exportOnce(lane: Lane, profileTo?: string): Promise<ExportSample> {
  const { page } = lane;
  await settle(page);
  const download = page.waitForEvent('download', { timeout: TIMEOUT_MS });
  // The browser platform saves by clicking a download link once the file's Blob is built.
  await page.evaluate(() => {
    const w = window as unknown as { benchDownload?: Promise<number> };
    let t0 = Number.NaN;
    document.addEventListener('pointerdown', () => (t0 = performance.now()), { capture: true, once: true });
    w.benchDownload = new Promise<number>((resolve) => {
      const onClick = (e: MouseEvent): void => {
        if (!(e.target instanceof HTMLAnchorElement) || !e.target.download) return;
        document.removeEventListener('click', onClick, true);
        resolve(performance.now() - t0);
      };
      document.addEventListener('click', onClick, true);
    });
  });
  const m = await timed(
    page,
    { trigger: 'pointerdown', event: APP_EVENTS.exported },
    () => page.getByTestId('cmd-export-document').click(),
    `[${lane.side}] export`,
    profileTo,
  );
  await (await download).delete();
  const clickToDownloadMs = await page.evaluate(() => (window as unknown as { benchDownload: Promise<number> }).benchDownload);
  const d = m.detail as { ms?: number; annotations?: number; bytes?: number };
  if (typeof d.ms !== 'number' || d.annotations !== lane.count)
    throw new Error(`[${lane.side}] export reported ${JSON.stringify(d)}, expected ${lane.count} annotations`);
  return { ms: d.ms, clickToExportedMs: m.ms, clickToDownloadMs, annotations: d.annotations, bytes: d.bytes ?? Number.NaN };
}

interface Pair<T> {
  annotated: T;
  floor: T;
}

async function run(o: Options, cleanup: (fn: () => Promise<void>) => void): Promise<void> {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const load = { start: os.loadavg(), end: [] as number[] };

  log('building the long-document case…');
  const caseOptions = {
    sources: [join(ROOT, '..', 'shared', 'corpus', 'kazakhstan-2022-01-07.txt'), join(ROOT, 'renderer/static/samples/kazakhstan-2022-01-07.txt')],
    targetBytes: 1_000_000,
    annotations: 10_000,
    seed: 20220107,
    generatorVersion: version,
  };
  const bc: BenchCase = await buildCase(caseOptions);
  log(
    `${bc.copies} copies of ${bc.source}: ${bc.textBytes} bytes, ${bc.blocks} blocks, ${bc.words} words; ` +
      `${bc.annotated.annotations} annotations (${bc.shape.primary} alone, ${bc.shape.nested} nested, ${bc.shape.overlapping} overlapping); ` +
      `files ${mb(bc.annotated.bytes.length)} and ${mb(bc.floor.bytes.length)} (${mb(bc.spans.bytes.length)} as v1, without attribute values)`,
  );

  if (o.build) {
    log('building the renderer and its import worker (scripts/build.ts renderer importWorker)…');
    await buildRenderer(ROOT);
  }
  const port = await freePort(o.port);
  const server: RunningServer = await startServer(ROOT, port, o.root, TIMEOUT_MS);
  cleanup(() => server.stop());
  log(`serving ${o.root} at ${server.url}`);

  const launch = { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true };
  const contextOptions = { viewport: VIEWPORT, acceptDownloads: true };
  const contexts: Pair<BrowserContext> = o.disk
    ? await (async () => {
        const mk = async (side: Side): Promise<BrowserContext> => {
          const dir = mkdtempSync(join(os.tmpdir(), `spanmark-bench-${side}-`));
          cleanup(async () => rmSync(dir, { recursive: true, force: true }));
          const ctx = await chromium.launchPersistentContext(dir, { ...launch, ...contextOptions });
          cleanup(() => ctx.close());
          return ctx;
        };
        return { annotated: await mk('annotated'), floor: await mk('floor') };
      })()
    : await (async () => {
        const browser: Browser = await chromium.launch(launch);
        cleanup(() => browser.close());
        return { annotated: await browser.newContext(contextOptions), floor: await browser.newContext(contextOptions) };
      })();
  /** An empty profile of the same kind as the lanes' (for the import samples after the first). */
  const freshContext = async (side: Side): Promise<BrowserContext> => {
    if (!o.disk) return contexts.annotated.browser()!.newContext(contextOptions);
    const dir = mkdtempSync(join(os.tmpdir(), `spanmark-bench-${side}-`));
    cleanup(async () => rmSync(dir, { recursive: true, force: true }));
    return chromium.launchPersistentContext(dir, { ...launch, ...contextOptions });
  };
  const browserVersion = contexts.annotated.browser()?.version() ?? 'unknown';
  log(`Chromium ${browserVersion} (${o.disk ? 'profiles on disk' : 'in-memory contexts'})`);

  log('importing both files through the UI…');
  const a = await openLane('annotated', contexts.annotated, server.url, bc.annotated, bc.docId);
  const f = await openLane('floor', contexts.floor, server.url, bc.floor, bc.docId);
  const lanes: Pair<Lane> = { annotated: a.lane, floor: f.lane };
  // Alternating which side goes first cancels a steady drift in machine load between the two.
  const order = (i: number): Lane[] => (i % 2 === 0 ? [lanes.annotated, lanes.floor] : [lanes.floor, lanes.annotated]);
  // One import per side is one sample of a figure that moves by a quarter between runs: more, each
  // into an empty profile, in alternating order like every other figure.
  const importSamples: Pair<ImportSample[]> = { annotated: [a.imported], floor: [f.imported] };
  // The same spans as a v1 file (no attribute values, no context), after each pair: the file issue
  // 8's target was set on. Information only: the target is judged on the annotated v2 file.
  const spanSamples: ImportSample[] = [];
  const importInto = async (side: Side, file: CaseFile): Promise<ImportSample> => {
    const ctx = await freshContext(side);
    try {
      return (await openLane(side, ctx, server.url, file, bc.docId)).imported;
    } finally {
      await ctx.close();
    }
  };
  log(`importing ${o.imports - 1} more times each into empty profiles, and the spans as a v1 file ${o.imports} time(s)…`);
  spanSamples.push(await importInto('annotated', bc.spans));
  for (let i = 1; i < o.imports; i++) {
    for (const { side } of order(i)) importSamples[side].push(await importInto(side, bc[side]));
    spanSamples.push(await importInto('annotated', bc.spans));
  }
  const imports: Pair<ReturnType<typeof importFigure>> = { annotated: importFigure(importSamples.annotated), floor: importFigure(importSamples.floor) };
  const spanImports = importFigure(spanSamples);

  log(`open → painted, ${o.opens} times each…`);
  const opens: Pair<OpenSample[]> = { annotated: [], floor: [] };
  for (let i = 0; i < o.opens; i++) for (const lane of order(i)) opens[lane.side].push(await openToPainted(lane, bc.docId));

  log('JS heap after opening…');
  const heap: Partial<Pair<{ usedSize: number; embedderHeapUsedSize?: number }>> = {};
  for (const lane of order(0)) {
    await settle(lane.page, 1_000);
    heap[lane.side] = await heapUsed(lane);
  }

  log(`label key → painted, then attribute key → saved on that new claim, ${o.keys} times each…`);
  const keys: Pair<KeySample[]> = { annotated: [], floor: [] };
  const attributeKeys: Pair<AttributeSample[]> = { annotated: [], floor: [] };
  for (let i = 0; i < o.keys; i++) {
    const fraction = (i + 0.5) / o.keys;
    for (const lane of order(i)) {
      const tagged = await labelKeyToPaint(lane, bc.docId, fraction, i * 7919 + 13);
      keys[lane.side].push(tagged);
      attributeKeys[lane.side].push(await attributeKeyToSaved(lane, bc.docId, tagged));
    }
  }

  log(`export, ${o.exports} times each…`);
  const exports: Pair<ExportSample[]> = { annotated: [], floor: [] };
  for (let i = 0; i < o.exports; i++) for (const lane of order(i)) exports[lane.side].push(await exportOnce(lane));
  load.end = os.loadavg();

  const profiles: string[] = [];
  if (o.profile) {
    // After the measured runs, so the profiler's own overhead never lands in a figure.
    log('CPU profiles of one open, one label key, one attribute key and one export per side…');
    const dir = dirname(o.out);
    mkdirSync(dir, { recursive: true });
    for (const lane of order(0)) {
      const at = (what: string): string => join(dir, `bench-${what}-${lane.side}.cpuprofile`);
      await openToPainted(lane, bc.docId, at('open'));
      const tagged = await labelKeyToPaint(lane, bc.docId, 0.5, 4242, at('label-key'));
      await attributeKeyToSaved(lane, bc.docId, tagged, at('attribute-key'));
      await exportOnce(lane, at('export'));
      profiles.push(at('open'), at('label-key'), at('attribute-key'), at('export'));
    }
  }

  if (o.trace) {
    log('Chromium traces of one open, three label keys and three attribute keys per side…');
    const dir = dirname(o.out);
    mkdirSync(dir, { recursive: true });
    for (const lane of order(0)) {
      for (const [what, startType, gesture, untraced] of [
        ['open', 'pointerdown', () => openToPainted(lane, bc.docId), undefined],
        ...[0.37, 0.52, 0.81].flatMap((at, i) => {
          let tagged: KeySample | undefined;
          return [
            [
              `label-key-${i + 1}`,
              'keydown',
              async () => {
                tagged = await labelKeyToPaint(lane, bc.docId, at, 2121 + i);
              },
            ] as const,
            // Traced from the stance key only: selecting the span and opening the form come first.
            [`attribute-key-${i + 1}`, 'keydown', () => stanceKey(lane, bc.docId), () => focusStance(lane, tagged!)] as const,
          ];
        }),
      ] as const) {
        await untraced?.();
        const tracing = await startTrace(lane.page);
        await gesture();
        const events = await tracing.stop();
        const file = join(dir, `bench-${what}-${lane.side}.trace.json`);
        writeFileSync(file, JSON.stringify({ traceEvents: events }));
        profiles.push(file);
        console.log(`\n[${lane.side}] ${what}: renderer main thread from the ${startType} (${file})`);
        for (const line of mainThreadSummary(events, startType)) console.log(`  ${line}`);
      }
    }
  }

  log('replace text with an updated copy, once each…');
  const replaced: Partial<Pair<ReplaceSample>> = {};
  const updated = updatedText(bc.floor);
  for (const lane of order(0)) replaced[lane.side] = await replaceOnce(lane, bc.docId, updated);

  log('tag all matches of "the" as claims, then undo it, once each…');
  const tagAll: Partial<Pair<TagAllSample>> = {};
  for (const lane of order(1)) tagAll[lane.side] = await tagAllOnce(lane, bc.docId);

  log(`review: a colleague's 10,000 spans beside mine, Review tab then review mode, ${o.reviews} fresh profiles…`);
  const colleagueCase = await buildCase({ ...caseOptions, seed: caseOptions.seed + 1 });
  if (colleagueCase.docId !== bc.docId) throw new Error(`the colleague's case is of another document (${colleagueCase.docId}, not ${bc.docId})`);
  const colleague = { name: `${REVIEW_COLLEAGUE}.spanmark.json`, bytes: asColleagueExport(colleagueCase.annotated) };
  const reviews: ReviewSample[] = [];
  for (let i = 0; i < o.reviews; i++) {
    const ctx = await freshContext('annotated');
    try {
      const { lane } = await openLane('annotated', ctx, server.url, bc.annotated, bc.docId);
      reviews.push(await reviewSample(lane.page, colleague, () => settle(lane.page)));
    } finally {
      await ctx.close();
    }
  }
  const reviewMedian = (pick: (r: ReviewSample) => number): number => summarize(reviews.map(pick)).median;

  const both = <T>(pick: (side: Side) => readonly T[], value: (t: T) => number | undefined): Pair<Summary> & { paired: number } => {
    const values = (side: Side): number[] =>
      pick(side)
        .map(value)
        .filter((x): x is number => x !== undefined);
    return { annotated: summarize(values('annotated')), floor: summarize(values('floor')), paired: pairedRatio(values('annotated'), values('floor')) };
  };
  const open = both(
    (sd) => opens[sd],
    (m) => m.ms,
  );
  const key = both(
    (sd) => keys[sd],
    (k) => k.ms,
  );
  const keySaved = both(
    (sd) => keys[sd],
    (k) => k.savedMs,
  );
  const attrSaved = both(
    (sd) => attributeKeys[sd],
    (a) => a.savedMs,
  );
  const attrPainted = both(
    (sd) => attributeKeys[sd],
    (a) => a.paintedMs,
  );
  const exp = both(
    (sd) => exports[sd],
    (e) => e.ms,
  );
  const click = both(
    (sd) => exports[sd],
    (e) => e.clickToExportedMs,
  );
  const toDownload = both(
    (sd) => exports[sd],
    (e) => e.clickToDownloadMs,
  );
  const heapA = heap.annotated?.usedSize ?? Number.NaN;
  const heapF = heap.floor?.usedSize ?? Number.NaN;
  const importPaired = pairedRatio(
    importSamples.annotated.map((x) => x.ms),
    importSamples.floor.map((x) => x.ms),
  );
  const spansPaired = pairedRatio(
    spanSamples.map((x) => x.ms),
    importSamples.floor.map((x) => x.ms),
  );
  const verdicts = {
    open: ratio(open.annotated.median, open.floor.median) <= TARGETS.openRatio,
    key: key.annotated.median < TARGETS.keyMedianMs,
    attribute: attrSaved.annotated.median < TARGETS.attributeMs,
    export: exp.annotated.median < TARGETS.exportMs,
    heap: ratio(heapA, heapF) < TARGETS.heapRatio,
    import: ratio(imports.annotated.ms, imports.floor.ms) <= TARGETS.importRatio,
    importTask: imports.annotated.tasks.longestToCommit < TARGETS.importTaskMs,
  };
  const v = (ok: boolean): 'PASS' | 'MISS' => (ok ? 'PASS' : 'MISS');
  const rat = (p: Pair<Summary> & { paired: number }): string => `${times(ratio(p.annotated.median, p.floor.median))} (paired ${times(p.paired)})`;
  const keyCell = (sm: Summary): string => `${ms(sm.median)} / p95 ${ms(sm.p95)}`;
  const info = (figure: string, p: Pair<number>, fmt: (x: number) => string = ms): Row => ({
    figure,
    annotated: fmt(p.annotated),
    floor: fmt(p.floor),
    ratio: times(ratio(p.annotated, p.floor)),
    target: '',
    verdict: 'info',
  });
  const range = (f: ReturnType<typeof importFigure>): string => `${ms(f.ms)} (${f.min.toFixed(1)}–${f.max.toFixed(1)})`;
  /** An import figure beside the floor's imports (information until a target and verdict are added). */
  const importRow = (what: string, f: ReturnType<typeof importFigure>, paired: number): Row => ({
    figure: `${what}: file chosen → document open, median (min–max), n=${f.n}`,
    annotated: range(f),
    floor: range(imports.floor),
    ratio: `${times(ratio(f.ms, imports.floor.ms))} (paired ${times(paired)})`,
    target: '',
    verdict: 'info',
  });
  const medians = (p: Pair<Summary>): Pair<number> => ({ annotated: p.annotated.median, floor: p.floor.median });
  const openStages: Pair<number[]> = { annotated: stageMedians(OPEN_STAGES, opens.annotated), floor: stageMedians(OPEN_STAGES, opens.floor) };
  const importStages: Pair<number[]> = {
    annotated: stageMedians(IMPORT_STAGES, importSamples.annotated),
    floor: stageMedians(IMPORT_STAGES, importSamples.floor),
  };
  const stageRows = (what: string, stages: readonly Stage[], p: Pair<number[]>): Row[] =>
    stages.map((s, i) => info(`    ${what} stage: ${s.label}, median`, { annotated: p.annotated[i]!, floor: p.floor[i]! }));
  const rows: Row[] = [
    {
      figure: `open → painted, median (min–max), n=${o.opens}`,
      annotated: spread(open.annotated),
      floor: spread(open.floor),
      ratio: rat(open),
      target: `≤ ${TARGETS.openRatio}×`,
      verdict: v(verdicts.open),
    },
    {
      figure: `label key → painted, median / p95, n=${o.keys}`,
      annotated: keyCell(key.annotated),
      floor: keyCell(key.floor),
      ratio: rat(key),
      target: `median < ${TARGETS.keyMedianMs} ms`,
      verdict: v(verdicts.key),
    },
    {
      figure: `attribute key → saved (committed), median / p95, n=${o.keys}`,
      annotated: keyCell(attrSaved.annotated),
      floor: keyCell(attrSaved.floor),
      ratio: rat(attrSaved),
      target: `median < ${TARGETS.attributeMs} ms`,
      verdict: v(verdicts.attribute),
    },
    {
      figure: `export (read+encode+serialise), median, n=${o.exports}`,
      annotated: ms(exp.annotated.median),
      floor: ms(exp.floor.median),
      ratio: rat(exp),
      target: `< ${TARGETS.exportMs} ms`,
      verdict: v(verdicts.export),
    },
    {
      figure: 'JS heap after open (usedSize, after GC)',
      annotated: mb(heapA),
      floor: mb(heapF),
      ratio: times(ratio(heapA, heapF)),
      target: `< ${TARGETS.heapRatio}×`,
      verdict: v(verdicts.heap),
    },
    info('  label key: keydown → saved (committed), median', medians(keySaved)),
    info('  attribute key: keydown → painted, median', medians(attrPainted)),
    info('  export: click → spanmark:exported, median', medians(click)),
    info('  export: click → file handed to the browser’s download (its Blob built), median', medians(toDownload)),
    ...stageRows('open', OPEN_STAGES, openStages),
    { ...importRow('import', imports.annotated, importPaired), target: `≤ ${TARGETS.importRatio}×`, verdict: v(verdicts.import) },
    {
      figure: 'import: longest main-thread task, file chosen → committed, any sample',
      annotated: ms(imports.annotated.tasks.longestToCommit),
      floor: ms(imports.floor.tasks.longestToCommit),
      ratio: '',
      target: `< ${TARGETS.importTaskMs} ms`,
      verdict: v(verdicts.importTask),
    },
    info('  import: file chosen → committed, median', { annotated: imports.annotated.committedMs, floor: imports.floor.committedMs }),
    importRow('  import of the same spans as v1 (no values, no context)', spanImports, spansPaired),
    info('    the same spans as v1: file chosen → committed, median', {
      annotated: spanImports.committedMs,
      floor: imports.floor.committedMs,
    }),
    info('  import: longest task while the document opens, any sample', {
      annotated: imports.annotated.tasks.longestOpening,
      floor: imports.floor.tasks.longestOpening,
    }),
    info('  import: click → imported (incl. building the File in the page), median', { annotated: imports.annotated.clickMs, floor: imports.floor.clickMs }),
    ...stageRows('import', IMPORT_STAGES, importStages),
    info('replace text (paragraph added at 1/3): file chosen → reopened, painted, once', { annotated: replaced.annotated!.ms, floor: replaced.floor!.ms }),
    info('  replace text: longest main-thread task', { annotated: replaced.annotated!.longestTaskMs, floor: replaced.floor!.longestTaskMs }),
    info(`tag all ${tagAll.annotated!.matches} matches of "the" → saved (committed), once`, {
      annotated: tagAll.annotated!.savedMs,
      floor: tagAll.floor!.savedMs,
    }),
    info('  undo it → saved (committed), once', { annotated: tagAll.annotated!.undoSavedMs, floor: tagAll.floor!.undoSavedMs }),
    ...reviewRows(reviews, reviewMedian),
  ];
  if (heap.annotated?.embedderHeapUsedSize !== undefined && heap.floor?.embedderHeapUsedSize !== undefined) {
    const ea = heap.annotated.embedderHeapUsedSize;
    const ef = heap.floor.embedderHeapUsedSize;
    rows.push({ figure: 'Blink (embedder) heap after open', annotated: mb(ea), floor: mb(ef), ratio: times(ratio(ea, ef)), target: '', verdict: 'info' });
  }

  const machine = machineInfo(browserVersion, load);
  printMachine(machine);
  console.log(
    `Case: ${bc.textBytes} bytes of text (${bc.copies} copies, ${bc.blocks} blocks), ${bc.annotated.annotations} annotations vs none; storage ${o.disk ? 'on disk' : 'in memory (incognito contexts)'}`,
  );
  console.log('');
  console.log(table(rows));
  console.log('');

  const result = {
    when: new Date().toISOString(),
    machine,
    options: o,
    case: {
      source: bc.source,
      docId: bc.docId,
      title: bc.title,
      copies: bc.copies,
      textBytes: bc.textBytes,
      textChars: bc.textChars,
      blocks: bc.blocks,
      words: bc.words,
      shape: bc.shape,
      fileBytes: { annotated: bc.annotated.bytes.length, floor: bc.floor.bytes.length, spans: bc.spans.bytes.length },
    },
    targets: TARGETS,
    figures: {
      openToPaintedMs: {
        annotated: { ...open.annotated, samples: opens.annotated },
        floor: { ...open.floor, samples: opens.floor },
        ratio: ratio(open.annotated.median, open.floor.median),
        pairedRatio: open.paired,
        pass: verdicts.open,
      },
      openStagesMs: { stages: OPEN_STAGES.map((s) => s.label), ...openStages },
      tagAll,
      review: {
        differences: reviews[0]?.differences,
        tabMs: reviewMedian((r) => r.tabMs),
        tabLongestTaskMs: reviewMedian((r) => r.tabLongestTaskMs),
        enterMs: reviewMedian((r) => r.enterMs),
        enterLongestTaskMs: reviewMedian((r) => r.enterLongestTaskMs),
        samples: reviews,
      },
      labelKeyToPaintMs: {
        annotated: { ...key.annotated, samples: keys.annotated },
        floor: { ...key.floor, samples: keys.floor },
        ratio: ratio(key.annotated.median, key.floor.median),
        pairedRatio: key.paired,
        pass: verdicts.key,
      },
      labelKeyToSavedEventMs: keySaved,
      attributeKeyToSavedMs: {
        annotated: { ...attrSaved.annotated, samples: attributeKeys.annotated },
        floor: { ...attrSaved.floor, samples: attributeKeys.floor },
        ratio: ratio(attrSaved.annotated.median, attrSaved.floor.median),
        pairedRatio: attrSaved.paired,
        pass: verdicts.attribute,
      },
      attributeKeyToPaintedMs: attrPainted,
      exportMs: {
        annotated: { ...exp.annotated, samples: exports.annotated },
        floor: { ...exp.floor, samples: exports.floor },
        ratio: ratio(exp.annotated.median, exp.floor.median),
        pairedRatio: exp.paired,
        pass: verdicts.export,
      },
      exportClickToExportedEventMs: click,
      exportClickToDownloadMs: toDownload,
      heapBytes: { annotated: heap.annotated, floor: heap.floor, ratio: ratio(heapA, heapF), pass: verdicts.heap },
      import: {
        ...imports,
        samples: importSamples,
        ratio: ratio(imports.annotated.ms, imports.floor.ms),
        pairedRatio: importPaired,
        pass: verdicts.import,
        longestTaskToCommitPass: verdicts.importTask,
      },
      importStagesMs: { stages: IMPORT_STAGES.map((s) => s.label), ...importStages },
      importSpansV1: {
        ...spanImports,
        samples: spanSamples,
        ratio: ratio(spanImports.ms, imports.floor.ms),
        pairedRatio: spansPaired,
        stagesMs: stageMedians(IMPORT_STAGES, spanSamples),
      },
      replaceText: replaced,
    },
    profiles,
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`figures written to ${o.out}`);
}

async function main(): Promise<number> {
  // `--corpus`: the library at corpus scale, a bench of its own (corpus-bench.ts).
  const argv = process.argv.slice(2);
  if (argv.includes('--corpus')) return (await import('./corpus-bench.js')).corpusBench(argv.filter((a) => a !== '--corpus'));
  let o: Options;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${(e as Error).message}`);
    return 2;
  }
  // Undone last-in first-out, so contexts close before the browser and the server stops last.
  const undo: (() => Promise<void>)[] = [];
  const tidy = async (): Promise<void> => {
    for (const fn of undo.splice(0).reverse()) await fn().catch((e: unknown) => console.error(`bench: cleanup: ${String(e)}`));
  };
  const onSignal = (): void => {
    void tidy().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await run(o, (fn) => undo.push(fn));
    return 0;
  } catch (e) {
    console.error(`bench: measurement failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    await tidy();
  }
}

process.exitCode = await main();
