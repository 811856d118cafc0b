// Agreement on attribute values over identically tagged spans: interval alpha against Krippendorff's
// published example, and a three-annotator table worked by hand (quantities, a multiple choice, a
// single choice, text with emoji and empty strings, a value set by one annotator only), pooling
// across documents, and the report carrying it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AttributeValues } from '../../../src/labels/attributes.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { attributeAgreement, combineAttributeAgreement } from '../../../src/review/agreement/attribute-agreement.js';
import { percentAgreement } from '../../../src/review/agreement/attribute-percent.js';
import { intervalAlpha } from '../../../src/review/agreement/interval-alpha.js';
import { agreementForDocuments, agreementReport } from '../../../src/review/agreement/report.js';
import type { Span } from '../../../src/review/span.js';
import { near } from './spans.js';

const sa = (id: string, start: number, end: number, attributes?: AttributeValues, label: Span['label'] = 'casualty'): Span => ({
  id,
  label,
  start,
  end,
  ...(attributes ? { attributes } : {}),
});
const q = (value: number, qualifier: 'exact' | 'about' = 'exact') => ({ value, qualifier });

test('interval alpha: Krippendorff (2011), 4 observers × 12 units with missing data = 0.849', () => {
  const _ = null;
  const observers = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  const units = observers[0]!.map((_v, u) => observers.map((o) => o[u]).filter((x): x is number => x !== null));
  const r = intervalAlpha(units);
  assert.equal(r.n, 40);
  assert.equal(Math.round(r.alpha! * 1000) / 1000, 0.849);
});

test('interval alpha by hand; one value in use or nothing pairable is undefined', () => {
  // Units (1,1), (2,3), (3,3); m = 2 so 1/(m−1) = 1. Within-unit ordered squared differences:
  // 0 + 2·1 + 0 = 2; n = 6; Do = 2/6 = 1/3. All six values 1,1,2,3,3,3: unordered pair sums
  // 1–2: 2·1, 1–3: 6·4, 2–3: 3·1 → 29, ordered 58; De = 58/(6·5) = 29/15. alpha = 1 − 5/29 = 24/29.
  const r = intervalAlpha([
    [1, 1],
    [2, 3],
    [3, 3],
  ]);
  near(r.observed, 1 / 3);
  near(r.expected, 29 / 15);
  near(r.alpha, 24 / 29);
  assert.deepEqual(
    intervalAlpha([
      [5, 5],
      [5, 5],
    ]).alpha,
    null,
  );
  assert.deepEqual(intervalAlpha([[5], []]), { n: 0, observed: null, expected: null, alpha: null });
  // Large counts: 20,000 against 20,001, and 1,000 against 1,000. Do = (1·2)/4 = 1/2. Unordered
  // squared differences: 1 + 2·19000² + 2·19001² = 1,444,076,003; De = 2·that/12; alpha = 1 − 3/1,444,076,003.
  const large = intervalAlpha([
    [20000, 20001],
    [1000, 1000],
  ]);
  near(large.observed, 1 / 2, 'large Do');
  near(large.alpha, 1 - 3 / 1_444_076_003, 'large alpha');
});

test('percent agreement counts agreeing pairs within units', () => {
  // (a, a, b): pairs aa ✓, ab ✗, ab ✗ → 1 of 3; (c, c) → 1 of 1. 2 of 4.
  assert.deepEqual(
    percentAgreement([
      ['a', 'a', 'b'],
      ['c', 'c'],
    ]),
    { pairs: 4, agreeing: 2, percent: 0.5 },
  );
  assert.deepEqual(percentAgreement([]), { pairs: 0, agreeing: 0, percent: null });
});

// Three annotators on one document (offsets are arbitrary; only identity of spans matters).
//   span          A                         B                          C
//   [0,5)    count 18 exact            count 20 exact             count 18 exact
//            kind {killed}             kind {killed}              —
//            group civilians           group unknown              group civilians
//            place "🇰🇿 Алматы"          place "🇰🇿 Алматы"           —
//            date 2022-01-05           —                          —
//   [10,15)  count 10–15 (12.5)        count 12 exact             (no span)
//            kind {killed, injured}    kind {injured, killed}
//            place ""                  place ""
//   [20,25)  A only: not a unit.  [30,35) A vs [30,36) B: overlap, not a unit.
const A = [
  sa('a1', 0, 5, { count: q(18), kind: ['killed'], group: 'civilians', place: '🇰🇿 Алматы', date: '2022-01-05' }),
  sa('a2', 10, 15, { count: { min: 10, max: 15 }, kind: ['killed', 'injured'], place: '' }),
  sa('a3', 20, 25, { count: q(99) }),
  sa('a4', 30, 35, { count: q(7) }),
];
const B = [
  sa('b1', 0, 5, { count: q(20), kind: ['killed'], group: 'unknown', place: '🇰🇿 Алматы' }),
  sa('b2', 10, 15, { count: q(12), kind: ['injured', 'killed'], place: '' }),
  sa('b4', 30, 36, { count: q(7) }),
];
const C = [sa('c1', 0, 5, { count: q(18), group: 'civilians' })];

