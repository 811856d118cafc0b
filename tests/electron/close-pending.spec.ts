// Closing the Electron window right after an edit loses nothing: main holds the window's close
// until the renderer says every pending write has settled. 20 rounds of tag-then-close, each on a
// fresh launch with the same profile. Skipped, with the reason, where the Electron binary is absent.

import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from '../../main/node/electron-binary.js';
import { SpanmarkApp } from '../e2e/pages/app.js';
import { SAMPLE_WORDS as WORDS } from '../e2e/fixtures/sample-words.js';

const binary = electronBinaryPath();
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

test.skip(binary === null, 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the Electron app cannot launch on this machine');

async function launch(userData: string): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    ...(binary === null ? {} : { executablePath: binary }),
    args: [repoRoot],
    cwd: repoRoot,
    env: { ...process.env, SPANMARK_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  return { app, page };
}

test('a label key then closing the window at once, 20 rounds: every edit is stored', async () => {
  test.setTimeout(600_000);
  if (!existsSync(join(repoRoot, 'dist', 'main', 'main.cjs'))) throw new Error('The Electron tests need a build: run `npm run build` first.');
  const userData = mkdtempSync(join(tmpdir(), 'spanmark-electron-close-'));
  try {
    let { app, page } = await launch(userData);
    await new SpanmarkApp(page).openSample();
    const tagged: string[] = [];
    for (const word of WORDS) {
      const view = new SpanmarkApp(page);
      await view.select(word);
      await page.keyboard.press('1');
      tagged.push(word);
      // Close as the title bar's button does, in the same instant; the app quits with its window.
      const closed = app.waitForEvent('close');
      await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
      await closed;
      ({ app, page } = await launch(userData));
      await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
      expect(new Set(await new SpanmarkApp(page).rowTexts())).toEqual(new Set(tagged.map((w) => `claim:${w}`)));
    }
    await app.close();
  } finally {
    rmSync(userData, { recursive: true, force: true });
  }
});
