// The renderer's only door to main: one-line functions over ipcRenderer.invoke, exposed through
// contextBridge as window.spanmark and checked against SpanmarkBridge. No logic lives here: main
// validates every argument and sender, and raw ipcRenderer is never exposed.

import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, type BridgeReply, type SpanmarkBridge } from '../../src/platform/bridge.js';
import { IPC, type IpcRequests } from '../../src/platform/ipc-contract.js';
import type { MenuCommand } from '../../src/platform/platform.js';

/** Ties each channel to its argument and reply types from the contract. */
const invoke = <C extends keyof IpcRequests>(channel: C, ...args: IpcRequests[C]['args']): BridgeReply<C> =>
  ipcRenderer.invoke(channel, ...args);

const bridge = {
  appInfo: () => invoke(IPC.appInfo),
  pickFile: (kind) => invoke(IPC.pickFile, kind),
  saveFile: (suggestedName, content) => invoke(IPC.saveFile, suggestedName, content),
  onMenuCommand: (listener) => {
    // A fresh wrapper per subscription, so the event object (and its sender) never reaches the page.
    const relay = (_event: IpcRendererEvent, command: MenuCommand): void => listener(command);
    ipcRenderer.on(IPC.menuCommand, relay);
    return () => {
      ipcRenderer.removeListener(IPC.menuCommand, relay);
    };
  },
} satisfies SpanmarkBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
