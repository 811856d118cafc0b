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

/** Tokens in text order; linear in the text. */
export function tokenize(text: string): Token[] {
  const re = new RegExp(TOKEN_PATTERN.source, TOKEN_PATTERN.flags);
  const tokens: Token[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    tokens.push({ start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}
