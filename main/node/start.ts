// What `npm start` runs: builds if needed, then opens Spanmark in Electron when its binary is
// installed or can be fetched now, else in the system Chromium as an app window over the local
// static server (fixed port and profile, because the browser keys IndexedDB by origin). With no
// display it only serves and says where to open the URL; a server already on the port is reused only
// when it proves it is this user's (claim-port.ts). Decisions are in start-plan.ts.

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimPort } from './claim-port.js';
import { ensureElectronBinary } from './electron-binary.js';
import { readOrCreateSecret, secretPath } from './launcher-secret.js';
import {
  appUrl,
  chooseMode,
  chromiumArgs,
  chromiumExitPlan,
  fallbackNotice,
  findChromium,
  hasDisplay,
  missingBuildOutputs,
  noChromiumNotice,
  noDisplayNotice,
  readStartSettings,
  type StartSettings,
} from './start-plan.js';
import type { StaticServer } from './static-server.js';

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

/** Our own server, or null when this user's earlier `npm start` serves the port (it is reused). */
async function serveOrReuse(settings: StartSettings, root: string): Promise<StaticServer | null> {
  const path = secretPath(homedir());
  let secret: Buffer;
  try {
    secret = readOrCreateSecret(path, dirname(path));
  } catch (error) {
    console.error(
      `Spanmark: could not read or create ${path} (${(error as Error).message}), which proves a server on port ${settings.port} is yours; fix its folder's permissions, or remove a link planted there.`,
    );
    process.exit(1);
  }
  const claim = await claimPort({ root, port: settings.port, secret });
  if (claim.kind === 'refused') {
    console.error(claim.message);
    process.exit(1);
  }
  return claim.kind === 'serving' ? claim.server : null;
}

function stopper(server: StaticServer | null): (code: number) => void {
  return (code) => {
    const closing = server === null ? Promise.resolve() : server.close();
    closing.finally(() => process.exit(code)).catch(() => process.exit(code));
  };
}

/** Serve until Ctrl+C after saying why no window opens; with a reused server, nothing is left to do. */
function serveUntilStopped(server: StaticServer | null, message: string): void {
  console.log(message);
  if (server === null) return;
  const stop = stopper(server);
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
}

async function runServeOnly(settings: StartSettings): Promise<void> {
  const server = await serveOrReuse(settings, join(repoRoot, 'dist', 'renderer'));
  serveUntilStopped(server, noDisplayNotice(appUrl(settings.port), settings.port));
}

async function runChromium(settings: StartSettings, reason: string): Promise<void> {
  const url = appUrl(settings.port);
  const server = await serveOrReuse(settings, join(repoRoot, 'dist', 'renderer'));
  console.log(fallbackNotice(url, settings.profileDir, homedir(), reason));
  const chromium = findChromium(process.env, existsSync);
  if (chromium === null) {
    serveUntilStopped(server, noChromiumNotice(url));
    return;
  }
  const stop = stopper(server);
  mkdirSync(settings.profileDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  // Chromium's own chatter (GPU, D-Bus warnings) would bury the line above: its stderr is kept, not
  // shown, and only its last error line is quoted if it fails.
  const child = spawn(chromium, chromiumArgs({ url, profileDir: settings.profileDir, isRoot }), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  forwardSignals(child, () => stop(0));
  child.on('error', (error) => {
    console.error(`Spanmark: could not start ${chromium} (${error.message}); open ${url} in a Chromium-based browser.`);
  });
  child.on('exit', (code, signal) => {
    const plan = chromiumExitPlan(code, signal, url, server !== null, stderr);
    if (plan.kind === 'stop') stop(plan.code);
    else if (plan.kind === 'exit') {
      console.error(plan.message);
      process.exit(plan.code);
    } else console.error(plan.message); // the server keeps serving; forwardSignals stops it on Ctrl+C
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
const display = hasDisplay(process.platform, process.env);
// No display: fetching Electron would be wasted, since neither it nor Chromium can open a window.
const electron = display ? await ensureElectronBinary((line) => console.log(line)) : null;
const mode = chooseMode(electron?.ok === true ? electron.binary : null, display);
if (mode.kind === 'electron') runElectron(mode.binary);
else if (mode.kind === 'serve-only') await runServeOnly(settings.value);
else
  await runChromium(
    settings.value,
    electron?.ok === false ? `Electron's binary is not available (${electron.reason})` : "Electron's binary is not installed here",
  );
