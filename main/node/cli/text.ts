// Printing strings that come from untrusted files (titles, annotator names, quotes in messages) to
// a terminal, and lining them up. A title holding an escape sequence or a bidi override must not be
// able to repaint the screen or reorder a table, so such characters are shown as \u{…} instead.

// C0 and C1 controls (an ESC starts a terminal escape sequence), DEL, bidi marks, embeddings,
// overrides and isolates, and the line and paragraph separators.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `s` with every character that could disturb a terminal written as a visible \u{…} escape. */
export function printable(s: string): string {
  return s.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}

// Zero width: combining marks, format characters (ZWJ, variation selectors are \p{M}).
const ZERO = /^[\p{M}\p{Cf}]$/u;
// East Asian wide and fullwidth ranges and emoji: two terminal columns each.
const WIDE =
  /^[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]$/u;

/** Terminal columns `s` takes, closely enough to align tables of names and titles. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ZERO.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
