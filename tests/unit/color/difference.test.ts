import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseColor, type Rgba } from '../../../src/color/contrast.js';
import { deltaE, toLab } from '../../../src/color/difference.js';

const c = (s: string): Rgba => {
  const r = parseColor(s);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const near = (actual: number, expected: number, tolerance = 0.05) => assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);

test('sRGB to CIELAB matches published values (D65)', () => {
  const cases: [string, number, number, number][] = [
    ['#ffffff', 100, 0, 0],
    ['#000000', 0, 0, 0],
    ['#ff0000', 53.24, 80.09, 67.2],
    ['#00ff00', 87.73, -86.18, 83.18],
    ['#0000ff', 32.3, 79.19, -107.86],
    ['#808080', 53.59, 0, 0],
  ];
  for (const [hex, l, a, b] of cases) {
    const lab = toLab(c(hex));
    near(lab.l, l);
    near(lab.a, a, 0.1);
    near(lab.b, b, 0.1);
  }
});

test('ΔE: identical is 0, black to white is 100, symmetric, and tells near-twins from distinct marks', () => {
  assert.equal(deltaE(c('#8a6400'), c('#8a6400')), 0);
  near(deltaE(c('#000'), c('#fff')), 100, 0.01);
  assert.equal(deltaE(c('#a12020'), c('#14578f')), deltaE(c('#14578f'), c('#a12020')));
  assert.ok(deltaE(c('#a12020'), c('#a22121')) < 2);
  assert.ok(deltaE(c('#8a6400'), c('#a12020')) > 40); // brown and red: close in RGB, far apart to the eye
});

test('alpha does not enter ΔE (composite first)', () => {
  assert.equal(deltaE(c('rgb(10 20 30 / .1)'), c('rgb(10 20 30)')), 0);
});
