// Deleting, restoring, archiving and for-good deletion of articles: each one awaited strict
// transaction (committed, on disk, before the caller says done). Deleting only marks the article
// (deletedAt); every layer, decision, snapshot and replacement record of it stays, so undoing is
// putting the marks back as they were. Only emptying Deleted removes them, all in the same
// transaction as the articles. Excluded: which rows an action acts on (src/corpus/library-shelf.ts).

import type { Article } from '../../src/document/article.js';
import type { SpanmarkDb } from '../db/db.js';
import { deleteMineOn, myLayerTables } from '../db/my-layer-store.js';

/** An article's shelf marks before an action changed them: what its undo writes back. */
export interface ShelfBefore {
  readonly id: string;
  readonly archivedAt?: string;
  readonly deletedAt?: string;
}

const before = (a: Article): ShelfBefore => ({
  id: a.id,
  ...(a.archivedAt !== undefined ? { archivedAt: a.archivedAt } : {}),
  ...(a.deletedAt !== undefined ? { deletedAt: a.deletedAt } : {}),
});

type Marks = { archivedAt?: string | undefined; deletedAt?: string | undefined };

/** Sets `changes` on those of `ids` that `pick` accepts, in one transaction; returns their marks before. */
function mark(db: SpanmarkDb, ids: readonly string[], pick: (a: Article) => boolean, changes: Marks): Promise<ShelfBefore[]> {
  return db.transaction('rw', db.articles, async () => {
    const found = (await db.articles.bulkGet([...ids])).filter((a): a is Article => a !== undefined && pick(a));
    // Dexie's update deletes a property set to undefined.
    for (const a of found) await db.articles.update(a.id, changes);
    return found.map(before);
  });
}

/** Marks the articles deleted (those not deleted already). */
export function deleteArticles(db: SpanmarkDb, ids: readonly string[]): Promise<ShelfBefore[]> {
  return mark(db, ids, (a) => a.deletedAt === undefined, { deletedAt: new Date().toISOString() });
}

/** Takes the deletion mark off: the article is back where it was (archived or not). */
export function restoreArticles(db: SpanmarkDb, ids: readonly string[]): Promise<ShelfBefore[]> {
  return mark(db, ids, (a) => a.deletedAt !== undefined, { deletedAt: undefined });
}

/** Archives (or, with false, un-archives) the articles that are not deleted. */
export function setArchived(db: SpanmarkDb, ids: readonly string[], archived: boolean): Promise<ShelfBefore[]> {
  return mark(db, ids, (a) => a.deletedAt === undefined && (a.archivedAt !== undefined) !== archived, {
    archivedAt: archived ? new Date().toISOString() : undefined,
  });
}

/** Undoes an action: each article's marks exactly as they were before it (times included). */
export function putBack(db: SpanmarkDb, marks: readonly ShelfBefore[]): Promise<ShelfBefore[]> {
  return db.transaction('rw', db.articles, async () => {
    const found = await db.articles.bulkGet(marks.map((m) => m.id));
    const out: ShelfBefore[] = [];
    for (const [i, a] of found.entries()) {
      if (!a) continue; // emptied from Deleted since: nothing to put back
      const m = marks[i]!;
      await db.articles.update(a.id, { archivedAt: m.archivedAt, deletedAt: m.deletedAt });
      out.push(before(a));
    }
    return out;
  });
}

/** The deleted articles' ids, from the deletedAt index (no article is read). */
export async function deletedIds(db: SpanmarkDb): Promise<string[]> {
  return db.articles.where('deletedAt').above('').primaryKeys();
}

/**
 * Confirms deletion: the given articles that are (still) marked deleted go for good, with my layer,
 * colleagues' layers, review decisions, revisions, snapshots, counts and replacement records, in
 * one transaction. Returns the ids removed.
 */
export async function purgeDeleted(db: SpanmarkDb, ids: readonly string[]): Promise<string[]> {
  const tables = [
    db.articles,
    ...myLayerTables(db),
    db.colleagueAnnotations,
    db.reviewDecisions,
    db.layerRevisions,
    db.layerSnapshots,
    db.layerCounts,
    db.textReplacements,
  ];
  return db.transaction('rw', tables, async () => {
    const found = await db.articles.bulkGet([...ids]);
    const gone = found.filter((a) => a?.deletedAt !== undefined).map((a) => a!.id);
    if (gone.length === 0) return gone;
    await deleteMineOn(db, gone);
    await db.colleagueAnnotations.where('docId').anyOf(gone).delete();
    await db.reviewDecisions.where('docId').anyOf(gone).delete();
    await Promise.all([
      db.layerRevisions.bulkDelete(gone),
      db.layerSnapshots.bulkDelete(gone),
      db.layerCounts.bulkDelete(gone),
      db.textReplacements.bulkDelete(gone),
    ]);
    await db.articles.bulkDelete(gone);
    return gone;
  });
}
