// Snapping must never cut a word, grapheme or surrogate, and its windowed segmentation must agree
// with segmenting the whole text; a reference implementation over whole texts checks the latter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { exactSelection, expandToGraphemes, snapToWords, wordAt } from '../../../src/text/word-snap.js';
import { normalizeNewlines } from '../../../src/text/newlines.js';
import { splitsSurrogatePair } from '../../../src/text/offsets.js';

const corpusText = normalizeNewlines(readFileSync(new URL('../../../../shared/corpus/unicode-edge-cases.txt', import.meta.url), 'utf8'));

/** Snap the selection of `part` inside `text` (first occurrence) and return the snapped string. */
function snapped(text: string, part: string, from = 0): string | null {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, `"${part}" is in the text`);
  const span = snapToWords(text, start, start + part.length);
  return span && text.slice(span.start, span.end);
}

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

function graphemeBoundaries(text: string): Set<number> {
  return new Set([text.length, ...segmentsOf(text).graphemes.map((g) => g.index)]);
}

let cached: { text: string; words: Intl.SegmentData[]; graphemes: Intl.SegmentData[] } | undefined;
function segmentsOf(text: string): { words: readonly Intl.SegmentData[]; graphemes: readonly Intl.SegmentData[] } {
  if (cached?.text !== text) cached = { text, words: [...wordSegmenter.segment(text)], graphemes: [...graphemeSegmenter.segment(text)] };
  return cached;
}

/** The same rules applied to the whole text at once: what windowed segmentation must reproduce. */
function referenceSnap(text: string, start: number, end: number): { start: number; end: number } | null {
  let [s, e] = start <= end ? [start, end] : [end, start];
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (s === e) return null;
  const { words, graphemes } = segmentsOf(text);
  const around = (segs: readonly Intl.SegmentData[], at: number) => segs.find((g) => g.index <= at && at < g.index + g.segment.length);
  for (let round = 0; round < 8; round++) {
    const before = [s, e];
    const ws = referenceWord(words, s);
    if (ws && ws.start < s) s = ws.start;
    const we = referenceWord(words, e);
    if (we && we.start < e) e = we.end;
    const gs = around(graphemes, s);
    if (gs && gs.index < s) s = gs.index;
    const ge = around(graphemes, e);
    if (ge && ge.index < e) e = ge.index + ge.segment.length;
    if (before[0] === s && before[1] === e) break;
  }
  return { start: s, end: e };
}

/** Hyphen compounds over whole-text segments: word-like segments joined by single hyphens (at most 16 joins each way). */
function referenceWord(words: readonly Intl.SegmentData[], at: number): { start: number; end: number } | undefined {
  const i = words.findIndex((g) => g.index <= at && at < g.index + g.segment.length);
  if (i < 0) return undefined;
  const joins = (j: number) =>
    words[j]?.segment.length === 1 && '-\u2010\u2011'.includes(words[j].segment) && words[j - 1]?.isWordLike === true && words[j + 1]?.isWordLike === true;
  let lo = i;
  let hi = i;
  if (!words[i]!.isWordLike) {
    if (!joins(i)) return undefined;
    lo = i - 1;
    hi = i + 1;
  }
  for (let n = 0; n < 16 && lo >= 2 && joins(lo - 1); n++) lo -= 2;
  for (let n = 0; n < 16 && hi + 2 < words.length && joins(hi + 1); n++) hi += 2;
  const last = words[hi]!;
  return { start: words[lo]!.index, end: last.index + last.segment.length };
}

test('a selection inside words grows to the whole words', () => {
  const text = 'Kazakh President Kassym-Zhomart Tokayev said';
  assert.equal(snapped(text, 'akh Presi'), 'Kazakh President');
  assert.equal(snapped(text, 'T'), 'Tokayev');
  assert.equal(snapped(text, 'ssym'), 'Kassym-Zhomart', 'a hyphenated name is one word');
  assert.equal(snapped(text, 'omart'), 'Kassym-Zhomart', 'starting in its second half takes it whole');
  assert.equal(snapped(text, 'ym-Zh'), 'Kassym-Zhomart');
  assert.equal(snapped(text, 'Tokayev'), 'Tokayev', 'whole words stay as they are');
  assert.equal(snapped(text, 'ev sa'), 'Tokayev said');
});

