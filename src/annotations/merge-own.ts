// What importing my own annotation does to the stored copy with the same id. Pure, so the rule the
// import transaction applies is unit-tested: re-importing changes nothing, and an older copy never
// overwrites a newer edit, whatever spelling of the time either copy carries (compared as instants).

import { compareInstants, sameInstant } from '../time/instant.js';
import type { AttributeValues } from '../labels/attributes.js';
import type { Annotation } from './types.js';

export type OwnMergeOutcome =
  /** No stored copy: store the incoming one. */
  | 'added'
  /** The same annotation: nothing to write. */
  | 'unchanged'
  /** The stored copy was edited later than the incoming one: keep it. */
  | 'kept-newer'
  /** The incoming copy is as new or newer: it replaces the stored one. */
  | 'updated'
  /** The id is taken by an annotation of another document: the import must be refused. */
  | 'other-document';

export function ownMergeOutcome(stored: Annotation | undefined, incoming: Annotation): OwnMergeOutcome {
  if (!stored) return 'added';
  if (stored.docId !== incoming.docId) return 'other-document';
  if (sameContent(stored, incoming)) return 'unchanged';
  return compareInstants(stored.updatedAt, incoming.updatedAt) > 0 ? 'kept-newer' : 'updated';
}

function sameContent(a: Annotation, b: Annotation): boolean {
  return (
    a.label === b.label &&
    a.start === b.start &&
    a.end === b.end &&
    a.note === b.note &&
    a.annotator === b.annotator &&
    sameInstant(a.updatedAt, b.updatedAt) &&
    sameValues(a.attributes, b.attributes)
  );
}

/** Attribute sets compared by value, key order ignored; no set and an empty one are the same. */
function sameValues(a: AttributeValues | undefined, b: AttributeValues | undefined): boolean {
  return canonical(a ?? {}) === canonical(b ?? {});
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1))) : x,
  );
}
