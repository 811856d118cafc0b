import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { suggestQuantity, type QuantitySuggestion } from '../../../src/facts/quantity-parse.js';
import { runBounded } from '../bounded.js';

const exact = (value: number): QuantitySuggestion => ({ value, qualifier: 'exact' });
const atLeast = (value: number): QuantitySuggestion => ({ value, qualifier: 'at-least' });
const atMost = (value: number): QuantitySuggestion => ({ value, qualifier: 'at-most' });
const about = (value: number): QuantitySuggestion => ({ value, qualifier: 'about' });
const range = (min: number, max: number): QuantitySuggestion => ({ min, max });
const vague: QuantitySuggestion = { qualifier: 'about' };

function check(cases: readonly (readonly [string, QuantitySuggestion | undefined])[]): void {
  for (const [quote, want] of cases) assert.deepEqual(suggestQuantity(quote), want, JSON.stringify(quote));
}

test("the issue's examples", () => {
  check([
    ['Their number increased to 18', exact(18)],
    ['at least 20 thousand radicals', atLeast(20_000)],
    ['two of them', exact(2)],
    ['dozens', vague],
    ['between 10 and 15', range(10, 15)],
  ]);
});

test('qualifiers before and after the figure', () => {
  check([
    ['more than 1,000', atLeast(1000)],
    ['up to 300', atMost(300)],
    ['about 8,000', about(8000)],
    ['nearly 4,000', about(4000)],
    ['some 2,500', about(2500)],
    ['over a hundred', atLeast(100)],
    ['no fewer than 40 people', atLeast(40)],
    ['fewer than 50', atMost(50)],
    ['as many as 300 troops', atMost(300)],
    ['an estimated 5,000 protesters', about(5000)],
    ['20 or more', atLeast(20)],
    ['20-odd officers', about(20)],
    ['100 or so', about(100)],
    ['More Than 1,000', atLeast(1000)],
    ['more than a dozen', atLeast(12)],
  ]);
});

test('vague amounts give "about" with no number, and only when no figure is there', () => {
  check([
    ['hundreds', vague],
    ['tens of thousands of people', vague],
    ['several thousand people', vague],
    ['a few soldiers', vague],
    ['dozens of the 164 detained', exact(164)],
    ['some of them', undefined],
    ['tens', undefined],
  ]);
});

test('number words and scales', () => {
  check([
    ['a dozen', exact(12)],
    ['two dozen', exact(24)],
    ['18 security officers', exact(18)],
    ['3.5 thousand', exact(3500)],
    ['1.1 thousand', exact(1100)],
    ['1.5 million', exact(1_500_000)],
    ['twenty-five', exact(25)],
    ['twenty five', exact(25)],
    ['one hundred and sixty-four', exact(164)],
    ['a hundred thousand', exact(100_000)],
    ['two thousand three hundred', exact(2300)],
    ['zero', exact(0)],
    ['Eighteen', exact(18)],
  ]);
});

test('digit grouping: comma, thin, no-break and narrow no-break space; never a plain space', () => {
  check([
    ['1\u2009000', exact(1000)],
    ['1\u00a0000 people', exact(1000)],
    ['1\u202f000 killed', exact(1000)],
    ['1,000,000', exact(1_000_000)],
    ["1'000", exact(1000)],
    ['18 200', exact(18)],
    // Other conventions: refused rather than guessed.
    ['1.000 people', undefined],
    ['3,5 thousand', undefined],
    ['1,00', undefined],
    ['12,34,567', undefined],
  ]);
});

test('ranges', () => {
  check([
    ['2,000–3,000', range(2000, 3000)],
    ['2,000-3,000', range(2000, 3000)],
    ['2\u2009000 to 3\u2009000', range(2000, 3000)],
    ['10 to 15', range(10, 15)],
    ['from 10 to 15', range(10, 15)],
    ['10 to 15 thousand', range(10_000, 15_000)],
    ['between ten and fifteen', range(10, 15)],
    ['two or three', range(2, 3)],
    ['between 15 and 15', exact(15)],
    ['15 to 10', undefined],
    // A change names the new figure.
    ['rose from 10 to 18', exact(18)],
    ['increased from 10 to 18', exact(18)],
  ]);
});

test('a bare "one" yields to any other figure (pronoun and idiom); numbered and aged things are not counts', () => {
  check([
    ['at one point, 18 were killed', exact(18)],
    ['one person was killed', exact(1)],
    ['more than one', atLeast(1)],
    ['one hundred', exact(100)],
    ['Jan. 7, 18 killed', exact(18)],
    ['Sept. 7', undefined],
    ['aged 25', undefined],
    ['article 5', undefined],
    ['flight 370', undefined],
    ['the 18th Brigade sent 300 troops', exact(300)],
    ['an army 5,000 strong', exact(5000)],
  ]);
});

test('the first figure wins; later ones are details', () => {
  check([
    ['164 people, including 103 in Almaty', exact(164)],
    ['Their number increased to 18, two of them were beheaded', exact(18)],
  ]);
});

