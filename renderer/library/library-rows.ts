// The library table's rows, read in two sweeps (every article, every annotation) instead of one
// query per article: with thousands of articles the per-article count queries dominated.
// Excluded: review progress, read per visible row only (LibraryTable's RowProgress).

import type { SpanmarkDb } from '../db/db.js';
import type { LibraryRow } from '../../src/corpus/library-table.js';
import type { Article, ReviewStatus } from '../../src/document/article.js';

export interface ShownRow extends LibraryRow {
  readonly reviewStatus: ReviewStatus;
  /** Changes whenever what the search indexes of this article may have (search-index.ts). */
  readonly searchKey: string;
}
import { workStatusOf } from '../../src/corpus/work-status.js';

const CHUNK = 250;

function toRow(a: Article, counts: Record<string, number> | undefined, edited: string | undefined): ShownRow {
  const m = a.metadata ?? {};
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
    reviewStatus: a.reviewStatus ?? 'unreviewed',
    searchKey: `${a.title}\u0000${JSON.stringify(m)}\u0000${edited ?? ''}\u0000${counts ? Object.values(counts).join(',') : ''}`,
  };
}

export async function readLibraryRows(db: SpanmarkDb): Promise<ShownRow[]> {
  const counts = new Map<string, Record<string, number>>();
  const edited = new Map<string, string>();
  await db.annotations.each((a) => {
    const c = counts.get(a.docId) ?? {};
    c[a.label] = (c[a.label] ?? 0) + 1;
    counts.set(a.docId, c);
    const t = a.updatedAt ?? a.createdAt;
    const prev = edited.get(a.docId);
    if (t && (prev === undefined || t > prev)) edited.set(a.docId, t);
  });
  const rows: ShownRow[] = [];
  // In chunks by primary key: one read of 5,000 articles (texts and all) was a single long task.
  let after: string | undefined;
  for (;;) {
    const chunk = await (after === undefined ? db.articles.orderBy(':id') : db.articles.where(':id').above(after)).limit(CHUNK).toArray();
    for (const a of chunk) rows.push(toRow(a, counts.get(a.id), edited.get(a.id)));
    if (chunk.length < CHUNK) break;
    after = chunk[chunk.length - 1]!.id;
  }
  return rows;
}

/** Annotation total over every label. */
export const totalCount = (row: LibraryRow): number => Object.values(row.counts).reduce((s, n) => s + n, 0);
