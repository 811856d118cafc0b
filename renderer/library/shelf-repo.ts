// Deleting, restoring, archiving and for-good deletion of articles: each one awaited strict
// transaction (committed, on disk, before the caller says done). Deleting only marks the article
// (deletedAt); every layer, decision, snapshot and replacement record of it stays, so undoing is
// removing the mark. Only emptying Deleted removes them, all in the same transaction as the
// articles. Excluded: which rows an action acts on (src/corpus/library-shelf.ts).

import type { SpanmarkDb } from '../db/db.js';

/** Marks the articles deleted (those not deleted already); returns the ids it marked. */
export async function deleteArticles(db: SpanmarkDb, ids: readonly string[]): Promise<string[]> {
  const at = new Date().toISOString();
  return db.transaction('rw', db.articles, async () => {
    const found = await db.articles.bulkGet([...ids]);
    const marked = found.filter((a) => a !== undefined && a.deletedAt === undefined).map((a) => a!.id);
    for (const id of marked) await db.articles.update(id, { deletedAt: at });
    return marked;
  });
}

/** Undoes a deletion: the mark goes, and with it the article is back where it was (archived or not). */
export async function restoreArticles(db: SpanmarkDb, ids: readonly string[]): Promise<string[]> {
  return db.transaction('rw', db.articles, async () => {
    const found = await db.articles.bulkGet([...ids]);
    const marked = found.filter((a) => a?.deletedAt !== undefined).map((a) => a!.id);
    // Dexie's update deletes a property set to undefined.
    for (const id of marked) await db.articles.update(id, { deletedAt: undefined });
    return marked;
  });
}

/** Archives (or, with false, un-archives) the articles that are not deleted; returns the ids changed. */
export async function setArchived(db: SpanmarkDb, ids: readonly string[], archived: boolean): Promise<string[]> {
  const at = new Date().toISOString();
  return db.transaction('rw', db.articles, async () => {
    const found = await db.articles.bulkGet([...ids]);
    const changed = found.filter((a) => a !== undefined && a.deletedAt === undefined && (a.archivedAt !== undefined) !== archived).map((a) => a!.id);
    for (const id of changed) await db.articles.update(id, { archivedAt: archived ? at : undefined });
    return changed;
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
  const tables = [db.articles, db.annotations, db.colleagueAnnotations, db.reviewDecisions, db.layerRevisions, db.layerSnapshots, db.layerCounts, db.textReplacements];
  return db.transaction('rw', tables, async () => {
    const found = await db.articles.bulkGet([...ids]);
    const gone = found.filter((a) => a?.deletedAt !== undefined).map((a) => a!.id);
    if (gone.length === 0) return gone;
    await db.annotations.where('docId').anyOf(gone).delete();
    await db.colleagueAnnotations.where('docId').anyOf(gone).delete();
    await db.reviewDecisions.where('docId').anyOf(gone).delete();
    await Promise.all([db.layerRevisions.bulkDelete(gone), db.layerSnapshots.bulkDelete(gone), db.layerCounts.bulkDelete(gone), db.textReplacements.bulkDelete(gone)]);
    await db.articles.bulkDelete(gone);
    return gone;
  });
}
