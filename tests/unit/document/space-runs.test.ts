import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LONG_SPACE_RUN, hasLongSpaceRunIn, longSpaceRuns } from '../../../src/document/space-runs.js';

const has = (text: string, start = 0, end = text.length): boolean => hasLongSpaceRunIn(longSpaceRuns(text), start, end);

test('a run of spaces as long as the limit is found, with its exact extent; one shorter is not', () => {
  assert.deepEqual(longSpaceRuns(`a${' '.repeat(LONG_SPACE_RUN)}b`), [{ start: 1, end: 1 + LONG_SPACE_RUN }]);
  assert.deepEqual(longSpaceRuns(`a${' '.repeat(LONG_SPACE_RUN - 1)}b`), []);
  // Tabs inside a run found by its spaces count towards it.
  assert.deepEqual(longSpaceRuns(`a\t\t${' '.repeat(LONG_SPACE_RUN - 2)}b`), [{ start: 1, end: 1 + LONG_SPACE_RUN }]);
});

test('runs broken by a newline or a no-break space, or many short runs, do not add up', () => {
  assert.deepEqual(longSpaceRuns(`${' '.repeat(200)}\n${' '.repeat(200)}`), []);
  assert.deepEqual(longSpaceRuns(`${' '.repeat(200)}\u00a0${' '.repeat(200)}`), []);
  assert.deepEqual(longSpaceRuns('word '.repeat(100_000)), []);
  assert.deepEqual(longSpaceRuns(`x${' '.repeat(100)}y`.repeat(1000)), []);
});

test('several runs are all found, in order, at either edge of the text', () => {
  const text = `${' '.repeat(300)}mid${' '.repeat(400)}`;
  assert.deepEqual(longSpaceRuns(text), [
    { start: 0, end: 300 },
    { start: 303, end: 703 },
  ]);
});

test('a block has a run only when enough of the run lies inside it', () => {
  const text = `head${' '.repeat(300)}tail`;
  assert.equal(has(text, 0, 4 + 255), false);
  assert.equal(has(text, 0, 4 + 256), true);
  assert.equal(has(text, 4 + 45, text.length), false);
  assert.equal(has(text, 4 + 44, text.length), true);
  assert.equal(has(text, 304, text.length), false);
  assert.equal(has(text, 0, 4), false);
});

test('empty text, emoji, RTL and CRLF text have no run', () => {
  assert.deepEqual(longSpaceRuns(''), []);
  assert.deepEqual(longSpaceRuns('👩‍👩‍👧 مرحبا שלום\r\n\r\ne\u0301'), []);
  assert.equal(hasLongSpaceRunIn([], 0, 10), false);
});

test('5 MB of spaces is one run, found in one pass', () => {
  const huge = `# Almaty${' '.repeat(5 * 1024 * 1024)}#`;
  assert.deepEqual(longSpaceRuns(huge), [{ start: 8, end: 8 + 5 * 1024 * 1024 }]);
});
