// The label stylesheet generated from the schema: every label, default or added in Settings, gets
// marks that keep the display guarantees (ink 4.5:1 on the page and 3:1 on its tint, body text
// 4.5:1 on every tint) in both themes, and ids of any shape become safe CSS names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { composite, contrastRatio, parseColor, type Rgba } from '../../../src/color/contrast.js';
import { deltaE } from '../../../src/color/difference.js';
import { highlightName, labelColours, labelKey, labelStyleSheet, PALETTES, type Theme } from '../../../src/labels/label-style.js';
import { DEFAULT_SCHEMA, type LabelSchema } from '../../../src/labels/schema.js';

const rgba = (css: string): Rgba => {
  const r = parseColor(css);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const THEMES: readonly Theme[] = ['light', 'dark'];

function assertReadable(color: string, theme: Theme): void {
  const p = PALETTES[theme];
  const c = labelColours(color, p);
  const page = rgba(p.page);
  for (const tint of [c.tint, c.tintNested]) {
    const tinted = composite(rgba(tint), page);
    assert.ok(contrastRatio(rgba(p.text), tinted) >= 4.5, `${theme} ${color}: text on ${tint}`);
    assert.ok(contrastRatio(rgba(c.ink), tinted) >= 3, `${theme} ${color}: ink ${c.ink} on ${tint}`);
  }
  assert.ok(contrastRatio(rgba(c.ink), page) >= 4.5, `${theme} ${color}: ink ${c.ink} on the page`);
  assert.ok(contrastRatio(rgba(p.onInk), rgba(c.ink)) >= 4.5, `${theme} ${color}: glyph letter on ${c.ink}`);
}

test('the default labels: readable and told apart in both themes, as display.spec checks on the page', () => {
  for (const theme of THEMES) {
    const page = rgba(PALETTES[theme].page);
    const marks = DEFAULT_SCHEMA.labels.map((l) => ({ id: l.id, ...labelColours(l.color, PALETTES[theme]) }));
    for (const l of DEFAULT_SCHEMA.labels) assertReadable(l.color, theme);
    for (const m of marks) assert.ok(deltaE(composite(rgba(m.tint), page), page) > 10, `${theme} ${m.id}: tint visible`);
    for (let i = 0; i < marks.length; i++)
      for (let j = i + 1; j < marks.length; j++) {
        const [a, b] = [marks[i]!, marks[j]!];
        assert.ok(deltaE(rgba(a.ink), rgba(b.ink)) > 30, `${theme} ${a.id}/${b.id} inks ${a.ink} ${b.ink}`);
        assert.ok(deltaE(composite(rgba(a.tint), page), composite(rgba(b.tint), page)) > 15, `${theme} ${a.id}/${b.id} tints`);
      }
  }
});

test('property: any colour a user picks gets readable marks (black, white, greys, neon)', () => {
  for (const fixed of ['#000000', '#ffffff', '#808080', '#ffff00', '#00ff00', '#0000ff', '#1b2026', 'rgb(10 20 30)', '#f0f']) {
    for (const theme of THEMES) assertReadable(fixed, theme);
  }
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 0xffffff }), fc.constantFrom(...THEMES), (n, theme) => assertReadable(`#${n.toString(16).padStart(6, '0')}`, theme)),
    { numRuns: 400 },
  );
});

test('label keys: plain ids kept, any other id an injective CSS-safe name', () => {
  assert.equal(labelKey('claim'), 'claim');
  assert.equal(highlightName('claim', 2), 'sm-claim-2');
  // "layer" is reserved: sm-layer-<n> are colleagues' markers.
  assert.notEqual(highlightName('layer', 0), 'sm-layer-0');
  const odd = ['layer', 'act or', '👮‍♀️', 'مصدر', '1st', '-x', '__proto__', 'a"b', 'a}b{', '', 'e\u0301'];
  const keys = odd.map(labelKey);
  for (const k of keys) assert.match(k, /^[A-Za-z_][A-Za-z0-9_-]*$/);
  assert.equal(new Set(keys).size, odd.length);
  // No plain id can equal an encoded one: plain ids start with a letter, encoded ones with "_".
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }), (a, b) => {
      if (a !== b) assert.notEqual(labelKey(a), labelKey(b));
    }),
  );
});

test('the stylesheet: three nesting levels per label, both themes, nothing of a name or description in it', () => {
  const schema: LabelSchema = {
    ...DEFAULT_SCHEMA,
    labels: [
      ...DEFAULT_SCHEMA.labels,
      {
        id: 'x}y',
        name: '} body { display: none',
        color: 'red; } * { color: red',
        glyph: 'A',
        underline: 'wavy',
        description: '</style>',
        guidelines: [],
        attributes: [],
      },
    ],
  };
  const css = labelStyleSheet(schema);
  for (const l of schema.labels) for (const level of [0, 1, 2]) assert.ok(css.includes(`::highlight(${highlightName(l.id, level)}) {`), `${l.id} ${level}`);
  assert.ok(css.includes(":root[data-theme='dark'] {"));
  assert.ok(!css.includes('display: none') && !css.includes('</style>') && !css.includes('* {'));
  // Braces balance: no id or colour can close a rule early.
  assert.equal(css.split('{').length, css.split('}').length);
  assert.match(css, /::highlight\(sm-casualty-0\) \{[^}]*underline wavy/);
  assert.match(css, /::highlight\(sm-deployment-1\) \{[^}]*underline double/);
});
