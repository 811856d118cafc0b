// The schema editor's pure operations: every accepted edit bumps the version and keeps the schema
// whole (unique ids, keys 1–9 held once, link targets that exist); every refused one says why and
// changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applySchemaEdit, distinctColor, newId, schemaProblem, type SchemaEdit } from '../../../src/labels/schema-edit.js';
import { DEFAULT_SCHEMA, type LabelSchema } from '../../../src/labels/schema.js';
import { labelColours, PALETTES } from '../../../src/labels/label-style.js';
import { contrastRatio, parseColor } from '../../../src/color/contrast.js';
import { deltaE } from '../../../src/color/difference.js';

function apply(schema: LabelSchema, ...edits: SchemaEdit[]): LabelSchema {
  let s = schema;
  for (const e of edits) {
    const r = applySchemaEdit(s, e);
    assert.ok(r.ok, r.ok ? '' : r.error);
    s = r.value;
  }
  return s;
}
function refused(schema: LabelSchema, edit: SchemaEdit, message: RegExp): void {
  const r = applySchemaEdit(schema, edit);
  assert.ok(!r.ok, `expected ${JSON.stringify(edit)} to be refused`);
  assert.match(r.error, message);
}
const [claim, casualty] = DEFAULT_SCHEMA.labels.map((l) => l.id) as [string, string, string];

test('add a label "Actor" with key 4 and a speaker link on the first label targeting it', () => {
  const s = apply(
    DEFAULT_SCHEMA,
    { kind: 'add-label', name: '  Actor\n', hotkey: '4' },
    { kind: 'add-attribute', label: claim, name: 'Speaker', type: 'link', targets: ['actor'] },
  );
  assert.equal(s.version, DEFAULT_SCHEMA.version + 2);
  assert.equal(s.id, DEFAULT_SCHEMA.id);
  const actor = s.labels.at(-1)!;
  assert.deepEqual([actor.id, actor.name, actor.hotkey], ['actor', 'Actor', '4']);
  assert.equal(actor.glyph, 'A');
  assert.notEqual(actor.glyph, '');
  // A new label's style is one the others use least, and its colour is readable in both themes.
  assert.ok(['solid', 'wavy', 'double'].includes(actor.underline));
  for (const theme of ['light', 'dark'] as const) {
    const ink = parseColor(labelColours(actor.color, PALETTES[theme]).ink);
    const page = parseColor(PALETTES[theme].page);
    assert.ok(ink.ok && page.ok && contrastRatio(ink.value, page.value) >= 4.5);
  }
  assert.deepEqual(s.labels[0]!.attributes.at(-1), { id: 'speaker', name: 'Speaker', type: 'link', targets: ['actor'] });
  assert.equal(schemaProblem(s), undefined);
  // The original is untouched.
  assert.equal(DEFAULT_SCHEMA.labels.length, 3);
});

test('hotkeys: 1–9 only, one label each, refused with the holder named', () => {
  refused(DEFAULT_SCHEMA, { kind: 'set-hotkey', label: casualty, hotkey: '1' }, /Key 1 already tags Claim/);
  refused(DEFAULT_SCHEMA, { kind: 'add-label', name: 'Actor', hotkey: '2' }, /Key 2 already tags Casualty/);
  for (const bad of ['0', '10', 'a', '', '١', '1 ']) refused(DEFAULT_SCHEMA, { kind: 'set-hotkey', label: claim, hotkey: bad }, /not a label key: use 1 to 9/);
  const freed = apply(DEFAULT_SCHEMA, { kind: 'set-hotkey', label: claim, hotkey: undefined }, { kind: 'set-hotkey', label: casualty, hotkey: '1' });
  assert.equal(freed.labels[0]!.hotkey, undefined);
  assert.ok(!('hotkey' in freed.labels[0]!));
  assert.equal(freed.labels[1]!.hotkey, '1');
  // With every key taken, a new label gets none (menu only) rather than a clash.
  let full = DEFAULT_SCHEMA;
  for (let i = 4; i <= 9; i++) full = apply(full, { kind: 'add-label', name: `L${i}` });
  assert.deepEqual(
    full.labels.map((l) => l.hotkey),
    ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
  );
  const tenth = apply(full, { kind: 'add-label', name: 'Tenth' });
  assert.equal(tenth.labels.at(-1)!.hotkey, undefined);
});

