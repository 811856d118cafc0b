// The library table's rows, read in two sweeps (every article, every annotation) instead of one
// query per article: with thousands of articles the per-article count queries dominated.
// Excluded: review progress, read per visible row only (LibraryTable's RowProgress).

import type { SpanmarkDb } from '../db/db.js';
import type { LibraryRow } from '../../src/corpus/library-table.js';
import type { ReviewStatus } from '../../src/document/article.js';

export interface ShownRow extends LibraryRow {
  readonly reviewStatus: ReviewStatus;
  /** Changes whenever what the search indexes of this article may have (search-index.ts). */
  readonly searchKey: string;
}
import { workStatusOf } from '../../src/corpus/work-status.js';

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
  await db.articles.each((a) => {
    const m = a.metadata ?? {};
    rows.push({
      id: a.id,
      title: a.title,
      ...(m.date ? { date: m.date } : {}),
      ...(m.source ? { source: m.source } : {}),
      status: workStatusOf(a),
      tags: m.tags ?? [],
      counts: counts.get(a.id) ?? {},
      lastEdited: edited.get(a.id) ?? a.addedAt,
      addedAt: a.addedAt,
      reviewStatus: a.reviewStatus ?? 'unreviewed',
      searchKey: `${a.title}\u0000${JSON.stringify(m)}\u0000${edited.get(a.id) ?? ''}\u0000${counts.get(a.id) ? Object.values(counts.get(a.id)!).join(',') : ''}`,
    });
  });
  return rows;
}

/** Annotation total over every label. */
export const totalCount = (row: LibraryRow): number => Object.values(row.counts).reduce((s, n) => s + n, 0);
