// The token grid pinned on the scripts and symbols news text actually contains, so a change to the
// pattern shows up as a changed token, not as a silently different kappa.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tokenize, TOKEN_PATTERN } from '../../../src/review/tokens.js';
import { splitsSurrogatePair } from '../../../src/text/offsets.js';

const texts = (text: string): string[] => tokenize(text).map((t) => text.slice(t.start, t.end));

test('words, digits and punctuation: runs of letters/marks/digits, every other symbol alone', () => {
  // "30pm" is one run (digits and letters mix); the apostrophe splits "it's".
  assert.deepEqual(texts("Hi, it's 3:30pm!"), ['Hi', ',', 'it', "'", 's', '3', ':', '30pm', '!']);
  // Spaced thousands are two numbers; "2,030" is number, comma, number.
  assert.deepEqual(texts('1 300 and 2,030...'), ['1', '300', 'and', '2', ',', '030', '.', '.', '.']);
  assert.deepEqual(texts('“armed criminals”—(akimat)'), ['“', 'armed', 'criminals', '”', '—', '(', 'akimat', ')']);
});

test('offsets are UTF-16 and an emoji outside the BMP is one token of two units', () => {
  assert.deepEqual(tokenize('a😀b'), [
    { start: 0, end: 1 },
    { start: 1, end: 3 },
    { start: 3, end: 4 },
  ]);
  assert.deepEqual(texts('😢🔥🔥'), ['😢', '🔥', '🔥']);
});

test('ZWJ sequences split per code point: the ZWJ itself is a token', () => {
  // 👨 ZWJ 👩 ZWJ 👧 ZWJ 👦: four emoji (So) and three U+200D (Cf), none of them L/M/N or space.
  assert.deepEqual(texts('👨‍👩‍👧‍👦'), ['👨', '\u200d', '👩', '\u200d', '👧', '\u200d', '👦']);
});

test('a flag is two regional-indicator tokens', () => {
  assert.deepEqual(texts('🇷🇺 🇰🇬'), ['🇷', '🇺', '🇰', '🇬']);
  assert.deepEqual(tokenize('🇷🇺'), [
    { start: 0, end: 2 },
    { start: 2, end: 4 },
  ]);
});

test('marks join the run they follow, or start one after a symbol', () => {
  assert.deepEqual(texts('cafe\u0301 e\u0301te\u0301'), ['cafe\u0301', 'e\u0301te\u0301']);
  // ❤ is So; U+FE0F is Mn, so it forms its own run after the heart.
  assert.deepEqual(texts('❤️'), ['❤', '\ufe0f']);
  // Keycap: "1" (Nd) + U+FE0F (Mn) + U+20E3 (Me) is one run.
  assert.deepEqual(texts('1️⃣'), ['1️⃣']);
  // A mark after a space starts a run of its own.
  assert.deepEqual(texts('a \u0301'), ['a', '\u0301']);
  // Skin tone modifiers are Sk: their own token.
  assert.deepEqual(texts('👍🏽'), ['👍', '🏽']);
});

test('Arabic, Cyrillic and CJK: no word segmentation beyond the pattern', () => {
  assert.deepEqual(texts('«الوضع تحت السيطرة»'), ['«', 'الوضع', 'تحت', 'السيطرة', '»']);
  // Harakat (Mn) stay inside the word.
  assert.deepEqual(texts('قَالَ'), ['قَالَ']);
  assert.deepEqual(texts('Қасым-Жомарт Тоқаев'), ['Қасым', '-', 'Жомарт', 'Тоқаев']);
  // Han has no spaces: a whole clause is one run; 。 is punctuation.
  assert.deepEqual(texts('哈萨克斯坦总统说。'), ['哈萨克斯坦总统说', '。']);
});

test('digits in any script are \\p{N}, including mathematical bold digits outside the BMP', () => {
  assert.deepEqual(texts('٢٠٣٠ 𝟐𝟎 ½'), ['٢٠٣٠', '𝟐𝟎', '½']);
  assert.deepEqual(tokenize('𝟐𝟎'), [{ start: 0, end: 4 }]);
});

