// Typed readers over parsed, untrusted JSON: each reads one key of one object, and on a wrong value
// adds a 'schema' problem under the key's JSON path instead of throwing. Own properties only, so an
// inherited "constructor" or "__proto__" is never mistaken for data. Format rules (which keys, which
// labels, offsets against a text) stay in each codec; only the generic shapes live here.

import { isIsoDateTime } from './date-time.js';
import type { Report } from './report.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function own(o: Obj, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

/** A string for a message: JSON-quoted (so control characters and lone surrogates show as escapes), cut at `max` code points. */
export function show(s: string, max = 60): string {
  const cps = [...s.slice(0, 2 * max + 2)];
  return JSON.stringify(cps.length > max ? `${cps.slice(0, max).join('')}…` : s);
}

/** What a wrong value is, as it follows "but it is ". */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `the string ${show(v, 40)}`;
  if (typeof v === 'number') return `the number ${String(v)}`;
  if (typeof v === 'boolean') return `the boolean ${String(v)}`;
  return Array.isArray(v) ? 'an array' : 'an object';
}

const LONE_SURROGATE = /\p{Cs}/u;

/** The first unpaired surrogate of `s` (its code point index and the unit itself), or undefined. */
export function loneSurrogateAt(s: string): { codePoint: number; unit: string } | undefined {
  // The native check first: a 10,000-annotation import asks this of some 100,000 strings.
  if ((s as { isWellFormed?: () => boolean }).isWellFormed?.() === true) return undefined;
  const m = LONE_SURROGATE.exec(s);
  if (!m) return undefined;
  let codePoint = 0;
  for (let k = 0; k < m.index; k++) {
    const c = s.charCodeAt(k);
    if (!(c >= 0xdc00 && c <= 0xdfff && k > 0 && s.charCodeAt(k - 1) >= 0xd800 && s.charCodeAt(k - 1) <= 0xdbff)) codePoint++;
  }
  return { codePoint, unit: m[0] };
}

/** The last string Fields.dateTime accepted (a string: equal strings are equally valid). */
let lastDateTime: string | undefined;

/** Reads typed fields of one object, reporting 'schema' problems under its path. */
export class Fields {
  constructor(
    readonly o: Obj,
    readonly path: string,
    readonly report: Report,
  ) {}

  at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  private wrong(key: string, v: unknown, want: string): undefined {
    this.report.add(
      'schema',
      this.at(key),
      v === undefined ? `${this.at(key)} is missing; it must be ${want}.` : `${this.at(key)} must be ${want}, but it is ${describe(v)}.`,
    );
    return undefined;
  }

  /**
   * A string that has a UTF-8 form: a lone surrogate ("\ud800" in the JSON) is refused as
   * 'bad-string' unless `anyUnits` is set for a field that reports it in its own words.
   */
  string(key: string, opts: { optional?: boolean; nonEmpty?: boolean; anyUnits?: boolean } = {}): string | undefined {
    const v = own(this.o, key);
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'string' || (opts.nonEmpty && v.length === 0)) return this.wrong(key, v, opts.nonEmpty ? 'a non-empty string' : 'a string');
    if (!opts.anyUnits) {
      const lone = loneSurrogateAt(v);
      if (lone !== undefined) {
        this.report.add(
          'bad-string',
          this.at(key),
          `${this.at(key)} contains an unpaired surrogate (${show(lone.unit)}) at code point ${lone.codePoint}, which has no UTF-8 encoding: ${show(v, 40)}.`,
        );
        return undefined;
      }
    }
    return v;
  }

  dateTime(key: string, opts: { optional?: boolean } = {}): string | undefined {
    const v = own(this.o, key);
    if (v === undefined && opts.optional) return undefined;
    // An annotation's updatedAt is mostly its createdAt, and a file's stamps repeat: the last one
    // accepted is not checked again.
    if (typeof v === 'string' && v === lastDateTime) return v;
    if (!isIsoDateTime(v)) return this.wrong(key, v, 'an ISO-8601 date-time with a time zone, like "2022-01-08T10:15:00Z"');
    lastDateTime = v;
    return v;
  }

  oneOf<T extends string>(key: string, values: readonly T[], opts: { optional?: boolean } = {}): T | undefined {
    const v = own(this.o, key);
    if (v === undefined && opts.optional) return undefined;
    return (values as readonly unknown[]).includes(v) ? (v as T) : this.wrong(key, v, `one of ${values.map((x) => JSON.stringify(x)).join(', ')}`);
  }

  boolean(key: string): boolean | undefined {
    const v = own(this.o, key);
    return typeof v === 'boolean' ? v : this.wrong(key, v, 'true or false');
  }

  /** A whole number; negative or unsafe values are reported as 'offset-out-of-range'. */
  offset(key: string): number | undefined {
    const v = own(this.o, key);
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.wrong(key, v, 'a whole number of code points');
    if (v < 0 || !Number.isSafeInteger(v)) {
      this.report.add('offset-out-of-range', this.at(key), `${this.at(key)} is ${String(v)}, outside any text.`);
      return undefined;
    }
    return v;
  }

  object(key: string, opts: { optional?: boolean } = {}): Obj | undefined {
    const v = own(this.o, key);
    if (v === undefined && opts.optional) return undefined;
    return isObj(v) ? v : this.wrong(key, v, 'an object');
  }

  array(key: string, opts: { optional?: boolean } = {}): unknown[] | undefined {
    const v = own(this.o, key);
    if (v === undefined && opts.optional) return undefined;
    return Array.isArray(v) ? v : this.wrong(key, v, 'an array');
  }
}

/** Fields over an array element, or a 'schema' problem when it is not an object. */
export function item(v: unknown, path: string, report: Report): Fields | undefined {
  if (isObj(v)) return new Fields(v, path, report);
  report.add('schema', path, `${path} must be an object, but it is ${describe(v)}.`);
  return undefined;
}
