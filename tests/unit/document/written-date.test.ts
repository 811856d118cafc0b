// Page dates come in machine-readable and written forms; each must become the YYYY-MM-DD the page
// states, and anything impossible, ambiguous or absurdly long must give no date rather than a wrong one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { machineDate, writtenDate } from '../../../src/document/written-date.js';

test('machine-readable dates keep the publisher’s calendar day, whatever the time zone', () => {
  assert.equal(machineDate('2022-01-07T23:30:00-05:00'), '2022-01-07');
  assert.equal(machineDate('2022-01-07'), '2022-01-07');
  assert.equal(machineDate('  2022-01-07 10:00'), '2022-01-07');
  assert.equal(machineDate('2022-02-29T00:00Z'), undefined, 'not a leap year');
  assert.equal(machineDate('2024-02-29'), '2024-02-29');
  assert.equal(machineDate('2022-13-01'), undefined);
  assert.equal(machineDate('20220107'), undefined);
  assert.equal(machineDate('2022-01-070'), undefined);
  assert.equal(machineDate('Friday'), undefined);
  assert.equal(machineDate(''), undefined);
});

test('written dates in bylines, day-first and month-first, abbreviated or ordinal', () => {
  assert.equal(writtenDate('By a staff correspondent · 7 January 2022'), '2022-01-07');
  assert.equal(writtenDate('Published January 7, 2022, 10:14 GMT'), '2022-01-07');
  assert.equal(writtenDate('Sept. 3rd, 2021'), '2021-09-03');
  assert.equal(writtenDate('the 7th of Jan 2022'), '2022-01-07');
  assert.equal(writtenDate('07 JAN 2022'), '2022-01-07');
  assert.equal(writtenDate('Updated 2022-01-08T09:00 (first published 7 January 2022)'), '2022-01-08', 'the first date written');
  assert.equal(writtenDate('30 February 2022'), undefined);
  assert.equal(writtenDate('On Friday, January 7, he wrote'), undefined, 'no year, no date');
  assert.equal(writtenDate('17 Januaryx 2022'), undefined);
  assert.equal(writtenDate('٧ يناير ٢٠٢٢'), undefined, 'other scripts are left undated, not guessed');
  assert.equal(writtenDate(''), undefined);
});

test('only the start of a long text is read', () => {
  assert.equal(writtenDate(`${'x '.repeat(1000)}7 January 2022`), undefined);
  assert.equal(writtenDate(`7 January 2022 ${'x'.repeat(1_000_000)}`), '2022-01-07');
});