test('a three-annotator table worked by hand', () => {
  const r = attributeAgreement([A, B, C], DEFAULT_SCHEMA.labels);
  const by = Object.fromEntries(r.perAttribute.map((x) => [`${x.label}.${x.attribute}`, x]));
  assert.deepEqual(
    r.perAttribute.map((x) => `${x.label}.${x.attribute} ${x.scale} ${x.matched}`),
    ['casualty.count interval 2', 'casualty.kind nominal 2', 'casualty.group nominal 2', 'casualty.place nominal 2', 'casualty.date nominal 2'],
  );
  // count. Units (18, 20, 18) and (12.5, 12). Percent on values: [0,5) A–C agree, A–B, B–C not;
  // [10,15) 10–15 ≠ 12 exact → 1 of 4. Interval: within [0,5) ordered (18,20)·2, (20,18)·2 = 16,
  // /(3−1) = 8; [10,15) 0.25·2 = 0.5; Do = 8.5/5 = 1.7. Values 18,20,18,12.5,12: unordered squared
  // differences sum to 261, ordered 522; De = 522/20 = 26.1; alpha = 1 − 1.7/26.1 = 244/261.
  const count = by['casualty.count']!;
  assert.deepEqual(count.percent, { pairs: 4, agreeing: 1, percent: 0.25 });
  near(count.alpha.observed, 1.7);
  near(count.alpha.expected, 26.1);
  near(count.alpha.alpha, 244 / 261);
  // kind: a set is one value; {killed, injured} = {injured, killed}. Units ({k},{k}), ({k,i},{k,i}):
  // o = diag(2, 2); Do = 0, De = (16 − 4 − 4)/12 > 0 → alpha 1; C's missing value is not a disagreement.
  const kind = by['casualty.kind']!;
  assert.deepEqual([kind.percent.percent, kind.alpha.alpha, kind.unpaired], [1, 1, 0]);
  // group: one unit (civilians, unknown, civilians), m = 3: o_cu = o_uc = 2/2 = 1, o_cc = 2/2 = 1;
  // n = 3, n_c = 2, n_u = 1; Do = 2/3; De = (9 − 4 − 1)/6 = 2/3; alpha = 0. Percent: 1 of 3.
  const group = by['casualty.group']!;
  near(group.alpha.alpha, 0);
  near(group.percent.percent, 1 / 3);
  // place: emoji text equal in [0,5), the empty string set by both in [10,15) is a value of its own:
  // diag(2, 2) → alpha 1, percent 2 of 2.
  const place = by['casualty.place']!;
  assert.deepEqual([place.percent.pairs, place.percent.percent, place.alpha.alpha], [2, 1, 1]);
  // date: set by A only → unpaired, nothing to compare, every figure undefined.
  const date = by['casualty.date']!;
  assert.deepEqual([date.unpaired, date.units.length, date.percent.percent, date.alpha.alpha], [1, 0, null, null]);
});

test('no schema: an attribute is interval when all its values are quantities, nominal otherwise', () => {
  const r = attributeAgreement([[sa('a', 0, 5, { size: q(3), flag: true, note: 'x' })], [sa('b', 0, 5, { size: { min: 2, max: 4 }, flag: false, note: 'x' })]]);
  assert.deepEqual(
    r.perAttribute.map((x) => `${x.attribute} ${x.type} ${x.scale} ${x.percent.percent}`),
    ['flag unknown nominal 0', 'note unknown nominal 1', 'size unknown interval 0'],
  );
  // size: 3 against the range's midpoint 3 → alpha undefined (one value), while the values differ.
  assert.equal(r.perAttribute[2]!.alpha.alpha, null);
});

test('an annotator with two identical spans counts once; overlapping or relabelled spans never pair', () => {
  const r = attributeAgreement([
    [sa('a1', 0, 5, { group: 'civilians' }), sa('a0', 0, 5, { group: 'military' })],
    [sa('b1', 0, 5, { group: 'military' }), sa('b2', 0, 5, { count: q(1) }, 'claim'), sa('b3', 1, 5, { group: 'military' })],
  ]);
  // a0 comes first by id: military = military.
  assert.deepEqual(
    r.perAttribute.map((x) => [x.attribute, x.matched, x.percent.agreeing, x.percent.pairs]),
    [['group', 1, 1, 1]],
  );
});

test('documents pool their units; figures are recomputed, not averaged', () => {
  const one = attributeAgreement([[sa('a', 0, 5, { group: 'civilians' })], [sa('b', 0, 5, { group: 'civilians' })]], DEFAULT_SCHEMA.labels);
  const two = attributeAgreement([[sa('a', 0, 5, { group: 'military' })], [sa('b', 0, 5, { group: 'unknown' })]], DEFAULT_SCHEMA.labels);
  const pooled = combineAttributeAgreement([one, two]).perAttribute.find((x) => x.attribute === 'group')!;
  // Units (c, c), (m, u): o_cc = 2, o_mu = o_um = 1; n = 4; Do = 2/4; De = (16 − 4 − 1 − 1)/12 = 10/12;
  // alpha = 1 − 0.5·1.2 = 0.4 (the mean of the two documents' alphas, null and −1, would say nothing).
  near(pooled.alpha.alpha, 0.4);
  assert.deepEqual([pooled.matched, pooled.percent.percent], [2, 0.5]);
});

