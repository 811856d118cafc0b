// Span F1 pinned on hand-computed cases; every expected number has its arithmetic beside it.
// Nulls are asserted as nulls: an undefined ratio must never turn into 0 or 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_SCHEMA, labelIds } from '../../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);
import { compareLayers } from '../../../src/review/diff.js';
import { relaxedMatches, spanF1, spanF1ForDocuments, type LabelScore } from '../../../src/review/agreement/span-f1.js';
import type { Span } from '../../../src/review/span.js';
import { near, sp } from './spans.js';
import { at } from '../../../src/review/agreement/by-label.js';

const score = (tp: number, fp: number, fn: number, precision: number | null, recall: number | null, f1: number | null): LabelScore => ({
  tp,
  fp,
  fn,
  precision,
  recall,
  f1,
});
const NONE = score(0, 0, 0, null, null, null);

test('perfect agreement: 1 where a label is used, null where nobody used it', () => {
  const layer = [sp('1', 'claim', 0, 5), sp('2', 'claim', 10, 15), sp('3', 'casualty', 20, 25)];
  const r = spanF1(layer, layer, LABEL_IDS);
  for (const mode of [r.exact, r.relaxed]) {
    assert.deepEqual(mode.perLabel, { claim: score(2, 0, 0, 1, 1, 1), casualty: score(1, 0, 0, 1, 1, 1), deployment: NONE });
    // Macro over the two defined labels: (1 + 1) / 2.
    assert.deepEqual(mode.macro.f1, { value: 1, labels: ['claim', 'casualty'] });
  }
});

test('total disagreement: same label elsewhere is 0, not null', () => {
  const r = spanF1([sp('a', 'claim', 0, 5)], [sp('b', 'claim', 10, 15)]);
  // tp 0, fp 1, fn 1: P = 0/1, R = 0/1, both defined and 0, so F1 = 0.
  assert.deepEqual(at(r.relaxed.perLabel, 'claim'), score(0, 1, 1, 0, 0, 0));
  assert.deepEqual(r.relaxed.macro.f1, { value: 0, labels: ['claim'] });
});

test('label mismatch: each label is missing on one side, so F1 is undefined for both', () => {
  const r = spanF1([sp('a', 'claim', 0, 5)], [sp('b', 'casualty', 0, 5)]);
  for (const mode of [r.exact, r.relaxed]) {
    // claim: B has none → P = 0/0 null; R = 0/1 = 0; F1 null.
    assert.deepEqual(at(mode.perLabel, 'claim'), score(0, 0, 1, null, 0, null));
    // casualty: A has none → R null; P = 0/1 = 0.
    assert.deepEqual(at(mode.perLabel, 'casualty'), score(0, 1, 0, 0, null, null));
    assert.deepEqual(mode.macro.f1, { value: null, labels: [] });
    assert.deepEqual(mode.macro.precision, { value: 0, labels: ['casualty'] });
    assert.deepEqual(mode.macro.recall, { value: 0, labels: ['claim'] });
  }
});

