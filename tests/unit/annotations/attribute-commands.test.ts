import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCommand, invertCommand, describeCommand } from '../../../src/annotations/commands.js';
import { deleteWithLinks, linksTo, setAttribute, type DefsOf } from '../../../src/annotations/attribute-commands.js';
import type { Annotation } from '../../../src/annotations/types.js';
import type { AttributeDef } from '../../../src/labels/attributes.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';

const now = '2022-01-07T10:00:00.000Z';
const later = '2022-01-07T11:00:00.000Z';
const text = 'Tokayev 🇰🇿 said: ‏שלום‏ e\u0301 18 were killed.\r\nAnd more.';

function ann(over: Partial<Annotation> & { id: string; start: number; end: number }): Annotation {
  return { docId: 'd', label: 'claim', quote: text.slice(over.start, over.end), annotator: 'ana', createdAt: now, updatedAt: now, ...over };
}

const speaker: AttributeDef = { id: 'speaker', name: 'Speaker', type: 'link', targets: ['actor'] };
const claimDefs = [...DEFAULT_SCHEMA.labels.find((l) => l.id === 'claim')!.attributes, speaker];
const casualtyDefs = DEFAULT_SCHEMA.labels.find((l) => l.id === 'casualty')!.attributes;
const defsOf: DefsOf = (label) => (label === 'claim' ? claimDefs : label === 'casualty' ? casualtyDefs : []);
const def = (id: string) => [...claimDefs, ...casualtyDefs].find((d) => d.id === id)!;

const actor = ann({ id: 'act', start: 0, end: 7, label: 'actor' });
const claim = ann({ id: 'clm', start: 8, end: 30 });
const casualty = ann({ id: 'cas', start: text.indexOf('18'), end: text.indexOf('killed') + 6, label: 'casualty' });
const layer = [actor, claim, casualty];

test('setting a quantity is an update with an exact inverse; clearing it removes the key', () => {
  const r = setAttribute(casualty, def('count'), { value: 18, qualifier: 'exact' }, later, layer);
  assert.ok(r.ok);
  assert.deepEqual(r.value.after.attributes, { count: { value: 18, qualifier: 'exact' } });
  assert.equal(r.value.after.updatedAt, later);
  assert.equal(r.value.before, casualty);
  const after = applyCommand(layer, r.value);
  assert.deepEqual(applyCommand(after, invertCommand(r.value)), layer);
  const cleared = setAttribute(r.value.after, def('count'), undefined, later, after);
  assert.ok(cleared.ok);
  assert.equal('attributes' in cleared.value.after, false, 'no empty attributes object is stored');
  assert.match(describeCommand(r.value), /set count on “18 were killed”/);
});

test('each type: good values stored as given, wrong ones refused with the attribute named', () => {
  const good: [string, unknown][] = [
    ['count', { min: 10, max: 15 }],
    ['count', { value: 0, qualifier: 'about' }],
    ['kind', ['killed', 'injured']],
    ['group', 'civilians'],
    ['place', 'Алматы 🇰🇿 ‏שלום‏ e\u0301\r\n'],
    ['place', ''],
    ['date', '2022'],
    ['date', '2022-01'],
    ['date', '2024-02-29'],
  ];
  for (const [id, v] of good) {
    const r = setAttribute(casualty, def(id), v as never, later, layer);
    assert.ok(r.ok, `${id} ${JSON.stringify(v)}`);
    assert.deepEqual(r.value.after.attributes?.[id], v);
  }
  const bad: [string, unknown, RegExp][] = [
    ['count', { value: -1, qualifier: 'exact' }, /^Count: value must be/],
    ['count', { value: Number.NaN, qualifier: 'exact' }, /^Count:/],
    ['count', { value: 3, qualifier: 'roughly' }, /qualifier must be one of/],
    ['count', { min: 15, max: 10 }, /min \(15\) is greater than max \(10\)/],
    ['kind', 'killed', /^Kind: must be a list/],
    ['kind', ['killed', 'killed'], /twice/],
    ['kind', ['eaten'], /"eaten" is not one of/],
    ['group', 'Civilians', /^Group: "Civilians" is not one of/],
    ['date', '2023-02-29', /^Date: must be a date YYYY, YYYY-MM or YYYY-MM-DD/],
    ['date', '22-01-07', /^Date:/],
    ['date', '2022-13', /^Date:/],
    ['place', 42, /^Place: must be a string/],
  ];
  for (const [id, v, why] of bad) {
    const r = setAttribute(casualty, def(id), v as never, later, layer);
    assert.equal(r.ok, false, `${id} ${JSON.stringify(v)}`);
    if (!r.ok) assert.match(r.error.message, why);
  }
});

