// RFC 3339 date-time and calendar-date checks, as JSON Schema's "date-time" and "date" formats mean
// them. Shared by every codec and the encoder, so that nothing is written that a reader refuses.
// Leap seconds (:60) are excluded: no Spanmark clock produces them and Date cannot hold them.

const DATE_TIME = /^\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d(?:\.\d+)?(?:[Zz]|[+-]\d\d:\d\d)$/;
const DATE = /^\d{4}-\d\d-\d\d$/;

/** Two or four ASCII digits at i as a number (the caller has matched them as digits already). */
export function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = i; k < i + n; k++) v = v * 10 + (s.charCodeAt(k) - 48);
  return v;
}

/** RFC 3339 date-time with a time zone (what JSON Schema's "date-time" format means). */
export function isIsoDateTime(value: unknown): value is string {
  // Field positions are fixed up to the seconds; only the fraction and zone vary in length.
  if (typeof value !== 'string' || !DATE_TIME.test(value)) return false;
  if (!validDate(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2))) return false;
  if (digits(value, 11, 2) > 23 || digits(value, 14, 2) > 59 || digits(value, 17, 2) > 59) return false;
  const last = value.charCodeAt(value.length - 1);
  if (last === 90 || last === 122) return true; // Z or z
  const zone = value.length - 6;
  return digits(value, zone + 1, 2) <= 23 && digits(value, zone + 4, 2) <= 59;
}

/** A calendar date YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && DATE.test(value) && validDate(digits(value, 0, 4), digits(value, 5, 2), digits(value, 8, 2));
}

export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}
