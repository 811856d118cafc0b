// The library's full-text index, kept current incrementally: before a search, every article whose
// search key (title, metadata, newest annotation edit, counts: library-rows.ts) changed since it was
// indexed has its passages replaced, and removed articles are discarded. The index is saved in the
// settings table after a search changed it (once searching pauses; a big one when the window is
// hidden or closing, see SAVE_WHILE_SHOWN_PASSAGES), and the first search of the next start loads
// it and touches only what changed meanwhile, instead of reading and indexing every article again.
// What the saved copy costs: MiniSearch keeps each passage's text as a stored field (the result list
// shows it), so it holds the library's text a second time. A saved copy that is missing, of another
// format or damaged is not an error: the library is indexed afresh, as on a first start.
// Excluded: what a passage is and how hits are grouped (src/corpus/library-search.ts).

import type MiniSearch from 'minisearch';
import type { SpanmarkDb } from '../db/db.js';
import { articlePassages, newSearchIndex, restoreSearchIndex, saveSearchIndex, type Passage } from '../../src/corpus/library-search.js';
import { dispatch } from '../app/events.js';
import { searchKeyOf, type ShownRow } from './library-rows.js';
import { readMine } from '../db/my-layer-store.js';

const CHUNK = 100;
/** Settings key of the saved index. */
export const SEARCH_INDEX_SETTING = 'searchIndex';
/** Quiet time after a changing search before the index is saved. */
const SAVE_AFTER_MS = 1_500;

let index: MiniSearch<Passage> | null = null;
let indexedDb: SpanmarkDb | null = null;
/** Per indexed article: its search key and its passage ids. */
const indexed = new Map<string, { key: string; ids: string[] }>();
let queue: Promise<unknown> = Promise.resolve();
let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** The index, brought up to date with `rows` first. Calls run one after another. */
export function currentIndex(db: SpanmarkDb, rows: readonly ShownRow[]): Promise<MiniSearch<Passage>> {
  const run = queue.then(() => sync(db, rows));
  queue = run.catch(() => undefined);
  return run;
}

async function start(db: SpanmarkDb): Promise<{ idx: MiniSearch<Passage>; restored: boolean }> {
  indexed.clear();
  indexedDb = db;
  const saved = await db.settings.get(SEARCH_INDEX_SETTING).catch(() => undefined);
  const restored = saved ? await restoreSearchIndex(saved.value) : undefined;
  if (restored) for (const [id, entry] of restored.articles) indexed.set(id, entry);
  index = restored?.index ?? newSearchIndex();
  return { idx: index, restored: restored !== undefined };
}

async function sync(db: SpanmarkDb, rows: readonly ShownRow[]): Promise<MiniSearch<Passage>> {
  const fresh = !index || indexedDb !== db ? await start(db) : undefined;
  const idx = fresh?.idx ?? index!;
  const present = new Set(rows.map((r) => r.id));
  let removed = 0;
  for (const [id, entry] of indexed) {
    if (!present.has(id)) {
      for (const p of entry.ids) idx.discard(p);
      indexed.delete(id);
      removed += 1;
    }
  }
  const stale = rows.filter((r) => indexed.get(r.id)?.key !== searchKeyOf(r));
  for (let i = 0; i < stale.length; i += CHUNK) {
    const chunk = stale.slice(i, i + CHUNK);
    const ids = chunk.map((r) => r.id);
    const [articles, annotations] = await Promise.all([db.articles.bulkGet(ids), readMine(db, ids)]);
    chunk.forEach((row, j) => {
      const old = indexed.get(row.id);
      if (old) for (const p of old.ids) idx.discard(p);
      indexed.delete(row.id);
      const article = articles[j];
      if (!article) return;
      const passages = articlePassages(
        article,
        annotations.filter((a) => a.docId === row.id),
      );
      idx.addAll(passages);
      indexed.set(row.id, { key: searchKeyOf(row), ids: passages.map((p) => p.id) });
    });
    if (i + CHUNK < stale.length) await new Promise((r) => setTimeout(r, 0));
  }
  if (stale.length > 0 || removed > 0) scheduleSave(db);
  dispatch('spanmark:search-indexed', { restored: fresh?.restored ?? false, reindexed: stale.length, removed, articles: indexed.size });
  return idx;
}

/**
 * Up to this many passages (about 150 articles of wire copy) the index is saved once searching
 * pauses: its copy takes around 100 ms. A bigger one takes seconds to copy in one task (3.7 s for
 * 5,000 articles in npm run bench -- --corpus), so it is saved when the window is hidden or closing,
 * where a long task freezes nothing anyone is looking at; a close that ends before the copy is
 * stored only means the next start indexes what changed since the last saved copy.
 */
const SAVE_WHILE_SHOWN_PASSAGES = 2_000;
let dirty: SpanmarkDb | null = null;

function scheduleSave(db: SpanmarkDb): void {
  clearTimeout(saveTimer);
  dirty = db;
  if ((index?.documentCount ?? 0) > SAVE_WHILE_SHOWN_PASSAGES) return;
  saveTimer = setTimeout(() => void saveNow(), SAVE_AFTER_MS);
}

function saveNow(): Promise<void> {
  const db = dirty;
  dirty = null;
  if (!db) return Promise.resolve();
  // Queued behind any search still running, so the copy saved is never one half brought up to date.
  const run = queue.then(async () => {
    if (!index || indexedDb !== db) return;
    try {
      await db.settings.put({ key: SEARCH_INDEX_SETTING, value: saveSearchIndex(index, indexed) });
    } catch (e) {
      // Not saved (storage full, closing): the next start indexes what it must; nothing is lost.
      console.warn(`Spanmark: the search index was not saved (${String(e)}).`);
    }
  });
  queue = run;
  return run;
}

if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void saveNow();
  });
  window.addEventListener('pagehide', () => void saveNow());
}
