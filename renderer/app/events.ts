// The window events the app dispatches for tests, benchmarks and anyone watching: one map from
// name to detail, so a dispatch site cannot send a detail its listeners do not expect and the tests
// name the events through APP_EVENTS instead of retyping strings. The IPC channels that share the
// "spanmark:" prefix (pick-file, save-file, menu-command, …) belong to the typed IPC contract, not
// here. Only type imports: the tests load this module in Node.

import type { ReviewStatus } from '../../src/document/article.js';
import type { SessionCommand } from '../store/session-store.js';
import type { ImportProgress, ImportSummary } from '../io/import.js';

export interface SpanmarkEvents {
  /** An edit is committed to the database (its save acknowledged). */
  'spanmark:saved': { readonly docId: string; readonly kind: SessionCommand['kind'] };
  /** A document is open and its view state reset. */
  'spanmark:opened': { readonly docId: string };
  /** The reader has painted the document's highlights. */
  'spanmark:painted': { readonly docId: string; readonly count: number };
  /** A stage of an import in progress. */
  'spanmark:import-progress': { readonly name: string } & ImportProgress;
  /** An import is committed (strict durability); 'spanmark:imported' follows once it is shown. */
  'spanmark:import-committed': { readonly name: string; readonly docIds: readonly string[] };
  /** An import is committed and the document it touched shown. */
  'spanmark:imported': ImportSummary;
  /** An export's payload is built (before the save dialog). */
  'spanmark:exported': { readonly ms: number; readonly annotations: number; readonly bytes: number };
  /** A document's review status changed. */
  'spanmark:review-status': { readonly docId: string; readonly status: ReviewStatus };
  /** A panel's error boundary caught a render failure. */
  'spanmark:panel-failed': { readonly panel: string; readonly message: string };
  /** The library's search index is current: `restored` when it came from the saved copy, `reindexed` articles (re)read now. */
  'spanmark:search-indexed': { readonly restored: boolean; readonly reindexed: number; readonly removed: number; readonly articles: number };
}

export type AppEventName = keyof SpanmarkEvents;

/** The event names, for listeners (tests pass these into page.evaluate as arguments). */
export const APP_EVENTS = {
  saved: 'spanmark:saved',
  opened: 'spanmark:opened',
  painted: 'spanmark:painted',
  importProgress: 'spanmark:import-progress',
  importCommitted: 'spanmark:import-committed',
  imported: 'spanmark:imported',
  exported: 'spanmark:exported',
  reviewStatus: 'spanmark:review-status',
  panelFailed: 'spanmark:panel-failed',
  searchIndexed: 'spanmark:search-indexed',
} as const satisfies Record<string, AppEventName>;

// Every name in the map has a key in APP_EVENTS (a compile error otherwise).
type Missing = Exclude<AppEventName, (typeof APP_EVENTS)[keyof typeof APP_EVENTS]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export function dispatch<K extends AppEventName>(name: K, detail: SpanmarkEvents[K]): void {
  window.dispatchEvent(new CustomEvent(name, { detail }));
}

/** Calls `listener` with each event's detail until the returned function is called. */
export function onAppEvent<K extends AppEventName>(name: K, listener: (detail: SpanmarkEvents[K]) => void): () => void {
  const handle = (e: Event) => listener((e as CustomEvent<SpanmarkEvents[K]>).detail);
  window.addEventListener(name, handle);
  return () => window.removeEventListener(name, handle);
}

/** The next event's detail. */
export function waitForAppEvent<K extends AppEventName>(name: K): Promise<SpanmarkEvents[K]> {
  return new Promise((resolve) => {
    const off = onAppEvent(name, (detail) => {
      off();
      resolve(detail);
    });
  });
}