test('hyphenated names are one word with any hyphen; dashes and doubled hyphens still separate', () => {
  for (const hyphen of ['-', '\u2010', '\u2011']) {
    const text = `President Kassym${hyphen}Jomart Tokayev`;
    assert.equal(snapped(text, 'mart'), `Kassym${hyphen}Jomart`, `U+${hyphen.codePointAt(0)!.toString(16)}`);
    assert.equal(snapped(text, 'Kas'), `Kassym${hyphen}Jomart`);
    assert.equal(snapped(text, hyphen), `Kassym${hyphen}Jomart`, 'the hyphen alone belongs to both halves');
    assert.equal(snapped(text, `m${hyphen}Jomart To`), `Kassym${hyphen}Jomart Tokayev`);
  }
  assert.equal(snapped('the city – Alma-Ata, today', 'Ata'), 'Alma-Ata');
  assert.equal(snapped('the city – Alma-Ata, today', 'city –'), 'city –', 'a spaced en dash joins nothing');
  assert.equal(snapped('pages 10–12 read', '12'), '12', 'an en dash is not a hyphen');
  assert.equal(snapped('x—y', 'y'), 'y', 'nor is an em dash');
  assert.equal(snapped('a--b c', 'b'), 'b', 'two hyphens are punctuation, not a join');
  assert.equal(snapped('well- known', 'well'), 'well', 'a hyphen before a space joins nothing');
  assert.equal(snapped('mother-in-law’s car', 'in'), 'mother-in-law’s', 'several joins and an apostrophe');
  assert.equal(snapped('Il-76 and An-124', '124'), 'An-124');
});

test('wordAt: the word under one character, hyphens included; undefined outside words', () => {
  const text = 'go Nur-Sultan! 🇰🇿 x';
  assert.deepEqual(wordAt(text, text.indexOf('S')), { start: 3, end: 13 });
  assert.deepEqual(wordAt(text, text.indexOf('-')), { start: 3, end: 13 });
  assert.equal(wordAt(text, text.indexOf('!')), undefined);
  assert.equal(wordAt(text, 2), undefined, 'a space');
  assert.equal(wordAt(text, text.length), undefined, 'past the end');
  assert.equal(wordAt(text, -1), undefined);
  assert.equal(wordAt('', 0), undefined);
  const chain = Array.from({ length: 40 }, (_, i) => `w${i}`).join('-');
  const span = wordAt(chain, chain.indexOf('w20'))!;
  assert.ok(span.start > 0 && span.end < chain.length, 'a hostile chain stops growing');
  assert.equal(chain.slice(span.start, span.end).split('-').length, 33, '16 joins each way');
});

test('apostrophes, combining marks, emoji, RTL and CRLF around hyphenated words', () => {
  assert.equal(snapped("the prosecutor's office", 'cutor'), "prosecutor's");
  assert.equal(snapped('O’Neil-Smith said', 'Smi'), 'O’Neil-Smith');
  const accented = 'Jose\u0301-Mari\u0301a came';
  assert.equal(snapped(accented, 'ri'), 'Jose\u0301-Mari\u0301a', 'combining accents inside a compound');
  const emoji = 'met 👩‍⚕️-team here';
  assert.equal(snapped(emoji, 'ea'), 'team', 'an emoji is not a word, so its hyphen joins nothing');
  assert.equal(snapped(emoji, '\u200d⚕️-te'), '👩‍⚕️-team', 'a cut emoji is still taken whole');
  assert.equal(snapped('ما بين دار-السلام اليوم', 'سلا'), 'دار-السلام', 'Arabic compound');
  assert.equal(snapped('line one\r\nKassym-Jomart\r\n', 'Jom'), 'Kassym-Jomart');
  assert.equal(snapped('end-\r\nline', 'end'), 'end', 'a hyphen before CRLF joins nothing');
  assert.equal(snapped('end-\r\nline', 'd-\r\nli'), 'end-\r\nline');
});

