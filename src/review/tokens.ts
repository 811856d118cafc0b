// The token grid that token-level agreement (kappa, alpha) is computed over. Deliberately a fixed
// regular expression rather than Intl.Segmenter: the result must be identical in every runtime and
// locale, or two machines would report different kappas for the same layers.

/** [start, end) in UTF-16 code units into the tokenized text. */
export interface Token {
  readonly start: number;
  readonly end: number;
}

/**
 * A token is a maximal run of letters, marks and digits (\p{L}\p{M}\p{N}), or any single other
 * code point that is not whitespace (\s: Unicode White_Space plus U+FEFF). Code points, not code
 * units: an emoji outside the BMP is one token. ZWJ (U+200D, Cf), regional indicators and emoji
 * are tokens of their own, so a ZWJ family is 7 tokens and a flag 2; a variation selector or
 * combining mark is \p{M} and joins the run it follows, or starts one after a symbol.
 */
export const TOKEN_PATTERN = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * TOKEN_PATTERN with the run bounded: an unbounded `+` over a /u class with astral members keeps
 * one backtrack entry per character, and a few million letters outside Latin-1 without a break
 * overflowed the stack. A longer run comes back in pieces, which tokenize joins again: two word
 * pieces can only be adjacent when one run was cut (a maximal run never touches another).
 */
const BOUNDED_PATTERN = /([\p{L}\p{M}\p{N}]{1,4096})|[^\s\p{L}\p{M}\p{N}]/gu;

/** Tokens in text order; linear in the text, and no stack depth that grows with it. */
export function tokenize(text: string): Token[] {
  const re = new RegExp(BOUNDED_PATTERN.source, BOUNDED_PATTERN.flags);
  const tokens: Token[] = [];
  let lastWasWord = false;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const word = m[1] !== undefined;
    const last = tokens[tokens.length - 1];
    if (word && lastWasWord && last !== undefined && last.end === start) tokens[tokens.length - 1] = { start: last.start, end };
    else tokens.push({ start, end });
    lastWasWord = word;
  }
  return tokens;
}
