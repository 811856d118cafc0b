// Electron's composition root: one instance, the app:// scheme, the hardened session, IPC, menu and
// the main window, wired in the order Electron requires. Bundled to dist/main/main.cjs (CommonJS), so
// __dirname is dist/main both in the repo and inside app.asar. Decisions live in the modules it wires.

import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { APP_ORIGIN } from '../../src/platform/ipc-contract.js';
import { registerIpcHandlers } from './ipc.js';
import { installApplicationMenu } from './menu.js';
import { registerAppScheme, serveAppProtocol } from './protocol.js';
import { loadWindowPlacement, rememberWindowState } from './window-memory.js';
import { createMainWindow, hardenSession, hardenWebContents } from './window.js';
import { holdCloseForWrites } from './window-close.js';

const RENDERER_ROOT = join(__dirname, '..', 'renderer');
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RELOAD_AFTER_CRASH_MIN_MS = 10_000;

let mainWindow: BrowserWindow | null = null;

// Both must happen before `ready`: scheme privileges and the sandbox are fixed at startup.
registerAppScheme();
app.enableSandbox();

// Development and end-to-end runs can point at a throwaway profile instead of the real one.
const userDataOverride = process.env['SPANMARK_USER_DATA'];
if (!app.isPackaged && userDataOverride !== undefined && userDataOverride !== '') app.setPath('userData', userDataOverride);

if (!app.requestSingleInstanceLock()) {
  // Another Spanmark owns the profile (and its IndexedDB); it gets focused through 'second-instance'.
  app.quit();
} else {
  app.on('second-instance', () => focusOrOpenMainWindow());
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(`Spanmark could not start: ${String(error)}`);
    app.exit(1);
  });
}

function start(): void {
  if (process.platform === 'win32') app.setAppUserModelId('org.spanmark.app');
  hardenSession(session.defaultSession, { devTools: !app.isPackaged });
  serveAppProtocol(RENDERER_ROOT);
  registerIpcHandlers();
  installApplicationMenu();
  app.setAboutPanelOptions({ applicationName: app.getName(), applicationVersion: app.getVersion() });
  openMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });
}

function openMainWindow(): BrowserWindow {
  const userData = app.getPath('userData');
  const win = createMainWindow({ preloadPath: PRELOAD_PATH, placement: loadWindowPlacement(userData), devTools: !app.isPackaged });
  rememberWindowState(win, userData);
  holdCloseForWrites(win);
  let lastCrashReload = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Spanmark: the window's renderer stopped (${details.reason}).`);
    // Reload once in a while so a crash is not a blank window; never loop on a crash at startup.
    if (details.reason !== 'clean-exit' && Date.now() - lastCrashReload > RELOAD_AFTER_CRASH_MIN_MS && !win.isDestroyed()) {
      lastCrashReload = Date.now();
      win.webContents.reload();
    }
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
  win.loadURL(`${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    console.error(`Spanmark: could not load the window (${String(error)}).`);
  });
  return win;
}

function focusOrOpenMainWindow(): void {
  if (!app.isReady()) return;
  const win = mainWindow ?? openMainWindow();
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
