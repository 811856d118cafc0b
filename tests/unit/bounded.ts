// Runs a check in a child process with a time limit. A quadratic regex blocks the thread that runs
// it, so no in-process timeout can stop it; a child can be killed, and the test then fails instead
// of hanging the suite. The limit is a guard against hours, not a timing target (those live in
// tests/bench). Not a *.test.ts file: loaded only by the tests that import it.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `body` (an ES module's text; it may import repository files relative to the root, as './src/…'); returns its stderr on failure. */
export function runBounded(body: string, limitMs = 60_000): { ok: boolean; detail: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], { cwd: root, timeout: limitMs, encoding: 'utf8' });
  if (r.error || r.signal) return { ok: false, detail: `stopped after ${limitMs} ms (${r.signal ?? r.error?.message})` };
  return { ok: r.status === 0, detail: `${r.stdout}${r.stderr}`.slice(-2000) };
}
