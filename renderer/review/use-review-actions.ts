// The review decisions the comparison offers (accept, accept as, accept with my selection,
// reject with a reason, reconsider), each built by the core as one command and run through the
// document session, so it is shown, committed and undoable like any other edit.

import { useMemo } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewStatus } from '../../src/document/article.js';
import {
  acceptCommand,
  clearDecisionCommand,
  decisionId,
  isCopyOf,
  rejectCommand,
  type ReviewCommand,
  type ReviewDecision,
} from '../../src/review/decisions.js';
import type { Result } from '../../src/result.js';
import type { DocumentSession } from '../store/document-session.js';
import type { DecideActions } from './ReviewPanel.js';
import { useSchema } from '../schema/schema-context.js';

interface Deps {
  readonly session: DocumentSession | null;
  readonly me: string;
  readonly pending: { readonly start: number; readonly end: number } | null;
  readonly setPending: (span: null) => void;
  readonly status: ReviewStatus;
  readonly changeStatus: (next: ReviewStatus) => Promise<void>;
  readonly say: (kind: 'info' | 'error', text: string) => void;
  readonly fail: (what: string, e: unknown) => void;
}

type Context = { previous: ReviewDecision | null; previousResult: Annotation | null; now: string };

export function useReviewActions({ session, me, pending, setPending, status, changeStatus, say, fail }: Deps): DecideActions {
  const schema = useSchema();
  return useMemo<DecideActions>(() => {
    const decide = (theirs: Annotation, make: (ctx: Context) => Result<ReviewCommand>): void => {
      if (!session) return;
      const previous = session.getSnapshot().decisions.get(decisionId(theirs.docId, theirs.annotator, theirs.id)) ?? null;
      const previousResult = copyMadeBy(session, previous);
      const r = make({ previous, previousResult, now: new Date().toISOString() });
      if (!r.ok) return say('error', r.error.message);
      // The first decision on a document puts it in review.
      session.execute(r.value).then(
        () => (status === 'unreviewed' ? changeStatus('in-review') : undefined),
        (e: unknown) => fail('Could not save the decision', e),
      );
    };
    return {
      accept: (theirs, opts) => {
        if (opts.useSelection && !pending) return say('error', 'Select the boundary in the text first.');
        const label = opts.label ?? theirs.label;
        decide(theirs, (ctx) =>
          acceptCommand({
            ...ctx,
            theirs,
            me,
            text: session?.article.text ?? '',
            newId: crypto.randomUUID(),
            mine: session?.list() ?? [],
            theirLayer: session?.getSnapshot().layers.get(theirs.annotator) ?? [],
            attributeDefs: schema.labels.find((l) => l.id === label)?.attributes ?? [],
            ...(opts.attributes ? { attributeChoices: opts.attributes } : {}),
            ...(opts.label ? { label: opts.label } : {}),
            ...(opts.useSelection && pending ? { span: pending } : {}),
          }),
        );
        if (opts.useSelection) setPending(null);
      },
      reject: (theirs, reason) => decide(theirs, (ctx) => rejectCommand({ ...ctx, theirs, me, reason })),
      clear: (decision) => {
        if (!session) return;
        const result = copyMadeBy(session, decision);
        session.execute(clearDecisionCommand(decision, result)).catch((e: unknown) => fail('Could not undo the decision', e));
      },
    };
  }, [changeStatus, fail, me, pending, say, schema, session, setPending, status]);
}

/** The copy a decision put in my layer; null when it only linked one of my own annotations. */
function copyMadeBy(session: DocumentSession, decision: ReviewDecision | null): Annotation | null {
  const found = decision?.resultId ? session.find(decision.resultId) : undefined;
  return decision && found && isCopyOf(decision, found) ? found : null;
}