test('the agreement report carries attribute agreement over the alpha layers, pooled over documents', () => {
  const text = 'Eighteen were killed.';
  const layers = [
    { annotator: 'A', spans: [sa('a', 0, 20, { count: q(18) })] },
    { annotator: 'B', spans: [sa('b', 0, 20, { count: q(18, 'about') })] },
  ];
  const r = agreementReport({ text, layers, a: 'A', b: 'B', attributeLabels: DEFAULT_SCHEMA.labels });
  assert.ok(r.ok);
  const count = r.value.attributes.perAttribute.find((x) => x.attribute === 'count')!;
  assert.deepEqual([count.percent.percent, count.alpha.alpha], [0, null]);
  const pooled = agreementForDocuments([
    { text, layers, a: 'A', b: 'B' },
    {
      text: 'Twenty were killed.',
      layers: [
        { annotator: 'A', spans: [sa('a', 0, 19, { count: q(20) })] },
        { annotator: 'B', spans: [sa('b', 0, 19, { count: q(20) })] },
      ],
      a: 'A',
      b: 'B',
    },
  ]);
  assert.ok(pooled.ok);
  // (18, 18), (20, 20): percent 1 of 2 (18 exact ≠ 18 about), interval alpha 1.
  const c = pooled.value.attributes.perAttribute.find((x) => x.attribute === 'count')!;
  assert.deepEqual([c.percent.percent, c.alpha.alpha], [0.5, 1]);
});

test('nasty values: RTL, CRLF and combining marks compare exactly; null and malformed numbers count as not set', () => {
  const damaged = (v: unknown) => v as AttributeValues[string];
  const r = attributeAgreement(
    [
      [
        sa('a1', 0, 5, { place: 'الماتى\r\nАлматы', source: 'e\u0301', count: damaged({ value: Number.NaN, qualifier: 'exact' }) }),
        sa('a2', 10, 15, { place: damaged(null), count: q(3) }),
      ],
      [sa('b1', 0, 5, { place: 'الماتى\r\nАлматы', source: '\u00e9', count: q(4) }), sa('b2', 10, 15, { place: 'x', count: q(3) })],
    ],
    [
      {
        id: 'casualty',
        attributes: [
          { id: 'count', type: 'quantity' },
          { id: 'place', type: 'text' },
          { id: 'source', type: 'text' },
        ],
      },
    ],
  );
  const by = Object.fromEntries(r.perAttribute.map((x) => [x.attribute, x]));
  // place: the RTL/CRLF text agrees in [0,5); null in [10,15) is not a value, so "x" is unpaired.
  assert.deepEqual([by['place']!.percent.pairs, by['place']!.percent.agreeing, by['place']!.unpaired], [1, 1, 1]);
  // source: é precomposed and e + combining acute are different strings, as stored.
  assert.deepEqual([by['source']!.percent.pairs, by['source']!.percent.agreeing], [1, 0]);
  // count: NaN cannot be placed on the number line; (3, 3) is the only unit, one value in use.
  assert.deepEqual([by['count']!.units.length, by['count']!.alpha.alpha, by['count']!.percent.percent], [1, null, 1]);
  assert.doesNotMatch(JSON.stringify(r), /NaN/);
});

test('ten thousand matched spans: every figure from counts, none lost', () => {
  // 10,000 units, two annotators; the first 9,000 agree on 'civilians', 1,000 say 'military' against
  // 'civilians'. Percent 9,000/10,000. Nominal: o_cc = 2·9,000, o_cm = o_mc = 1,000; n = 20,000,
  // n_c = 19,000, n_m = 1,000; Do = 2,000/20,000; De = 2·19,000·1,000/(20,000·19,999);
  // alpha = 1 − 0.1·(20,000·19,999)/(38,000,000) = 1 − 19,999/19,000.
  const a: Span[] = [];
  const b: Span[] = [];
  for (let i = 0; i < 10_000; i++) {
    a.push(sa(`a${i}`, i * 10, i * 10 + 5, { group: 'civilians' }));
    b.push(sa(`b${i}`, i * 10, i * 10 + 5, { group: i < 9_000 ? 'civilians' : 'military' }));
  }
  const group = attributeAgreement([a, b], DEFAULT_SCHEMA.labels).perAttribute.find((x) => x.attribute === 'group')!;
  assert.deepEqual([group.matched, group.percent.pairs, group.percent.agreeing], [10_000, 10_000, 9_000]);
  near(group.alpha.alpha, 1 - 19_999 / 19_000);
});