test('a link must point at an annotation of this document with an allowed label, not at itself', () => {
  const ok = setAttribute(claim, speaker, 'act', later, layer);
  assert.ok(ok.ok);
  assert.deepEqual(ok.value.after.attributes, { speaker: 'act' });
  const missing = setAttribute(claim, speaker, 'nope', later, layer);
  assert.ok(!missing.ok && /Speaker: links to "nope", which is not an annotation of this document/.test(missing.error.message));
  const wrongLabel = setAttribute(claim, speaker, 'cas', later, layer);
  assert.ok(!wrongLabel.ok && /links to a casualty; allowed: actor/.test(wrongLabel.error.message));
  const anyLabel: AttributeDef = { id: 'about', name: 'About', type: 'link' };
  const self = setAttribute(claim, anyLabel, 'clm', later, layer);
  assert.ok(!self.ok && /itself/.test(self.error.message));
  const empty = setAttribute(claim, speaker, '', later, layer);
  assert.equal(empty.ok, false);
});

test('an unchanged value is refused, so no empty undo step is recorded', () => {
  const set = setAttribute(casualty, def('kind'), ['killed'], later, layer);
  assert.ok(set.ok);
  const again = setAttribute(set.value.after, def('kind'), ['killed'], later, layer);
  assert.ok(!again.ok && again.error.code === 'unchanged');
  const clearEmpty = setAttribute(casualty, def('kind'), undefined, later, layer);
  assert.ok(!clearEmpty.ok && clearEmpty.error.code === 'unchanged');
});

test('deleting a link target clears the links to it in the same batch; its inverse restores both', () => {
  const linked = { ...claim, attributes: { speaker: 'act', stance: 'asserted' } } as Annotation;
  const other = ann({ id: 'clm2', start: 31, end: 40, attributes: { speaker: 'act' } });
  const list = [actor, linked, other, casualty].sort((a, b) => a.start - b.start);
  assert.deepEqual(
    linksTo(list, 'act', defsOf).map((l) => l.source.id),
    ['clm', 'clm2'],
  );
  const cmd = deleteWithLinks(list, actor, defsOf, later);
  assert.equal(cmd.kind, 'batch');
  const after = applyCommand(list, cmd);
  assert.equal(
    after.find((a) => a.id === 'act'),
    undefined,
  );
  assert.deepEqual(after.find((a) => a.id === 'clm')?.attributes, { stance: 'asserted' });
  assert.equal(after.find((a) => a.id === 'clm2')?.attributes, undefined);
  assert.deepEqual(linksTo(after, 'act', defsOf), []);
  assert.deepEqual(applyCommand(after, invertCommand(cmd)), list);
  // Nothing links to the casualty: a plain delete.
  assert.deepEqual(deleteWithLinks(list, casualty, defsOf, later), { kind: 'delete', annotation: casualty });
});

test('a label without definitions (unknown to the schema) has no links, and the empty layer none', () => {
  assert.deepEqual(linksTo([], 'x', defsOf), []);
  const stray = ann({ id: 's', start: 0, end: 3, label: 'gone', attributes: { speaker: 'act' } });
  assert.deepEqual(linksTo([stray, actor], 'act', defsOf), []);
});
