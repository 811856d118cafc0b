// The messages between the window and the import Worker, typed on both sides. The answer is the
// same Result the import gives when it runs in the window.

import type { Result } from '../../src/result.js';
import type { ImportProgress, ImportSummary } from './import.js';

export interface ImportRequest {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The analyst's name: annotations by anyone else go to a colleague's layer. */
  readonly me: string;
}

export type ImportReply =
  /** Sent once when the worker's script has loaded: errors after it are import failures, not a failed start. */
  | { readonly kind: 'ready' }
  | { readonly id: number; readonly kind: 'progress'; readonly progress: ImportProgress }
  | { readonly id: number; readonly kind: 'done'; readonly result: Result<ImportSummary> };

/** The bundle electron.config.ts builds from import-worker.ts, beside app.js. */
export const IMPORT_WORKER_FILE = 'import-worker.js';