test('exactSelection keeps a keyboard selection as made: no word snapping, ends trimmed of spaces, clusters whole', () => {
  const text = 'the Treaty\r\nCafe\u0301 👨‍👩‍👧 مرحبا';
  const t = text.indexOf('Treat');
  assert.deepEqual(exactSelection(text, t, t + 5), { start: t, end: t + 5 }, '"Treat" stays "Treat"');
  assert.deepEqual(exactSelection(text, t + 5, t), { start: t, end: t + 5 }, 'backwards');
  assert.deepEqual(exactSelection(text, t - 1, t + 8), { start: t, end: t + 6 }, 'space and CRLF trimmed');
  const e = text.indexOf('e\u0301');
  assert.deepEqual(exactSelection(text, e - 3, e + 1), { start: e - 3, end: e + 2 }, 'the accent comes along');
  const f = text.indexOf('👨');
  assert.deepEqual(exactSelection(text, f + 1, f + 3), { start: f, end: text.indexOf(' ', f) }, 'a family emoji is never cut');
  const a = text.indexOf('رح');
  assert.deepEqual(exactSelection(text, a, a + 2), { start: a, end: a + 2 }, 'RTL letters exactly');
  assert.equal(exactSelection(text, t - 1, t), null, 'a space alone');
  assert.equal(exactSelection('', 0, 0), null);
  assert.throws(() => exactSelection('abc', 0, 4), RangeError);
});

test('whitespace is trimmed before snapping, and whitespace alone is nothing', () => {
  const text = 'one  two\n\tthree\u00a0four';
  assert.equal(snapped(text, '  tw'), 'two');
  assert.equal(snapped(text, 'wo\n\t'), 'two');
  assert.equal(snapped(text, '\u00a0fo'), 'four');
  assert.equal(snapToWords(text, 3, 5), null, 'two spaces');
  assert.equal(snapToWords(text, 8, 10), null, 'newline and tab');
  assert.equal(snapToWords(text, 4, 4), null, 'empty selection');
  assert.equal(snapToWords('', 0, 0), null);
});

test('punctuation at the edges is kept exactly; numbers and apostrophes are words', () => {
  const text = 'the prosecutor’s office, about $ 200 million, “armed criminals”.';
  assert.equal(snapped(text, 'cutor’'), 'prosecutor’s');
  assert.equal(snapped(text, 'office,'), 'office,');
  assert.equal(snapped(text, '$ 20'), '$ 200');
  assert.equal(snapped(text, '“arm'), '“armed');
  assert.equal(snapped(text, 'nals”.'), 'criminals”.');
});

test('a backwards selection is the same selection', () => {
  const text = 'Almaty airport';
  assert.deepEqual(snapToWords(text, 10, 2), snapToWords(text, 2, 10));
  assert.deepEqual(snapToWords(text, 10, 2), { start: 0, end: 14 });
});

test('offsets outside the text or not integers are refused', () => {
  assert.throws(() => snapToWords('abc', 0, 4), RangeError);
  assert.throws(() => snapToWords('abc', -1, 2), RangeError);
  assert.throws(() => snapToWords('abc', 0.5, 2), RangeError);
  assert.throws(() => snapToWords('abc', Number.NaN, 2), RangeError);
  assert.throws(() => expandToGraphemes('abc', 0, 9), RangeError);
});

