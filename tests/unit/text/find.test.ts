// Find must report exact UTF-16 spans (the same offsets a selection would give), treat the query
// as literal text, fold case without ever shifting an offset, and agree with word snapping about
// what a whole word is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { findMatches, foldCase, matchAtOrAfter } from '../../../src/text/find.js';
import { cutsWord } from '../../../src/text/word-snap.js';
import { normalizeNewlines } from '../../../src/text/newlines.js';

const corpusText = normalizeNewlines(readFileSync(new URL('../../../../shared/corpus/unicode-edge-cases.txt', import.meta.url), 'utf8'));
const quotes = (text: string, q: string, o = {}) => findMatches(text, q, o).map((m) => text.slice(m.start, m.end));

test('an empty query, or one longer than the text, finds nothing', () => {
  assert.deepEqual(findMatches('CSTO troops', ''), []);
  assert.deepEqual(findMatches('', 'CSTO'), []);
  assert.deepEqual(findMatches('CST', 'CSTO'), []);
});

test('matches are case-insensitive by default and exact when asked', () => {
  const text = 'CSTO troops; the csto said; Csto.';
  assert.deepEqual(findMatches(text, 'CSTO'), [
    { start: 0, end: 4 },
    { start: 17, end: 21 },
    { start: 28, end: 32 },
  ]);
  assert.deepEqual(findMatches(text, 'CSTO', { caseSensitive: true }), [{ start: 0, end: 4 }]);
});

test('matches do not overlap: the next search starts where a match ends', () => {
  assert.deepEqual(findMatches('aaaa', 'aa'), [
    { start: 0, end: 2 },
    { start: 2, end: 4 },
  ]);
});

test('the query is literal text, never a regular expression', () => {
  const hostile = ['.*', '(a|b)', '[', '\\d+', '$^', '?', 'a{2}', '\\', '(?<x>)'];
  const text = `x ${hostile.join(' x ')} x aab 12`;
  for (const q of hostile) {
    const found = quotes(text, q);
    assert.equal(found.length, text.split(q).length - 1, `"${q}" found as often as it is written`);
    assert.ok(found.length > 0 && found.every((f) => f === q), `"${q}" found as written`);
  }
});

test('case folding keeps every offset: characters whose fold changes length only match themselves', () => {
  // 'İ'.toLowerCase() is two code points and 'ß'.toUpperCase() is 'SS'; a naive fold would shift
  // every later offset by one.
  const text = 'İstanbul İSTANBUL straße STRASSE CSTO';
  assert.equal(foldCase(text).length, text.length);
  const [m] = findMatches(text, 'csto');
  assert.ok(m);
  assert.equal(text.slice(m.start, m.end), 'CSTO');
  assert.deepEqual(quotes(text, 'İstanbul'), ['İstanbul', 'İSTANBUL']);
  assert.deepEqual(quotes(text, 'istanbul'), []);
  assert.deepEqual(quotes(text, 'STRAßE'), ['straße']);
  assert.deepEqual(quotes('ΟΔΟΣ οδος οδοσ', 'οδοσ'), ['ΟΔΟΣ', 'οδος', 'οδοσ'], 'final sigma folds like sigma');
  assert.deepEqual(quotes('kıt KIT kit', 'kit'), ['KIT', 'kit'], 'dotless ı stays apart from i');
  assert.deepEqual(quotes('Élan ÉLAN élan', 'élan'), ['Élan', 'ÉLAN', 'élan']);
  assert.deepEqual(quotes('𐐀𐐨 𐐨𐐨', '𐐨𐐨'), ['𐐀𐐨', '𐐨𐐨'], 'astral letters fold (Deseret)');
});

test('folding any text keeps its length, code unit for code unit', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
      assert.equal(foldCase(s).length, s.length);
    }),
  );
  assert.equal(foldCase(corpusText).length, corpusText.length);
});

