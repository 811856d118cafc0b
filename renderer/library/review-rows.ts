// Review progress for the library's rows: for the articles holding a colleague's layer only (the
// rest have nothing to review), read in chunks of documents (my layer, their layers, decisions by
// the docId index) and counted as the open document's progress line counts them. Read after the
// rows are drawn, so a library with many reviewed articles still paints at once.

import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewDecision } from '../../src/review/decisions.js';
import { reviewDifferences, reviewProgress, type ReviewProgress } from '../../src/review/differences.js';
import type { SpanmarkDb } from '../db/db.js';
import { colleagueTables } from '../db/colleague-layers-repo.js';
import { myLayerTables, readMine } from '../db/my-layer-store.js';

const CHUNK = 50;

function group<T extends { readonly docId: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const l = out.get(x.docId);
    if (l) l.push(x);
    else out.set(x.docId, [x]);
  }
  return out;
}

export async function reviewProgressOf(db: SpanmarkDb, docIds: readonly string[], me: string): Promise<Map<string, ReviewProgress>> {
  const out = new Map<string, ReviewProgress>();
  const names = new Map((await db.colleagueLayers.toArray()).map((l) => [l.key, l.displayName]));
  for (let i = 0; i < docIds.length; i += CHUNK) {
    const ids = docIds.slice(i, i + CHUNK);
    const [mine, theirs, decisions] = await db.transaction('r', [...myLayerTables(db), ...colleagueTables(db), db.reviewDecisions], () =>
      Promise.all([readMine(db, ids), db.colleagueAnnotations.where('docId').anyOf(ids).toArray(), db.reviewDecisions.where('docId').anyOf(ids).toArray()]),
    );
    const mineBy = group(mine);
    const theirsBy = group(theirs);
    const decidedBy = group(decisions);
    for (const id of ids) {
      const layers = new Map<string, Annotation[]>();
      for (const r of theirsBy.get(id) ?? []) {
        const { layer, ...a } = r;
        const name = names.get(layer) ?? layer;
        const list = layers.get(name) ?? [];
        list.push({ ...a, annotator: name });
        layers.set(name, list);
      }
      if (layers.size === 0) continue;
      const decided = new Map((decidedBy.get(id) ?? []).map((d) => [d.id, d]));
      out.set(id, reviewProgress(reviewDifferences<Annotation, ReviewDecision>(id, me, mineBy.get(id) ?? [], layers, decided)));
    }
  }
  return out;
}
