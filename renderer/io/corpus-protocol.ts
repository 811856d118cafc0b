// The messages between the window and the corpus Worker, typed on both sides.

import type { CorpusFile, CorpusProgress, CorpusSummary } from './corpus-import.js';

export type ToCorpusWorker =
  | { readonly kind: 'import'; readonly id: number; readonly files: readonly CorpusFile[] }
  /** Stop after the batch being written; what is committed stays. */
  | { readonly kind: 'cancel'; readonly id: number };

export type CorpusReply =
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'progress'; readonly progress: CorpusProgress }
  | { readonly id: number; readonly kind: 'done'; readonly summary: CorpusSummary }
  /** Writing failed (quota, a closed database): the batches before it are committed, nothing after. */
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

/** The bundle electron.config.ts builds from corpus-worker.ts, beside app.js. */
export const CORPUS_WORKER_FILE = 'corpus-worker.js';
