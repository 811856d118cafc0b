// When an article's text changes (a corrected figure, an added paragraph, re-flowed whitespace)
// its annotations must follow their words, and none may silently vanish. Each annotation is placed
// in the new text the way Hypothesis anchors a TextQuoteSelector: its old position first, when the
// quote is still there and its context agrees; else the quote searched exactly, then approximately
// (approx-string-match, Myers' bit-parallel matcher, the library Hypothesis uses), every candidate
// scored by how well the quote, its prefix and suffix, and its position agree. A span placed
// anywhere but its old position is "moved" and waits for the analyst's confirmation; a span that
// cannot be placed with confidence is an "orphan", kept with its quote, never dropped.
//
// Offsets are UTF-16 code units (as everywhere inside Spanmark); context is measured in code
// points. Not here: the UI that lists moved spans and orphans, and writing records.

import approxSearch from 'approx-string-match';
import { expandToGraphemes } from '../text/word-snap.js';

/** Context kept on each side of a quote, in code points (what Hypothesis keeps). */
export const CONTEXT_CODE_POINTS = 32;

/** An annotation as it was anchored in the old text. */
export interface OldAnchor {
  readonly id: string;
  /** UTF-16 offsets into the old text. */
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  /** Up to CONTEXT_CODE_POINTS code points before and after the quote in the old text. */
  readonly prefix?: string;
  readonly suffix?: string;
}

export interface Placement {
  readonly id: string;
  /** 'exact': same offsets, same quote, context agrees. 'moved': placed elsewhere or changed. */
  readonly status: 'exact' | 'moved';
  readonly start: number;
  readonly end: number;
  /** The new text's slice: may differ from the old quote when the words themselves changed. */
  readonly quote: string;
  readonly was: OldAnchor;
  /** Edits (insertions, deletions, substitutions) between the old quote and the new one. */
  readonly quoteErrors: number;
  /** 0..1: how well quote, prefix, suffix and position agree (1 = all identical). */
  readonly score: number;
}

export interface Orphan {
  readonly id: string;
  readonly status: 'orphan';
  readonly quote: string;
  readonly was: OldAnchor;
  /** Why no place was good enough, for the orphans list. */
  readonly reason: string;
}

export type Reanchored = Placement | Orphan;

export interface ReanchorReport {
  /** One entry per input anchor, in input order. */
  readonly all: readonly Reanchored[];
  readonly exact: readonly Placement[];
  readonly moved: readonly Placement[];
  readonly orphans: readonly Orphan[];
}

/** Up to `size` code points of context before and after [start, end) of `text`. */
export function quoteContext(text: string, start: number, end: number, size = CONTEXT_CODE_POINTS): { prefix: string; suffix: string } {
  let ps = start;
  for (let n = 0; n < size && ps > 0; n++) ps -= isLowAt(text, ps - 1) && isHighAt(text, ps - 2) ? 2 : 1;
  let se = end;
  for (let n = 0; n < size && se < text.length; n++) se += isHighAt(text, se) && isLowAt(text, se + 1) ? 2 : 1;
  return { prefix: text.slice(ps, start), suffix: text.slice(end, se) };
}

/** The anchor of an annotation in `oldText`, context taken from that text. */
export function anchorIn(oldText: string, a: { readonly id: string; readonly start: number; readonly end: number }): OldAnchor {
  return { id: a.id, start: a.start, end: a.end, quote: oldText.slice(a.start, a.end), ...quoteContext(oldText, a.start, a.end) };
}

/** Re-anchors every annotation in `newText`; nothing is dropped (orphans keep their quote). */
export function reanchor(newText: string, anchors: readonly OldAnchor[]): ReanchorReport {
  // Text moves in runs: the shift of the previous placed span (in old text order) is the best guess
  // for the next one, so where two places have the same context the one that keeps the order wins.
  const order = anchors.map((_, i) => i).sort((x, y) => anchors[x]!.start - anchors[y]!.start);
  const all = new Array<Reanchored>(anchors.length);
  let shift = 0;
  for (const i of order) {
    const a = anchors[i]!;
    const r = reanchorOne(newText, a, a.start + shift);
    if (r.status !== 'orphan') shift = r.start - a.start;
    all[i] = r;
  }
  return {
    all,
    exact: all.filter((r): r is Placement => r.status === 'exact'),
    moved: all.filter((r): r is Placement => r.status === 'moved'),
    orphans: all.filter((r): r is Orphan => r.status === 'orphan'),
  };
}

/**
 * The whole step for a caller holding both texts (File › Replace text…, or an import whose text
 * differs from the library's copy): context taken from the old text, every span placed in the new.
 */
