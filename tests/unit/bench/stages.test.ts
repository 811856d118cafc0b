// The bench splits an open's and an import's figure into stages from the app's marks: a stage runs
// from the previous stage's mark (the gesture, for the first) to its own (the figure's end, for
// the last), and a sample without a stage's marks (an older build) is left out of its median
// rather than counted as 0.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stageLengths, stageMedians, type Stage } from '../../bench/stages.js';

const STAGES: readonly Stage[] = [{ label: 'to a', to: 'a' }, { label: 'a to b', to: 'b' }, { label: 'b to the end' }];

test('each stage runs from its mark to the next; the first from the gesture, the last to the figure’s end', () => {
  assert.deepEqual(stageLengths(STAGES, { a: 3, b: 10 }, 25), [3, 7, 15]);
});

test('a stage whose mark is missing has no length, and the others keep theirs', () => {
  assert.deepEqual(stageLengths(STAGES, { a: 3 }, 25), [3, undefined, undefined]);
  assert.deepEqual(stageLengths(STAGES, {}, 25), [undefined, undefined, undefined]);
});

test('medians over the samples that have the stage; none gives NaN', () => {
  const samples = [
    { ms: 20, stages: { a: 2, b: 10 } },
    { ms: 30, stages: { a: 4, b: 14 } },
    { ms: 40, stages: { a: 6 } },
  ];
  const [toA, aToB, toEnd] = stageMedians(STAGES, samples);
  assert.equal(toA, 4);
  // Two samples have b: the median of 8 and 10, not of 0, 8 and 10.
  assert.equal(aToB, 9);
  assert.equal(toEnd, (10 + 16) / 2);
  assert.ok(Number.isNaN(stageMedians(STAGES, [{ ms: 5, stages: {} }])[1]));
});
