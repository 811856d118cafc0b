// Accepting a colleague's span identical to one of mine links mine instead of copying it, and the
// link is not a copy: reconsidering it must never delete my own annotation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import { acceptCommand, clearDecisionCommand, isCopyOf, rejectCommand } from '../../../src/review/decisions.js';
import { findIdentical } from '../../../src/review/identical.js';

const TEXT = 'Troops 🇰🇿 arrived in Almaty.\r\nNo one died.';
const T = '2022-01-08T10:00:00.000Z';
const mk = (id: string, annotator: string, start: number, end: number, label: Annotation['label'] = 'deployment'): Annotation => ({
  id,
  docId: 'd',
  label,
  start,
  end,
  quote: TEXT.slice(start, end),
  annotator,
  createdAt: T,
  updatedAt: T,
});

const mine = mk('m1', 'dana', 0, 14);
const theirs = mk('t1', 'aigerim', 0, 14);
const base = { me: 'dana', now: T, previous: null, previousResult: null, text: TEXT, newId: 'new' };

test('an exact match of one of mine: the decision links my span, and no second span is made', () => {
  const r = acceptCommand({ ...base, theirs, mine: [mk('other', 'dana', 0, 6), mine] });
  assert.ok(r.ok);
  assert.deepEqual(r.value.annotation, { before: null, after: null });
  assert.equal(r.value.decision.after?.decision, 'accepted');
  assert.equal(r.value.decision.after?.resultId, 'm1');
  assert.equal(isCopyOf(r.value.decision.after, mine), false);
});

test('the same bounds with another label, or other bounds, is still copied with provenance', () => {
  const asClaim = acceptCommand({ ...base, theirs, mine: [mine], label: 'claim' });
  assert.ok(asClaim.ok);
  const copy = asClaim.value.annotation.after!;
  assert.deepEqual([copy.id, copy.label, copy.provenance], ['new', 'claim', { annotator: 'aigerim', annotationId: 't1', modified: true }]);
  assert.equal(isCopyOf(asClaim.value.decision.after!, copy), true);
  const wider = acceptCommand({ ...base, theirs: mk('t2', 'aigerim', 0, 15), mine: [mine] });
  assert.ok(wider.ok);
  assert.equal(wider.value.annotation.after?.id, 'new');
});

test('accepted as another label that I already have there: linked too, recorded as modified', () => {
  const myClaim = mk('m2', 'dana', 0, 14, 'claim');
  const r = acceptCommand({ ...base, theirs, mine: [myClaim], label: 'claim' });
  assert.ok(r.ok);
  assert.equal(r.value.annotation.after, null);
  assert.deepEqual([r.value.decision.after?.decision, r.value.decision.after?.resultId], ['accepted-modified', 'm2']);
});

test('re-accepting over an earlier copy that now equals one of mine removes the copy and links mine', () => {
  const first = acceptCommand({ ...base, theirs, mine: [] });
  assert.ok(first.ok);
  const copy = first.value.annotation.after!;
  const again = acceptCommand({ ...base, theirs, previous: first.value.decision.after, previousResult: copy, mine: [copy, mine] });
  assert.ok(again.ok);
  assert.deepEqual(again.value.annotation, { before: copy, after: null });
  assert.equal(again.value.decision.after?.resultId, 'm1');
});

test('a link is not a copy: reconsidering or rejecting with no copy leaves my layer alone', () => {
  const r = acceptCommand({ ...base, theirs, mine: [mine] });
  assert.ok(r.ok);
  const decision = r.value.decision.after!;
  // What the renderer passes as the decision's result: only a copy, never a linked own span.
  const result = isCopyOf(decision, mine) ? mine : null;
  assert.deepEqual(clearDecisionCommand(decision, result).annotation, { before: null, after: null });
  const rejected = rejectCommand({ theirs, me: 'dana', now: T, previous: decision, previousResult: result });
  assert.ok(rejected.ok);
  assert.deepEqual(rejected.value.annotation, { before: null, after: null });
});

test('isCopyOf needs the id and the provenance of the decided annotation', () => {
  const r = acceptCommand({ ...base, theirs, mine: [] });
  assert.ok(r.ok);
  const copy = r.value.annotation.after!;
  const d = r.value.decision.after!;
  assert.equal(isCopyOf(d, copy), true);
  assert.equal(isCopyOf(d, { ...copy, id: 'x' }), false);
  assert.equal(isCopyOf(d, { ...copy, provenance: { annotator: 'boris', annotationId: 't1', modified: false } }), false);
});

test('findIdentical: same start, end and label only; an id can be left out', () => {
  const layer = [mk('a', 'dana', 0, 6), mk('b', 'dana', 0, 6, 'claim'), mk('c', 'dana', 0, 6)];
  assert.equal(findIdentical(layer, { start: 0, end: 6, label: 'deployment' })?.id, 'a');
  assert.equal(findIdentical(layer, { start: 0, end: 6, label: 'deployment' }, 'a')?.id, 'c');
  assert.equal(findIdentical(layer, { start: 0, end: 7, label: 'deployment' }), undefined);
  assert.equal(findIdentical([], { start: 0, end: 6, label: 'claim' }), undefined);
});
