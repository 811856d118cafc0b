// Accepting a colleague's span that I tagged too but with other values: per attribute, mine or
// theirs (default: theirs where I set nothing, mine otherwise), in one undoable command; values
// taken are validated, links re-pointed into my layer; a copy carries their values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import type { AttributeValues } from '../../../src/labels/attributes.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { acceptCommand, invertReview, toWireDecision } from '../../../src/review/decisions.js';

const TEXT = 'Their number increased to 18 👩🏽‍⚕️, the president said.';
const T = '2022-01-08T10:00:00.000Z';
const NOW = '2022-01-09T10:00:00.000Z';
const CASUALTY = DEFAULT_SCHEMA.labels.find((l) => l.id === 'casualty')!.attributes;
const mk = (id: string, annotator: string, start: number, end: number, attributes?: AttributeValues, label: Annotation['label'] = 'casualty'): Annotation => ({
  id,
  docId: 'd',
  label,
  start,
  end,
  quote: TEXT.slice(start, end),
  annotator,
  createdAt: T,
  updatedAt: T,
  ...(attributes ? { attributes } : {}),
});

const MINE = mk('m1', 'dana', 0, 28, { count: { value: 18, qualifier: 'exact' }, kind: ['killed'] });
const THEIRS = mk('t1', 'aigerim', 0, 28, { count: { value: 18, qualifier: 'about' }, kind: ['killed', 'injured'], group: 'security forces' });
const base = { me: 'dana', now: NOW, previous: null, previousResult: null, text: TEXT, newId: 'new', attributeDefs: CASUALTY };

test('default: keep mine where I set a value, take theirs where I set none; one command, undone whole', () => {
  const r = acceptCommand({ ...base, theirs: THEIRS, mine: [MINE], theirLayer: [THEIRS] });
  assert.ok(r.ok);
  const { decision, annotation } = r.value;
  assert.deepEqual(decision.after?.attributes, { count: 'mine', kind: 'mine', group: 'theirs' });
  assert.equal(decision.after?.resultId, 'm1');
  assert.equal(decision.after?.decision, 'accepted');
  assert.equal(annotation.before, MINE);
  assert.deepEqual(annotation.after?.attributes, { count: { value: 18, qualifier: 'exact' }, kind: ['killed'], group: 'security forces' });
  assert.equal(annotation.after?.updatedAt, NOW);
  assert.equal(annotation.after?.id, 'm1');
  assert.equal(annotation.after?.provenance, undefined);
  const undo = invertReview(r.value);
  assert.deepEqual([undo.annotation.after, undo.decision.after], [MINE, null]);
  // The choice is storage-only: a v1 export's decision has no such key.
  assert.equal('attributes' in toWireDecision(decision.after), false);
});

test('flipped per attribute: take their count, keep my kind', () => {
  const r = acceptCommand({ ...base, theirs: THEIRS, mine: [MINE], theirLayer: [THEIRS], attributeChoices: { count: 'theirs', group: 'mine' } });
  assert.ok(r.ok);
  assert.deepEqual(r.value.decision.after?.attributes, { count: 'theirs', kind: 'mine', group: 'mine' });
  assert.deepEqual(r.value.annotation.after?.attributes, { count: { value: 18, qualifier: 'about' }, kind: ['killed'] });
});

test('keeping all of mine changes nothing in my layer but still records the choice', () => {
  const r = acceptCommand({ ...base, theirs: THEIRS, mine: [MINE], attributeChoices: { group: 'mine' } });
  assert.ok(r.ok);
  assert.deepEqual(r.value.annotation, { before: null, after: null });
  assert.deepEqual(r.value.decision.after?.attributes, { count: 'mine', kind: 'mine', group: 'mine' });
});

test('taking "not set" removes my value; no values left removes the key', () => {
  const mine = mk('m1', 'dana', 0, 28, { place: 'Алматы' });
  const theirs = mk('t1', 'aigerim', 0, 28);
  const r = acceptCommand({ ...base, theirs, mine: [mine], attributeChoices: { place: 'theirs' } });
  assert.ok(r.ok);
  assert.equal('attributes' in r.value.annotation.after!, false);
});

test('a value of theirs my schema does not allow is refused with its attribute named', () => {
  const theirs = mk('t1', 'aigerim', 0, 28, { group: 'aliens' });
  const r = acceptCommand({ ...base, theirs, mine: [MINE] });
  assert.equal(r.ok, false);
  assert.ok(!r.ok && r.error.message.startsWith('Their Group cannot be taken: "aliens" is not one of'), !r.ok ? r.error.message : '');
});

test('a link is re-pointed at my span with the same bounds; without one, taking it is refused', () => {
  const defs = [...CASUALTY, { id: 'source', name: 'Source', type: 'link' as const }];
  const mySpeaker = mk('m-sp', 'dana', 38, 51, undefined, 'claim');
  const theirSpeaker = mk('t-sp', 'aigerim', 38, 51, undefined, 'claim');
  const theirs = mk('t1', 'aigerim', 0, 28, { source: 't-sp' });
  const mine = mk('m1', 'dana', 0, 28);
  const r = acceptCommand({ ...base, attributeDefs: defs, theirs, mine: [mine, mySpeaker], theirLayer: [theirs, theirSpeaker] });
  assert.ok(r.ok);
  assert.deepEqual(r.value.annotation.after?.attributes, { source: 'm-sp' });
  const missing = acceptCommand({ ...base, attributeDefs: defs, theirs, mine: [mine], theirLayer: [theirs, theirSpeaker] });
  assert.equal(missing.ok, false);
  assert.match(!missing.ok ? missing.error.message : '', /Their Source links to “the president”, which has no span of yours/);
  // Keeping mine (not set) is always possible.
  assert.ok(acceptCommand({ ...base, attributeDefs: defs, theirs, mine: [mine], theirLayer: [theirs, theirSpeaker], attributeChoices: { source: 'mine' } }).ok);
});

test('a copy carries their values; accepted as another label it keeps only what that label defines', () => {
  const r = acceptCommand({ ...base, theirs: THEIRS, mine: [], theirLayer: [THEIRS] });
  assert.ok(r.ok);
  assert.deepEqual(r.value.annotation.after?.attributes, THEIRS.attributes);
  assert.equal(r.value.decision.after?.attributes, undefined);
  const claimDefs = DEFAULT_SCHEMA.labels.find((l) => l.id === 'claim')!.attributes;
  const asClaim = acceptCommand({ ...base, attributeDefs: claimDefs, label: 'claim', theirs: THEIRS, mine: [] });
  assert.ok(asClaim.ok);
  assert.equal(asClaim.value.annotation.after?.attributes, undefined);
});
