// End-to-end tests: the web build served from 127.0.0.1 (IndexedDB needs a real origin) and driven
// in the system Chromium; the Electron project runs where Electron's binary is installed.

import { defineConfig } from '@playwright/test';

export const E2E_PORT = Number(process.env['SPANMARK_E2E_PORT'] ?? 47400);
export const CHROMIUM = process.env['CHROME_PATH'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  outputDir: 'test-results/artifacts',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  webServer: {
    command: `npx tsx main/node/serve.ts --port ${E2E_PORT} --root dist/renderer`,
    url: `http://127.0.0.1:${E2E_PORT}/__spanmark/health`,
    reuseExistingServer: !process.env['CI'],
    timeout: 60_000,
  },
});
