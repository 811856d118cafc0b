// `npm run soak [-- --rounds N --seed S --port P --no-build --keep-profile]`: not part of CI.
// Each round starts Chromium on one persistent profile, checks the library against everything the
// app acknowledged before the previous kill, then tags, relabels, deletes, undoes and imports with
// real keys and mouse, and SIGKILLs the browser's process group at a random moment (often while a
// write is in flight, sometimes while the layer snapshot is being written). What is checked after
// each restart, read raw from IndexedDB: every acknowledged edit is in the records (an edit in
// flight at the kill may be there or not, but whole), the snapshot, when its revision is current,
// holds exactly the records, no id twice, the revision never goes back, and the screen shows the
// records. Excluded: review decisions, notes, several windows (other tests cover those).

import type { Browser, Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/document/article.js';
import type { Annotation } from '../../src/annotations/types.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../src/codecs/spanmark-v1/encode.js';
import { buildRenderer, freePort, startServer } from '../bench/server.js';
import { killHard, launchKillable, waitForCdpGone, waitForGroupExit } from '../e2e/fixtures/cdp-chromium.js';
import { SpanmarkApp } from '../e2e/pages/app.js';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { byId, checkAction, decodeColumns, diffRecords, lostIds, type Action, type Ann, type Records, type UndoEntry } from './model.js';
import { seeded, type Rng } from './prng.js';
import { readAnnotatorId, readRawState, type RawArticle, type RawState } from './raw-store.js';
import { DEFAULT_SCHEMA } from '../../src/labels/schema.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// The default schema's labels: the soak run works on a library that kept them.
const LABELS = DEFAULT_SCHEMA.labels.map((l) => l.id);
const KEY: Record<string, string> = Object.fromEntries(DEFAULT_SCHEMA.labels.flatMap((l) => (l.hotkey === undefined ? [] : [[l.id, l.hotkey]])));
const COLLEAGUE = 'Aigerim';
const ACK_TIMEOUT_MS = 20_000;

interface Options {
  rounds: number;
  seed: number;
  port: number;
  build: boolean;
  keepProfile: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const o: Options = {
    rounds: 100,
    seed: (Date.now() ^ (process.pid << 16)) >>> 0,
    port: Number(process.env['SPANMARK_SOAK_PORT'] ?? 47460),
    build: true,
    keepProfile: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a whole number, got ${JSON.stringify(argv[i])}`);
      return v;
    };
    if (a === '--rounds') o.rounds = num();
    else if (a === '--seed') o.seed = num() >>> 0;
    else if (a === '--port') o.port = num();
    else if (a === '--no-build') o.build = false;
    else if (a === '--keep-profile') o.keepProfile = true;
    else throw new Error(`unknown option ${a} (known: --rounds N, --seed S, --port P, --no-build, --keep-profile)`);
  }
  return o;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Counts the app's acknowledgements as they reach Node; only these count as acknowledged. */
class Acks {
  saved = 0;
  imported = 0;
  async attach(page: Page): Promise<void> {
    await page.exposeBinding('__soakAck', (_src, kind: string) => {
      if (kind === APP_EVENTS.saved) this.saved += 1;
      else this.imported += 1;
    });
    await page.evaluate(
      (names) => {
        for (const t of names) window.addEventListener(t, () => void (window as unknown as { __soakAck(k: string): Promise<void> }).__soakAck(t));
      },
      [APP_EVENTS.saved, APP_EVENTS.imported],
    );
  }
  count(kind: Action['kind']): number {
    return kind === 'import' ? this.imported : this.saved;
  }
  async waitPast(kind: Action['kind'], before: number, timeoutMs = ACK_TIMEOUT_MS): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (this.count(kind) <= before) {
      if (Date.now() > until) return false;
      await sleep(5);
    }
    return true;
  }
}

/** Words of the sample that occur once, bounded by neither a letter, digit, hyphen nor apostrophe: a drag selects exactly them. */
function candidateWords(text: string): { word: string; start: number }[] {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(/[A-Za-z]{5,}/g)) seen.set(m[0], (seen.get(m[0]) ?? 0) + 1);
  const out: { word: string; start: number }[] = [];
  for (const [word] of [...seen].filter(([w, n]) => n === 1 && text.split(w).length === 2)) {
    const start = text.indexOf(word);
    const around = (text[start - 1] ?? ' ') + (text[start + word.length] ?? ' ');
    if (!/[\p{L}\p{N}\-'’]/u.test(around)) out.push({ word, start });
  }
  return out;
}

interface InFlight {
  readonly action: Action;
  readonly acked: boolean;
}

interface Totals {
  actions: Record<Action['kind'], number>;
  acknowledged: number;
  killsMidWrite: number;
  inFlightLanded: number;
  killsIdle: number;
  killsAfterAck: number;
  driverErrors: number;
  lostEdits: number;
  unexpectedChanges: number;
  snapshotsCurrent: number;
  snapshotsStale: number;
  snapshotMismatches: number;
  duplicateIds: number;
  screenMismatches: number;
  actionMismatches: number;
  failures: string[];
}

async function firstPage(browser: Browser): Promise<Page> {
  const until = Date.now() + 30_000;
  for (;;) {
    const page = browser.contexts()[0]?.pages()[0];
    if (page) return page;
    if (Date.now() > until) throw new Error('the browser opened no page');
    await sleep(50);
  }
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  console.log(`soak: seed ${o.seed}, ${o.rounds} rounds (replay: npm run soak -- --seed ${o.seed} --rounds ${o.rounds})`);
  if (o.build) await buildRenderer(ROOT);
  const port = await freePort(o.port, 10);
  const server = await startServer(ROOT, port, 'dist/renderer', 60_000);
  const profile = mkdtempSync(join(tmpdir(), 'spanmark-soak-'));
  const rng = seeded(o.seed);
  const totals: Totals = {
    actions: { tag: 0, relabel: 0, delete: 0, undo: 0, import: 0 },
    acknowledged: 0,
    killsMidWrite: 0,
    inFlightLanded: 0,
    killsIdle: 0,
    killsAfterAck: 0,
    driverErrors: 0,
    lostEdits: 0,
    unexpectedChanges: 0,
    snapshotsCurrent: 0,
    snapshotsStale: 0,
    snapshotMismatches: 0,
    duplicateIds: 0,
    screenMismatches: 0,
    actionMismatches: 0,
    failures: [],
  };
  const started = Date.now();
  // What the app acknowledged, as read back from the store right after each acknowledgement.
  let acked: Records = new Map();
  let ackedLayer: Records = new Map();
  let ackedRevision = 0;
  let inFlight: InFlight | undefined;
  let article: RawArticle | undefined;
  let words: { word: string; start: number }[] = [];
  let me: string;
  let myId: string | undefined;
  // The browser of the round under way, killed by its process group if the soak itself fails.
  let running: ChildProcess | undefined;
  try {
    // One start more than rounds: the last only checks what the last kill left.
    for (let round = 0; round <= o.rounds; round++) {
      const t0 = Date.now();
      const fail = (check: string, detail: string) => {
        totals.failures.push(`round ${round} (seed ${o.seed}): ${check}: ${detail}`);
        console.log(`  FAIL ${check}: ${detail}`);
      };
      const { browser, proc, port: cdpPort } = await launchKillable(profile, server.url);
      running = proc;
      const page = await firstPage(browser);
      page.setDefaultTimeout(30_000);
      // The e2e tests' window size: a headless default window lays the side panel over its rows.
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
      const acks = new Acks();
      await acks.attach(page);
      const app = new SpanmarkApp(page);
      const title = page.getByTestId('article-title');
      if (round === 0) await app.openSample();
      else if (
        !(await title.waitFor({ timeout: 15_000 }).then(
          () => true,
          () => false,
        ))
      )
        await app.openSample();
      me = ((await page.getByTestId('annotator').textContent()) ?? '').replace(/^Annotating as /, '');
      myId ??= await readAnnotatorId(page);

      // After a restart: everything acknowledged is there, and the copies agree.
      const state = await readRawState(page, article?.id ?? (await readRawState(page, undefined)).articles[0]?.id);
      if (state.articles.length !== 1) fail('library', `${state.articles.length} documents, expected the sample alone`);
      article ??= state.articles[0]!;
      if (words.length === 0) words = candidateWords(article.text);
      const records = byId(state.records);
      const layer = byId(state.layer);
      let verdict = 'first start';
      if (round > 0) {
        const a = inFlight?.action;
        const applied = a ? checkAction(a, acked, records, me, article.text).problems : ['no edit in flight'];
        const unchanged = diffRecords(acked, records);
        const layerApplied = a?.kind === 'import' ? diffRecords(byId(a.layer), layer) : ['no import in flight'];
        const layerUnchanged = diffRecords(ackedLayer, layer);
        let landed: boolean | undefined;
        if (!a) {
          if (unchanged.length) fail('acknowledged edits', unchanged.join('; '));
          if (layerUnchanged.length) fail('colleague layer', layerUnchanged.join('; '));
          landed = undefined;
        } else if (inFlight!.acked) {
          if (applied.length) {
            totals.lostEdits += 1;
            fail(`acknowledged ${a.kind} before the kill`, applied.join('; '));
          }
          if (a.kind === 'import' && layerApplied.length) fail('acknowledged import: colleague layer', layerApplied.join('; '));
          if (a.kind !== 'import' && layerUnchanged.length) fail('colleague layer', layerUnchanged.join('; '));
          landed = true;
        } else {
          // Unacknowledged: either wholly there or wholly absent.
          const ownIn = applied.length === 0;
          const ownOut = unchanged.length === 0;
          const layerIn = a.kind !== 'import' ? ownIn : layerApplied.length === 0;
          const layerOut = layerUnchanged.length === 0;
          if (!(ownIn || ownOut))
            fail(`records after a kill during ${a.kind}`, `neither before (${unchanged.join('; ')}) nor after it (${applied.join('; ')})`);
          else if (a.kind === 'import' && !((ownIn && layerIn) || (ownOut && layerOut)))
            fail(
              'import atomicity',
              `my layer ${ownIn ? 'imported' : 'not imported'} but colleague layer ${layerIn ? 'imported' : layerOut ? 'not imported' : 'neither'}`,
            );
          else if (a.kind !== 'import' && !layerOut) fail('colleague layer', layerUnchanged.join('; '));
          landed = ownIn && !ownOut ? true : ownOut ? false : undefined;
          if (landed) totals.inFlightLanded += 1;
        }
        const lost = lostIds(acked, records).filter((id) => !(a && touches(a, id)));
        totals.lostEdits += lost.length;
        if (lost.length) fail('lost acknowledged edits', lost.join(', '));
        verdict = !a
          ? 'idle kill'
          : `kill during ${a.kind} ${inFlight!.acked ? '(acknowledged)' : landed ? '(unacknowledged, landed)' : '(unacknowledged, not written)'}`;
      }
      if (state.revision !== undefined && state.revision < ackedRevision) fail('revision', `went back from ${ackedRevision} to ${state.revision}`);
      const ids = state.records.map((r) => r.id);
      if (new Set(ids).size !== ids.length) {
        totals.duplicateIds += 1;
        fail('duplicate ids', 'in the records');
      }
      const snap = checkSnapshot(state, records, article, totals, fail);
      const screen = await checkScreen(page, records);
      if (screen.length) {
        totals.screenMismatches += 1;
        fail('screen', screen.join('; '));
      }
      acked = records;
      ackedLayer = layer;
      ackedRevision = state.revision ?? 0;
      inFlight = undefined;
      if (round === o.rounds) {
        await killHard(proc);
        await waitForGroupExit(proc.pid!);
        console.log(
          `final start  after ${verdict}: ${records.size} records (rev ${state.revision ?? 0}), ${snap}, screen ${screen.length ? 'MISMATCH' : 'ok'}`,
        );
        break;
      }

      // This round's edits, and the kill.
      const undo: UndoEntry[] = [];
      const n = rng.int(1, 8);
      const killAt = rng.int(0, n); // n: after the last acknowledgement, with the layer quiet or its snapshot being written
      const done: Record<string, number> = {};
      const checked = `${verdict}: ${records.size} records (rev ${state.revision ?? 0}), ${snap}, screen ${screen.length ? 'MISMATCH' : 'ok'}`;
      let quietSnapshots = 0;
      let ackedHere = 0;
      for (let i = 0; i < n; i++) {
        const action = await chooseAction(rng, page, acked, undo, words, article, me, () => `aig-${rng.int(0, 11)}`);
        totals.actions[action.kind] += 1;
        done[action.kind] = (done[action.kind] ?? 0) + 1;
        const before = acks.count(action.kind);
        try {
          await perform(app, action, article, me, myId);
        } catch (e) {
          // The driver could not do it (not a finding about the store): note it and end the round.
          totals.driverErrors += 1;
          console.log(`  driver could not ${action.kind}: ${String(e).split('\n')[0]}`);
          inFlight = { action, acked: acks.count(action.kind) > before };
          break;
        }
        if (i === killAt) {
          await sleep(rng.pick([0, 0, 1, 3, 8, 15, 30, 60, 120]));
          const seen = acks.count(action.kind) > before;
          inFlight = { action, acked: seen };
          if (seen) totals.killsAfterAck += 1;
          else totals.killsMidWrite += 1;
          break;
        }
        if (!(await acks.waitPast(action.kind, before))) {
          fail(`${action.kind}`, `not acknowledged within ${ACK_TIMEOUT_MS} ms`);
          inFlight = { action, acked: false };
          break;
        }
        ackedHere += 1;
        totals.acknowledged += 1;
        // Sometimes a pause past the snapshot delay, so snapshots are written and checked mid-round.
        if (rng.chance(0.2)) await sleep(rng.int(1500, 2200));
        const after = await readRawState(page, article.id);
        const now = byId(after.records);
        if (after.revision !== undefined && after.revision < ackedRevision)
          fail('revision', `went back from ${ackedRevision} to ${after.revision} without a restart`);
        if (checkSnapshot(after, now, article, totals, fail).startsWith('snapshot current')) quietSnapshots += 1;
        const { problems, created } = checkAction(action, acked, now, me, article.text);
        if (action.kind === 'import') problems.push(...diffRecords(byId(action.layer), byId(after.layer)));
        if (problems.length) {
          totals.actionMismatches += 1;
          fail(`${action.kind} as acknowledged`, problems.join('; '));
        }
        if (action.kind === 'tag' && created) undo.push({ kind: 'create', annotation: created });
        else if (action.kind === 'relabel') undo.push({ kind: 'update', before: acked.get(action.id)!, after: now.get(action.id)! });
        else if (action.kind === 'delete') undo.push({ kind: 'delete', annotation: acked.get(action.id)! });
        else if (action.kind === 'undo') undo.pop();
        acked = now;
        ackedLayer = byId(after.layer);
        ackedRevision = after.revision ?? 0;
      }
      if (!inFlight) {
        totals.killsIdle += 1;
        await sleep(rng.pick([0, 200, 800, 1400, 1500, 1520, 1550, 1600, 1700, 2500]));
      }
      await killHard(proc);
      await waitForCdpGone(cdpPort);
      await waitForGroupExit(proc.pid!);
      const summary = `${Object.values(done).reduce((x, y) => x + y, 0)} actions (${Object.entries(done)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`;
      console.log(
        `round ${String(round + 1).padStart(3)}/${o.rounds}  after ${checked}  |  ${summary}: ${ackedHere} acknowledged${quietSnapshots ? `, ${quietSnapshots} current snapshot(s) = records` : ''}, then ${inFlight ? `kill during ${inFlight.action.kind}${inFlight.acked ? ' (acknowledged)' : ' (mid-write)'}` : 'kill at idle'}  ${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }
  } finally {
    if (running) {
      await killHard(running);
      await waitForGroupExit(running.pid!).catch(() => undefined);
    }
    await server.stop();
    if (o.keepProfile || totals.failures.length) console.log(`profile kept at ${profile}`);
    else rmSync(profile, { recursive: true, force: true });
  }
  const secs = (Date.now() - started) / 1000;
  const a = totals.actions;
  console.log('\nsoak summary');
  console.log(`  seed ${o.seed}; ${o.rounds} rounds in ${(secs / 60).toFixed(1)} min (${(secs / Math.max(1, o.rounds)).toFixed(1)} s a round)`);
  console.log(
    `  actions ${a.tag + a.relabel + a.delete + a.undo + a.import} (tag ${a.tag}, relabel ${a.relabel}, delete ${a.delete}, undo ${a.undo}, import ${a.import}); acknowledged and read back ${totals.acknowledged}`,
  );
  console.log(
    `  kills: ${totals.killsMidWrite} mid-write (edit unacknowledged; it landed whole ${totals.inFlightLanded} times, was absent whole the others), ${totals.killsAfterAck} just after an acknowledgement, ${totals.killsIdle} at idle`,
  );
  console.log(`  lost acknowledged edits: ${totals.lostEdits}; edits not as acknowledged: ${totals.actionMismatches}`);
  console.log(
    `  snapshots found at the current revision and compared with the records: ${totals.snapshotsCurrent} (older, which the app ignores: ${totals.snapshotsStale}); mismatches: ${totals.snapshotMismatches}`,
  );
  console.log(
    `  duplicate ids: ${totals.duplicateIds}; screen mismatches: ${totals.screenMismatches}; actions the driver could not do: ${totals.driverErrors}`,
  );
  console.log(totals.failures.length ? `  FAILED checks: ${totals.failures.length}\n    ${totals.failures.join('\n    ')}` : '  all checks passed');
  process.exitCode = totals.failures.length ? 1 : 0;
}

/**
 * The layer snapshot against the records read in the same transaction: when it claims the current
 * revision it must hold exactly the records; an older one is ignored by the app; a newer one is wrong.
 */
function checkSnapshot(state: RawState, records: Records, article: RawArticle, totals: Totals, fail: (check: string, detail: string) => void): string {
  if (!state.snapshot) return 'no snapshot';
  const current = state.revision ?? 0;
  if (state.snapshot.revision > current) {
    totals.snapshotMismatches += 1;
    fail('snapshot', `revision ${state.snapshot.revision} is ahead of the records' ${current}`);
    return 'snapshot AHEAD';
  }
  if (state.snapshot.revision < current || (!state.snapshot.columns && !state.snapshot.chunked)) {
    totals.snapshotsStale += 1;
    return `snapshot stale (rev ${state.snapshot.revision} < ${current})`;
  }
  totals.snapshotsCurrent += 1;
  const decoded = state.snapshot.chunked ?? decodeColumns(state.snapshot.columns!, article.id, article.text);
  const problems = typeof decoded === 'string' ? [decoded] : diffRecords(records, byId(decoded));
  if (typeof decoded !== 'string' && new Set(decoded.map((d) => d.id)).size !== decoded.length) {
    totals.duplicateIds += 1;
    problems.push('an id twice in the snapshot');
  }
  if (problems.length) {
    totals.snapshotMismatches += 1;
    fail(`snapshot at current revision ${current}`, problems.join('; '));
    return 'snapshot MISMATCH';
  }
  return `snapshot current (rev ${current}) = records`;
}

/** Whether the in-flight action may change annotation `id`. */
function touches(a: Action, id: string): boolean {
  if (a.kind === 'relabel' || a.kind === 'delete') return a.id === id;
  if (a.kind === 'undo') return (a.entry.kind === 'update' ? a.entry.before.id : a.entry.annotation.id) === id;
  if (a.kind === 'import') return a.own.some((x) => x.id === id);
  return false;
}

async function chooseAction(
  rng: Rng,
  page: Page,
  acked: Records,
  undo: readonly UndoEntry[],
  words: readonly { word: string; start: number }[],
  article: RawArticle,
  me: string,
  colleagueId: () => string,
): Promise<Action> {
  const rows = (await page.getByTestId('annotation-row').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset['id'] ?? ''))).filter((id) =>
    acked.has(id),
  );
  const weights: [Action['kind'], number][] = [
    ['tag', acked.size > 40 ? 15 : 40],
    ['relabel', rows.length ? 20 : 0],
    ['delete', rows.length ? (acked.size > 40 ? 40 : 8) : 0],
    ['undo', undo.length ? 15 : 0],
    ['import', 12],
  ];
  let r = rng.next() * weights.reduce((s, [, w]) => s + w, 0);
  const kind = weights.find(([, w]) => (r -= w) < 0)?.[0] ?? 'tag';
  const otherLabel = (l: string) => rng.pick(LABELS.filter((x) => x !== l));
  switch (kind) {
    case 'tag': {
      // Not a span already tagged so: the app then selects it and says so, and saves nothing.
      const taken = new Set([...acked.values()].map((a) => `${a.start}:${a.end}:${a.label}`));
      for (let tries = 0; ; tries++) {
        const w = rng.pick(words);
        const label = rng.pick(LABELS);
        if (!taken.has(`${w.start}:${w.start + w.word.length}:${label}`)) return { kind, word: w.word, start: w.start, end: w.start + w.word.length, label };
        if (tries > 1000) throw new Error('every word is already tagged with every label');
      }
    }
    case 'relabel': {
      const id = rng.pick(rows);
      return { kind, id, label: otherLabel(acked.get(id)!.label) };
    }
    case 'delete':
      return { kind, id: rng.pick(rows) };
    case 'undo':
      return { kind, entry: undo[undo.length - 1]! };
    case 'import': {
      const now = new Date().toISOString();
      const own: Ann[] = [];
      const existing = [...acked.values()];
      for (let k = rng.int(0, 3); k > 0; k--) {
        const variant = existing.length ? rng.pick(['older', 'newer', 'same', 'new'] as const) : 'new';
        if (variant === 'new') {
          const w = rng.pick(words);
          own.push({
            id: randomUUID(),
            docId: article.id,
            label: rng.pick(LABELS),
            start: w.start,
            end: w.start + w.word.length,
            quote: w.word,
            annotator: me,
            createdAt: now,
            updatedAt: now,
          });
        } else {
          const x = rng.pick(existing);
          if (own.some((o) => o.id === x.id)) continue;
          own.push(variant === 'same' ? x : { ...x, label: otherLabel(x.label), updatedAt: variant === 'older' ? '2001-01-01T00:00:00.000Z' : now });
        }
      }
      const layer = new Map<string, Ann>();
      for (let k = rng.int(1, 4); k > 0; k--) {
        const w = rng.pick(words);
        const id = colleagueId();
        layer.set(id, {
          id,
          docId: article.id,
          label: rng.pick(LABELS),
          start: w.start,
          end: w.start + w.word.length,
          quote: w.word,
          annotator: COLLEAGUE,
          createdAt: '2022-01-08T10:00:00.000Z',
          updatedAt: '2022-01-08T10:00:00.000Z',
        });
      }
      return { kind, own, colleague: COLLEAGUE, layer: [...layer.values()] };
    }
  }
}

/** Does the action the way an analyst would: mouse and keys, File › Import with a file. */
async function perform(app: SpanmarkApp, action: Action, article: RawArticle, me: string, myId: string | undefined): Promise<void> {
  const page = app.page;
  switch (action.kind) {
    case 'tag':
      await app.select(action.word);
      await page.keyboard.press(KEY[action.label]!);
      return;
    case 'relabel':
    case 'delete':
      await page.locator(`[data-testid="annotation-row"][data-id="${action.id}"]`).click();
      await page.keyboard.press(action.kind === 'delete' ? 'Delete' : KEY[action.label]!);
      return;
    case 'undo':
      await page.keyboard.press('Control+z');
      return;
    case 'import': {
      const file = encodeSpanmarkV1({
        documents: [{ article: article as unknown as Article, annotations: [...action.own, ...action.layer] as Annotation[] }],
        exportedAt: new Date().toISOString(),
        generatorVersion: `soak (${me})`,
        // As this installation's own export says: my annotations are mine without asking.
        ...(myId !== undefined ? { exportedBy: { id: myId, name: me } } : {}),
      });
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('cmd-import').click();
      await (await chooser).setFiles({ name: 'colleague.spanmark.json', mimeType: 'application/json', buffer: Buffer.from(serializeSpanmarkV1(file)) });
      return;
    }
  }
}

/** The side panel shows the records: the total, and each rendered row's label and quote. */
async function checkScreen(page: Page, records: Records): Promise<string[]> {
  const total = page.getByTestId('annotation-total');
  const until = Date.now() + 15_000;
  while ((await total.textContent().catch(() => null)) !== String(records.size)) {
    if (Date.now() > until) return [`the panel shows ${await total.textContent().catch(() => '?')} annotations, the records hold ${records.size}`];
    await sleep(50);
  }
  await sleep(50); // the rows follow the total in a deferred render
  const rows = await page.getByTestId('annotation-row').evaluateAll((els) =>
    els.map((r) => ({
      id: (r as HTMLElement).dataset['id'] ?? '',
      label: r.querySelector<HTMLElement>('[data-label]')?.dataset['label'] ?? '',
      quote: r.querySelector('.quote')?.textContent ?? '',
    })),
  );
  const out: string[] = [];
  if (new Set(rows.map((r) => r.id)).size !== rows.length) out.push('a row twice');
  for (const r of rows) {
    const a = records.get(r.id);
    if (!a) out.push(`row ${r.id} (${r.label}:${r.quote}) is not in the records`);
    else if (a.label !== r.label || !a.quote.startsWith(r.quote.replace(/…$/, '')))
      out.push(`row ${r.id} shows ${r.label}:${r.quote}, the record is ${a.label}:${a.quote}`);
  }
  if (records.size <= 10 && rows.length !== records.size) out.push(`${rows.length} rows for ${records.size} records`);
  return out;
}

process.on('unhandledRejection', (e) => {
  // A page promise left behind by a kill is expected; anything else is printed, not swallowed.
  if (!/Target (page, context or browser )?(has been )?closed|Browser has been closed|WebSocket|disconnected/i.test(String(e)))
    console.error('unhandled rejection:', e);
});

await main();
