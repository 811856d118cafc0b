import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCommand, invertCommand } from '../../../src/annotations/commands.js';
import { tagSpans } from '../../../src/annotations/tag-spans.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { findMatches } from '../../../src/text/find.js';

const text = 'The CSTO sent troops. CSTO 😀 forces; csto again: CSTO.';
const now = '2022-01-07T10:00:00.000Z';
let n = 0;
const base = { docId: 'd', text, annotator: 'ana', now, newId: () => `id${++n}` };

test('every match becomes a create in one batch; spans already tagged so are skipped and counted', () => {
  const spans = findMatches(text, 'CSTO');
  assert.equal(spans.length, 4);
  const mine: Annotation = {
    id: 'm',
    docId: 'd',
    label: 'deployment',
    start: spans[1]!.start,
    end: spans[1]!.end,
    quote: 'CSTO',
    annotator: 'ana',
    createdAt: now,
    updatedAt: now,
  };
  const otherLabel = { ...mine, id: 'o', label: 'claim' as const, start: spans[2]!.start, end: spans[2]!.end, quote: 'csto' };
  const r = tagSpans({ ...base, layer: [mine, otherLabel], spans, label: 'deployment' });
  assert.ok(r.ok);
  assert.equal(r.value.skipped, 1);
  assert.equal(r.value.command.commands.length, 3);
  const after = applyCommand([mine, otherLabel], r.value.command);
  assert.equal(after.filter((a) => a.label === 'deployment').length, 4);
  for (const a of after) assert.equal(a.quote, text.slice(a.start, a.end));
  assert.deepEqual(applyCommand(after, invertCommand(r.value.command)), [mine, otherLabel]);
});

test('the same span twice in the input is tagged once', () => {
  const [s] = findMatches(text, 'CSTO');
  const r = tagSpans({ ...base, layer: [], spans: [s!, s!], label: 'claim' });
  assert.ok(r.ok);
  assert.equal(r.value.command.commands.length, 1);
  assert.equal(r.value.skipped, 1);
});

test('a span that cannot be tagged refuses the whole batch with where and why', () => {
  const emoji = text.indexOf('😀');
  const r = tagSpans({
    ...base,
    layer: [],
    spans: [
      { start: 4, end: 8 },
      { start: emoji + 1, end: emoji + 2 },
    ],
    label: 'claim',
  });
  assert.equal(r.ok, false);
  assert.match(!r.ok ? r.error.message : '', new RegExp(`Nothing was tagged: the match at ${emoji + 1}\\.\\.${emoji + 2}`));
});

test('10,000 matches against a layer of 10,000: the ones already tagged so are skipped', () => {
  const big = 'CSTO x '.repeat(10_000);
  const spans = findMatches(big, 'CSTO');
  const layer = spans.map((s, i) => ({ start: s.start, end: s.end, label: i % 2 === 0 ? ('deployment' as const) : ('claim' as const) }));
  const r = tagSpans({ ...base, text: big, layer, spans, label: 'deployment' });
  assert.ok(r.ok);
  assert.equal(r.value.skipped, 5_000);
  assert.equal(r.value.command.commands.length, 5_000);
});
