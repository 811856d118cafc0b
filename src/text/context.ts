// The text around a span, counted in code points: what v2 exports write as an annotation's
// `prefix` and `suffix` so a reader can find the quote again in a changed text. Offsets are UTF-16
// (as stored); the walk steps over whole surrogate pairs, so a cut never leaves half an emoji.
// Grapheme clusters are not kept whole: a ZWJ sequence may be cut between its code points.

/** Up to `n` code points of `text` ending at UTF-16 offset `at`. */
export function textBefore(text: string, at: number, n: number): string {
  let i = at;
  for (let k = 0; k < n && i > 0; k++) {
    i -= 1;
    if (isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1))) i -= 1;
  }
  return text.slice(i, at);
}

/** Up to `n` code points of `text` starting at UTF-16 offset `at`. */
export function textAfter(text: string, at: number, n: number): string {
  let i = at;
  for (let k = 0; k < n && i < text.length; k++) {
    i += isHigh(text.charCodeAt(i)) && i + 1 < text.length && isLow(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return text.slice(at, i);
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
