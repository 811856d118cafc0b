// Placeholder for the quantity parser (issue 11, item 6); the facts engineer replaces the body.
import type { Qualifier } from '../labels/attributes.js';

/** What the quote suggests for a quantity: a number (or range) and qualifier, or only "about". */
export type QuantitySuggestion =
  | { readonly value: number; readonly qualifier: Qualifier }
  | { readonly min: number; readonly max: number }
  | { readonly qualifier: 'about'; readonly value?: undefined };

export function suggestQuantity(_quote: string): QuantitySuggestion | undefined {
  return undefined;
}
