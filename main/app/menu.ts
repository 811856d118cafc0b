// Installs the native application menu from menu-template.ts and routes its commands to the
// focused window's renderer over IPC.menuCommand (the preload turns them into onMenuCommand calls).

import { app, BrowserWindow, Menu } from 'electron';
import { IPC } from '../../src/platform/ipc-contract.js';
import type { MenuCommand } from '../../src/platform/platform.js';
import { buildMenuTemplate } from './menu-template.js';

export function installApplicationMenu(): void {
  const template = buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: app.getName(), send: sendToFocusedWindow });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function sendToFocusedWindow(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (win !== undefined && !win.isDestroyed()) win.webContents.send(IPC.menuCommand, command);
}
