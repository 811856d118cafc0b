// The messages between the window and the import Worker, typed on both sides. The answer is the
// same Result the import gives when it runs in the window.

import type { Result } from '../../src/result.js';
import type { Me } from '../../src/review/layer-identity.js';
import type { ConfirmMine, ConfirmSchema, ImportProgress, ImportSummary, PackedWithText } from './import.js';

export interface ImportRequest {
  readonly kind: 'import';
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The analyst's name and installation id: they decide which annotations are mine. */
  readonly me: Me;
}

/** The window's answer to a `confirm` question of import `id`. */
export interface ConfirmAnswer {
  readonly kind: 'confirm-answer';
  readonly id: number;
  readonly yes: boolean;
}

export type ToWorker = ImportRequest | ConfirmAnswer;

export type ImportReply =
  /** Sent once when the worker's script has loaded: errors after it are import failures, not a failed start. */
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ImportProgress }
  /** Are these annotations with my name and no id mine? Asked before anything is written. */
  | { readonly id: number; readonly kind: 'confirm'; readonly question: Parameters<ConfirmMine>[0] }
  /** Add the labels, attributes or values the file brings to the library's schema? Asked before anything is written. */
  | { readonly id: number; readonly kind: 'confirm-schema'; readonly question: Parameters<ConfirmSchema>[0] }
  /**
   * My layer on the document the window will open, packed and stamped, sent while it is still
   * being committed so the window can unpack it meanwhile. It becomes the summary's `layer` only
   * with a successful 'done', whose summary does not carry it again.
   */
  | { readonly id: number; readonly kind: 'layer'; readonly layer: PackedWithText }
  | { readonly id: number; readonly kind: 'done'; readonly result: Result<ImportSummary> };

/** The bundle electron.config.ts builds from import-worker.ts, beside app.js. */
export const IMPORT_WORKER_FILE = 'import-worker.js';
