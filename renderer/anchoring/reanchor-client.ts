// The window's side of re-anchoring: hands the texts and spans to the re-anchoring Worker and
// resolves with its placements, started like the import and corpus workers (worker-start.ts: on
// first use or ahead of it, a `ready` message before any answer counts, the window as fallback). Should the worker not start, or fail before it is ready,
// the same computation runs in the window: slower to paint, the same result. A worker that fails
// after it was ready fails the run (the caller writes nothing).

import { reanchorText, type Reanchored } from '../../src/anchoring/reanchor.js';
import { startWorker } from '../io/worker-start.js';
import { REANCHOR_WORKER_FILE, type ReanchorReply, type ReanchorRequest, type ReanchorSpan } from './reanchor-protocol.js';

export type Reanchor = (oldText: string, newText: string, spans: readonly ReanchorSpan[]) => Promise<readonly Reanchored[]>;

export interface Reanchorer {
  /** Starts the worker ahead of a run (when the file chooser opens). */
  prewarm(): void;
  run: Reanchor;
}

interface Pending {
  readonly request: ReanchorRequest;
  readonly resolve: (all: readonly Reanchored[]) => void;
  readonly reject: (e: Error) => void;
}

export const reanchorInWindow: Reanchor = (oldText, newText, spans) => Promise.resolve(reanchorText(oldText, newText, spans).all);

export function createReanchorer(): Reanchorer {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const inWindow = (p: Pending): void => {
    reanchorInWindow(p.request.oldText, p.request.newText, p.request.spans).then(p.resolve, (e: unknown) =>
      p.reject(e instanceof Error ? e : new Error(String(e))),
    );
  };

  const start = (): Worker | undefined => {
    if (worker) return worker;
    worker = startWorker<ReanchorReply>(REANCHOR_WORKER_FILE, 're-anchoring', {
      onMessage: (m) => {
        const p = pending.get(m.id);
        if (!p) return;
        pending.delete(m.id);
        if (m.kind === 'done') p.resolve(m.all);
        else p.reject(new Error(m.message));
      },
      onError: (e, w, ready) => {
        if (worker === w) worker = undefined;
        const waiting = [...pending.values()];
        pending.clear();
        if (!ready) {
          console.warn(`Spanmark: the re-anchoring worker did not load (${e.message || 'no reason given'}); re-anchoring in the window.`);
          for (const p of waiting) inWindow(p);
          return;
        }
        for (const p of waiting) p.reject(new Error(`re-anchoring stopped (${e.message || 'the worker failed'}); nothing was changed`));
      },
    });
    return worker;
  };

  return {
    prewarm: () => void start(),
    run(oldText, newText, spans) {
      return new Promise((resolve, reject) => {
        const request: ReanchorRequest = {
          kind: 'reanchor',
          id: nextId++,
          oldText,
          newText,
          spans: spans.map((s) => ({ id: s.id, start: s.start, end: s.end })),
        };
        const p: Pending = { request, resolve, reject };
        const w = start();
        if (!w) return inWindow(p);
        pending.set(request.id, p);
        w.postMessage(request);
      });
    },
  };
}
