// Runs every unit test (tests/unit/**/*.test.ts) with Node's own test runner through tsx.
// Node 20 does not expand globs for --test, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return testFiles(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const root = join(import.meta.dirname, '..');
const files = testFiles(join(root, 'tests', 'unit'))
  .map((f) => relative(root, f))
  .sort();
const extra = process.argv.slice(2);
// A test that never settles fails after TEST_TIMEOUT_MS instead of holding CI (the slowest passes
// in ~3 s), and the run ends once every test has reported even if failed code left a timer
// rescheduling itself: a hung session once kept the whole run waiting.
const TEST_TIMEOUT_MS = 120_000;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-timeout=${TEST_TIMEOUT_MS}`, '--test-force-exit', ...extra, ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
