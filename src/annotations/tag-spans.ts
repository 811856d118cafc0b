// Tagging many spans at once (every match of a find) as one batch command: one undo step, one
// transaction. A span identical to one of mine (same bounds and label) is skipped rather than
// doubled, as tagging a single identical span selects the existing one instead.
// Excluded: deciding which spans to tag (find does that) and committing (the session does).

import type { LabelId } from '../labels/schema.js';
import { fail, ok, type Result } from '../result.js';
import type { BatchCommand } from './commands.js';
import { createAnnotation } from './create.js';
import type { Annotation } from './types.js';

export interface TagSpansInput {
  /** My layer: spans identical to one of these are skipped. */
  readonly layer: readonly Pick<Annotation, 'start' | 'end' | 'label'>[];
  readonly spans: readonly { readonly start: number; readonly end: number }[];
  readonly label: LabelId;
  readonly docId: string;
  readonly text: string;
  readonly annotator: string;
  readonly now: string;
  readonly newId: () => string;
}

/** The batch creating the spans not yet tagged so, and how many were skipped as already tagged. */
export function tagSpans(input: TagSpansInput): Result<{ readonly command: BatchCommand; readonly skipped: number }> {
  const key = (s: { start: number; end: number }, label: LabelId) => `${s.start}:${s.end}:${label}`;
  // A set, not a scan per span: 10,000 matches against a layer of 10,000 would be 10^8 comparisons.
  const taken = new Set(input.layer.map((a) => key(a, a.label)));
  const commands: BatchCommand['commands'][number][] = [];
  let skipped = 0;
  for (const span of input.spans) {
    const k = key(span, input.label);
    if (taken.has(k)) {
      skipped++;
      continue;
    }
    taken.add(k);
    const r = createAnnotation({
      id: input.newId(),
      docId: input.docId,
      text: input.text,
      start: span.start,
      end: span.end,
      label: input.label,
      annotator: input.annotator,
      now: input.now,
    });
    if (!r.ok) return fail(r.error.code, `Nothing was tagged: the match at ${span.start}..${span.end} cannot be tagged. ${r.error.message}`);
    commands.push({ kind: 'create', annotation: r.value });
  }
  return ok({ command: { kind: 'batch', commands }, skipped });
}
