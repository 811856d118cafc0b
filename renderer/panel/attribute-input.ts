// Turning what the analyst typed into an attribute value, with the message shown when it cannot
// be one. Kept apart from the widgets so the rules are plain functions. The value is then checked
// once more by the schema's one rule in the command; nothing typed is stored without passing both.

import type { Qualifier, QuantityValue } from '../../src/labels/attributes.js';
import { isRange } from '../../src/labels/attributes.js';
import type { QuantitySuggestion } from '../../src/facts/quantity-parse.js';

/** What the quantity widget shows: a qualifier (or "range") and the numbers as typed. */
export interface QuantityDraft {
  readonly qualifier: Qualifier | 'range';
  readonly value: string;
  readonly min: string;
  readonly max: string;
}

export const EMPTY_QUANTITY: QuantityDraft = { qualifier: 'exact', value: '', min: '', max: '' };

export function quantityDraft(v: QuantityValue | QuantitySuggestion | undefined): QuantityDraft {
  if (!v) return EMPTY_QUANTITY;
  if ('min' in v && v.min !== undefined) return { qualifier: 'range', value: '', min: String(v.min), max: String(v.max) };
  const single = v as { value?: number; qualifier: Qualifier };
  return { qualifier: single.qualifier, value: single.value === undefined ? '' : String(single.value), min: '', max: '' };
}

/** A count as typed: digits, with `,` or spaces between thousands ("20,000", "20 000"), or a decimal. */
export function parseCount(raw: string, what: string): { ok: true; value: number } | { ok: false; message: string } {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (/^\d{1,3}(,\d{3})+$/.test(s)) return { ok: true, value: Number(s.replace(/,/g, '')) };
  if (/^\d+(\.\d+)?$/.test(s)) return { ok: true, value: Number(s) };
  return { ok: false, message: `${what}: “${raw.trim()}” is not a number ≥ 0 (digits, e.g. 18 or 20,000).` };
}

/** The value a quantity draft stands for: undefined to clear it, or a message naming what is wrong. */
export function quantityFromDraft(d: QuantityDraft, name: string): { ok: true; value: QuantityValue | undefined } | { ok: false; message: string } {
  if (d.qualifier === 'range') {
    if (d.min.trim() === '' && d.max.trim() === '') return { ok: true, value: undefined };
    if (d.min.trim() === '' || d.max.trim() === '') return { ok: false, message: `${name}: a range needs both a minimum and a maximum.` };
    const min = parseCount(d.min, `${name} minimum`);
    if (!min.ok) return min;
    const max = parseCount(d.max, `${name} maximum`);
    if (!max.ok) return max;
    return { ok: true, value: { min: min.value, max: max.value } };
  }
  if (d.value.trim() === '')
    return d.qualifier === 'exact' ? { ok: true, value: undefined } : { ok: false, message: `${name}: type a number for “${d.qualifier}”.` };
  const n = parseCount(d.value, name);
  return n.ok ? { ok: true, value: { value: n.value, qualifier: d.qualifier } } : n;
}

export function describeQuantity(v: QuantityValue): string {
  if (isRange(v)) return `${v.min.toLocaleString('en')}–${v.max.toLocaleString('en')}`;
  const q = v.qualifier === 'exact' ? '' : `${v.qualifier.replace('-', ' ')} `;
  return `${q}${v.value.toLocaleString('en')}`;
}

/**
 * Which of `values` a letter picks: the next one (after `current`) starting with it, so pressing
 * the same letter again steps through values that share it ("d": detained, then displaced).
 */
export function valueForLetter(values: readonly string[], letter: string, current: string | undefined): string | undefined {
  const l = letter.toLocaleLowerCase();
  const matches = values.filter((v) => v.toLocaleLowerCase().startsWith(l));
  if (matches.length === 0) return undefined;
  const at = current === undefined ? -1 : matches.indexOf(current);
  return matches[(at + 1) % matches.length];
}

/** A suggestion in words: "18", "at least 20,000", "10–15", or just "about" (no number). */
export function describeSuggestion(s: QuantitySuggestion): string {
  if ('min' in s) return describeQuantity(s);
  return s.value === undefined ? `${s.qualifier}, no number` : describeQuantity({ value: s.value, qualifier: s.qualifier });
}
