import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';

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
