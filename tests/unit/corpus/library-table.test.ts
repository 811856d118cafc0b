import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distinctValues, filterRows, sortRows, type LibraryRow } from '../../../src/corpus/library-table.js';

const row = (id: string, over: Partial<LibraryRow> = {}): LibraryRow => ({
  id,
  title: id,
  status: 'new',
  tags: [],
  counts: {},
  lastEdited: '2022-01-01T00:00:00.000Z',
  addedAt: '2022-03-01T00:00:00.000Z',
  ...over,
});

const rows: LibraryRow[] = [
  row('a', { title: '🇰🇿 Almaty burns', date: '2022-01-06', source: 'Reuters', status: 'done', counts: { claim: 2 }, tags: ['kz'] }),
  row('b', { title: 'مرحبا بالعالم', source: 'AP', counts: { claim: 0, casualty: 1 } }),
  row('c', { title: 'almaty quiet', date: '2022-01-07', source: 'Reuters', status: 'in-progress', tags: ['kz', 'army'] }),
  row('d', { title: 'Zed', date: '2022-01-06', status: 'reviewed', lastEdited: '2022-02-01T00:00:00.000Z' }),
  row('e', { title: '', date: '', source: '  ' }),
  row('f', { title: 'Cafe\u0301 report', date: '2022-01-06', source: 'AP' }),
];
const ids = (rs: readonly LibraryRow[]) => rs.map((r) => r.id).join('');

test('date ascending: missing dates last, equal dates keep input order', () => {
  assert.equal(ids(sortRows(rows, { column: 'date', dir: 'asc' })), 'adfcbe');
});

test('date descending: missing dates still last, ties still in input order', () => {
  assert.equal(ids(sortRows(rows, { column: 'date', dir: 'desc' })), 'cadfbe');
});

test('title: case-insensitive, emoji and RTL titles have a place, an empty title goes last', () => {
  const asc = ids(sortRows(rows, { column: 'title', dir: 'asc' }));
  assert.equal(asc.at(-1), 'e');
  assert.equal(asc.length, 6);
  // "almaty quiet" before "Cafe\u0301" before "Zed", whatever case.
  assert.ok(asc.indexOf('c') < asc.indexOf('f') && asc.indexOf('f') < asc.indexOf('d'));
  const desc = ids(sortRows(rows, { column: 'title', dir: 'desc' }));
  assert.equal(desc.at(-1), 'e');
  assert.ok(desc.indexOf('d') < desc.indexOf('f'));
});

test('label counts, status order and last edited; the input is not mutated', () => {
  const copy = [...rows];
  assert.equal(ids(sortRows(rows, { column: 'label:claim', dir: 'desc' })), 'abcdef');
  assert.equal(ids(sortRows(rows, { column: 'label:casualty', dir: 'desc' })), 'bacdef');
  assert.equal(ids(sortRows(rows, { column: 'status', dir: 'asc' })), 'befcad');
  assert.equal(ids(sortRows(rows, { column: 'lastEdited', dir: 'desc' })), 'dabcef');
  assert.deepEqual(rows, copy);
});

test('source: blank sources are missing, sorted last', () => {
  assert.equal(ids(sortRows(rows, { column: 'source', dir: 'asc' })), 'bfacde');
});

test('filters: status, label presence and absence, source, tag, date range (undated excluded)', () => {
  assert.equal(ids(filterRows(rows, { statuses: ['done', 'reviewed'] })), 'ad');
  assert.equal(ids(filterRows(rows, { statuses: [] })), 'abcdef');
  assert.equal(ids(filterRows(rows, { label: 'claim' })), 'a');
  assert.equal(ids(filterRows(rows, { label: 'claim', labelAbsent: true })), 'bcdef');
  assert.equal(ids(filterRows(rows, { source: 'AP' })), 'bf');
  assert.equal(ids(filterRows(rows, { tag: 'army' })), 'c');
  assert.equal(ids(filterRows(rows, { from: '2022-01-07' })), 'c');
  assert.equal(ids(filterRows(rows, { to: '2022-01-06' })), 'adf');
  assert.equal(ids(filterRows(rows, { source: 'Reuters', tag: 'kz', from: '2022-01-01', to: '2022-12-31' })), 'ac');
  assert.equal(ids(filterRows([], { source: 'AP' })), '');
});

test('distinct values skip blanks and come in collation order', () => {
  assert.deepEqual(
    distinctValues(rows, (r) => [r.source]),
    ['AP', 'Reuters'],
  );
  assert.deepEqual(
    distinctValues(rows, (r) => r.tags),
    ['army', 'kz'],
  );
});

test('thousands of rows with equal keys keep their order', () => {
  const many = Array.from({ length: 5000 }, (_, i) => row(String(i).padStart(5, '0'), { title: 'same' }));
  assert.equal(ids(sortRows(many, { column: 'title', dir: 'desc' })), ids(many));
});

