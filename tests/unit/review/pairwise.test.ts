// The pairwise matrix on the worked example of docs/agreement.md (alice, bob, carol), every cell
// worked out by hand; pooling over the documents a pair shares; absent annotators; bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairCell, pairwiseAgreement, type PairwiseDocument } from '../../../src/review/agreement/pairwise.js';
import { cohenKappa } from '../../../src/review/agreement/kappa.js';
import { spanF1 } from '../../../src/review/agreement/span-f1.js';
import { near, sp } from './spans.js';
import { at } from '../../../src/review/agreement/by-label.js';

const TEXT = 'Police said 12 protesters died and troops arrived.';
const alice = [sp('a1', 'claim', 0, 30), sp('a2', 'casualty', 12, 30), sp('a3', 'deployment', 35, 49)];
const bob = [sp('b1', 'claim', 7, 30), sp('b2', 'casualty', 12, 30)];
const carol = [sp('c1', 'claim', 0, 30), sp('c2', 'casualty', 12, 25), sp('c3', 'deployment', 35, 49)];
const EXAMPLE: PairwiseDocument = {
  text: TEXT,
  layers: [
    { annotator: 'alice', spans: alice },
    { annotator: 'bob', spans: bob },
    { annotator: 'carol', spans: carol },
  ],
};

function matrix(docs: readonly PairwiseDocument[], names?: readonly string[]) {
  const r = pairwiseAgreement(docs, names);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
}

test('three annotators: three pairs in annotator order, the earlier one as reference', () => {
  const m = matrix([EXAMPLE]);
  assert.deepEqual(m.annotators, ['alice', 'bob', 'carol']);
  assert.deepEqual(
    m.pairs.map((p) => [p.a, p.b, p.documents, p.tokens]),
    [
      ['alice', 'bob', 1, 9],
      ['alice', 'carol', 1, 9],
      ['bob', 'carol', 1, 9],
    ],
  );
});

test('alice and carol, by hand: exact F1 claim 1, casualty 0, deployment 1; kappa 1, 8/11, 1', () => {
  const p = pairCell(matrix([EXAMPLE]), 'carol', 'alice')!;
  assert.deepEqual([p.a, p.b], ['alice', 'carol']);
  assert.deepEqual([at(p.f1.exact.perLabel, 'claim').f1, at(p.f1.exact.perLabel, 'casualty').f1, at(p.f1.exact.perLabel, 'deployment').f1], [1, 0, 1]);
  // Relaxed: [12,30) and [12,25) overlap, so casualty matches.
  assert.equal(at(p.f1.relaxed.perLabel, 'casualty').f1, 1);
  near(p.f1.exact.macro.f1.value, 2 / 3);
  assert.equal(at(p.kappa.perLabel, 'claim').kappa, 1);
  // casualty: alice {12, protesters, died}, carol {12, protesters}: po 8/9, pe (3·2 + 6·7)/81 = 48/81.
  near(at(p.kappa.perLabel, 'casualty').kappa, 8 / 11);
  assert.equal(at(p.kappa.perLabel, 'deployment').kappa, 1);
  near(p.kappa.macro.value, (1 + 8 / 11 + 1) / 3);
});

test('bob and carol, by hand: deployment only carol marks, so F1 is undefined and kappa 0', () => {
  const p = pairCell(matrix([EXAMPLE]), 'bob', 'carol')!;
  assert.deepEqual(at(p.f1.exact.perLabel, 'deployment'), { tp: 0, fp: 1, fn: 0, precision: 0, recall: null, f1: null });
  assert.deepEqual([at(p.f1.exact.perLabel, 'claim').f1, at(p.f1.relaxed.perLabel, 'claim').f1], [0, 1]);
  near(at(p.kappa.perLabel, 'claim').kappa, 32 / 41);
  near(at(p.kappa.perLabel, 'casualty').kappa, 8 / 11);
  assert.equal(at(p.kappa.perLabel, 'deployment').kappa, 0);
  assert.deepEqual(p.f1.exact.macro.f1.labels, ['claim', 'casualty']);
});