export function reanchorText(
  oldText: string,
  newText: string,
  spans: readonly { readonly id: string; readonly start: number; readonly end: number }[],
): ReanchorReport {
  return reanchor(
    newText,
    spans.map((s) => anchorIn(oldText, s)),
  );
}

// Weights as Hypothesis balances them: the quote matters most, context decides between equal
// quotes, position only breaks ties.
const W_QUOTE = 50;
const W_PREFIX = 20;
const W_SUFFIX = 20;
const W_POSITION = 2;

/** Below this, context is taken as contradicting a candidate (less than half of it agrees). */
const MIN_CONTEXT = 0.5;
/**
 * A verbatim quote this long (code units) found exactly once needs no context: a phrase, not a
 * name that may have stood elsewhere in the old text too.
 */
const UNIQUE_QUOTE = 24;
/** A changed quote must keep at least this share of itself. */
const MIN_QUOTE = 0.5;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

interface Scored extends Candidate {
  quoteScore: number;
  context: number;
  score: number;
}

/** `hint`: where the span is expected to start in the new text (its old start when unknown). */
export function reanchorOne(newText: string, a: OldAnchor, hint = a.start): Reanchored {
  const orphan = (reason: string): Orphan => ({ id: a.id, status: 'orphan', quote: a.quote, was: a, reason });
  if (a.quote.length === 0) return orphan('The annotation has no quote to look for.');
  const q: Query = { text: newText, a, hint: Number.isFinite(hint) ? hint : 0, prefix: a.prefix ?? '', suffix: a.suffix ?? '' };

  // Position first: the quote still there with its context intact needs no search.
  if (Number.isInteger(a.start) && a.start >= 0 && newText.slice(a.start, a.start + a.quote.length) === a.quote) {
    const here = score(q, { start: a.start, end: a.start + a.quote.length, errors: 0 });
    if (here.context === 1 && !cutsGrapheme(newText, here.start, here.end)) return placement(a, statusAt(a, here), newText, here);
  }

  // Near the expected place next, so a long text costs a window per span, not the whole text: a
  // place found there is taken only when quote and context agree strongly (anything less might be
  // a lookalike beside a better place further away), else the whole text is searched.
  const reach = NEAR + 4 * a.quote.length;
  const from = Math.max(0, Math.min(newText.length, q.hint - reach));
  const to = Math.min(newText.length, Math.max(0, q.hint + a.quote.length + reach));
  if (from > 0 || to < newText.length) {
    const near = search(q, from, to);
    if (typeof near !== 'string' && near.context >= STRONG && near.quoteScore >= STRONG) return placement(a, statusAt(a, near), newText, near);
  }
  const found = search(q, 0, newText.length);
  return typeof found === 'string' ? orphan(found) : placement(a, statusAt(a, found), newText, found);
}

interface Query {
  readonly text: string;
  readonly a: OldAnchor;
  readonly hint: number;
  readonly prefix: string;
  readonly suffix: string;
}

/** Code units searched on each side of the expected place before the whole text. */
const NEAR = 2048;
/** What "agree strongly" means for a place found near the expected one. */
const STRONG = 0.75;

/** The best place for the quote within [from, to) of the text, or why there is none. */
function search(q: Query, from: number, to: number): Scored | string {
  const { text, a } = q;
  // The quote verbatim, the old position among the candidates: the one whose context agrees best
  // (the old position wins ties), accepted when its context agrees or when it is the only one.
  const exact = exactCandidates(text, a.quote, from, to);
  const bestExact = bestUncut(
    text,
    shortlist(q, exact).map((c) => score(q, c)),
  );
  // A unique, long quote is its own evidence even where its context was rewritten; "unique" only
  // means something when the whole text was searched.
  const whole = from === 0 && to === text.length;
  const unique = whole && exact.length === 1 && (a.quote.length >= UNIQUE_QUOTE || (q.prefix === '' && q.suffix === ''));
  if (bestExact && (bestExact.context >= MIN_CONTEXT || unique)) return bestExact;

  // The quote changed: approximate matches; the chosen one widened to whole grapheme clusters.
  const maxErrors = Math.min(256, Math.floor(a.quote.length / 2));
  const approx =
    maxErrors > 0 ? approxSearch(text.slice(from, to), a.quote, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors })) : [];
  const scored = shortlist(q, approx).map((c) => score(q, c));
  if (bestExact) scored.push(bestExact);
  let top = best(scored);
  if (top && cutsGrapheme(text, top.start, top.end)) {
    const g = expandToGraphemes(text, top.start, top.end);
    top = g ? score(q, { start: g.start, end: g.end, errors: top.errors }) : top;
  }
  const hasContext = q.prefix !== '' || q.suffix !== '';
  if (!top || top.quoteScore < MIN_QUOTE) return `"${a.quote}" is nowhere in the new text, not even approximately.`;
  if (hasContext && top.context < MIN_CONTEXT) return `"${a.quote}" no longer stands in its context.`;
  if (!hasContext && top.errors > 0) return `"${a.quote}" changed and has no context to confirm where it went.`;
  return top;
}

