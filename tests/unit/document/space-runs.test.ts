import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LONG_SPACE_RUN, hasLongSpaceRun } from '../../../src/document/space-runs.js';

test('a run of spaces or tabs as long as the limit is found; one shorter is not', () => {
  assert.equal(hasLongSpaceRun(`a${' '.repeat(LONG_SPACE_RUN)}b`), true);
  assert.equal(hasLongSpaceRun(`a${' '.repeat(LONG_SPACE_RUN - 1)}b`), false);
  assert.equal(hasLongSpaceRun(`a${' \t'.repeat(LONG_SPACE_RUN / 2)}b`), true);
});

test('runs broken by other whitespace, or many short runs, do not add up', () => {
  const broken = `${' '.repeat(200)}\n${' '.repeat(200)}`;
  assert.equal(hasLongSpaceRun(broken), false);
  assert.equal(hasLongSpaceRun(`${' '.repeat(200)}\u00a0${' '.repeat(200)}`), false);
  assert.equal(hasLongSpaceRun('word '.repeat(100_000)), false);
});

test('only the range asked about counts, at either edge of the text', () => {
  const text = `head${' '.repeat(300)}tail`;
  assert.equal(hasLongSpaceRun(text, 0, 4 + 299), false);
  assert.equal(hasLongSpaceRun(text, 0, 4 + 300), true);
  assert.equal(hasLongSpaceRun(text, 5), false);
  assert.equal(hasLongSpaceRun(' '.repeat(300), -5, 10_000), true);
});

test('empty text, emoji, RTL and CRLF text have no run', () => {
  assert.equal(hasLongSpaceRun(''), false);
  assert.equal(hasLongSpaceRun('👩‍👩‍👧 مرحبا שלום\r\n\r\ne\u0301'), false);
});

test('5 MB of spaces is answered in one pass', () => {
  const huge = `# Almaty${' '.repeat(5 * 1024 * 1024)}#`;
  assert.equal(hasLongSpaceRun(huge), true);
  assert.equal(hasLongSpaceRun(huge, 0, 8 + 255), false);
});
