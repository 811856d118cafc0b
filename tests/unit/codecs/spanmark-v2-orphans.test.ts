// Orphans in contract v2: an optional `orphans` array per document survives encode → JSON → decode
// (emoji, combining marks, RTL, attribute values), the JSON Schema accepts what Spanmark writes,
// files without it stay valid, a v1 file with such a key still imports, and every malformed orphan
// refuses the whole file with its JSON path. Offsets of an orphan are those of the text it was made
// on, so they are read as given, not checked against the document's text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { decodeSpanmark, type DecodedOrphan } from '../../../src/codecs/spanmark/decode.js';
import { encodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import { encodeSpanmarkV1, serializeSpanmark, serializeSpanmarkV1, SpanmarkEncodeError } from '../../../src/codecs/spanmark-v1/encode.js';
import { annotation, article, clone, sha256Hex, T0, type Loose } from './spanmark-v1-helpers.js';

const schemaV2: unknown = JSON.parse(readFileSync(new URL('../../../src/codecs/spanmark-v2/schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
const validateV2 = ajv.compile(schemaV2 as object);

const TEXT = 'Troops 🇷🇺 arrived in Almaty.\nשלום e\u0301 👨‍👩‍👧 done.';
const doc = article(TEXT);
const kept = annotation(doc, 0, 6, { id: 'a1', label: 'deployment' });
const ORPHANS: DecodedOrphan[] = [
  {
    id: 'o2',
    label: 'casualty',
    quote: 'Four 👨‍👩‍👧 died',
    prefix: 'the clashes: ',
    suffix: ' in שלום e\u0301',
    start: 40,
    end: 52,
    annotator: 'Dana',
    annotatorId: 'dana-install',
    createdAt: T0,
    updatedAt: T0,
    note: 'gone in v2',
    attributes: { count: { value: 4, qualifier: 'exact' }, kind: ['killed'] },
    reason: '"Four 👨‍👩‍👧 died" is nowhere in the new text, not even approximately.',
    orphanedAt: '2022-01-09T08:00:00.000Z',
  },
  // Recorded before orphans were exported: no offsets, no context.
  { id: 'o1', label: 'claim', quote: 'שלום', annotator: 'Aigerim', createdAt: T0, updatedAt: T0 },
];

function encoded(orphans: readonly DecodedOrphan[] = ORPHANS): Loose {
  const file = encodeSpanmarkV2({
    documents: [{ article: doc, annotations: [kept], orphans }],
    exportedAt: T0,
    generatorVersion: 'test',
    schema: DEFAULT_SCHEMA,
  });
  return JSON.parse(serializeSpanmark(file));
}

async function decode(json: unknown) {
  return decodeSpanmark(JSON.stringify(json), sha256Hex);
}

test('orphans round-trip through a v2 file, sorted by id, in the contract’s key order, valid against the JSON Schema', async () => {
  const json: Loose = encoded();
  assert.ok(validateV2(clone(json)), JSON.stringify(validateV2.errors));
  const d = json.documents[0];
  assert.deepEqual(Object.keys(d).slice(-2), ['annotations', 'orphans']);
  assert.deepEqual(
    d.orphans.map((o: Loose) => o.id),
    ['o1', 'o2'],
  );
  assert.deepEqual(Object.keys(d.orphans[1]), [
    'id',
    'label',
    'start',
    'end',
    'prefix',
    'quote',
    'suffix',
    'annotator',
    'annotatorId',
    'createdAt',
    'updatedAt',
    'note',
    'attributes',
    'reason',
    'orphanedAt',
  ]);
  const r = await decode(json);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  const back = r.value.documents[0]!;
  assert.deepEqual(
    back.orphans,
    [{ ...ORPHANS[1], attributes: undefined }, ORPHANS[0]].map((o) => JSON.parse(JSON.stringify(o))),
  );
  assert.deepEqual(
    back.annotations.map((a) => a.id),
    ['a1'],
  );
});

test('a v2 document without orphans is unchanged and valid; an empty list is not written', async () => {
  const json = encoded([]);
  assert.equal('orphans' in json.documents[0], false);
  assert.ok(validateV2(json));
  const r = await decode(json);
  assert.ok(r.ok);
  assert.equal(r.value.documents[0]!.orphans, undefined);
  const withEmpty: Loose = clone(json);
  withEmpty.documents[0].orphans = [];
  const e = await decode(withEmpty);
  assert.ok(e.ok);
  assert.equal(e.value.documents[0]!.orphans, undefined);
});

test('a v1 file still imports (an `orphans` key is not part of v1 and is left alone)', async () => {
  const v1 = JSON.parse(
    serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: doc, annotations: [kept] }], exportedAt: T0, generatorVersion: 'test' })),
  );
  const r = await decode(v1);
  assert.ok(r.ok);
  assert.equal(r.value.documents[0]!.annotations.length, 1);
  v1.documents[0].orphans = encoded().documents[0].orphans;
  const r2 = await decode(v1);
  assert.ok(r2.ok);
  assert.equal(r2.value.documents[0]!.orphans, undefined);
});

