import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summariseLayer } from '../../../src/corpus/layer-summary.js';

test('counts per label and the newest change (updatedAt, else createdAt)', () => {
  const s = summariseLayer([
    { label: 'claim', createdAt: '2022-01-07T10:00:00.000Z', updatedAt: '2022-01-07T11:00:00.000Z' },
    { label: 'claim', createdAt: '2022-01-08T09:00:00.000Z' },
    { label: 'casualty', createdAt: '2022-01-06T00:00:00.000Z', updatedAt: '2022-01-06T00:00:00.000Z' },
  ]);
  assert.deepEqual(s, { counts: { claim: 2, casualty: 1 }, lastEdited: '2022-01-08T09:00:00.000Z' });
});

test('an empty layer: no counts, no last edit', () => {
  assert.deepEqual(summariseLayer([]), { counts: {} });
});

test('labels are own keys whatever they are called: __proto__, emoji, RTL, combining marks', () => {
  const s = summariseLayer([{ label: '__proto__' }, { label: '__proto__' }, { label: '🇰🇿' }, { label: 'مرحبا' }, { label: 'e\u0301' }, { label: 'é' }]);
  assert.equal(Object.getPrototypeOf(s.counts), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(s.counts, '__proto__')?.value, 2);
  assert.equal(s.counts['🇰🇿'], 1);
  assert.equal(s.counts['مرحبا'], 1);
  // Two labels, not one: ids are compared as stored.
  assert.equal(s.counts['e\u0301'], 1);
  assert.equal(s.counts['é'], 1);
  assert.equal(s.lastEdited, undefined);
});

test('a huge layer is counted in one pass', () => {
  const list = Array.from({ length: 200_000 }, (_, i) => ({
    label: i % 3 === 0 ? 'claim' : 'deployment',
    createdAt: `2022-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`,
  }));
  const s = summariseLayer(list);
  assert.equal(s.counts['claim'], 66_667);
  assert.equal(s.counts['deployment'], 133_333);
  assert.equal(s.lastEdited, '2022-01-01T00:00:59.000Z');
});
