// What a format cannot carry, counted the same way for every format of this family: each codec
// declares capabilities and the losses follow from them, so a declaration and its loss report can
// never disagree. Nothing is dropped without being named here first.

import type { Capabilities, InterchangeAnnotation, InterchangeDocument, Loss } from '../registry/format.js';

const EXAMPLES = 3;

function loss(what: string, hits: readonly InterchangeAnnotation[]): Loss[] {
  if (hits.length === 0) return [];
  return [{ what, count: hits.length, examples: hits.slice(0, EXAMPLES).map((a) => `${JSON.stringify(a.quote)} (${a.label})`) }];
}

/** Losses of writing `docs` in a format with these capabilities (and these extra rules). */
export function lossesFor(docs: readonly InterchangeDocument[], caps: Capabilities): Loss[] {
  const all = docs.flatMap((d) => d.annotations);
  const out: Loss[] = [];
  if (!caps.discontinuous) {
    out.push(
      ...loss(
        'discontinuous spans (written as one span covering all fragments)',
        all.filter((a) => (a.fragments?.length ?? 0) > 1),
      ),
    );
  }
  if (!caps.attributes)
    out.push(
      ...loss(
        'attributes',
        all.filter((a) => a.attributes !== undefined && Object.keys(a.attributes).length > 0),
      ),
    );
  if (!caps.notes)
    out.push(
      ...loss(
        'notes',
        all.filter((a) => a.note !== undefined && a.note !== ''),
      ),
    );
  if (!caps.annotators)
    out.push(
      ...loss(
        'annotator names',
        all.filter((a) => a.annotator !== undefined && a.annotator !== ''),
      ),
    );
  if (!caps.overlaps) {
    const overlapping = docs.flatMap((d) => {
      const sorted = [...d.annotations].sort((a, b) => a.start - b.start || b.end - a.end);
      const hit: InterchangeAnnotation[] = [];
      let reach = -1;
      for (const a of sorted) {
        if (a.start < reach) hit.push(a);
        reach = Math.max(reach, a.end);
      }
      return hit;
    });
    out.push(...loss('overlapping spans', overlapping));
  }
  return out;
}

/** Labels a file uses, each once, in first-use order. */
export function labelsOf(docs: readonly InterchangeDocument[]): { id: string; name: string }[] {
  const seen = new Set<string>();
  for (const d of docs) for (const a of d.annotations) seen.add(a.label);
  return [...seen].map((id) => ({ id, name: id }));
}

/** Ids unique within a document: a repeated or missing id gets a suffix. */
export function uniqueIds(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    let id = wanted;
    for (let n = 2; used.has(id); n++) id = `${wanted}-${n}`;
    used.add(id);
    return id;
  };
}
