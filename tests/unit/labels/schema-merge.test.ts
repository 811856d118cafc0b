// Mapping an imported file's schema onto the library's: same ids merge, what is missing is offered
// as an addition (nothing is added before the analyst confirms), and a definition that would change
// what values mean is a conflict.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mergeSchema } from '../../../src/labels/schema-merge.js';
import { DEFAULT_SCHEMA, type LabelDef, type LabelSchema } from '../../../src/labels/schema.js';
import type { AttributeDef } from '../../../src/labels/attributes.js';

const library: LabelSchema = { ...DEFAULT_SCHEMA, id: 'mine', version: 4 };
const withAttr = (schema: LabelSchema, label: string, f: (a: readonly AttributeDef[]) => AttributeDef[]): LabelSchema => ({
  ...schema,
  labels: schema.labels.map((l) => (l.id === label ? { ...l, attributes: f(l.attributes) } : l)),
});
const actor: LabelDef = {
  id: 'actor',
  name: 'Актор 👤',
  hotkey: '1',
  color: '#8fd18f',
  glyph: 'A',
  underline: 'solid',
  description: '',
  guidelines: [],
  attributes: [{ id: 'role', name: 'Role', type: 'text' }],
};

test('the same schema (and a v1 file, which has no attributes) adds nothing and keeps the version', () => {
  for (const file of [DEFAULT_SCHEMA, { ...DEFAULT_SCHEMA, labels: DEFAULT_SCHEMA.labels.map((l) => ({ ...l, name: 'renamed', attributes: [] })) }]) {
    const m = mergeSchema(library, file);
    assert.deepEqual([m.additions, m.conflicts], [[], []]);
    assert.equal(m.merged, library);
  }
});

test('a new label, a new attribute and new choice values are additions; the merged schema is one version newer', () => {
  let file: LabelSchema = { ...DEFAULT_SCHEMA, labels: [...DEFAULT_SCHEMA.labels, actor] };
  file = withAttr(file, 'claim', (a) => [...a, { id: 'speaker', name: 'Speaker', type: 'link', targets: ['actor'] }]);
  file = withAttr(file, 'casualty', (a) => a.map((d) => (d.id === 'kind' ? { ...d, values: [...d.values!, 'fled', 'إخلاء'] } : d)));
  const m = mergeSchema(library, file);
  assert.deepEqual(m.conflicts, []);
  assert.deepEqual(
    m.additions.map((a) => [a.kind, a.at]),
    [
      ['attribute', 'claim.speaker'],
      ['values', 'casualty.kind'],
      ['label', 'actor'],
    ],
  );
  assert.match(m.additions[1]!.text, /values “fled”, “إخلاء” of Casualty › Kind/);
  assert.equal(m.merged.version, 5);
  assert.equal(m.merged.id, 'mine');
  const kind = m.merged.labels.find((l) => l.id === 'casualty')!.attributes.find((a) => a.id === 'kind')!;
  assert.deepEqual(kind.values, ['killed', 'injured', 'detained', 'missing', 'displaced', 'fled', 'إخلاء']);
  // The new label's hotkey 1 is the library's claim key: it is left off, the label reached by menu.
  const added = m.merged.labels.at(-1)!;
  assert.equal(added.id, 'actor');
  assert.equal(added.hotkey, undefined);
  // The library's own definitions are untouched.
  assert.equal(m.merged.labels[0]!.name, 'Claim');
  assert.equal(library.labels.length, 3);
});

test('another type, single against multiple, a wider link: conflicts, and nothing merged', () => {
  let file = withAttr(DEFAULT_SCHEMA, 'casualty', (a) =>
    a.map((d) => (d.id === 'count' ? { ...d, type: 'text' as const } : d.id === 'kind' ? { ...d, multiple: false } : d)),
  );
  const lib = withAttr(library, 'claim', (a) => [...a, { id: 'speaker', name: 'Speaker', type: 'link', targets: ['claim'] }]);
  file = withAttr(file, 'claim', (a) => [...a, { id: 'speaker', name: 'Speaker', type: 'link' }]);
  file = { ...file, labels: [...file.labels, actor] };
  const m = mergeSchema(lib, file);
  assert.deepEqual(
    m.conflicts.map((c) => c.at),
    ['claim.speaker', 'casualty.count', 'casualty.kind'],
  );
  assert.match(m.conflicts[1]!.message, /the file's attribute is a text, the library's a quantity/);
  assert.match(m.conflicts[0]!.message, /may point to any label/);
  assert.equal(m.merged, lib);
});
