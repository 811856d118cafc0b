// The review queue: which colleague spans are differences, their order, filters, stepping with
// J/K, the next open difference after a decision, and the progress count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelId } from '../../../src/labels/schema.js';
import {
  matchesFilter,
  nextOpenDifference,
  NO_FILTER,
  reviewDifferences,
  reviewProgress,
  stepDifference,
  type Difference,
} from '../../../src/review/differences.js';

interface Ann {
  readonly id: string;
  readonly label: LabelId;
  readonly start: number;
  readonly end: number;
  readonly annotator: string;
  readonly provenance?: { annotator: string; annotationId: string };
}
interface Dec {
  readonly id: string;
  readonly decision: string;
}

const an = (annotator: string, id: string, label: LabelId, start: number, end: number, extra: Partial<Ann> = {}): Ann => ({
  id,
  label,
  start,
  end,
  annotator,
  ...extra,
});
const brief = (ds: readonly Difference<Ann, Dec>[]) =>
  ds.map((d) => `${d.kind} ${d.theirs.annotator}/${d.theirs.id}${d.mine ? ` ~ ${d.mine.id}` : ''}${d.decision ? ' decided' : ''}`);

const MINE = [an('me', 'm1', 'claim', 0, 5), an('me', 'm2', 'claim', 10, 20), an('me', 'm3', 'casualty', 30, 40)];
const LAYERS = new Map([
  ['Ai', [an('Ai', 'a1', 'claim', 0, 5), an('Ai', 'a2', 'casualty', 10, 20), an('Ai', 'a3', 'deployment', 50, 60)]],
  ['Bo', [an('Bo', 'b1', 'claim', 12, 25), an('Bo', 'b2', 'deployment', 32, 38), an('Bo', 'b3', 'claim', 50, 60)]],
]);

test('differences: every non-exact colleague span, in text order, never mine alone', () => {
  const ds = reviewDifferences('doc', 'me', MINE, LAYERS, new Map<string, Dec>());
  assert.deepEqual(brief(ds), ['label-mismatch Ai/a2 ~ m2', 'overlap Bo/b1 ~ m2', 'overlap-label-mismatch Bo/b2 ~ m3', 'only-b Ai/a3', 'only-b Bo/b3']);
  assert.equal(ds[0]!.id, 'doc|Ai|a2');
});

test('differences are counted against my layer before review, so deciding never drops one', () => {
  const accepted = an('me', 'copy', 'deployment', 50, 60, { provenance: { annotator: 'Ai', annotationId: 'a3' } });
  const decisions = new Map([['doc|Ai|a3', { id: 'doc|Ai|a3', decision: 'accepted' }]]);
  const ds = reviewDifferences('doc', 'me', [...MINE, accepted], LAYERS, decisions);
  assert.equal(ds.length, 5);
  assert.deepEqual(reviewProgress(ds), { decided: 1, total: 5 });
  assert.ok(brief(ds).includes('only-b Ai/a3 decided'));
});

test('my own layer among the layers and empty inputs give no differences', () => {
  assert.deepEqual(reviewDifferences('doc', 'me', MINE, new Map([['me', MINE]]), new Map()), []);
  assert.deepEqual(reviewDifferences('doc', 'me', [], new Map(), new Map()), []);
  assert.deepEqual(reviewProgress([]), { decided: 0, total: 0 });
  // Only my spans, no colleague's: nothing to decide.
  assert.deepEqual(reviewDifferences('doc', 'me', MINE, new Map([['Ai', []]]), new Map()), []);
});