test('shelves: the default view shows neither archived nor deleted rows; each filter shows its own', () => {
  const shelved = [row('a'), row('b', { shelf: 'archived' }), row('c', { shelf: 'deleted' }), row('d', { shelf: 'active' })];
  assert.equal(ids(filterRows(shelved, {})), 'ad');
  assert.equal(ids(filterRows(shelved, { shelf: 'archived' })), 'b');
  assert.equal(ids(filterRows(shelved, { shelf: 'deleted' })), 'c');
  // Other filters apply within the shelf.
  assert.equal(ids(filterRows([...shelved, row('e', { shelf: 'archived', status: 'done' })], { shelf: 'archived', statuses: ['done'] })), 'e');
});

test('colleague filter: an article holding that layer; names compared exactly (RTL, emoji, combining marks)', () => {
  const withLayers = [
    row('a', { colleagues: ['Aigerim', 'Bolat'] }),
    row('b', { colleagues: ['بولات'] }),
    row('c', { colleagues: [] }),
    row('d'),
    row('e', { colleagues: ['Jose\u0301 🇰🇿'] }),
  ];
  assert.equal(ids(filterRows(withLayers, { colleague: 'Bolat' })), 'a');
  assert.equal(ids(filterRows(withLayers, { colleague: 'بولات' })), 'b');
  assert.equal(ids(filterRows(withLayers, { colleague: 'José 🇰🇿' })), '');
  assert.equal(ids(filterRows(withLayers, { colleague: 'Jose\u0301 🇰🇿' })), 'e');
  assert.equal(ids(filterRows(withLayers, { colleague: '' })), 'abcde');
  assert.deepEqual(
    distinctValues(withLayers, (r) => r.colleagues ?? []),
    ['Aigerim', 'Bolat', 'Jose\u0301 🇰🇿', 'بولات'],
  );
});

test('sort by colleagues: by how many layers; by review: share decided, nothing to decide is all decided, no layer last', () => {
  const rs = [
    row('a', { colleagues: ['x'], review: { decided: 1, total: 4 } }),
    row('b'),
    row('c', { colleagues: ['x', 'y'], review: { decided: 0, total: 0 } }),
    row('d', { colleagues: ['x'], review: { decided: 3, total: 4 } }),
    row('e', { colleagues: ['y'], review: { decided: 0, total: 2 } }),
  ];
  assert.equal(ids(sortRows(rs, { column: 'colleagues', dir: 'desc' })), 'cadeb');
  assert.equal(ids(sortRows(rs, { column: 'colleagues', dir: 'asc' })), 'bade' + 'c');
  assert.equal(ids(sortRows(rs, { column: 'review', dir: 'asc' })), 'eadcb');
  assert.equal(ids(sortRows(rs, { column: 'review', dir: 'desc' })), 'cdaeb');
});

/** The order by the collator itself, compared pair by pair: what the worked-out ranks must give. */
function collatedReference(rs: readonly LibraryRow[], column: 'title' | 'source', dir: 'asc' | 'desc'): string[] {
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const key = (r: LibraryRow) => {
    const v = column === 'title' ? r.title : r.source;
    return v === undefined || v.trim() === '' ? undefined : v;
  };
  return rs
    .map((r, i) => ({ r, i, k: key(r) }))
    .sort((x, y) => {
      if (x.k === undefined || y.k === undefined) return x.k === y.k ? x.i - y.i : x.k === undefined ? 1 : -1;
      const c = collator.compare(x.k, y.k);
      return c !== 0 ? (dir === 'asc' ? c : -c) : x.i - y.i;
    })
    .map((x) => x.r.id);
}

test('title and source sorts reused from the rows’ worked-out ranks give the collator’s order: both ways, subsets, new sets, mixed sets', () => {
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const words = [
    'Almaty',
    'almaty',
    'ALMATY',
    'Алматы',
    'مرحبا',
    '🇰🇿',
    'Cafe\u0301',
    'Café',
    'report 9',
    'report 10',
    'Report 010',
    'zed',
    '',
    '  ',
    'ǅemal',
    'e\u0301',
  ];
  const make = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) =>
      row(`${prefix}${i}`, {
        title: `${words[Math.floor(rand() * words.length)]!} ${rand() < 0.3 ? '' : words[Math.floor(rand() * words.length)]!}`.trimEnd(),
        ...(rand() < 0.8 ? { source: words[Math.floor(rand() * words.length)]! } : {}),
      }),
    );
  const first = make('a', 400);
  const second = make('b', 300);
  const check = (rs: readonly LibraryRow[], what: string) => {
    for (const column of ['title', 'source'] as const)
      for (const dir of ['asc', 'desc'] as const)
        assert.deepEqual(
          sortRows(rs, { column, dir }).map((r) => r.id),
          collatedReference(rs, column, dir),
          `${what}: ${column} ${dir}`,
        );
  };
  check(first, 'first read');
  check(first, 'the same rows again (from their ranks)');
  check(
    first.filter((_, i) => i % 3 === 0),
    'a filtered part of them',
  );
  check([...first].reverse(), 'the same rows in another input order');
  check(second, 'a new read');
  check([...first.slice(0, 150), ...second.slice(0, 150)], 'rows of two reads together');
  check(first.slice(100, 300), 'the first read again after the mixed set');
  check([], 'no rows');
  check([row('x', { title: '' }), row('y', { title: '  ' })], 'only blank titles');
});
