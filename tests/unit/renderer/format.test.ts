// Counts as the interface shows them: grouped in threes in the interface's English, whatever the
// machine's locale, and "1" alone singular.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { formatCount, plural } from '../../../renderer/ui/format.js';

const FORMAT = fileURLToPath(new URL('../../../renderer/ui/format.ts', import.meta.url));

test('counts of a thousand and more are grouped in threes', () => {
  assert.equal(formatCount(0), '0');
  assert.equal(formatCount(999), '999');
  assert.equal(formatCount(1000), '1,000');
  assert.equal(formatCount(10_000), '10,000');
  assert.equal(formatCount(1_234_567), '1,234,567');
});

test('plural names one thing in the singular and every other count in the plural, grouped', () => {
  assert.equal(plural(1, 'annotation'), '1 annotation');
  assert.equal(plural(0, 'annotation'), '0 annotations');
  assert.equal(plural(10_000, 'annotation'), '10,000 annotations');
  assert.equal(plural(2, 'match', 'matches'), '2 matches');
  assert.equal(plural(1_000, 'match', 'matches'), '1,000 matches');
});

test('the grouping does not follow the machine’s locale', () => {
  // A German machine writes 10.000 by default; the sentences around the count are English.
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { plural } from ${JSON.stringify(pathToFileURL(FORMAT).href)}; process.stdout.write((10000).toLocaleString() + ' | ' + plural(10000, 'row'));`,
    ],
    { env: { ...process.env, LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8' }, encoding: 'utf8' },
  );
  assert.equal(out, '10.000 | 10,000 rows');
});
