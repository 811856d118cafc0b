// Electron glue for close-hold.ts: one hold per window, the flush request over IPC, the message
// box when the bound passes, and the renderer's answer routed back to its window's hold.

import { app, dialog, type BrowserWindow, type WebContents } from 'electron';
import { IPC } from '../../src/platform/ipc-contract.js';
import { createCloseHold, type CloseHold } from './close-hold.js';

const holds = new WeakMap<WebContents, CloseHold>();
let quitting = false;

/** Holds every close of `win` until its renderer says its edits are written. */
export function holdCloseForWrites(win: BrowserWindow): void {
  const contents = win.webContents;
  const hold = createCloseHold({
    requestFlush: (id) => contents.send(IPC.flushWrites, id),
    close: () => {
      win.close();
      // A held close cancels a quit in progress; finish it now that the window may go.
      if (quitting) app.quit();
    },
    destroy: () => {
      win.destroy();
      if (quitting) app.quit();
    },
    askCloseAnyway: async () => {
      const { response } = await dialog.showMessageBox(win, {
        type: 'warning',
        title: 'Spanmark',
        message: 'Spanmark could not finish saving your last change.',
        detail: 'It is still being written to disk. Keep the window open to let it finish, or close anyway and lose it.',
        buttons: ['Keep Window Open', 'Close Anyway'],
        defaultId: 0,
        cancelId: 0,
      });
      return response === 1;
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
  });
  holds.set(contents, hold);
  win.on('close', (event) => hold.onClose(event));
  contents.on('render-process-gone', () => hold.onRendererGone());
}

/** The renderer's answer (IPC.writesSettled), already checked for sender and arguments. */
export function writesSettledFrom(sender: WebContents, requestId: number): void {
  holds.get(sender)?.onSettled(requestId);
}

app.on('before-quit', () => {
  quitting = true;
});