/** Candidates scored in full at most; more are ranked cheaply first. */
const SHORTLIST = 64;
/** The nearest candidates to the expected place always stay on the shortlist. */
const NEAREST = 8;

/**
 * A short quote ("18", "the") can stand thousands of times in a long text, and scoring each with
 * approximate context matching would make one span cost the whole text many times over. Beyond
 * SHORTLIST candidates, each is ranked by how many characters of its context agree exactly next
 * to it (a cheap, aligned comparison), and only the best, plus the nearest to the expected place,
 * are scored in full.
 */
function shortlist(q: Query, cs: readonly Candidate[]): readonly Candidate[] {
  if (cs.length <= SHORTLIST) return cs;
  const { text, prefix, suffix } = q;
  const agree = (c: Candidate): number => {
    let n = 0;
    while (n < prefix.length && text.charCodeAt(c.start - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
    let m = 0;
    while (m < suffix.length && text.charCodeAt(c.end + m) === suffix.charCodeAt(m)) m++;
    return n + m;
  };
  const ranked = cs.map((c) => ({ c, agree: agree(c), distance: Math.abs(c.start - q.hint) }));
  const keep = new Set(ranked.sort((x, y) => y.agree - x.agree || x.distance - y.distance).slice(0, SHORTLIST));
  for (const r of [...ranked].sort((x, y) => x.distance - y.distance).slice(0, NEAREST)) keep.add(r);
  return [...keep].map((r) => r.c);
}

/** The best-scored candidate that does not cut a grapheme cluster (checked best first: segmenting is dear). */
function bestUncut(text: string, cs: Scored[]): Scored | undefined {
  return cs.sort((x, y) => y.score - x.score).find((c) => !cutsGrapheme(text, c.start, c.end));
}

/** Exact only where nothing moved and the words are the same. */
function statusAt(a: OldAnchor, c: Candidate): 'exact' | 'moved' {
  return c.start === a.start && c.end === a.end && c.errors === 0 ? 'exact' : 'moved';
}

function placement(a: OldAnchor, status: 'exact' | 'moved', text: string, c: Scored): Placement {
  return { id: a.id, status, start: c.start, end: c.end, quote: text.slice(c.start, c.end), was: a, quoteErrors: c.errors, score: c.score };
}

function best(cs: readonly Scored[]): Scored | undefined {
  let top: Scored | undefined;
  for (const c of cs) if (!top || c.score > top.score) top = c;
  return top;
}

function exactCandidates(text: string, quote: string, from: number, to: number): Candidate[] {
  // Searched in the window's own slice: indexOf on the whole text would run on past `to`.
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  const out: Candidate[] = [];
  for (let i = window.indexOf(quote); i !== -1; i = window.indexOf(quote, i + 1)) out.push({ start: from + i, end: from + i + quote.length, errors: 0 });
  return out;
}

function score(q: Query, c: Candidate): Scored {
  const { text, a, hint, prefix, suffix } = q;
  const quoteScore = 1 - c.errors / a.quote.length;
  const p = prefix === '' ? undefined : similarity(prefix, text.slice(Math.max(0, c.start - prefix.length), c.start));
  const s = suffix === '' ? undefined : similarity(suffix, text.slice(c.end, c.end + suffix.length));
  // An absent side gives no evidence either way; a quote at the very start (or end) of a text
  // keeps an empty prefix (suffix), which agrees only with a place at the start (end) again.
  const parts = [p, s].filter((x): x is number => x !== undefined);
  const context = parts.length === 0 ? 1 : parts.reduce((x, y) => x + y, 0) / parts.length;
  const position = text.length === 0 ? 1 : 1 - Math.abs(c.start - hint) / Math.max(text.length, 1);
  const total = W_QUOTE * quoteScore + W_PREFIX * (p ?? context) + W_SUFFIX * (s ?? context) + W_POSITION * Math.max(0, position);
  return { ...c, quoteScore, context, score: total / (W_QUOTE + W_PREFIX + W_SUFFIX + W_POSITION) };
}

/** 1 - edits/length for the best approximate occurrence of `expected` in `found` (Hypothesis' textMatchScore). */
function similarity(expected: string, found: string): number {
  if (found === expected) return 1;
  if (found.length === 0) return 0;
  const matches = approxSearch(found, expected, expected.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return Math.max(0, 1 - errors / expected.length);
}

function cutsGrapheme(text: string, start: number, end: number): boolean {
  const g = expandToGraphemes(text, start, end);
  return !g || g.start !== start || g.end !== end;
}

function isHighAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
