// Wire copy in the analysts' corpus opens with `date YYYY-MM-DD`, sometimes on its own line and
// sometimes run into the first sentence. The date becomes metadata and the UI sets the token apart,
// so both need its exact span; an impossible date is treated as ordinary text, not as metadata.

export interface DateLine {
  /** YYYY-MM-DD exactly as written. */
  readonly date: string;
  /** UTF-16 span of the `date YYYY-MM-DD` token, end exclusive. */
  readonly start: number;
  readonly end: number;
}

// Leading whitespace, the word, blanks, the date, and then not something that would make the
// date part of a longer token (2022-01-070, 2022-01-07-b, 2022-01-07x).
const DATE_LINE = /^(\s*)(date[ \t]+(\d{4})-(\d{2})-(\d{2}))(?![\p{L}\p{N}\p{M}_-])/iu;

export function findDateLine(text: string): DateLine | undefined {
  const m = DATE_LINE.exec(text);
  if (m === null) return undefined;
  const [, lead = '', token = '', y = '', mo = '', d = ''] = m;
  if (!isCalendarDate(Number(y), Number(mo), Number(d))) return undefined;
  return { date: `${y}-${mo}-${d}`, start: lead.length, end: lead.length + token.length };
}

/** True for a date that exists in the proleptic Gregorian calendar (month 1-12). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
