// sortRowsAlong: the library table's sort taking the order it showed last as a hint. Whatever the
// hint (right, shuffled, reversed, a subset, an id twice, unknown ids, none), the result is exactly
// sortRows's, over nasty titles, ties and missing keys, in every column and direction; and a right
// hint costs one collation per neighbour instead of a sort's many, and rows already collated none.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LibraryRow, SortColumn, TableSort } from '../../../src/corpus/library-table.js';

// Counts collations: the module's collator is made at import, so the getter is wrapped first.
let collations = 0;
const original = Object.getOwnPropertyDescriptor(Intl.Collator.prototype, 'compare')!;
Object.defineProperty(Intl.Collator.prototype, 'compare', {
  configurable: true,
  get(this: Intl.Collator) {
    const compare = (original.get as () => (a: string, b: string) => number).call(this);
    return (a: string, b: string) => {
      collations++;
      return compare(a, b);
    };
  },
});
const { sortRows, sortRowsAlong } = await import('../../../src/corpus/library-table.js');

const TITLES = ['🇰🇿 Almaty burns', 'مرحبا بالعالم', 'almaty quiet', 'Zed', '', '  ', 'Cafe\u0301 report', 'Café report', 'item 10', 'item 9', 'ZED', 'e\u0301'];
let seed = 7;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};
const rows: LibraryRow[] = Array.from({ length: 600 }, (_, i) => ({
  id: `id-${i}`,
  title: TITLES[rnd(TITLES.length)]! + (rnd(3) === 0 ? ` ${i}` : ''),
  ...(rnd(4) === 0 ? {} : { date: `2022-01-0${1 + rnd(9)}` }),
  ...(rnd(3) === 0 ? {} : { source: ['Reuters', 'AP', ' ', 'ТАСС'][rnd(4)]! }),
  status: (['new', 'in-progress', 'done', 'reviewed'] as const)[rnd(4)]!,
  tags: [],
  counts: rnd(2) === 0 ? {} : { claim: rnd(5) },
  lastEdited: `2022-02-0${1 + rnd(9)}T00:00:00.000Z`,
  addedAt: `2022-03-0${1 + rnd(9)}T00:00:00.000Z`,
  ...(rnd(3) === 0 ? { colleagues: ['Aigerim', 'Болат'].slice(0, 1 + rnd(2)) } : {}),
  ...(rnd(3) === 0 ? { review: { decided: rnd(3), total: rnd(3) } as never } : {}),
}));
const COLUMNS: SortColumn[] = ['title', 'date', 'source', 'status', 'lastEdited', 'added', 'colleagues', 'review', 'label:claim'];
const ids = (rs: readonly LibraryRow[]) => rs.map((r) => r.id);

test('whatever the hint, the order is sortRows’s, in every column and direction', () => {
  for (const column of COLUMNS) {
    for (const dir of ['asc', 'desc'] as const) {
      const sort: TableSort = { column, dir };
      const want = ids(sortRows(rows, sort));
      const shuffled = [...want].sort(() => rnd(3) - 1);
      const swapped = [...want];
      [swapped[10], swapped[11]] = [swapped[11]!, swapped[10]!];
      const hints = [
        want,
        [...want].reverse(),
        shuffled,
        swapped,
        want.slice(1),
        [...want.slice(1), want[0]!, want[0]!].slice(-want.length),
        [...want.slice(0, -1), 'unknown'],
        [],
        null,
        undefined,
      ];
      for (const [n, hint] of hints.entries()) assert.deepEqual(ids(sortRowsAlong(rows, sort, hint)), want, `${column} ${dir}, hint ${n}`);
    }
  }
  assert.deepEqual(sortRowsAlong([], { column: 'title', dir: 'asc' }, []), []);
  assert.deepEqual(ids(sortRowsAlong(rows.slice(0, 1), { column: 'title', dir: 'asc' }, ['id-0'])), ['id-0']);
});

test('a right hint costs one collation per neighbour; no hint, a sort; the same rows sorted again, none', () => {
  const sort: TableSort = { column: 'title', dir: 'asc' };
  const want = ids(sortRows(rows, sort));
  // Rows as a new read gives them (new objects): nothing of the sort above is kept for them.
  const read = () => rows.map((r) => ({ ...r }));
  collations = 0;
  sortRows(read(), sort);
  const sorting = collations;
  collations = 0;
  assert.deepEqual(ids(sortRowsAlong(read(), sort, want)), want);
  const hinted = collations;
  assert.ok(hinted < rows.length, `${hinted} collations for ${rows.length} rows`);
  // A sort collates the distinct titles (~n log n of them), many more than the hint's neighbours.
  const distinct = new Set(rows.map((r) => r.title)).size;
  assert.ok(sorting > 2 * hinted && sorting > distinct * Math.log2(distinct) * 0.5, `a sort took only ${sorting}`);
  // The rows sorted before, either way and filtered, are ordered by the ranks worked out then.
  collations = 0;
  assert.deepEqual(ids(sortRows(rows, { column: 'title', dir: 'desc' })), ids(sortRows(read(), { column: 'title', dir: 'desc' })));
  const again = collations;
  collations = 0;
  sortRows(rows, sort);
  sortRows(
    rows.filter((_, i) => i % 2 === 0),
    { column: 'title', dir: 'desc' },
  );
  assert.equal(collations, 0);
  assert.ok(again >= sorting, 'the fresh rows were collated');
});
