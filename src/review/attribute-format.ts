// An attribute value as the review shows it in a row: short, unambiguous, in words an analyst
// reads without knowing the stored shape. Quantity "18 (exact)", "20 (at least)" (the number
// first, so a column of them lines up); a range "10–15"; a
// multiple choice joined with ", " in the stored order; a link as its target's quote; a boolean
// "yes"/"no". Not here: how values are entered or exported.

import type { AttributeValue } from '../labels/attributes.js';
import { isRange } from '../labels/attributes.js';
import { isQuantity } from '../labels/attribute-values.js';

export const NOT_SET = 'not set';

const QUALIFIER_WORDS: Readonly<Record<string, string>> = { exact: 'exact', 'at-least': 'at least', 'at-most': 'at most', about: 'about' };

/**
 * `quoteOf` finds a link target's quote in the layer the link lives in; a target it cannot find
 * is shown by id, marked as missing, rather than as an empty string that would read as a quote.
 */
export function formatAttributeValue(
  value: AttributeValue | undefined,
  opts: { readonly link?: boolean; readonly quoteOf?: (id: string) => string | undefined } = {},
): string {
  if (value === undefined) return NOT_SET;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : (value as readonly string[]).join(', ');
  if (isQuantity(value)) {
    const q = value;
    return isRange(q) ? `${number(q.min)}–${number(q.max)}` : `${number(q.value)} (${QUALIFIER_WORDS[q.qualifier] ?? q.qualifier})`;
  }
  const s = value as string;
  if (opts.link) {
    const quote = opts.quoteOf?.(s);
    return quote === undefined ? `missing span ${s}` : `“${quote}”`;
  }
  return s === '' ? '(empty)' : s;
}

// Digits as stored, no grouping: "20000" and "20,000" would read the same but "1,5" could be
// misread as a decimal in some locales.
function number(n: number): string {
  return String(n);
}
