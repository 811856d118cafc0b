// Analysts drag roughly and expect whole words; an annotation that cuts a word, an emoji or a
// combining accent in half exports a quote nobody can read. Snapping segments only a small window
// around each boundary, so a selection in a megabyte article costs the same as in a tweet.
// Hyphenated names (Kassym-Zhomart, Alma-Ata, Il-76) are one word for snapping, as analysts tag
// them whole; Unicode's word rules split them at the hyphen. Dashes (U+2012..U+2015) still separate.

export interface Span {
  readonly start: number;
  readonly end: number;
}

// A fixed locale keeps snapping identical on every analyst's machine; ICU's word rules are
// script-driven, so the locale does not limit which languages segment well.
const words = new Intl.Segmenter('en', { granularity: 'word' });
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Code units segmented on each side of a boundary before widening. */
const WINDOW = 256;

/**
 * Trims whitespace off both ends of the selection, then widens each end that falls inside a word to
 * the whole word, and never leaves an end inside a grapheme cluster or surrogate pair.
 * Offsets are UTF-16; a backwards selection (start > end) is accepted. null when nothing is left.
 */
export function snapToWords(text: string, start: number, end: number): Span | null {
  let [s, e] = ordered(text, start, end);
  while (s < e && isSpace(text, s)) s++;
  while (e > s && isSpace(text, e - 1)) e--;
  if (s === e) return null;
  // Word and grapheme boundaries nearly always agree; repeating until stable covers the rare
  // sequence where moving to one lands inside the other.
  for (let round = 0; round < 8; round++) {
    const before = [s, e];
    const ws = wordAt(text, s);
    if (ws && ws.start < s) s = ws.start;
    if (e < text.length) {
      const we = wordAt(text, e);
      if (we && we.start < e) e = we.end;
    }
    [s, e] = toGraphemes(text, s, e);
    if (before[0] === s && before[1] === e) break;
  }
  return { start: s, end: e };
}

/**
 * Keeps the exact selection (Alt held) but still never splits a grapheme cluster or surrogate pair:
 * each end moves outwards to the nearest cluster boundary. null when the selection is empty.
 */
export function expandToGraphemes(text: string, start: number, end: number): Span | null {
  const [s, e] = ordered(text, start, end);
  if (s === e) return null;
  const [gs, ge] = toGraphemes(text, s, e);
  return { start: gs, end: ge };
}

/** Characters that join two words into one for snapping: hyphen-minus, hyphen, non-breaking hyphen. */
const HYPHENS = '-\u2010\u2011';
/** Joins followed on each side: enough for any name; a hostile a-a-a-… run stops growing here. */
const MAX_JOINS = 16;

/**
 * The word holding the code unit at `at` (0 <= at < text.length), hyphenated words taken whole
 * (a hyphen between two words belongs to them), or undefined when `at` is in no word.
 */
export function wordAt(text: string, at: number): Span | undefined {
  if (!Number.isInteger(at) || at < 0 || at >= text.length) return undefined;
  const seg = segmentAt(words, text, at);
  let start: number;
  let end: number;
  if (seg.wordLike) {
    ({ start, end } = seg);
  } else {
    // A joining hyphen: the word is the compound on both sides of it.
    const left = seg.end - seg.start === 1 && HYPHENS.includes(text.charAt(at)) && at > 0 ? segmentAt(words, text, at - 1) : undefined;
    const right = left?.wordLike && left.end === at && at + 1 < text.length ? segmentAt(words, text, at + 1) : undefined;
    if (!left || !right?.wordLike || right.start !== at + 1) return undefined;
    start = left.start;
    end = right.end;
  }
  for (let joins = 0; joins < MAX_JOINS && start >= 2 && HYPHENS.includes(text.charAt(start - 1)); joins++) {
    const hyphen = segmentAt(words, text, start - 1);
    const left = segmentAt(words, text, start - 2);
    if (hyphen.start !== start - 1 || !left.wordLike || left.end !== start - 1) break;
    start = left.start;
  }
  for (let joins = 0; joins < MAX_JOINS && end + 1 < text.length && HYPHENS.includes(text.charAt(end)); joins++) {
    const hyphen = segmentAt(words, text, end);
    const right = segmentAt(words, text, end + 1);
    if (hyphen.end !== end + 1 || !right.wordLike || right.start !== end + 1) break;
    end = right.end;
  }
  return { start, end };
}

