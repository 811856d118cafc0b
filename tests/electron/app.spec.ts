// The Electron shell itself: the window loads app://spanmark, the page has the bridge but no Node,
// and navigation, popups and requests off the app origin are refused. Skipped, with the reason,
// where the Electron binary is absent (npm test fetches it first; offline that fails) or no display
// is named (Electron cannot open a window).

import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from '../../main/node/electron-binary.js';
import { hasDisplay } from '../../main/node/start-plan.js';

const binary = electronBinaryPath();
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

test.skip(binary === null, "Electron's binary is not installed and could not be downloaded here; the Electron app cannot launch on this machine");
test.skip(!hasDisplay(process.platform, process.env), 'no display (neither DISPLAY nor WAYLAND_DISPLAY is set); the Electron app cannot open a window');

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
  expect(globals).toEqual({
    bridge: [
      'appInfo',
      'onFlushWrites',
      'onMenuCommand',
      'pickFile',
      'pickFiles',
      'pickFolder',
      'saveFile',
      'saveStreamClose',
      'saveStreamOpen',
      'saveStreamWrite',
    ],
    require: 'undefined',
    process: 'undefined',
  });
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

test('the session cancels a request off app://spanmark even when main itself starts it', async () => {
  // A real server on loopback: without the filter the request would reach it.
  const hits: string[] = [];
  const server = createServer((request, response) => {
    hits.push(request.url ?? '');
    response.end('reached');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe`;
    // A navigation main starts itself passes no will-navigate check: only the session filter stops it.
    const outcome = await app.evaluate(async ({ BrowserWindow }, target) => {
      const probe = new BrowserWindow({ show: false, webPreferences: { sandbox: true, contextIsolation: true } });
      try {
        await probe.loadURL(target);
        return 'loaded';
      } catch (error) {
        return `refused ${String(error)}`;
      } finally {
        probe.destroy();
      }
    }, url);
    expect(outcome).toMatch(/^refused/);
    expect(hits).toEqual([]);
  } finally {
    await new Promise<void>((done) => server.close(() => done()));
  }
});
