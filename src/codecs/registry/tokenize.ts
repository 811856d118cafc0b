// How Spanmark cuts a text into tokens when a format needs tokens (CoNLL, WebAnno TSV). A fixed
// regular expression, not Intl.Segmenter, so every runtime and locale writes the same file; unlike
// the agreement grid (review/tokens.ts) an emoji sequence stays one token, because a CoNLL file
// rebuilds its text by joining tokens with spaces and a ZWJ family must not fall apart there.
//
// A token is: a run of letters, marks and digits; or one emoji sequence (flag pair, ZWJ sequence,
// modifiers, variation selectors, tag characters); or one other character that is not whitespace,
// with the combining marks that follow it. Whitespace (\s) separates tokens and belongs to none.

// Variation selectors (FE0F) and the keycap (20E3) are \p{M}; skin tones are not.
const EMOJI_PART = String.raw`\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\p{M})*[\u{E0020}-\u{E007F}]*`;
export const TOKEN_RE = new RegExp(
  String.raw`[\p{L}\p{M}\p{N}]+|\p{Regional_Indicator}{2}|${EMOJI_PART}(?:\u200D${EMOJI_PART})*|[^\s\p{L}\p{M}\p{N}](?:\p{M}|\u200D)*`,
  'gu',
);

export interface TokenRange {
  readonly start: number;
  readonly end: number;
}

/** Tokens of `text` in UTF-16 offsets, in order, never overlapping and never containing whitespace. */
export function tokenize(text: string): TokenRange[] {
  const out: TokenRange[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** The tokens further cut at every given boundary that falls inside one (for spans that start or end mid-token). */
export function splitAt(tokens: readonly TokenRange[], boundaries: Iterable<number>): TokenRange[] {
  const cuts = [...new Set(boundaries)].sort((a, b) => a - b);
  const out: TokenRange[] = [];
  let c = 0;
  for (const t of tokens) {
    let from = t.start;
    while (c < cuts.length && cuts[c]! <= t.start) c++;
    let k = c;
    while (k < cuts.length && cuts[k]! < t.end) {
      out.push({ start: from, end: cuts[k]! });
      from = cuts[k]!;
      k++;
    }
    out.push({ start: from, end: t.end });
  }
  return out;
}
