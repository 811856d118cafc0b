import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initials, layerSlots, LAYER_SLOTS } from '../../../src/review/layer-slots.js';

test('every annotator on a document gets a distinct slot while slots last', () => {
  const names = ['Aigerim', 'Bolat', 'Chen', 'Dana', 'Erlan', 'Farida'];
  const slots = layerSlots(names);
  assert.equal(new Set(slots.values()).size, LAYER_SLOTS);
  for (const s of slots.values()) assert.ok(s >= 0 && s < LAYER_SLOTS);
});

test('a colleague keeps the same slot whatever order the layers arrive in', () => {
  const a = layerSlots(['Dana', 'Bolat', 'Aigerim']);
  const b = layerSlots(['Aigerim', 'Dana', 'Bolat']);
  assert.deepEqual([...a].sort(), [...b].sort());
  // A name sorting after Bolat never takes Bolat's slot from it.
  assert.equal(layerSlots(['Bolat', 'Zed']).get('Bolat'), layerSlots(['Bolat']).get('Bolat'));
});

test('more annotators than slots reuse slots instead of failing', () => {
  const slots = layerSlots(Array.from({ length: 9 }, (_, i) => `analyst ${i}`));
  assert.equal(slots.size, 9);
});

test('initials work for one-word, multi-word and non-Latin names', () => {
  assert.equal(initials('Aigerim Nurlanovna'), 'AN');
  assert.equal(initials('dana'), 'DA');
  assert.equal(initials('Қасым-Жомарт Тоқаев'), 'ҚТ');
  assert.equal(initials('😀x'), '😀X');
  assert.equal(initials('  '), '?');
});
