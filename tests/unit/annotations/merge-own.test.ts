// Importing my own annotation again must not lose attribute values: a copy that differs only in its
// values is an update (or kept, when mine is newer), never "unchanged".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ownMergeOutcome } from '../../../src/annotations/merge-own.js';
import type { Annotation } from '../../../src/annotations/types.js';

const T = '2022-01-08T10:15:00.000Z';
const mine: Annotation = {
  id: 'a',
  docId: 'doc',
  label: 'casualty',
  start: 0,
  end: 4,
  quote: 'Four',
  annotator: 'Dana',
  createdAt: T,
  updatedAt: T,
  attributes: { count: { value: 4, qualifier: 'exact' }, kind: ['killed', 'injured'] },
};

test('the same values in another key order, or none against an empty set, are unchanged', () => {
  assert.equal(ownMergeOutcome(mine, { ...mine, attributes: { kind: ['killed', 'injured'], count: { qualifier: 'exact', value: 4 } } }), 'unchanged');
  const { attributes: _, ...bare } = mine;
  assert.equal(ownMergeOutcome(bare, { ...bare, attributes: {} }), 'unchanged');
});

test('different values with the same time are an update; an older copy with other values is kept out', () => {
  assert.equal(ownMergeOutcome(mine, { ...mine, attributes: { count: { value: 5, qualifier: 'exact' }, kind: ['killed', 'injured'] } }), 'updated');
  assert.equal(ownMergeOutcome(mine, { ...mine, attributes: { count: { value: 4, qualifier: 'exact' }, kind: ['injured', 'killed'] } }), 'updated');
  const { attributes: _, ...bare } = mine;
  assert.equal(ownMergeOutcome(bare, mine), 'updated');
  assert.equal(ownMergeOutcome(mine, { ...mine, attributes: { 'ع👨‍👩‍👧': 'x' }, updatedAt: '2022-01-08T10:14:59.999Z' }), 'kept-newer');
});
