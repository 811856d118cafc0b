// The window's side of a batch import: hands the files to the corpus Worker, relays its progress
// and passes on a cancel. Should the worker not start (a shell that refuses workers), the same
// import runs in the window: slower to paint, with the same batches and outcomes.

import type { SpanmarkDb } from '../db/db.js';
import { importCorpus, type CorpusFile, type CorpusProgress, type CorpusSummary } from './corpus-import.js';
import { CORPUS_WORKER_FILE, type CorpusReply, type ToCorpusWorker } from './corpus-protocol.js';
import { startWorker, type WorkerMessage } from './worker-start.js';

export type CorpusResult = { readonly ok: true; readonly summary: CorpusSummary } | { readonly ok: false; readonly message: string };

export interface CorpusRun {
  readonly result: Promise<CorpusResult>;
  cancel(): void;
}

export interface CorpusImporter {
  run(files: readonly CorpusFile[], onProgress: (p: CorpusProgress) => void): CorpusRun;
}

export function createCorpusImporter(db: SpanmarkDb): CorpusImporter {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<
    number,
    { onProgress: (p: CorpusProgress) => void; resolve: (r: CorpusResult) => void; files: readonly CorpusFile[]; stop: { on: boolean } }
  >();

  const inWindow = (files: readonly CorpusFile[], onProgress: (p: CorpusProgress) => void, stop: { on: boolean }): Promise<CorpusResult> =>
    importCorpus(db, files, onProgress, () => stop.on).then(
      (summary) => ({ ok: true, summary }),
      (e: unknown) => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
    );

  const start = (): Worker | undefined => {
    if (worker) return worker;
    const onMessage = (m: WorkerMessage<CorpusReply>): void => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.kind === 'progress') return p.onProgress(m.progress);
      pending.delete(m.id);
      p.resolve(m.kind === 'done' ? { ok: true, summary: m.summary } : { ok: false, message: m.message });
    };
    const onError = (e: ErrorEvent, w: Worker, ready: boolean): void => {
      if (worker === w) worker = undefined;
      const waiting = [...pending.values()];
      pending.clear();
      for (const p of waiting) {
        if (!ready) void inWindow(p.files, p.onProgress, p.stop).then(p.resolve);
        // Died mid-import: the batches it committed stay; the one it was writing never committed.
        else p.resolve({ ok: false, message: `the import stopped (${e.message || 'the worker failed'}); the articles reported as added are in the library.` });
      }
    };
    worker = startWorker<CorpusReply>(CORPUS_WORKER_FILE, 'corpus', { onMessage, onError });
    return worker;
  };

  return {
    run(files, onProgress) {
      const id = nextId++;
      const stop = { on: false };
      const result = new Promise<CorpusResult>((resolve) => {
        const w = start();
        if (!w) return void inWindow(files, onProgress, stop).then(resolve);
        pending.set(id, { onProgress, resolve, files, stop });
        const message: ToCorpusWorker = { kind: 'import', id, files };
        w.postMessage(message);
      });
      return {
        result,
        cancel: () => {
          stop.on = true;
          const message: ToCorpusWorker = { kind: 'cancel', id };
          worker?.postMessage(message);
        },
      };
    },
  };
}
