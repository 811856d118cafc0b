// Per-document review progress for the library: the same count as the open document's progress
// line, read from the stored layers. Documents without a colleague's layer are skipped without
// reading my annotations, so a library of unreviewed documents costs one count per document.

import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewDecision } from '../../src/review/decisions.js';
import { reviewDifferences, reviewProgress, type ReviewProgress } from '../../src/review/differences.js';
import type { SpanmarkDb } from '../db/db.js';
import { colleagueTables, readColleagueLayers } from '../db/colleague-layers-repo.js';
import { myLayerTables, readMineOf } from '../db/my-layer-store.js';

export async function documentReviewProgress(db: SpanmarkDb, docId: string, me: string): Promise<ReviewProgress | null> {
  if ((await db.colleagueAnnotations.where('docId').equals(docId).count()) === 0) return null;
  const [mine, layers, decisions] = await db.transaction('r', [...myLayerTables(db), ...colleagueTables(db), db.reviewDecisions], () =>
    Promise.all([readMineOf(db, docId), readColleagueLayers(db, docId), db.reviewDecisions.where('docId').equals(docId).toArray()]),
  );
  return reviewProgress(reviewDifferences<Annotation, ReviewDecision>(docId, me, mine, layers, new Map(decisions.map((d) => [d.id, d]))));
}
