// User Timing marks at the stages of opening a document and of importing a file, so a figure of
// `npm run bench` can be split into where its time went (tests/bench/stages.ts) and the DevTools
// Performance panel shows the same stages on its Timings track. Only what the window sees: inside
// the import's worker, decoding and checking the file are one stage. One mark per name is kept,
// the newest: a window open for a working day opens hundreds of documents, and the browser's
// timeline buffer must not grow with them.

export const STAGES = {
  /** A document starts opening (DocumentSession.open). */
  open: 'spanmark:open',
  /** My layer's stamp, snapshot and chunks are read (readOwnLayers), before they are unpacked. */
  layerRead: 'spanmark:open:layer-read',
  /** My layer is unpacked into annotations (or read from records, when no snapshot serves). */
  layerUnpacked: 'spanmark:open:layer-unpacked',
  /** The document's session is built; the reader renders next. */
  session: 'spanmark:open:session',
  /** The import's worker has the file and is checking it. */
  importChecking: 'spanmark:import:checking',
  /** The file is valid; the worker's transaction is writing it. */
  importSaving: 'spanmark:import:saving',
  /** Every write is issued and done; IndexedDB is committing. */
  importCommitting: 'spanmark:import:committing',
} as const;

export type StageMark = (typeof STAGES)[keyof typeof STAGES];

export function markStage(name: StageMark): void {
  // Workers and Node (the unit tests) have User Timing too; a host without it only loses the marks.
  const timing = globalThis.performance as Performance | undefined;
  if (typeof timing?.mark !== 'function') return;
  timing.clearMarks(name);
  timing.mark(name);
}
