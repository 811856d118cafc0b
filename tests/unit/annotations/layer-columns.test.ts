import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromColumns, openColumns, toColumns, type LayerColumns, type LayerColumnsV2, type StoredColumns } from '../../../src/annotations/layer-columns.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { DEFAULT_SCHEMA, labelIds } from '../../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);
import type { AttributeValue } from '../../../src/labels/attributes.js';

const T = '2022-01-07T10:00:00.000Z';
// Emoji (ZWJ sequence, flag), a combining mark and Arabic: quotes are cut from this text again.
const TEXT = '👨‍👩‍👧 🇰🇿 Tokayev said e\u0301 قتل ١٨ troops arrived in Almaty.'.repeat(40);
function ann(over: Partial<Annotation> & { id: string }): Annotation {
  const start = over.start ?? 0;
  const end = over.end ?? start + 1;
  return { docId: 'doc', label: 'claim', start, end, quote: TEXT.slice(start, end), annotator: 'ana', createdAt: T, updatedAt: T, ...over };
}

test('a layer comes back exactly, notes, provenance, emoji, RTL and empty strings included', () => {
  const list: Annotation[] = [
    ann({ id: 'a', start: 0, end: 12, note: 'e\u0301 — «check»' }),
    ann({ id: 'b', label: 'casualty', start: 30, end: 36, annotator: 'Айгерим', note: '', updatedAt: '2022-01-08T00:00:00.000Z' }),
    ann({ id: 'c\n"}', label: 'deployment', start: 5, end: 6, provenance: { annotator: 'Bo', annotationId: 'x1', modified: true } }),
    ann({ id: 'd', annotator: 'ana', createdAt: '2022-01-07T10:00:00+06:00', updatedAt: '2022-01-07T10:00:00+06:00' }),
  ];
  assert.deepEqual(fromColumns(toColumns(list, TEXT), 'doc', TEXT), list);
});

test("attribute values come back with their annotation (a review that took a colleague's values survives a reopen)", () => {
  const list: Annotation[] = [
    ann({
      id: 'a',
      label: 'casualty',
      start: 0,
      end: 12,
      attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed', 'injured'], place: '🇰🇿 Алматы', flag: false },
    }),
    ann({ id: 'b', start: 30, end: 36 }),
    ann({ id: 'c', start: 40, end: 46, attributes: { count: { min: 10, max: 15 }, place: '' } }),
  ];
  assert.deepEqual(fromColumns(toColumns(list, TEXT), 'doc', TEXT), list);
  // A snapshot written before attributes existed (packing version 1) is not read at all: the
  // layer is rebuilt from its records, which hold the values (see "another version" below).
});

test('a label the default schema lacks is kept: the schema is the library’s and may change', () => {
  // Ids the schema editor or an import may bring: a user's label, emoji, RTL, a prototype name.
  const list = ['actor', '👮‍♀️', 'مصدر', '__proto__', 'constructor', 'claim'].map((label, i) => ann({ id: `u${i}`, label, start: i * 3, end: i * 3 + 2 }));
  assert.deepEqual(fromColumns(toColumns(list, TEXT), 'doc', TEXT), list);
});

test('what is implied is not stored: quotes equal to the text, updatedAt equal to createdAt', () => {
  const plain = [ann({ id: 'a', start: 12, end: 19 }), ann({ id: 'b', start: 40, end: 46 })];
  const c = toColumns(plain, TEXT);
  assert.equal(c.quotes.text, '');
  assert.equal(c.updatedAt.text, '');
  assert.deepEqual([...c.quotes.lengths], [-2, -2]);
  assert.deepEqual(fromColumns(c, 'doc', TEXT), plain);
  // A quote that differs from the text (corrupt, or from an older build) is kept as it was.
  const odd = [ann({ id: 'x', start: 12, end: 19, quote: 'Tokajev', updatedAt: '2023-01-01T00:00:00.000Z' })];
  const back = fromColumns(toColumns(odd, TEXT), 'doc', TEXT);
  assert.deepEqual(back, odd);
});

