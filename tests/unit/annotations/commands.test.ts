import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyCommand,
  compareAnnotations,
  describeCommand,
  invertCommand,
  sortAnnotations,
  type AnnotationCommand,
} from '../../../src/annotations/commands.js';
import { createAnnotation, relabel, withNote, withSpan, checkSpan, MAX_NOTE_CHARS } from '../../../src/annotations/create.js';
import type { Annotation } from '../../../src/annotations/types.js';

const text = 'Tokayev said 18 security officers 😀 were killed in Almaty.';
const now = '2022-01-07T10:00:00.000Z';
function make(id: string, start: number, end: number, label: Annotation['label'] = 'claim'): Annotation {
  const r = createAnnotation({ id, docId: 'd', text, start, end, label, annotator: 'ana', now });
  assert.ok(r.ok);
  return r.value;
}

test('createAnnotation cuts the quote from the text', () => {
  const a = make('a', 13, 15);
  assert.equal(a.quote, '18');
  assert.equal(a.createdAt, now);
  assert.equal(a.annotator, 'ana');
});

test('spans that are empty, reversed, outside the text or split an emoji are refused', () => {
  const emoji = text.indexOf('😀');
  for (const [s, e] of [
    [3, 3],
    [5, 2],
    [-1, 2],
    [0, text.length + 1],
    [emoji + 1, emoji + 2],
    [0.5, 2],
  ] as const) {
    const r = checkSpan(text, s, e);
    assert.equal(r.ok, false, `${s}..${e}`);
  }
  assert.equal(checkSpan(text, emoji, emoji + 2).ok, true);
});

test('every command is undone exactly by its inverse', () => {
  const a = make('a', 0, 7);
  const b = make('b', 13, 15, 'casualty');
  const start = [a, b];
  const cmds: AnnotationCommand[] = [
    { kind: 'create', annotation: make('c', 52, 58, 'deployment') },
    { kind: 'delete', annotation: b },
    { kind: 'update', before: a, after: relabel(a, 'casualty', '2022-01-08T00:00:00.000Z') },
  ];
  for (const cmd of cmds) {
    const after = applyCommand(start, cmd);
    assert.notDeepEqual(after, start);
    assert.deepEqual(applyCommand(after, invertCommand(cmd)), start);
    assert.deepEqual(invertCommand(invertCommand(cmd)), cmd);
  }
});

test('applyCommand keeps text order with enclosing spans first', () => {
  const outer = make('o', 0, 30);
  const inner = make('i', 13, 15);
  const first = make('f', 0, 7);
  let list: Annotation[] = [];
  for (const a of [inner, first, outer]) list = applyCommand(list, { kind: 'create', annotation: a });
  assert.deepEqual(
    list.map((a) => a.id),
    ['o', 'f', 'i'],
  );
  assert.deepEqual(
    sortAnnotations([inner, first, outer]).map((a) => a.id),
    ['o', 'f', 'i'],
  );
  assert.ok(compareAnnotations(make('x', 1, 2), make('y', 1, 2)) < 0);
});

test('notes are trimmed, removed when blank, and refused when too long', () => {
  const a = make('a', 0, 7);
  const noted = withNote(a, '  check with second source ', now);
  assert.ok(noted.ok);
  assert.equal(noted.value.note, 'check with second source');
  const cleared = withNote(noted.value, '   ', now);
  assert.ok(cleared.ok);
  assert.equal('note' in cleared.value, false);
  assert.equal(withNote(a, 'x'.repeat(MAX_NOTE_CHARS + 1), now).ok, false);
});

test('withSpan recuts the quote', () => {
  const a = make('a', 0, 7);
  const r = withSpan(a, text, 0, 12, now);
  assert.ok(r.ok);
  assert.equal(r.value.quote, 'Tokayev said');
});

