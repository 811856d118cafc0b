// Adjudication: accepting a colleague's annotation into my layer (with provenance), accepting it
// with a changed label or boundary, or rejecting it with a reason. Each decision is one command
// that changes the decision record and my layer together, and is inverted by swapping sides, so
// undo/redo and storage treat it like any other edit.

import type { ReviewDecisionKind, ReviewDecisionV1 } from '../codecs/spanmark-v1/types.js';
import type { Annotation } from '../annotations/types.js';
import type { LabelId } from '../labels/schema.js';
import { checkSpan } from '../annotations/create.js';
import { findIdentical } from './identical.js';
import { fail, ok, type Result } from '../result.js';

/** A decision as stored: the wire shape plus its document and a stable id. */
export interface ReviewDecision extends ReviewDecisionV1 {
  /** `${docId}|${annotator}|${annotationId}`: one decision per colleague annotation. */
  readonly id: string;
  readonly docId: string;
}

export interface ReviewCommand {
  readonly kind: 'review';
  readonly decision: { readonly before: ReviewDecision | null; readonly after: ReviewDecision | null };
  /** The change to my layer that the decision makes (an accepted copy appears or goes). */
  readonly annotation: { readonly before: Annotation | null; readonly after: Annotation | null };
}

export const MAX_REASON_CHARS = 2_000;

export function decisionId(docId: string, annotator: string, annotationId: string): string {
  return `${docId}|${annotator}|${annotationId}`;
}

export function invertReview(cmd: ReviewCommand): ReviewCommand {
  return {
    kind: 'review',
    decision: { before: cmd.decision.after, after: cmd.decision.before },
    annotation: { before: cmd.annotation.after, after: cmd.annotation.before },
  };
}

interface DecideBase {
  /** The colleague's annotation decided on. */
  readonly theirs: Annotation;
  /** Who decides: the stamp on the decision and on an accepted copy. */
  readonly me: string;
  readonly now: string;
  /** The decision already recorded for `theirs`, if any. */
  readonly previous: ReviewDecision | null;
  /** The annotation in my layer that `previous` produced, if it still exists. */
  readonly previousResult: Annotation | null;
}

export interface AcceptInput extends DecideBase {
  readonly text: string;
  /** Id for a new copy in my layer (reused from previousResult when re-accepting). */
  readonly newId: string;
  readonly label?: LabelId;
  readonly span?: { readonly start: number; readonly end: number };
  /**
   * My layer. When the accepted span is identical (bounds and label) to one of mine, the decision
   * links that annotation instead of copying a second one.
   */
  readonly mine?: readonly Annotation[];
}

export function acceptCommand(input: AcceptInput): Result<ReviewCommand> {
  const { theirs, me, now, text } = input;
  if (theirs.annotator === me) return fail('own-annotation', 'This annotation is already in your layer.');
  const start = input.span?.start ?? theirs.start;
  const end = input.span?.end ?? theirs.end;
  const span = checkSpan(text, start, end);
  if (!span.ok) return span;
  const label = input.label ?? theirs.label;
  const modified = label !== theirs.label || start !== theirs.start || end !== theirs.end;
  const kind: ReviewDecisionKind = modified ? 'accepted-modified' : 'accepted';
  const same = findIdentical(input.mine ?? [], { label, start, end }, input.previousResult?.id);
  if (same !== undefined) {
    return ok({
      kind: 'review',
      decision: { before: input.previous, after: makeDecision(theirs, me, now, kind, same.id) },
      annotation: { before: input.previousResult, after: null },
    });
  }
  const id = input.previousResult?.id ?? input.newId;
  const copy: Annotation = {
    id,
    docId: theirs.docId,
    label,
    start,
    end,
    quote: text.slice(start, end),
    annotator: me,
    createdAt: input.previousResult?.createdAt ?? now,
    updatedAt: now,
    ...(theirs.note !== undefined ? { note: theirs.note } : {}),
    provenance: { annotator: theirs.annotator, annotationId: theirs.id, modified },
  };
  return ok({
    kind: 'review',
    decision: { before: input.previous, after: makeDecision(theirs, me, now, kind, id) },
    annotation: { before: input.previousResult, after: copy },
  });
}

export interface RejectInput extends DecideBase {
  readonly reason?: string;
}

/** Rejecting also removes a copy an earlier acceptance put in my layer. */
export function rejectCommand(input: RejectInput): Result<ReviewCommand> {
  const reason = input.reason?.trim() ?? '';
  if (reason.length > MAX_REASON_CHARS) return fail('reason-too-long', `A reason is limited to ${MAX_REASON_CHARS} characters.`);
  if (input.theirs.annotator === input.me) return fail('own-annotation', 'You cannot reject your own annotation; delete it instead.');
  const base = makeDecision(input.theirs, input.me, input.now, 'rejected', undefined);
  return ok({
    kind: 'review',
    decision: { before: input.previous, after: reason ? { ...base, reason } : base },
    annotation: { before: input.previousResult, after: null },
  });
}

/** Clears a decision (and the copy it made), returning the colleague's annotation to undecided. */
export function clearDecisionCommand(previous: ReviewDecision, previousResult: Annotation | null): ReviewCommand {
  return { kind: 'review', decision: { before: previous, after: null }, annotation: { before: previousResult, after: null } };
}

function makeDecision(theirs: Annotation, me: string, now: string, decision: ReviewDecisionKind, resultId: string | undefined): ReviewDecision {
  return {
    id: decisionId(theirs.docId, theirs.annotator, theirs.id),
    docId: theirs.docId,
    annotator: theirs.annotator,
    annotationId: theirs.id,
    decision,
    decidedBy: me,
    decidedAt: now,
    ...(resultId !== undefined ? { resultId } : {}),
  };
}

/**
 * Whether `annotation` is the copy `decision` put in my layer, as opposed to my own annotation
 * that an acceptance only linked (resultId points at it, but it has no provenance from the
 * decided annotation). Only a copy may be removed when the decision is reconsidered or changed.
 */
export function isCopyOf(decision: ReviewDecisionV1, annotation: Annotation): boolean {
  const p = annotation.provenance;
  return annotation.id === decision.resultId && p !== undefined && p.annotator === decision.annotator && p.annotationId === decision.annotationId;
}

/** Strips storage-only fields for export. */
export function toWireDecision(d: ReviewDecision): ReviewDecisionV1 {
  const { id: _id, docId: _doc, ...wire } = d;
  return wire;
}