test('combining marks stay with their base letter', () => {
  const text = 'The Cafe\u0301 Zhibek';
  const e = text.indexOf('e\u0301');
  assert.deepEqual(snapToWords(text, 4, e + 1), { start: 4, end: e + 2 }, 'the accent after e is kept');
  assert.deepEqual(snapToWords(text, e + 1, e + 2), { start: 4, end: e + 2 }, 'starting on the accent takes the word');
  assert.deepEqual(expandToGraphemes(text, 4, e + 1), { start: 4, end: e + 2 });
  assert.deepEqual(expandToGraphemes(text, e + 1, e + 2), { start: e, end: e + 2 });
  assert.deepEqual(expandToGraphemes(text, 5, 6), { start: 5, end: 6 }, 'plain letters are kept exactly');
});

test('emoji, ZWJ sequences and flags are never cut', () => {
  const family = '👨‍👩‍👧‍👦';
  const text = `home ${family}. Russia 🇷🇺🇧🇾 and 😀!`;
  const f = text.indexOf(family);
  for (let i = f + 1; i < f + family.length; i++) {
    assert.deepEqual(snapToWords(text, i, i + 1), { start: f, end: f + family.length }, `inside the family at ${i}`);
    assert.deepEqual(expandToGraphemes(text, f, i), { start: f, end: f + family.length });
  }
  const flags = text.indexOf('🇷🇺');
  assert.deepEqual(snapToWords(text, flags + 2, flags + 6), { start: flags, end: flags + 8 }, 'two half flags become two flags');
  assert.deepEqual(snapToWords(text, flags + 4, flags + 5), { start: flags + 4, end: flags + 8 }, 'a half Belarus flag is Belarus');
  const smile = text.indexOf('😀');
  assert.deepEqual(snapToWords(text, smile + 1, smile + 2), { start: smile, end: smile + 2 }, 'a lone low surrogate selects its pair');
  assert.deepEqual(expandToGraphemes(text, smile + 1, smile + 1), null, 'a collapsed selection stays empty');
});

test('a long run of flags pairs the same however far into it the selection is', () => {
  const text = 'x' + '🇷🇺'.repeat(300) + ' y';
  for (const flag of [0, 1, 150, 299]) {
    const at = 1 + 4 * flag;
    assert.deepEqual(snapToWords(text, at + 2, at + 3), { start: at, end: at + 4 }, `flag ${flag}`);
    assert.deepEqual(expandToGraphemes(text, at + 2, at + 3), { start: at, end: at + 4 }, `flag ${flag}`);
  }
});

test('Arabic, Cyrillic and digits outside the BMP snap to whole words', () => {
  const arabic = 'قال دبلوماسي: «الوضع تحت السيطرة»';
  assert.equal(snapped(arabic, 'لوض'), 'الوضع');
  assert.equal(snapped(arabic, 'ع تح'), 'الوضع تحت');
  assert.equal(snapped(arabic, 'سيطرة»'), 'السيطرة»');
  assert.equal(snapped('в Алматы и Нұр-Сұлтан', 'лма'), 'Алматы');
  const bold = 'about 𝟏𝟎 thousand';
  const d = bold.indexOf('𝟏');
  assert.deepEqual(snapToWords(bold, d + 1, d + 3), { start: d, end: d + 4 });
});

test('words longer than the segmenting window are still taken whole', () => {
  const long = 'x'.repeat(5000);
  const text = `before ${long} after`;
  assert.deepEqual(snapToWords(text, 3000, 3001), { start: 7, end: 5007 });
  assert.deepEqual(snapToWords(text, 2, 4000), { start: 0, end: 5007 });
  const marks = 'e' + '\u0301'.repeat(3000);
  assert.deepEqual(expandToGraphemes(`a ${marks} b`, 1500, 1501), { start: 2, end: 2 + marks.length });
});

