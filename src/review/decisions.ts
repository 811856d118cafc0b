// Adjudication: accepting a colleague's annotation into my layer (with provenance), accepting it
// with a changed label or boundary, or rejecting it with a reason. Each decision is one command
// that changes the decision record and my layer together, and is inverted by swapping sides, so
// undo/redo and storage treat it like any other edit.
//
// Attributes on acceptance. Accepting a span identical (label, bounds) to one of mine links mine;
// where the two differ in attribute values, the analyst picks per attribute whose value my span
// keeps. The default (defaultAttributeChoice): take theirs where I set nothing, keep mine where I
// did — my considered value is never overwritten without my say, and a value only they set is not
// lost. Taking theirs writes their value into my span (validated against the label's attribute
// definitions; a link is re-pointed at my span with the same label and bounds as their target,
// and refused when I have none), all in the same one command as the decision, so one undo reverts
// both. The choice is recorded in the decision (`attributes`), which keeps the item in the review
// queue once the values agree. Accepting a span I do not have copies it with their values (links
// re-pointed as above; a link whose target I lack is left out, since it would point outside my
// layer); accepting it as another label keeps only values the new label defines.

import type { ReviewDecisionKind, ReviewDecisionV1 } from '../codecs/spanmark-v1/types.js';
import type { Annotation } from '../annotations/types.js';
import type { AttributeDef, AttributeValue, AttributeValues } from '../labels/attributes.js';
import { attributeValueProblem } from '../labels/attribute-values.js';
import type { LabelId } from '../labels/schema.js';
import { attributeDifferences, targetsIn, type AttributeDifference } from './attribute-diff.js';
import { formatAttributeValue } from './attribute-format.js';
import { checkSpan } from '../annotations/create.js';
import { findIdentical } from './identical.js';
import { fail, ok, type Result } from '../result.js';

/** Whose value my span keeps for one attribute when accepting a span identical to mine. */
export type AttributeChoice = 'mine' | 'theirs';

/** A decision as stored: the wire shape plus its document and a stable id. */
export interface ReviewDecision extends ReviewDecisionV1 {
  /** `${docId}|${annotator}|${annotationId}`: one decision per colleague annotation. */
  readonly id: string;
  readonly docId: string;
  /** Accepting a same-span attribute difference: the choice made per differing attribute. */
  readonly attributes?: Readonly<Record<string, AttributeChoice>>;
}

/** Take theirs for a value I have not set, keep mine otherwise. */
export function defaultAttributeChoice(d: AttributeDifference): AttributeChoice {
  return d.mine === undefined ? 'theirs' : 'mine';
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
  /** The colleague's layer, where their link values' targets are found. */
  readonly theirLayer?: readonly Annotation[];
  /** The accepted label's attribute definitions: values taken are checked against them. */
  readonly attributeDefs?: readonly AttributeDef[];
  /** Per differing attribute id, overriding defaultAttributeChoice. */
  readonly attributeChoices?: Readonly<Record<string, AttributeChoice>>;
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
    const merged = mergeAttributes(input, same);
    if (!merged.ok) return merged;
    const { attributes, choices } = merged.value;
    const decision = makeDecision(theirs, me, now, kind, same.id);
    const recorded = choices ?? input.previous?.attributes;
    const after = recorded ? { ...decision, attributes: recorded } : decision;
    if (attributes !== undefined && input.previousResult !== null) {
      return fail('reconsider-first', 'An earlier acceptance of this span made a copy in your layer; reconsider it first, then choose the attribute values.');
    }
    const updated = attributes === undefined ? null : withAttributes(same, attributes, now);
    return ok({
      kind: 'review',
      decision: { before: input.previous, after },
      annotation: updated ? { before: same, after: updated } : { before: input.previousResult, after: null },
    });
  }
  const copied = copiedAttributes(input, label);
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
    ...(copied !== undefined ? { attributes: copied } : {}),
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

