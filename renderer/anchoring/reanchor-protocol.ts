// The messages between the window and the re-anchoring Worker, typed on both sides. The answer is
// what reanchorText gives in the window: one result per span, in the order asked.

import type { Reanchored } from '../../src/anchoring/reanchor.js';

export interface ReanchorSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface ReanchorRequest {
  readonly kind: 'reanchor';
  readonly id: number;
  readonly oldText: string;
  readonly newText: string;
  readonly spans: readonly ReanchorSpan[];
}

export type ReanchorReply =
  /** Sent once when the worker's script has loaded: errors after it are failures, not a failed start. */
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'done'; readonly all: readonly Reanchored[] }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };

/** The bundle electron.config.ts builds from reanchor-worker.ts, beside app.js. */
export const REANCHOR_WORKER_FILE = 'reanchor-worker.js';
