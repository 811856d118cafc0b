// Holding a window's close until its edits are written. The renderer shows an edit at once and
// commits it a moment later; closing in between would lose it. So the first close is held, the
// renderer is asked (flush-writes) and answers once every pending write has settled; then the
// window closes for real. An answer that does not come within the bound (a disk that stopped, a
// hung renderer) brings a message: keep the window open, or close anyway.
// Pure: Electron is injected (window-close.ts), so every path is unit-tested without it.

/** How long a close waits for the renderer's answer before asking the analyst. */
export const CLOSE_HOLD_MS = 3000;

export interface CloseHoldPort {
  /** Asks the renderer to answer `requestId` once its writes have settled. */
  requestFlush(requestId: number): void;
  /** Closes the window again; the hold lets this one through. */
  close(): void;
  /** Closes without asking the page anything (after "close anyway"). */
  destroy(): void;
  /** Shown when the bound passes: resolves true for "close anyway". */
  askCloseAnyway(): Promise<boolean>;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

export interface CloseHold {
  /** The window's `close` event. */
  onClose(event: { preventDefault(): void }): void;
  /** The renderer's answer to a flush request. */
  onSettled(requestId: number): void;
  /** The page is gone (crashed, reloading): nothing of it is waiting to be written any more. */
  onRendererGone(): void;
}

export function createCloseHold(port: CloseHoldPort, boundMs: number = CLOSE_HOLD_MS): CloseHold {
  let state: 'open' | 'holding' | 'asking' | 'released' = 'open';
  let request = 0;
  let timer: unknown;

  const release = (how: 'close' | 'destroy'): void => {
    if (timer !== undefined) port.clearTimer(timer);
    timer = undefined;
    state = 'released';
    if (how === 'close') port.close();
    else port.destroy();
  };

  const timedOut = async (id: number): Promise<void> => {
    timer = undefined;
    if (state !== 'holding' || id !== request) return;
    state = 'asking';
    let closeAnyway = false;
    try {
      closeAnyway = await port.askCloseAnyway();
    } catch {
      // No message could be shown: keep the window, which keeps the edits.
    }
    if (state !== 'asking') return;
    if (closeAnyway) release('destroy');
    else state = 'open';
  };

  return {
    onClose(event) {
      if (state === 'released') return;
      event.preventDefault();
      // A second close while one is held waits for the same answer.
      if (state !== 'open') return;
      state = 'holding';
      request += 1;
      const id = request;
      timer = port.setTimer(() => void timedOut(id), boundMs);
      port.requestFlush(id);
    },
    onSettled(id) {
      // Late answers (after "keep open", or to an older request) close nothing.
      if (state === 'holding' && id === request) release('close');
    },
    onRendererGone() {
      if (state === 'holding') release('close');
    },
  };
}