test('emoji, ZWJ sequences and lone surrogates: a match never cuts a surrogate pair', () => {
  const text = 'a😀b 👩‍👩‍👧 \ud83d x \ude00';
  assert.deepEqual(quotes(text, '😀'), ['😀']);
  assert.deepEqual(findMatches(text, '\ude00'), [{ start: text.lastIndexOf('\ude00'), end: text.length }], 'only the lone low surrogate, not half of 😀');
  assert.deepEqual(
    findMatches(text, '\ud83d').map((m) => m.start),
    [text.indexOf('\ud83d x')],
  );
  assert.deepEqual(quotes(text, '👩‍👩‍👧'), ['👩‍👩‍👧']);
});

test('combining marks: whole word does not match a base letter without its mark', () => {
  const text = 'cafe\u0301 cafe café';
  assert.deepEqual(findMatches(text, 'cafe').length, 2, 'plain find sees the base letters');
  assert.deepEqual(quotes(text, 'cafe', { wholeWord: true }), ['cafe'], 'whole word never cuts e + U+0301');
  assert.equal(findMatches(text, 'cafe', { wholeWord: true })[0]!.start, 6);
});

test('whole word uses the word-snapping definition of a word', () => {
  const text = 'CSTO, CSTO-led NonCSTO CSTOs csto_x csto.';
  assert.deepEqual(
    findMatches(text, 'csto', { wholeWord: true }).map((m) => m.start),
    [0, 6, text.lastIndexOf('csto.')],
  );
});

test('right-to-left text is found in logical order', () => {
  const text = 'قال الرئيس إن قوات منظمة معاهدة الأمن الجماعي وصلت. قوات';
  const found = findMatches(text, 'قوات', { wholeWord: true });
  assert.equal(found.length, 2);
  for (const m of found) assert.equal(text.slice(m.start, m.end), 'قوات');
  assert.deepEqual(findMatches('עברית שלום', 'שלום'), [{ start: 6, end: 10 }]);
});

test('CRLF is text like any other: offsets count both characters', () => {
  const text = 'CSTO\r\nCSTO\r\n';
  assert.deepEqual(findMatches(text, 'CSTO', { wholeWord: true }), [
    { start: 0, end: 4 },
    { start: 6, end: 10 },
  ]);
  assert.deepEqual(findMatches(text, '\r\n'), [
    { start: 4, end: 6 },
    { start: 10, end: 12 },
  ]);
  assert.deepEqual(findMatches(text, '\n'), [
    { start: 5, end: 6 },
    { start: 11, end: 12 },
  ]);
});

test('matches in the Unicode corpus quote themselves exactly', () => {
  for (const q of ['e', 'é', '🇰🇿', 'ا', '\u0301', ' ']) {
    for (const m of findMatches(corpusText, q)) {
      assert.equal(foldCase(corpusText.slice(m.start, m.end)), foldCase(q));
    }
  }
});

test('a 1 MB text: every occurrence, exact offsets', () => {
  const unit = 'Troops of the CSTO arrived 😀 in Almaty; İ. ';
  const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const found = findMatches(text, 'csto', { wholeWord: true });
  assert.equal(found.length, Math.ceil(1_000_000 / unit.length));
  assert.equal(found.at(-1)!.start, text.lastIndexOf('CSTO'));
  assert.equal(findMatches(text, 'İ.').length, found.length);
});

test('whole-word ends between ASCII characters agree with segmenting the whole text', () => {
  const chars = ' \t\n\rAz09.,\':;_-!"#@/()';
  const words = new Intl.Segmenter('en', { granularity: 'word' });
  for (const a of chars) {
    for (const b of chars) {
      for (const x of chars) {
        const text = `k${x}${a}${b}${x}k`;
        const at = 3;
        const reference =
          [...words.segment(text)].some((s) => s.isWordLike && s.index < at && s.index + s.segment.length > at) || (text[at - 1] === '\r' && text[at] === '\n');
        assert.equal(cutsWord(text, at), reference, JSON.stringify(text));
      }
    }
  }
});

test('matchAtOrAfter finds the next match from a position, wrapping around', () => {
  const m = [
    { start: 2, end: 4 },
    { start: 10, end: 12 },
  ];
  assert.equal(matchAtOrAfter(m, 0), 0);
  assert.equal(matchAtOrAfter(m, 3), 1);
  assert.equal(matchAtOrAfter(m, 10), 1);
  assert.equal(matchAtOrAfter(m, 11), 0);
  assert.equal(matchAtOrAfter([], 5), -1);
});
