// Tokens for a spaCy / Prodigy record written by Spanmark: Unicode word segments (so an emoji ZWJ
// sequence or a letter with combining marks stays one token), split further at every span boundary
// so each span starts and ends on a token, as Prodigy requires. Whitespace is not a token unless a
// span begins or ends exactly on it. Offsets are UTF-16 here; the encoder converts them.

export interface Tok {
  readonly start: number;
  readonly end: number;
  /** Whitespace follows the token (spaCy's `whitespace_`, Prodigy's `ws`). */
  readonly ws: boolean;
}

const words = new Intl.Segmenter('en', { granularity: 'word' });

export function tokenize(text: string, spans: readonly { readonly start: number; readonly end: number }[]): Tok[] {
  const cuts = new Set<number>();
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const s of spans) {
    cuts.add(s.start).add(s.end);
    starts.add(s.start);
    ends.add(s.end);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const pieces: { start: number; end: number }[] = [];
  let c = 0;
  for (const seg of words.segment(text)) {
    const segEnd = seg.index + seg.segment.length;
    let from = seg.index;
    while (c < sortedCuts.length && sortedCuts[c]! <= from) c++;
    for (let k = c; k < sortedCuts.length && sortedCuts[k]! < segEnd; k++) {
      pieces.push({ start: from, end: sortedCuts[k]! });
      from = sortedCuts[k]!;
    }
    pieces.push({ start: from, end: segEnd });
  }
  const kept = pieces.filter((p) => !/^\s+$/.test(text.slice(p.start, p.end)) || starts.has(p.start) || ends.has(p.end));
  return kept.map((p) => ({ ...p, ws: /^\s/.test(text.slice(p.end, p.end + 1)) }));
}