test('rename, recolour, reorder labels and attributes; edit choice values', () => {
  const s = apply(
    DEFAULT_SCHEMA,
    { kind: 'rename-label', label: claim, name: 'Assertion 😀' },
    { kind: 'recolor-label', label: claim, color: '#123456' },
    { kind: 'move-label', label: claim, to: 2 },
    { kind: 'move-attribute', label: claim, attribute: 'status', to: 0 },
    { kind: 'rename-attribute', label: claim, attribute: 'stance', name: 'Position' },
    { kind: 'set-choice-values', label: claim, attribute: 'status', values: ['confirmed', ' disputed ', 'unverified', 'retracted'] },
  );
  assert.equal(s.version, DEFAULT_SCHEMA.version + 6);
  const c = s.labels[2]!;
  assert.deepEqual([c.id, c.name, c.color], [claim, 'Assertion 😀', '#123456']);
  assert.deepEqual(
    c.attributes.map((a) => a.id),
    ['status', 'source', 'stance'],
  );
  assert.equal(c.attributes[2]!.name, 'Position');
  assert.deepEqual(c.attributes[0]!.values, ['confirmed', 'disputed', 'unverified', 'retracted']);
  // Moving past either end clamps.
  assert.equal(apply(DEFAULT_SCHEMA, { kind: 'move-label', label: casualty, to: -5 }).labels[0]!.id, casualty);
  assert.equal(apply(DEFAULT_SCHEMA, { kind: 'move-label', label: claim, to: 99 }).labels[2]!.id, claim);
});

test('bad input is refused with a message naming it, and nothing changes', () => {
  refused(DEFAULT_SCHEMA, { kind: 'add-label', name: ' \t\r\n ' }, /needs a name/);
  refused(DEFAULT_SCHEMA, { kind: 'add-label', name: 'x'.repeat(61) }, /at most 60/);
  refused(DEFAULT_SCHEMA, { kind: 'add-label', name: 'claim' }, /already exists/);
  refused(DEFAULT_SCHEMA, { kind: 'rename-label', label: claim, name: 'CASUALTY' }, /already exists/);
  refused(DEFAULT_SCHEMA, { kind: 'rename-label', label: 'nope', name: 'X' }, /No label nope/);
  refused(DEFAULT_SCHEMA, { kind: 'recolor-label', label: claim, color: 'red' }, /not a colour/);
  refused(DEFAULT_SCHEMA, { kind: 'recolor-label', label: claim, color: 'url(x)' }, /not a colour/);
  refused(DEFAULT_SCHEMA, { kind: 'set-choice-values', label: claim, attribute: 'status', values: [] }, /at least one value/);
  refused(DEFAULT_SCHEMA, { kind: 'set-choice-values', label: claim, attribute: 'status', values: ['a', 'a '] }, /“a” is listed twice/);
  refused(DEFAULT_SCHEMA, { kind: 'set-choice-values', label: claim, attribute: 'status', values: ['a', ''] }, /Value 2 is empty/);
  refused(DEFAULT_SCHEMA, { kind: 'set-choice-values', label: claim, attribute: 'source', values: ['a'] }, /not a choice/);
  refused(DEFAULT_SCHEMA, { kind: 'add-attribute', label: claim, name: 'Who', type: 'link', targets: ['ghost'] }, /no label ghost/);
  refused(DEFAULT_SCHEMA, { kind: 'add-attribute', label: claim, name: 'Source', type: 'text' }, /already has an attribute named “Source”/);
  refused(DEFAULT_SCHEMA, { kind: 'add-attribute', label: claim, name: 'X', type: 'colour' as never }, /not an attribute type/);
  let one = DEFAULT_SCHEMA;
  one = apply(one, { kind: 'delete-label', label: claim }, { kind: 'delete-label', label: casualty });
  refused(one, { kind: 'delete-label', label: one.labels[0]!.id }, /at least one label/);
});

