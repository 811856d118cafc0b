import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotationsAt, levelAmong, nestingLevels, MAX_NESTING_LEVEL } from '../../../src/annotations/nesting.js';

const span = (id: string, start: number, end: number, label: 'claim' | 'casualty' = 'claim') => ({ id, label, start, end });

test('nested spans of one label get increasing levels; other labels do not interfere', () => {
  const list = [span('outer', 0, 100), span('x', 5, 10, 'casualty'), span('mid', 10, 50), span('inner', 20, 30), span('after', 60, 70)];
  const levels = nestingLevels(list);
  assert.deepEqual(Object.fromEntries(list.map((a, i) => [a.id, levels[i]])), { outer: 0, x: 0, mid: 1, inner: 2, after: 1 });
});

test('levels are capped', () => {
  const list = Array.from({ length: 6 }, (_, i) => span(`s${i}`, i, 100 - i));
  const levels = nestingLevels(list);
  assert.equal(Math.max(...levels), MAX_NESTING_LEVEL);
  assert.deepEqual(nestingLevels([]), new Uint8Array(0));
});

test('a new span takes the first free level among its overlaps', () => {
  const list = [span('a', 0, 10), span('b', 2, 8)];
  const levels = nestingLevels(list);
  const levelOf = (id: string) => levels[list.findIndex((a) => a.id === id)];
  assert.equal(levelAmong(span('n', 3, 4), list, levelOf), 2);
  assert.equal(levelAmong(span('n', 10, 12), list, levelOf), 0);
  assert.equal(levelAmong(span('n', 3, 4, 'casualty'), list, levelOf), 0);
});

test('annotationsAt returns covering spans innermost first, end-exclusive', () => {
  const list = [span('outer', 0, 100), span('mid', 10, 50), span('inner', 20, 30)];
  assert.deepEqual(
    annotationsAt(list, 25).map((a) => a.id),
    ['inner', 'mid', 'outer'],
  );
  assert.deepEqual(
    annotationsAt(list, 30).map((a) => a.id),
    ['mid', 'outer'],
  );
  assert.deepEqual(
    annotationsAt(list, 100).map((a) => a.id),
    [],
  );
  assert.deepEqual(annotationsAt([], 0), []);
});

test('property: each span gets the first free level among the earlier spans of its label that overlap it', async () => {
  const fc = (await import('fast-check')).default;
  const { sortAnnotations } = await import('../../../src/annotations/commands.js');
  const arb = fc.array(fc.record({ start: fc.nat(60), len: fc.integer({ min: 1, max: 40 }), label: fc.constantFrom('claim' as const, 'casualty' as const) }), {
    maxLength: 80,
  });
  fc.assert(
    fc.property(arb, (raw) => {
      const sorted = sortAnnotations(raw.map((r, i) => span(`s${i}`, r.start, r.start + r.len, r.label)));
      const levels = nestingLevels(sorted);
      const expected = new Map<string, number>();
      sorted.forEach((a, i) =>
        expected.set(
          a.id,
          levelAmong(a, sorted.slice(0, i), (id) => expected.get(id)),
        ),
      );
      assert.deepEqual(
        [...levels],
        sorted.map((a) => expected.get(a.id)),
      );
    }),
  );
});

test('a sweep done in pieces gives the same levels as one pass, and levels before its point are final', async () => {
  const fc = (await import('fast-check')).default;
  const { sortAnnotations } = await import('../../../src/annotations/commands.js');
  const { NestingSweep } = await import('../../../src/annotations/nesting.js');
  const arb = fc.record({
    raw: fc.array(fc.record({ start: fc.nat(60), len: fc.integer({ min: 1, max: 40 }), label: fc.constantFrom('claim' as const, 'casualty' as const) }), {
      maxLength: 60,
    }),
    cuts: fc.array(fc.oneof(fc.record({ to: fc.nat(110) }), fc.record({ count: fc.nat(7) })), { maxLength: 8 }),
  });
  fc.assert(
    fc.property(arb, ({ raw, cuts }) => {
      const sorted = sortAnnotations(raw.map((r, i) => span(`s${i}`, r.start, r.start + r.len, r.label)));
      const whole = nestingLevels(sorted);
      const sweep = new NestingSweep(sorted);
      for (const cut of cuts) {
        if ('to' in cut) {
          sweep.sweepTo(cut.to);
          // Every span starting before the offset has its level; none is swept past without need.
          assert.equal(
            sorted.slice(sweep.swept).some((a) => a.start < cut.to),
            false,
          );
        } else sweep.sweepCount(cut.count);
        assert.deepEqual([...sweep.levels.slice(0, sweep.swept)], [...whole.slice(0, sweep.swept)]);
      }
      sweep.sweepTo(Number.POSITIVE_INFINITY);
      assert.ok(sweep.done);
      assert.deepEqual(sweep.levels, whole);
    }),
  );
});