test('partial overlaps: exact vs relaxed, per label and macro', () => {
  const a = [sp('a1', 'claim', 0, 10), sp('a2', 'claim', 20, 30), sp('a3', 'casualty', 40, 50)];
  const b = [sp('b1', 'claim', 5, 15), sp('b2', 'claim', 20, 30), sp('b3', 'casualty', 45, 60), sp('b4', 'deployment', 70, 80)];
  const r = spanF1(a, b);
  // Exact claim: only [20,30) matches → tp 1, fp 1, fn 1; P = R = 1/2; F1 = 2·1/(2+1+1) = 1/2.
  assert.deepEqual(at(r.exact.perLabel, 'claim'), score(1, 1, 1, 0.5, 0.5, 0.5));
  // Exact casualty: [40,50) vs [45,60) → tp 0, fp 1, fn 1 → 0, 0, 0.
  assert.deepEqual(at(r.exact.perLabel, 'casualty'), score(0, 1, 1, 0, 0, 0));
  // Deployment only in B: P = 0/1 = 0, R = 0/0 null, F1 null.
  assert.deepEqual(at(r.exact.perLabel, 'deployment'), score(0, 1, 0, 0, null, null));
  // Macro F1 over claim, casualty: (1/2 + 0)/2 = 1/4; P over all three: (1/2+0+0)/3 = 1/6; R over two: 1/4.
  assert.deepEqual(r.exact.macro.f1, { value: 0.25, labels: ['claim', 'casualty'] });
  near(r.exact.macro.precision.value, 1 / 6);
  assert.deepEqual(r.exact.macro.recall, { value: 0.25, labels: ['claim', 'casualty'] });
  // Relaxed: claim 2 of 2 overlap, casualty 1 of 1 → all 1; deployment as above.
  assert.deepEqual(at(r.relaxed.perLabel, 'claim'), score(2, 0, 0, 1, 1, 1));
  assert.deepEqual(at(r.relaxed.perLabel, 'casualty'), score(1, 0, 0, 1, 1, 1));
  assert.deepEqual(at(r.relaxed.perLabel, 'deployment'), score(0, 1, 0, 0, null, null));
  assert.deepEqual(r.relaxed.macro.f1, { value: 1, labels: ['claim', 'casualty'] });
  // P: (1 + 1 + 0)/3 = 2/3.
  near(r.relaxed.macro.precision.value, 2 / 3);
});

test('nested spans: one B span can match only one of the A spans it overlaps', () => {
  const a = [sp('outer', 'claim', 0, 30), sp('inner', 'claim', 5, 10)];
  const b = [sp('b', 'claim', 0, 30)];
  const r = spanF1(a, b);
  // tp 1, fp 0, fn 1: P = 1, R = 1/2, F1 = 2/(2+0+1) = 2/3, in both modes.
  for (const mode of [r.exact, r.relaxed]) {
    assert.deepEqual({ ...at(mode.perLabel, 'claim'), f1: null }, score(1, 0, 1, 1, 0.5, null));
    near(at(mode.perLabel, 'claim').f1, 2 / 3);
  }
});

test('empty layers: A empty, B empty, both empty', () => {
  // A empty: P = 0/1 = 0, R = 0/0 null.
  assert.deepEqual(at(spanF1([], [sp('b', 'claim', 0, 5)]).relaxed.perLabel, 'claim'), score(0, 1, 0, 0, null, null));
  // B empty: P = 0/0 null, R = 0/1 = 0.
  assert.deepEqual(at(spanF1([sp('a', 'claim', 0, 5)], []).relaxed.perLabel, 'claim'), score(0, 0, 1, null, 0, null));
  const none = spanF1([], [], LABEL_IDS);
  for (const mode of [none.exact, none.relaxed]) {
    assert.deepEqual(mode.perLabel, { claim: NONE, casualty: NONE, deployment: NONE });
    assert.deepEqual(mode.macro, { precision: { value: null, labels: [] }, recall: { value: null, labels: [] }, f1: { value: null, labels: [] } });
  }
});

test('relaxed matching is optimal where the greedy diff is not', () => {
  // a1 [0,10) overlaps b1 [5,9) by 4 and b2 [0,3) by 3; a2 [8,12) overlaps b1 by 1.
  // Greedy by overlap takes a1-b1 first and strands a2 and b2: 1 pair. Optimal: a1-b2, a2-b1: 2.
  const a = [sp('a1', 'claim', 0, 10), sp('a2', 'claim', 8, 12)];
  const b = [sp('b1', 'claim', 5, 9), sp('b2', 'claim', 0, 3)];
  assert.deepEqual(
    compareLayers(a, b).map((r) => r.kind),
    ['only-b', 'overlap', 'only-a'],
  );
  assert.deepEqual(at(spanF1(a, b).relaxed.perLabel, 'claim'), score(2, 0, 0, 1, 1, 1));
});