/**
 * Strips storage-only fields for export. The attribute choice is one of them until a contract
 * version documents it (contract v1 has no place for it).
 */
export function toWireDecision(d: ReviewDecision): ReviewDecisionV1 {
  const { id: _id, docId: _doc, attributes: _attributes, ...wire } = d;
  return wire;
}

function withAttributes(a: Annotation, attributes: AttributeValues, now: string): Annotation {
  const { attributes: _old, ...rest } = a;
  return Object.keys(attributes).length === 0 ? { ...rest, updatedAt: now } : { ...rest, attributes, updatedAt: now };
}

/**
 * My span's values after the choice; `attributes` undefined when nothing changes (every choice
 * "mine"), `choices` undefined when nothing differed.
 */
function mergeAttributes(
  input: AcceptInput,
  same: Annotation,
): Result<{ attributes: AttributeValues | undefined; choices: Record<string, AttributeChoice> | undefined }> {
  const defs = input.attributeDefs;
  const links = new Set((defs ?? []).filter((d) => d.type === 'link').map((d) => d.id));
  const mine = input.mine ?? [];
  const theirLayer = input.theirLayer ?? [];
  const diffs = attributeDifferences(same.attributes, input.theirs.attributes, {
    ...(defs ? { order: defs.map((d) => d.id) } : {}),
    links,
    mineTargets: targetsIn(mine),
    theirTargets: targetsIn(theirLayer),
  });
  if (diffs.length === 0) return ok({ attributes: undefined, choices: undefined });
  const choices: Record<string, AttributeChoice> = {};
  const next: Record<string, AttributeValue> = { ...(same.attributes ?? {}) };
  let changed = false;
  for (const d of diffs) {
    const choice = Object.prototype.hasOwnProperty.call(input.attributeChoices ?? {}, d.id) ? input.attributeChoices![d.id]! : defaultAttributeChoice(d);
    choices[d.id] = choice;
    if (choice === 'mine') continue;
    changed = true;
    if (d.theirs === undefined) {
      delete next[d.id];
      continue;
    }
    const def = defs?.find((x) => x.id === d.id);
    const name = def?.name ?? d.id;
    const value = links.has(d.id) ? myTarget(d.theirs as string, theirLayer, mine) : d.theirs;
    if (value === undefined) {
      const quote = theirLayer.find((a) => a.id === d.theirs)?.quote;
      return fail(
        'link-target-missing',
        `Their ${name} links to ${formatAttributeValue(d.theirs, { link: true, quoteOf: () => quote })}, which has no span of yours with the same label and bounds; accept that span first, or keep your ${name}.`,
      );
    }
    const problem = def ? attributeValueProblem(def, value) : undefined;
    if (problem) return fail('bad-attribute', `Their ${name} cannot be taken: ${problem}.`);
    next[d.id] = value;
  }
  return ok({ attributes: changed ? next : undefined, choices });
}

/** The id of my span with the label and bounds of their link's target, if I have one. */
function myTarget(theirId: string, theirLayer: readonly Annotation[], mine: readonly Annotation[]): string | undefined {
  const t = theirLayer.find((a) => a.id === theirId);
  return t ? findIdentical(mine, t)?.id : undefined;
}

/** Their values for a copy in my layer labelled `label`; undefined when none is kept. */
function copiedAttributes(input: AcceptInput, label: LabelId): AttributeValues | undefined {
  const values = input.theirs.attributes;
  if (values === undefined) return undefined;
  const defs = input.attributeDefs;
  if (defs === undefined && label !== input.theirs.label) return undefined;
  const out: Record<string, AttributeValue> = {};
  for (const [id, value] of Object.entries(values)) {
    const def = defs?.find((d) => d.id === id);
    if (defs !== undefined && (def === undefined || attributeValueProblem(def, value) !== undefined)) continue;
    if (def?.type === 'link') {
      const target = myTarget(value as string, input.theirLayer ?? [], input.mine ?? []);
      if (target !== undefined) out[id] = target;
      continue;
    }
    out[id] = value;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
