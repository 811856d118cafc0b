// What a report is computed from, and the checks that run before any metric: a span in the wrong
// unit or outside the text would not fail later, it would quietly mark the wrong tokens.

import { fail, ok, type Result } from '../../result.js';
import { splitsSurrogatePair } from '../../text/offsets.js';
import type { LabelId } from '../../labels/schema.js';
import type { Span } from '../span.js';
import type { AttributeLabelView } from './attribute-units.js';

export interface LayerInput {
  readonly annotator: string;
  /** UTF-16 code units into `text`: the unit the token grid uses. */
  readonly spans: readonly Span[];
}

/** One document: its layers, and the annotators to compare as reference (a) and candidate (b). */
export interface ReportInput {
  readonly text: string;
  readonly layers: readonly LayerInput[];
  readonly a: string;
  readonly b: string;
  /** The layers alpha is computed over; every layer when absent. */
  readonly alphaOver?: readonly string[];
  /** The label schema attribute agreement reads (order, types); without it attributes are inferred. */
  readonly attributeLabels?: readonly AttributeLabelView[];
  /**
   * The labels to compute over, in display order: the library's schema's ids. Any other label the
   * layers use is added after them (labelsToCompare), so a colleague's extra label is still scored.
   * When absent, the labels the layers use.
   */
  readonly labels?: readonly LabelId[];
}

/**
 * One layer per annotator; a, b and alphaOver name layers; every offset an integer in [0, text.length],
 * start < end, and neither inside a surrogate pair. `path` prefixes the Problem's path.
 */
export function validateReportInput({ text, layers, a, b, alphaOver }: ReportInput, path = ''): Result<null> {
  const checked = validateLayers(text, layers, path);
  if (!checked.ok) return checked;
  const seen = new Set(layers.map((l) => l.annotator));
  for (const name of [a, b, ...(alphaOver ?? [])]) {
    if (!seen.has(name)) return fail('unknown-annotator', `No layer by ${name} on this document.`, `${path}layers`);
  }
  return ok(null);
}

/** One layer per annotator, every span a non-empty UTF-16 range of `text` on character boundaries. */
export function validateLayers(text: string, layers: readonly LayerInput[], path = ''): Result<null> {
  const seen = new Set<string>();
  for (const [i, layer] of layers.entries()) {
    if (seen.has(layer.annotator)) return fail('duplicate-annotator', `${layer.annotator} has more than one layer on this document.`, `${path}layers[${i}]`);
    seen.add(layer.annotator);
    for (const [j, s] of layer.spans.entries()) {
      const at = `${path}layers[${i}].spans[${j}]`;
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start < 0 || s.end > text.length || s.end <= s.start) {
        return fail('bad-span', `Span ${s.id} [${s.start}, ${s.end}) is not a non-empty range inside the text (0..${text.length}).`, at);
      }
      if (splitsSurrogatePair(text, s.start) || splitsSurrogatePair(text, s.end)) {
        return fail(
          'span-splits-character',
          `Span ${s.id} [${s.start}, ${s.end}) cuts a character in half; were code points passed where UTF-16 offsets belong?`,
          at,
        );
      }
    }
  }
  return ok(null);
}
