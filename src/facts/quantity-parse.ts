// Suggests a quantity from a span's quote (issue 11, item 6): "at least 20 thousand radicals" →
// at least 20,000. Only a suggestion the analyst confirms with one key, so the rule throughout is
// that a missing suggestion is cheap and a wrong number is not: whatever could be a date, a year,
// money, a measurement, a code ("Il-76", "COVID-19"), an ordinal ("5th") or a number written in
// another convention ("1.000", "3,5") suggests nothing rather than a guess.
//
// Decisions (documented in docs/facts.md):
// - The FIRST figure of the quote wins ("164 people, including 103 in Almaty" → 164): a quote
//   leads with its headline figure and details follow. A vague amount ("dozens") is suggested only
//   when the quote holds no figure at all.
// - A bare four-digit 1800–2099 without a separator is a year, never a count ("2000 protesters"
//   suggests nothing; news style writes counts from 1,000 up with a separator).
// - A number next to a month name is a day ("January 7", "7 January").
// - Grouping separators: comma, no-break, narrow no-break, thin and figure space, apostrophe — in
//   groups of exactly three digits. Not a plain space ("18 200" is two numbers in prose).
// - Digits of any one decimal script (Arabic-Indic ٣, Extended Arabic-Indic, Devanagari, Bengali,
//   fullwidth ３) count as their value; a number mixing scripts suggests nothing.
// - "more than N" is at least N, "nearly N" and "some N" are about N, "as many as N" is at most N,
//   "a dozen" is 12 exact (qualifiers follow the surrounding words only), "N or more" at least N.
// - "rose from 10 to 18" is 18 (a change, not a range); "from 10 to 18" alone is a range.
// - Above Number.MAX_SAFE_INTEGER nothing is suggested (it could not be stored exactly).
// Linear in the quote's length: one tokenising pass (regexes without nested quantifiers over the
// same characters), then a forward scan that looks at most a few tokens ahead of each position.

import type { Qualifier } from '../labels/attributes.js';

/** What the quote suggests for a quantity: a number (or range) and qualifier, or only "about". */
export type QuantitySuggestion =
  | { readonly value: number; readonly qualifier: Qualifier }
  | { readonly min: number; readonly max: number }
  | { readonly qualifier: 'about'; readonly value?: undefined };

type Token =
  | {
      readonly kind: 'num';
      readonly value: number | undefined;
      readonly frac: number;
      readonly start: number;
      readonly end: number;
      readonly plainYear: boolean;
    }
  | { readonly kind: 'word'; readonly word: string; readonly start: number; readonly end: number }
  | { readonly kind: 'punct'; readonly ch: string; readonly start: number; readonly end: number }
  | { readonly kind: 'skip'; readonly start: number; readonly end: number };

// Zero of each decimal script accepted; every Unicode Nd script is a contiguous run of ten.
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xff10];

function digitValue(cp: number): { zero: number; value: number } | undefined {
  for (const zero of ZEROS) if (cp >= zero && cp <= zero + 9) return { zero, value: cp - zero };
  return undefined;
}

const GROUP_SEPARATORS = ',\u00a0\u2009\u202f\u2007\u0027\u2019';

