import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortAnnotations } from '../../../src/annotations/commands.js';
import { findIdentical, findIdenticalInOrder } from '../../../src/review/identical.js';

type Span = { id: string; label: string; start: number; end: number };

test('in a layer in text order, the binary search finds what the walk finds, every time', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const labels = ['claim', 'casualty', 'deployment'];
  for (let round = 0; round < 300; round++) {
    const layer = sortAnnotations(
      Array.from({ length: rand(40) }, (_, i): Span => {
        const start = rand(30);
        return { id: `a${i}`, label: labels[rand(3)]!, start, end: start + 1 + rand(5) };
      }),
    );
    for (let q = 0; q < 20; q++) {
      const start = rand(32);
      const span = { label: labels[rand(3)]!, start, end: start + 1 + rand(5) };
      const except = rand(3) === 0 ? layer[rand(Math.max(1, layer.length))]?.id : undefined;
      assert.equal(findIdenticalInOrder(layer, span, except), findIdentical(layer, span, except), JSON.stringify({ round, span, except }));
    }
  }
});

test('the first and the last span are found; an empty layer and a span past the end find nothing', () => {
  const layer = sortAnnotations<Span>([
    { id: 'z', label: 'claim', start: 0, end: 4 },
    { id: 'm', label: 'claim', start: 5, end: 9 },
    { id: 'a', label: 'casualty', start: 9, end: 12 },
  ]);
  assert.equal(findIdenticalInOrder(layer, { label: 'claim', start: 0, end: 4 })?.id, 'z');
  assert.equal(findIdenticalInOrder(layer, { label: 'casualty', start: 9, end: 12 })?.id, 'a');
  assert.equal(findIdenticalInOrder(layer, { label: 'claim', start: 9, end: 12 }), undefined);
  assert.equal(findIdenticalInOrder(layer, { label: 'claim', start: 40, end: 41 }), undefined);
  assert.equal(findIdenticalInOrder([], { label: 'claim', start: 0, end: 1 }), undefined);
  // The span itself is not its own duplicate when relabelling it.
  assert.equal(findIdenticalInOrder(layer, { label: 'claim', start: 5, end: 9 }, 'm'), undefined);
});