test('an empty layer packs to empty columns and back', () => {
  const c = toColumns([], TEXT);
  assert.equal(c.count, 0);
  assert.deepEqual(fromColumns(c, 'doc', TEXT), []);
  assert.deepEqual(fromColumns(toColumns([], ''), 'doc', ''), []);
});

test('property: any layer survives packing, and each annotator and label is stored once', () => {
  const str = fc.string({ unit: 'binary', maxLength: 12 });
  const rec = fc.record({
    id: str,
    label: fc.constantFrom(...LABEL_IDS),
    start: fc.nat(1000),
    len: fc.integer({ min: 1, max: 50 }),
    quote: fc.option(str, { nil: undefined }),
    annotator: fc.constantFrom('ana', 'Bo', 'Айгерим'),
    note: fc.option(str, { nil: undefined }),
    edited: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(rec, { maxLength: 40 }), (raw) => {
      const list = raw.map((r) => {
        const a = ann({
          id: r.id,
          label: r.label,
          start: r.start,
          end: r.start + r.len,
          annotator: r.annotator,
          ...(r.quote !== undefined ? { quote: r.quote } : {}),
          ...(r.edited ? { updatedAt: '2022-02-01T00:00:00.000Z' } : {}),
        });
        return r.note === undefined ? a : { ...a, note: r.note };
      });
      const c = toColumns(list, TEXT);
      assert.deepEqual(fromColumns(c, 'doc', TEXT), list);
      assert.equal(c.annotators.length, new Set(list.map((a) => a.annotator)).size);
      assert.ok(c.labels.length <= LABEL_IDS.length);
    }),
  );
});

test('columns that do not add up are refused, never half read', () => {
  const good = toColumns([ann({ id: 'a', start: 0, end: 2, quote: 'xy' }), ann({ id: 'b', start: 4, end: 5, note: 'n' })], TEXT);
  assert.ok(fromColumns(good, 'doc', TEXT));
  const broken: [string, StoredColumns][] = [
    ['another version (1 packed no attributes or annotator ids)', { ...good, version: 1 as unknown as 3 }],
    ['a newer version', { ...good, version: 4 as unknown as 3 }],
    ['no attributes column', { ...good, attributes: undefined as unknown as LayerColumns['attributes'] }],
    ['attributes that are not JSON', { ...good, attributes: '[null,' }],
    ['attributes that are not a list', { ...good, attributes: '{"a":null}' }],
    ['attributes for too few annotations', { ...good, attributes: '[null]' }],
    ['attributes for too many annotations', { ...good, attributes: '[null,null,null]' }],
    ['values that are not an object', { ...good, attributes: '[1,null]' }],
    ['values that are a list', { ...good, attributes: '[null,["x"]]' }],
    ['version 3 values packed as version 2', { ...good, attributes: { text: '', lengths: Int32Array.of(-1, -1) } as unknown as string }],
    ['version 2 values that are not an object', asV2(good, { text: '[1]"x"', lengths: Int32Array.of(3, 3) })],
    ['version 2 values that are not JSON', asV2(good, { text: '{', lengths: Int32Array.of(1, -1) })],
    ['version 2 values as one JSON text', { ...asV2(good), attributes: '[null,null]' as unknown as LayerColumnsV2['attributes'] }],
    ['annotator ids not beside the names', { ...good, annotatorIds: [] }],
    ['count off', { ...good, count: 3 }],
    ['ids text too long', { ...good, ids: { ...good.ids, text: `${good.ids.text}!` } }],
    ['ids lengths as a plain array', { ...good, ids: { ...good.ids, lengths: [1, 1] as unknown as Int32Array } }],
    ['a missing id', { ...good, ids: { ...good.ids, lengths: Int32Array.of(1, -1) } }],
    ['an id said to be implied', { ...good, ids: { ...good.ids, lengths: Int32Array.of(1, -2) } }],
    ['a note said to be implied', { ...good, notes: { ...good.notes, lengths: Int32Array.of(-2, 1) } }],
    ['a created time missing', { ...good, createdAt: { ...good.createdAt, lengths: Int32Array.of(-1, 24), text: T } }],
    ['a label index out of range', { ...good, labelIndex: Uint16Array.of(0, 9) }],
    ['an empty label', { ...good, labels: [''] }],
    ['an annotator index out of range', { ...good, annotatorIndex: Uint32Array.of(0, 5) }],
    ['an empty span', { ...good, ends: Uint32Array.of(0, 5) }],
    ['starts as a plain array', { ...good, starts: [0, 4] as unknown as Uint32Array }],
    ['provenance past the end', { ...good, provenance: [{ at: 2, provenance: { annotator: 'x', annotationId: 'y', modified: false } }] }],
  ];
  for (const [why, c] of broken) assert.equal(fromColumns(c, 'doc', TEXT), undefined, why);
  for (const junk of [null, undefined, 42, 'columns', []]) assert.equal(fromColumns(junk as unknown as LayerColumns, 'doc', TEXT), undefined, String(junk));
  // Offsets beyond the text given (the snapshot of another text) are refused too.
  assert.equal(fromColumns(good, 'doc', 'abc'), undefined);
});