test('describeCommand names what an undo would undo', () => {
  const a = make('a', 0, 7);
  assert.match(describeCommand({ kind: 'create', annotation: a }), /tag “Tokayev” as claim/);
  assert.match(describeCommand({ kind: 'update', before: a, after: relabel(a, 'casualty', now) }), /relabel/);
  const noted = withNote(a, 'n', now);
  assert.ok(noted.ok);
  assert.match(describeCommand({ kind: 'update', before: a, after: noted.value }), /note/);
});

test('a replayed create does not duplicate, and delete finds an annotation whose span moved', () => {
  const a = make('a', 0, 7);
  const b = make('b', 13, 15);
  const once = applyCommand([a], { kind: 'create', annotation: b });
  assert.deepEqual(
    applyCommand(once, { kind: 'create', annotation: b }).map((x) => x.id),
    ['a', 'b'],
  );
  // The list holds b at 13..15; the command carries an older copy of b at another span.
  const stale = { ...b, start: 0, end: 3, quote: 'Tok' };
  assert.deepEqual(
    applyCommand(once, { kind: 'delete', annotation: stale }).map((x) => x.id),
    ['a'],
  );
});

test('a batch applies as its commands one by one would, and its inverse undoes all of them', () => {
  const a = make('a', 0, 7);
  const b = make('b', 13, 15, 'casualty');
  const start = [a, b];
  const batch: AnnotationCommand = {
    kind: 'batch',
    commands: [
      { kind: 'create', annotation: make('c', 52, 58, 'deployment') },
      { kind: 'create', annotation: make('d', 0, 7, 'deployment') },
      { kind: 'delete', annotation: b },
      { kind: 'update', before: a, after: relabel(a, 'casualty', '2022-01-08T00:00:00.000Z') },
      { kind: 'create', annotation: make('e', 8, 12) },
      { kind: 'delete', annotation: make('e', 8, 12) },
    ],
  };
  assert.equal(batch.kind, 'batch');
  const oneByOne = batch.commands.reduce<Annotation[]>((list, c) => applyCommand(list, c), start);
  const after = applyCommand(start, batch);
  assert.deepEqual(after, oneByOne);
  assert.deepEqual(
    after.map((x) => x.id),
    ['a', 'd', 'c'],
  );
  const inverse = invertCommand(batch);
  assert.deepEqual(applyCommand(after, inverse), start);
  assert.deepEqual(invertCommand(inverse), batch);
  assert.equal(inverse.kind === 'batch' && inverse.commands[0]?.kind, 'create', 'inverses run in reverse order');
});

test('a batch keeps text order and unique ids, and an empty batch changes nothing', () => {
  const existing = Array.from({ length: 50 }, (_, i) => make(`x${i}`, (i * 7) % 28, ((i * 7) % 28) + 3));
  const list = sortAnnotations(existing) as Annotation[];
  const creates = Array.from({ length: 30 }, (_, i) => ({
    kind: 'create' as const,
    annotation: make(`n${i}`, (i * 11) % 28, ((i * 11) % 28) + 2, 'deployment'),
  }));
  const after = applyCommand(list, { kind: 'batch', commands: creates });
  assert.equal(after.length, 80);
  assert.deepEqual(after, [...after].sort(compareAnnotations));
  assert.equal(new Set(after.map((x) => x.id)).size, 80);
  assert.deepEqual(applyCommand(after, { kind: 'batch', commands: creates }), after, 'a replayed batch does not duplicate');
  assert.deepEqual(applyCommand(list, { kind: 'batch', commands: [] }), list);
});

test('describeCommand names a batch by what it does', () => {
  const c = (id: string, s: number, e: number) => ({ kind: 'create' as const, annotation: make(id, s, e, 'deployment') });
  assert.equal(describeCommand({ kind: 'batch', commands: [c('a', 0, 7), c('b', 13, 15)] }), 'tag 2 spans as deployment');
  assert.equal(describeCommand(invertCommand({ kind: 'batch', commands: [c('a', 0, 7), c('b', 13, 15)] })), 'delete 2 spans');
});
