import assert from 'node:assert/strict';
import { test } from 'node:test';
import { queryRows, shownTable, viewColumns } from '../../../src/facts/facts-query.js';
import type { FactsCell, FactsTable } from '../../../src/facts/facts-table.js';

const cols = [
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
  'kind',
  'review.status',
  'review.decision',
];
const numeric = new Set(['start', 'end', 'count']);
const blank = (): Record<string, FactsCell> => Object.fromEntries(cols.map((k) => [k, null]));
function table(): FactsTable {
  const data: [string, string, number | null, string | null, string][] = [
    ['a', 'Their number increased to 18', 18, 'killed', 'Ä report'],
    ['b', 'two of them', 2, 'killed; injured', 'b report'],
    ['c', 'dozens', null, null, 'a report'],
    ['d', 'at least 20 thousand radicals', 20000, 'detained', 'B report'],
    ['e', '👮 ٣ قتلى', 3, 'killed', 'a report'],
  ];
  return {
    columns: cols.map((key) => ({ key, numeric: numeric.has(key) })),
    rows: data.map(([id, quote, count, kind, document]) => ({
      docId: 'd',
      annotationId: id,
      cells: { ...blank(), id, quote, count, kind, document },
    })),
  };
}
const ids = (t: FactsTable | { annotationId: string }[]) => ('rows' in t ? t.rows : t).map((r) => r.annotationId);

test('view columns: quote first, attributes, then document, date, annotator, review; no id/label/offsets', () => {
  assert.deepEqual(
    viewColumns(table()).map((c) => c.key),
    ['quote', 'count', 'count.qualifier', 'kind', 'document', 'document.date', 'annotator', 'review.status', 'review.decision'],
  );
});

test('sort: numbers as numbers, empty cells last both ways, ties in table order', () => {
  const t = table();
  const c = viewColumns(t);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: {}, sort: { key: 'count', direction: 'ascending' } })), ['b', 'e', 'a', 'd', 'c']);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: {}, sort: { key: 'count', direction: 'descending' } })), ['d', 'a', 'e', 'b', 'c']);
  // Text: case- and accent-insensitive, stable.
  assert.deepEqual(
    ids(queryRows(t.rows, c, { filters: {}, sort: { key: 'document', direction: 'ascending' } })),
    ['a', 'c', 'e', 'b', 'd'],
    'Ä report sorts with a report (ties in table order)',
  );
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: {} })), ['a', 'b', 'c', 'd', 'e']);
});

test('filter: per column, case-insensitive substring, all filters at once; unknown columns ignored', () => {
  const t = table();
  const c = viewColumns(t);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: { kind: 'KILLED' } })), ['a', 'b', 'e']);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: { kind: 'killed', quote: 'two' } })), ['b']);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: { quote: '٣' } })), ['e']);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: { quote: '  ' } })), ['a', 'b', 'c', 'd', 'e']);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: { count: '20' } })), ['d']);
  assert.deepEqual(ids(queryRows(t.rows, c, { filters: { id: 'a' } })), ['a', 'b', 'c', 'd', 'e'], 'id is not a shown column');
});

test('shownTable is what is exported: shown columns, filtered and sorted rows', () => {
  const s = shownTable(table(), { filters: { kind: 'killed' }, sort: { key: 'count', direction: 'descending' } });
  assert.equal(s.columns[0]!.key, 'quote');
  assert.deepEqual(ids(s), ['a', 'e', 'b']);
});
