// The review queue of the open document, computed once for the side panel's progress line and for
// review mode. Both ask with the same inputs (the session snapshot's layers and decisions, the
// schema's labels): over two 10,000-span layers the queue takes 25–40 ms, which entering review
// mode spent again, in the same task as drawing its cards, right after the panel had computed it.
// Compared by identity: the snapshot hands out new arrays and maps whenever anything changed, so
// equal identities are the same queue. Kept beside my layer's array, weakly: a closed document's
// queue (and its two long layers) is not held once its snapshot is gone. Excluded: the panel's
// Compare list, which compares the current layers of any two annotators, not my layer before
// review.

import { useMemo } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import type { CompareLayersOptions } from '../../src/review/diff.js';
import type { ReviewDecision } from '../../src/review/decisions.js';
import { reviewDifferences, type Difference } from '../../src/review/differences.js';

type Labels = NonNullable<CompareLayersOptions['labels']>;

export type DocumentDifference = Difference<Annotation, ReviewDecision>;

/** What the queue of a document is computed from: my layer, my colleagues' and my decisions. */
export interface ReviewQueueSource {
  readonly docId: string;
  readonly me: string;
  readonly own: readonly Annotation[];
  readonly layers: ReadonlyMap<string, readonly Annotation[]>;
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
}

type Inputs = ReviewQueueSource & { readonly labels: Labels };

const computed = new WeakMap<readonly Annotation[], { readonly inputs: Inputs; readonly differences: readonly DocumentDifference[] }>();

const same = (a: Inputs, b: Inputs): boolean =>
  a.docId === b.docId && a.me === b.me && a.own === b.own && a.layers === b.layers && a.decisions === b.decisions && a.labels === b.labels;

/** reviewDifferences of these inputs, the previous result when every input is the one it was computed from. */
export function documentDifferences(inputs: Inputs): readonly DocumentDifference[] {
  const last = computed.get(inputs.own);
  if (last !== undefined && same(last.inputs, inputs)) return last.differences;
  const { docId, me, own, layers, decisions, labels } = inputs;
  const differences = reviewDifferences<Annotation, ReviewDecision>(docId, me, own, layers, decisions, { labels });
  computed.set(own, { inputs, differences });
  return differences;
}

export function useDocumentDifferences({ docId, me, own, layers, decisions }: ReviewQueueSource, labels: Labels): readonly DocumentDifference[] {
  return useMemo(() => documentDifferences({ docId, me, own, layers, decisions, labels }), [docId, me, own, layers, decisions, labels]);
}
