import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isReadingWidth, isThemeChoice, isZoom, resolveTheme, ZOOM_STEPS, zoomPercent, zoomStep } from '../../../renderer/settings/display-prefs.js';

test('zoom walks the steps and stops at both ends', () => {
  assert.equal(zoomStep(1, 1), 1.1);
  assert.equal(zoomStep(1, -1), 0.9);
  let z = 1;
  for (let i = 0; i < 50; i++) z = zoomStep(z, 1);
  assert.equal(z, ZOOM_STEPS[ZOOM_STEPS.length - 1]);
  for (let i = 0; i < 50; i++) z = zoomStep(z, -1);
  assert.equal(z, ZOOM_STEPS[0]);
  // Every step is reached going up and coming down.
  const up = [ZOOM_STEPS[0]!];
  while (up.at(-1) !== zoomStep(up.at(-1)!, 1)) up.push(zoomStep(up.at(-1)!, 1));
  assert.deepEqual(up, ZOOM_STEPS);
});

test('a zoom between steps snaps to the next step in the direction pressed', () => {
  assert.equal(zoomStep(1.05, 1), 1.1);
  assert.equal(zoomStep(1.05, -1), 1);
  assert.equal(zoomStep(0.1, 1), 0.5);
  assert.equal(zoomStep(9, -1), 2);
});

test('only a known step, theme or width read from storage is used', () => {
  for (const z of ZOOM_STEPS) assert.ok(isZoom(z));
  for (const bad of [0, -1, 40, 1.05, NaN, Infinity, '1', null, undefined, {}, [1]]) assert.equal(isZoom(bad), false, JSON.stringify(bad) ?? 'undefined');
  for (const t of ['system', 'light', 'dark']) assert.ok(isThemeChoice(t));
  for (const bad of ['Dark', 'dark ', '', 'dim', 1, null, undefined]) assert.equal(isThemeChoice(bad), false, String(bad));
  for (const w of ['narrow', 'medium', 'wide', 'full']) assert.ok(isReadingWidth(w));
  // Not fooled by the prototype chain or look-alikes.
  for (const bad of ['toString', '__proto__', 'constructor', 'Wide', 'ｗｉｄｅ', 'wide\u0301', '', 3, null])
    assert.equal(isReadingWidth(bad), false, String(bad));
});

test('System follows the system; Light and Dark do not', () => {
  assert.equal(resolveTheme('system', true), 'dark');
  assert.equal(resolveTheme('system', false), 'light');
  assert.equal(resolveTheme('light', true), 'light');
  assert.equal(resolveTheme('dark', false), 'dark');
});

test('zoom is shown as a whole percentage', () => {
  assert.equal(zoomPercent(1), '100%');
  assert.equal(zoomPercent(0.67), '67%');
  assert.equal(zoomPercent(1.1), '110%');
});
