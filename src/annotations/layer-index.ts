// Lookups into one layer that the views make on every edit: an annotation by id, and which
// annotations hold a given string as an attribute value (a link's target id is such a value, so
// "linked from" is answered from a handful of holders). Updated per command, as the label counts
// are: with 10,000 spans, a scan for the selected span and another for the links pointing at it
// cost a stance key ~8 ms before its save was acknowledged.
// The index does not know the schema: it keeps every string value, whatever its attribute's type,
// and linksTo (attribute-commands.ts) decides which of the holders link. Values inside lists (a
// multiple choice) are not kept, since a link is never a list.

import { compareAnnotations, type AppliedCommand } from './commands.js';
import type { Annotation } from './types.js';

/** What a view may ask of a layer; the session's index answers for its latest state. */
export interface LayerLookup {
  find(id: string): Annotation | undefined;
  /** The annotations with `value` as one of their string attribute values, in text order. */
  holding(value: string): readonly Annotation[];
}

export class LayerIndex implements LayerLookup {
  private readonly byId = new Map<string, Annotation>();
  private readonly holders = new Map<string, Set<Annotation>>();

  constructor(layer: readonly Annotation[]) {
    for (const a of layer) this.enter(a);
  }

  find(id: string): Annotation | undefined {
    return this.byId.get(id);
  }

  holding(value: string): readonly Annotation[] {
    const set = this.holders.get(value);
    return set === undefined ? [] : [...set].sort(compareAnnotations);
  }

  /** Follows what a command did to the list (applyCommandTracked's account of it). */
  apply(change: Pick<AppliedCommand, 'removed' | 'added' | 'removedAll' | 'addedAll'>): void {
    for (const a of change.removedAll ?? (change.removed ? [change.removed] : [])) this.leave(a);
    for (const a of change.addedAll ?? (change.added ? [change.added] : [])) this.enter(a);
  }

  private enter(a: Annotation): void {
    const old = this.byId.get(a.id);
    // An id entered twice (a replayed create) keeps one entry, the later one.
    if (old !== undefined) this.leave(old);
    this.byId.set(a.id, a);
    for (const v of stringValues(a)) {
      const set = this.holders.get(v);
      if (set) set.add(a);
      else this.holders.set(v, new Set([a]));
    }
  }

  private leave(a: Annotation): void {
    // The object the index holds for this id: a command's `before` may be an equal copy.
    const held = this.byId.get(a.id);
    if (held === undefined) return;
    this.byId.delete(a.id);
    for (const v of stringValues(held)) {
      const set = this.holders.get(v);
      set?.delete(held);
      if (set?.size === 0) this.holders.delete(v);
    }
  }
}

function stringValues(a: Annotation): string[] {
  if (!a.attributes) return [];
  const out: string[] = [];
  for (const v of Object.values(a.attributes)) if (typeof v === 'string') out.push(v);
  return out;
}
