// Finds blocks whose text holds a very long run of spaces or tabs. The reader shows text with
// `white-space: pre-wrap` so that every character keeps its place; Chromium then shapes each of
// those spaces one by one, and a heading padded with 5 MB of spaces took seconds of layout on the
// UI thread. Such a block is shown with its runs collapsed (line breaks kept) instead: the DOM text,
// and so every offset, selection and highlight, stays exactly the article's text.
// Excluded: long runs of other characters (a 5 MB word) — they must be shaped to be shown at all.

/** A run at least this long is padding, not layout anyone reads: nobody aligns text with 256 spaces. */
export const LONG_SPACE_RUN = 256;

/** Long runs are found from a native search for this many spaces, so ordinary text costs one indexOf. */
const SEED = ' '.repeat(32);

export interface SpaceRun {
  readonly start: number;
  readonly end: number;
}

/**
 * Every run of at least `min` spaces or tabs in `text`, in order. One native search over the text
 * plus a walk over each candidate run: linear, whatever the text holds. A run is found from 32
 * consecutive spaces in it; runs mixing in tabs more often than that are not found, and cost little
 * to lay out anyway (tabs are not shaped one by one).
 */
export function longSpaceRuns(text: string, min = LONG_SPACE_RUN): SpaceRun[] {
  const out: SpaceRun[] = [];
  const seed = min >= SEED.length ? SEED : ' '.repeat(Math.max(1, min));
  let at = text.indexOf(seed);
  while (at !== -1) {
    let start = at;
    while (start > 0 && isSpace(text.charCodeAt(start - 1))) start -= 1;
    let end = at + seed.length;
    while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    if (end - start >= min) out.push({ start, end });
    at = text.indexOf(seed, end);
  }
  return out;
}

/** Whether one of `runs` (from `longSpaceRuns`) has at least `min` of its characters inside [start, end). */
export function hasLongSpaceRunIn(runs: readonly SpaceRun[], start: number, end: number, min = LONG_SPACE_RUN): boolean {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < runs.length && runs[i]!.start < end; i++) {
    if (Math.min(end, runs[i]!.end) - Math.max(start, runs[i]!.start) >= min) return true;
  }
  return false;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09;
}
