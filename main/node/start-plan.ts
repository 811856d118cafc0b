// The decisions behind `npm start` and `serve.ts`, as pure functions over their inputs (environment,
// which files exist, whether we run as root): which mode, which port and profile, which Chromium and
// with which flags, and what to tell the user. start.ts only performs them.

import { isAbsolute, join, resolve } from 'node:path';
import { fail, ok, type Result } from '../../src/result.js';

export const DEFAULT_PORT = 47321;
export const PORT_ENV = 'SPANMARK_PORT';
export const PROFILE_ENV = 'SPANMARK_PROFILE';
export const HEALTH_PATH = '/__spanmark/health';
/** The build outputs `npm start` needs; when one is missing it builds first. */
export const REQUIRED_BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist/main/main.cjs'] as const;

export type Env = Readonly<Record<string, string | undefined>>;

export interface StartSettings {
  /** Fixed, because the browser fallback's IndexedDB is keyed by origin and the port is part of it. */
  readonly port: number;
  /** Chromium's --user-data-dir: holds the fallback's IndexedDB, so it is fixed too. */
  readonly profileDir: string;
}

/** A TCP port from text: an integer 1-65535 (0 is allowed only where an ephemeral port makes sense). */
export function parsePort(text: string, source: string, allowEphemeral = false): Result<number> {
  const port = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isInteger(port) || port > 65535 || (port === 0 && !allowEphemeral)) {
    return fail('bad-port', `${source} must be a port number from ${allowEphemeral ? 0 : 1} to 65535, not "${text}".`);
  }
  return ok(port);
}

export function readStartSettings(env: Env, homeDir: string): Result<StartSettings> {
  const rawPort = env[PORT_ENV];
  const port = rawPort === undefined || rawPort === '' ? ok(DEFAULT_PORT) : parsePort(rawPort, PORT_ENV);
  if (!port.ok) return port;
  const rawProfile = env[PROFILE_ENV];
  const profileDir =
    rawProfile === undefined || rawProfile === ''
      ? join(homeDir, '.spanmark', 'chromium-profile')
      : resolve(rawProfile.startsWith('~/') ? join(homeDir, rawProfile.slice(2)) : rawProfile);
  return ok({ port: port.value, profileDir });
}

export function missingBuildOutputs(repoRoot: string, exists: (path: string) => boolean): string[] {
  return REQUIRED_BUILD_OUTPUTS.filter((output) => !exists(join(repoRoot, output)));
}

export type StartMode =
  | { readonly kind: 'electron'; readonly binary: string }
  | { readonly kind: 'chromium' }
  /** No window can open (no display): serve, and say how to open the URL instead. */
  | { readonly kind: 'serve-only' };

export function chooseMode(electronBinary: string | null, displayAvailable = true): StartMode {
  if (!displayAvailable) return { kind: 'serve-only' };
  return electronBinary === null ? { kind: 'chromium' } : { kind: 'electron', binary: electronBinary };
}

/**
 * Can a window open? On Linux and the BSDs only with an X11 or Wayland display named in the
 * environment (Electron and Chromium both exit with code 1 without one); macOS and Windows always
 * have their own window server.
 */
export function hasDisplay(platform: NodeJS.Platform, env: Env): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return [env['DISPLAY'], env['WAYLAND_DISPLAY']].some((value) => value !== undefined && value.trim() !== '');
}

export function noDisplayNotice(url: string, port: number): string {
  return [
    `Spanmark: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so no window can open.`,
    `Spanmark is served at ${url} — open it in a Chromium-based browser on this machine, or from your own`,
    `computer through an SSH tunnel: ssh -L ${port}:127.0.0.1:${port} <this machine>, then open ${url} there.`,
    'Serving until Ctrl+C.',
  ].join('\n');
}

export type ChromiumExitPlan =
  /** The window was closed (or we were stopped): stop serving and exit with this code. */
  | { readonly kind: 'stop'; readonly code: number }
  /** Chromium failed: keep serving (when the server is ours) and say how to open the URL. */
  | { readonly kind: 'keep-serving'; readonly message: string }
  /** Chromium failed and the server belongs to an earlier start: nothing left to do here. */
  | { readonly kind: 'exit'; readonly code: number; readonly message: string };

/**
 * What to do when the fallback's Chromium exits. Code 0 or a signal is the user closing the window
 * or a stop we forwarded. Any other code is Chromium failing (early, usually: no display it can use,
 * a broken profile, a crash): the library is still fine and the server still serves, so the user is
 * told what happened and where to open it instead of the server stopping under them.
 */