// Digit runs with any separators, read apart below; dates and times first so "2022-01-07" and
// "10:30" are never read as numbers. Every alternative consumes at least one character, and no
// quantifier is nested over characters another one takes, so matching stays linear.
const TOKEN =
  /(\p{Nd}{4}-\p{Nd}{1,2}(?:-\p{Nd}{1,2})?(?!\p{Nd}))|(\p{Nd}+(?:[:/]\p{Nd}+)+)|(\p{Nd}+(?:[,.\u00a0\u2009\u202f\u2007'\u2019]\p{Nd}+)*)|([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)|(\s+)|([^\s])/gu;

/** Reads "1,000", "3.5", "1 000"; undefined for a malformed or ambiguous one ("1.000", "3,5", "1,00"). */
function readDigits(raw: string): { value: number | undefined; frac: number } {
  let zero = -1;
  let intDigits = '';
  let fracDigits = '';
  let inFrac = false;
  const groups: number[] = [0];
  for (const ch of raw) {
    const cp = ch.codePointAt(0)!;
    const d = digitValue(cp);
    if (d) {
      if (zero === -1) zero = d.zero;
      else if (zero !== d.zero) return { value: undefined, frac: 0 };
      if (inFrac) fracDigits += String(d.value);
      else {
        intDigits += String(d.value);
        groups[groups.length - 1]! += 1;
      }
      continue;
    }
    if (inFrac) return { value: undefined, frac: 0 };
    if (ch === '.') {
      inFrac = true;
      continue;
    }
    if (GROUP_SEPARATORS.includes(ch)) {
      groups.push(0);
      continue;
    }
    return { value: undefined, frac: 0 };
  }
  if (zero === -1 || intDigits === '') return { value: undefined, frac: 0 };
  if (groups.length > 1) {
    // Grouped: 1–3 digits first, then exactly three per group.
    if (groups[0]! < 1 || groups[0]! > 3 || groups.slice(1).some((g) => g !== 3)) return { value: undefined, frac: 0 };
  }
  // "1.000" is a thousand in German and one in English: refuse rather than guess.
  if (inFrac && groups.length === 1 && fracDigits.length === 3 && intDigits.length <= 3) return { value: undefined, frac: 0 };
  if (inFrac && fracDigits === '') return { value: undefined, frac: 0 };
  if (intDigits.length + fracDigits.length > 15) return { value: undefined, frac: 0 };
  const mantissa = Number(intDigits + fracDigits);
  return { value: mantissa, frac: fracDigits.length };
}

const MONTHS = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

// A number followed by one of these measures something other than people or units of force.
const NOT_A_COUNT_AFTER = new Set([
  'percent',
  'per',
  'pct',
  'dollars',
  'dollar',
  'usd',
  'euros',
  'euro',
  'eur',
  'tenge',
  'rubles',
  'roubles',
  'ruble',
  'rouble',
  'rub',
  'pounds',
  'yuan',
  'som',
  'soms',
  'manat',
  'hryvnia',
  'km',
  'kilometres',
  'kilometers',
  'kilometre',
  'kilometer',
  'miles',
  'mile',
  'metres',
  'meters',
  'm',
  'kg',
  'tons',
  'tonnes',
  'litres',
  'liters',
  'litre',
  'liter',
  'years',
  'year',
  'months',
  'month',
  'weeks',
  'week',
  'days',
  'day',
  'hours',
  'hour',
  'minutes',
  'minute',
  'seconds',
  'am',
  'pm',
  'gmt',
  'utc',
  'bn',
  'mln',
  'degrees',
]);
const NOT_A_COUNT_BEFORE = new Set([
  'aged',
  'age',
  'ages',
  'article',
  'paragraph',
  'chapter',
  'page',
  'section',
  'clause',
  'flight',
  'route',
  'highway',
  'road',
  'resolution',
  'decree',
  'grade',
  'level',
  'phase',
  'stage',
  'round',
  'platform',
  'gate',
  'building',
  'block',
  'house',
  'apartment',
  'room',
  'floor',
  'district',
  'zone',
  'unit',
  'brigade',
  'battalion',
  'regiment',
  'division',
  'squad',
  'corps',
  'nr',
  'no',
  'num',
  'number',
  'tel',
  'phone',
  'ext',
  'ward',
  'km',
  'kilometre',
  'kilometer',
  'mile',
]);
const CURRENCY = new Set(['$', '€', '£', '₽', '¥', '₸', '₴', '%', '#', '№', '°']);

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, dozen: 12 };
const VAGUE = new Set(['dozens', 'scores', 'hundreds', 'thousands', 'millions', 'several', 'numerous', 'many', 'tens']);

const AT_LEAST = [
  'at least',
  'more than',
  'over',
  'well over',
  'just over',
  'upwards of',
  'in excess of',
  'no fewer than',
  'no less than',
  'not less than',
  'not fewer than',
  'a minimum of',
  'at minimum',
  'exceeding',
  'above',
  'well above',
  'more then',
];
const AT_MOST = [
  'up to',
  'at most',
  'less than',
  'fewer than',
  'under',
  'just under',
  'no more than',
  'not more than',
  'a maximum of',
  'below',
  'as many as',
  'as much as',
  'not exceeding',
];
const ABOUT = [
  'about',
  'around',
  'approximately',
  'approx',
  'roughly',
  'some',
  'nearly',
  'almost',
  'close to',
  'an estimated',
  'estimated',
  'circa',
  'more or less',
  'an approximate',
  'about some',
  'roughly some',
  '~',
  '≈',
];
const PREFIXES: readonly { readonly words: readonly string[]; readonly qualifier: Qualifier }[] = [
  ...AT_LEAST.map((p) => ({ words: p.split(' '), qualifier: 'at-least' as const })),
  ...AT_MOST.map((p) => ({ words: p.split(' '), qualifier: 'at-most' as const })),
  ...ABOUT.map((p) => ({ words: p.split(' '), qualifier: 'about' as const })),
].sort((a, b) => b.words.length - a.words.length);

const CHANGE_VERBS = new Set([
  'rose',
  'risen',
  'rise',
  'rises',
  'increased',
  'increase',
  'increases',
  'grew',
  'grown',
  'climbed',
  'jumped',
  'went',
  'gone',
  'fell',
  'fallen',
  'dropped',
  'decreased',
  'declined',
  'revised',
  'raised',
  'lowered',
  'up',
  'down',
]);

/** The quantity the quote states, if it states one unambiguously enough to suggest. */
export function suggestQuantity(quote: string): QuantitySuggestion | undefined {
  if (typeof quote !== 'string' || quote === '') return undefined;
  const tokens = tokenize(quote);
  let vague: QuantitySuggestion | undefined;
  let weak: QuantitySuggestion | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const found = quantityAt(tokens, i, quote);
    if (found === undefined) continue;
    if ('skip' in found) {
      i = Math.max(i, found.skip - 1);
      continue;
    }
    if ('vague' in found) {
      vague ??= { qualifier: 'about' };
      i = found.next - 1;
      continue;
    }
    if (found.weak) {
      weak ??= found.suggestion;
      continue;
    }
    return found.suggestion;
  }
  return weak ?? vague;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] !== undefined || m[2] !== undefined) out.push({ kind: 'skip', start, end });
    else if (m[3] !== undefined) {
      const { value, frac } = readDigits(m[3]);
      const plainYear = frac === 0 && /^\p{Nd}{4}$/u.test(m[3]) && value !== undefined && value >= 1800 && value <= 2099;
      out.push({ kind: 'num', value, frac, start, end, plainYear });
    } else if (m[4] !== undefined) out.push({ kind: 'word', word: m[4].toLowerCase().replace(/’/g, "'"), start, end });
    else if (m[6] !== undefined) out.push({ kind: 'punct', ch: m[6], start, end });
  }
  return out;
}

