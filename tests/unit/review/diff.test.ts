// compareLayers: each row kind, the pairing priorities, and properties over random crowded layers
// (every span in exactly one row, input order irrelevant).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SCHEMA, labelIds } from '../../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);
import { compareLayers, ROW_KINDS, summarizeComparison, type ComparisonRow } from '../../../src/review/diff.js';
import { overlapLength, type Span } from '../../../src/review/span.js';
import { sp } from './spans.js';

const brief = (rows: readonly ComparisonRow[]): string[] => rows.map((r) => `${r.kind} ${r.a?.id ?? '-'} ${r.b?.id ?? '-'} [${r.start},${r.end})`);

test('each row kind on a minimal pair', () => {
  assert.deepEqual(brief(compareLayers([sp('a', 'claim', 0, 5)], [sp('b', 'claim', 0, 5)])), ['exact a b [0,5)']);
  assert.deepEqual(brief(compareLayers([sp('a', 'claim', 0, 5)], [sp('b', 'casualty', 0, 5)])), ['label-mismatch a b [0,5)']);
  // Union extent [0, 8) so the reviewer jumps to text covering both.
  assert.deepEqual(brief(compareLayers([sp('a', 'claim', 0, 5)], [sp('b', 'claim', 3, 8)])), ['overlap a b [0,8)']);
  assert.deepEqual(brief(compareLayers([sp('a', 'claim', 0, 5)], [sp('b', 'deployment', 4, 10)])), ['overlap-label-mismatch a b [0,10)']);
  // Touching is not overlapping: [0,5) and [5,8) share no unit.
  assert.deepEqual(brief(compareLayers([sp('a', 'claim', 0, 5)], [sp('b', 'claim', 5, 8)])), ['only-a a - [0,5)', 'only-b - b [5,8)']);
});

test('empty layers', () => {
  assert.deepEqual(compareLayers([], []), []);
  assert.deepEqual(brief(compareLayers([], [sp('b', 'claim', 2, 4)])), ['only-b - b [2,4)']);
  assert.deepEqual(brief(compareLayers([sp('a', 'claim', 2, 4)], [])), ['only-a a - [2,4)']);
});

test('priority: exact before anything, even a bigger overlap elsewhere', () => {
  const a = [sp('a1', 'claim', 0, 10)];
  const b = [sp('b1', 'claim', 2, 9), sp('b2', 'claim', 0, 10)];
  assert.deepEqual(brief(compareLayers(a, b)), ['exact a1 b2 [0,10)', 'only-b - b1 [2,9)']);
});

test('priority: same bounds with another label before a same-label overlap', () => {
  const a = [sp('a1', 'claim', 0, 10)];
  const b = [sp('b1', 'casualty', 0, 10), sp('b2', 'claim', 0, 9)];
  assert.deepEqual(brief(compareLayers(a, b)), ['only-b - b2 [0,9)', 'label-mismatch a1 b1 [0,10)']);
});

test('priority: a same-label overlap before a bigger different-label overlap', () => {
  // a1-b1 share 9 units but differ in label; a1-b2 share 2 units (8..10) with the same label.
  const a = [sp('a1', 'claim', 0, 10)];
  const b = [sp('b1', 'casualty', 0, 9), sp('b2', 'claim', 8, 12)];
  assert.deepEqual(brief(compareLayers(a, b)), ['only-b - b1 [0,9)', 'overlap a1 b2 [0,12)']);
});

test('within a kind the larger overlap wins', () => {
  // a1-b1 share 3 units (0..3), a1-b2 share 5 (5..10).
  const a = [sp('a1', 'claim', 0, 10)];
  const b = [sp('b1', 'claim', 0, 3), sp('b2', 'claim', 5, 15)];
  assert.deepEqual(brief(compareLayers(a, b)), ['only-b - b1 [0,3)', 'overlap a1 b2 [0,15)']);
});

test('nested spans pair with their counterparts', () => {
  const a = [sp('a1', 'claim', 0, 20), sp('a2', 'casualty', 5, 10)];
  const b = [sp('b1', 'claim', 0, 20), sp('b2', 'casualty', 5, 12)];
  assert.deepEqual(brief(compareLayers(a, b)), ['exact a1 b1 [0,20)', 'overlap a2 b2 [5,12)']);
});

test('crowded overlaps: greedy by overlap size, then A position, then B position', () => {
  // Overlaps: a1-b1 9, a1-b2 7, a2-b1 9, a2-b2 9, a3-b1 7, a3-b2 9.
  // Size 9 in (A, B) order: a1-b1 kept, a2-b1 (b1 taken), a2-b2 kept, a3-b2 (b2 taken); a3 stays alone.
  const a = [sp('a1', 'claim', 0, 10), sp('a2', 'claim', 2, 12), sp('a3', 'claim', 4, 14)];
  const b = [sp('b1', 'claim', 1, 11), sp('b2', 'claim', 3, 13)];
  assert.deepEqual(brief(compareLayers(a, b)), ['overlap a1 b1 [0,11)', 'overlap a2 b2 [2,13)', 'only-a a3 - [4,14)']);
});