/**
 * A selection made with the keys: kept as typed, except whitespace at either end (never part of a
 * span) and an end inside a grapheme cluster, which moves outwards. null when nothing is left.
 */
export function exactSelection(text: string, start: number, end: number): Span | null {
  let [s, e] = ordered(text, start, end);
  while (s < e && isSpace(text, s)) s++;
  while (e > s && isSpace(text, e - 1)) e--;
  return expandToGraphemes(text, s, e);
}

/**
 * Whether a boundary at `at` would cut a word (a word-like segment, as snapping defines words) or
 * a grapheme cluster: what "whole word" find checks at both ends of a match.
 */
export function cutsWord(text: string, at: number): boolean {
  if (!Number.isInteger(at) || at <= 0 || at >= text.length) return false;
  // Between two ASCII characters the answer is known without segmenting (a whole-word find over a
  // megabyte checks tens of thousands of ends): whitespace and most punctuation never join a word,
  // letters and digits always do; . , ' : ; _ can (e.g., 3,5, can't) and are left to the segmenter.
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  if (before < 0x80 && after < 0x80 && !(before === 0x0d && after === 0x0a)) {
    const kb = asciiKind(before);
    const ka = asciiKind(after);
    if (kb === 'apart' || ka === 'apart') return false;
    if (kb === 'word' && ka === 'word') return true;
  }
  const w = segmentAt(words, text, at);
  if (w.wordLike && w.start < at) return true;
  return segmentAt(graphemes, text, at).start < at;
}

function asciiKind(c: number): 'word' | 'apart' | 'maybe' {
  if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return 'word';
  // . , ' : ; _ join words and numbers in Unicode's word rules (MidNumLet, MidNum, MidLetter, ExtendNumLet).
  return c === 0x2e || c === 0x2c || c === 0x27 || c === 0x3a || c === 0x3b || c === 0x5f ? 'maybe' : 'apart';
}

function toGraphemes(text: string, s: number, e: number): [number, number] {
  if (s < text.length) {
    const g = segmentAt(graphemes, text, s);
    if (g.start < s) s = g.start;
  }
  if (e < text.length) {
    const g = segmentAt(graphemes, text, e);
    if (g.start < e) e = g.end;
  }
  return [s, e];
}

function ordered(text: string, start: number, end: number): [number, number] {
  for (const offset of [start, end]) {
    if (!Number.isInteger(offset) || offset < 0 || offset > text.length) {
      throw new RangeError(`offset ${offset} is outside the text (0..${text.length})`);
    }
  }
  return start <= end ? [start, end] : [end, start];
}

function isSpace(text: string, i: number): boolean {
  return /\s/.test(text.charAt(i));
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly wordLike: boolean;
}

/**
 * The segment holding the code unit at `at` (0 <= at < text.length). Only a window is segmented;
 * if the segment reaches the window's edge it may continue beyond it, so the window widens.
 */
function segmentAt(segmenter: Intl.Segmenter, text: string, at: number): Segment {
  for (let radius = WINDOW; ; radius *= 4) {
    const lo = windowStart(text, Math.max(0, at - radius));
    let hi = Math.min(text.length, at + radius + 1);
    if (isLowSurrogate(text.charCodeAt(hi)) && isHighSurrogate(text.charCodeAt(hi - 1))) hi++;
    const found = segmenter.segment(text.slice(lo, hi)).containing(at - lo);
    if (found === undefined) throw new Error(`no segment at ${at}`); // unreachable: at is inside the window
    const start = lo + found.index;
    const end = start + found.segment.length;
    if ((start > lo || lo === 0) && (end < hi || hi === text.length)) {
      return { start, end, wordLike: found.isWordLike === true };
    }
  }
}

/**
 * Moves a window start off the middle of a surrogate pair, and before any run of regional
 * indicators: flags pair up counting from the start of the run, so cutting a run shifts every flag.
 */
function windowStart(text: string, lo: number): number {
  if (lo > 0 && isLowSurrogate(text.charCodeAt(lo)) && isHighSurrogate(text.charCodeAt(lo - 1))) lo--;
  while (lo >= 2 && text.charCodeAt(lo - 2) === 0xd83c && isRegionalIndicatorLow(text.charCodeAt(lo - 1))) lo -= 2;
  return lo;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
/** Low surrogates of U+1F1E6..U+1F1FF (high surrogate 0xD83C). */
function isRegionalIndicatorLow(c: number): boolean {
  return c >= 0xdde6 && c <= 0xddff;
}
