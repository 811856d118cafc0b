// The library table's rows: every article's row (articleRows: the article without its text, one
// read, or one record while their pack is current, rows-pack.ts; article-rows.ts keeps both equal
// to the articles) and my layer's per-label counts from their cache (layer-counts.ts: only
// documents whose layer changed since are counted again, from their own annotations, so no
// library open reads every annotation). Which colleagues' layers each article holds (from their
// primary keys: no annotation is read) is read apart, once the rows are drawn (LibraryView), and
// added with withColleagues.
// Excluded: review progress (review-rows.ts), read after the colleagues are known.

import type { SpanmarkDb, LayerCounts } from '../db/db.js';
import type { LibraryRow } from '../../src/corpus/library-table.js';
import type { ArticleMetadata, ReviewStatus } from '../../src/document/article.js';
import type { ArticleRow } from '../db/article-rows.js';
import { readArticleRows, type RowsPack } from '../db/rows-pack.js';
import { summariseLayer } from '../../src/corpus/layer-summary.js';
import { shelfOf } from '../../src/corpus/library-shelf.js';
import { workStatusOf } from '../../src/corpus/work-status.js';
import type { Stamp } from '../store/session-store.js';
import type { LayerKey } from '../../src/review/layer-identity.js';
import { countsCurrent, countsRecord, readCountsCache } from './layer-counts.js';
import { eachMine } from '../db/my-layer-store.js';

export interface ShownRow extends LibraryRow {
  readonly reviewStatus: ReviewStatus;
  /** The article's metadata as read (not copied), for searchKeyOf. */
  readonly metadata: ArticleMetadata;
  /** My layer's newest edit, when it has one (lastEdited falls back to when the article was added). */
  readonly edited?: string;
}

/** Per row object as read: every search checks every row's key, and rows are read anew when they change. */
const searchKeys = new WeakMap<ShownRow, string>();

/**
 * Changes whenever what the search indexes of an article may have (search-index.ts). Worked out
 * only when searching: building it for every row took half of the rows' own cost at first paint.
 * Its form is what saved indexes hold, so it must not change without reindexing every article.
 */
export function searchKeyOf(r: ShownRow): string {
  let key = searchKeys.get(r);
  if (key === undefined) {
    key = `${r.title}\u0000${JSON.stringify(r.metadata)}\u0000${r.edited ?? ''}\u0000${Object.values(r.counts).join(',')}`;
    searchKeys.set(r, key);
  }
  return key;
}

export interface LibraryRows {
  readonly rows: ShownRow[];
  /** Counts worked out afresh in this read, to be stored (saveCounts) so the next open needn't. */
  readonly recounted: LayerCounts[];
  /** The rows were read one by one: their pack, to be stored (storeRowsPack) so the next open needn't. */
  readonly toPack?: RowsPack;
}

/** Documents whose annotations are counted again per read. */
const CHUNK = 250;

function toRow(a: ArticleRow, counts: Readonly<Record<string, number>> | undefined, edited: string | undefined): ShownRow {
  const m = a.metadata ?? {};
  const shelf = shelfOf(a);
  return {
    id: a.id,
    title: a.title,
    ...(m.date ? { date: m.date } : {}),
    ...(m.source ? { source: m.source } : {}),
    status: workStatusOf(a),
    tags: m.tags ?? [],
    counts: counts ?? {},
    lastEdited: edited ?? a.addedAt,
    addedAt: a.addedAt,
    ...(shelf !== 'active' ? { shelf } : {}),
    reviewStatus: a.reviewStatus ?? 'unreviewed',
    metadata: m,
    ...(edited !== undefined ? { edited } : {}),
  };
}

/**
 * Per document, the shown names of the colleague layers it holds (sorted). From the primary keys
 * ([docId, layer, id], in that order) in one request: a cursor over the [docId+layer] index's
 * distinct keys took one step per document and layer, each tracked by the library's live query
 * (~250 ms for 1,500 pairs). Even so, reading 15,000 keys takes longer than the rows themselves,
 * which is why the library reads this after drawing them.
 */
export async function colleaguesByDoc(db: SpanmarkDb): Promise<Map<string, string[]>> {
  const [keys, layers] = await Promise.all([db.colleagueAnnotations.toCollection().primaryKeys(), db.colleagueLayers.toArray()]);
  const shown = new Map(layers.map((l) => [l.key, l.displayName]));
  const out = new Map<string, string[]>();
  let lastDoc: string | undefined;
  let lastLayer: string | undefined;
  for (const [docId, layer] of keys) {
    if (docId === lastDoc && layer === lastLayer) continue;
    lastDoc = docId;
    lastLayer = layer;
    const list = out.get(docId) ?? [];
    list.push(shown.get(layer as LayerKey) ?? layer);
    out.set(docId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.localeCompare(b, 'en'));
  return out;
}

/** The rows with the colleague layers each holds (rows without any stay as they are). */
export function withColleagues(rows: readonly ShownRow[], byDoc: ReadonlyMap<string, readonly string[]>): ShownRow[] {
  return rows.map((r) => {
    const colleagues = byDoc.get(r.id);
    return colleagues ? { ...r, colleagues } : r;
  });
}

/** The rows without their colleagues (withColleagues adds them). */
export async function readLibraryRows(db: SpanmarkDb): Promise<LibraryRows> {
  const [revisions, cache, { rows: articles, toPack }] = await Promise.all([db.layerRevisions.toArray(), readCountsCache(db), readArticleRows(db)]);
  const stamps = new Map<string, Stamp>(
    revisions.map((r) => [r.docId, r.writer === undefined ? { revision: r.revision } : { revision: r.revision, writer: r.writer }]),
  );
  const recounted: LayerCounts[] = [];
  const stale = articles.filter((a) => !countsCurrent(cache.get(a.id), stamps.get(a.id) ?? { revision: 0 })).map((a) => a.id);
  // In chunks of documents, so no one read holds every stale document's annotations (after an import of many layers).
  for (let from = 0; from < stale.length; from += CHUNK) {
    const ids = stale.slice(from, from + CHUNK);
    const byDoc = new Map<string, { label: string; createdAt?: string; updatedAt?: string }[]>(ids.map((id) => [id, []]));
    await eachMine(db, ids, (a) => byDoc.get(a.docId)?.push(a));
    for (const id of ids) {
      const record = countsRecord(id, stamps.get(id) ?? { revision: 0 }, summariseLayer(byDoc.get(id) ?? []));
      cache.set(id, record);
      recounted.push(record);
    }
  }
  const rows = articles.map((a) => {
    const c = cache.get(a.id);
    return toRow(a, c?.counts, c?.lastEdited);
  });
  return toPack ? { rows, recounted, toPack } : { rows, recounted };
}

/** Annotation total over every label. */
export const totalCount = (row: LibraryRow): number => Object.values(row.counts).reduce((s, n) => s + n, 0);
