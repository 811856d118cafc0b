// Shorthand for hand-written layers in the review tests, sp('a1', 'claim', 0, 5), and an exact-fraction
// comparison that reports the expected value when it fails.
import { DEFAULT_SCHEMA, labelIds, type LabelId } from '../../../src/labels/schema.js';
import type { Span } from '../../../src/review/span.js';

/** The default schema's label ids: what the app computes over when the library kept the default. */
export const DEFAULT_LABELS: readonly LabelId[] = labelIds(DEFAULT_SCHEMA);

export const sp = (id: string, label: LabelId, start: number, end: number): Span => ({ id, label, start, end });

/** Asserts two numbers agree to 1e-12: the expected values are exact fractions. */
export function near(actual: number | null, expected: number, message?: string): void {
  if (actual === null || Math.abs(actual - expected) > 1e-12) throw new Error(`${message ?? ''} expected ${expected}, got ${actual}`);
}
