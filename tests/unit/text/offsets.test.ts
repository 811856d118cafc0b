import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { codePointMap, codePointsToUtf16, utf16ToCodePoints, codePointLength, splitsSurrogatePair } from '../../../src/text/offsets.js';

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

test('many offsets on a long mixed text give the same answers as spreading the string, and the same refusals', () => {
  const text = 'a😀b𝟏𝟎c Қ 🇷🇺 e\u0301'.repeat(50);
  const units = Array.from({ length: text.length + 1 }, (_, i) => i).filter((i) => !splitsSurrogatePair(text, i));
  const many = utf16ToCodePoints(text, units);
  units.forEach((u, i) => assert.equal(many[i], [...text.slice(0, u)].length));
  const split = units.length > 0 ? text.indexOf('😀') + 1 : 1;
  assert.throws(() => utf16ToCodePoints(text, [...units, split]), /splits a surrogate pair/);
  assert.throws(() => utf16ToCodePoints(text, [...units, text.length + 1]), /outside the text/);
});

test('lone surrogates count as one code point each, as spreading the string counts them', () => {
  const text = 'a\uD800b\uDC00c😀\uDBFF';
  const units = [0, 1, 2, 3, 4, 5, 7, 8];
  assert.deepEqual(
    utf16ToCodePoints(text, units),
    units.map((u) => [...text.slice(0, u)].length),
  );
  assert.throws(() => utf16ToCodePoints(text, [6]), /splits a surrogate pair/);
});

test('offsets that are not whole numbers are refused', () => {
  for (const bad of [0.5, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => utf16ToCodePoints('abc', [bad]), /outside the text/);
});

test('a megabyte of emoji: every one of 20,000 offsets lands right', () => {
  const text = '😀'.repeat(500_000);
  const offsets = Array.from({ length: 20_000 }, (_, i) => 2 * ((i * 7919) % 500_000));
  const cps = utf16ToCodePoints(text, offsets);
  offsets.forEach((u, i) => assert.equal(cps[i], u / 2));
});

test('codePointsToUtf16 agrees with walking the text, for pairs, lone halves and offsets past the end', () => {
  // The reference walks code points as [...text] does (a lone surrogate is one of them).
  const walk = (text: string, cp: number): number | undefined => {
    const points = [...text];
    if (!Number.isInteger(cp) || cp < 0 || cp > points.length) return undefined;
    return points.slice(0, cp).join('').length;
  };
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('a', 'é', '😀', '𝟏', '\ud800', '\udc00', 'ש', '\n'), { maxLength: 40 }).map((parts) => parts.join('')),
      fc.array(fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(1.5)), { maxLength: 12 }),
      (text, offsets) => {
        assert.deepEqual(
          codePointsToUtf16(text, offsets),
          offsets.map((cp) => walk(text, cp)),
        );
        const map = codePointMap(text);
        assert.equal(map.length, [...text].length);
        for (const cp of offsets) assert.equal(map.toUtf16(cp), walk(text, cp));
      },
    ),
    { numRuns: 400 },
  );
});
