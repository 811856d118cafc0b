// Whether a value may be stored for an attribute definition. One rule for every entrance: the
// attribute form, the v2 decoder, the schema editor's migrations and the review's "take theirs".
// Returns a message naming what is wrong (no JSON path: callers add where the value came from).
// Not here: whether a link target exists or has an allowed label, which needs the document's
// annotations (see checkLinkTarget).

import { digits, validDate } from '../validation/date-time.js';
import { QUALIFIERS, type AttributeDef, type AttributeValue, type QuantityValue } from './attributes.js';

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that names a real month and day. */
export function isPartialDate(s: string): boolean {
  // By character codes, not a regex: an import checks thousands of dates.
  const n = s.length;
  if ((n !== 4 && n !== 7 && n !== 10) || !allDigits(s, 0, 4)) return false;
  if (n === 4) return true;
  if (s.charCodeAt(4) !== 45 || !allDigits(s, 5, 2)) return false;
  const month = digits(s, 5, 2);
  if (month < 1 || month > 12) return false;
  // The calendar rule itself, not Date: Date.UTC reads years 0-99 as 1900-1999 (0000-02-29 is a day).
  return n === 7 || (s.charCodeAt(7) === 45 && allDigits(s, 8, 2) && validDate(digits(s, 0, 4), month, digits(s, 8, 2)));
}

/** Whether the n characters from i are all ASCII digits (what \d means without the u flag). */
function allDigits(s: string, i: number, n: number): boolean {
  for (let k = i; k < i + n; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function quantityProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be {"value", "qualifier"} or {"min", "max"}';
  // Exactly two own keys, one of the two pairs; checked without sorting the keys (an import asks
  // this of thousands of values).
  const q = v as Record<string, unknown>;
  const two = Object.keys(q).length === 2;
  if (two && Object.hasOwn(q, 'value') && Object.hasOwn(q, 'qualifier')) {
    if (!isCount(q.value)) return 'value must be a finite number ≥ 0';
    if (!(QUALIFIERS as readonly unknown[]).includes(q.qualifier)) return `qualifier must be one of ${QUALIFIERS.join(', ')}`;
    return undefined;
  }
  if (two && Object.hasOwn(q, 'min') && Object.hasOwn(q, 'max')) {
    if (!isCount(q.min) || !isCount(q.max)) return 'min and max must be finite numbers ≥ 0';
    if (q.min > q.max) return `min (${q.min}) is greater than max (${q.max})`;
    return undefined;
  }
  return 'must be {"value", "qualifier"} or {"min", "max"}';
}

/** Why `value` cannot be stored for `def`, or undefined when it can. */
export function attributeValueProblem(def: AttributeDef, value: unknown): string | undefined {
  switch (def.type) {
    case 'quantity':
      return quantityProblem(value);
    case 'text':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be true or false';
    case 'date':
      return typeof value === 'string' && isPartialDate(value) ? undefined : 'must be a date YYYY, YYYY-MM or YYYY-MM-DD';
    case 'link':
      return typeof value === 'string' && value !== '' ? undefined : "must be the target annotation's id";
    case 'choice': {
      const allowed = def.values ?? [];
      const one = (x: unknown): string | undefined =>
        typeof x === 'string' && allowed.includes(x) ? undefined : `${JSON.stringify(x)} is not one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
      if (!def.multiple) return one(value);
      if (!Array.isArray(value)) return 'must be a list of choices';
      if (new Set(value).size !== value.length) return 'lists a choice twice';
      for (const x of value) {
        const p = one(x);
        if (p) return p;
      }
      return undefined;
    }
  }
}

/** Why a link to `targetLabel` (undefined: no such annotation) is not allowed by `def`. */
export function linkTargetProblem(def: AttributeDef, targetId: string, targetLabel: string | undefined): string | undefined {
  if (targetLabel === undefined) return `links to ${JSON.stringify(targetId)}, which is not an annotation of this document`;
  if (def.targets && !def.targets.includes(targetLabel)) return `links to a ${targetLabel}; allowed: ${def.targets.join(', ')}`;
  return undefined;
}

export function isQuantity(v: AttributeValue): v is QuantityValue {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
