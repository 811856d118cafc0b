// What the library shows of my layer of one article: its annotations per label and its newest
// edit. Kept per document with the layer's stamp (renderer/library/layer-counts.ts), so it is
// worked out once per change of the layer, not on every library open.

export interface LayerSummary {
  /** Label id → annotations; labels without any are absent. Own properties only ("__proto__" is a label like any). */
  readonly counts: Readonly<Record<string, number>>;
  /** ISO time of the newest annotation change (updatedAt, else createdAt); absent for an empty layer. */
  readonly lastEdited?: string;
}

export function summariseLayer(list: Iterable<{ readonly label: string; readonly createdAt?: string; readonly updatedAt?: string }>): LayerSummary {
  const counts = new Map<string, number>();
  let lastEdited: string | undefined;
  for (const a of list) {
    counts.set(a.label, (counts.get(a.label) ?? 0) + 1);
    const t = a.updatedAt ?? a.createdAt;
    if (t && (lastEdited === undefined || t > lastEdited)) lastEdited = t;
  }
  return { counts: Object.fromEntries(counts), ...(lastEdited !== undefined ? { lastEdited } : {}) };
}
