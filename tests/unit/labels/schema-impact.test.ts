// Destructive schema changes: counted before they happen (my layer and colleagues'), applied to my
// layer only by an explicit plan, never leaving a value the new schema refuses, and with the old
// form of every changed annotation kept for undo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applySchemaEdit, type SchemaEdit } from '../../../src/labels/schema-edit.js';
import { blockingItems, impactKey, migrateLayer, schemaChangeImpact, type ImpactAnnotation, type Migration } from '../../../src/labels/schema-impact.js';
import { DEFAULT_SCHEMA, type LabelSchema } from '../../../src/labels/schema.js';

const [claim, casualty, deployment] = DEFAULT_SCHEMA.labels.map((l) => l.id) as [string, string, string];
function edit(s: LabelSchema, e: SchemaEdit): LabelSchema {
  const r = applySchemaEdit(s, e);
  assert.ok(r.ok, r.ok ? '' : r.error);
  return r.value;
}
const mine: ImpactAnnotation[] = [
  { id: 'm1', label: claim, attributes: { status: 'disputed', source: 'ministry 😀' } },
  { id: 'm2', label: claim },
  { id: 'm3', label: casualty, attributes: { kind: ['killed', 'detained'], group: 'protesters' } },
  { id: 'm4', label: casualty, attributes: { kind: ['detained'] } },
  { id: 'm5', label: deployment, attributes: { force: 'CSTO', place: 'Алматы' } },
];
const colleagues: ImpactAnnotation[] = [
  { id: 'c1', label: claim, attributes: { status: 'disputed' } },
  { id: 'c2', label: casualty, attributes: { kind: 'detained' } },
  { id: 'c3', label: 'rumour' },
];

test('changes that destroy nothing have no impact, whatever is stored', () => {
  let s = DEFAULT_SCHEMA;
  for (const e of [
    { kind: 'rename-label', label: claim, name: 'Assertion' },
    { kind: 'recolor-label', label: claim, color: '#000000' },
    { kind: 'move-label', label: claim, to: 2 },
    { kind: 'add-label', name: 'Actor' },
    { kind: 'set-choice-values', label: claim, attribute: 'status', values: ['confirmed', 'disputed', 'unverified', 'new'] },
  ] as SchemaEdit[])
    s = edit(s, e);
  const impact = schemaChangeImpact(DEFAULT_SCHEMA, s, { mine, colleagues });
  assert.deepEqual(impact, { items: [], mine: 0, colleagues: 0 });
});

test('deleting a label in use: counted in my layer and colleagues’', () => {
  const next = edit(DEFAULT_SCHEMA, { kind: 'delete-label', label: casualty });
  const impact = schemaChangeImpact(DEFAULT_SCHEMA, next, { mine, colleagues });
  assert.equal(impact.items.length, 1);
  assert.deepEqual(impact.items[0], { kind: 'label-deleted', label: casualty, labelName: 'Casualty', mine: ['m3', 'm4'], colleagues: 1 });
  assert.deepEqual([impact.mine, impact.colleagues], [2, 1]);
  // An unused label deletes without asking.
  const unused = schemaChangeImpact(DEFAULT_SCHEMA, next, { mine: mine.filter((a) => a.label !== casualty), colleagues: [] });
  assert.deepEqual(blockingItems(unused), []);
});

test('deleting a choice value in use, an attribute in use, or changing a type', () => {
  const noDisputed = edit(DEFAULT_SCHEMA, { kind: 'set-choice-values', label: claim, attribute: 'status', values: ['confirmed', 'unverified'] });
  const v = schemaChangeImpact(DEFAULT_SCHEMA, noDisputed, { mine, colleagues });
  assert.deepEqual(
    v.items.map((i) => [i.kind, i.value, i.mine, i.colleagues]),
    [['value-deleted', 'disputed', ['m1'], 1]],
  );
  const noDetained = edit(DEFAULT_SCHEMA, { kind: 'set-choice-values', label: casualty, attribute: 'kind', values: ['killed', 'injured'] });
  const multi = schemaChangeImpact(DEFAULT_SCHEMA, noDetained, { mine, colleagues });
  // Missing and displaced were unused: listed with nothing touched; detained is in m3, m4 (and a colleague's).
  assert.deepEqual(
    blockingItems(multi).map((i) => [i.value, i.mine, i.colleagues]),
    [['detained', ['m3', 'm4'], 1]],
  );
  const noForce = edit(DEFAULT_SCHEMA, { kind: 'delete-attribute', label: deployment, attribute: 'force' });
  assert.deepEqual(
    schemaChangeImpact(DEFAULT_SCHEMA, noForce, { mine, colleagues }).items.map((i) => [i.kind, i.mine]),
    [['attribute-deleted', ['m5']]],
  );
  const retyped = edit(DEFAULT_SCHEMA, { kind: 'set-attribute-type', label: claim, attribute: 'source', type: 'boolean' });
  assert.deepEqual(
    schemaChangeImpact(DEFAULT_SCHEMA, retyped, { mine, colleagues }).items.map((i) => [i.kind, i.attribute, i.mine]),
    [['type-changed', 'source', ['m1']]],
  );
});

