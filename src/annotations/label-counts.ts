// How many annotations carry each label, kept up to date command by command: recounting a layer
// of 10,000 on every keystroke was a measurable part of the label key's time to paint.

import type { LabelId } from '../labels/schema.js';
import type { Annotation } from './types.js';

export type LabelCounts = ReadonlyMap<LabelId, number>;

/** Every label of `labels` (the schema's ids), used or not, and any other label used, with its count. */
export function countLabels(list: readonly Pick<Annotation, 'label'>[], labels: readonly LabelId[] = []): LabelCounts {
  const c = new Map<LabelId, number>(labels.map((l) => [l, 0]));
  for (const a of list) c.set(a.label, (c.get(a.label) ?? 0) + 1);
  return c;
}

/**
 * The counts after a change: one annotation taken out and/or one put in (as applyCommandTracked
 * reports them, so a command on a stale copy still counts what the list really held). A new map.
 */
export function countsAfter(
  counts: LabelCounts,
  change: {
    readonly removed?: Pick<Annotation, 'label'> | undefined;
    readonly added?: Pick<Annotation, 'label'> | undefined;
    /** A batch's many (applyCommandTracked). */
    readonly removedAll?: readonly Pick<Annotation, 'label'>[] | undefined;
    readonly addedAll?: readonly Pick<Annotation, 'label'>[] | undefined;
  },
): LabelCounts {
  const next = new Map(counts);
  const removed = change.removedAll ?? (change.removed ? [change.removed] : []);
  const added = change.addedAll ?? (change.added ? [change.added] : []);
  for (const a of removed) next.set(a.label, (next.get(a.label) ?? 0) - 1);
  for (const a of added) next.set(a.label, (next.get(a.label) ?? 0) + 1);
  return next;
}
