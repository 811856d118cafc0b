import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composite, contrastRatio, cssContrastRatio, parseColor, relativeLuminance, type Rgba } from '../../../src/color/contrast.js';

const c = (s: string): Rgba => {
  const r = parseColor(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const ratio = (fg: string, bg: string) => contrastRatio(c(fg), c(bg));
const close = (actual: number, expected: number, digits = 2) => assert.equal(actual.toFixed(digits), expected.toFixed(digits), `${actual} ≉ ${expected}`);

test('known WCAG ratios', () => {
  close(ratio('#000', '#fff'), 21);
  close(ratio('#fff', '#000'), 21); // order does not matter
  close(ratio('#fff', '#fff'), 1);
  close(ratio('#777777', '#ffffff'), 4.48); // the classic "just fails AA" grey
  close(ratio('#767676', '#ffffff'), 4.54); // the lightest grey passing AA on white
  close(ratio('#ff0000', '#ffffff'), 4.0);
  close(ratio('#0000ff', '#ffffff'), 8.59);
  close(ratio('#00ff00', '#000000'), 15.3, 1);
  close(ratio('#949494', '#ffffff'), 3.03); // around the 3:1 line for non-text marks
});

test('relative luminance at the ends and the linear/power seam', () => {
  assert.equal(relativeLuminance(c('#000')), 0);
  close(relativeLuminance(c('#fff')), 1, 6);
  // 10/255 = 0.0392 sits below the 0.04045 seam (linear part), 11/255 above it (power part).
  close(relativeLuminance(c('rgb(10 10 10)')), 10 / 255 / 12.92, 6);
  close(relativeLuminance(c('rgb(11 11 11)')), ((11 / 255 + 0.055) / 1.055) ** 2.4, 6);
});

test('parses every form getComputedStyle and the stylesheet use', () => {
  assert.deepEqual(c('#abc'), { r: 0xaa, g: 0xbb, b: 0xcc, a: 1 });
  assert.deepEqual(c('#AABBCC'), { r: 0xaa, g: 0xbb, b: 0xcc, a: 1 });
  assert.deepEqual(c('#aabbcc80'), { r: 0xaa, g: 0xbb, b: 0xcc, a: 0x80 / 255 });
  assert.deepEqual(c('rgb(1, 2, 3)'), { r: 1, g: 2, b: 3, a: 1 });
  assert.deepEqual(c('rgba(1, 2, 3, 0.5)'), { r: 1, g: 2, b: 3, a: 0.5 });
  assert.deepEqual(c('rgb(246 201 74 / .38)'), { r: 246, g: 201, b: 74, a: 0.38 });
  assert.deepEqual(c('rgb(100% 0% 50% / 40%)'), { r: 255, g: 0, b: 127.5, a: 0.4 });
  assert.deepEqual(c('  rgb(300, -4, 3)  '), { r: 255, g: 0, b: 3, a: 1 }); // clamped like CSS
});

test('a translucent foreground is composited over the background first', () => {
  const half = c('rgba(0, 0, 0, 0.5)');
  assert.deepEqual(composite(half, c('#fff')), { r: 127.5, g: 127.5, b: 127.5, a: 1 });
  close(contrastRatio(half, c('#fff')), ratio('rgb(127.5 127.5 127.5)', '#fff'));
  close(contrastRatio(c('rgb(0 0 0 / 0)'), c('#fff')), 1); // fully transparent: no contrast at all
});

test('a translucent background is refused, not guessed', () => {
  assert.throws(() => contrastRatio(c('#000'), c('rgb(0 0 0 / .5)')), /opaque/);
  const r = cssContrastRatio('#000', 'rgba(255, 255, 255, 0.2)');
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.error, /translucent/);
});

test('malformed and unsupported colours are refused with the input named', () => {
  for (const bad of [
    '',
    '   ',
    'red',
    'transparent',
    '#12',
    '#12345',
    '#ggg',
    'rgb()',
    'rgb(1 2)',
    'rgb(1, 2, 3, 4, 5)',
    'rgb(1 2 3 / 4 / 5)',
    'rgb(1, 2, 3 / 1)',
    'rgb(a b c)',
    'hsl(0 0% 0%)',
    'color(srgb 1 0 0)',
    'rgb(1 2 3',
    '#fff\u0301',
    '🟥',
    '\u202e#fff',
    'rgb(1\r\n2 3)x',
  ]) {
    const r = parseColor(bad);
    assert.equal(r.ok, false, bad);
    if (!r.ok) assert.ok(r.error.includes(bad.trim()) || bad.trim() === '', `${r.error} names ${bad}`);
  }
  const r = cssContrastRatio('#fff', 'nope');
  assert.deepEqual(r, { ok: false, error: '"nope" is not a colour this check understands (hex or rgb()/rgba())' });
});

test('CRLF and tabs between channels are whitespace, as in CSS', () => {
  assert.deepEqual(c('rgb(1\r\n2\t3)'), { r: 1, g: 2, b: 3, a: 1 });
});

test('a huge input is refused quickly, not backtracked over', () => {
  const huge = `rgb(${'1 '.repeat(200_000)})`;
  assert.equal(parseColor(huge).ok, false);
  assert.equal(parseColor('#' + 'f'.repeat(1_000_000)).ok, false);
});
