// Finds the Electron executable, and fetches it on demand. npm never runs Electron's own install
// script here (package.json's allowScripts denies it), so `npm install` succeeds on machines that
// reach only the npm registry and still installs the `electron` package with the types main/ is
// checked against; `npm start` and `npm test` then run Electron's install.js themselves, once, and
// fall back to the browser (or skip the Electron tests) when that download fails. Requiring
// 'electron' is avoided on purpose: its index.js starts a download of its own and throws a stack.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require_ = createRequire(import.meta.url);

/** node_modules/electron, or null when the package itself is not installed. */
export function electronPackageDir(): string | null {
  try {
    return dirname(require_.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * What `require('electron')` would return, without its download (ELECTRON_OVERRIDE_DIST_PATH
 * honoured as electron's index.js does): throws when there is no binary.
 */
function installedElectronPath(): string {
  const dir = electronPackageDir();
  if (dir === null) throw new Error('the electron package is not installed');
  let relative: string | undefined;
  try {
    relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never downloaded.
  }
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  if (override !== undefined && override !== '') return join(override, relative ?? 'electron');
  if (relative === undefined) throw new Error("Electron's binary is not installed");
  return join(dir, 'dist', relative);
}

/** Absolute path of the Electron executable, or null when the binary is not installed. */
export function electronBinaryPath(resolve: () => unknown = installedElectronPath, exists: (path: string) => boolean = existsSync): string | null {
  let path: unknown;
  try {
    path = resolve();
  } catch {
    return null;
  }
  return typeof path === 'string' && path.length > 0 && exists(path) ? path : null;
}

export type FetchOutcome = { readonly ok: true; readonly binary: string } | { readonly ok: false; readonly reason: string };

/** Why no download is attempted at all, or null when one may be. */
export function fetchRefusal(env: Readonly<Record<string, string | undefined>>, packageDir: string | null): string | null {
  if (packageDir === null) return 'the electron package is not installed (run npm install)';
  const skip = env['ELECTRON_SKIP_BINARY_DOWNLOAD'];
  if (skip !== undefined && skip !== '' && skip !== '0' && skip.toLowerCase() !== 'false') return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  return null;
}

/**
 * One line from install.js's failure output: the first line of the error (e.g. "TypeError: fetch
 * failed", "RequestError: getaddrinfo ENOTFOUND github.com"), never the stack.
 */
export function installFailureReason(output: string, exitCode: number | null, timedOut: boolean): string {
  if (timedOut) return 'the download took too long and was stopped';
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const error = lines.find((line) => /^(\w*Error|Error)\b|:\s*(fetch failed|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN)/.test(line)) ?? lines.at(-1);
  const text = error ?? `install.js exited with code ${exitCode ?? 'unknown'}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

/**
 * Runs node_modules/electron/install.js (the download npm did not run) and reports the binary or
 * why there is none. Its output is kept for the reason, not shown: offline it is a long stack.
 */
export async function fetchElectronBinary(options: { readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number } = {}): Promise<FetchOutcome> {
  const env = options.env ?? process.env;
  const dir = electronPackageDir();
  const refusal = fetchRefusal(env, dir);
  if (refusal !== null || dir === null) return { ok: false, reason: refusal ?? 'no electron package' };
  const child = spawn(process.execPath, [join(dir, 'install.js')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(
    () => {
      timedOut = true;
      child.kill('SIGTERM');
    },
    options.timeoutMs ?? 10 * 60_000,
  );
  const code = await new Promise<number | null>((done) => {
    child.on('error', (error) => {
      output += `\nError: ${error.message}`;
      done(null);
    });
    child.on('close', (exitCode) => done(exitCode));
  });
  clearTimeout(timer);
  const binary = electronBinaryPath();
  if (code === 0 && binary !== null) return { ok: true, binary };
  return { ok: false, reason: installFailureReason(output, code, timedOut) };
}

/** The binary, fetched first when missing; `say` reports the one line the user sees about it. */
export async function ensureElectronBinary(say: (line: string) => void, env: NodeJS.ProcessEnv = process.env): Promise<FetchOutcome> {
  const present = electronBinaryPath();
  if (present !== null) return { ok: true, binary: present };
  if (fetchRefusal(env, electronPackageDir()) === null) say("Spanmark: Electron's binary is not installed yet; downloading it (once, about 100 MB)…");
  return fetchElectronBinary({ env });
}
