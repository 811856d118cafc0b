// Finds blocks whose text holds a very long run of spaces or tabs. The reader shows text with
// `white-space: pre-wrap` so that every character keeps its place; Chromium then shapes each of
// those spaces one by one, and a heading padded with 5 MB of spaces took seconds of layout on the
// UI thread. Such a block is shown with its runs collapsed (line breaks kept) instead: the DOM text,
// and so every offset, selection and highlight, stays exactly the article's text.
// Excluded: long runs of other characters (a 5 MB word) — they must be shaped to be shown at all.

/** A run at least this long is padding, not layout anyone reads: nobody aligns text with 256 spaces. */
export const LONG_SPACE_RUN = 256;

/** Whether text[start, end) holds a run of at least `min` spaces or tabs (one pass, no regex backtracking). */
export function hasLongSpaceRun(text: string, start = 0, end = text.length, min = LONG_SPACE_RUN): boolean {
  let run = 0;
  for (let i = Math.max(0, start), stop = Math.min(end, text.length); i < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09) {
      run += 1;
      if (run >= min) return true;
    } else run = 0;
  }
  return false;
}
