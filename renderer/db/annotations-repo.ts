// Writes to a layer: each command is one awaited transaction, so a caller that gets a resolved
// promise knows the change is committed (with strict durability, on disk).

import type { AnnotationCommand } from '../../src/annotations/commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { SpanmarkDb } from './db.js';

export async function loadAnnotations(db: SpanmarkDb, docId: string): Promise<Annotation[]> {
  return db.annotations.where('docId').equals(docId).toArray();
}

export async function applyToDb(db: SpanmarkDb, cmd: AnnotationCommand): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
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
    }
  });
}
