// Reads and writes of my layer, colleagues' layers and review decisions. Each write is one awaited
// transaction, so a caller that gets a resolved promise knows the change is committed (strict
// durability: on disk). Every transaction that changes my layer bumps the document's revision,
// which is what decides whether the layer snapshot may be used.

import type { AnnotationCommand } from '../../src/annotations/commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import { fromColumns, toColumns } from '../../src/annotations/layer-columns.js';
import type { ReviewCommand, ReviewDecision } from '../../src/review/decisions.js';
import type { Article } from '../../src/document/article.js';
import type { SpanmarkDb } from './db.js';
import { colleagueTables, readColleagueLayers } from './colleague-layers-repo.js';

export type SessionCommand = AnnotationCommand | ReviewCommand;

export interface DocumentLayers {
  readonly own: Annotation[];
  /** Colleagues' layers by shown name (colleague-layers-repo.ts). */
  readonly others: Map<string, Annotation[]>;
  readonly decisions: ReviewDecision[];
  /** My layer's revision as read, and whether the snapshot could serve it. */
  readonly revision: number;
  readonly fromSnapshot: boolean;
}

/**
 * My layer: from the snapshot when it is current (its quotes cut from `text`, which the snapshot
 * leaves out), else record by record. Inside a transaction.
 */
export async function readOwnLayer(db: SpanmarkDb, docId: string, text: string): Promise<{ own: Annotation[]; revision: number; fromSnapshot: boolean }> {
  const [rev, snapshot] = await Promise.all([db.layerRevisions.get(docId), db.layerSnapshots.get(docId)]);
  const revision = rev?.revision ?? 0;
  const cached = snapshot !== undefined && snapshot.revision === revision && snapshot.columns !== undefined ? fromColumns(snapshot.columns, docId, text) : undefined;
  if (cached !== undefined) return { own: cached, revision, fromSnapshot: true };
  return { own: await db.annotations.where('docId').equals(docId).toArray(), revision, fromSnapshot: false };
}

/**
 * A document's layers in one read transaction. Without `knownText` the article is read in it too
 * (opening); with it (reloading an open document) the 1 MB text is not read again.
 */
export async function loadLayers(db: SpanmarkDb, docId: string, knownText?: string): Promise<DocumentLayers & { readonly article?: Article }> {
  return db.transaction('r', [db.articles, db.annotations, ...colleagueTables(db), db.reviewDecisions, db.layerRevisions, db.layerSnapshots], async () => {
    const [article, others, decisions] = await Promise.all([
      knownText === undefined ? db.articles.get(docId) : undefined,
      readColleagueLayers(db, docId),
      db.reviewDecisions.where('docId').equals(docId).toArray(),
    ]);
    const text = knownText ?? article?.text;
    const { own, revision, fromSnapshot } = text === undefined ? { own: [], revision: 0, fromSnapshot: false } : await readOwnLayer(db, docId, text);
    return { own, others, decisions, revision, fromSnapshot, ...(article ? { article } : {}) };
  });
}

/** Bumps a document's revision; call inside a transaction that includes layerRevisions. */
export async function bumpRevision(db: SpanmarkDb, docId: string): Promise<number> {
  const revision = ((await db.layerRevisions.get(docId))?.revision ?? 0) + 1;
  await db.layerRevisions.put({ docId, revision });
  return revision;
}

/** Applies a command; resolves with the document's new revision once committed. */
export async function applyToDb(db: SpanmarkDb, cmd: SessionCommand): Promise<number> {
  return db.transaction('rw', [db.annotations, db.reviewDecisions, db.layerRevisions], async () => {
    switch (cmd.kind) {
      case 'create':
        await db.annotations.add(cmd.annotation);
        return bumpRevision(db, cmd.annotation.docId);
      case 'update':
        await db.annotations.put(cmd.after);
        return bumpRevision(db, cmd.after.docId);
      case 'delete':
        await db.annotations.delete(cmd.annotation.id);
        return bumpRevision(db, cmd.annotation.docId);
      case 'review': {
        const { decision, annotation } = cmd;
        if (decision.after) await db.reviewDecisions.put(decision.after);
        else if (decision.before) await db.reviewDecisions.delete(decision.before.id);
        if (annotation.after) await db.annotations.put(annotation.after);
        else if (annotation.before) await db.annotations.delete(annotation.before.id);
        const docId = decision.after?.docId ?? decision.before?.docId ?? annotation.after?.docId ?? annotation.before?.docId ?? '';
        return bumpRevision(db, docId);
      }
    }
  });
}

/**
 * Stores my layer as a snapshot if it is still the committed state at `revision` (no other window
 * or import has written since). Returns whether it was stored.
 */
export async function saveSnapshot(db: SpanmarkDb, docId: string, revision: number, annotations: readonly Annotation[], text: string): Promise<boolean> {
  return db.transaction('rw', [db.layerRevisions, db.layerSnapshots], async () => {
    const current = (await db.layerRevisions.get(docId))?.revision ?? 0;
    if (current !== revision) return false;
    await db.layerSnapshots.put({ docId, revision, columns: toColumns(annotations, text) });
    return true;
  });
}
