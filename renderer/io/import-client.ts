// The window's side of importing: hands the file to the import Worker and relays its progress.
// The worker is started on first use (or ahead of it, when a file chooser opens) and kept for the
// next import. The page's CSP requires Trusted Types, so its URL comes from the one policy that
// allows exactly our own worker scripts (worker-url.ts). Should the worker fail to start at all (a shell that
// refuses workers), the same import runs in the window: slower to paint, still all-or-nothing.

import type { Result } from '../../src/result.js';
import type { SpanmarkDb } from '../db/db.js';
import { unpackAllInSteps } from '../db/annotations-repo.js';
import type { UnpackedLayer } from '../store/session-store.js';
import type { Me } from '../../src/review/layer-identity.js';
import { importExport, type ConfirmMine, type ConfirmSchema, type ImportProgress, type ImportSummary } from './import.js';
import { IMPORT_WORKER_FILE, type ImportReply, type ImportRequest } from './import-protocol.js';
import { startWorker, type WorkerMessage } from './worker-start.js';

/** The one Trusted Types policy the CSP allows (kept here too for those who import it from this module). */
export { WORKER_POLICY } from './worker-url.js';

interface Pending {
  readonly request: ImportRequest;
  /** The layer the worker sent while committing it, being unpacked here meanwhile. */
  prepared?: Promise<UnpackedLayer | undefined>;
  readonly onProgress: (p: ImportProgress) => void;
  readonly confirmMine: ConfirmMine | undefined;
  readonly confirmSchema: ConfirmSchema | undefined;
  readonly resolve: (r: Result<ImportSummary>) => void;
}

export interface Importer {
  /** Starts the worker ahead of an import (when the file chooser opens), so it is ready when the file is. */
  prewarm(): void;
  /**
   * Imports one file. Once the worker has come up, `bytes` is handed over to it rather than copied
   * (when the view is its whole buffer) and is detached here afterwards: do not read it again.
   */
  run(
    name: string,
    bytes: Uint8Array,
    me: Me,
    onProgress: (p: ImportProgress) => void,
    confirmMine?: ConfirmMine,
    confirmSchema?: ConfirmSchema,
  ): Promise<Result<ImportSummary>>;
}

export function createImporter(db: SpanmarkDb): Importer {
  let worker: Worker | undefined;
  /** The current worker has said 'ready': it loaded, so no import will have to run in the window. */
  let loaded = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const inWindow = (p: Pending): void => {
    importExport(db, p.request.name, p.request.bytes, p.request.me, p.onProgress, p.confirmMine, p.confirmSchema).then(p.resolve, (e: unknown) =>
      p.resolve({
        ok: false,
        error: { code: 'import-failed', message: `${p.request.name}: ${e instanceof Error ? e.message : String(e)}`, path: p.request.name },
      }),
    );
  };

  const start = (): Worker | undefined => {
    if (worker) return worker;
    const onMessage = (m: WorkerMessage<ImportReply>, w: Worker): void => {
      const p = pending.get(m.id);
      if (!p) return;
      if (m.kind === 'progress') p.onProgress(m.progress);
      else if (m.kind === 'confirm') {
        // Asked in the window (a dialog); no one to ask counts as "not mine", as in the window path.
        const ask = p.confirmMine ? p.confirmMine(m.question) : Promise.resolve(false);
        void ask.catch(() => false).then((yes) => w.postMessage({ kind: 'confirm-answer', id: m.id, yes }));
      } else if (m.kind === 'confirm-schema') {
        const ask = p.confirmSchema ? p.confirmSchema(m.question) : Promise.resolve(false);
        void ask.catch(() => false).then((yes) => w.postMessage({ kind: 'confirm-answer', id: m.id, yes }));
      } else if (m.kind === 'layer') {
        // Unpacked while the worker's transaction commits (the window is otherwise idle then), in
        // short tasks after the one that copied the message in. Columns that do not add up, or
        // an unpacking that fails, leave the layer to the store.
        const { docId, stamp, text, columns } = m.layer;
        p.prepared = unpackAllInSteps(columns, docId, text).then(
          (own): UnpackedLayer | undefined => (own === undefined ? undefined : { docId, stamp, text, own }),
          () => undefined,
        );
      } else {
        pending.delete(m.id);
        const r = m.result;
        // A failed import is said at once; a committed one opens with the unpacked layer, if any.
        if (!r.ok || p.prepared === undefined) p.resolve(r);
        else void p.prepared.then((layer) => p.resolve(layer === undefined ? r : { ok: true, value: { ...r.value, layer } }));
      }
    };
    const onError = (e: ErrorEvent, w: Worker, ready: boolean): void => {
      if (worker === w) {
        worker = undefined;
        loaded = false;
      }
      const waiting = [...pending.values()];
      pending.clear();
      if (!ready) {
        console.warn(`Spanmark: the import worker did not load (${e.message || 'no reason given'}); importing in the window.`);
        for (const p of waiting) inWindow(p);
        return;
      }
      // Died mid-import: its transaction never committed, so nothing of the file was written.
      for (const p of waiting) {
        p.resolve({
          ok: false,
          error: {
            code: 'import-failed',
            message: `${p.request.name}: the import stopped (${e.message || 'the worker failed'}); nothing was written.`,
            path: p.request.name,
          },
        });
      }
    };
    const onReady = (w: Worker): void => {
      if (worker === w) loaded = true;
    };
    worker = startWorker<ImportReply>(IMPORT_WORKER_FILE, 'import', { onMessage, onError, onReady });
    return worker;
  };

  return {
    prewarm: () => void start(),
    run(name, bytes, me, onProgress, confirmMine, confirmSchema) {
      return new Promise((resolve) => {
        const request: ImportRequest = { kind: 'import', id: nextId++, name, bytes, me };
        const p: Pending = { request, onProgress, confirmMine, confirmSchema, resolve };
        const w = start();
        if (!w) return inWindow(p);
        pending.set(request.id, p);
        // A loaded worker gets the file's buffer itself: copying 6 MB into the message and again
        // out of it took ~65 ms on a machine where fresh memory is slow to touch. Before 'ready'
        // it is copied, so the bytes stay usable should the worker fail to load and the import
        // run in the window after all; a view of part of a buffer (a file out of a zip) is
        // copied too, since handing over the buffer would take its neighbours with it.
        w.postMessage(request, loaded ? handOver(bytes) : []);
      });
    },
  };
}

/** The buffer to transfer with `bytes`: only one the view covers whole, and never a shared one. */
export function handOver(bytes: Uint8Array): Transferable[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}
