// Krippendorff's alpha checked against the published example (Krippendorff 2011) and hand-computed
// token cases with three annotators, empty layers and pooling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nominalAlpha, tokenAlpha, tokenAlphaForDocuments } from '../../../src/review/agreement/alpha.js';
import { DEFAULT_LABELS, near, sp } from './spans.js';
import { at } from '../../../src/review/agreement/by-label.js';

test('Krippendorff (2011), nominal, 4 observers × 12 units with missing data: alpha = 0.743', () => {
  const _ = null;
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units = observers[0]!.map((_v, u) => observers.map((o) => o[u]));
  const r = nominalAlpha(units);
  // Each unit with m values adds 1/(m−1) per ordered pair of values. Unit 12 has one value: dropped.
  // o11 = 3 (u1) + 2 (u8) + 2 (u11) = 7; o22 = 2 (u2) + 4 (u5) + 4 (u9) = 10; o33 = 4 + 4 = 8;
  // o44 = 4 (u7); o55 = 3 (u10); o12 = 1/3 (u6) + 1 (u8) = 4/3; o23 = 1 (u2) + 1/3 (u6) = 4/3;
  // o13 = o14 = o24 = o34 = 1/3 (u6). Totals n1..n5 = 9, 13, 10, 5, 3; n = 40.
  // Do = 2·(4/3 + 1/3 + 1/3 + 4/3 + 1/3 + 1/3)/40 = 8/40 = 0.2.
  // De = (40² − (81 + 169 + 100 + 25 + 9))/(40·39) = 1216/1560.
  // alpha = 1 − 0.2·1560/1216 = 1 − 312/1216 = 113/152 = 0.7434...
  assert.equal(r.n, 40);
  near(r.observed, 0.2);
  near(r.expected, 1216 / 1560);
  near(r.alpha, 113 / 152);
  assert.equal(Math.round(r.alpha! * 1000) / 1000, 0.743);
});

test('units with fewer than two values are unpairable; one value in use leaves alpha undefined', () => {
  // Only the first unit is pairable: n = 2, a single value → De = 0 → null, not 1.
  const r = nominalAlpha([
    ['x', 'x'],
    ['y', null],
    [undefined, undefined],
  ]);
  assert.deepEqual([r.n, r.alpha, r.expected], [2, null, null]);
  assert.deepEqual(nominalAlpha([]), { n: 0, observed: null, expected: null, alpha: null, values: [] });
});

// Five one-letter tokens; token i is [2i, 2i+1).
const FIVE = 'a b c d e';

test('three annotators on tokens, computed by hand', () => {
  // claim: L1 marks a b, L2 marks a b c, L3 marks b. Yes-counts per token (m = 3): a 2, b 3, c 1, d 0, e 0.
  // Per unit /(m−1) = /2: a → yy 1, yn 1; b → yy 3; c → yn 1, nn 1; d, e → nn 3 each.
  // yy = 4, yn = 2 (each off-diagonal cell), nn = 7; n = 4 + 2·2 + 7 = 15; n_yes = 6, n_no = 9.
  // Do = 2·2/15 = 4/15; De = 2·6·9/(15·14) = 18/35; alpha = 1 − (4/15)/(18/35) = 1 − 14/27 = 13/27.
  const layers = [[sp('1', 'claim', 0, 3)], [sp('2', 'claim', 0, 5)], [sp('3', 'claim', 2, 3)]];
  const r = at(tokenAlpha(FIVE, layers).perLabel, 'claim');
  assert.deepEqual(r.coincidences, { noNo: 7, yesNo: 2, yesYes: 4 });
  assert.equal(r.n, 15);
  near(r.observed, 4 / 15);
  near(r.expected, 18 / 35);
  near(r.alpha, 13 / 27);
  // The general formula on the same units agrees.
  near(
    nominalAlpha([
      [1, 1, 0],
      [1, 1, 1],
      [0, 1, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]).alpha,
    13 / 27,
  );
});

test('perfect agreement is 1; labels nobody used, or everyone used everywhere, are null', () => {
  const same = [sp('x', 'claim', 0, 3)];
  const r = tokenAlpha(FIVE, [same, same, same], DEFAULT_LABELS);
  // yy = 2 tokens · 3 = 6, nn = 3 · 3 = 9, yn = 0 → Do = 0, De > 0 → alpha = 1.
  assert.equal(at(r.perLabel, 'claim').alpha, 1);
  // casualty: every value is "no" → n_yes = 0 → De = 0 → null.
  assert.deepEqual([at(r.perLabel, 'casualty').alpha, at(r.perLabel, 'casualty').n], [null, 15]);
  assert.deepEqual(r.macro, { value: 1, labels: ['claim'] });
  const all = [sp('x', 'claim', 0, 9)];
  assert.equal(at(tokenAlpha(FIVE, [all, all]).perLabel, 'claim').alpha, null);
});

test('total disagreement between two annotators is below zero', () => {
  // A marks a b, B marks c d e: every token has one yes and one no (m = 2, /1): yn = 5, yy = nn = 0.
  // n = 10, n_yes = n_no = 5; Do = 10/10 = 1; De = 2·5·5/(10·9) = 5/9; alpha = 1 − 9/5 = −4/5.
  const r = at(tokenAlpha(FIVE, [[sp('a', 'claim', 0, 3)], [sp('b', 'claim', 4, 9)]]).perLabel, 'claim');
  near(r.alpha, -0.8);
});

test('empty layers and a single layer', () => {
  // One layer empty, the other marks a: yn = 1, nn = 4·2 = 8; n = 10, n_yes = 1, n_no = 9.
  // Do = 2/10; De = 2·1·9/(10·9) = 1/5; alpha = 1 − 1 = 0.
  near(at(tokenAlpha(FIVE, [[], [sp('a', 'claim', 0, 1)]]).perLabel, 'claim').alpha, 0);
  assert.equal(at(tokenAlpha(FIVE, [[], []], DEFAULT_LABELS).perLabel, 'claim').alpha, null);
  // One annotator: nothing is pairable.
  assert.deepEqual(at(tokenAlpha(FIVE, [[sp('a', 'claim', 0, 1)]]).perLabel, 'claim').n, 0);
});

test('documents pool coincidences, even with different numbers of annotators', () => {
  // Doc 1: the three-annotator case above (yy 4, yn 2, nn 7).
  // Doc 2, two annotators on 'a b c d e f g h i j': A a..d, B c..f → both 2 (yy += 2 each = 4),
  // one-sided 4 (yn += 1 each = 4), neither 4 (nn += 2 each = 8).
  // Pooled: yy 8, yn 6, nn 15; n = 35; n_yes = 14, n_no = 21.
  // Do = 12/35; De = 2·14·21/(35·34) = 42/85; alpha = 1 − (12/35)(85/42) = 1 − 34/49 = 15/49.
  const r = at(
    tokenAlphaForDocuments([
      { text: FIVE, layers: [[sp('1', 'claim', 0, 3)], [sp('2', 'claim', 0, 5)], [sp('3', 'claim', 2, 3)]] },
      { text: 'a b c d e f g h i j', layers: [[sp('a', 'claim', 0, 7)], [sp('b', 'claim', 4, 11)]] },
    ]).perLabel,
    'claim',
  );
  assert.deepEqual(r.coincidences, { noNo: 15, yesNo: 6, yesYes: 8 });
  near(r.alpha, 15 / 49);
});
