import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { AttributeDef } from '../../../src/labels/attributes.js';
import { attributeValueProblem, isPartialDate, linkTargetProblem } from '../../../src/labels/attribute-values.js';

const def = (d: Partial<AttributeDef> & Pick<AttributeDef, 'type'>): AttributeDef => ({ id: 'x', name: 'X', ...d });

test('quantity: a number with a qualifier, or a range; nothing else', () => {
  const q = def({ type: 'quantity' });
  assert.equal(attributeValueProblem(q, { value: 18, qualifier: 'exact' }), undefined);
  assert.equal(attributeValueProblem(q, { value: 20000, qualifier: 'at-least' }), undefined);
  assert.equal(attributeValueProblem(q, { min: 10, max: 15 }), undefined);
  assert.match(attributeValueProblem(q, { min: 15, max: 10 }) ?? '', /greater than max/);
  assert.match(attributeValueProblem(q, { value: 18, qualifier: 'roughly' }) ?? '', /qualifier/);
  assert.match(attributeValueProblem(q, { value: Number.NaN, qualifier: 'exact' }) ?? '', /finite/);
  assert.match(attributeValueProblem(q, { value: -1, qualifier: 'exact' }) ?? '', /≥ 0/);
  assert.ok(attributeValueProblem(q, { value: 1, qualifier: 'exact', min: 0 }));
  assert.ok(attributeValueProblem(q, 18));
  assert.ok(attributeValueProblem(q, null));
  assert.ok(attributeValueProblem(q, [18]));
});

test('choice: single takes one listed value; multiple takes a list of distinct listed values', () => {
  const one = def({ type: 'choice', values: ['killed', 'injured', 'security forces'] });
  assert.equal(attributeValueProblem(one, 'security forces'), undefined);
  assert.match(attributeValueProblem(one, 'Killed') ?? '', /not one of/);
  assert.ok(attributeValueProblem(one, ['killed']));
  const many = def({ type: 'choice', values: ['killed', 'injured'], multiple: true });
  assert.equal(attributeValueProblem(many, ['killed', 'injured']), undefined);
  assert.equal(attributeValueProblem(many, []), undefined);
  assert.match(attributeValueProblem(many, ['killed', 'killed']) ?? '', /twice/);
  assert.match(attributeValueProblem(many, ['killed', 'wounded']) ?? '', /"wounded" is not one of/);
  assert.ok(attributeValueProblem(many, 'killed'));
});

test('text, boolean, link and date', () => {
  assert.equal(attributeValueProblem(def({ type: 'text' }), 'Ministry of Internal Affairs 👮🏽‍♀️ وزارة'), undefined);
  assert.equal(attributeValueProblem(def({ type: 'text' }), ''), undefined);
  assert.ok(attributeValueProblem(def({ type: 'text' }), 3));
  assert.equal(attributeValueProblem(def({ type: 'boolean' }), false), undefined);
  assert.ok(attributeValueProblem(def({ type: 'boolean' }), 'true'));
  assert.equal(attributeValueProblem(def({ type: 'link' }), 'a1'), undefined);
  assert.ok(attributeValueProblem(def({ type: 'link' }), ''));
  for (const d of ['2022', '2022-01', '2022-01-07', '2024-02-29']) assert.equal(attributeValueProblem(def({ type: 'date' }), d), undefined, d);
  for (const d of ['2022-13', '2022-00', '2023-02-29', '2022-1-7', '22', '2022-01-07T00:00', '２０２２', ' 2022']) assert.equal(isPartialDate(d), false, d);
  // Years below 100 follow the calendar, not Date's 19xx reading: 0000 and 2000 are leap years, 1900 and 0100 are not.
  for (const d of ['0000-02-29', '2000-02-29', '0004-02-29', '0001-12-31']) assert.equal(isPartialDate(d), true, d);
  for (const d of ['1900-02-29', '0100-02-29', '0001-02-29', '0002-04-31', '2022-01-00']) assert.equal(isPartialDate(d), false, d);
});

test('link targets: must exist and have an allowed label', () => {
  const speaker = def({ type: 'link', targets: ['actor'] });
  assert.equal(linkTargetProblem(speaker, 'a1', 'actor'), undefined);
  assert.match(linkTargetProblem(speaker, 'a1', 'claim') ?? '', /allowed: actor/);
  assert.match(linkTargetProblem(speaker, 'gone', undefined) ?? '', /not an annotation/);
  assert.equal(linkTargetProblem(def({ type: 'link' }), 'a1', 'claim'), undefined);
});

test('isPartialDate accepts exactly what the YYYY[-MM[-DD]] pattern with a real month and day accepts', () => {
  // The rule as first written, with a regex; the function checks character codes for speed.
  const reference = (s: string): boolean => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
    if (!m) return false;
    if (m[2] === undefined) return true;
    const month = Number(m[2]);
    if (month < 1 || month > 12) return false;
    if (m[3] === undefined) return true;
    const y = Number(m[1]);
    const d = Number(m[3]);
    const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
    return d >= 1 && d <= days;
  };
  fc.assert(
    fc.property(fc.array(fc.constantFrom('0', '1', '2', '3', '9', '-', '/', 'T', ' ', '٣', '\n'), { maxLength: 12 }), (chars) => {
      const s = chars.join('');
      assert.equal(isPartialDate(s), reference(s), JSON.stringify(s));
    }),
    { numRuns: 3000 },
  );
  const two = (n: number): string => String(n).padStart(2, '0');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.nat(2), (y, m, d, form) => {
      const s = [String(y).padStart(4, '0'), two(m), two(d)].slice(0, form + 1).join('-');
      assert.equal(isPartialDate(s), reference(s), s);
    }),
    { numRuns: 3000 },
  );
  for (const s of ['2022', '2022-02', '2024-02-29', '2023-02-29', '2022-00-01', '2022-12-32', '2022-1-01', '2022-01-1', '2022-01-01\n'])
    assert.equal(isPartialDate(s), reference(s), s);
});
