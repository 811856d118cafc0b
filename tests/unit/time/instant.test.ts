// Timestamps compared as instants, not strings: every RFC 3339 spelling another tool may write
// (offsets, no or long fractions, lower-case t/z as Python's isoformat() can give) orders correctly.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareInstants, normalizeDateTime, sameInstant } from '../../../src/time/instant.js';

const sign = (n: number): number => Math.sign(n);

test('one instant in every spelling compares equal and normalises to the stored form', () => {
  const stored = '2022-01-08T10:15:00.000Z';
  for (const spelling of [
    stored,
    '2022-01-08T10:15:00Z',
    '2022-01-08t10:15:00z',
    '2022-01-08T15:15:00+05:00',
    '2022-01-08T15:15:00.000+05:00',
    '2022-01-08T05:15:00-05:00',
    '2022-01-08T10:15:00.000000+00:00',
    '2022-01-08T10:15:00-00:00',
    '2022-01-08T15:45:00+05:30',
  ]) {
    assert.equal(compareInstants(spelling, stored), 0, spelling);
    assert.ok(sameInstant(spelling, stored), spelling);
    assert.equal(normalizeDateTime(spelling), stored, spelling);
  }
});

test('an earlier instant is earlier although its string sorts after the later one', () => {
  // Each pair: [earlier, later]; as strings the earlier one compares greater (the bug of issue 8 #3).
  const pairs: [string, string][] = [
    ['2022-01-08T12:00:00+05:00', '2022-01-08T08:00:00Z'], // offset: 07:00Z vs 08:00Z
    ['2022-01-08T10:15:00Z', '2022-01-08T10:15:00.500Z'], // missing milliseconds: "Z" > "."
    ['2022-01-08t10:15:00.000Z', '2022-01-08T10:16:00.000Z'], // lower-case t sorts after T
    ['2022-01-08T10:15:00.5z', '2022-01-08T10:15:00.50001Z'], // lower-case z sorts after digits
    ['2022-01-08T15:15:00.000001+05:00', '2022-01-08T10:15:00.000002Z'], // Python's microseconds, one apart
  ];
  for (const [earlier, later] of pairs) {
    assert.ok(earlier > later, `the test pair ${earlier} / ${later} must sort wrongly as strings`);
    assert.equal(compareInstants(earlier, later), -1, `${earlier} < ${later}`);
    assert.equal(compareInstants(later, earlier), 1, `${later} > ${earlier}`);
  }
});

test('normalising keeps sub-millisecond digits, crosses days and leap years, and leaves what it cannot hold', () => {
  assert.equal(normalizeDateTime('2022-01-08T10:15:00.123456+00:00'), '2022-01-08T10:15:00.123456Z');
  assert.equal(normalizeDateTime('2022-01-08T10:15:00.1+00:00'), '2022-01-08T10:15:00.100Z');
  assert.equal(normalizeDateTime('2022-01-08T10:15:00.123400Z'), '2022-01-08T10:15:00.1234Z');
  assert.equal(normalizeDateTime('2024-03-01T01:00:00+02:00'), '2024-02-29T23:00:00.000Z');
  assert.equal(normalizeDateTime('2021-12-31T20:00:00-05:00'), '2022-01-01T01:00:00.000Z');
  assert.equal(normalizeDateTime('0099-06-01T00:00:00Z'), '0099-06-01T00:00:00.000Z'); // no Date two-digit-year quirk
  // UTC would be year -1 or 10000, which a 4-digit stamp cannot hold: kept, only t/z upper-cased.
  assert.equal(normalizeDateTime('0000-01-01t00:30:00+01:00'), '0000-01-01T00:30:00+01:00');
  assert.equal(normalizeDateTime('9999-12-31T23:30:00-01:00'), '9999-12-31T23:30:00-01:00');
  assert.equal(normalizeDateTime('not a date'), 'not a date');
  // The stored spelling passes as it is; one of that shape that is no date stays as it is too.
  assert.equal(normalizeDateTime('2022-01-08T10:15:00.123Z'), '2022-01-08T10:15:00.123Z');
  assert.equal(normalizeDateTime('2022-02-30T10:15:00.123Z'), '2022-02-30T10:15:00.123Z');
  assert.equal(normalizeDateTime('2022-02-30T10:15:00.123+00:00'), '2022-02-30T10:15:00.123+00:00');
  assert.equal(compareInstants('not a date', '1970-01-01T00:00:00Z'), -1, 'an unreadable stamp never wins');
  assert.equal(sameInstant('x', 'x'), true);
  assert.equal(sameInstant('x', 'y'), false);
});

test('property: compareInstants agrees with Date for millisecond stamps in any offset and spelling', () => {
  const stamp = fc
    .record({
      ms: fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9998, 11, 31) }),
      offset: fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
      lower: fc.boolean(),
      fraction: fc.constantFrom('none', 'ms', 'us'),
    })
    .filter((s) => s.fraction !== 'none' || s.ms % 1000 === 0);
  const spell = (s: { ms: number; offset: number; lower: boolean; fraction: string }): string => {
    const local = new Date(s.ms + s.offset * 60_000).toISOString(); // the wall clock at that offset
    const body = local.slice(0, 19) + (s.fraction === 'none' ? '' : s.fraction === 'ms' ? local.slice(19, 23) : `${local.slice(19, 23)}000`);
    const abs = Math.abs(s.offset);
    const zone =
      s.offset === 0 && s.lower ? 'z' : `${s.offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
    return s.lower ? body.replace('T', 't') + zone : body + zone;
  };
  fc.assert(
    fc.property(stamp, stamp, (a, b) => {
      const [x, y] = [spell(a), spell(b)];
      assert.equal(sign(compareInstants(x, y)), sign(a.ms - b.ms), `${x} vs ${y}`);
      assert.equal(normalizeDateTime(x), new Date(a.ms).toISOString(), x);
    }),
    { numRuns: 300 },
  );
});