test('ids: stable, plain CSS names, unique; names of any script still get one', () => {
  assert.equal(newId('Actor', []), 'actor');
  assert.equal(newId('Actor', ['actor', 'actor-2']), 'actor-3');
  assert.equal(newId('Réfugié déplacé', []), 'refugie-deplace');
  assert.equal(newId('مصدر', []), 'label');
  assert.equal(newId('😀', ['label']), 'label-2');
  assert.equal(newId('1st wave', []), 'n1st-wave');
  const s = apply(DEFAULT_SCHEMA, { kind: 'add-label', name: 'مصدر' }, { kind: 'add-label', name: 'Ереван' });
  assert.deepEqual(
    s.labels.slice(3).map((l) => l.id),
    ['label', 'label-2'],
  );
  assert.deepEqual(
    s.labels.slice(3).map((l) => l.glyph),
    ['م', 'Е'],
  );
});

test('deleting a label drops it from link targets; a type change keeps only fields of the new type', () => {
  const s = apply(
    DEFAULT_SCHEMA,
    { kind: 'add-label', name: 'Actor' },
    { kind: 'add-attribute', label: claim, name: 'Speaker', type: 'link', targets: ['actor'] },
    { kind: 'delete-label', label: 'actor' },
  );
  assert.deepEqual(s.labels[0]!.attributes.at(-1), { id: 'speaker', name: 'Speaker', type: 'link' });
  const t = apply(DEFAULT_SCHEMA, { kind: 'set-attribute-type', label: claim, attribute: 'source', type: 'boolean' });
  assert.deepEqual(t.labels[0]!.attributes[0], { id: 'source', name: 'Source', type: 'boolean' });
  const c = apply(DEFAULT_SCHEMA, { kind: 'set-attribute-type', label: claim, attribute: 'stance', type: 'text' });
  assert.deepEqual(c.labels[0]!.attributes[1], { id: 'stance', name: 'Stance', type: 'text' });
  refused(DEFAULT_SCHEMA, { kind: 'set-attribute-type', label: claim, attribute: 'source', type: 'choice' }, /at least one value/);
});

test('property: any sequence of edits keeps the schema whole and the version counts the accepted ones', () => {
  const edit = fc.oneof(
    fc.record({
      kind: fc.constant('add-label' as const),
      name: fc.string({ unit: 'grapheme', maxLength: 8 }),
      hotkey: fc.option(fc.constantFrom('1', '4', '9', 'x'), { nil: undefined }),
    }),
    fc.record({
      kind: fc.constant('set-hotkey' as const),
      label: fc.constantFrom(claim, casualty, 'actor'),
      hotkey: fc.option(fc.constantFrom('1', '2', '5'), { nil: undefined }),
    }),
    fc.record({ kind: fc.constant('move-label' as const), label: fc.constantFrom(claim, casualty), to: fc.integer({ min: -2, max: 12 }) }),
    fc.record({ kind: fc.constant('delete-label' as const), label: fc.constantFrom(claim, casualty, 'actor', 'label') }),
  );
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
      let s = DEFAULT_SCHEMA;
      let accepted = 0;
      for (const e of edits) {
        const r = applySchemaEdit(s, e as SchemaEdit);
        if (r.ok) {
          s = r.value;
          accepted += 1;
        }
        assert.equal(schemaProblem(s), undefined);
      }
      assert.equal(s.version, DEFAULT_SCHEMA.version + accepted);
    }),
  );
});

test('a new label gets a colour unlike the others', () => {
  const c = distinctColor(DEFAULT_SCHEMA);
  for (const l of DEFAULT_SCHEMA.labels) {
    const a = parseColor(labelColours(c, PALETTES.light).ink);
    const b = parseColor(labelColours(l.color, PALETTES.light).ink);
    assert.ok(a.ok && b.ok && deltaE(a.value, b.value) > 30, `${c} vs ${l.color}`);
  }
});
