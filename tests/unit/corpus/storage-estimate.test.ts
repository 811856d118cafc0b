import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, importWontFit, IMPORT_OVERHEAD, storageReport, WARN_SHARE } from '../../../src/corpus/storage-estimate.js';

const GB = 1_000_000_000;

test('bytes are shown in decimal units', () => {
  assert.equal(formatBytes(0), '0 bytes');
  assert.equal(formatBytes(1), '1 byte');
  assert.equal(formatBytes(999), '999 bytes');
  assert.equal(formatBytes(1000), '1.0 kB');
  assert.equal(formatBytes(12_345_678), '12.3 MB');
  assert.equal(formatBytes(250 * GB), '250 GB');
  assert.equal(formatBytes(5e18), '5000 PB');
  assert.equal(formatBytes(Number.NaN), '? bytes');
  assert.equal(formatBytes(-1), '? bytes');
});

test('below 80 % the line only informs', () => {
  const r = storageReport({ usage: 0.2 * GB, quota: 2 * GB });
  assert.equal(r.level, 'ok');
  assert.equal(r.text, 'Storage: 200 MB used of 2.0 GB available (10 %)');
  assert.equal(r.warning, undefined);
  // Just under the line.
  assert.equal(storageReport({ usage: WARN_SHARE * GB - 1, quota: GB }).warning, undefined);
});

test('from 80 % on it warns, saying what is left and what to do; 95 % is full', () => {
  const high = storageReport({ usage: 0.8 * GB, quota: GB });
  assert.equal(high.level, 'high');
  assert.match(high.warning ?? '', /^Storage is 80 % full: 200 MB left\. Once it runs out, new tags cannot be saved\./);
  assert.equal(storageReport({ usage: 0.96 * GB, quota: GB }).level, 'full');
  // Over the quota (an estimate can overshoot): 100 %, nothing left, never negative.
  const over = storageReport({ usage: 3 * GB, quota: GB });
  assert.equal(over.level, 'full');
  assert.match(over.text, /\(100 %\)$/);
  assert.match(over.warning ?? '', /0 bytes left/);
});

test('a missing or malformed estimate is unknown and warns about nothing', () => {
  for (const e of [
    undefined,
    {},
    { usage: 5 },
    { quota: 5 },
    { usage: -1, quota: 10 },
    { usage: 1, quota: 0 },
    { usage: Number.NaN, quota: 10 },
    { usage: 1, quota: Infinity },
    { usage: '5', quota: '10' } as never,
  ]) {
    const r = storageReport(e);
    assert.equal(r.level, 'unknown', JSON.stringify(e));
    assert.equal(r.warning, undefined);
    assert.equal(importWontFit(e, 10 * GB), undefined);
  }
});

test('an import that will not fit is refused with both figures; one that fits, or of no size, is not', () => {
  const e = { usage: 0.9 * GB, quota: GB };
  assert.equal(importWontFit(e, 0), undefined);
  assert.equal(importWontFit(e, (0.1 * GB) / IMPORT_OVERHEAD), undefined);
  const msg = importWontFit(e, 0.3 * GB);
  assert.equal(
    msg,
    'Not imported: these files need about 600 MB of storage, and only 100 MB of 1.0 GB is left. Nothing was changed. Delete articles you no longer need and empty Deleted, or free space on this disk, then import again.',
  );
  assert.equal(importWontFit(e, Number.NaN), undefined);
  assert.equal(importWontFit(e, -5), undefined);
});
