// What `npm start` runs: builds if needed, then opens Spanmark in Electron when its binary is
// installed, else in the system Chromium as an app window over the local static server (fixed port
// and profile, because the browser keys IndexedDB by origin). Decisions are in start-plan.ts.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.js';
import {
  appUrl, chooseMode, chromiumArgs, fallbackNotice, findChromium, HEALTH_PATH, isSpanmarkHealth,
  missingBuildOutputs, noChromiumNotice, portConflictMessage, readStartSettings, type StartSettings,
} from './start-plan.js';
import { startStaticServer, type StaticServer } from './static-server.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function ensureBuild(): void {
  const missing = missingBuildOutputs(repoRoot, existsSync);
  if (missing.length === 0) return;
  console.log(`Spanmark: building first (${missing.join(', ')} missing)…`);
  // The same program as `npm run build` (tsx scripts/build.ts), without depending on npx or a shell.
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'build.ts')], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('Spanmark: the build failed; see the output above.');
    process.exit(result.status ?? 1);
  }
}

function runElectron(binary: string): void {
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE']; // would make the binary a plain Node and ignore the app
  const child = spawn(binary, [repoRoot], { cwd: repoRoot, stdio: 'inherit', env });
  forwardSignals(child, () => process.exit(1));
  child.on('error', (error) => {
    console.error(`Spanmark: could not start Electron at ${binary} (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 1 : 0)));
}

async function isSpanmarkServer(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}${HEALTH_PATH}`, { signal: AbortSignal.timeout(2000) });
    return response.ok && isSpanmarkHealth(await response.json());
  } catch {
    return false;
  }
}

/** Our own server, or null when a Spanmark server already answers on the port (it is reused). */
async function serveOrReuse(settings: StartSettings, root: string): Promise<StaticServer | null> {
  try {
    return await startStaticServer({ root, port: settings.port });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
    if (await isSpanmarkServer(settings.port)) return null;
    console.error(portConflictMessage(settings.port));
    process.exit(1);
  }
}

async function runChromium(settings: StartSettings): Promise<void> {
  const url = appUrl(settings.port);
  const server = await serveOrReuse(settings, join(repoRoot, 'dist', 'renderer'));
  console.log(fallbackNotice(url, settings.profileDir, homedir()));
  const stop = (code: number): void => {
    const closing = server === null ? Promise.resolve() : server.close();
    closing.finally(() => process.exit(code)).catch(() => process.exit(code));
  };
  const chromium = findChromium(process.env, existsSync);
  if (chromium === null) {
    console.log(noChromiumNotice(url));
    if (server === null) return; // another Spanmark is serving; nothing left for us to do
    process.once('SIGINT', () => stop(0));
    process.once('SIGTERM', () => stop(0));
    return;
  }
  mkdirSync(settings.profileDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // Chromium's own chatter (GPU, D-Bus warnings) would bury the one line above.
  const child = spawn(chromium, chromiumArgs({ url, profileDir: settings.profileDir, isRoot }), { stdio: 'ignore' });
  forwardSignals(child, () => stop(0));
  child.on('error', (error) => {
    console.error(`Spanmark: could not start ${chromium} (${error.message}); open ${url} in a Chromium-based browser.`);
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && code !== null) console.error(`Spanmark: Chromium exited with code ${code}.`);
    stop(code ?? (signal === null ? 1 : 0));
  });
}

/** Ctrl+C and kill reach the child, whose exit then ends us; with no live child, `otherwise` runs. */
function forwardSignals(child: ChildProcess, otherwise: () => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill(signal);
      else otherwise();
    });
  }
}

const settings = readStartSettings(process.env, homedir());
if (!settings.ok) {
  console.error(`Spanmark: ${settings.error.message}`);
  process.exit(2);
}
ensureBuild();
const mode = chooseMode(electronBinaryPath());
if (mode.kind === 'electron') runElectron(mode.binary);
else await runChromium(settings.value);
