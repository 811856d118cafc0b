// A view's secondary reads (which colleagues each library row has, then review progress) wait for
// the frame that shows its first data: started with it, their IndexedDB results arrive as tasks
// that run before that frame and hold it back. Secondary views of an edit (the side panel's list
// and counts) follow it the same way: rendered before that frame, they held back the paint that
// acknowledges the key. Excluded: what is read (the caller's query).

import { startTransition, useEffect, useState } from 'react';

/** A hidden window paints no frame; past this, the reads start anyway. */
const LATEST_MS = 500;

/** False until the frame after `ready` first became true has been painted; then true for good. */
export function useAfterPaint(ready: boolean): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => (!ready || after ? undefined : afterNextPaint(() => setAfter(true))), [ready, after]);
  return after;
}

/**
 * `value` as it was when the last frame was painted: a new value is taken (in a transition) in the
 * task after the frame that first shows it, so rendering what depends on it never delays that
 * frame. Values arriving faster than frames are taken as of the latest. Equal at first render.
 */
export function useValueAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => (Object.is(shown, value) ? undefined : afterNextPaint(() => startTransition(() => setShown(value)))), [value, shown]);
  return shown;
}

/** Runs `fn` in the task after the next painted frame, or after LATEST_MS; returns the cancel. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // rAF runs just before the frame is painted; a task queued from there runs after it.
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  const latest = setTimeout(fn, LATEST_MS);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(latest);
    if (timer !== undefined) clearTimeout(timer);
  };
}
