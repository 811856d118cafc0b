// The "before review" layer (accepted copies left out, linked own spans kept), which annotators
// count as having worked on a document, and that agreement before review is the agreement of the
// layers as annotated, however much was accepted since.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import { acceptCommand } from '../../../src/review/decisions.js';
import { spanF1 } from '../../../src/review/agreement/span-f1.js';
import { contributingAnnotators, layerAtStage, layerBeforeReview, myMarkCounts, workedOn } from '../../../src/review/review-layers.js';
import { at } from '../../../src/review/agreement/by-label.js';

const TEXT = 'Police 👨‍👩‍👧 said e\u0301 12 protesters died.\r\nمرحبا troops arrived.';
const T = '2022-01-08T10:00:00.000Z';

function ann(id: string, annotator: string, quote: string, label: Annotation['label'] = 'claim', extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(quote);
  if (start < 0) throw new Error(quote);
  return { id, docId: 'd', label, start, end: start + quote.length, quote, annotator, createdAt: T, updatedAt: T, ...extra };
}

function accept(theirs: Annotation, mine: readonly Annotation[], label?: Annotation['label']): Annotation[] {
  const r = acceptCommand({
    theirs,
    me: 'dana',
    now: T,
    previous: null,
    previousResult: null,
    text: TEXT,
    newId: `copy-${theirs.id}`,
    mine,
    ...(label ? { label } : {}),
  });
  assert.ok(r.ok);
  const after = r.value.annotation.after;
  return after ? [...mine, after] : [...mine];
}

test('before review drops exactly the accepted copies: those with provenance', () => {
  const own = [ann('d1', 'dana', 'Police 👨‍👩‍👧 said'), ann('d2', 'dana', 'مرحبا', 'deployment')];
  const theirs = [ann('x1', 'aigerim', '12 protesters died', 'casualty'), ann('x2', 'aigerim', 'troops arrived', 'deployment')];
  let reconciled = accept(theirs[0]!, own);
  reconciled = accept(theirs[1]!, reconciled, 'claim');
  assert.equal(reconciled.length, 4);
  assert.deepEqual(layerBeforeReview(reconciled), own);
  assert.deepEqual(layerAtStage(reconciled, 'before'), own);
  assert.equal(layerAtStage(reconciled, 'after'), reconciled);
});

test('accepting a span identical to one of mine keeps my own span in the layer before review', () => {
  const own = [ann('d1', 'dana', 'e\u0301 12', 'claim')];
  const same = ann('x1', 'aigerim', 'e\u0301 12', 'claim');
  const reconciled = accept(same, own);
  assert.deepEqual(reconciled, own);
  assert.deepEqual(layerBeforeReview(reconciled), own);
});

test('agreement before review is unchanged by accepting: F1 against the colleague stays as annotated', () => {
  const own = [ann('d1', 'dana', 'Police 👨‍👩‍👧 said')];
  const theirs = [ann('x1', 'aigerim', 'Police 👨‍👩‍👧 said'), ann('x2', 'aigerim', '12 protesters died', 'casualty')];
  const reconciled = accept(theirs[1]!, accept(theirs[0]!, own));
  // After review I have everything they have: F1 1. Before review: claim 1, casualty recall 0.
  assert.equal(spanF1(theirs, reconciled).exact.macro.f1.value, 1);
  const before = spanF1(theirs, layerBeforeReview(reconciled)).exact;
  assert.equal(at(before.perLabel, 'claim').f1, 1);
  assert.deepEqual([at(before.perLabel, 'casualty').recall, at(before.perLabel, 'casualty').f1], [0, null]);
});

test('empty layers, and layers of copies only, are empty before review', () => {
  assert.deepEqual(layerBeforeReview([]), []);
  const copy = ann('c', 'dana', 'troops', 'deployment', { provenance: { annotator: 'boris', annotationId: 'b1', modified: false } });
  assert.deepEqual(layerBeforeReview([copy, copy]), []);
});

test('who worked on a document: a span, or a done mark', () => {
  assert.equal(workedOn({ annotator: 'a', spans: 0, markedDone: false }), false);
  assert.equal(workedOn({ annotator: 'a', spans: 1, markedDone: false }), true);
  assert.equal(workedOn({ annotator: 'a', spans: 0, markedDone: true }), true);
  assert.deepEqual(
    contributingAnnotators([
      { annotator: 'dana', spans: 0, markedDone: false },
      { annotator: 'aigerim', spans: 4, markedDone: false },
      { annotator: 'بوريس', spans: 2, markedDone: false },
      { annotator: 'chen', spans: 0, markedDone: true },
    ]),
    ['aigerim', 'بوريس', 'chen'],
  );
  assert.deepEqual(contributingAnnotators([]), []);
});

test('my reviewed mark counts as done after review, and before review only if I decided nothing', () => {
  assert.equal(myMarkCounts('after', true, 3), true);
  assert.equal(myMarkCounts('before', true, 0), true);
  assert.equal(myMarkCounts('before', true, 3), false);
  assert.equal(myMarkCounts('after', false, 0), false);
});
