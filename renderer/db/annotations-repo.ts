// Writes to my layer and to review decisions: each command is one awaited transaction, so a
// caller that gets a resolved promise knows the change is committed (strict durability: on disk).

import type { AnnotationCommand } from '../../src/annotations/commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewCommand, ReviewDecision } from '../../src/review/decisions.js';
import type { SpanmarkDb } from './db.js';

export type SessionCommand = AnnotationCommand | ReviewCommand;

export interface DocumentLayers {
  readonly own: Annotation[];
  /** Colleagues' layers by annotator. */
  readonly others: Map<string, Annotation[]>;
  readonly decisions: ReviewDecision[];
}

export async function loadLayers(db: SpanmarkDb, docId: string): Promise<DocumentLayers> {
  return db.transaction('r', db.annotations, db.layerAnnotations, db.reviewDecisions, async () => {
    const [own, theirs, decisions] = await Promise.all([
      db.annotations.where('docId').equals(docId).toArray(),
      db.layerAnnotations.where('docId').equals(docId).toArray(),
      db.reviewDecisions.where('docId').equals(docId).toArray(),
    ]);
    const others = new Map<string, Annotation[]>();
    for (const a of theirs) {
      const list = others.get(a.annotator) ?? [];
      list.push(a);
      others.set(a.annotator, list);
    }
    return { own, others, decisions };
  });
}

export async function applyToDb(db: SpanmarkDb, cmd: SessionCommand): Promise<void> {
  await db.transaction('rw', db.annotations, db.reviewDecisions, async () => {
    switch (cmd.kind) {
      case 'create':
        await db.annotations.add(cmd.annotation);
        return;
      case 'update':
        await db.annotations.put(cmd.after);
        return;
      case 'delete':
        await db.annotations.delete(cmd.annotation.id);
        return;
      case 'review': {
        const { decision, annotation } = cmd;
        if (decision.after) await db.reviewDecisions.put(decision.after);
        else if (decision.before) await db.reviewDecisions.delete(decision.before.id);
        if (annotation.after) await db.annotations.put(annotation.after);
        else if (annotation.before) await db.annotations.delete(annotation.before.id);
        return;
      }
    }
  });
}
