// Cohen's kappa pinned on hand-computed token tables, including the undefined cases (pe = 1, n = 0)
// and pooling across documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cohenKappa, cohenKappaForDocuments, kappaFromTable } from '../../../src/review/agreement/kappa.js';
import { tokenDecisions } from '../../../src/review/agreement/token-decisions.js';
import { tokenize } from '../../../src/review/tokens.js';
import { DEFAULT_LABELS, near, sp } from './spans.js';
import { at } from '../../../src/review/agreement/by-label.js';

// Ten one-letter tokens; token i is [2i, 2i+1).
const TEN = 'a b c d e f g h i j';

test('a token is inside when it shares at least one unit with a span of the label', () => {
  const tokens = tokenize('ab cd ef');
  // [1,4) cuts "ab" and "cd": both touched, so both inside; "ef" is not.
  assert.deepEqual([...tokenDecisions(tokens, [sp('s', 'claim', 1, 4)], 'claim')], [1, 1, 0]);
  // A span over the space only touches no token.
  assert.deepEqual([...tokenDecisions(tokens, [sp('s', 'claim', 2, 3)], 'claim')], [0, 0, 0]);
  // Other labels do not count; nested and overlapping spans act as their union.
  assert.deepEqual([...tokenDecisions(tokens, [sp('s', 'claim', 0, 2), sp('t', 'claim', 1, 5), sp('u', 'casualty', 6, 8)], 'claim')], [1, 1, 0]);
});

test('partial agreement', () => {
  // A marks a..d (4 tokens), B marks c..f: both 2 (c, d), A only 2, B only 2, neither 4; n = 10.
  // po = 6/10; pA = pB = 4/10; pe = .4·.4 + .6·.6 = .52; kappa = (.6 − .52)/(1 − .52) = .08/.48 = 1/6.
  const r = cohenKappa(TEN, [sp('a', 'claim', 0, 7)], [sp('b', 'claim', 4, 11)]);
  const k = at(r.perLabel, 'claim');
  assert.deepEqual([k.bothYes, k.aOnly, k.bOnly, k.bothNo, k.n], [2, 2, 2, 4, 10]);
  near(k.po, 0.6);
  near(k.pe, 0.52);
  near(k.kappa, 1 / 6);
});

test('perfect agreement is 1 and nested spans change nothing', () => {
  // Both mark a..d; A's extra nested span [4,7) lies inside. po = 1, pe = .52 → (1 − .52)/(1 − .52) = 1.
  const r = cohenKappa(TEN, [sp('a', 'claim', 0, 7), sp('n', 'claim', 4, 7)], [sp('b', 'claim', 0, 7)]);
  assert.deepEqual([at(r.perLabel, 'claim').po, at(r.perLabel, 'claim').kappa], [1, 1]);
  near(at(r.perLabel, 'claim').pe, 0.52);
});

test('total disagreement is −1', () => {
  // A marks a..e, B marks f..j: both 0, A only 5, B only 5, neither 0.
  // po = 0; pA = pB = .5; pe = .25 + .25 = .5; kappa = (0 − .5)/(1 − .5) = −1.
  const k = at(cohenKappa(TEN, [sp('a', 'claim', 0, 9)], [sp('b', 'claim', 10, 19)]).perLabel, 'claim');
  assert.deepEqual([k.bothYes, k.aOnly, k.bOnly, k.bothNo, k.po, k.pe, k.kappa], [0, 5, 5, 0, 0, 0.5, -1]);
});

test('label mismatch: same tokens, different labels', () => {
  // claim: A marks a..b, B nothing: A only 2, neither 8; po = .8, pA = .2, pB = 0,
  // pe = .2·0 + .8·1 = .8, kappa = (.8 − .8)/(.2) = 0. casualty is the mirror image: 0.
  const r = cohenKappa(TEN, [sp('a', 'claim', 0, 3)], [sp('b', 'casualty', 0, 3)], DEFAULT_LABELS);
  near(at(r.perLabel, 'claim').pe, 0.8);
  assert.equal(at(r.perLabel, 'claim').kappa, 0);
  assert.equal(at(r.perLabel, 'casualty').kappa, 0);
  // deployment: nobody → pe = 1 → null; macro over claim, casualty: (0 + 0)/2.
  assert.equal(at(r.perLabel, 'deployment').kappa, null);
  assert.deepEqual(r.macro, { value: 0, labels: ['claim', 'casualty'] });
});