test('offsets that cannot be packed are refused when packing', () => {
  assert.throws(() => toColumns([ann({ id: 'a', start: -1, end: 2 })], TEXT), /cannot be packed/);
  assert.throws(() => toColumns([ann({ id: 'a', start: 0.5, end: 2 })], TEXT), /cannot be packed/);
});

test('10,000 annotations pack and unpack to the same layer', () => {
  const long = TEXT.repeat(50);
  const list = Array.from({ length: 10_000 }, (_, i) => {
    const a = ann({ id: `id-${i}`, label: LABEL_IDS[i % 3]!, start: i * 10, end: i * 10 + 5, ...(i % 31 === 0 ? { note: `n${i}` } : {}) });
    return { ...a, quote: long.slice(a.start, a.end) };
  });
  assert.deepEqual(fromColumns(toColumns(list, long), 'doc', long), list);
});

test('unpacked in steps, a layer comes back the same; a step that meets an inconsistency says so, and the rest is never read', () => {
  const long = TEXT.repeat(50);
  const list = Array.from({ length: 1000 }, (_, i) => {
    const a = ann({ id: `id-${i}`, label: LABEL_IDS[i % 3]!, start: i * 10, end: i * 10 + 5 });
    return { ...a, quote: long.slice(a.start, a.end) };
  });
  const columns = toColumns(list, long);
  const opened = openColumns(columns, 'doc', long)!;
  assert.equal(opened.count, 1000);
  for (const k of [1, 299, 300, 400, 5000]) assert.equal(opened.take(k), true);
  assert.deepEqual(opened.out, list);

  // An empty span at 700: the steps before it succeed, the one holding it fails.
  const ends = Uint32Array.from(columns.ends);
  ends[700] = columns.starts[700]!;
  const broken = openColumns({ ...columns, ends }, 'doc', long)!;
  assert.equal(broken.take(700), true);
  assert.equal(broken.take(10), false);
  assert.equal(fromColumns({ ...columns, ends }, 'doc', long), undefined);
  assert.equal(openColumns({ ...columns, count: 999 }, 'doc', long), undefined);
});