const BAD: readonly [string, (o: Loose, d: Loose) => void, string, string][] = [
  ['not a list', (_o, d) => (d.orphans = { id: 'x' }), 'schema', 'documents[0].orphans'],
  ['not an object', (_o, d) => (d.orphans[0] = 'x'), 'schema', 'documents[0].orphans[0]'],
  ['no quote', (o) => delete o.quote, 'schema', 'documents[0].orphans[0].quote'],
  ['an empty quote', (o) => (o.quote = ''), 'schema', 'documents[0].orphans[0].quote'],
  ['a quote with a lone surrogate', (o) => (o.quote = 'a\ud800'), 'bad-string', 'documents[0].orphans[0].quote'],
  ['an unknown label', (o) => (o.label = 'rumour'), 'unknown-label', 'documents[0].orphans[0].label'],
  ['a duplicate id', (o, d) => (o.id = d.orphans[1].id), 'duplicate-id', 'documents[0].orphans[1].id'],
  ['the id of an annotation', (o) => (o.id = 'a1'), 'duplicate-id', 'documents[0].orphans[0].id'],
  ['start without end', (o) => delete o.end, 'schema', 'documents[0].orphans[0].end'],
  ['end before start', (o) => ((o.start = 9), (o.end = 3)), 'empty-span', 'documents[0].orphans[0].end'],
  ['a negative offset', (o) => (o.start = -1), 'offset-out-of-range', 'documents[0].orphans[0].start'],
  ['a prefix longer than 32 code points', (o) => (o.prefix = '😀'.repeat(33)), 'schema', 'documents[0].orphans[0].prefix'],
  ['an attribute of another label', (o) => (o.attributes = { nope: 1 }), 'unknown-attribute', 'documents[0].orphans[0].attributes.nope'],
  ['a bad attribute value', (o) => (o.attributes = { count: 'four' }), 'bad-attribute', 'documents[0].orphans[0].attributes.count'],
  ['no annotator', (o) => (o.annotator = ''), 'schema', 'documents[0].orphans[0].annotator'],
  ['a bad date-time', (o) => (o.orphanedAt = 'yesterday'), 'schema', 'documents[0].orphans[0].orphanedAt'],
];

for (const [what, spoil, code, path] of BAD) {
  test(`an orphan with ${what} refuses the whole file at ${path}`, async () => {
    const json = encoded();
    // The first written orphan is o1 (no offsets); give it some so offset spoilers have something to spoil.
    const o = json.documents[0].orphans[1];
    json.documents[0].orphans = [o, json.documents[0].orphans[0]];
    spoil(o, json.documents[0]);
    const r = await decode(json);
    assert.equal(r.ok, false, what);
    if (r.ok) return;
    const p = r.error.problems.find((x) => x.path === path);
    assert.ok(p, `${what}: ${JSON.stringify(r.error.problems)}`);
    assert.equal(p.code, code);
    // The message names the orphan (or the key) itself, as annotations' messages do.
    assert.ok(p.message.includes(path.replace(/\.(?:attributes\.)?[a-zA-Z]+$/, '')), p.message);
  });
}

test('the encoder refuses orphans a reader would refuse, naming where', () => {
  const bad = (o: Partial<DecodedOrphan>) => () => encoded([{ ...ORPHANS[0]!, ...o }]);
  assert.throws(bad({ label: 'rumour' }), (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'documents[0].orphans[0].label');
  assert.throws(bad({ id: 'a1' }), (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'documents[0].orphans[0].id');
  assert.throws(bad({ quote: '' }), (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'documents[0].orphans[0].quote');
  assert.throws(bad({ note: '\udc00' }), (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'documents[0].orphans[0].note');
  assert.throws(bad({ attributes: { count: 'x' } }), (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'documents[0].orphans[0].attributes.count');
  assert.throws(bad({ start: 5, end: 5 }), (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'documents[0].orphans[0].end');
});

test('a conversion cannot carry orphans and says so (a warning naming the document’s orphans), never silently', async () => {
  const { spanmarkCodec } = await import('../../../src/codecs/spanmark/index.js');
  const r = await spanmarkCodec.decode([{ name: 'a.spanmark.json', bytes: new TextEncoder().encode(JSON.stringify(encoded())) }]);
  const w = r.problems.filter((p) => p.where === 'a.spanmark.json: documents[0].orphans');
  assert.equal(w.length, 1);
  assert.equal(w[0]!.severity, 'warning');
  assert.match(w[0]!.message, /^2 orphans .* not converted/);
  assert.equal(r.documents[0]!.annotations.length, 1);
});
