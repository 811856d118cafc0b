// The full report on the worked example of docs/agreement.md (so the document's numbers stay true),
// plus validation problems and pooling of a selection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agreementForDocuments, agreementReport, combineReports, type ReportInput } from '../../../src/review/agreement/report.js';
import { splitsSurrogatePair } from '../../../src/text/offsets.js';
import { DEFAULT_LABELS, near, sp } from './spans.js';
import { tokenAlpha } from '../../../src/review/agreement/alpha.js';
import { at } from '../../../src/review/agreement/by-label.js';

// The worked example of docs/agreement.md. Tokens: Police 0-6, said 7-11, 12 12-14,
// protesters 15-25, died 26-30, and 31-34, troops 35-41, arrived 42-49, "." 49-50: 9 tokens.
const EXAMPLE: ReportInput = {
  text: 'Police said 12 protesters died and troops arrived.',
  layers: [
    { annotator: 'alice', spans: [sp('a1', 'claim', 0, 30), sp('a2', 'casualty', 12, 30), sp('a3', 'deployment', 35, 49)] },
    { annotator: 'bob', spans: [sp('b1', 'claim', 7, 30), sp('b2', 'casualty', 12, 30)] },
    { annotator: 'carol', spans: [sp('c1', 'claim', 0, 30), sp('c2', 'casualty', 12, 25), sp('c3', 'deployment', 35, 49)] },
  ],
  a: 'alice',
  b: 'bob',
};

function example() {
  const r = agreementReport(EXAMPLE);
  assert.ok(r.ok);
  return r.value;
}

test('worked example: tokens and span counts', () => {
  const r = example();
  assert.deepEqual([r.documents, r.a, r.b, r.tokens], [1, 'alice', 'bob', 9]);
  assert.deepEqual(r.spanCounts, [
    { annotator: 'alice', perLabel: { claim: 1, casualty: 1, deployment: 1 }, total: 3 },
    { annotator: 'bob', perLabel: { claim: 1, casualty: 1, deployment: 0 }, total: 2 },
    { annotator: 'carol', perLabel: { claim: 1, casualty: 1, deployment: 1 }, total: 3 },
  ]);
});

