import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  describeQuantity,
  describeSuggestion,
  parseCount,
  quantityDraft,
  quantityFromDraft,
  valueForLetter,
  EMPTY_QUANTITY,
} from '../../../renderer/panel/attribute-input.js';
import { attributeValueProblem } from '../../../src/labels/attribute-values.js';

const COUNT = { id: 'count', name: 'Count', type: 'quantity' } as const;

test('counts: digits, thousands with commas or spaces, decimals; anything else is named', () => {
  for (const [raw, n] of [
    ['18', 18],
    [' 18 ', 18],
    ['20,000', 20000],
    ['20 000', 20000],
    ['20\u202f000', 20000],
    ['1,234,567', 1234567],
    ['0', 0],
    ['2.5', 2.5],
  ] as const) {
    const r = parseCount(raw, 'Count');
    assert.ok(r.ok, raw);
    assert.equal(r.value, n, raw);
  }
  for (const raw of ['', ' ', 'eighteen', '-3', '1,00', '1e3', '١٨', '18 😀', 'e\u0301', 'NaN', 'Infinity', '0x10', '1,2,3', '9'.repeat(400) + 'x']) {
    const r = parseCount(raw, 'Count');
    assert.equal(r.ok, false, JSON.stringify(raw));
    if (!r.ok) assert.match(r.message, /^Count: “.*” is not a number ≥ 0/su);
  }
});

test('a quantity draft becomes a value the schema accepts, clears when empty, or says what is missing', () => {
  const cases: [Partial<typeof EMPTY_QUANTITY>, unknown][] = [
    [{ value: '18' }, { value: 18, qualifier: 'exact' }],
    [
      { value: '20,000', qualifier: 'at-least' },
      { value: 20000, qualifier: 'at-least' },
    ],
    [
      { qualifier: 'range', min: '10', max: '15' },
      { min: 10, max: 15 },
    ],
    [{}, undefined],
    [{ qualifier: 'range' }, undefined],
  ];
  for (const [d, want] of cases) {
    const r = quantityFromDraft({ ...EMPTY_QUANTITY, ...d }, 'Count');
    assert.ok(r.ok, JSON.stringify(d));
    assert.deepEqual(r.value, want);
    if (r.value !== undefined) assert.equal(attributeValueProblem(COUNT, r.value), undefined);
  }
  const about = quantityFromDraft({ ...EMPTY_QUANTITY, qualifier: 'about' }, 'Count');
  assert.ok(!about.ok && about.message === 'Count: type a number for “about”.');
  const half = quantityFromDraft({ ...EMPTY_QUANTITY, qualifier: 'range', min: '10' }, 'Count');
  assert.ok(!half.ok && /both a minimum and a maximum/.test(half.message));
  const bad = quantityFromDraft({ ...EMPTY_QUANTITY, qualifier: 'range', min: 'ten', max: '15' }, 'Count');
  assert.ok(!bad.ok && bad.message.startsWith('Count minimum: “ten”'));
  // A reversed range passes here and is refused by the schema's rule, with both numbers named.
  const reversed = quantityFromDraft({ ...EMPTY_QUANTITY, qualifier: 'range', min: '15', max: '10' }, 'Count');
  assert.ok(reversed.ok);
  assert.match(attributeValueProblem(COUNT, reversed.value) ?? '', /min \(15\) is greater than max \(10\)/);
});

test('drafts from stored values and suggestions, and their words', () => {
  assert.deepEqual(quantityDraft(undefined), EMPTY_QUANTITY);
  assert.deepEqual(quantityDraft({ value: 18, qualifier: 'exact' }), { ...EMPTY_QUANTITY, value: '18' });
  assert.deepEqual(quantityDraft({ min: 10, max: 15 }), { qualifier: 'range', value: '', min: '10', max: '15' });
  assert.deepEqual(quantityDraft({ qualifier: 'about' }), { ...EMPTY_QUANTITY, qualifier: 'about' });
  assert.equal(describeQuantity({ value: 20000, qualifier: 'at-least' }), 'at least 20,000');
  assert.equal(describeQuantity({ value: 18, qualifier: 'exact' }), '18');
  assert.equal(describeQuantity({ min: 10, max: 15 }), '10–15');
  assert.equal(describeSuggestion({ qualifier: 'about' }), 'about, no number');
  assert.equal(describeSuggestion({ value: 2, qualifier: 'exact' }), '2');
});

test('a letter picks the next value starting with it, stepping through those that share it', () => {
  const kinds = ['killed', 'injured', 'detained', 'missing', 'displaced'];
  assert.equal(valueForLetter(kinds, 'd', undefined), 'detained');
  assert.equal(valueForLetter(kinds, 'd', 'detained'), 'displaced');
  assert.equal(valueForLetter(kinds, 'D', 'displaced'), 'detained');
  assert.equal(valueForLetter(kinds, 'k', 'detained'), 'killed');
  assert.equal(valueForLetter(kinds, 'z', undefined), undefined);
  assert.equal(valueForLetter([], 'a', undefined), undefined);
  assert.equal(valueForLetter(['Émeutiers', 'émigrés', 'אזרחים'], 'é', undefined), 'Émeutiers');
  assert.equal(valueForLetter(['Émeutiers', 'émigrés', 'אזרחים'], 'é', 'Émeutiers'), 'émigrés');
  assert.equal(valueForLetter(['Émeutiers', 'émigrés', 'אזרחים'], 'א', undefined), 'אזרחים');
});