test('empty layers: one constant annotator gives 0, both empty gives null', () => {
  // A empty, B marks all 10: pA = 0, pB = 1, pe = 0·1 + 1·0 = 0, po = 0 → kappa 0.
  const allB = at(cohenKappa(TEN, [], [sp('b', 'claim', 0, 19)]).perLabel, 'claim');
  assert.deepEqual([allB.bOnly, allB.po, allB.pe, allB.kappa], [10, 0, 0, 0]);
  // B empty, A marks a: po = .9, pA = .1, pB = 0, pe = .9 → (.9 − .9)/.1 = 0.
  const oneA = at(cohenKappa(TEN, [sp('a', 'claim', 0, 1)], []).perLabel, 'claim');
  near(oneA.po, 0.9);
  assert.equal(oneA.kappa, 0);
  // Both empty: every token "neither", po = pe = 1 → null, never 1 or 0.
  const none = cohenKappa(TEN, [], [], DEFAULT_LABELS);
  assert.deepEqual(at(none.perLabel, 'claim'), { bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 10, n: 10, po: 1, pe: 1, kappa: null });
  assert.deepEqual(none.macro, { value: null, labels: [] });
});

test('both annotators marking every token: pe = 1, null', () => {
  const k = at(cohenKappa(TEN, [sp('a', 'claim', 0, 19)], [sp('b', 'claim', 0, 19)]).perLabel, 'claim');
  assert.deepEqual([k.po, k.pe, k.kappa], [1, 1, null]);
});

test('no tokens at all: n = 0 and every ratio null', () => {
  assert.deepEqual(kappaFromTable({ bothYes: 0, aOnly: 0, bOnly: 0, bothNo: 0 }), {
    bothYes: 0,
    aOnly: 0,
    bOnly: 0,
    bothNo: 0,
    n: 0,
    po: null,
    pe: null,
    kappa: null,
  });
  assert.equal(at(cohenKappa('  ', [], [], DEFAULT_LABELS).perLabel, 'claim').kappa, null);
});

test('macro is the mean over labels with a defined kappa', () => {
  // claim 1/6 (the partial case), casualty −1 (A a..e, B f..j), deployment null.
  const r = cohenKappa(TEN, [sp('a', 'claim', 0, 7), sp('c', 'casualty', 0, 9)], [sp('b', 'claim', 4, 11), sp('d', 'casualty', 10, 19)], DEFAULT_LABELS);
  near(r.macro.value, (1 / 6 - 1) / 2);
  assert.deepEqual(r.macro.labels, ['claim', 'casualty']);
});

test('documents pool tokens: tables add, kappa is not an average of kappas', () => {
  // Doc 1 "a b": both mark a → both 1, neither 1. Doc 2 "a b c d": A marks a, B marks b → A only 1, B only 1, neither 2.
  // Pooled: both 1, A only 1, B only 1, neither 3; n = 6; po = 4/6; pA = pB = 2/6;
  // pe = 1/9 + 4/9 = 5/9; kappa = (2/3 − 5/9)/(1 − 5/9) = (1/9)/(4/9) = 1/4.
  // (Per document: 1 and (1/2 − 5/8)/(3/8) = −1/3, whose mean 1/3 is not the pooled value.)
  const r = at(
    cohenKappaForDocuments([
      { text: 'a b', a: [sp('a', 'claim', 0, 1)], b: [sp('b', 'claim', 0, 1)] },
      { text: 'a b c d', a: [sp('a', 'claim', 0, 1)], b: [sp('b', 'claim', 2, 3)] },
    ]).perLabel,
    'claim',
  );
  assert.deepEqual([r.bothYes, r.aOnly, r.bOnly, r.bothNo, r.n], [1, 1, 1, 3, 6]);
  near(r.pe, 5 / 9);
  near(r.kappa, 1 / 4);
});
