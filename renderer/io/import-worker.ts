// The import Worker: decodes, validates and writes an export off the window's main thread, so the
// UI keeps painting and answering keys while 10,000 annotations are checked and stored. It opens
// its own connection to the same database (same origin, same strict durability), answers only
// after the transaction has committed, and closes the connection so it never holds up a schema
// upgrade. Imports are run one after another, in the order they were asked for.

import { openDatabase } from '../db/db.js';
import { importExport } from './import.js';
import type { ImportReply, ImportRequest, ToWorker } from './import-protocol.js';

// The renderer project is typed for a window; only what a dedicated worker offers is used here.
const scope = self as unknown as {
  postMessage(message: ImportReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToWorker>) => void): void;
};

let queue: Promise<void> = Promise.resolve();
/** Questions put to the window, by import id, waiting for its answer. */
const answers = new Map<number, (yes: boolean) => void>();
scope.postMessage({ kind: 'ready' });

scope.addEventListener('message', (e) => {
  const m = e.data;
  if (m.kind === 'confirm-answer') {
    answers.get(m.id)?.(m.yes);
    answers.delete(m.id);
    return;
  }
  queue = queue.then(() => run(m));
});

async function run({ id, name, bytes, me }: ImportRequest): Promise<void> {
  const db = openDatabase();
  try {
    const confirmMine = (question: { file: string; annotator: string; count: number }) =>
      new Promise<boolean>((resolve) => {
        answers.set(id, resolve);
        scope.postMessage({ id, kind: 'confirm', question });
      });
    const confirmSchema = (question: { file: string; additions: readonly string[] }) =>
      new Promise<boolean>((resolve) => {
        answers.set(id, resolve);
        scope.postMessage({ id, kind: 'confirm-schema', question });
      });
    const result = await importExport(
      db,
      name,
      bytes,
      me,
      (progress) => scope.postMessage({ id, kind: 'progress', progress }),
      confirmMine,
      confirmSchema,
      (layer) => scope.postMessage({ id, kind: 'layer', layer }),
    );
    scope.postMessage({ id, kind: 'done', result });
  } catch (e) {
    // Opening the database failed (or something unforeseen): nothing was written.
    const message = `${name}: ${e instanceof Error ? e.message : String(e)}`;
    scope.postMessage({ id, kind: 'done', result: { ok: false, error: { code: 'import-failed', message, path: name } } });
  } finally {
    db.close();
  }
}
