// The corpus Worker: parses feeds, hashes texts and writes articles off the window's main thread,
// so the library keeps painting and answering keys while 5,000 articles come in. Its own database
// connection, closed after each import so it never holds up a schema upgrade.

import { describeDbFailure, classifyDbError, openDatabase } from '../db/db.js';
import { importCorpus } from './corpus-import.js';
import type { CorpusReply, ToCorpusWorker } from './corpus-protocol.js';

const scope = self as unknown as {
  postMessage(message: CorpusReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ToCorpusWorker>) => void): void;
};

let queue: Promise<void> = Promise.resolve();
const cancelled = new Set<number>();
scope.postMessage({ kind: 'ready' });

scope.addEventListener('message', (e) => {
  const m = e.data;
  if (m.kind === 'cancel') {
    cancelled.add(m.id);
    return;
  }
  queue = queue.then(() => run(m.id, m.files));
});

async function run(id: number, files: Parameters<typeof importCorpus>[1]): Promise<void> {
  const db = openDatabase();
  try {
    const summary = await importCorpus(
      db,
      files,
      (progress) => scope.postMessage({ id, kind: 'progress', progress }),
      () => cancelled.has(id),
    );
    scope.postMessage({ id, kind: 'done', summary });
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    scope.postMessage({ id, kind: 'failed', message: describeDbFailure(classifyDbError(e), detail) });
  } finally {
    cancelled.delete(id);
    db.close();
  }
}
