// The library's full-text index, kept current incrementally in memory: before a search, every
// article whose search key (title, metadata, newest annotation edit, counts: library-rows.ts)
// changed since it was indexed has its passages replaced, and removed articles are discarded.
// Not persisted: the first search of a window session indexes the whole library, in chunks that
// yield to the window between them; later searches touch only what changed.
// Excluded: what a passage is and how hits are grouped (src/corpus/library-search.ts).

import type MiniSearch from 'minisearch';
import type { SpanmarkDb } from '../db/db.js';
import { articlePassages, newSearchIndex, type Passage } from '../../src/corpus/library-search.js';
import type { ShownRow } from './library-rows.js';

const CHUNK = 100;

let index: MiniSearch<Passage> | null = null;
let indexedDb: SpanmarkDb | null = null;
/** Per indexed article: its search key and its passage ids. */
const indexed = new Map<string, { key: string; ids: string[] }>();
let queue: Promise<unknown> = Promise.resolve();

/** The index, brought up to date with `rows` first. Calls run one after another. */
export function currentIndex(db: SpanmarkDb, rows: readonly ShownRow[]): Promise<MiniSearch<Passage>> {
  const run = queue.then(() => sync(db, rows));
  queue = run.catch(() => undefined);
  return run;
}

async function sync(db: SpanmarkDb, rows: readonly ShownRow[]): Promise<MiniSearch<Passage>> {
  if (!index || indexedDb !== db) {
    index = newSearchIndex();
    indexedDb = db;
    indexed.clear();
  }
  const idx = index;
  const present = new Set(rows.map((r) => r.id));
  for (const [id, entry] of indexed) {
    if (!present.has(id)) {
      for (const p of entry.ids) idx.discard(p);
      indexed.delete(id);
    }
  }
  const stale = rows.filter((r) => indexed.get(r.id)?.key !== r.searchKey);
  for (let i = 0; i < stale.length; i += CHUNK) {
    const chunk = stale.slice(i, i + CHUNK);
    const ids = chunk.map((r) => r.id);
    const [articles, annotations] = await Promise.all([db.articles.bulkGet(ids), db.annotations.where('docId').anyOf(ids).toArray()]);
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
      indexed.set(row.id, { key: row.searchKey, ids: passages.map((p) => p.id) });
    });
    if (i + CHUNK < stale.length) await new Promise((r) => setTimeout(r, 0));
  }
  return idx;
}
