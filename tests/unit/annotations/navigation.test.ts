import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stepAnnotation, type NavResult } from '../../../src/annotations/navigation.js';
import { sortAnnotations } from '../../../src/annotations/commands.js';
import type { LabelId } from '../../../src/labels/schema.js';

const span = (id: string, start: number, end: number, label: LabelId = 'claim') => ({ id, label, start, end });
const none = new Set<LabelId>();

/** Ids visited by pressing next (or previous) `n` times from the given start. */
function walk(list: ReturnType<typeof span>[], dir: 1 | -1, n: number, hidden = none, caret?: number): string[] {
  const sorted = sortAnnotations(list);
  const out: string[] = [];
  let id: string | null = null;
  for (let i = 0; i < n; i++) {
    const r: NavResult<ReturnType<typeof span>> | undefined = stepAnnotation(sorted, hidden, id ? { selectedId: id } : { caret }, dir);
    if (!r) break;
    id = r.annotation.id;
    out.push(r.wrapped ? `${id}↺` : id);
  }
  return out;
}

test('nested spans: next goes by start, then outer-first (the side panel order); previous is the reverse', () => {
  const list = [span('inner', 20, 30), span('after', 60, 70), span('outer', 0, 100), span('mid', 10, 50), span('same-start-short', 10, 12)];
  assert.deepEqual(walk(list, 1, 6), ['outer', 'mid', 'same-start-short', 'inner', 'after', 'outer↺']);
  assert.deepEqual(walk(list, -1, 6), ['after', 'inner', 'same-start-short', 'mid', 'outer', 'after↺']);
});

test('overlapping and identical extents: equal starts and ends are ordered by id, each visited once', () => {
  const list = [span('b', 5, 15), span('a', 5, 15, 'casualty'), span('x', 0, 10), span('y', 8, 20)];
  assert.deepEqual(walk(list, 1, 5), ['x', 'a', 'b', 'y', 'x↺']);
  assert.deepEqual(walk(list, -1, 5), ['y', 'b', 'a', 'x', 'y↺']);
});

test('an empty list, or every label hidden, gives nothing', () => {
  assert.equal(stepAnnotation([], none, {}, 1), undefined);
  assert.equal(stepAnnotation([], none, { caret: 5, selectedId: 'gone' }, -1), undefined);
  const all = new Set<LabelId>(['claim', 'casualty', 'deployment']);
  assert.equal(stepAnnotation([span('a', 0, 3)], all, { caret: 0 }, 1), undefined);
  assert.equal(stepAnnotation([span('a', 0, 3)], all, { selectedId: 'a' }, 1), undefined);
});

test('hidden labels are skipped, as the label filter hides them in the panel', () => {
  const list = [span('c1', 0, 5), span('x1', 2, 4, 'casualty'), span('d1', 6, 9, 'deployment'), span('c2', 10, 12)];
  assert.deepEqual(walk(list, 1, 3, new Set<LabelId>(['casualty', 'deployment'])), ['c1', 'c2', 'c1↺']);
  assert.deepEqual(walk(list, -1, 3, new Set<LabelId>(['claim'])), ['d1', 'x1', 'd1↺']);
  // A selected span whose label was hidden afterwards still anchors the step by its position.
  const sorted = sortAnnotations(list);
  assert.equal(stepAnnotation(sorted, new Set<LabelId>(['casualty']), { selectedId: 'x1' }, 1)?.annotation.id, 'd1');
  assert.equal(stepAnnotation(sorted, new Set<LabelId>(['casualty']), { selectedId: 'x1' }, -1)?.annotation.id, 'c1');
});

