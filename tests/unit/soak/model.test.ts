// The soak's own reading of the layer snapshot must agree with the app's packer on awkward layers,
// or a snapshot mismatch it reports would be its own mistake; and its import rule must be the
// documented one (new ids added, newer copies replace, an older copy never overwrites).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toColumns } from '../../../src/annotations/layer-columns.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { afterImport, byId, decodeColumns, diffRecords, type RawColumns } from '../../soak/model.js';

const TEXT = 'Almaty 👩‍👩‍👧 café\u0301 — مرحبا\nline two 🇰🇿 end';
const at = (needle: string) => ({ start: TEXT.indexOf(needle), end: TEXT.indexOf(needle) + needle.length });

function ann(id: string, needle: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    docId: 'doc',
    label: 'claim',
    ...at(needle),
    quote: needle,
    annotator: 'Dana',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

/** What raw-store.ts hands over: the typed arrays as plain arrays. */
function raw(list: readonly Annotation[]): RawColumns {
  const c = toColumns(list, TEXT);
  const p = (x: { text: string; lengths: Int32Array }) => ({ text: x.text, lengths: [...x.lengths] });
  return {
    version: c.version,
    count: c.count,
    starts: [...c.starts],
    ends: [...c.ends],
    labelIndex: [...c.labelIndex],
    labels: [...c.labels],
    annotatorIndex: [...c.annotatorIndex],
    annotators: [...c.annotators],
    annotatorIds: [...c.annotatorIds],
    ids: p(c.ids),
    quotes: p(c.quotes),
    createdAt: p(c.createdAt),
    updatedAt: p(c.updatedAt),
    notes: p(c.notes),
    attributes: c.attributes,
    provenance: c.provenance.map((x) => ({ at: x.at, provenance: { ...x.provenance } })),
  };
}

test('decodes what the app packs: emoji, combining marks, RTL, newlines, notes, provenance, stale quotes', () => {
  const layer: Annotation[] = [
    ann('a', '👩‍👩‍👧'),
    ann('b', 'café\u0301', { label: 'casualty', note: 'note 🇰🇿 with\r\nCRLF', updatedAt: '2026-02-01T00:00:00.000Z' }),
    ann('c', 'مرحبا', { annotator: 'Aigerim', note: '' }),
    ann('d', 'line two', { quote: 'an older quote', provenance: { annotator: 'Aigerim', annotationId: 'x1', modified: true } }),
    ann('👀', '🇰🇿', { label: 'deployment' }),
    ann('e', 'end', { annotatorId: 'id-1', attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed'], speaker: 'a' } }),
  ];
  const decoded = decodeColumns(raw(layer), 'doc', TEXT);
  assert.ok(Array.isArray(decoded), JSON.stringify(decoded));
  assert.deepEqual(diffRecords(byId(layer), byId(decoded)), []);
});

test('chunks an older build packed (version 2: each annotation its own JSON text of values) decode the same', () => {
  const layer: Annotation[] = [
    ann('a', 'Almaty', { attributes: { place: 'Алматы 🇰🇿', kind: ['killed', 'injured'] } }),
    ann('b', 'end'),
    ann('c', 'line two', { attributes: {} }),
  ];
  const now = raw(layer);
  const texts = (JSON.parse(now.attributes as string) as (object | null)[]).map((v) => (v === null ? -1 : JSON.stringify(v)));
  const v2: RawColumns = {
    ...now,
    version: 2,
    attributes: { text: texts.filter((t) => typeof t === 'string').join(''), lengths: texts.map((t) => (typeof t === 'string' ? t.length : -1)) },
  };
  const decoded = decodeColumns(v2, 'doc', TEXT);
  assert.ok(Array.isArray(decoded), JSON.stringify(decoded));
  assert.deepEqual(diffRecords(byId(layer), byId(decoded)), []);
  assert.match(JSON.stringify(decodeColumns({ ...v2, attributes: now.attributes }, 'doc', TEXT)), /version 2 is not packed/);
  assert.match(JSON.stringify(decodeColumns({ ...now, attributes: '[null]' }, 'doc', TEXT)), /not a list of 3/);
});

test('an empty layer decodes to nothing', () => {
  assert.deepEqual(decodeColumns(raw([]), 'doc', TEXT), []);
});

test('columns that do not add up are reported, not decoded', () => {
  const c = raw([ann('a', 'Almaty'), ann('b', 'end')]);
  assert.match(JSON.stringify(decodeColumns({ ...c, starts: [0] }, 'doc', TEXT)), /starts has 1 entries for 2/);
  assert.match(JSON.stringify(decodeColumns({ ...c, ids: { text: c.ids.text + 'x', lengths: c.ids.lengths } }, 'doc', TEXT)), /ids lengths add up/);
  assert.match(JSON.stringify(decodeColumns({ ...c, version: 1 }, 'doc', TEXT)), /version 1/);
});

test('a dropped or changed annotation in the snapshot is a difference', () => {
  const layer = [ann('a', 'Almaty'), ann('b', 'end')];
  const decoded = decodeColumns(raw([layer[0]!, { ...layer[1]!, label: 'casualty' }]), 'doc', TEXT);
  assert.ok(Array.isArray(decoded));
  assert.equal(diffRecords(byId(layer), byId(decoded)).length, 1);
  assert.deepEqual(diffRecords(byId(layer), byId(decoded.slice(0, 1))), ['missing b claim:end']);
});

test('import: new ids added, newer copies replace, older and equal ones leave my layer as it is', () => {
  const mine = byId([ann('a', 'Almaty'), ann('b', 'end', { updatedAt: '2026-03-01T00:00:00.000Z' }), ann('c', 'line two')]);
  const after = afterImport(mine, [
    ann('new', 'مرحبا'),
    { ...mine.get('a')!, label: 'casualty', updatedAt: '2026-04-01T00:00:00.000Z' },
    { ...mine.get('b')!, label: 'deployment', updatedAt: '2026-01-01T00:00:00.000Z' },
    mine.get('c')!,
  ]);
  assert.equal(after.get('new')?.quote, 'مرحبا');
  assert.equal(after.get('a')?.label, 'casualty');
  assert.equal(after.get('b')?.label, 'claim');
  assert.equal(after.get('c'), mine.get('c'));
});
