// The Electron platform: thin wrappers over the preload bridge that turn IPC Results into values
// or errors with the main process's message.

import { isTextInMemory, type Platform, type SaveOutcome } from '../../src/platform/platform.js';
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
    pickFolder: async (kind) => unwrap(await bridge.pickFolder(kind)),
    saveFile: async (name, content) => (isTextInMemory(content) ? unwrap(await bridge.saveFile(name, content)) : saveInPieces(bridge, name, content)),
    onMenuCommand: (listener) => bridge.onMenuCommand(listener),
    // Main holds the window's close and asks; the answer comes once every pending edit settled.
    guardClose: (writes) => bridge.onFlushWrites(() => writes.whenSettled()),
  };
}

/**
 * A save in pieces: main asks where (before any piece is made: the source is lazy), then each
 * piece goes over IPC as it comes, one at a time, into a temporary file that main renames over the
 * target at the end. A source that throws, or a piece main refuses, discards the file.
 */
async function saveInPieces(bridge: SpanmarkBridge, name: string, pieces: AsyncIterable<string>): Promise<SaveOutcome> {
  const opened = unwrap(await bridge.saveStreamOpen(name));
  if (!opened.opened) return { saved: false };
  const { streamId } = opened;
  let index = 0;
  try {
    for await (const piece of pieces) {
      if (piece.length > 0) unwrap(await bridge.saveStreamWrite(streamId, index++, piece));
    }
  } catch (error) {
    await bridge.saveStreamClose(streamId, false);
    throw error;
  }
  return unwrap(await bridge.saveStreamClose(streamId, true));
}
