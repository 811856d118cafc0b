// Same span, different attributes: which values count as the same (sets, qualifiers, links by their
// target's span), how a difference is shown, and the comparison rows and review queue built on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeValues } from '../../../src/labels/attributes.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { attributeDifferences, attributesDiffer, compareOptionsFor, targetsIn, valueKey } from '../../../src/review/attribute-diff.js';
import { formatAttributeValue } from '../../../src/review/attribute-format.js';
import { compareLayers, summarizeComparison } from '../../../src/review/diff.js';
import { reviewDifferences } from '../../../src/review/differences.js';
import type { Span } from '../../../src/review/span.js';

const sa = (id: string, start: number, end: number, attributes?: AttributeValues, label: Span['label'] = 'casualty'): Span & { annotator: string } => ({
  id,
  label,
  start,
  end,
  annotator: id.startsWith('m') ? 'dana' : 'aigerim',
  ...(attributes ? { attributes } : {}),
});

test('a multiple choice is a set; a quantity keeps its qualifier; kinds never collide', () => {
  assert.equal(valueKey(['killed', 'injured']), valueKey(['injured', 'killed']));
  assert.notEqual(valueKey({ value: 18, qualifier: 'exact' }), valueKey({ value: 18, qualifier: 'about' }));
  assert.notEqual(valueKey({ min: 10, max: 15 }), valueKey({ value: 10, qualifier: 'exact' }));
  assert.notEqual(valueKey('true'), valueKey(true));
  assert.notEqual(valueKey(''), valueKey([]));
  // Text is exact: case and trailing space matter, and emoji / combining marks compare by code unit.
  assert.notEqual(valueKey('Almaty'), valueKey('almaty '));
  assert.equal(valueKey('Алматы 🇰🇿'), valueKey('Алматы 🇰🇿'));
  assert.notEqual(valueKey('e\u0301'), valueKey('\u00e9'));
});

test('differences list only what differs, in schema order, one side possibly unset', () => {
  const order = DEFAULT_SCHEMA.labels[1]!.attributes.map((a) => a.id);
  const d = attributeDifferences(
    { kind: ['killed'], count: { value: 18, qualifier: 'exact' }, group: 'civilians', place: '' },
    { count: { value: 20, qualifier: 'about' }, kind: ['killed'], group: 'civilians', date: '2022-01-05' },
    { order },
  );
  assert.deepEqual(d, [
    { id: 'count', mine: { value: 18, qualifier: 'exact' }, theirs: { value: 20, qualifier: 'about' } },
    // An empty string is a value that was set, unlike an absent key.
    { id: 'place', mine: '' },
    { id: 'date', theirs: '2022-01-05' },
  ]);
  assert.equal(attributesDiffer(undefined, undefined), false);
  assert.equal(attributesDiffer({}, undefined), false);
  assert.equal(attributesDiffer(undefined, { place: 'Almaty' }), true);
});

test('keys such as __proto__ are data, not a way into Object.prototype', () => {
  const evil = JSON.parse('{"__proto__": "x", "constructor": "y"}') as AttributeValues;
  assert.deepEqual(
    attributeDifferences(evil, {}).map((x) => x.id),
    ['__proto__', 'constructor'],
  );
  assert.deepEqual(attributeDifferences({}, { toString: 'z' }), [{ id: 'toString', theirs: 'z' }]);
});

test('a link compares by its target span in each layer, not by id', () => {
  const mine = [sa('m-speaker', 0, 5, undefined, 'claim'), sa('m1', 10, 20, { speaker: 'm-speaker' }, 'claim')];
  const theirs = [sa('t-speaker', 0, 5, undefined, 'claim'), sa('t1', 10, 20, { speaker: 't-speaker' }, 'claim')];
  const links = new Set(['speaker']);
  const opts = { links, mineTargets: targetsIn(mine), theirTargets: targetsIn(theirs) };
  assert.deepEqual(attributeDifferences(mine[1]!.attributes, theirs[1]!.attributes, opts), []);
  // Their target has other bounds: a difference. A dangling id never matches a real target.
  const moved = [sa('t-speaker', 0, 6, undefined, 'claim'), theirs[1]!];
  assert.equal(attributeDifferences(mine[1]!.attributes, theirs[1]!.attributes, { ...opts, theirTargets: targetsIn(moved) }).length, 1);
  assert.equal(attributeDifferences({ speaker: 'gone' }, { speaker: 't-speaker' }, opts).length, 1);
  // Without knowing it is a link, the ids are compared as text and differ.
  assert.equal(attributeDifferences(mine[1]!.attributes, theirs[1]!.attributes).length, 1);
});