test('every cell equals the two-layer functions run on that pair alone', () => {
  const m = matrix([EXAMPLE]);
  const layers = new Map(EXAMPLE.layers.map((l) => [l.annotator, l.spans]));
  for (const p of m.pairs) {
    assert.deepEqual(p.f1, spanF1(layers.get(p.a)!, layers.get(p.b)!));
    assert.deepEqual(p.kappa, cohenKappa(TEXT, layers.get(p.a)!, layers.get(p.b)!));
  }
});

test('the cell is the same whichever way it is asked for; none on the diagonal or for a stranger', () => {
  const m = matrix([EXAMPLE]);
  assert.equal(pairCell(m, 'alice', 'bob'), pairCell(m, 'bob', 'alice'));
  assert.equal(pairCell(m, 'alice', 'alice'), undefined);
  assert.equal(pairCell(m, 'alice', 'zed'), undefined);
});

test('a pair is pooled over the documents both have a layer on, nothing else', () => {
  // Second document: only alice and carol; bob never saw it, so bob's cells stay one document.
  const second: PairwiseDocument = {
    text: 'Troops 🇰🇿 left Aktau.',
    layers: [
      { annotator: 'carol', spans: [sp('c9', 'deployment', 0, 6)] },
      { annotator: 'alice', spans: [sp('a9', 'deployment', 0, 6)] },
    ],
  };
  const m = matrix([EXAMPLE, second]);
  const ac = pairCell(m, 'alice', 'carol')!;
  // Tokens: Troops 🇰 🇿 left Aktau . = 6, plus the example's 9.
  assert.deepEqual([ac.documents, ac.tokens], [2, 15]);
  assert.deepEqual(at(ac.f1.exact.perLabel, 'deployment'), { tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  assert.deepEqual([pairCell(m, 'alice', 'bob')!.documents, pairCell(m, 'alice', 'bob')!.tokens], [1, 9]);
  // Bob's kappa is unchanged: the Aktau tokens are not counted as "bob marked nothing".
  near(at(pairCell(m, 'alice', 'bob')!.kappa.perLabel, 'claim').kappa, 32 / 41);
});

test('a named annotator with no layer anywhere gets cells with no documents and only undefined figures', () => {
  const m = matrix([EXAMPLE], ['alice', 'dana', 'bob']);
  const p = pairCell(m, 'alice', 'dana')!;
  assert.deepEqual([p.documents, p.tokens, p.f1.exact.macro.f1.value, p.kappa.macro.value], [0, 0, null, null]);
  assert.equal(at(p.kappa.perLabel, 'claim').n, 0);
  assert.equal(pairCell(m, 'alice', 'bob')!.documents, 1);
});

test('documents with fewer than two of the annotators, and no documents, give empty cells', () => {
  assert.deepEqual(matrix([]).pairs, []);
  const lonely = matrix([{ text: 'x', layers: [{ annotator: 'alice', spans: [sp('1', 'claim', 0, 1)] }] }], ['alice', 'bob']);
  assert.equal(lonely.pairs[0]!.documents, 0);
});

test('an invalid span fails with its path; a name twice fails', () => {
  const bad = pairwiseAgreement([
    EXAMPLE,
    {
      text: '😀 ok',
      layers: [
        { annotator: 'alice', spans: [sp('s', 'claim', 1, 3)] },
        { annotator: 'bob', spans: [] },
      ],
    },
  ]);
  assert.ok(!bad.ok);
  assert.equal(bad.error.code, 'span-splits-character');
  assert.equal(bad.error.path, '[1].layers[0].spans[0]');
  const twice = pairwiseAgreement([EXAMPLE], ['alice', 'alice']);
  assert.ok(!twice.ok);
  assert.equal(twice.error.code, 'duplicate-annotator');
  const dup = pairwiseAgreement([
    {
      text: 'x',
      layers: [
        { annotator: 'a', spans: [] },
        { annotator: 'a', spans: [] },
      ],
    },
  ]);
  assert.ok(!dup.ok);
});
