import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromColumns, toColumns, type LayerColumns } from '../../../src/annotations/layer-columns.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { LABEL_IDS } from '../../../src/labels/schema.js';

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

test('attribute values and links come back exactly; a snapshot from before attributes reads as none', () => {
  const list: Annotation[] = [
    ann({ id: 'a', start: 0, end: 12, attributes: { source: 'e\u0301 قتل 🇰🇿\r\n', stance: 'asserted', speaker: 'c' } }),
    ann({ id: 'b', label: 'casualty', start: 30, end: 36, attributes: { count: { min: 10, max: 15 }, kind: ['killed', 'injured'], date: '2022-01' } }),
    ann({ id: 'c', start: 40, end: 44 }),
    ann({ id: 'd', label: 'casualty', start: 50, end: 56, attributes: { count: { value: 18, qualifier: 'exact' }, kind: [], place: '' } }),
  ];
  assert.deepEqual(fromColumns(toColumns(list, TEXT), 'doc', TEXT), list);
  const { attributes: _none, ...old } = toColumns(list.map(({ attributes: _a, ...rest }) => rest), TEXT);
  assert.deepEqual(fromColumns(old as LayerColumns, 'doc', TEXT), list.map(({ attributes: _a, ...rest }) => rest));
  const bad = { ...toColumns(list, TEXT), attributes: [{ at: 9, values: {} }] };
  assert.equal(fromColumns(bad, 'doc', TEXT), undefined, 'attributes past the end are refused');
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
    attributes: fc.option(
      fc.dictionary(
        str,
        fc.oneof(
          str,
          fc.boolean(),
          fc.array(str, { maxLength: 3 }),
          fc.record({ value: fc.nat(), qualifier: fc.constantFrom('exact' as const, 'at-least' as const, 'at-most' as const, 'about' as const) }),
          fc.record({ min: fc.nat(), max: fc.nat() }),
        ),
        { maxKeys: 4 },
      ),
      { nil: undefined },
    ),
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
        const noted = r.note === undefined ? a : { ...a, note: r.note };
        return r.attributes === undefined ? noted : { ...noted, attributes: r.attributes };
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
  const broken: [string, LayerColumns][] = [
    ['another version', { ...good, version: 2 as unknown as 1 }],
    ['count off', { ...good, count: 3 }],
    ['ids text too long', { ...good, ids: { ...good.ids, text: `${good.ids.text}!` } }],
    ['ids lengths as a plain array', { ...good, ids: { ...good.ids, lengths: [1, 1] as unknown as Int32Array } }],
    ['a missing id', { ...good, ids: { ...good.ids, lengths: Int32Array.of(1, -1) } }],
    ['an id said to be implied', { ...good, ids: { ...good.ids, lengths: Int32Array.of(1, -2) } }],
    ['a note said to be implied', { ...good, notes: { ...good.notes, lengths: Int32Array.of(-2, 1) } }],
    ['a created time missing', { ...good, createdAt: { ...good.createdAt, lengths: Int32Array.of(-1, 24), text: T } }],
    ['a label index out of range', { ...good, labelIndex: Uint16Array.of(0, 9) }],
    ['a label Spanmark does not know', { ...good, labels: ['rumour'] }],
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
