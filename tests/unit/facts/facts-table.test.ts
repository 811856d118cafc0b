import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../../../src/annotations/types.js';
import { buildFactsTable, type FactsDocument, type FactsLabel } from '../../../src/facts/facts-table.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';

const T = '2022-01-08T10:15:00.000Z';

function ann(text: string, needle: string, extra: Partial<Annotation> & { id: string }): Annotation {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { docId: 'd', label: 'casualty', start, end: start + needle.length, quote: needle, annotator: 'ana', createdAt: T, updatedAt: T, ...extra };
}

const TEXT = '👮🏽 Their number increased to 18, two of them were beheaded. CSTO “peacekeepers” arrived.';
const doc = (annotations: Annotation[], extra: Partial<FactsDocument> = {}): FactsDocument => ({
  id: 'sha',
  title: 'Kazakhstan, 7 January',
  text: TEXT,
  date: '2022-01-07',
  annotations,
  ...extra,
});

test('one row per annotation: base columns, code point offsets, casualty attributes in schema order', () => {
  const a = ann(TEXT, 'Their number increased to 18', {
    id: 'c1',
    attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed', 'injured'], group: 'security forces', date: '2022-01' },
  });
  const b = ann(TEXT, 'two of them', { id: 'c2', attributes: { count: { min: 2, max: 3 } } });
  const t = buildFactsTable([doc([a, b])], DEFAULT_SCHEMA.labels, { label: 'casualty' });
  assert.deepEqual(
    t.columns.map((c) => c.key),
    [
      'document',
      'document.date',
      'id',
      'label',
      'start',
      'end',
      'quote',
      'annotator',
      'count',
      'count.qualifier',
      'count.min',
      'count.max',
      'kind',
      'group',
      'place',
      'date',
      'review.status',
      'review.decision',
    ],
  );
  const [r1, r2] = t.rows;
  // The emoji with its skin tone is 4 UTF-16 units but 2 code points.
  assert.equal(r1!.cells['start'], a.start - 2);
  assert.equal(r1!.cells['end'], a.end - 2);
  assert.equal([...TEXT].slice(Number(r1!.cells['start']), Number(r1!.cells['end'])).join(''), a.quote);
  assert.deepEqual(
    { ...r1!.cells },
    {
      document: 'Kazakhstan, 7 January',
      'document.date': '2022-01-07',
      id: 'c1',
      label: 'casualty',
      start: a.start - 2,
      end: a.end - 2,
      quote: 'Their number increased to 18',
      annotator: 'ana',
      count: 18,
      'count.qualifier': 'exact',
      'count.min': null,
      'count.max': null,
      kind: 'killed; injured',
      group: 'security forces',
      place: null,
      date: '2022-01',
      'review.status': null,
      'review.decision': null,
    },
  );
  assert.equal(r2!.cells['count'], null);
  assert.equal(r2!.cells['count.min'], 2);
  assert.equal(r2!.cells['count.max'], 3);
  assert.equal(r1!.docId, 'sha');
  assert.equal(r1!.annotationId, 'c1');
  assert.ok(t.columns.find((c) => c.key === 'count')!.numeric);
});

test('mixed labels: the union of attribute columns, a shared id once; other labels filtered out by --label', () => {
  const c = ann(TEXT, 'two of them', { id: 'c', attributes: { place: 'Almaty' } });
  const d = ann(TEXT, 'CSTO “peacekeepers” arrived', { id: 'd', label: 'deployment', attributes: { force: 'CSTO', place: 'Almaty airport' } });
  const all = buildFactsTable([doc([c, d])], DEFAULT_SCHEMA.labels);
  const keys = all.columns.map((k) => k.key);
  assert.equal(keys.filter((k) => k === 'place').length, 1);
  assert.ok(keys.includes('force') && keys.includes('count') && keys.includes('size.qualifier'));
  assert.ok(!keys.includes('stance'), 'no claim in the rows, so no claim columns');
  assert.deepEqual(
    all.rows.map((r) => r.cells['place']),
    ['Almaty', 'Almaty airport'],
  );
  const only = buildFactsTable([doc([c, d])], DEFAULT_SCHEMA.labels, { label: 'deployment' });
  assert.deepEqual(
    only.rows.map((r) => r.annotationId),
    ['d'],
  );
  assert.ok(!only.columns.some((k) => k.key === 'count'));
  // A label with no rows still gets its columns (an empty sheet with the right header).
  const none = buildFactsTable([doc([c])], DEFAULT_SCHEMA.labels, { label: 'claim' });
  assert.equal(none.rows.length, 0);
  assert.ok(none.columns.some((k) => k.key === 'stance'));
});

