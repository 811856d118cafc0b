// The shape of `window.spanmark`, the object Electron's preload exposes to the renderer. The preload
// is checked against it with `satisfies` and renderer/platform/desktop.ts consumes it, so the two
// sides cannot drift. Replies are Results: errors cross the bridge as data, never as rejections.

import type { IpcReply, IpcRequests, IPC } from './ipc-contract.js';
import type { MenuCommand } from './platform.js';

/** What one invoke over a channel resolves to. */
export type BridgeReply<C extends keyof IpcRequests> = Promise<IpcReply<IpcRequests[C]['value']>>;

/** The global name the preload exposes the bridge under (`window.spanmark`). */
export const BRIDGE_GLOBAL = 'spanmark';

export interface SpanmarkBridge {
  appInfo(): BridgeReply<typeof IPC.appInfo>;
  /** Opens the native file dialog; the value is null when the user cancels. Bytes arrive as a Uint8Array. */
  pickFile(...args: IpcRequests[typeof IPC.pickFile]['args']): BridgeReply<typeof IPC.pickFile>;
  /** The open dialog with multiSelections; the value is empty when the user cancels. */
  pickFiles(...args: IpcRequests[typeof IPC.pickFiles]['args']): BridgeReply<typeof IPC.pickFiles>;
  /** The open dialog for a folder; main walks it and reads its articles and feeds. */
  pickFolder(...args: IpcRequests[typeof IPC.pickFolder]['args']): BridgeReply<typeof IPC.pickFolder>;
  /** suggestedName is a bare file name; main sanitises it again and proposes it in Documents. */
  saveFile(...args: IpcRequests[typeof IPC.saveFile]['args']): BridgeReply<typeof IPC.saveFile>;
  /** A save in pieces: the dialog and a temporary file; the value says whether the user chose a place. */
  saveStreamOpen(...args: IpcRequests[typeof IPC.saveStreamOpen]['args']): BridgeReply<typeof IPC.saveStreamOpen>;
  /** Appends piece `index` (0, 1, …; each sent after the previous one's reply). */
  saveStreamWrite(...args: IpcRequests[typeof IPC.saveStreamWrite]['args']): BridgeReply<typeof IPC.saveStreamWrite>;
  /** Keeps the file (renamed over the target) or discards it. */
  saveStreamClose(...args: IpcRequests[typeof IPC.saveStreamClose]['args']): BridgeReply<typeof IPC.saveStreamClose>;
  /** Native menu commands; returns the function that unsubscribes this listener. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * The one answer to main's "the window is closing: are edits still being written?": main waits
   * until the promise settles (bounded). Without a listener the preload answers at once.
   */
  onFlushWrites(listener: () => Promise<void>): void;
}
