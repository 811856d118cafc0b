// Whether a value may be stored for an attribute definition. One rule for every entrance: the
// attribute form, the v2 decoder, the schema editor's migrations and the review's "take theirs".
// Returns a message naming what is wrong (no JSON path: callers add where the value came from).
// Not here: whether a link target exists or has an allowed label, which needs the document's
// annotations (see checkLinkTarget).

import { validDate } from '../validation/date-time.js';
import { QUALIFIERS, type AttributeDef, type AttributeValue, type QuantityValue } from './attributes.js';

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A `YYYY`, `YYYY-MM` or `YYYY-MM-DD` that names a real month and day. */
export function isPartialDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  // The calendar rule itself, not Date: Date.UTC reads years 0-99 as 1900-1999 (0000-02-29 is a day).
  return m[3] === undefined || validDate(Number(m[1]), month, Number(m[3]));
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

function quantityProblem(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be {"value", "qualifier"} or {"min", "max"}';
  const keys = Object.keys(v).sort().join(',');
  const q = v as Record<string, unknown>;
  if (keys === 'qualifier,value') {
    if (!isCount(q.value)) return 'value must be a finite number ≥ 0';
    if (!(QUALIFIERS as readonly unknown[]).includes(q.qualifier)) return `qualifier must be one of ${QUALIFIERS.join(', ')}`;
    return undefined;
  }
  if (keys === 'max,min') {
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