export function chromiumExitPlan(code: number | null, signal: string | null, url: string, ownServer: boolean, stderr = ''): ChromiumExitPlan {
  if (code === 0 || (code === null && signal !== null)) return { kind: 'stop', code: 0 };
  const said = lastErrorLine(stderr);
  const what = `Spanmark: Chromium exited with code ${code ?? 'unknown'}${said === null ? '' : ` (it said: ${said})`}.`;
  if (!ownServer) return { kind: 'exit', code: 1, message: `${what} The Spanmark already running serves ${url}: open it in a Chromium-based browser.` };
  return { kind: 'keep-serving', message: `${what} Your library is untouched. Open ${url} in a Chromium-based browser; serving until Ctrl+C.` };
}

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const;

/** CHROME_PATH when it names an existing file, else the first installed well-known browser, else null. */
export function findChromium(env: Env, exists: (path: string) => boolean): string | null {
  const fromEnv = env['CHROME_PATH'];
  if (fromEnv !== undefined && fromEnv !== '' && exists(fromEnv)) return fromEnv;
  const windows = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env['LOCALAPPDATA']]
    .filter((dir): dir is string => dir !== undefined && dir !== '')
    .map((dir) => join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'));
  return [...CHROMIUM_CANDIDATES, ...windows].find((path) => exists(path)) ?? null;
}

export function appUrl(port: number): string {
  return `http://127.0.0.1:${port}/`;
}

export interface ChromiumLaunch {
  readonly url: string;
  readonly profileDir: string;
  /** Chromium refuses to start as root with its sandbox on. */
  readonly isRoot: boolean;
}

export function chromiumArgs({ url, profileDir, isRoot }: ChromiumLaunch): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
    '--window-size=1280,860',
    ...(isRoot ? ['--no-sandbox'] : []),
  ];
}

/**
 * The line of a program's stderr worth showing: the last one that reads like an error, else the last
 * non-empty one, without Chromium's "[pid:tid:date:ERROR:file.cc(12)] " prefix; at most 300 characters.
 */
export function lastErrorLine(stderr: string): string | null {
  const lines = stderr
    .split(/\r?\n/)
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter((line) => line !== '');
  const line = [...lines].reverse().find((l) => /error|fail|missing|cannot|can't|unable/i.test(l)) ?? lines.at(-1);
  if (line === undefined) return null;
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** A path for messages: the home folder shown as ~. */
export function displayPath(path: string, homeDir: string): string {
  if (homeDir !== '' && (path === homeDir || path.startsWith(`${homeDir}/`))) return `~${path.slice(homeDir.length)}`;
  return path;
}

export function fallbackNotice(url: string, profileDir: string, homeDir: string, reason = "Electron's binary is not installed here"): string {
  return `Spanmark: ${reason}, so Spanmark opens in Chromium as an app window at ${url} (profile: ${displayPath(profileDir, homeDir)})`;
}

export function noChromiumNotice(url: string): string {
  return `Spanmark: no Chromium or Chrome found (set CHROME_PATH to one); open ${url} in a Chromium-based browser. Serving until Ctrl+C.`;
}

export function portConflictMessage(port: number): string {
  return `Spanmark: port ${port} is in use by another program, not a Spanmark server. Stop it, or choose another port with ${PORT_ENV}=<port> (the browser profile's data is tied to the port).`;
}

export function portSquatMessage(port: number): string {
  return `Spanmark: port ${port} is held by a program that answers like a Spanmark server but cannot prove it was started by your \`npm start\` (it does not know your launcher secret), so Spanmark refuses to open your library there: whoever serves that origin could read it. Stop that program (see \`ss -ltnp 'sport = :${port}'\` or \`lsof -i :${port}\`), or choose another port with ${PORT_ENV}=<port> (the browser profile's data is tied to the port).`;
}

/** Does a /__spanmark/health body say a Spanmark server answered? */
export function isSpanmarkHealth(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { app?: unknown }).app === 'spanmark';
}

export interface ServeArgs {
  readonly port: number;
  readonly root: string;
}

/** `serve.ts --port N --root DIR`; port defaults to SPANMARK_PORT or 47321, root to dist/renderer. */
export function parseServeArgs(argv: readonly string[], env: Env, cwd: string): Result<ServeArgs> {
  let port: string | undefined;
  let root: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag !== '--port' && flag !== '--root') return fail('bad-args', `Unknown argument "${arg}"; usage: serve.ts [--port N] [--root DIR]`);
    const value = inline ?? argv[++i];
    if (value === undefined) return fail('bad-args', `${flag} needs a value.`);
    if (flag === '--port') port = value;
    else root = value;
  }
  const fromEnv = env[PORT_ENV] === '' ? undefined : env[PORT_ENV];
  const parsedPort = parsePort(port ?? fromEnv ?? String(DEFAULT_PORT), port === undefined ? PORT_ENV : '--port', true);
  if (!parsedPort.ok) return parsedPort;
  const rootDir = root ?? 'dist/renderer';
  return ok({ port: parsedPort.value, root: isAbsolute(rootDir) ? rootDir : resolve(cwd, rootDir) });
}
