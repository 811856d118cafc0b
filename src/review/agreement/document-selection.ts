// Which documents of a selection the pooled figures rest on. A document with fewer than two
// contributing layers has nothing to agree about: pooling it would only add its tokens as "nobody
// marked this" agreement (an unannotated article added 188 tokens of it). Such documents are
// excluded and named, never silently dropped.

export interface SelectedDocument<L extends { readonly annotator: string }> {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  /** The contributing layers only (review-layers.ts decides which those are). */
  readonly layers: readonly L[];
}

export interface DocumentSplit<D> {
  readonly included: readonly D[];
  readonly excluded: readonly D[];
}

export function splitByContribution<L extends { readonly annotator: string }, D extends SelectedDocument<L>>(docs: readonly D[]): DocumentSplit<D> {
  return { included: docs.filter((d) => d.layers.length >= 2), excluded: docs.filter((d) => d.layers.length < 2) };
}
