// `npm run bench -- --corpus`: the library at corpus scale in real Chromium. One context holds
// 5,000 articles (~25 MB of text) brought in as one JSON Lines feed through File › Open (that import
// is measured), then 100,000 annotations in my layer and three colleagues' layers on 500 articles
// brought in through File › Import as export files; a second context holds the floor, the first
// 50 of those articles by title, plain (no annotations), imported the same way. Every figure is
// taken on both, alternately, in the same run. A measurement, not a test: a missed target exits 0,
// a measurement that could not be taken exits 1.
// Excluded: the long-document figures (bench.ts), and what the export does (exportWholeLibrary is
// the one place that knows which command exports the library and when it is done).

import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../playwright.config.js';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { BENCH_ANNOTATOR } from './case.js';
import { annotationFiles, buildCorpusCase, type CorpusCase } from './corpus-case.js';
import { armDom, collectDom, collectLongTasks, recordLongTasks, type DomMeasured, type DomSpec, type TaskLog } from './corpus-in-page.js';
import { arm, collect, idle, installHarness, NAME_SHIM, type ArmSpec, type Measured } from './in-page.js';
import { mb, ms, pairedRatio, ratio, summarize, table, times, type Row, type Summary } from './report.js';
import { buildRenderer, freePort, startServer, type RunningServer } from './server.js';
import { machineInfo, printMachine } from './machine.js';
import { installationId } from './installation-id.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TIMEOUT_MS = 60_000;
/** An import or an export of the whole corpus may take minutes on a slow machine. */
const LONG_MS = 15 * 60_000;
const SETTLE_MS = 200;
const VIEWPORT = { width: 1280, height: 860 };
/** Milliseconds between keys when a query is typed key by key (a brisk typist). */
const TYPING_GAP_MS = 90;
const TARGETS = { libraryPaintMs: 300, sortFilterMs: 50, searchMs: 100, openRatio: 1.5, importTaskMs: 100 } as const;
const COLLEAGUES = ['Aigerim', 'Dmitri', 'Sophie'] as const;

interface Options {
  readonly build: boolean;
  readonly port: number;
  readonly articles: number;
  readonly annotations: number;
  readonly layerArticles: number;
  readonly floorArticles: number;
  readonly repeats: number;
  readonly exports: number;
  readonly out: string;
  readonly root: string;
}

type Side = 'corpus' | 'floor';
interface Pair<T> {
  corpus: T;
  floor: T;
}
interface Lane {
  readonly side: Side;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly articles: number;
}

function parseArgs(argv: readonly string[]): Options {
  const o = {
    build: true,
    port: 47460,
    articles: 5_000,
    annotations: 100_000,
    layerArticles: 500,
    floorArticles: 50,
    repeats: 7,
    exports: 3,
    out: join(ROOT, 'test-results', 'bench-corpus.json'),
    root: 'dist/renderer',
  };
  const num = (flag: string, v: string | undefined, min: number): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}, not ${JSON.stringify(v)}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--no-build') o.build = false;
    else if (a === '--port') o.port = num(a, argv[++i], 1);
    else if (a === '--articles') o.articles = num(a, argv[++i], 2);
    else if (a === '--annotations') o.annotations = num(a, argv[++i], 0);
    else if (a === '--layer-articles') o.layerArticles = num(a, argv[++i], 1);
    else if (a === '--floor') o.floorArticles = num(a, argv[++i], 1);
    else if (a === '--repeats') o.repeats = num(a, argv[++i], 1);
    else if (a === '--exports') o.exports = num(a, argv[++i], 1);
    else if (a === '--out') o.out = argv[++i] ?? o.out;
    else if (a === '--root') o.root = argv[++i] ?? o.root;
    else
      throw new Error(
        `unknown argument ${a}; usage: bench.ts --corpus [--no-build] [--root DIR] [--port N] [--articles N] [--annotations N] [--layer-articles N] [--floor N] [--repeats N] [--exports N] [--out FILE]`,
      );
  }
  if (o.floorArticles >= o.articles) throw new Error(`--floor (${o.floorArticles}) must be fewer than --articles (${o.articles})`);
  if (o.layerArticles > o.articles) throw new Error(`--layer-articles (${o.layerArticles}) must not exceed --articles (${o.articles})`);
  return o;
}