test('rows at the same extent are ordered by kind', () => {
  const a = [sp('a1', 'claim', 0, 5), sp('a2', 'casualty', 0, 5)];
  const b = [sp('b1', 'claim', 0, 5), sp('b2', 'deployment', 0, 5)];
  assert.deepEqual(brief(compareLayers(a, b)), ['exact a1 b1 [0,5)', 'label-mismatch a2 b2 [0,5)']);
});

test('summary counts every kind, zeros included', () => {
  const rows = compareLayers([sp('a1', 'claim', 0, 5), sp('a2', 'claim', 10, 12)], [sp('b1', 'claim', 0, 5), sp('b2', 'casualty', 20, 25)]);
  assert.deepEqual(summarizeComparison(rows), {
    exact: 1,
    'attribute-mismatch': 0,
    'label-mismatch': 0,
    overlap: 0,
    'overlap-label-mismatch': 0,
    'only-a': 1,
    'only-b': 1,
  });
  assert.deepEqual(summarizeComparison([]), {
    exact: 0,
    'attribute-mismatch': 0,
    'label-mismatch': 0,
    overlap: 0,
    'overlap-label-mismatch': 0,
    'only-a': 0,
    'only-b': 0,
  });
});

test('rows carry the caller’s own span objects, extra fields and all', () => {
  const a = [{ ...sp('a1', 'claim', 0, 5), quote: 'Army ' }];
  const rows = compareLayers(a, []);
  assert.equal(rows[0]!.a, a[0]);
  assert.equal(rows[0]!.a?.quote, 'Army ');
});

const arbLayer = (prefix: string): fc.Arbitrary<Span[]> =>
  fc
    .array(fc.record({ label: fc.constantFrom(...LABEL_IDS), start: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 10 }) }), {
      maxLength: 15,
    })
    .map((xs) => xs.map((x, i) => sp(`${prefix}${i}`, x.label, x.start, x.start + x.length)));

test('property: every span in exactly one row, rows consistent, sorted, maximal, input-order free', () => {
  fc.assert(
    fc.property(arbLayer('a'), arbLayer('b'), fc.infiniteStream(fc.nat()), (a, b, noise) => {
      const rows = compareLayers(a, b);
      const seen = new Map<Span, number>();
      for (const r of rows) for (const s of [r.a, r.b]) if (s) seen.set(s, (seen.get(s) ?? 0) + 1);
      assert.equal(seen.size, a.length + b.length);
      assert.ok([...seen.values()].every((n) => n === 1));
      for (const r of rows) {
        if (r.kind === 'only-a') assert.deepEqual([r.start, r.end, r.b], [r.a.start, r.a.end, undefined]);
        else if (r.kind === 'only-b') assert.deepEqual([r.start, r.end, r.a], [r.b.start, r.b.end, undefined]);
        else {
          assert.ok(overlapLength(r.a, r.b) > 0);
          const same = r.a.start === r.b.start && r.a.end === r.b.end;
          const kind = r.a.label === r.b.label ? (same ? 'exact' : 'overlap') : same ? 'label-mismatch' : 'overlap-label-mismatch';
          assert.equal(r.kind, kind);
          assert.deepEqual([r.start, r.end], [Math.min(r.a.start, r.b.start), Math.max(r.a.end, r.b.end)]);
        }
      }
      rows.slice(1).forEach((r, i) => {
        const p = rows[i]!;
        assert.ok(p.start < r.start || (p.start === r.start && (p.end < r.end || (p.end === r.end && ROW_KINDS.indexOf(p.kind) <= ROW_KINDS.indexOf(r.kind)))));
      });
      // Greedy leaves no overlapping pair unpaired.
      const onlyA = rows.flatMap((r) => (r.kind === 'only-a' ? [r.a] : []));
      const onlyB = rows.flatMap((r) => (r.kind === 'only-b' ? [r.b] : []));
      assert.ok(onlyA.every((x) => onlyB.every((y) => overlapLength(x, y) === 0)));
      // Exact pairs are taken first, so their number is the multiset intersection.
      const key = (s: Span): string => `${s.label}:${s.start}:${s.end}`;
      const keys = new Set([...a, ...b].map(key));
      const expectedExact = [...keys].reduce((n, k) => n + Math.min(a.filter((s) => key(s) === k).length, b.filter((s) => key(s) === k).length), 0);
      assert.equal(summarizeComparison(rows).exact, expectedExact);
      // Shuffled input, same rows.
      const shuffle = (xs: Span[]): Span[] =>
        xs
          .map((x) => ({ x, k: noise.next().value as number }))
          .sort((p, q) => p.k - q.k)
          .map((p) => p.x);
      assert.deepEqual(brief(compareLayers(shuffle(a), shuffle(b))), brief(rows));
    }),
    { numRuns: 300 },
  );
});

test('the worked example of docs/agreement.md', () => {
  const alice = [sp('a1', 'claim', 0, 30), sp('a2', 'casualty', 12, 30), sp('a3', 'deployment', 35, 49)];
  const bob = [sp('b1', 'claim', 7, 30), sp('b2', 'casualty', 12, 30)];
  assert.deepEqual(brief(compareLayers(alice, bob)), ['overlap a1 b1 [0,30)', 'exact a2 b2 [12,30)', 'only-a a3 - [35,49)']);
});
