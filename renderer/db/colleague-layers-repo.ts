// Colleagues' layers: stored under a stable key (their installation id, else their name) and shown
// under a name of their own, which the analyst may change. The rest of the app knows a colleague's
// layer by its shown name (unique here), so reading hands out annotations whose `annotator` is that
// name; the stored records keep the name (and id) their file gave. Excluded: the routing rule
// (src/review/layer-identity.ts) and my own layer (annotations-repo.ts).

import type { Annotation } from '../../src/annotations/types.js';
import { decisionId, type ReviewDecision } from '../../src/review/decisions.js';
import { layerNameProblem, uniqueLayerName, type LayerKey } from '../../src/review/layer-identity.js';
import type { Result } from '../../src/result.js';
import type { ColleagueAnnotation, ColleagueLayer, SpanmarkDb } from './db.js';

/** Tables a transaction that reads colleagues' layers must include. */
export const colleagueTables = (db: SpanmarkDb) => [db.colleagueAnnotations, db.colleagueLayers];

function plain(rec: ColleagueAnnotation, shownAs: string): Annotation {
  const { layer: _layer, ...a } = rec;
  return { ...a, annotator: shownAs };
}

/** A document's colleague layers by shown name, annotator set to it. Inside a transaction. */
export async function readColleagueLayers(db: SpanmarkDb, docId: string): Promise<Map<string, Annotation[]>> {
  const records = await db.colleagueAnnotations.where('docId').equals(docId).toArray();
  const keys = [...new Set(records.map((r) => r.layer))];
  const layers = await db.colleagueLayers.bulkGet(keys);
  const shown = new Map<string, string>();
  keys.forEach((k, i) => shown.set(k, layers[i]?.displayName ?? k));
  const out = new Map<string, Annotation[]>();
  for (const r of records) {
    const name = shown.get(r.layer) ?? r.layer;
    const list = out.get(name) ?? [];
    list.push(plain(r, name));
    out.set(name, list);
  }
  return out;
}

/** A document's colleague layers as stored (original names and ids), for an export of every layer. */
export async function storedColleagueLayers(db: SpanmarkDb, docId: string): Promise<{ layer: ColleagueLayer | undefined; annotations: Annotation[] }[]> {
  const records = await db.colleagueAnnotations.where('docId').equals(docId).toArray();
  const byKey = new Map<LayerKey, Annotation[]>();
  for (const r of records) {
    const { layer, ...a } = r;
    byKey.set(layer, [...(byKey.get(layer) ?? []), a]);
  }
  const keys = [...byKey.keys()];
  const layers = await db.colleagueLayers.bulkGet(keys);
  return keys.map((k, i) => ({ layer: layers[i], annotations: byKey.get(k)! }));
}

/**
 * The shown name of the layer `key`, made (under the annotator's name, or "name (2)"… when another
 * layer or I use it) if it is new. Inside a read-write transaction on colleagueLayers.
 */
export async function ensureColleagueLayer(db: SpanmarkDb, key: LayerKey, annotator: string, annotatorId: string | undefined, myName: string): Promise<string> {
  const existing = await db.colleagueLayers.get(key);
  if (existing) return existing.displayName;
  const all = await db.colleagueLayers.toArray();
  const displayName = uniqueLayerName(annotator, [myName, ...all.map((l) => l.displayName)]);
  await db.colleagueLayers.add({ key, displayName, annotator, ...(annotatorId !== undefined ? { annotatorId } : {}) });
  return displayName;
}

/** A colleague's export is their whole layer for the document: ids not in it were deleted by them. */
export async function replaceColleagueLayer(db: SpanmarkDb, docId: string, key: LayerKey, list: readonly Annotation[]): Promise<void> {
  const keep = new Set(list.map((a) => a.id));
  const existing = await db.colleagueAnnotations.where('[docId+layer]').equals([docId, key]).primaryKeys();
  await db.colleagueAnnotations.bulkDelete(existing.filter((k) => !keep.has(k[2])));
  await db.colleagueAnnotations.bulkPut(list.map((a) => ({ ...a, layer: key })));
}

/**
 * Renames a colleague's layer everywhere (it is one person across the library), with the review
 * decisions taken on it, in one transaction. Returns the name as stored (trimmed).
 */
export async function renameColleagueLayer(db: SpanmarkDb, from: string, to: string, myName: string): Promise<Result<{ readonly name: string }>> {
  return db.transaction('rw', [db.colleagueLayers, db.reviewDecisions], async () => {
    const all = await db.colleagueLayers.toArray();
    const layer = all.find((l) => l.displayName === from);
    if (!layer) return { ok: false, error: { code: 'not-found', message: `There is no layer called “${from}”.` } };
    const name = to.trim();
    if (name === from) return { ok: true, value: { name } };
    const problem = layerNameProblem(
      name,
      myName,
      all.filter((l) => l !== layer).map((l) => l.displayName),
    );
    if (problem !== undefined) return { ok: false, error: { code: 'bad-name', message: problem } };
    await db.colleagueLayers.put({ ...layer, displayName: name });
    // Decisions name the layer they decided on; their id includes that name.
    const decided = await db.reviewDecisions.filter((d) => d.annotator === from).toArray();
    const moved: ReviewDecision[] = decided.map((d) => ({ ...d, annotator: name, id: decisionId(d.docId, name, d.annotationId) }));
    await db.reviewDecisions.bulkDelete(decided.map((d) => d.id));
    await db.reviewDecisions.bulkPut(moved);
    return { ok: true, value: { name } };
  });
}
