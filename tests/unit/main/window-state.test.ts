import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, parseWindowState, placeWindow, serializeWindowState, type Rect } from '../../../main/app/window-state.js';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const external: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };

test('a saved state round-trips through its file', () => {
  const state = { bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true };
  assert.deepEqual(parseWindowState(serializeWindowState(state)), state);
});

test('malformed state files are ignored, never thrown', () => {
  for (const text of [
    '',
    'null',
    '[]',
    '{',
    '{"bounds":{}}',
    '{"bounds":{"x":0,"y":0,"width":"800","height":600}}',
    '{"bounds":{"x":0,"y":0,"width":0,"height":600}}',
    '{"bounds":{"x":1e308,"y":0,"width":800,"height":600}}',
    '{"bounds":{"x":null,"y":0,"width":800,"height":600}}',
  ]) {
    assert.equal(parseWindowState(text), null, text);
  }
});

test('fractional coordinates are rounded and maximized defaults to false', () => {
  assert.deepEqual(parseWindowState('{"bounds":{"x":1.4,"y":2.6,"width":900.5,"height":700}}'), {
    bounds: { x: 1, y: 3, width: 901, height: 700 },
    maximized: false,
  });
});

test('with no state the default size is used and the OS centres it', () => {
  assert.deepEqual(placeWindow(null, [external, laptop]), { ...DEFAULT_WINDOW_SIZE, maximized: false });
  assert.deepEqual(placeWindow(null, []), { ...DEFAULT_WINDOW_SIZE, maximized: false });
});

test('the default size shrinks to a small primary display', () => {
  assert.deepEqual(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }]), { width: 1024, height: 700, maximized: false });
});

test('a window fully on a display stays where it was', () => {
  const state = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: false };
  assert.deepEqual(placeWindow(state, [laptop, external]), { x: 100, y: 50, width: 1200, height: 800, maximized: false });
});

test('a window on the second display stays there', () => {
  const state = { bounds: { x: 2000, y: -100, width: 1600, height: 1000 }, maximized: true };
  assert.deepEqual(placeWindow(state, [laptop, external]), { x: 2000, y: -100, width: 1600, height: 1000, maximized: true });
});

test('a window partly off screen is pulled fully onto the display it overlaps most', () => {
  const state = { bounds: { x: 1000, y: 600, width: 1200, height: 800 }, maximized: false };
  assert.deepEqual(placeWindow(state, [laptop]), { x: 240, y: 75, width: 1200, height: 800, maximized: false });
});

test('a window too big for its display is shrunk to the work area', () => {
  const state = { bounds: { x: 0, y: 0, width: 3000, height: 2000 }, maximized: false };
  assert.deepEqual(placeWindow(state, [laptop]), { x: 0, y: 0, width: 1440, height: 875, maximized: false });
});

test('a window on an unplugged monitor moves to the primary display, centred', () => {
  const state = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: false };
  assert.deepEqual(placeWindow(state, [laptop]), { x: 220, y: 87, width: 1000, height: 700, maximized: false });
});

test('a tiny saved window grows to the minimum size', () => {
  const state = { bounds: { x: 10, y: 10, width: 50, height: 40 }, maximized: false };
  assert.deepEqual(placeWindow(state, [laptop]), { x: 10, y: 10, ...MIN_WINDOW_SIZE, maximized: false });
});
