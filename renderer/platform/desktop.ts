// The Electron platform: thin wrappers over the preload bridge that turn IPC Results into values
// or errors with the main process's message.

import type { Platform } from '../../src/platform/platform.js';
import type { SpanmarkBridge } from '../../src/platform/bridge.js';
import type { IpcReply } from '../../src/platform/ipc-contract.js';

function unwrap<T>(reply: IpcReply<T>): T {
  if (reply.ok) return reply.value;
  throw new Error(reply.error.message);
}

export function createDesktopPlatform(bridge: SpanmarkBridge): Platform {
  return {
    appInfo: async () => unwrap(await bridge.appInfo()),
    pickFile: async (kind) => unwrap(await bridge.pickFile(kind)),
    pickFiles: async (kind) => unwrap(await bridge.pickFiles(kind)),
    saveFile: async (name, content) => unwrap(await bridge.saveFile(name, content)),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    // Main holds the window's close and asks; the answer comes once every pending edit settled.
    guardClose: (writes) => bridge.onFlushWrites(() => writes.whenSettled()),
  };
}
