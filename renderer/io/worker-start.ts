// Starting one of the app's own Workers, the same way for every kind (import, corpus, re-anchoring): its URL
// through the one Trusted Types policy (worker-url.ts), a shell that refuses workers answered with
// undefined (the caller then does the work in the window), the worker's 'ready' message noted, and
// a failure stopped and handed over with whether the worker had come up. What each kind does with
// its messages and with the work waiting on a failed worker stays with the caller.

import { workerScriptUrl, type WorkerFile } from './worker-url.js';

type Ready = { readonly kind: 'ready' };
/** A worker's replies other than 'ready', which startWorker takes itself. */
export type WorkerMessage<Reply> = Exclude<Reply, Ready>;

export interface WorkerHandlers<Reply extends { readonly kind: string }> {
  /** Every message but 'ready'. */
  readonly onMessage: (message: WorkerMessage<Reply>, worker: Worker) => void;
  /** The worker failed and is terminated; `ready` says whether it had loaded (else the work may run in the window). */
  readonly onError: (e: ErrorEvent, worker: Worker, ready: boolean) => void;
  /** Its script has loaded (the 'ready' message): from now on its failures are the work's, not the start's. */
  readonly onReady?: (worker: Worker) => void;
}

/** A started worker, or undefined when it cannot start at all (a warning is logged). */
export function startWorker<Reply extends { readonly kind: string }>(file: WorkerFile, kind: string, handlers: WorkerHandlers<Reply>): Worker | undefined {
  let worker: Worker;
  try {
    worker = new Worker(workerScriptUrl(file) as string, { name: `spanmark-${kind}` });
  } catch (e) {
    console.warn(`Spanmark: the ${kind} worker could not start (${String(e)}); its work runs in the window.`);
    return undefined;
  }
  let ready = false;
  worker.addEventListener('message', (e: MessageEvent<Reply>) => {
    if (e.data.kind === 'ready') {
      ready = true;
      handlers.onReady?.(worker);
    } else handlers.onMessage(e.data as WorkerMessage<Reply>, worker);
  });
  worker.addEventListener('error', (e: ErrorEvent) => {
    e.preventDefault();
    worker.terminate();
    handlers.onError(e, worker, ready);
  });
  return worker;
}
