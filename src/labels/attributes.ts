// What a span can carry beyond its label: typed attributes defined per label in the schema, and
// the values an annotation holds for them. These are the shapes every layer agrees on (the form,
// the stores, codecs, review and the facts table); validation of a value against its definition
// lives in attribute-values.ts. Not here: how a value is shown or entered (renderer/), how it is
// written in a file (codecs/).

export type AttributeType = 'quantity' | 'choice' | 'text' | 'boolean' | 'date' | 'link';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['quantity', 'choice', 'text', 'boolean', 'date', 'link'];

/** How a single number relates to the true count. */
export type Qualifier = 'exact' | 'at-least' | 'at-most' | 'about';

export const QUALIFIERS: readonly Qualifier[] = ['exact', 'at-least', 'at-most', 'about'];

/** A count as a source gives it: one number with a qualifier, or a range. */
export type QuantityValue = { readonly value: number; readonly qualifier: Qualifier } | { readonly min: number; readonly max: number };

/**
 * A stored value. Which shape is allowed follows the definition's type: quantity → QuantityValue;
 * choice → string (or string[] when `multiple`); text → string; boolean → boolean; date → string
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; link → the target annotation's id.
 */
export type AttributeValue = QuantityValue | string | readonly string[] | boolean;

/** Values of one annotation, by attribute id. An absent key means "not set". */
export type AttributeValues = Readonly<Record<string, AttributeValue>>;

export interface AttributeDef {
  /** Stable id used in files and code paths; never shown. */
  readonly id: string;
  readonly name: string;
  readonly type: AttributeType;
  /** choice: the allowed values, in display order. */
  readonly values?: readonly string[];
  /** choice: several values may be picked. */
  readonly multiple?: boolean;
  readonly required?: boolean;
  /** link: label ids the target may have; absent = any label. */
  readonly targets?: readonly string[];
  /** text: offer "fill from selection" in the form. */
  readonly fillFromSelection?: boolean;
  readonly description?: string;
}

export function isRange(q: QuantityValue): q is { readonly min: number; readonly max: number } {
  return 'min' in q;
}