test('migration: reassign a deleted label, keeping only attributes valid on the new one', () => {
  const next = edit(DEFAULT_SCHEMA, { kind: 'delete-label', label: casualty });
  const impact = schemaChangeImpact(DEFAULT_SCHEMA, next, { mine, colleagues });
  const key = impactKey(impact.items[0]!);
  const none = migrateLayer(mine, impact, next, new Map());
  assert.ok(!none.ok);
  assert.match(none.error, /Choose what happens to the 2 annotation\(s\) affected: label Casualty deleted/);
  const r = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'reassign-label', to: deployment }]]));
  assert.ok(r.ok);
  // Deployment has no kind or group: both are removed (the editor says so before applying).
  assert.deepEqual(r.change.put, [
    { id: 'm3', label: deployment },
    { id: 'm4', label: deployment },
  ]);
  assert.deepEqual(r.change.remove, []);
  assert.deepEqual(
    r.change.before.map((a) => a.id),
    ['m3', 'm4'],
  );
  assert.deepEqual(r.change.before[0], mine[2]);
  const del = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'delete-annotations' }]]));
  assert.ok(del.ok);
  assert.deepEqual([del.change.put, del.change.remove.map((a) => a.id)], [[], ['m3', 'm4']]);
  const ghost = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'reassign-label', to: casualty }]]));
  assert.ok(!ghost.ok);
  const wrong = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'reassign-value', to: 'x' }]]));
  assert.ok(!wrong.ok);
});

test('migration: reassign or remove a deleted value, single and multiple', () => {
  const next = edit(DEFAULT_SCHEMA, {
    kind: 'set-choice-values',
    label: casualty,
    attribute: 'kind',
    values: ['killed', 'injured', 'missing', 'displaced', 'arrested'],
  });
  const impact = schemaChangeImpact(DEFAULT_SCHEMA, next, { mine, colleagues });
  const key = impactKey(blockingItems(impact)[0]!);
  const re = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'reassign-value', to: 'arrested' }]]));
  assert.ok(re.ok);
  assert.deepEqual(
    re.change.put.map((a) => [a.id, a.attributes]),
    [
      ['m3', { kind: ['killed', 'arrested'], group: 'protesters' }],
      ['m4', { kind: ['arrested'] }],
    ],
  );
  const rm = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'remove-values' }]]));
  assert.ok(rm.ok);
  // From a list, only the deleted value goes; a list left empty is unset, not [].
  assert.deepEqual(
    rm.change.put.map((a) => [a.id, a.attributes ?? null]),
    [
      ['m3', { kind: ['killed'], group: 'protesters' }],
      ['m4', null],
    ],
  );
  const notAValue = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'reassign-value', to: 'detained' }]]));
  assert.ok(!notAValue.ok);
  assert.match(notAValue.error, /“detained” is not a value of Kind/);
});

test('migration: a changed type can only have its values removed', () => {
  const next = edit(DEFAULT_SCHEMA, { kind: 'set-attribute-type', label: claim, attribute: 'source', type: 'boolean' });
  const impact = schemaChangeImpact(DEFAULT_SCHEMA, next, { mine, colleagues });
  const key = impactKey(impact.items[0]!);
  const r = migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'remove-values' }]]));
  assert.ok(r.ok);
  assert.deepEqual(r.change.put, [{ id: 'm1', label: claim, attributes: { status: 'disputed' } }]);
  assert.ok(!migrateLayer(mine, impact, next, new Map<string, Migration>([[key, { kind: 'reassign-value', to: 'true' }]])).ok);
});