// `skip`: a figure is there but suggests nothing (a date, "15 to 10"); scanning resumes after it, so
// neither its parts are read again as numbers nor is a long chain re-read from every token.
// `weak`: a bare "one", which is as often a pronoun or an idiom ("at one point") as a count: it is
// suggested only when the quote holds no other figure.
type Found = { readonly suggestion: QuantitySuggestion; readonly weak?: boolean } | { readonly vague: true; readonly next: number } | { readonly skip: number };

interface NumberAt {
  /** undefined: a figure is here but must not be suggested (a date, money, a code…). */
  readonly value: number | undefined;
  /** Index of the first token after the number. */
  readonly next: number;
  readonly vague?: boolean;
  /** Whether it carried a scale word ("20 thousand"), for "10 to 15 thousand". */
  readonly scaled?: number;
}

function isWord(t: Token | undefined, ...words: string[]): boolean {
  return t !== undefined && t.kind === 'word' && words.includes(t.word);
}

function isPunct(t: Token | undefined, ...chars: string[]): boolean {
  return t !== undefined && t.kind === 'punct' && chars.includes(t.ch);
}

/** Whether token b follows token a with nothing (not even a space) between them. */
function touching(a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

function quantityAt(tokens: readonly Token[], i: number, text: string): Found | undefined {
  // A qualifier phrase, a range opener, or the number itself.
  let qualifier: Qualifier = 'exact';
  let j = i;
  let opener: 'between' | 'from' | undefined;
  const prefix = matchPrefix(tokens, i);
  if (prefix) {
    qualifier = prefix.qualifier;
    j = prefix.next;
  } else if (isWord(tokens[i], 'between')) {
    opener = 'between';
    j = i + 1;
  } else if (isWord(tokens[i], 'from')) {
    opener = 'from';
    j = i + 1;
  }
  const first = numberAt(tokens, j, text);
  if (first === undefined) return undefined;
  if (first.vague) return { vague: true, next: first.next };
  if (first.value === undefined) return { skip: first.next };

  // A range: "between 10 and 15", "10 to 15", "2,000–3,000", "two or three".
  let k = first.next;
  const sep = tokens[k];
  const rangeSep = (opener === 'between' && isWord(sep, 'and')) || isWord(sep, 'to', 'or') || (isPunct(sep, '-', '–', '—', '‒') && opener !== 'between');
  if (rangeSep && !(isWord(sep, 'or') && isWord(tokens[k + 1], 'more', 'so', 'fewer', 'less', 'over'))) {
    const second = numberAt(tokens, k + 1, text);
    if (second && !second.vague && second.value !== undefined) {
      let min = first.value;
      const max = second.value;
      // "10 to 15 thousand": the scale belongs to both ends.
      if (first.scaled === undefined && second.scaled !== undefined && safe(min * second.scaled) && min * second.scaled <= max) min *= second.scaled;
      // "rose from 10 to 18" states the new figure.
      if (opener === 'from' && isWord(sep, 'to') && CHANGE_VERBS.has(wordBefore(tokens, i))) return { suggestion: { value: max, qualifier: 'exact' } };
      if (min === max) return { suggestion: { value: max, qualifier } };
      if (min > max) return { skip: second.next };
      return { suggestion: { min, max } };
    }
    if (second && second.value === undefined && !second.vague) return { skip: second.next };
  }
  // A qualifier after the number: "20 or more", "20-odd", "20+", "100 or so".
  k = first.next;
  if (isWord(tokens[k], 'or', 'and') && isWord(tokens[k + 1], 'more', 'over', 'above')) qualifier = 'at-least';
  else if (isWord(tokens[k], 'or') && isWord(tokens[k + 1], 'fewer', 'less', 'under')) qualifier = 'at-most';
  else if (isWord(tokens[k], 'or') && isWord(tokens[k + 1], 'so')) qualifier = 'about';
  else if (isWord(tokens[k], 'plus') || (isPunct(tokens[k], '+') && touching(tokens[k - 1], tokens[k]))) qualifier = 'at-least';
  else if (isPunct(tokens[k], '-') && isWord(tokens[k + 1], 'odd', 'some')) qualifier = 'about';
  else if (isPunct(tokens[k], '-') && isWord(tokens[k + 1], 'plus')) qualifier = 'at-least';
  const weak = qualifier === 'exact' && first.next === j + 1 && isWord(tokens[j], 'one');
  return weak ? { suggestion: { value: first.value, qualifier }, weak } : { suggestion: { value: first.value, qualifier } };
}

function wordBefore(tokens: readonly Token[], i: number): string {
  const t = tokens[i - 1];
  return t !== undefined && t.kind === 'word' ? t.word : '';
}

function matchPrefix(tokens: readonly Token[], i: number): { qualifier: Qualifier; next: number } | undefined {
  for (const p of PREFIXES) {
    let ok = true;
    for (let w = 0; w < p.words.length && ok; w++) {
      const t = tokens[i + w];
      const want = p.words[w]!;
      ok = t !== undefined && ((t.kind === 'word' && t.word === want) || (t.kind === 'punct' && t.ch === want));
    }
    if (ok) {
      // "some of them", "about them": a qualifier only counts in front of a number.
      return { qualifier: p.qualifier, next: i + p.words.length };
    }
  }
  return undefined;
}

function safe(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= Number.MAX_SAFE_INTEGER;
}

/** A number starting at token j: digits with an optional scale, or English number words. */
function numberAt(tokens: readonly Token[], j: number, text: string): NumberAt | undefined {
  const t = tokens[j];
  if (t === undefined) return undefined;
  if (t.kind === 'num') return digitsAt(tokens, j, text);
  if (t.kind !== 'word') return undefined;
  if (VAGUE.has(t.word)) {
    // "tens" alone is not an amount; "tens of thousands" is.
    if (t.word === 'tens' && !(isWord(tokens[j + 1], 'of') && isWord(tokens[j + 2], 'thousands', 'millions'))) return undefined;
    if (t.word === 'many' && isWord(tokens[j - 1], 'how', 'as', 'so', 'too')) return undefined;
    return { value: undefined, next: j + 1, vague: true };
  }
  if (t.word === 'a' || t.word === 'an') {
    if (isWord(tokens[j + 1], 'few')) return { value: undefined, next: j + 2, vague: true };
    const n = tokens[j + 1];
    if (n !== undefined && n.kind === 'word' && SCALES[n.word] !== undefined) return wordsAt(tokens, j + 1, 1);
    return undefined;
  }
  // "no one", "the one who": a pronoun, not a count.
  if (t.word === 'one' && isWord(tokens[j - 1], 'no', 'the', 'any', 'every', 'each', 'this', 'that', 'which')) return undefined;
  return wordsAt(tokens, j, undefined);
}

function digitsAt(tokens: readonly Token[], j: number, text: string): NumberAt | undefined {
  const t = tokens[j] as Extract<Token, { kind: 'num' }>;
  let next = j + 1;
  const blocked = (): NumberAt => ({ value: undefined, next });
  const before = tokens[j - 1];
  const after = tokens[j + 1];
  // Glued to letters: "Il-76", "A320", "5th", "20k", "COVID-19".
  if (before && touching(before, t) && (before.kind === 'word' || (isPunct(before, '-') && touching(tokens[j - 2], before) && tokens[j - 2]?.kind === 'word')))
    return blocked();
  if (after && touching(t, after) && after.kind === 'word') return blocked();
  if (after && touching(t, after) && after.kind === 'num') return blocked();
  // Money, percentages, numbered things.
  if (before && before.kind === 'punct' && CURRENCY.has(before.ch) && text.slice(before.end, t.start).trim() === '') return blocked();
  if (after && after.kind === 'punct' && CURRENCY.has(after.ch)) return blocked();
  // "No. 5", "nr. 5": a numbered thing.
  if (isPunct(before, '.') && isWord(tokens[j - 2], 'no', 'nr', 'num')) return blocked();
  // Dates: "January 7", "7 January", "2022".
  if (before && before.kind === 'word' && MONTHS.has(before.word)) return blocked();
  if (after && after.kind === 'word' && MONTHS.has(after.word)) return blocked();
  if (isWord(after, 'of') && tokens[j + 2]?.kind === 'word' && MONTHS.has((tokens[j + 2] as { word: string }).word)) return blocked();
  // "Jan. 7", "Sept. 7".
  if (isPunct(before, '.') && tokens[j - 2]?.kind === 'word' && MONTHS.has((tokens[j - 2] as { word: string }).word)) return blocked();
  // "aged 25", "article 5", "flight 370": a number naming or measuring something else.
  if (before && before.kind === 'word' && NOT_A_COUNT_BEFORE.has(before.word)) return blocked();
  if (t.plainYear || t.value === undefined) return blocked();
  if (isPunct(before, '-', '−') && touching(before, t) && !(tokens[j - 2]?.kind === 'num')) return blocked();

  let mantissa = t.value;
  let divisor = 10 ** t.frac;
  let scaled: number | undefined;
  while (tokens[next]?.kind === 'word') {
    const w = (tokens[next] as { word: string }).word;
    const scale = SCALES[w];
    if (scale === undefined) break;
    mantissa *= scale;
    scaled = (scaled ?? 1) * scale;
    next += 1;
  }
  // Currency and measures after the scale too: "200 million dollars", "a 25-year-old".
  if (measured(tokens, next)) return blocked();
  if (!safe(mantissa)) return blocked();
  // Exact decimal arithmetic: 1.1 thousand is 1100, not 1100.0000000000002.
  while (divisor > 1 && mantissa % 10 === 0) {
    mantissa /= 10;
    divisor /= 10;
  }
  const value = mantissa / divisor;
  return scaled === undefined ? { value, next } : { value, next, scaled };
}

/** English number words: "twenty-five", "one hundred and sixty-four", "two dozen". */
function wordsAt(tokens: readonly Token[], j: number, leading: number | undefined): NumberAt | undefined {
  let total = 0;
  let current = leading ?? 0;
  let seen = leading !== undefined;
  let lastWasScale = false;
  let next = j;
  let scaled: number | undefined;
  // Scales above a hundred must fall ("two million three thousand"); "a billion billion" is no number.
  let lastBig = Infinity;
  for (;;) {
    // No real number is this long: stop, so that a run of number words costs its length once.
    if (next - j > MAX_NUMBER_WORDS) return { value: undefined, next };
    const t = tokens[next];
    if (t === undefined || t.kind !== 'word') break;
    if (t.word === 'and' && seen && lastWasScale) {
      const n = tokens[next + 1];
      if (n !== undefined && n.kind === 'word' && wordValue(n.word) !== undefined) {
        next += 1;
        continue;
      }
      break;
    }
    const scale = SCALES[t.word];
    if (scale !== undefined) {
      if (!seen) break;
      if (scale === 100 || scale === 12) current = (current === 0 ? 1 : current) * scale;
      else {
        if (scale >= lastBig) return { value: undefined, next: next + 1 };
        lastBig = scale;
        total += (current === 0 ? 1 : current) * scale;
        current = 0;
      }
      scaled = scale;
      seen = true;
      lastWasScale = true;
      next += 1;
      continue;
    }
    let v = wordValue(t.word);
    if (v === undefined) break;
    let width = 1;
    // "twenty-five" is three tokens: the hyphen splits words everywhere else.
    const hyphen = tokens[next + 1];
    const unit = tokens[next + 2];
    if (TENS[t.word] !== undefined && isPunct(hyphen, '-') && touching(t, hyphen) && touching(hyphen, unit) && unit?.kind === 'word') {
      const u = UNITS[unit.word];
      if (u !== undefined && u >= 1 && u <= 9) {
        v += u;
        width = 3;
      }
    }
    // "one two" is not a number; "hundred five" after a scale is.
    if (seen && !lastWasScale && !(current % 100 === 0 || (current % 10 === 0 && v < 10 && current >= 20))) break;
    current += v;
    seen = true;
    lastWasScale = false;
    next += width;
  }
  if (!seen) return undefined;
  const value = total + current;
  if (!safe(value)) return { value: undefined, next };
  if (measured(tokens, next)) return { value: undefined, next };
  // "one-sided", "two-thirds": a word glued on makes it an adjective, not a count ("20-odd" aside).
  if (
    isPunct(tokens[next], '-') &&
    touching(tokens[next - 1], tokens[next]) &&
    tokens[next + 1]?.kind === 'word' &&
    !isWord(tokens[next + 1], ...GLUED_COUNTS)
  ) {
    return { value: undefined, next };
  }
  return scaled === undefined ? { value, next } : { value, next, scaled };
}

const MAX_NUMBER_WORDS = 40;

const GLUED_COUNTS = ['odd', 'plus', 'strong', 'member', 'man', 'some'];

/** Whether the number ending before token `next` measures money, time or distance ("5 km", "25-year"). */
function measured(tokens: readonly Token[], next: number): boolean {
  const unit = tokens[next];
  if (unit !== undefined && unit.kind === 'word' && NOT_A_COUNT_AFTER.has(unit.word)) return true;
  const glued = tokens[next + 1];
  return isPunct(unit, '-') && touching(tokens[next - 1], unit) && glued !== undefined && glued.kind === 'word' && NOT_A_COUNT_AFTER.has(glued.word);
}

/** Value of one word, "twenty-five" included; undefined for anything else ("one-sided"). */
function wordValue(word: string): number | undefined {
  if (UNITS[word] !== undefined) return UNITS[word];
  if (TENS[word] !== undefined) return TENS[word];
  return undefined;
}
