// A document's text as another tool's file holds it, and offsets into it. The tools count offsets
// in the text exactly as stored: a CRLF is two characters for Label Studio, doccano, spaCy and a
// W3C TextPositionSelector (Python's str and the DOM keep both), unlike brat, which reads with
// universal newlines. Spanmark's interchange text has LF endings, so every offset is converted in
// two steps here, both checked: the file's unit (code points or UTF-16) to UTF-16 in the raw text,
// then raw to LF-normalised. Not here: which unit a file uses (each codec decides and says).

import type { OffsetUnit } from '../registry/format.js';
import { codePointsToUtf16 } from '../../text/offsets.js';
import { normalizeNewlines } from '../../text/newlines.js';

export class SourceText {
  /** The text with LF line endings, what offsets of the interchange model refer to. */
  readonly text: string;
  /** UTF-16 index of every CR that is followed by LF (those are dropped by normalising). */
  private readonly crs: number[] = [];

  constructor(readonly raw: string) {
    this.text = normalizeNewlines(raw);
    for (let i = raw.indexOf('\r\n'); i !== -1; i = raw.indexOf('\r\n', i + 2)) this.crs.push(i);
  }

  /**
   * [start, end) in `unit` as UTF-16 offsets into the raw text, or undefined when they are not
   * whole numbers, are reversed or empty, run past the text, or split a surrogate pair.
   */
  rawRange(start: unknown, end: unknown, unit: OffsetUnit): { start: number; end: number } | undefined {
    if (typeof start !== 'number' || typeof end !== 'number' || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return undefined;
    if (start < 0 || end <= start) return undefined;
    if (unit === 'utf16') {
      if (end > this.raw.length || splits(this.raw, start) || splits(this.raw, end)) return undefined;
      return { start, end };
    }
    const [s, e] = codePointsToUtf16(this.raw, [start, end]);
    return s === undefined || e === undefined ? undefined : { start: s, end: e };
  }

  /** The raw slice an offset pair in `unit` covers, or undefined when the pair is not valid. */
  slice(start: unknown, end: unknown, unit: OffsetUnit): string | undefined {
    const r = this.rawRange(start, end, unit);
    return r && this.raw.slice(r.start, r.end);
  }

  /** A raw UTF-16 offset as an offset into the LF-normalised text. */
  normalized(rawOffset: number): number {
    let lo = 0;
    let hi = this.crs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.crs[mid]! < rawOffset) lo = mid + 1;
      else hi = mid;
    }
    return rawOffset - lo;
  }

  /** A raw range as a range of the normalised text (what InterchangeAnnotation holds). */
  toText(r: { start: number; end: number }): { start: number; end: number } {
    return { start: this.normalized(r.start), end: this.normalized(r.end) };
  }
}

function splits(s: string, at: number): boolean {
  if (at <= 0 || at >= s.length) return false;
  const hi = s.charCodeAt(at - 1);
  const lo = s.charCodeAt(at);
  return hi >= 0xd800 && hi <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff;
}

/**
 * Which unit a file's offsets are in, judged from every span whose own quote it holds: the first of
 * `units` under which every quote matches its slice. `undefined` when none fits them all (the
 * caller reports each span that fits no unit, with its path).
 */
export function unitFittingAll(
  spans: readonly { readonly source: SourceText; readonly start: unknown; readonly end: unknown; readonly quote: string | undefined }[],
  units: readonly OffsetUnit[],
): OffsetUnit | undefined {
  return units.find((u) =>
    spans.every((s) => {
      const slice = s.source.slice(s.start, s.end, u);
      return slice !== undefined && (s.quote === undefined || slice === s.quote);
    }),
  );
}