// Every field of Annotation, each with a generator. Typed as a record over `keyof Annotation`, so a
// field added to Annotation does not compile here until it is generated, and the round trip below
// then proves the packing keeps it: no field can be dropped silently.
const anyString = fc.string({ unit: 'binary', maxLength: 12 });
const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.record(
    {
      value: fc.double({ min: 0, max: 1e9, noNaN: true }),
      qualifier: fc.constantFrom('exact' as const, 'at-least' as const, 'at-most' as const, 'about' as const),
    },
    { noNullPrototype: true },
  ),
  fc.record({ min: fc.nat(100), max: fc.integer({ min: 100, max: 1000 }) }, { noNullPrototype: true }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 3 }),
  fc.boolean(),
);
const EVERY_FIELD: { [K in keyof Annotation]-?: fc.Arbitrary<NonNullable<Annotation[K]>> } = {
  id: anyString,
  docId: fc.constant('doc'),
  label: fc.constantFrom(...LABEL_IDS),
  start: fc.nat(1000),
  end: fc.integer({ min: 1, max: 50 }),
  quote: anyString,
  annotator: fc.constantFrom('ana', 'Bo', 'Айгерим'),
  annotatorId: fc.constantFrom('id-1', 'id-2', '8f14e45f-ceea-4e7a-9c1d-2b7a5e0c3d11'),
  createdAt: fc.constant(T),
  updatedAt: fc.constantFrom(T, '2022-02-01T00:00:00.000Z'),
  note: anyString,
  // Keys as a file may bring them: emoji, RTL, "__proto__" and "constructor" are own keys here too.
  attributes: fc.dictionary(fc.oneof(fc.constantFrom('count', 'kind', 'speaker', '__proto__', 'constructor'), fc.string({ maxLength: 6 })), attributeValue, {
    maxKeys: 4,
    noNullPrototype: true,
  }),
  provenance: fc.record({ annotator: anyString, annotationId: anyString, modified: fc.boolean() }, { noNullPrototype: true }),
};
const FIELDS = Object.keys(EVERY_FIELD) as (keyof Annotation)[];
const REQUIRED = ['id', 'docId', 'label', 'start', 'end', 'quote', 'annotator', 'createdAt', 'updatedAt'];

test('property: every field of Annotation survives packing, each optional one present or absent', () => {
  const full = fc.record(EVERY_FIELD, { noNullPrototype: true });
  const optional = fc.subarray(FIELDS.filter((k) => !REQUIRED.includes(k)));
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.array(fc.tuple(full, optional), { maxLength: 30 }), (raw) => {
      const list = raw.map(([r, drop]) => {
        const a: Record<string, unknown> = { ...r, end: r.start + r.end };
        for (const k of drop) delete a[k];
        for (const k of Object.keys(a)) seen.add(k);
        return a as unknown as Annotation;
      });
      const back = fromColumns(toColumns(list, TEXT), 'doc', TEXT);
      assert.deepEqual(back, list);
      back.forEach((b, i) => assert.deepEqual(Object.keys(b).sort(), Object.keys(list[i]!).sort()));
      // Packed without the text (my layer's stored chunks), every field comes back the same.
      const alone = fromColumns(toColumns(list), 'doc');
      assert.deepEqual(alone, list);
      alone.forEach((b, i) => assert.deepEqual(Object.keys(b).sort(), Object.keys(list[i]!).sort()));
    }),
  );
  // The generated annotations did carry every field.
  assert.deepEqual([...seen].sort(), [...FIELDS].sort());
});

test('attribute values and links come back; a name shared by two installation ids stays two annotators', () => {
  const list: Annotation[] = [
    ann({
      id: 'a',
      start: 0,
      end: 12,
      annotatorId: 'id-1',
      attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed', 'injured'], place: 'Алматы 🇰🇿' },
    }),
    ann({ id: 'b', start: 20, end: 26, annotatorId: 'id-2', attributes: { speaker: 'a', verified: false, date: '2022-01' } }),
    ann({ id: 'c', start: 30, end: 36, attributes: {} }),
  ];
  const c = toColumns(list, TEXT);
  assert.deepEqual(c.annotators, ['ana', 'ana', 'ana']);
  assert.deepEqual(c.annotatorIds, ['id-1', 'id-2', null]);
  assert.deepEqual(fromColumns(c, 'doc', TEXT), list);
});

