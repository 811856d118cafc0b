import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyCommandTracked, invertCommand, type AnnotationCommand } from '../../../src/annotations/commands.js';
import { countLabels, countsAfter } from '../../../src/annotations/label-counts.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { DEFAULT_SCHEMA, labelIds, type LabelId } from '../../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);

function ann(id: string, label: LabelId, start = 0): Annotation {
  return {
    id,
    docId: 'd',
    label,
    start,
    end: start + 1,
    quote: 'x',
    annotator: 'ana',
    createdAt: '2022-01-07T10:00:00.000Z',
    updatedAt: '2022-01-07T10:00:00.000Z',
  };
}

test('countLabels lists every label, zero when unused, and an empty layer counts nothing', () => {
  assert.deepEqual(
    [...countLabels([], LABEL_IDS)],
    LABEL_IDS.map((l) => [l, 0]),
  );
  assert.deepEqual(Object.fromEntries(countLabels([ann('a', 'claim'), ann('b', 'claim', 2), ann('c', 'deployment', 4)], LABEL_IDS)), {
    claim: 2,
    casualty: 0,
    deployment: 1,
  });
});

test('countsAfter follows create, relabel and delete without touching the old counts', () => {
  const before = countLabels([ann('a', 'claim')], LABEL_IDS);
  const created = countsAfter(before, { added: ann('b', 'casualty', 3) });
  const relabelled = countsAfter(created, { removed: ann('a', 'claim'), added: ann('a', 'deployment') });
  const deleted = countsAfter(relabelled, { removed: ann('b', 'casualty', 3) });
  assert.deepEqual(Object.fromEntries(before), { claim: 1, casualty: 0, deployment: 0 });
  assert.deepEqual(Object.fromEntries(created), { claim: 1, casualty: 1, deployment: 0 });
  assert.deepEqual(Object.fromEntries(relabelled), { claim: 0, casualty: 1, deployment: 1 });
  assert.deepEqual(Object.fromEntries(deleted), { claim: 0, casualty: 0, deployment: 1 });
});

test('a command on a stale copy counts what the list held, not what the command says', () => {
  const held = ann('a', 'casualty');
  const stale = ann('a', 'claim');
  const r = applyCommandTracked([held], { kind: 'delete', annotation: stale });
  assert.equal(r.removed, held);
  assert.deepEqual(Object.fromEntries(countsAfter(countLabels([held], LABEL_IDS), r)), { claim: 0, casualty: 0, deployment: 0 });
  const gone = applyCommandTracked([], { kind: 'delete', annotation: stale });
  assert.equal(gone.removed, undefined);
  assert.deepEqual(countsAfter(countLabels([], LABEL_IDS), gone), countLabels([], LABEL_IDS));
});

test('counts kept command by command always equal a recount, whatever the commands', () => {
  const label = fc.constantFrom(...LABEL_IDS);
  fc.assert(
    fc.property(
      fc.array(fc.record({ op: fc.constantFrom('create', 'relabel', 'delete', 'undo', 'replay'), label, pick: fc.nat() }), { maxLength: 60 }),
      (steps) => {
        let list: Annotation[] = [];
        let counts = countLabels(list, LABEL_IDS);
        const done: AnnotationCommand[] = [];
        steps.forEach((s, i) => {
          const target = list.length > 0 ? list[s.pick % list.length] : undefined;
          const last = done.at(-1);
          // Replays and undos out of order stand for stale commands (another window, a reload).
          const cmd: AnnotationCommand | undefined =
            s.op === 'create'
              ? { kind: 'create', annotation: ann(`n${i}`, s.label, i % 7) }
              : s.op === 'relabel' && target
                ? { kind: 'update', before: target, after: { ...target, label: s.label } }
                : s.op === 'delete' && target
                  ? { kind: 'delete', annotation: target }
                  : s.op === 'undo' && last
                    ? invertCommand(last)
                    : s.op === 'replay' && last
                      ? last
                      : undefined;
          if (!cmd) return;
          done.push(cmd);
          const r = applyCommandTracked(list, cmd);
          list = r.list;
          counts = countsAfter(counts, r);
          assert.deepEqual(counts, countLabels(list, LABEL_IDS));
          assert.equal(new Set(list.map((a) => a.id)).size, list.length, 'ids stay unique');
        });
      },
    ),
  );
});

test('counts follow a batch and its inverse', () => {
  const start = [ann('a', 'claim'), ann('b', 'casualty', 3)];
  const batch: AnnotationCommand = {
    kind: 'batch',
    commands: [
      { kind: 'create', annotation: ann('c', 'deployment', 5) },
      { kind: 'create', annotation: ann('d', 'deployment', 6) },
      { kind: 'update', before: start[0]!, after: { ...start[0]!, label: 'deployment' } },
      { kind: 'delete', annotation: start[1]! },
    ],
  };
  const r = applyCommandTracked(start, batch);
  const counts = countsAfter(countLabels(start, LABEL_IDS), r);
  assert.deepEqual(counts, countLabels(r.list, LABEL_IDS));
  const back = applyCommandTracked(r.list, invertCommand(batch));
  assert.deepEqual(countsAfter(counts, back), countLabels(start, LABEL_IDS));
  assert.deepEqual(back.list, start);
});
