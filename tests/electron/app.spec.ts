// The Electron shell itself: the window loads app://spanmark, the page has the bridge but no Node,
// and navigation and popups off the app origin are refused. Skipped, with the reason, where the
// Electron binary is absent (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 cannot launch it).

import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from '../../main/node/electron-binary.js';

const binary = electronBinaryPath();
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

test.skip(binary === null, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the Electron app cannot launch on this machine');

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  if (!existsSync(join(repoRoot, 'dist', 'main', 'main.cjs')) || !existsSync(join(repoRoot, 'dist', 'renderer', 'index.html'))) {
    throw new Error('The Electron tests need a build: run `npm run build` first.');
  }
  userData = mkdtempSync(join(tmpdir(), 'spanmark-electron-'));
  app = await electron.launch({
    ...(binary === null ? {} : { executablePath: binary }),
    args: [repoRoot],
    cwd: repoRoot,
    env: { ...process.env, SPANMARK_USER_DATA: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData !== undefined) rmSync(userData, { recursive: true, force: true });
});

test('the window loads the renderer from the app origin', () => {
  expect(page.url()).toBe('app://spanmark/index.html');
});

test('the page has the bridge and nothing of Node', async () => {
  const globals = await page.evaluate(() => ({
    bridge: Object.keys((window as unknown as { spanmark?: object }).spanmark ?? {}).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(globals).toEqual({ bridge: ['appInfo', 'onFlushWrites', 'onMenuCommand', 'pickFile', 'saveFile'], require: 'undefined', process: 'undefined' });
});

test('app-info answers through the bridge as a Result', async () => {
  const reply = await page.evaluate(() => (window as unknown as { spanmark: { appInfo(): Promise<unknown> } }).spanmark.appInfo());
  expect(reply).toMatchObject({ ok: true, value: { name: 'Spanmark', shell: 'electron' } });
});

test('files come with the Content-Security-Policy header', async () => {
  const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
});

test('navigation to another origin is blocked', async () => {
  // Listen in main first, then navigate from the page, then read what main decided: no sleeps.
  await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    (globalThis as { navigationVerdict?: Promise<boolean> }).navigationVerdict = new Promise<boolean>((resolve) => {
      contents?.once('will-navigate', (event) => resolve(event.defaultPrevented));
    });
  });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  const prevented = await app.evaluate(() => (globalThis as { navigationVerdict?: Promise<boolean> }).navigationVerdict);
  expect(prevented).toBe(true);
  expect(page.url()).toBe('app://spanmark/index.html');
});

test('window.open is refused', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
});
