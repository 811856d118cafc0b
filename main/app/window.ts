// The main window and the rules every web contents lives under: sandboxed, isolated, no Node, no
// popups, no navigation away from app://spanmark, no permissions. webPreferences stay an inline
// literal so static checkers (electronegativity) can read every flag.

import { BrowserWindow, type Session, type WebContents } from 'electron';
import { isAppUrl } from '../../src/platform/ipc-contract.js';
import { isAllowedRequest } from './request-filter.js';
import { MIN_WINDOW_SIZE, type WindowPlacement } from './window-state.js';

export interface MainWindowOptions {
  /** Absolute path of dist/main/preload.cjs. */
  readonly preloadPath: string;
  readonly placement: WindowPlacement;
  /** Off in packaged builds: DevTools would let anyone at the keyboard read and change the library. */
  readonly devTools: boolean;
}

export function createMainWindow({ preloadPath, placement, devTools }: MainWindowOptions): BrowserWindow {
  const position = placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {};
  const win = new BrowserWindow({
    ...position,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Spanmark',
    show: false,
    backgroundColor: '#f7f6f2',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click (auxclick) on a link would ask for a new window; refused anyway, never raised.
      disableBlinkFeatures: 'Auxclick',
      devTools,
      preload: preloadPath,
    },
  });
  hardenWebContents(win.webContents);
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });
  return win;
}

const hardened = new WeakSet<WebContents>();

/** No popups, no <webview>, no navigation or redirect off the app origin. Safe to call twice. */
export function hardenWebContents(contents: WebContents): void {
  if (hardened.has(contents)) return;
  hardened.add(contents);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}

/**
 * Electron grants every permission unless told otherwise: Spanmark needs none, so all are refused.
 * Every request off app://spanmark is cancelled (request-filter.ts), a second line behind the CSP.
 */
export function hardenSession(session: Session, { devTools }: { readonly devTools: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, { devTools });
    if (!allowed) console.error(`Spanmark: blocked a request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
