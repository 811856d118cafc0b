// Edits issued to IndexedDB but not yet settled, for the whole window: what closing waits for
// (Platform.guardClose: the browser's beforeunload prompt, Electron's held close). Only edits
// count: a snapshot is a cache, rewritten from the records whenever it is missing.

let pending = 0;
let waiters: (() => void)[] = [];

/** Counts a write until it settles, committed or failed. */
export function trackWrite(write: Promise<unknown>): void {
  pending += 1;
  const done = (): void => {
    pending -= 1;
    if (pending > 0) return;
    const ready = waiters;
    waiters = [];
    for (const w of ready) w();
  };
  write.then(done, done);
}

export function writesPending(): number {
  return pending;
}

/** Resolves once no write is pending (at once when none is). */
export function whenWritesSettled(): Promise<void> {
  return pending === 0 ? Promise.resolve() : new Promise((resolve) => waiters.push(resolve));
}

export const pendingWrites = { count: writesPending, whenSettled: whenWritesSettled } as const;