test('from the caret: next is the first span starting at or after it, previous the last starting before it', () => {
  const sorted = sortAnnotations([span('a', 0, 10), span('b', 4, 6), span('c', 12, 20)]);
  const at = (caret: number, dir: 1 | -1) => stepAnnotation(sorted, none, { caret }, dir);
  assert.equal(at(4, 1)?.annotation.id, 'b', 'a caret at a span start goes to that span');
  assert.equal(at(5, 1)?.annotation.id, 'c');
  assert.equal(at(5, -1)?.annotation.id, 'b', 'a caret inside a span goes back to it');
  assert.equal(at(0, -1)?.annotation.id, 'c');
  assert.equal(at(0, -1)?.wrapped, true);
  assert.deepEqual(at(10, 1), { annotation: sorted[2], wrapped: false });
  assert.deepEqual(at(13, 1), { annotation: sorted[0], wrapped: true });
  // No caret and no selection: next is the first, previous the last, without a "wrapped".
  assert.deepEqual(stepAnnotation(sorted, none, {}, 1), { annotation: sorted[0], wrapped: false });
  assert.deepEqual(stepAnnotation(sorted, none, {}, -1), { annotation: sorted[2], wrapped: false });
});

test('a selected id no longer in the list (deleted) falls back to the caret', () => {
  const sorted = sortAnnotations([span('a', 0, 10), span('c', 12, 20)]);
  assert.equal(stepAnnotation(sorted, none, { selectedId: 'deleted', caret: 11 }, 1)?.annotation.id, 'c');
});

test('the only shown span stays selected: next and previous return it, not wrapped', () => {
  const sorted = sortAnnotations([span('only', 3, 4)]);
  assert.deepEqual(stepAnnotation(sorted, none, { selectedId: 'only' }, 1), { annotation: sorted[0], wrapped: false });
  assert.deepEqual(stepAnnotation(sorted, none, { selectedId: 'only' }, -1), { annotation: sorted[0], wrapped: false });
});

test('offsets of spans over emoji, combining marks, RTL and CRLF text are only numbers here: order holds', () => {
  const text = 'a👩‍👩‍👧 é\r\nمرحبا 🇰🇿';
  const at = (needle: string) => text.indexOf(needle);
  const list = [span('flag', at('🇰🇿'), at('🇰🇿') + 4), span('family', at('👩'), at(' é')), span('rtl', at('مرحبا'), at(' 🇰🇿')), span('e', at('é'), at('é') + 2)];
  assert.deepEqual(walk(list, 1, 4), ['family', 'e', 'rtl', 'flag']);
});

test('property: a full round of next visits every shown span once in panel order; previous reverses it', async () => {
  const fc = (await import('fast-check')).default;
  const labels: LabelId[] = ['claim', 'casualty', 'deployment'];
  const arb = fc.record({
    spans: fc.array(fc.record({ start: fc.nat(40), len: fc.integer({ min: 1, max: 20 }), label: fc.constantFrom(...labels) }), { maxLength: 40 }),
    hidden: fc.subarray(labels),
  });
  fc.assert(
    fc.property(arb, ({ spans, hidden }) => {
      const list = spans.map((s, i) => span(`s${String(i).padStart(2, '0')}`, s.start, s.start + s.len, s.label));
      const h = new Set(hidden);
      const panel = sortAnnotations(list)
        .filter((a) => !h.has(a.label))
        .map((a) => a.id);
      const n = panel.length;
      const forward = walk(list, 1, n, h).map((id) => id.replace('↺', ''));
      const backward = walk(list, -1, n, h).map((id) => id.replace('↺', ''));
      assert.deepEqual(forward, panel);
      assert.deepEqual(backward, [...panel].reverse());
    }),
    { numRuns: 300 },
  );
});

test('huge list: stepping from the middle of 200,000 spans finds the neighbours', () => {
  const list = Array.from({ length: 200_000 }, (_, i) => span(`id${i}`, i * 2, i * 2 + 3));
  const sorted = sortAnnotations(list);
  assert.equal(stepAnnotation(sorted, none, { caret: 200_001 }, 1)?.annotation.id, 'id100001');
  assert.equal(stepAnnotation(sorted, none, { caret: 200_001 }, -1)?.annotation.id, 'id100000');
});