test('windowed snapping matches whole-text segmentation across the Unicode corpus', () => {
  const text = `${corpusText}\n${corpusText}\n${corpusText}`; // longer than the window on both sides
  const boundaries = graphemeBoundaries(text);
  for (let s = 0; s < text.length; s += 7) {
    for (const len of [0, 1, 2, 5, 13, 40]) {
      const e = Math.min(text.length, s + len);
      const span = snapToWords(text, s, e);
      assert.deepEqual(span, referenceSnap(text, s, e), `selection ${s}..${e}`);
      if (span) {
        assert.ok(boundaries.has(span.start) && boundaries.has(span.end), `grapheme boundaries at ${s}..${e}`);
        assert.ok(span.start <= s || /\s/.test(text.slice(s, span.start)) === true);
      }
    }
  }
});

test('a megabyte of text snaps near the start, middle and end', () => {
  const paragraph = `${corpusText} ${'word '.repeat(100)}`;
  const text = paragraph.repeat(Math.ceil(1_100_000 / paragraph.length));
  assert.ok(text.length > 1_000_000);
  for (const at of [1, Math.floor(text.length / 2), text.length - 3]) {
    const span = snapToWords(text, at, Math.min(text.length, at + 20));
    assert.deepEqual(span, referenceSnapNear(text, at, Math.min(text.length, at + 20)));
  }
  const oneWord = 'a'.repeat(1_000_000);
  assert.deepEqual(snapToWords(oneWord, 500_000, 500_001), { start: 0, end: 1_000_000 });
});

/** Reference snap on a slice big enough to hold every segment touched, shifted back into place. */
function referenceSnapNear(text: string, start: number, end: number): { start: number; end: number } | null {
  const lo = Math.max(0, start - 1000);
  const span = referenceSnap(text.slice(lo, end + 1000), start - lo, end - lo);
  return span && { start: span.start + lo, end: span.end + lo };
}

const selections = fc.string({ unit: 'grapheme', maxLength: 40 }).chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)));
const mixedText = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom(' ', '\n', '\u0301', '\u200d', '🇷', '👩', 'word', '-', '\u2011')), {
    maxLength: 30,
  })
  .map((parts) => parts.join(''))
  .chain((text) => fc.tuple(fc.constant(text), fc.nat(text.length), fc.nat(text.length)));

test('property: the snapped span holds the trimmed selection and splits no grapheme or surrogate', () => {
  for (const arbitrary of [selections, mixedText]) {
    fc.assert(
      fc.property(arbitrary, ([text, a, b]) => {
        const [s, e] = a <= b ? [a, b] : [b, a];
        const trimmed = text.slice(s, e).trim();
        const span = snapToWords(text, a, b);
        if (trimmed === '') {
          assert.equal(span, null);
          return;
        }
        assert.ok(span);
        const from = s + text.slice(s, e).search(/\S/);
        assert.ok(span.start <= from && span.end >= from + trimmed.length, 'contains the trimmed selection');
        assert.ok(text.slice(span.start, span.end).includes(trimmed));
        assert.equal(splitsSurrogatePair(text, span.start), false);
        assert.equal(splitsSurrogatePair(text, span.end), false);
        const boundaries = graphemeBoundaries(text);
        assert.ok(boundaries.has(span.start) && boundaries.has(span.end), 'on grapheme boundaries');
        assert.deepEqual(span, referenceSnap(text, a, b));
        assert.deepEqual(snapToWords(text, span.start, span.end), span, 'snapping is idempotent');
      }),
    );
  }
});

test('property: expandToGraphemes only ever widens, to grapheme boundaries', () => {
  fc.assert(
    fc.property(mixedText, ([text, a, b]) => {
      const [s, e] = a <= b ? [a, b] : [b, a];
      const span = expandToGraphemes(text, a, b);
      if (s === e) return assert.equal(span, null);
      assert.ok(span && span.start <= s && span.end >= e);
      const boundaries = graphemeBoundaries(text);
      assert.ok(boundaries.has(span.start) && boundaries.has(span.end));
      // Minimal widening: no boundary was skipped on the way out.
      for (let i = span.start + 1; i <= s && span.start < s; i++) assert.equal(boundaries.has(i), false);
      for (let i = e; i < span.end && span.end > e; i++) assert.equal(boundaries.has(i), false);
    }),
  );
});
