// The renderer's only door to main: one-line functions over ipcRenderer.invoke, exposed through
// contextBridge as window.spanmark and checked against SpanmarkBridge. No logic lives here: main
// validates every argument and sender, and raw ipcRenderer is never exposed.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type BridgeReply, type SpanmarkBridge } from '../../src/platform/bridge.js';
import { IPC, type IpcRequests } from '../../src/platform/ipc-contract.js';
import type { MenuCommand } from '../../src/platform/platform.js';

/** Ties each channel to its argument and reply types from the contract. */
const invoke = <C extends keyof IpcRequests>(channel: C, ...args: IpcRequests[C]['args']): BridgeReply<C> => ipcRenderer.invoke(channel, ...args);

let flushListener: (() => Promise<void>) | undefined;
// Registered once, before the page runs: main always gets an answer, at once if the page never
// registered a listener (a fatal screen or a page still booting has no edits in flight).
ipcRenderer.on(IPC.flushWrites, (_event: IpcRendererEvent, requestId: number) => {
  const reply = (): void => void invoke(IPC.writesSettled, requestId);
  (flushListener?.() ?? Promise.resolve()).then(reply, reply);
});

const bridge = {
  appInfo: () => invoke(IPC.appInfo),
  pickFile: (kind) => invoke(IPC.pickFile, kind),
  pickFiles: (kind) => invoke(IPC.pickFiles, kind),
  pickFolder: (kind) => invoke(IPC.pickFolder, kind),
  saveFile: (suggestedName, content) => invoke(IPC.saveFile, suggestedName, content),
  saveStreamOpen: (suggestedName) => invoke(IPC.saveStreamOpen, suggestedName),
  saveStreamWrite: (streamId, index, chunk) => invoke(IPC.saveStreamWrite, streamId, index, chunk),
  saveStreamClose: (streamId, commit) => invoke(IPC.saveStreamClose, streamId, commit),
  onMenuCommand: (listener) => {
    // A fresh wrapper per subscription, so the event object (and its sender) never reaches the page.
    const relay = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(IPC.menuCommand, relay);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, relay);
    };
  },
  onFlushWrites: (listener) => {
    flushListener = listener;
  },
} satisfies SpanmarkBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