test('Unicode whitespace separates; ZWSP (Cf, not White_Space) is a token', () => {
  assert.deepEqual(texts('a\u00a0b\u2009c\u3000d\ufeffe\n\tf'), ['a', 'b', 'c', 'd', 'e', 'f']);
  assert.deepEqual(texts('a\u200bb'), ['a', '\u200b', 'b']);
});

test('empty and blank text have no tokens; a lone surrogate is one token', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' \n '), []);
  assert.deepEqual(texts('a\ud800b'), ['a', '\ud800', 'b']);
});

test('tokens are ordered, disjoint, never split a code point, and the gaps are whitespace', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), (g, b) => {
      const text = g + ' ' + b;
      let at = 0;
      for (const t of tokenize(text)) {
        assert.ok(t.start >= at && t.end > t.start);
        assert.ok(!splitsSurrogatePair(text, t.start) && !splitsSurrogatePair(text, t.end));
        assert.match(text.slice(at, t.start), /^\s*$/u);
        const piece = text.slice(t.start, t.end);
        assert.ok(/^[\p{L}\p{M}\p{N}]+$/u.test(piece) || [...piece].length === 1, piece);
        at = t.end;
      }
      assert.match(text.slice(at), /^\s*$/u);
    }),
    { numRuns: 150 },
  );
});

// Speed is measured by `npm run bench`, not here: this only checks a 1 MB article is handled.
test('a 1 MB article tokenizes', () => {
  const line = 'President Қасым-Жомарт Тоқаев said 26 “armed criminals” were killed 😢 👨‍👩‍👧‍👦 🇷🇺 الوضع 中文.\n';
  const text = line.repeat(Math.ceil((1 << 20) / line.length));
  const tokens = tokenize(text);
  assert.ok(tokens.length > 200_000);
  assert.ok(tokens.every((t, i) => t.end > t.start && (i === 0 || t.start >= tokens[i - 1]!.end)));
});

/** The pattern as it is defined, unbounded: the reference for texts small enough for it. */
function reference(text: string): { start: number; end: number }[] {
  return [...text.matchAll(new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

test('5 million letters without a break, outside Latin-1, are one token (no stack overflow)', () => {
  for (const letter of ['ж', '𝐀', 'ب', 'e\u0301', '中']) {
    const text = letter.repeat(Math.ceil(5_000_000 / [...letter].length));
    assert.deepEqual(tokenize(text), [{ start: 0, end: text.length }], JSON.stringify(letter));
    const framed = `«${text}» ok`;
    assert.deepEqual(
      texts(framed).map((t) => t.length),
      [1, text.length, 1, 2],
    );
  }
});

test('property: tokens equal the unbounded pattern, with runs around the internal piece size', () => {
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom(' ', '\n', ',', '😀', '👨‍👩‍👧‍👦', '🇰🇿', '\u0301', '\u200b', '\u200f', 'الوضع', 'e\u0301', '𝟐', '\ud800'),
    fc.record({ ch: fc.constantFrom('ж', '𝐀', 'a', 'ب', '\u0301'), n: fc.integer({ min: 4000, max: 9000 }) }).map(({ ch, n }) => ch.repeat(n)),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
      const text = pieces.join('');
      assert.deepEqual(tokenize(text), reference(text));
    }),
    { numRuns: 200 },
  );
});

test('normal text of every script tokenizes exactly as the pattern defines', () => {
  const text =
    'President Қасым-Жомарт Тоқаев said 26 “armed criminals” were killed 😢 👨‍👩‍👧‍👦 🇷🇺 «الوضع تحت السيطرة» قَالَ cafe\u0301 1️⃣ 👍🏽 哈萨克斯坦总统说。 ٢٠٣٠ 𝟐𝟎\r\n';
  assert.deepEqual(tokenize(text), reference(text));
});
