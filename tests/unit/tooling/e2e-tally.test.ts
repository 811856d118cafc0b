// `npm test`'s count of the end-to-end run (tests/e2e-tally.ts): a Playwright run that fails outside
// its tests is a failure, whatever its report's counts say.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyE2e, type E2eReport } from '../../e2e-tally.js';

const stats = (expected: number, unexpected = 0, flaky = 0, skipped = 0): E2eReport['stats'] => ({ expected, unexpected, flaky, skipped });

test('a clean run counts its tests: flaky ones passed (they passed on retry), skipped ones skipped', () => {
  assert.deepEqual(tallyE2e(0, { stats: stats(140, 0, 1, 8), errors: [] }), { passed: 141, failed: 0, skipped: 8 });
});

test('failed tests are counted as failed, and the exit status they caused is not counted again', () => {
  assert.deepEqual(tallyE2e(1, { stats: stats(139, 2), errors: [] }), { passed: 139, failed: 2, skipped: 0 });
});

test('a web server that could not start (the report Playwright writes then) is a failure, with the reason', () => {
  // As Playwright 1.5x wrote it when an earlier run still held the port: no test ran, exit 1.
  const report: E2eReport = {
    stats: stats(0),
    errors: [{ message: 'Error: http://127.0.0.1:47400/__spanmark/health is already used, make sure that nothing is running on the port/url' }],
  };
  assert.deepEqual(tallyE2e(1, report), { passed: 0, failed: 0, skipped: 0, broken: 'Playwright reported 1 error(s) outside the tests' });
});

test('a non-zero exit with no failed test and no listed error, or no report at all, is a failure too', () => {
  assert.equal(tallyE2e(1, { stats: stats(10) }).broken, 'Playwright exited with 1 and no test failed');
  assert.equal(tallyE2e(1, undefined).broken, 'Playwright wrote no report');
  // Nothing to say when Playwright says all is well.
  assert.equal(tallyE2e(0, { stats: stats(10) }).broken, undefined);
});