test('dates, years, times, ordinals, money, measures and codes never give a number', () => {
  check([
    ['January 7', undefined],
    ['7 January', undefined],
    ['On January 7, 2022', undefined],
    ['2022', undefined],
    ['in 1999', undefined],
    ['2022-01-07', undefined],
    ['7/1/2022', undefined],
    ['at 10:30', undefined],
    ['the 5th', undefined],
    ['the 1990s', undefined],
    ['about $ 200 million', undefined],
    ['$200', undefined],
    ['50 tenge per litre', undefined],
    ['40%', undefined],
    ['5 km away', undefined],
    ['a 25-year-old man', undefined],
    ['Il-76 and An-124 planes', undefined],
    ['COVID-19', undefined],
    ['A320', undefined],
    ['No. 5', undefined],
    ['no one was hurt', undefined],
    ['one-sided', undefined],
    ['-5', undefined],
    // …but the count beside them still does.
    ['On January 7, 18 officers were killed', exact(18)],
    ['5 km away, 18 killed', exact(18)],
    ['a 2,000-strong force', exact(2000)],
  ]);
});

// Every casualty and deployment phrase of the sample article (and the two quantity-bearing claims),
// with what an analyst would accept: a figure where the text gives one, nothing where it does not.
test('the sample article: every casualty and deployment phrase', () => {
  const article = readFileSync(new URL('../../../../shared/corpus/kazakhstan-2022-01-07.txt', import.meta.url), 'utf8');
  const phrases: [string, QuantitySuggestion | undefined][] = [
    ['at least six waves of terrorist attacks in Almaty', atLeast(6)],
    ['with the participation of at least 20 thousand radicals', atLeast(20_000)],
    ['the security forces killed during the protests in the republic', undefined],
    ['Their number increased to 18', exact(18)],
    ['Their number increased to 18, two of them were beheaded', exact(18)],
    ['two of them were beheaded', exact(2)],
    ['The damage from the riots in Kazakhstan amounted to about $ 200 million', undefined],
    ['the organization would temporarily send collective peacekeeping forces to the republic', undefined],
    [
      'the Russian part of the peacekeeping contingent was being transferred to Kazakhstan by military transport aircraft of the Russian Aerospace Forces',
      undefined,
    ],
    ['Il-76 and An-124 planes with Russian peacekeepers and equipment arrived in the republic', undefined],
    ['Belarusian peacekeepers arrived in Kazakhstan', undefined],
    ['peacekeepers from Kyrgyzstan have already been delivered to Kazakhstan', undefined],
    ['the Russian side helps in the transfer of Armenian soldiers from the CSTO peacekeepers to Kazakhstan', undefined],
    ['On January 7, Russian peacekeepers, together with Kazakhstani law enforcement agencies, took full control of the Alma-Ata airport', undefined],
    ['Protests in Kazakhstan began on January 2', undefined],
    ['date 2022-01-07', undefined],
  ];
  for (const [phrase, want] of phrases) {
    assert.ok(article.includes(phrase), `the sample holds ${JSON.stringify(phrase)}`);
    assert.deepEqual(suggestQuantity(phrase), want, phrase);
  }
});

test('other scripts and symbols: one decimal script per number, emoji and bidi marks are punctuation', () => {
  check([
    ['٣ قتلى', exact(3)],
    ['\u200fقتل ٣٠ شخصًا\u200f', exact(30)],
    ['۱۸ killed', exact(18)],
    ['１８ killed', exact(18)],
    ['٣3', undefined],
    ['१८ घायल', exact(18)],
    ['🙂 18 👮 killed', exact(18)],
    ['18👮', exact(18)],
    ['\u202eat least 18\u202c', atLeast(18)],
    ['at\u00a0least 18', atLeast(18)],
    ['e\u0301 18', exact(18)],
  ]);
});

test('nasty input: empty, no figure, huge numbers, non-strings', () => {
  check([
    ['', undefined],
    ['   \n\t ', undefined],
    ['killed', undefined],
    ['99999999999999999999', undefined],
    ['9,007,199,254,740,993', undefined],
    ['a billion billion', undefined],
    ['900 trillion', exact(900)],
  ]);
  assert.equal(suggestQuantity(undefined as unknown as string), undefined);
});

test('a million-character quote is parsed in linear time (bounded child, not a timing target)', () => {
  const r = runBounded(
    `import { suggestQuantity } from './src/facts/quantity-parse.ts';
     const inputs = ['1,'.repeat(500_000), '1'.repeat(1_000_000), 'at least '.repeat(110_000), '1:'.repeat(500_000) + 'x',
       '2022-'.repeat(200_000), 'one hundred and '.repeat(62_500), 'a'.repeat(1_000_000), '٣,'.repeat(500_000), '🙂'.repeat(500_000),
       '1 thousand'.repeat(1) + ' thousand'.repeat(100_000), 'twenty-'.repeat(140_000), 'dozens '.repeat(140_000), '15 to 10 to '.repeat(80_000)];
     for (const s of inputs) suggestQuantity(s);
     const long = 'x '.repeat(499_990) + 'about 8,000';
     if (suggestQuantity(long)?.value !== 8000) process.exit(3);`,
    60_000,
  );
  assert.ok(r.ok, r.detail);
});