test('annotator names and ids with emoji, RTL and combining marks keep distinct items', () => {
  const names = ['ع\u0644\u064a', 'Zoë', 'Zoe\u0308', '👩‍💻'];
  const layers = new Map(names.map((n) => [n, [an(n, 'x', 'claim', 3, 4)]]));
  const ds = reviewDifferences('d', 'me', [], layers, new Map());
  assert.equal(new Set(ds.map((d) => d.id)).size, 4);
  // Code-unit order on names at the same extent, never locale order.
  assert.deepEqual(
    ds.map((d) => d.theirs.annotator),
    [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  );
});

test('filters: open only, kind, label (theirs or my paired one), colleague', () => {
  const decisions = new Map([['doc|Bo|b1', { id: 'doc|Bo|b1', decision: 'rejected' }]]);
  const ds = reviewDifferences('doc', 'me', MINE, LAYERS, decisions);
  const pick = (f: Partial<typeof NO_FILTER>) => brief(ds.filter((d) => matchesFilter(d, { ...NO_FILTER, ...f })));
  assert.equal(pick({}).length, 5);
  assert.deepEqual(
    pick({ openOnly: true }).map((s) => s.split(' ')[1]),
    ['Ai/a2', 'Bo/b2', 'Ai/a3', 'Bo/b3'],
  );
  assert.deepEqual(pick({ kind: 'only-b' }), ['only-b Ai/a3', 'only-b Bo/b3']);
  // casualty: Ai's a2 is casualty; Bo's b2 pairs with my casualty m3.
  assert.deepEqual(pick({ label: 'casualty' }), ['label-mismatch Ai/a2 ~ m2', 'overlap-label-mismatch Bo/b2 ~ m3']);
  assert.deepEqual(pick({ annotator: 'Bo', openOnly: true }), ['overlap-label-mismatch Bo/b2 ~ m3', 'only-b Bo/b3']);
  assert.deepEqual(pick({ annotator: 'nobody' }), []);
});

const items = (open: string): { id: string; decision?: string }[] => [...open].map((c, i) => (c === 'o' ? { id: `i${i}` } : { id: `i${i}`, decision: 'x' }));

test('next open difference: forward, wrapping, skipping decided and ineligible, never the current', () => {
  const all = items('oxoxo');
  const any = () => true;
  assert.equal(nextOpenDifference(all, any, 'i0'), 'i2');
  assert.equal(nextOpenDifference(all, any, 'i2'), 'i4');
  assert.equal(nextOpenDifference(all, any, 'i4'), 'i0');
  assert.equal(nextOpenDifference(all, any, null), 'i0');
  assert.equal(nextOpenDifference(all, any, 'gone'), 'i0');
  assert.equal(
    nextOpenDifference(all, (d) => d.id !== 'i2', 'i0'),
    'i4',
  );
  assert.equal(nextOpenDifference(items('xxo'), any, 'i2'), null);
  assert.equal(nextOpenDifference(items('xxx'), any, 'i1'), null);
  assert.equal(nextOpenDifference([], any, null), null);
});

test('step: next and previous among visible items, without wrapping, from a hidden current item', () => {
  const all = items('ooooo');
  const visible = (d: { id: string }) => d.id !== 'i2';
  assert.equal(stepDifference(all, visible, 'i1', 1), 'i3');
  assert.equal(stepDifference(all, visible, 'i3', -1), 'i1');
  assert.equal(stepDifference(all, visible, 'i2', 1), 'i3');
  assert.equal(stepDifference(all, visible, 'i2', -1), 'i1');
  assert.equal(stepDifference(all, visible, 'i4', 1), null);
  assert.equal(stepDifference(all, visible, 'i0', -1), null);
  assert.equal(stepDifference(all, visible, null, 1), 'i0');
  assert.equal(stepDifference(all, visible, null, -1), 'i4');
  assert.equal(stepDifference([], visible, null, 1), null);
});

test('a large queue: 20,000 colleague spans over 10,000 of mine', () => {
  const mine = Array.from({ length: 10_000 }, (_, i) => an('me', `m${i}`, 'claim', i * 10, i * 10 + 5));
  const theirs = Array.from({ length: 20_000 }, (_, i) => an('Ai', `a${i}`, i % 2 ? 'claim' : 'casualty', i * 5, i * 5 + 5));
  const ds = reviewDifferences('d', 'me', mine, new Map([['Ai', theirs]]), new Map());
  // Even-indexed spans sit on mine with another label; odd ones fall between mine.
  assert.equal(ds.length, 20_000);
  assert.equal(ds.filter((d) => d.kind === 'label-mismatch').length, 10_000);
  assert.equal(
    nextOpenDifference(ds, () => true, ds.at(-1)!.id),
    ds[0]!.id,
  );
});