test('values are shown in words: quantity, range, multiple, link quote, empty, unset', () => {
  assert.equal(formatAttributeValue({ value: 18, qualifier: 'exact' }), '18 (exact)');
  assert.equal(formatAttributeValue({ value: 20000, qualifier: 'at-least' }), '20000 (at least)');
  assert.equal(formatAttributeValue({ min: 10, max: 15 }), '10–15');
  assert.equal(formatAttributeValue(['killed', 'injured']), 'killed, injured');
  assert.equal(formatAttributeValue([]), 'none');
  assert.equal(formatAttributeValue(true), 'yes');
  assert.equal(formatAttributeValue(''), '(empty)');
  assert.equal(formatAttributeValue('👩🏽‍⚕️ مستشفى'), '👩🏽‍⚕️ مستشفى');
  assert.equal(formatAttributeValue(undefined), 'not set');
  assert.equal(formatAttributeValue('a1', { link: true, quoteOf: (id) => (id === 'a1' ? 'the president' : undefined) }), '“the president”');
  assert.equal(formatAttributeValue('zz', { link: true, quoteOf: () => undefined }), 'missing span zz');
});

test('an exact pair with differing values is its own row kind; equal values stay exact', () => {
  const rows = compareLayers(
    [sa('m1', 0, 5, { count: { value: 18, qualifier: 'exact' } }), sa('m2', 10, 15, { kind: ['killed', 'injured'] })],
    [sa('t1', 0, 5, { count: { value: 20, qualifier: 'exact' } }), sa('t2', 10, 15, { kind: ['injured', 'killed'] })],
  );
  assert.deepEqual(
    rows.map((r) => r.kind),
    ['attribute-mismatch', 'exact'],
  );
  assert.equal(summarizeComparison(rows)['attribute-mismatch'], 1);
  // Attributes never change the pairing: an identical span with other values still pairs with it,
  // not with a neighbour whose values match.
  const paired = compareLayers([sa('m1', 0, 5, { place: 'A' })], [sa('t1', 0, 5, { place: 'B' }), sa('t2', 0, 4, { place: 'A' })]);
  assert.deepEqual(
    paired.map((r) => `${r.kind} ${r.a?.id ?? '-'} ${r.b?.id ?? '-'}`),
    ['only-b - t2', 'attribute-mismatch m1 t1'],
  );
});

test('a link row uses the schema: links to the same span agree', () => {
  const labels = [{ id: 'claim', attributes: [{ id: 'speaker', type: 'link' as const }] }];
  const mine = [sa('m-sp', 0, 5, undefined, 'claim'), sa('m1', 10, 20, { speaker: 'm-sp' }, 'claim')];
  const theirs = [sa('t-sp', 0, 5, undefined, 'claim'), sa('t1', 10, 20, { speaker: 't-sp' }, 'claim')];
  assert.deepEqual(
    compareLayers(mine, theirs, { labels }).map((r) => r.kind),
    ['exact', 'exact'],
  );
  assert.deepEqual(
    compareLayers(mine, theirs).map((r) => r.kind),
    ['exact', 'attribute-mismatch'],
  );
  assert.deepEqual(compareOptionsFor(labels, 'claim').order, ['speaker']);
});

test('the queue holds attribute differences, and keeps one decided once its values agree', () => {
  const theirs = sa('t1', 0, 5, { count: { value: 20, qualifier: 'exact' } });
  const layers = new Map([['aigerim', [theirs]]]);
  const open = reviewDifferences('d', 'dana', [sa('m1', 0, 5, { count: { value: 18, qualifier: 'exact' } })], layers, new Map());
  assert.deepEqual(
    open.map((d) => [d.kind, d.mine?.id, d.theirs.id]),
    [['attribute-mismatch', 'm1', 't1']],
  );
  // Took theirs: my span now equals theirs. Decided with a choice recorded: still listed, decided.
  const took = [sa('m1', 0, 5, { count: { value: 20, qualifier: 'exact' } })];
  const decision = { id: 'd|aigerim|t1', attributes: { count: 'theirs' } };
  const kept = reviewDifferences('d', 'dana', took, layers, new Map([[decision.id, decision]]));
  assert.deepEqual(
    kept.map((d) => [d.kind, d.decision?.id]),
    [['attribute-mismatch', 'd|aigerim|t1']],
  );
  // A plain exact match (no attribute choice recorded) is still not a difference.
  assert.deepEqual(reviewDifferences('d', 'dana', took, layers, new Map([[decision.id, { id: decision.id }]])), []);
});
