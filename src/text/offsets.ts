// Offsets: UTF-16 code units inside the app (what JavaScript strings and DOM Ranges use), Unicode
// code points in every export (what Python's str indexing and `[...text]` use). This file is the one
// audited place where one becomes the other.

/**
 * Converts many offsets at once in one pass over the text: O(text + n log n).
 * Throws RangeError for an offset outside [0, text.length] or one that splits a surrogate pair,
 * because such an offset cannot come from a valid selection and must never be exported silently.
 */
export function utf16ToCodePoints(text: string, offsets: readonly number[]): number[] {
  // Many offsets (a whole layer): one pass building a table beats sorting the offsets.
  if (offsets.length > 64 && offsets.length * 8 > text.length / 64) return viaTable(text, offsets);
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out = new Array<number>(offsets.length);
  let unit = 0;
  let cp = 0;
  for (const i of order) {
    const target = offsets[i]!;
    if (!Number.isInteger(target) || target < 0 || target > text.length) {
      throw new RangeError(`offset ${target} is outside the text (0..${text.length})`);
    }
    while (unit < target) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
      cp += 1;
    }
    if (unit !== target) throw new RangeError(`offset ${target} splits a surrogate pair`);
    out[i] = cp;
  }
  return out;
}

/** Code point index of every UTF-16 position (-1 inside a surrogate pair), then O(1) lookups. */
function viaTable(text: string, offsets: readonly number[]): number[] {
  const table = new Int32Array(text.length + 1);
  let cp = 0;
  for (let unit = 0; unit < text.length; unit++) {
    table[unit] = cp;
    const c = text.charCodeAt(unit);
    if (c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(unit + 1))) {
      table[unit + 1] = -1;
      unit += 1;
    }
    cp += 1;
  }
  table[text.length] = cp;
  return offsets.map((target) => {
    if (!Number.isInteger(target) || target < 0 || target > text.length) {
      throw new RangeError(`offset ${target} is outside the text (0..${text.length})`);
    }
    const v = table[target]!;
    if (v < 0) throw new RangeError(`offset ${target} splits a surrogate pair`);
    return v;
  });
}

/**
 * The inverse of utf16ToCodePoints. Returns undefined for an offset beyond the text's code point
 * length, so decoders can report where a bad offset is instead of throwing.
 */
export function codePointsToUtf16(text: string, offsets: readonly number[]): (number | undefined)[] {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a]! - offsets[b]!);
  const out = new Array<number | undefined>(offsets.length);
  let unit = 0;
  let cp = 0;
  for (const i of order) {
    const target = offsets[i]!;
    if (!Number.isInteger(target) || target < 0) {
      out[i] = undefined;
      continue;
    }
    while (cp < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && isLow(text.charCodeAt(unit + 1)) ? 2 : 1;
      cp += 1;
    }
    out[i] = cp === target ? unit : undefined;
  }
  return out;
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
