import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codePointsToUtf16, utf16ToCodePoints, codePointLength, splitsSurrogatePair } from '../../../src/text/offsets.js';

test('ASCII offsets are the same in both units', () => {
  assert.deepEqual(utf16ToCodePoints('hello', [0, 2, 5]), [0, 2, 5]);
  assert.deepEqual(codePointsToUtf16('hello', [0, 2, 5]), [0, 2, 5]);
});

test('characters outside the BMP count once as code points and twice as UTF-16', () => {
  const text = 'a😀b𝟏𝟎c';
  assert.deepEqual(utf16ToCodePoints(text, [0, 1, 3, 4, 8, 9]), [0, 1, 2, 3, 5, 6]);
  assert.deepEqual(codePointsToUtf16(text, [0, 1, 2, 3, 5, 6]), [0, 1, 3, 4, 8, 9]);
  assert.equal(codePointLength(text), 6);
});

test('unsorted input keeps its order', () => {
  assert.deepEqual(utf16ToCodePoints('😀x😀', [5, 0, 2]), [3, 0, 1]);
});

test('an offset splitting a surrogate pair is refused, not rounded', () => {
  assert.throws(() => utf16ToCodePoints('😀', [1]), /splits a surrogate pair/);
  assert.equal(splitsSurrogatePair('😀', 1), true);
  assert.equal(splitsSurrogatePair('😀', 0), false);
});

test('offsets outside the text are refused or reported', () => {
  assert.throws(() => utf16ToCodePoints('ab', [3]), /outside the text/);
  assert.throws(() => utf16ToCodePoints('ab', [-1]), /outside the text/);
  assert.deepEqual(codePointsToUtf16('ab', [3, -1, 1.5]), [undefined, undefined, undefined]);
});

test('empty text has only offset 0', () => {
  assert.deepEqual(utf16ToCodePoints('', [0]), [0]);
  assert.deepEqual(codePointsToUtf16('', [0, 1]), [0, undefined]);
});

test('round trip agrees with spreading the string, on the Unicode corpus', async () => {
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(new URL('../../../../shared/corpus/unicode-edge-cases.txt', import.meta.url), 'utf8');
  const units = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => !splitsSurrogatePair(text, i));
  const cps = utf16ToCodePoints(text, units);
  units.forEach((u, i) => assert.equal([...text.slice(0, u)].length, cps[i]));
  assert.deepEqual(codePointsToUtf16(text, cps), units);
});

test('many offsets (the table path) give the same answers and the same refusals', () => {
  const text = 'a😀b𝟏𝟎c Қ 🇷🇺 e\u0301'.repeat(50);
  const units = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => !splitsSurrogatePair(text, i));
  const many = utf16ToCodePoints(text, units);
  units.forEach((u, i) => assert.equal(many[i], [...text.slice(0, u)].length));
  const split = units.length > 0 ? text.indexOf('😀') + 1 : 1;
  assert.throws(() => utf16ToCodePoints(text, [...units, split]), /splits a surrogate pair/);
  assert.throws(() => utf16ToCodePoints(text, [...units, text.length + 1]), /outside the text/);
});