test('packed without the text, every quote is stored; columns that imply quotes cannot be read without it', () => {
  const list = [ann({ id: 'a', start: 0, end: 12 }), ann({ id: 'b', start: 30, end: 36, quote: TEXT.slice(30, 36) })];
  const alone = toColumns(list);
  assert.deepEqual([...alone.quotes.lengths], [TEXT.slice(0, 12).length, 6]);
  assert.deepEqual(fromColumns(alone, 'doc'), list);
  // Offsets are not checked against a text that is not there; with it, they are.
  const far = [ann({ id: 'f', start: TEXT.length + 5, end: TEXT.length + 7, quote: 'zz' })];
  assert.deepEqual(fromColumns(toColumns(far), 'doc'), far);
  assert.equal(fromColumns(toColumns(far), 'doc', TEXT), undefined);
  // Implied quotes need the text they were cut from.
  assert.equal(fromColumns(toColumns(list, TEXT), 'doc'), undefined);
});

/**
 * Columns as version 2 wrote them (each annotation's values as its own JSON text, length -1 for
 * none), made from version 3's: a library written by an older build holds its chunks so.
 */
function asV2(c: LayerColumns, attributes?: LayerColumnsV2['attributes']): LayerColumnsV2 {
  const values = JSON.parse(c.attributes) as (object | null)[];
  const texts = values.map((v) => (v === null ? undefined : JSON.stringify(v)));
  return {
    ...c,
    version: 2,
    attributes: attributes ?? {
      text: texts.filter((t) => t !== undefined).join(''),
      lengths: Int32Array.from(texts, (t) => (t === undefined ? -1 : t.length)),
    },
  };
}

test('attribute values are one JSON array for the layer, null where an annotation has none', () => {
  const list = [
    ann({ id: 'a', start: 0, end: 12, attributes: { count: { value: 18, qualifier: 'exact' }, place: 'Алматы 🇰🇿' } }),
    ann({ id: 'b', start: 20, end: 26 }),
    ann({ id: 'c', start: 30, end: 36, attributes: {} }),
  ];
  const c = toColumns(list, TEXT);
  assert.equal(c.version, 3);
  assert.deepEqual(JSON.parse(c.attributes), [{ count: { value: 18, qualifier: 'exact' }, place: 'Алматы 🇰🇿' }, null, {}]);
  assert.equal(toColumns([], TEXT).attributes, '[]');
});

test('columns of version 2 (chunks an older build wrote) are still read, values and all', () => {
  const list: Annotation[] = [
    ann({ id: 'a', label: 'casualty', start: 0, end: 12, attributes: { count: { min: 10, max: 15 }, kind: ['killed', 'injured'], place: '' } }),
    ann({ id: 'b', start: 20, end: 26, note: 'n' }),
    ann({ id: 'c', start: 30, end: 36, attributes: { speaker: 'a', constructor: 'x', flag: false } }),
    ann({ id: 'd', start: 40, end: 46, attributes: {} }),
  ];
  const v2 = asV2(toColumns(list));
  assert.deepEqual(
    [...v2.attributes.lengths].map((n) => n >= 0),
    [true, false, true, true],
  );
  assert.deepEqual(fromColumns(v2, 'doc'), list);
  assert.deepEqual(fromColumns(asV2(toColumns(list, TEXT)), 'doc', TEXT), list);
  assert.deepEqual(fromColumns(asV2(toColumns([])), 'doc'), []);
});

test('property: a layer packed as version 2 reads the same as packed now', () => {
  const full = fc.record(EVERY_FIELD, { noNullPrototype: true });
  fc.assert(
    fc.property(fc.array(full, { maxLength: 20 }), (raw) => {
      const list = raw.map((r) => ({ ...r, end: r.start + r.end }));
      assert.deepEqual(fromColumns(asV2(toColumns(list)), 'doc'), list);
    }),
  );
});
