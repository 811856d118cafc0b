// Turns one layer's spans into a yes/no per token for one label: the shared input of kappa and
// alpha, so both coefficients agree on what "the annotator marked this token" means.

import type { LabelId } from '../../labels/schema.js';
import type { Span } from '../span.js';
import type { Token } from '../tokens.js';

/**
 * decisions[t] = 1 when tokens[t] shares at least one unit with a span of `label` (a span that
 * starts or ends inside a word still marks that word), else 0. Tokens must be in text order and
 * disjoint, as tokenize returns them. O(tokens + spans log spans).
 */
export function tokenDecisions(tokens: readonly Token[], spans: readonly Span[], label: LabelId): Uint8Array {
  const ranges = spans.filter((s) => s.label === label && s.end > s.start).sort((x, y) => x.start - y.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  const out = new Uint8Array(tokens.length);
  let r = 0;
  tokens.forEach((t, i) => {
    while (r < merged.length && merged[r]!.end <= t.start) r += 1;
    const range = merged[r];
    if (range !== undefined && range.start < t.end) out[i] = 1;
  });
  return out;
}
