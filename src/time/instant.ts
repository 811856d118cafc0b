// Which of two timestamps is later, and the one spelling Spanmark stores. RFC 3339 allows many
// spellings of one instant (offsets like +05:00, no or long fractions, lower-case t and z, as Python's
// isoformat() writes), so comparing the strings lets an older copy win; these compare instants.
// Only strings that isIsoDateTime accepts are instants here; leap seconds are excluded there.

import { endWithout } from '../text/trim.js';
import { digits, isIsoDateTime } from '../validation/date-time.js';

/** An instant: whole milliseconds since 1970 (UTC), plus the fraction digits below a millisecond. */
interface Instant {
  readonly ms: number;
  /** Fraction digits after the third, trailing zeros removed ("" when none). */
  readonly subMs: string;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): any year, no Date quirks for years < 100. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function parse(value: string): Instant | undefined {
  if (!isIsoDateTime(value)) return undefined;
  const last = value.charCodeAt(value.length - 1);
  const zoneAt = last === 90 || last === 122 ? value.length - 1 : value.length - 6;
  let offsetMinutes = 0;
  if (zoneAt === value.length - 6) {
    offsetMinutes = (digits(value, zoneAt + 1, 2) * 60 + digits(value, zoneAt + 4, 2)) * (value[zoneAt] === '-' ? -1 : 1);
  }
  const fraction = value.charCodeAt(19) === 46 ? value.slice(20, zoneAt) : '';
  const ms3 = Number(fraction.slice(0, 3).padEnd(3, '0'));
  const days = daysFromCivil(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2));
  const seconds = ((days * 24 + digits(value, 11, 2)) * 60 + digits(value, 14, 2) - offsetMinutes) * 60 + digits(value, 17, 2);
  return {
    ms: seconds * 1000 + ms3,
    subMs: fraction.slice(
      3,
      endWithout(fraction, (c) => c === 0x30),
    ),
  };
}

/**
 * Negative when a is earlier than b, positive when later, 0 for the same instant however spelled.
 * Exact to every fraction digit. A string that is not an RFC 3339 date-time counts as earlier than
 * any instant (and equal to another such string), so an unreadable stamp never wins.
 */
export function compareInstants(a: string, b: string): number {
  const x = parse(a);
  const y = parse(b);
  if (x === undefined || y === undefined) return (x === undefined ? 0 : 1) - (y === undefined ? 0 : 1);
  if (x.ms !== y.ms) return x.ms < y.ms ? -1 : 1;
  const width = Math.max(x.subMs.length, y.subMs.length);
  const [p, q] = [x.subMs.padEnd(width, '0'), y.subMs.padEnd(width, '0')];
  return p === q ? 0 : p < q ? -1 : 1;
}

/** The same instant however spelled; two strings that are not date-times only when identical. */
export function sameInstant(a: string, b: string): boolean {
  return isIsoDateTime(a) && isIsoDateTime(b) ? compareInstants(a, b) === 0 : a === b;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * The stored spelling: UTC with "Z", upper-case "T", at least three fraction digits and no trailing
 * zeros beyond them: `new Date().toISOString()`'s form, so Spanmark's own stamps are unchanged, and
 * no digit of a longer fraction is lost. A string that is not a date-time is returned as it is; so is
 * one whose UTC form would leave the years 0000-9999 (then only "t"/"z" are upper-cased).
 */
export function normalizeDateTime(value: string): string {
  // Already the stored spelling (every stamp Spanmark writes): nothing to do. An invalid stamp of
  // this shape comes back unchanged from the full path as well, so this answer is always the same.
  if (value.length === 24 && value.charCodeAt(10) === 84 && value.charCodeAt(19) === 46 && value.charCodeAt(23) === 90) return value;
  const instant = parse(value);
  if (instant === undefined) return value;
  const dayMs = 86_400_000;
  const days = Math.floor(instant.ms / dayMs);
  const { y, m, d } = civilFromDays(days);
  if (y < 0 || y > 9999) return value.toUpperCase();
  let rest = instant.ms - days * dayMs;
  const ms = rest % 1000;
  rest = (rest - ms) / 1000;
  const s = rest % 60;
  rest = (rest - s) / 60;
  const mi = rest % 60;
  const h = (rest - mi) / 60;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}${instant.subMs}Z`;
}
