import assert from 'node:assert/strict';
import { test } from 'node:test';
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