test('links: target id and the target quote; booleans; values without a definition are kept', () => {
  const labels: FactsLabel[] = [
    {
      id: 'claim',
      attributes: [
        { id: 'speaker', name: 'Speaker', type: 'link', targets: ['actor'] },
        { id: 'confirmed', name: 'C', type: 'boolean' },
      ],
    },
    { id: 'actor', attributes: [] },
  ];
  const actor = ann(TEXT, 'CSTO', { id: 'act', label: 'actor' });
  const claim = ann(TEXT, 'Their number increased to 18', {
    id: 'cl',
    label: 'claim',
    attributes: { speaker: 'act', confirmed: false, legacy: 'kept', odd: { value: 3, qualifier: 'about' }, __proto__x: 'p' },
  });
  const dangling = ann(TEXT, 'two of them', { id: 'cl2', label: 'claim', attributes: { speaker: 'gone' } });
  const t = buildFactsTable([doc([actor, claim, dangling])], labels, { label: 'claim' });
  const r = t.rows[0]!.cells;
  assert.equal(r['speaker'], 'act');
  assert.equal(r['speaker.quote'], 'CSTO');
  assert.equal(r['confirmed'], false);
  assert.equal(r['legacy'], 'kept');
  assert.equal(r['odd'], '{"value":3,"qualifier":"about"}');
  assert.equal(t.rows[1]!.cells['speaker.quote'], null);
  assert.ok(t.columns.some((c) => c.key === 'legacy'));
});

test('an attribute named like a fixed column gets attr.<id>; "__proto__" is an ordinary column', () => {
  const labels: FactsLabel[] = [
    {
      id: 'casualty',
      attributes: [
        { id: 'quote', name: 'Q', type: 'text' },
        { id: '__proto__', name: 'P', type: 'text' },
      ],
    },
  ];
  const a = ann(TEXT, 'two of them', { id: 'x', attributes: JSON.parse('{"quote":"theirs","__proto__":"polluted?"}') });
  const t = buildFactsTable([doc([a])], labels);
  assert.equal(t.rows[0]!.cells['quote'], 'two of them');
  assert.equal(t.rows[0]!.cells['attr.quote'], 'theirs');
  assert.equal(Object.getOwnPropertyDescriptor(t.rows[0]!.cells, '__proto__')?.value, 'polluted?');
  assert.equal(({} as Record<string, unknown>)['polluted?'], undefined);
});

test('review: the document status, and per row the decision on it or that produced it', () => {
  const mine = ann(TEXT, 'Their number increased to 18', { id: 'm1', provenance: { annotator: 'bo', annotationId: 'b1', modified: true } });
  const theirs = ann(TEXT, 'two of them', { id: 'b2', annotator: 'bo' });
  const plain = ann(TEXT, 'CSTO', { id: 'm2' });
  const t = buildFactsTable(
    [doc([mine, theirs, plain], { reviewStatus: 'in-review', decisions: [{ annotator: 'bo', annotationId: 'b2', decision: 'rejected' }] })],
    DEFAULT_SCHEMA.labels,
  );
  assert.deepEqual(
    t.rows.map((r) => [r.cells['review.status'], r.cells['review.decision']]),
    [
      ['in-review', 'accepted-modified'],
      ['in-review', 'rejected'],
      ['in-review', null],
    ],
  );
});

test('nasty: no documents, a document without annotations, RTL and combining marks in quotes', () => {
  assert.deepEqual(buildFactsTable([], DEFAULT_SCHEMA.labels).rows, []);
  assert.equal(buildFactsTable([doc([])], DEFAULT_SCHEMA.labels).rows.length, 0);
  const text = 'قتل ٣ أشخاص e\u0301\u0301 18';
  const a: Annotation = { id: 'r', docId: 'd', label: 'casualty', start: 0, end: 11, quote: text.slice(0, 11), annotator: 'ana', createdAt: T, updatedAt: T };
  const b: Annotation = { ...a, id: 'c', start: 12, end: 15, quote: text.slice(12, 15) };
  const t = buildFactsTable([{ id: 'x', title: 'RTL', text, annotations: [a, b] }], DEFAULT_SCHEMA.labels);
  assert.equal(t.rows[0]!.cells['quote'], 'قتل ٣ أشخاص');
  assert.deepEqual([t.rows[1]!.cells['start'], t.rows[1]!.cells['end']], [12, 15]);
  assert.equal(t.rows[0]!.cells['document.date'], null);
});
