// The processes the bench starts around the browser: the renderer build and the static server.
// Both run as children by their own pid (never looked up by name), so the bench can always stop
// exactly what it started, even when it fails half-way.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

const TSX = ['--import', 'tsx'];

/**
 * Only the renderer entries (the page and its import worker): a full `scripts/build.ts` starts by deleting dist/, which would pull the
 * files from under anyone else's test server on this machine mid-run.
 */
export function buildRenderer(cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, 'scripts/build.ts', 'renderer', 'importWorker'], { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`scripts/build.ts renderer importWorker failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** The preferred port or one of the next few; 0 (the OS picks) when all are taken. */
export async function freePort(preferred: number, tries = 20): Promise<number> {
  for (let p = preferred; p < preferred + tries; p++) if (await portIsFree(p)) return p;
  return 0;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

export function startServer(cwd: string, port: number, root: string, timeoutMs: number): Promise<RunningServer> {
  const child = spawn(process.execPath, [...TSX, 'main/node/serve.ts', '--port', String(port), '--root', root], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = (): Promise<void> => stopChild(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the static server printed no URL within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const url = /https?:\/\/127\.0\.0\.1:\d+\//.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the static server exited (${code}) before serving:\n${out}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
