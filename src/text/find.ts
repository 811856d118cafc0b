// Find in the article: every occurrence of a literal query (never a regex) as UTF-16 spans into the
// text, so matches paint and tag with the same offsets as any selection. Case-insensitive search
// folds code point by code point and keeps a fold only when it leaves the code point's UTF-16
// length unchanged: the folded text is then exactly as long as the text, and an offset in one is
// the same offset in the other. A fold that would change length (toLowerCase of 'İ' is two code
// points, 'ß' upper-cases to 'SS') leaves that character matching only itself.
// Excluded: locale-specific rules (Turkish dotless i), canonical equivalence (a precomposed 'é'
// does not match 'e' + U+0301) and ignoring diacritics: what is found is what is written.

import { cutsWord, type Span } from './word-snap.js';

export interface FindOptions {
  readonly caseSensitive?: boolean;
  /** Only matches whose ends fall on word boundaries, as word snapping defines them. */
  readonly wholeWord?: boolean;
}

/**
 * Every non-overlapping occurrence of `query` in `text`, in text order (the next search starts
 * where a match ends). An empty query finds nothing. A match never begins or ends inside a
 * surrogate pair.
 */
export function findMatches(text: string, query: string, options: FindOptions = {}): Span[] {
  if (query.length === 0 || query.length > text.length) return [];
  const haystack = options.caseSensitive ? text : foldedText(text);
  const needle = options.caseSensitive ? query : foldCase(query);
  const out: Span[] = [];
  for (let at = haystack.indexOf(needle); at >= 0;) {
    const end = at + needle.length;
    if (!splitsPair(text, at) && !splitsPair(text, end) && (!options.wholeWord || (!cutsWord(text, at) && !cutsWord(text, end)))) {
      out.push({ start: at, end });
      at = haystack.indexOf(needle, end);
    } else {
      at = haystack.indexOf(needle, at + 1);
    }
  }
  return out;
}

/**
 * The text with each code point case-folded where the fold keeps its UTF-16 length, so the result
 * is exactly as long as the input. Locale-independent (toLowerCase/toUpperCase, not the locale
 * variants). Lower(upper(c)), so final sigma 'ς' folds like 'σ' and long 'ſ' like 's', as Unicode's
 * default case folding has it; dotless 'ı', which that folding keeps apart from 'i', stays itself.
 */
export function foldCase(text: string): string {
  // Plain ASCII, the bulk of most articles, folds natively without a step per character.
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  const codes = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) codes[i] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
      const folded = foldCodePoint(text.codePointAt(i)!);
      codes[i] = 0xd800 + ((folded - 0x10000) >> 10);
      codes[i + 1] = 0xdc00 + ((folded - 0x10000) & 0x3ff);
      i++;
    } else codes[i] = foldCodePoint(c);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.subarray(i, i + 8192));
  return out;
}

/** The last text folded: the find bar searches one article again and again as the query is typed. */
let lastFold: { readonly text: string; readonly folded: string } | undefined;

function foldedText(text: string): string {
  if (lastFold?.text !== text) lastFold = { text, folded: foldCase(text) };
  return lastFold.folded;
}

const folds = new Map<number, number>();

function foldCodePoint(cp: number): number {
  let folded = folds.get(cp);
  if (folded === undefined) {
    const c = String.fromCodePoint(cp);
    const upper = c.toUpperCase();
    const viaUpper = onlyCodePoint(upper) !== undefined ? onlyCodePoint(upper.toLowerCase()) : undefined;
    folded = cp === 0x131 ? cp : (viaUpper ?? onlyCodePoint(c.toLowerCase()) ?? cp);
    // Only a fold of the same UTF-16 width keeps offsets exact.
    if (folded > 0xffff !== cp > 0xffff) folded = cp;
    folds.set(cp, folded);
  }
  return folded;
}

/** The code point `s` consists of, when it is exactly one. */
function onlyCodePoint(s: string): number | undefined {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function splitsPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

/** Index of the first match that starts at or after `offset`, wrapping to 0; -1 when there are none. */
export function matchAtOrAfter(matches: readonly Span[], offset: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === matches.length ? 0 : lo;
}
