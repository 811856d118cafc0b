// Nothing acknowledged is lost across hard stops: the browser is SIGKILLed right after each
// acknowledged save, and `npm start`'s own fallback (fixed port, fixed profile) is restarted.

import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM } from '../../playwright.config.js';
import { SpanmarkApp } from './pages/app.js';
import { connectPatiently, forgetDevTools, killHard, launchKillable, waitForCdpGone, waitForDevTools, waitForGroupExit } from './fixtures/cdp-chromium.js';

const WORDS = ['Almaty', 'Twitter', 'Kazakh', 'radicals', 'looting', 'pharmacies'];

async function appPage(pages: () => Page[]): Promise<SpanmarkApp> {
  await expect.poll(() => pages().length).toBeGreaterThan(0);
  const app = new SpanmarkApp(pages()[0]!);
  await expect(app.page.locator('html[data-ready="true"]')).toBeAttached({ timeout: 30_000 });
  return app;
}

test('SIGKILL right after each acknowledged save loses nothing', async ({ baseURL }) => {
  test.setTimeout(240_000);
  const profile = mkdtempSync(join(tmpdir(), 'spanmark-kill-'));
  try {
    for (let round = 0; round < WORDS.length; round++) {
      // Each start picks its own DevTools port, so nothing can attach to the browser just killed.
      const { browser, proc, port } = await launchKillable(profile, baseURL!);
      const app = await appPage(() => browser.contexts()[0]!.pages());
      if (round === 0) await app.openSample();
      else await expect(app.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
      await expect(app.rows()).toHaveCount(round);
      await app.select(WORDS[round]!);
      await app.tag('deployment'); // resolves on the app's acknowledgement
      await killHard(proc);
      await waitForCdpGone(port);
      await waitForGroupExit(proc.pid!);
    }
    const { browser, proc } = await launchKillable(profile, baseURL!);
    const app = await appPage(() => browser.contexts()[0]!.pages());
    await expect(app.rows()).toHaveCount(WORDS.length);
    expect((await app.rowTexts()).sort()).toEqual(WORDS.map((w) => `deployment:${w}`).sort());
    await browser.close().catch(() => undefined);
    await killHard(proc);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('npm start: annotations made in one start are there in the next', async () => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'spanmark-start-'));
  const profile = join(dir, 'profile');
  // A stand-in for the system Chromium that is the real one, headless and with a DevTools port.
  const wrapper = join(dir, 'chromium');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${CHROMIUM} --headless=new --remote-debugging-port=0 "$@"\n`);
  chmodSync(wrapper, 0o755);
  // The stand-in is headless, so it needs no display, but the launcher only opens a window where one
  // is named. No Electron (and no download of it), so this is the browser fallback on every machine.
  const env = {
    ...process.env,
    SPANMARK_PORT: '47493',
    SPANMARK_PROFILE: profile,
    CHROME_PATH: wrapper,
    DISPLAY: process.env['DISPLAY'] || ':0',
    ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
    ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron'),
  };
  const start = async () => {
    forgetDevTools(profile);
    const proc = spawn('npx', ['tsx', 'main/node/start.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const devtools = await waitForDevTools(profile, 60_000);
    const browser = await connectPatiently(devtools.ws);
    const app = await appPage(() => browser.contexts()[0]!.pages());
    const stop = async () => {
      await browser.close().catch(() => undefined);
      await new Promise<void>((res) => {
        proc.once('exit', () => res());
        process.kill(-proc.pid!, 'SIGTERM');
      });
      await waitForCdpGone(devtools.port);
      await waitForGroupExit(proc.pid!);
    };
    return { proc, app, out: () => out, stop };
  };
  try {
    const first = await start();
    expect(first.out()).toMatch(/Spanmark: .*Chromium.*http:\/\/127\.0\.0\.1:47493\//);
    expect(first.app.page.url()).toBe('http://127.0.0.1:47493/');
    await first.app.openSample();
    await first.app.select('Kassym-Zhomart Tokayev');
    await first.app.tag('claim');
    await first.stop();

    const second = await start();
    await expect(second.app.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
    expect(await second.app.rowTexts()).toEqual(['claim:Kassym-Zhomart Tokayev']);
    await second.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