test('worked example: span F1 of bob against alice', () => {
  const { exact, relaxed } = example().f1;
  // Exact. claim [0,30) vs [7,30): tp 0, fp 1, fn 1 → P 0, R 0, F1 0. casualty [12,30) both: 1, 1, 1.
  // deployment: alice only → tp 0, fp 0, fn 1 → P null, R 0, F1 null.
  assert.deepEqual(at(exact.perLabel, 'claim'), { tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(at(exact.perLabel, 'casualty'), { tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(at(exact.perLabel, 'deployment'), { tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: null });
  // Macro: F1 (0 + 1)/2 = 1/2; P (0 + 1)/2 = 1/2; R (0 + 1 + 0)/3 = 1/3.
  assert.deepEqual(exact.macro.f1, { value: 0.5, labels: ['claim', 'casualty'] });
  assert.deepEqual(exact.macro.precision, { value: 0.5, labels: ['claim', 'casualty'] });
  near(exact.macro.recall.value, 1 / 3);
  // Relaxed: the claims overlap → claim 1, 1, 1; the rest as exact. F1 (1 + 1)/2 = 1; R (1 + 1 + 0)/3 = 2/3.
  assert.deepEqual(at(relaxed.perLabel, 'claim'), { tp: 1, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  assert.deepEqual(relaxed.macro.f1, { value: 1, labels: ['claim', 'casualty'] });
  near(relaxed.macro.recall.value, 2 / 3);
});

test('worked example: Cohen’s kappa of alice and bob', () => {
  const { perLabel, macro } = example().kappa;
  // claim: alice Police..died (5), bob said..died (4): both 4, alice only 1, neither 4.
  // po = 8/9; pe = (5/9)(4/9) + (4/9)(5/9) = 40/81; kappa = (72 − 40)/(81 − 40) = 32/41.
  assert.deepEqual([at(perLabel, 'claim').bothYes, at(perLabel, 'claim').aOnly, at(perLabel, 'claim').bOnly, at(perLabel, 'claim').bothNo], [4, 1, 0, 4]);
  near(at(perLabel, 'claim').po, 8 / 9);
  near(at(perLabel, 'claim').pe, 40 / 81);
  near(at(perLabel, 'claim').kappa, 32 / 41);
  // casualty: both mark 12 protesters died: po = 1, pe = 1/9 + 4/9 = 5/9 → 1.
  near(at(perLabel, 'casualty').kappa, 1);
  // deployment: alice troops arrived, bob nothing: po = 7/9, pe = (2/9)·0 + (7/9)·1 = 7/9 → 0.
  near(at(perLabel, 'deployment').kappa, 0);
  // Macro: (32/41 + 1 + 0)/3 = 73/123.
  near(macro.value, 73 / 123);
  assert.deepEqual(macro.labels, ['claim', 'casualty', 'deployment']);
});

test('worked example: Krippendorff’s alpha over all three layers', () => {
  const { perLabel, macro, annotators } = example().alpha;
  assert.deepEqual(annotators, ['alice', 'bob', 'carol']);
  // claim yes-counts: Police 2, said 12 protesters died 3 each, the other 4 tokens 0. Per unit /2:
  // yy = 1 + 4·3 = 13, yn = 1, nn = 4·3 = 12; n = 27, n_yes = 14, n_no = 13.
  // Do = 2/27; De = 2·14·13/(27·26) = 14/27; alpha = 1 − 1/7 = 6/7.
  assert.deepEqual(at(perLabel, 'claim').coincidences, { noNo: 12, yesNo: 1, yesYes: 13 });
  near(at(perLabel, 'claim').alpha, 6 / 7);
  // casualty: 12 → 3, protesters → 3, died → 2: yy = 7, yn = 1, nn = 18; n_yes = 8, n_no = 19.
  // De = 2·8·19/702 = 152/351; alpha = 1 − (2/27)(351/152) = 1 − 13/76 = 63/76.
  near(at(perLabel, 'casualty').alpha, 63 / 76);
  // deployment: troops → 2, arrived → 2: yy = 2, yn = 2, nn = 21; n_yes = 4, n_no = 23.
  // Do = 4/27; De = 2·4·23/702 = 92/351; alpha = 1 − (4/27)(351/92) = 1 − 13/23 = 10/23.
  near(at(perLabel, 'deployment').alpha, 10 / 23);
  assert.equal(at(perLabel, 'deployment').n, 27);
  near(macro.value, (6 / 7 + 63 / 76 + 10 / 23) / 3);
});

test('labels nobody used are reported with nulls, not left out and not 0', () => {
  const r = agreementReport({
    text: 'Troops moved.',
    layers: [
      { annotator: 'x', spans: [] },
      { annotator: 'y', spans: [] },
    ],
    a: 'x',
    b: 'y',
    labels: DEFAULT_LABELS,
  });
  assert.ok(r.ok);
  assert.deepEqual(r.value.labels, DEFAULT_LABELS);
  for (const label of DEFAULT_LABELS) {
    assert.deepEqual(at(r.value.f1.exact.perLabel, label), { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    assert.equal(at(r.value.kappa.perLabel, label).kappa, null);
    assert.equal(at(r.value.alpha.perLabel, label).alpha, null);
  }
  assert.deepEqual([r.value.f1.relaxed.macro.f1.value, r.value.kappa.macro.value, r.value.alpha.macro.value], [null, null, null]);
});

test('bad input is a Problem with its path', () => {
  const at = (input: ReportInput) => {
    const r = agreementReport(input);
    assert.ok(!r.ok);
    return [r.error.code, r.error.path];
  };
  const base = { text: 'a😀b', a: 'x', b: 'y' };
  const layer = (annotator: string, ...spans: ReturnType<typeof sp>[]) => ({ annotator, spans });
  assert.deepEqual(at({ ...base, layers: [layer('x')] }), ['unknown-annotator', 'layers']);
  assert.deepEqual(at({ ...base, layers: [layer('x'), layer('y'), layer('x')] }), ['duplicate-annotator', 'layers[2]']);
  assert.deepEqual(at({ ...base, layers: [layer('x'), layer('y', sp('s', 'claim', 0, 5))] }), ['bad-span', 'layers[1].spans[0]']);
  assert.deepEqual(at({ ...base, layers: [layer('x', sp('s', 'claim', 1, 1)), layer('y')] }), ['bad-span', 'layers[0].spans[0]']);
  // [0, 2) in code points would be "a😀"; as UTF-16 it ends inside the emoji.
  assert.deepEqual(at({ ...base, layers: [layer('x', sp('s', 'claim', 0, 2)), layer('y')] }), ['span-splits-character', 'layers[0].spans[0]']);
  const many = agreementForDocuments([EXAMPLE, { ...EXAMPLE, a: 'dave' }]);
  assert.ok(!many.ok);
  assert.deepEqual([many.error.code, many.error.path], ['unknown-annotator', '[1].layers']);
});

test('a selection pools counts; combining reports equals computing over the documents', () => {
  const second: ReportInput = {
    text: 'a b c d e f g h i j',
    layers: [
      { annotator: 'alice', spans: [sp('x', 'claim', 0, 7)] },
      { annotator: 'bob', spans: [sp('y', 'claim', 4, 11)] },
    ],
    a: 'alice',
    b: 'bob',
  };
  const pooled = agreementForDocuments([EXAMPLE, second]);
  assert.ok(pooled.ok);
  const r = pooled.value;
  assert.deepEqual([r.documents, r.tokens], [2, 19]);
  assert.deepEqual(
    r.spanCounts.map((c) => [c.annotator, c.total]),
    [
      ['alice', 4],
      ['bob', 3],
      ['carol', 3],
    ],
  );
  // claim exact: tp 0 + 0, fp 1 + 1, fn 1 + 1 → P 0, R 0, F1 0; relaxed tp 1 + 1 → 1, 1, 1.
  assert.deepEqual(at(r.f1.exact.perLabel, 'claim'), { tp: 0, fp: 2, fn: 2, precision: 0, recall: 0, f1: 0 });
  assert.deepEqual(at(r.f1.relaxed.perLabel, 'claim'), { tp: 2, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
  // claim kappa tables: (4, 1, 0, 4) + (2, 2, 2, 4) = (6, 3, 2, 8); n = 19; yes A 9, yes B 8.
  // n²·po = 14·19 = 266; n²·pe = 9·8 + 10·11 = 182; kappa = (266 − 182)/(361 − 182) = 84/179.
  const k = at(r.kappa.perLabel, 'claim');
  assert.deepEqual([k.bothYes, k.aOnly, k.bOnly, k.bothNo], [6, 3, 2, 8]);
  near(k.kappa, 84 / 179);
  // claim alpha coincidences: (nn 12, yn 1, yy 13) + (8, 4, 4) = (20, 5, 17); n = 47, n_yes = 22, n_no = 25.
  // Do = 10/47; De = 2·22·25/(47·46) = 1100/2162; alpha = 1 − (10/47)(2162/1100) = 1 − 460/1100 = 32/55.
  assert.deepEqual(at(r.alpha.perLabel, 'claim').coincidences, { noNo: 20, yesNo: 5, yesYes: 17 });
  near(at(r.alpha.perLabel, 'claim').alpha, 32 / 55);
  // Pooling finished reports (computed over one label list) gives the same numbers as pooling the documents.
  const one = agreementReport({ ...EXAMPLE, labels: DEFAULT_LABELS });
  const two = agreementReport({ ...second, labels: DEFAULT_LABELS });
  assert.ok(one.ok && two.ok);
  assert.deepEqual(combineReports([one.value, two.value]), pooled);
  assert.deepEqual(combineReports([one.value]), one);
});

test('combining needs at least one report, all for the same pair', () => {
  const none = combineReports([]);
  assert.ok(!none.ok && none.error.code === 'no-documents');
  const one = agreementReport(EXAMPLE);
  const swapped = agreementReport({ ...EXAMPLE, a: 'bob', b: 'alice' });
  assert.ok(one.ok && swapped.ok);
  const mixed = combineReports([one.value, swapped.value]);
  assert.ok(!mixed.ok);
  assert.deepEqual([mixed.error.code, mixed.error.path], ['mismatched-pair', '[1]']);
  // Reports over different label lists are refused, not padded: a missing label's token tables
  // would lack their "neither" counts.
  const onlyClaim = agreementReport({ ...EXAMPLE, layers: EXAMPLE.layers.map((l) => ({ ...l, spans: l.spans.filter((s) => s.label === 'claim') })) });
  assert.ok(onlyClaim.ok);
  assert.deepEqual(onlyClaim.value.labels, ['claim']);
  const differentLists = combineReports([one.value, onlyClaim.value]);
  assert.ok(!differentLists.ok);
  assert.deepEqual([differentLists.error.code, differentLists.error.path], ['mismatched-labels', '[1]']);
});

test('labels come from the schema first, then any label a layer adds; absent, the labels used', () => {
  const input: ReportInput = {
    text: 'Police said 12 protesters died.',
    layers: [
      { annotator: 'x', spans: [sp('a', 'rumour', 0, 6), sp('b', 'actor', 0, 6)] },
      { annotator: 'y', spans: [sp('c', 'actor', 0, 6), sp('d', '👮‍♀️ police', 7, 11)] },
    ],
    a: 'x',
    b: 'y',
  };
  const used = agreementReport(input);
  assert.ok(used.ok);
  assert.deepEqual(used.value.labels, ['rumour', 'actor', '👮‍♀️ police']);
  const schema = agreementReport({ ...input, labels: ['actor', 'claim'] });
  assert.ok(schema.ok);
  // The schema's order, then the colleague's extra labels in order of first use; nothing dropped.
  assert.deepEqual(schema.value.labels, ['actor', 'claim', 'rumour', '👮‍♀️ police']);
  assert.deepEqual(Object.keys(schema.value.kappa.perLabel), schema.value.labels);
  assert.equal(at(schema.value.f1.exact.perLabel, 'actor').tp, 1);
  assert.equal(at(schema.value.f1.exact.perLabel, 'claim').f1, null);
  assert.deepEqual(
    schema.value.spanCounts.map((c) => c.total),
    [2, 2],
  );
  // A label id that is an Object.prototype name is a plain key, not the prototype.
  const proto = agreementReport({ ...input, labels: ['__proto__', 'constructor'] });
  assert.ok(proto.ok);
  assert.equal(at(proto.value.f1.exact.perLabel, '__proto__').tp, 0);
  assert.equal(Object.getPrototypeOf(proto.value.f1.exact.perLabel), Object.prototype);
  assert.throws(() => at(proto.value.f1.exact.perLabel, 'toString'), /no figure for label "toString"/);
});

// Speed belongs to `npm run bench`; this checks the large case is handled and counted right.
test('a 1 MB article with three layers of 10 000 spans reports', () => {
  const line = 'Police said 12 protesters died and troops arrived in Алматы 😢.\n';
  const text = line.repeat(Math.ceil((1 << 20) / line.length));
  const layer = (annotator: string, shift: number) => ({
    annotator,
    spans: Array.from({ length: 10_000 }, (_, i) =>
      sp(`${annotator}${i}`, (['claim', 'casualty', 'deployment'] as const)[i % 3]!, whole(i * 100 + shift), whole(i * 100 + shift + 30)),
    ),
  });
  // Offsets must not land inside the emoji's surrogate pair.
  const whole = (offset: number): number => (splitsSurrogatePair(text, offset) ? offset + 1 : offset);
  const r = agreementReport({ text, layers: [layer('x', 0), layer('y', 5), layer('z', 10)], a: 'x', b: 'y' });
  assert.ok(r.ok);
  assert.equal(at(r.value.f1.relaxed.perLabel, 'claim').tp, 3334);
});

test('alpha over the chosen layers only: an empty layer of mine is not a coder unless chosen', () => {
  const withMe: ReportInput = { ...EXAMPLE, layers: [{ annotator: 'dana', spans: [] }, ...EXAMPLE.layers] };
  const all = agreementReport(withMe);
  const chosen = agreementReport({ ...withMe, alphaOver: ['alice', 'bob', 'carol'] });
  assert.ok(all.ok && chosen.ok);
  assert.deepEqual(chosen.value.alpha.annotators, ['alice', 'bob', 'carol']);
  // Over the three the worked example's figures hold; with an empty fourth layer they drop.
  near(at(chosen.value.alpha.perLabel, 'claim').alpha, 6 / 7);
  near(at(chosen.value.alpha.perLabel, 'deployment').alpha, 10 / 23);
  assert.ok(at(all.value.alpha.perLabel, 'claim').alpha! < 6 / 7);
  assert.deepEqual(
    all.value.alpha.perLabel,
    tokenAlpha(
      EXAMPLE.text,
      withMe.layers.map((l) => l.spans),
    ).perLabel,
  );
  // F1 and kappa of A and B do not depend on the choice.
  assert.deepEqual([chosen.value.f1, chosen.value.kappa], [all.value.f1, all.value.kappa]);
  const two = agreementReport({ ...EXAMPLE, alphaOver: ['alice', 'carol'] });
  assert.ok(two.ok);
  assert.deepEqual(two.value.alpha.perLabel, tokenAlpha(EXAMPLE.text, [EXAMPLE.layers[0]!.spans, EXAMPLE.layers[2]!.spans]).perLabel);
  const one = agreementReport({ ...EXAMPLE, alphaOver: ['alice'] });
  assert.ok(one.ok);
  assert.equal(one.value.alpha.macro.value, null);
  const unknown = agreementReport({ ...EXAMPLE, alphaOver: ['zed'] });
  assert.ok(!unknown.ok);
  assert.equal(unknown.error.code, 'unknown-annotator');
});
