import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCHEMA, hasLabel, labelForHotkey, labelKeysText, labelOrUnknown, type LabelSchema } from '../../../src/labels/schema.js';

const LABELS = DEFAULT_SCHEMA.labels;

test('every label carries its guidelines as data: a summary and at least one paragraph', () => {
  for (const l of LABELS) {
    assert.ok(l.description.trim().length > 0, l.id);
    assert.ok(l.guidelines.length > 0, l.id);
    for (const para of l.guidelines) {
      assert.equal(para, para.trim(), `${l.id}: no stray whitespace`);
      assert.ok(para.length > 20, `${l.id}: "${para}" is a paragraph, not a stub`);
      assert.ok(!para.includes('\n'), `${l.id}: one entry per paragraph`);
    }
  }
});

test('labels differ by every non-colour cue: key, glyph, underline style', () => {
  for (const key of ['id', 'hotkey', 'glyph', 'underline', 'color', 'name'] as const) {
    assert.equal(new Set(LABELS.map((l) => l[key])).size, LABELS.length, key);
  }
});

test('keys, names and unknown labels are read from the schema given, not the default', () => {
  const { hotkey: _none, ...keyless } = DEFAULT_SCHEMA.labels[2]!;
  const own: LabelSchema = {
    id: 'mine',
    version: 7,
    labels: [
      { ...DEFAULT_SCHEMA.labels[0]!, id: 'actor', name: 'Actor', hotkey: '4' },
      { ...DEFAULT_SCHEMA.labels[1]!, id: 'رأي', name: 'رأي', hotkey: '9' },
      { ...keyless, id: 'menu-only', name: 'Menu only' },
    ],
  };
  assert.equal(labelForHotkey(own, '4'), 'actor');
  assert.equal(labelForHotkey(own, '1'), undefined);
  assert.equal(labelForHotkey(own, '9'), 'رأي');
  assert.equal(labelKeysText(own), '4 or 9');
  assert.equal(labelKeysText(DEFAULT_SCHEMA), '1, 2 or 3');
  assert.equal(labelKeysText({ ...own, labels: [own.labels[2]!] }), 'a label key');
  assert.ok(hasLabel(own, 'actor') && !hasLabel(own, DEFAULT_SCHEMA.labels[0]!.id) && !hasLabel(own, 42));
  const unknown = labelOrUnknown(own, 'rumour');
  assert.deepEqual([unknown.name, unknown.glyph, unknown.attributes], ['rumour', '?', []]);
  assert.equal(labelOrUnknown(own, 'actor').name, 'Actor');
});
