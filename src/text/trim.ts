// Trimming by scanning from the ends. A regex such as /[\s.]+$/ or /\s+#+\s*$/ is tried at every
// start position and rescans the whole run each time, so a long run of spaces in untrusted text
// (a heading, a title, a file name) costs quadratic time; these cost only the characters removed.

/**
 * Whether a UTF-16 code unit is in JavaScript's \s (WhiteSpace and LineTerminator, as trim() uses):
 * the same set, listed so that a caller can test one unit without a regex (checked in the tests).
 */
export function isJsWhiteSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Index just after the last unit of `s[0, end)` that `drop` does not match (0 if all match). */
export function endWithout(s: string, drop: (c: number) => boolean, end = s.length): number {
  let i = end;
  while (i > 0 && drop(s.charCodeAt(i - 1))) i--;
  return i;
}

/** Index of the first unit of `s` that `drop` does not match (s.length if all match). */
export function startWithout(s: string, drop: (c: number) => boolean, start = 0): number {
  let i = start;
  while (i < s.length && drop(s.charCodeAt(i))) i++;
  return i;
}

/** `s` without the leading and trailing units `drop` matches: /^[x]+|[x]+$/g, in linear time. */
export function trimWhere(s: string, drop: (c: number) => boolean): string {
  const start = startWithout(s, drop);
  return start === s.length ? '' : s.slice(start, endWithout(s, drop));
}

/** White space or a full stop: what may not begin or end a file name. */
export const isSpaceOrDot = (c: number): boolean => c === 0x2e || isJsWhiteSpace(c);