const log = (msg: string): void => console.log(`bench --corpus: ${msg}`);
const secs = (t0: number): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

function withTimeout<T>(p: Promise<T>, what: string, limit = TIMEOUT_MS + 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer from the page within ${limit} ms`)), limit))),
  ]);
}

async function settle(page: Page, extraMs = SETTLE_MS): Promise<void> {
  await page.waitForTimeout(extraMs);
  await page.evaluate(idle, 2_000);
}

/** Arms the DOM clock, performs the gesture, and returns what the page measured. */
async function timedDom(
  page: Page,
  spec: Omit<DomSpec, 'timeoutMs'>,
  gesture: () => Promise<void>,
  what: string,
  timeoutMs = TIMEOUT_MS,
): Promise<DomMeasured> {
  await page.evaluate(armDom, { ...spec, timeoutMs });
  await gesture();
  return withTimeout(page.evaluate(collectDom), what, timeoutMs + 5_000);
}

async function openLane(side: Side, context: BrowserContext, url: string, articles: number): Promise<Lane> {
  await context.addInitScript({ content: NAME_SHIM });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (e) => console.error(`bench --corpus: [${side}] page error: ${e.message}`));
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
  return { side, context, page, articles };
}

interface FeedImport {
  /** The file chosen (the input's change) → the panel says the import finished, painted. */
  readonly ms: number;
  readonly longestTaskMs: number;
  /** Long tasks over 50 ms while it ran (start after the file was chosen, length). */
  readonly longTasks: TaskLog['tasks'];
  readonly counts: string;
}

/** File › Open with the feed: the corpus Worker parses, hashes and writes it in batches. */
async function importFeed(lane: Lane, path: string): Promise<FeedImport> {
  const { page } = lane;
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(recordLongTasks, 'change' as const);
  const m = await timedDom(
    page,
    { trigger: 'change', selector: '[data-testid="corpus-import-stage"]', textIncludes: 'Import finished' },
    async () => {
      await page.getByTestId('cmd-open-article').click();
      await (await chooser).setFiles(path);
    },
    `[${lane.side}] feed import`,
    LONG_MS,
  );
  const tasks: TaskLog = await page.evaluate(collectLongTasks);
  const counts = (await page.getByTestId('corpus-import-counts').textContent()) ?? '';
  if (!counts.startsWith(`${lane.articles.toLocaleString('en')} added · 0 already in the library · 0 refused`)) {
    throw new Error(`[${lane.side}] the feed import reported “${counts}”, expected ${lane.articles} added`);
  }
  await page.getByTestId('corpus-import-close').click();
  return { ms: m.ms, longestTaskMs: tasks.longestMs, longTasks: tasks.tasks, counts };
}

/** This profile's installation id, so the annotation files say they are mine. */
async function myId(page: Page): Promise<string> {
  const id = await installationId(page);
  if (id === undefined) throw new Error('the profile has no annotator id in its settings');
  return id;
}

/** File › Import of one export file, to spanmark:imported (the app then shows a document of it). */
async function importExportFile(lane: Lane, path: string, expect: { annotations: number; colleague?: string | undefined }): Promise<number> {
  const { page } = lane;
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(arm, { trigger: 'change', event: APP_EVENTS.imported, timeoutMs: LONG_MS } satisfies ArmSpec);
  await page.getByTestId('cmd-import').click();
  await (await chooser).setFiles(path);
  const m: Measured = await withTimeout(page.evaluate(collect), `[${lane.side}] import of ${path}`, LONG_MS + 5_000);
  const s = m.detail as { added?: number; layers?: readonly { annotator: string; annotations: number }[] };
  const got = expect.colleague === undefined ? s.added : s.layers?.find((l) => l.annotator === expect.colleague)?.annotations;
  if (got !== expect.annotations) throw new Error(`[${lane.side}] importing ${path} reported ${JSON.stringify(s)}, expected ${expect.annotations} annotations`);
  return m.ms;
}

const itemSelector = (docId: string): string => `[data-testid="library-item"][data-doc-id="${docId}"]`;

/** From an open article: the Library button → the table's rows painted (its top row the given article). */
async function libraryPaint(lane: Lane, topId: string): Promise<DomMeasured> {
  const { page } = lane;
  await page.getByTestId('article-text').waitFor({ state: 'visible' });
  await settle(page);
  return timedDom(page, { trigger: 'pointerdown', selector: itemSelector(topId) }, () => page.getByTestId('cmd-library').click(), `[${lane.side}] library`);
}

/** From the library: a click on the article's row → spanmark:painted (as bench.ts times "open"). */
async function openFromLibrary(lane: Lane, docId: string): Promise<Measured> {
  const { page } = lane;
  const item = page.locator(itemSelector(docId));
  await item.waitFor({ state: 'visible' });
  await settle(page);
  await page.evaluate(arm, { trigger: 'pointerdown', event: APP_EVENTS.painted, docId, timeoutMs: TIMEOUT_MS } satisfies ArmSpec);
  await item.click();
  return withTimeout(page.evaluate(collect), `[${lane.side}] open`);
}

/** A header's sort button, to the table showing that column sorted that way. */
async function sortBy(lane: Lane, column: 'title' | 'date', dir: 'ascending' | 'descending'): Promise<DomMeasured> {
  const { page } = lane;
  await settle(page);
  return timedDom(
    page,
    { trigger: 'pointerdown', selector: `[role="columnheader"][aria-sort="${dir}"] [data-testid="sort-${column}"]` },
    () => page.getByTestId(`sort-${column}`).click(),
    `[${lane.side}] sort by ${column}`,
  );
}

/** The Source filter set to an outlet (the count then reads "n of N") or back to Any. */
async function filterSource(lane: Lane, source: string): Promise<DomMeasured> {
  const { page } = lane;
  await settle(page);
  const spec = source === '' ? { textExcludes: ' of ' } : { textIncludes: ' of ' };
  return timedDom(
    page,
    { trigger: 'change', selector: '[data-testid="library-count"]', ...spec },
    async () => void (await page.getByTestId('filter-source').selectOption(source)),
    `[${lane.side}] filter`,
  );
}

/** A query typed into the library's search box → the results (or "nothing found") painted. */
async function search(lane: Lane, query: string, timeoutMs = TIMEOUT_MS): Promise<DomMeasured> {
  const { page } = lane;
  const box = page.getByTestId('library-search');
  await box.fill('');
  await page.getByTestId('search-count').waitFor({ state: 'detached' });
  await settle(page);
  return timedDom(page, { trigger: 'input', selector: resultsFor(query) }, () => box.fill(query), `[${lane.side}] search “${query}”`, timeoutMs);
}

/** The results' count once the results shown answer `query` (not an earlier, shorter one). */
const resultsFor = (query: string): string => `.search-results[data-query=${JSON.stringify(query)}] [data-testid="search-count"]`;

/**
 * A query typed key by key, as an analyst types it: all but its last letter first, then the clock
 * runs from the last key, typed as briskly as the others, to the results for the whole query
 * painted (the box searches a burst of keys once it pauses, and a search the earlier keys started
 * may still be running: both count).
 */
async function typedSearch(lane: Lane, query: string): Promise<DomMeasured> {
  const { page } = lane;
  const box = page.getByTestId('library-search');
  await box.fill('');
  await page.getByTestId('search-count').waitFor({ state: 'detached' });
  await settle(page);
  await box.pressSequentially(query.slice(0, -1), { delay: TYPING_GAP_MS });
  return timedDom(page, { trigger: 'input', selector: resultsFor(query) }, () => box.press(query.slice(-1)), `[${lane.side}] typed search “${query}”`);
}

interface ExportSample {
  /** Click → the file downloaded (written). */
  readonly ms: number;
  /** Click → the payload built (spanmark:exported), when the export says so. */
  readonly builtMs?: number;
  readonly bytes: number;
  /** JS heap before the click (after GC) and the most seen while it ran (sampled between tasks). */
  readonly heapBeforeBytes: number;
  readonly heapPeakBytes: number;
}

/**
 * The seam: how the whole library is exported and when that is done. Today that is File › Export
 * library (renderer/io/export.ts builds one string); a streaming export replaces what is clicked
 * and waited for here, and every figure follows.
 */
async function exportWholeLibrary(page: Page): Promise<{ ms: number; builtMs?: number; bytes: number }> {
  const download = page.waitForEvent('download', { timeout: LONG_MS });
  const built = page.evaluate(
    (name) => new Promise<number>((resolve) => window.addEventListener(name, (e) => resolve((e as CustomEvent<{ ms: number }>).detail.ms), { once: true })),
    APP_EVENTS.exported,
  );
  const t0 = performance.now();
  await page.getByTestId('cmd-export-library').click();
  const d = await download;
  const path = await d.path();
  const ms = performance.now() - t0;
  const bytes = statSync(path).size;
  const builtMs = await Promise.race([built, new Promise<undefined>((r) => setTimeout(() => r(undefined), 1_000))]);
  await d.delete();
  return builtMs === undefined ? { ms, bytes } : { ms, builtMs, bytes };
}

async function exportOnce(lane: Lane): Promise<ExportSample> {
  const { page, context } = lane;
  await settle(page);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const used = async (): Promise<number> => ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    const heapBeforeBytes = await used();
    let heapPeakBytes = heapBeforeBytes;
    let sampling = true;
    // Answered on the page's main thread between its tasks: a peak inside one long task is missed.
    const sampler = (async () => {
      while (sampling) {
        heapPeakBytes = Math.max(heapPeakBytes, await used());
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const r = await withTimeout(exportWholeLibrary(page), `[${lane.side}] export`, LONG_MS);
    sampling = false;
    await sampler;
    return { ...r, heapBeforeBytes, heapPeakBytes };
  } finally {
    await cdp.detach();
  }
}

/** Distinct words of six letters or more from the article's text, picked evenly: queries both libraries hold. */
function queryWords(text: string, n: number): string[] {
  const words = [...new Set([...text.matchAll(/\b[A-Za-z]{6,}\b/g)].map((m) => m[0]))];
  if (words.length === 0) throw new Error('the opened article has no words to search for');
  return Array.from({ length: n }, (_, i) => words[Math.floor(((i + 0.5) * words.length) / n)]!);
}

async function run(o: Options, cleanup: (fn: () => Promise<void>) => void): Promise<void> {
  const started = performance.now();
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const load = { start: os.loadavg(), end: [] as number[] };
  const corpusDir = join(ROOT, '..', 'shared', 'corpus');
  const texts = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const perArticle = o.annotations / o.articles;
  if (!Number.isInteger(perArticle)) throw new Error(`--annotations (${o.annotations}) must be a multiple of --articles (${o.articles})`);

  log(`building the feed: ${o.articles} articles from ${texts.length} texts in ${corpusDir}…`);
  const cc: CorpusCase = buildCorpusCase({
    texts,
    articles: o.articles,
    targetBytes: o.articles * 5_000,
    seed: 20220107,
    floorArticles: o.floorArticles,
    layerArticles: o.layerArticles,
  });
  log(
    `feed ${mb(cc.feedBytes.length)} (${cc.feed.textBytes.toLocaleString('en')} bytes of text), floor feed ${mb(cc.floorBytes.length)} (${o.floorArticles} articles); ${secs(started)}`,
  );
  const tmp = mkdtempSync(join(os.tmpdir(), 'spanmark-bench-corpus-'));
  cleanup(async () => rmSync(tmp, { recursive: true, force: true }));
  // Paths, not buffers: Playwright refuses a buffer over 50 MB, and a path is how a user's file arrives.
  const feedPath = join(tmp, cc.feedName);
  const floorPath = join(tmp, cc.floorName);
  writeFileSync(feedPath, cc.feedBytes);
  writeFileSync(floorPath, cc.floorBytes);

  if (o.build) {
    log('building the renderer and its import worker (scripts/build.ts renderer importWorker)…');
    await buildRenderer(ROOT);
  }
  const port = await freePort(o.port);
  const server: RunningServer = await startServer(ROOT, port, o.root, TIMEOUT_MS);
  cleanup(() => server.stop());
  log(`serving ${o.root} at ${server.url}`);

  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  cleanup(() => browser.close());
  const contextOptions = { viewport: VIEWPORT, acceptDownloads: true };
  const browserVersion = browser.version();
  const lanes: Pair<Lane> = {
    floor: await openLane('floor', await browser.newContext(contextOptions), server.url, o.floorArticles),
    corpus: await openLane('corpus', await browser.newContext(contextOptions), server.url, o.articles),
  };
  log(`Chromium ${browserVersion} (in-memory contexts)`);

  log('importing the feeds through File › Open (floor first)…');
  const feeds: Pair<FeedImport> = { floor: await importFeed(lanes.floor, floorPath), corpus: await importFeed(lanes.corpus, feedPath) };
  log(`feed import: ${ms(feeds.corpus.ms)} for ${o.articles} articles (floor ${ms(feeds.floor.ms)}); ${secs(started)}`);

  log(`importing ${o.annotations} annotations of mine and ${COLLEAGUES.length} colleagues' layers on ${o.layerArticles} articles through File › Import…`);
  const me = { id: await myId(lanes.corpus.page), name: BENCH_ANNOTATOR };
  const files: { name: string; documents: number; annotations: number; bytes: number; importMs: number }[] = [];
  for (const f of annotationFiles(cc, {
    perArticle,
    articlesPerFile: 500,
    colleagues: COLLEAGUES,
    perColleagueArticle: 10,
    layerArticles: o.layerArticles,
    seed: 4242,
    generatorVersion: version,
    me,
  })) {
    const path = join(tmp, f.name);
    writeFileSync(path, f.bytes);
    const importMs = await importExportFile(lanes.corpus, path, { annotations: f.annotations, colleague: f.colleague });
    rmSync(path);
    files.push({ name: f.name, documents: f.documents, annotations: f.annotations, bytes: f.bytes.length, importMs });
    log(`  ${f.name}: ${f.annotations} annotations on ${f.documents} articles, ${mb(f.bytes.length)}, imported in ${ms(importMs)}; ${secs(started)}`);
  }
  const built = { seconds: (performance.now() - started) / 1000, files };

  // Alternating which side goes first cancels a steady drift in machine load between the two.
  const order = (i: number): Lane[] => (i % 2 === 0 ? [lanes.corpus, lanes.floor] : [lanes.floor, lanes.corpus]);

  log('library sorted by title in both (the opened article is the top row of each)…');
  for (const lane of order(0)) {
    await lane.page.getByTestId('cmd-library').click();
    await lane.page.getByTestId('library-table-body').waitFor({ state: 'visible' });
    await sortBy(lane, 'title', 'ascending');
    await lane.page.locator(itemSelector(cc.openId)).waitFor({ state: 'visible' });
  }

  log(`sort and filter changes, ${o.repeats} times each way per side…`);
  const sorts: Pair<DomMeasured[]> = { corpus: [], floor: [] };
  const filters: Pair<DomMeasured[]> = { corpus: [], floor: [] };
  // The opened article's outlet: a filter both libraries have rows for (articles are in feed order).
  const outlet = cc.feed.records[cc.articles.findIndex((a) => a.id === cc.openId)]!.source;
  for (let i = 0; i < o.repeats; i++) {
    for (const lane of order(i)) {
      sorts[lane.side].push(await sortBy(lane, 'date', 'descending'));
      sorts[lane.side].push(await sortBy(lane, 'title', 'ascending'));
      filters[lane.side].push(await filterSource(lane, outlet));
      filters[lane.side].push(await filterSource(lane, ''));
    }
  }

  log(`search: the first (the index is built) and ${o.repeats} more per side…`);
  const words = queryWords(cc.articles.find((a) => a.id === cc.openId)!.text, o.repeats + 1);
  const firstSearch: Partial<Pair<DomMeasured>> = {};
  for (const lane of order(0)) firstSearch[lane.side] = await search(lane, words[0]!, LONG_MS);
  const searches: Pair<DomMeasured[]> = { corpus: [], floor: [] };
  for (let i = 0; i < o.repeats; i++) for (const lane of order(i)) searches[lane.side].push(await search(lane, words[i + 1]!));
  const typed: Pair<DomMeasured[]> = { corpus: [], floor: [] };
  for (let i = 0; i < o.repeats; i++) for (const lane of order(i)) typed[lane.side].push(await typedSearch(lane, words[i + 1]!));
  for (const lane of order(0)) {
    await lane.page.getByTestId('library-search').fill('');
    await lane.page.getByTestId('search-count').waitFor({ state: 'detached' });
  }

  log(`library first paint and open from the library, ${o.repeats} times each per side…`);
  for (const lane of order(0)) await openFromLibrary(lane, cc.openId);
  const paints: Pair<DomMeasured[]> = { corpus: [], floor: [] };
  const opens: Pair<Measured[]> = { corpus: [], floor: [] };
  for (let i = 0; i < o.repeats; i++) {
    for (const lane of order(i)) {
      paints[lane.side].push(await libraryPaint(lane, cc.openId));
      opens[lane.side].push(await openFromLibrary(lane, cc.openId));
    }
  }
  const painted = { corpus: (opens.corpus[0]!.detail as { count?: number }).count, floor: (opens.floor[0]!.detail as { count?: number }).count };
  if (painted.floor !== 0 || painted.corpus !== perArticle) {
    throw new Error(`the opened article painted ${painted.corpus} annotations in the corpus and ${painted.floor} in the floor, expected ${perArticle} and 0`);
  }
  for (const lane of order(0)) {
    await lane.page.getByTestId('cmd-library').click();
    await lane.page.locator(itemSelector(cc.openId)).waitFor({ state: 'visible' });
  }

  log(`export of the whole library, ${o.exports} times per side…`);
  const exports: Pair<ExportSample[]> = { corpus: [], floor: [] };
  for (let i = 0; i < o.exports; i++) for (const lane of order(i)) exports[lane.side].push(await exportOnce(lane));
  load.end = os.loadavg();

  const both = <T>(p: Pair<readonly T[]>, value: (t: T) => number): Pair<Summary> & { paired: number } => {
    const c = p.corpus.map(value);
    const f = p.floor.map(value);
    return { corpus: summarize(c), floor: summarize(f), paired: pairedRatio(c, f) };
  };
  const paint = both(paints, (m) => m.ms);
  const sort = both(sorts, (m) => m.ms);
  const filter = both(filters, (m) => m.ms);
  const find = both(searches, (m) => m.ms);
  const findTyped = both(typed, (m) => m.ms);
  const open = both(opens, (m) => m.ms);
  const exp = both(exports, (e) => e.ms);
  const expPeak = both(exports, (e) => e.heapPeakBytes);
  const expBefore = both(exports, (e) => e.heapBeforeBytes);
  const verdicts = {
    libraryPaint: paint.corpus.median < TARGETS.libraryPaintMs,
    sort: sort.corpus.median < TARGETS.sortFilterMs,
    filter: filter.corpus.median < TARGETS.sortFilterMs,
    search: find.corpus.median < TARGETS.searchMs && findTyped.corpus.median < TARGETS.searchMs,
    open: ratio(open.corpus.median, open.floor.median) <= TARGETS.openRatio,
    importTask: feeds.corpus.longestTaskMs < TARGETS.importTaskMs,
  };
  const v = (ok: boolean): 'PASS' | 'MISS' => (ok ? 'PASS' : 'MISS');
  const cell = (s: Summary): string => `${ms(s.median)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;
  const rat = (p: Pair<Summary> & { paired: number }): string => `${times(ratio(p.corpus.median, p.floor.median))} (paired ${times(p.paired)})`;
  const row = (figure: string, p: Pair<Summary> & { paired: number }, target: string, verdict: 'PASS' | 'MISS' | 'info'): Row => ({
    figure,
    annotated: cell(p.corpus),
    floor: cell(p.floor),
    ratio: rat(p),
    target,
    verdict,
  });
  const info = (figure: string, c: string, f: string, r = ''): Row => ({ figure, annotated: c, floor: f, ratio: r, target: '', verdict: 'info' });
  const longest = (l: readonly DomMeasured[]): number => Math.max(0, ...l.map((m) => m.longestTaskMs));
  const n = o.repeats;
  const rows: Row[] = [
    row(`library view: Library button → rows painted, median (min–max), n=${n}`, paint, `< ${TARGETS.libraryPaintMs} ms`, v(verdicts.libraryPaint)),
    row(`sort change (date ▼ / title ▲) → painted, n=${2 * n}`, sort, `< ${TARGETS.sortFilterMs} ms`, v(verdicts.sort)),
    row(`filter change (source / any) → painted, n=${2 * n}`, filter, `< ${TARGETS.sortFilterMs} ms`, v(verdicts.filter)),
    row(`search: query pasted → results painted, n=${n}`, find, `< ${TARGETS.searchMs} ms`, v(find.corpus.median < TARGETS.searchMs)),
    row(
      `search: typed (keys ${TYPING_GAP_MS} ms apart), last key → results painted, n=${n}`,
      findTyped,
      `< ${TARGETS.searchMs} ms`,
      v(findTyped.corpus.median < TARGETS.searchMs),
    ),
    info(
      '  search: the first of the session (builds the index)',
      ms(firstSearch.corpus!.ms),
      ms(firstSearch.floor!.ms),
      times(ratio(firstSearch.corpus!.ms, firstSearch.floor!.ms)),
    ),
    row(`open an article from the library → painted, n=${n}`, open, `≤ ${TARGETS.openRatio}× floor`, v(verdicts.open)),
    {
      figure: `feed import: file chosen → "Import finished" painted, once`,
      annotated: ms(feeds.corpus.ms),
      floor: ms(feeds.floor.ms),
      ratio: times(ratio(feeds.corpus.ms, feeds.floor.ms)),
      target: '',
      verdict: 'info',
    },
    {
      figure: 'feed import: longest main-thread task',
      annotated: ms(feeds.corpus.longestTaskMs),
      floor: ms(feeds.floor.longestTaskMs),
      ratio: '',
      target: `< ${TARGETS.importTaskMs} ms`,
      verdict: v(verdicts.importTask),
    },
    info(
      '  feed import: tasks over 50 ms (ms, at +ms)',
      feeds.corpus.longTasks.map((t) => `${t.ms.toFixed(0)} at +${t.atMs}`).join(', '),
      feeds.floor.longTasks.map((t) => `${t.ms.toFixed(0)} at +${t.atMs}`).join(', '),
    ),
    info(
      `whole-library export: click → file written, median, n=${o.exports}`,
      ms(exp.corpus.median),
      ms(exp.floor.median),
      times(ratio(exp.corpus.median, exp.floor.median)),
    ),
    info(
      '  export: JS heap peak while it ran (before, after GC)',
      `${mb(expPeak.corpus.median)} (${mb(expBefore.corpus.median)})`,
      `${mb(expPeak.floor.median)} (${mb(expBefore.floor.median)})`,
      times(ratio(expPeak.corpus.median, expPeak.floor.median)),
    ),
    info(
      '  export: click → payload built (spanmark:exported), median',
      ms(summarize(exports.corpus.map((e) => e.builtMs ?? Number.NaN)).median),
      ms(summarize(exports.floor.map((e) => e.builtMs ?? Number.NaN)).median),
    ),
    info('  export: file size', mb(exports.corpus[0]!.bytes), mb(exports.floor[0]!.bytes)),
    info(
      '  longest task: library paint / sort / filter / search',
      [paints, sorts, filters, searches].map((l) => longest(l.corpus).toFixed(0)).join(' / ') + ' ms',
      [paints, sorts, filters, searches].map((l) => longest(l.floor).toFixed(0)).join(' / ') + ' ms',
    ),
  ];

  const machine = machineInfo(browserVersion, load);
  printMachine(machine);
  console.log(
    `Case: ${o.articles} articles, ${cc.feed.textBytes.toLocaleString('en')} bytes of text, ${o.annotations} annotations of mine, ${COLLEAGUES.length} colleagues' layers on ${o.layerArticles} articles; ` +
      `floor: ${o.floorArticles} of the same articles, plain; library built in ${built.seconds.toFixed(0)} s`,
  );
  console.log('');
  console.log(
    table(rows, { annotated: `corpus (${o.articles.toLocaleString('en')})`, floor: `floor (${o.floorArticles}, plain)` }, (x) => (x === 'PASS' ? '✔' : '✘')),
  );
  console.log('');

  const result = {
    when: new Date().toISOString(),
    machine,
    options: o,
    case: {
      articles: o.articles,
      textBytes: cc.feed.textBytes,
      feedBytes: cc.feedBytes.length,
      annotations: o.annotations,
      colleagues: COLLEAGUES,
      layerArticles: o.layerArticles,
      floorArticles: o.floorArticles,
      openId: cc.openId,
      queries: words,
      built,
    },
    targets: TARGETS,
    figures: {
      libraryPaintMs: { ...paint, samples: paints, pass: verdicts.libraryPaint },
      sortMs: { ...sort, samples: sorts, pass: verdicts.sort },
      filterMs: { ...filter, samples: filters, pass: verdicts.filter },
      searchMs: { ...find, samples: searches, typed: { ...findTyped, samples: typed, gapMs: TYPING_GAP_MS }, first: firstSearch, pass: verdicts.search },
      openMs: { ...open, samples: opens, ratio: ratio(open.corpus.median, open.floor.median), pass: verdicts.open },
      feedImport: { ...feeds, longestTaskPass: verdicts.importTask },
      export: { ms: exp, heapPeakBytes: expPeak, heapBeforeBytes: expBefore, samples: exports },
    },
  };
  mkdirSync(dirname(o.out), { recursive: true });
  writeFileSync(o.out, `${JSON.stringify(result, null, 2)}\n`);
  log(`figures written to ${o.out}; ${secs(started)} in all`);
}

/** The corpus bench's own entry, called by bench.ts for `--corpus` with the other arguments. */
export async function corpusBench(argv: readonly string[]): Promise<number> {
  let o: Options;
  try {
    o = parseArgs(argv);
  } catch (e) {
    console.error(`bench --corpus: ${(e as Error).message}`);
    return 2;
  }
  // Undone last-in first-out, so contexts close before the browser and the server stops last.
  const undo: (() => Promise<void>)[] = [];
  const tidy = async (): Promise<void> => {
    for (const fn of undo.splice(0).reverse()) await fn().catch((e: unknown) => console.error(`bench --corpus: cleanup: ${String(e)}`));
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
    console.error(`bench --corpus: measurement failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  } finally {
    await tidy();
  }
}
