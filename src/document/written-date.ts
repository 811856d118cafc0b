// Web pages state their date in many ways: machine-readable (`2022-01-07T09:30:00+06:00` in a
// meta tag or <time datetime>) or written in a byline ("7 January 2022", "January 7, 2022").
// Both become YYYY-MM-DD as the publisher wrote it: the time zone is not converted, since the
// date on the page is the one the analyst cites. English month names only; anything else is
// left undated rather than guessed.

import { isCalendarDate } from './date-line.js';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const ORDINAL = '(?:st|nd|rd|th)?';

const ISO_START = /^\s*(\d{4})-(\d{2})-(\d{2})(?![\d])/;
const ISO = /(?<![\p{L}\p{N}-])(\d{4})-(\d{2})-(\d{2})(?!\p{N}|-\p{N})/u;
const DAY_MONTH_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})(?![\\p{L}\\p{N}])`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`(?<![\\p{L}\\p{N}])${MONTH}\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?![\\p{L}\\p{N}])`, 'iu');

/** Longest text looked at: a byline, not an article; also bounds the work on hostile input. */
const MAX_TEXT = 400;

/** A machine-readable date (ISO 8601, possibly with a time) at the start of `value`, as YYYY-MM-DD. */
export function machineDate(value: string): string | undefined {
  const m = ISO_START.exec(value.slice(0, 64));
  return m ? ymd(m[1]!, Number(m[2]), Number(m[3])) : undefined;
}

/** The first date written in a short text ("By a correspondent · 7 January 2022"), as YYYY-MM-DD. */
export function writtenDate(text: string): string | undefined {
  const short = text.slice(0, MAX_TEXT);
  const found: { at: number; date: string | undefined }[] = [];
  const iso = ISO.exec(short);
  if (iso) found.push({ at: iso.index, date: ymd(iso[1]!, Number(iso[2]), Number(iso[3])) });
  const dmy = DAY_MONTH_YEAR.exec(short);
  if (dmy) found.push({ at: dmy.index, date: ymd(dmy[3]!, monthNumber(dmy[2]!), Number(dmy[1])) });
  const mdy = MONTH_DAY_YEAR.exec(short);
  if (mdy) found.push({ at: mdy.index, date: ymd(mdy[3]!, monthNumber(mdy[1]!), Number(mdy[2])) });
  found.sort((a, b) => a.at - b.at);
  return found.find((f) => f.date !== undefined)?.date;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function ymd(year: string, month: number, day: number): string | undefined {
  if (!isCalendarDate(Number(year), month, day)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