test('exact matches count each span once, duplicates included', () => {
  // Two identical A spans, one B span: tp 1, fn 1 → P 1, R 1/2.
  const r = spanF1([sp('a1', 'claim', 0, 5), sp('a2', 'claim', 0, 5)], [sp('b', 'claim', 0, 5)]);
  assert.deepEqual({ ...at(r.exact.perLabel, 'claim'), f1: null }, score(1, 0, 1, 1, 0.5, null));
});

test('documents pool by summing counts, and spans never match across documents', () => {
  const pooled = spanF1ForDocuments([
    { a: [sp('a', 'claim', 0, 5)], b: [sp('b', 'claim', 0, 5)] },
    { a: [sp('a1', 'claim', 0, 5), sp('a2', 'claim', 10, 15)], b: [] },
  ]);
  // tp 1+0, fp 0+0, fn 0+2: P = 1, R = 1/3, F1 = 2/(2+0+2) = 1/2 (averaging per-document F1 would say 1).
  assert.deepEqual({ ...at(pooled.relaxed.perLabel, 'claim'), recall: null }, score(1, 0, 2, 1, null, 0.5));
  near(at(pooled.relaxed.perLabel, 'claim').recall, 1 / 3);
  const apart = spanF1ForDocuments([
    { a: [sp('a', 'claim', 0, 5)], b: [] },
    { a: [], b: [sp('b', 'claim', 0, 5)] },
  ]);
  // Same offsets, different documents: tp 0, fp 1, fn 1 → 0, not 1.
  assert.deepEqual(at(apart.exact.perLabel, 'claim'), score(0, 1, 1, 0, 0, 0));
});

const arbLayer = fc
  .array(fc.record({ label: fc.constantFrom(...LABEL_IDS), start: fc.integer({ min: 0, max: 20 }), length: fc.integer({ min: 1, max: 8 }) }), { maxLength: 8 })
  .map((xs) => xs.map((x, i) => sp(String(i), x.label, x.start, x.start + x.length)));

function bruteForce(a: readonly Span[], b: readonly Span[], used = new Set<number>(), i = 0): number {
  if (i === a.length) return 0;
  let best = bruteForce(a, b, used, i + 1);
  b.forEach((y, j) => {
    const x = a[i]!;
    if (used.has(j) || x.label !== y.label || Math.min(x.end, y.end) <= Math.max(x.start, y.start)) return;
    used.add(j);
    best = Math.max(best, 1 + bruteForce(a, b, used, i + 1));
    used.delete(j);
  });
  return best;
}

test('property: relaxed tp is the brute-force optimum, at least exact tp and the diff’s same-label pairs', () => {
  fc.assert(
    fc.property(arbLayer, arbLayer, (a, b) => {
      const r = spanF1(a, b, LABEL_IDS);
      const rows = compareLayers(a, b);
      const tp = LABEL_IDS.reduce((s, l) => s + at(r.relaxed.perLabel, l).tp, 0);
      assert.equal(tp, bruteForce(a, b));
      for (const l of LABEL_IDS) assert.ok(at(r.relaxed.perLabel, l).tp >= at(r.exact.perLabel, l).tp);
      assert.ok(tp >= rows.filter((row) => row.kind === 'exact' || row.kind === 'overlap').length);
    }),
    { numRuns: 300 },
  );
});

test('10 000 spans per layer in a chain all match', () => {
  // A_i = [10i, 10i+10), B_i = [10i+5, 10i+15): a chain, each B overlapping two A; optimum pairs all.
  const n = 10_000;
  const a = Array.from({ length: n }, (_, i) => sp(`a${i}`, 'claim', 10 * i, 10 * i + 10));
  const b = Array.from({ length: n }, (_, i) => sp(`b${i}`, 'claim', 10 * i + 5, 10 * i + 15)).reverse();
  assert.equal(relaxedMatches(a, b, 'claim'), n);
});
