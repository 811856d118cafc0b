// Electron glue for ipc-handlers.ts: real dialogs parented to the asking window, the real file
// system, and one ipcMain.handle per channel of the contract. Nothing here decides anything; the
// decisions (sender, arguments, limits, atomic save) are in ipc-handlers.ts and tested there.

import { app, BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { userInfo } from 'node:os';
import type { IpcRequests } from '../../src/platform/ipc-contract.js';
import { chosenOpenPath, chosenSavePath, createIpcHandlers, nodeFsPort, type DialogPort } from './ipc-handlers.js';
import { writesSettledFrom } from './window-close.js';

const electronDialogs: DialogPort<IpcMainInvokeEvent> = {
  async open(event, { title, filters }) {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile'] };
    return chosenOpenPath(owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options));
  },
  async openMany(event, { title, filters }) {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = { title, filters, properties: ['openFile', 'multiSelections'] };
    const result = owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options);
    return result.canceled ? [] : result.filePaths;
  },
  async openFolder(event, { title }) {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = { title, properties: ['openDirectory'] };
    return chosenOpenPath(owner === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(owner, options));
  },
  async save(event, { title, defaultPath, filters }) {
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.SaveDialogOptions = { title, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
    return chosenSavePath(owner === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(owner, options));
  },
};

export function registerIpcHandlers(): void {
  const handlers = createIpcHandlers<IpcMainInvokeEvent>({
    appName: app.getName(),
    appVersion: app.getVersion(),
    userName: () => userInfo().username,
    documentsDir: () => app.getPath('documents'),
    dialog: electronDialogs,
    fs: nodeFsPort,
    writesSettled: (event, requestId) => writesSettledFrom(event.sender, requestId),
    whenSenderGone: (event, gone) => {
      event.sender.once('destroyed', gone);
      return () => void event.sender.removeListener('destroyed', gone);
    },
  });
  for (const channel of Object.keys(handlers) as (keyof IpcRequests)[]) {
    const handle = handlers[channel];
    ipcMain.handle(channel, async (event, ...args: unknown[]) => {
      const reply = await handle(event, args);
      if (!reply.ok && reply.error.code === 'ipc-sender') console.warn(`Spanmark: refused ${channel}: ${reply.error.message}`);
      return reply;
    });
  }
}
