// Offsets: UTF-16 code units inside the app (what JavaScript strings and DOM Ranges use), Unicode
// code points in every export (what Python's str indexing and `[...text]` use). This file is the one
// audited place where one becomes the other.

/**
 * Converts many offsets at once: O(text) to find the surrogate pairs (a native regex scan), then
 * O(log pairs) per offset, since an offset's code point index is the offset minus the pairs that
 * end before it. Throws RangeError for an offset outside [0, text.length] or one that splits a
 * surrogate pair, because such an offset cannot come from a valid selection and must never be
 * exported silently. A lone surrogate counts as one code point, as `[...text]` counts it.
 */
export function utf16ToCodePoints(text: string, offsets: readonly number[]): number[] {
  const pairs = surrogatePairStarts(text);
  const out = new Array<number>(offsets.length);
  for (let i = 0; i < offsets.length; i++) {
    const target = offsets[i]!;
    if (!Number.isInteger(target) || target < 0 || target > text.length) {
      throw new RangeError(`offset ${target} is outside the text (0..${text.length})`);
    }
    const before = countBelow(pairs, target);
    if (before > 0 && pairs[before - 1] === target - 1) throw new RangeError(`offset ${target} splits a surrogate pair`);
    out[i] = target - before;
  }
  return out;
}

// Without the u flag a regex sees code units, so this matches exactly the well-formed pairs.
const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** UTF-16 index of the high half of every surrogate pair, ascending. */
function surrogatePairStarts(text: string): number[] {
  const starts: number[] = [];
  SURROGATE_PAIR.lastIndex = 0;
  for (let m = SURROGATE_PAIR.exec(text); m !== null; m = SURROGATE_PAIR.exec(text)) starts.push(m.index);
  return starts;
}

/** How many of the ascending values are below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Code point offsets of one text, converted to UTF-16 one at a time after one scan of the text. */
export interface CodePointMap {
  /** The text's length in code points. */
  readonly length: number;
  /** The UTF-16 offset of a code point offset, or undefined beyond the text (or not a whole number ≥ 0). */
  toUtf16(offset: number): number | undefined;
}

/** Same method as utf16ToCodePoints: a code point offset is that many units plus the pairs that start before it. */
export function codePointMap(text: string): CodePointMap {
  const pairs = surrogatePairStarts(text);
  // From each pair's unit index to its code point index: every earlier pair took one unit more.
  for (let k = 0; k < pairs.length; k++) pairs[k] = pairs[k]! - k;
  const length = text.length - pairs.length;
  return {
    length,
    toUtf16: (offset) => (Number.isInteger(offset) && offset >= 0 && offset <= length ? offset + countBelow(pairs, offset) : undefined),
  };
}

/**
 * The inverse of utf16ToCodePoints. Returns undefined for an offset beyond the text's code point
 * length, so decoders can report where a bad offset is instead of throwing.
 */
export function codePointsToUtf16(text: string, offsets: readonly number[]): (number | undefined)[] {
  const map = codePointMap(text);
  return offsets.map((offset) => map.toUtf16(offset));
}

export function codePointLength(text: string): number {
  return utf16ToCodePoints(text, [text.length])[0]!;
}

/** True when a UTF-16 offset falls between the halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
