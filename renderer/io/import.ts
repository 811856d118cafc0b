// Import: the core decodes and validates the whole file first; only a wholly valid file is applied,
// in one transaction. My own annotations go to my layer: re-importing changes nothing and an older
// copy never overwrites a newer edit. Which are mine is decided by src/review/layer-identity.ts (my
// installation id; for a file without ids, my name and my answer to `confirmMine`, asked before
// the transaction). Everyone else's go to their own read-only layer, keyed by their id (or name),
// which the file replaces for that document (updated by annotation id).

import { decodeSpanmarkV1Bytes, type DecodedLibrary } from '../../src/codecs/spanmark-v1/decode.js';
import { ownMergeOutcome } from '../../src/annotations/merge-own.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import { plainTextBlocks } from '../../src/document/plain-blocks.js';
import { decisionId, type ReviewDecision } from '../../src/review/decisions.js';
import type { Result } from '../../src/result.js';
import { countNeedingConfirmation, routeAnnotation, type LayerKey, type Me } from '../../src/review/layer-identity.js';
import { sha256Hex } from '../db/articles-repo.js';
import { bumpRevision } from '../db/annotations-repo.js';
import { ensureColleagueLayer, replaceColleagueLayer } from '../db/colleague-layers-repo.js';
import type { SpanmarkDb } from '../db/db.js';

/**
 * Asked when a file has annotations with my name and no annotator id: are they mine? `count` is how
 * many. Resolving false makes them a colleague's layer; no callback counts as false.
 */
export type ConfirmMine = (question: { readonly file: string; readonly annotator: string; readonly count: number }) => Promise<boolean>;

export interface ImportSummary {
  readonly documents: number;
  readonly newDocuments: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Kept the stored copy because it was edited more recently than the imported one. */
  readonly keptNewer: number;
  /** Colleagues whose layers the file brought (by the name shown here), with how many annotations each. */
  readonly layers: readonly { readonly annotator: string; readonly annotations: number }[];
  readonly docIds: readonly string[];
}

type Counts = { newDocuments: number; added: number; updated: number; unchanged: number; keptNewer: number; layers: Map<string, number> };

const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export async function importExport(db: SpanmarkDb, name: string, bytes: Uint8Array, me: Me, confirmMine?: ConfirmMine): Promise<Result<ImportSummary>> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, error: { code: 'too-large', message: `${name} is larger than 256 MB.`, path: name } };
  }
  // From the bytes: the decoder checks UTF-8 (with the offset of a bad byte) and allows one BOM.
  const decoded = await decodeSpanmarkV1Bytes(bytes, sha256Hex);
  if (!decoded.ok) {
    const where = decoded.error.path ? `${decoded.error.path}: ` : '';
    const message = decoded.error.message.startsWith(where) ? decoded.error.message : `${where}${decoded.error.message}`;
    return { ok: false, error: { ...decoded.error, message: `${name}: ${message}` } };
  }
  const counts: Counts = { newDocuments: 0, added: 0, updated: 0, unchanged: 0, keptNewer: 0, layers: new Map() };
  const { exportedBy } = decoded.value;
  const unsure = countNeedingConfirmation(decoded.value.documents.flatMap((d) => d.annotations), me, exportedBy);
  const confirmed = unsure > 0 && confirmMine !== undefined ? await confirmMine({ file: name, annotator: me.name, count: unsure }) : false;
  try {
    await applyImport(db, decoded.value.documents, me, counts, (a) => routeAnnotation(a, me, confirmed, exportedBy));
  } catch (e) {
    // The transaction aborted: nothing of this file was written.
    return { ok: false, error: { code: 'conflict', message: `${name}: ${e instanceof Error ? e.message : String(e)}`, path: name } };
  }
  const { layers, ...rest } = counts;
  return {
    ok: true,
    value: {
      ...rest,
      documents: decoded.value.documents.length,
      docIds: decoded.value.documents.map((d) => d.article.id),
      layers: [...layers].map(([annotator, annotations]) => ({ annotator, annotations })),
    },
  };
}

async function applyImport(db: SpanmarkDb, documents: DecodedLibrary['documents'], me: Me, counts: Counts, route: (a: Annotation) => ReturnType<typeof routeAnnotation>): Promise<void> {
  await db.transaction('rw', [db.articles, db.annotations, db.colleagueAnnotations, db.colleagueLayers, db.reviewDecisions, db.layerRevisions], async () => {
    for (const doc of documents) {
      const docId = doc.article.id;
      if (!(await db.articles.get(docId))) {
        const blocks = doc.article.blocks.length > 0 ? doc.article.blocks : plainTextBlocks(doc.article.text);
        const article: Article = { ...doc.article, blocks, addedAt: doc.article.addedAt ?? new Date().toISOString() };
        await db.articles.add(article);
        counts.newDocuments += 1;
      }
      const mine: Annotation[] = [];
      const byLayer = new Map<LayerKey, { name: string; annotatorId?: string | undefined; list: Annotation[] }>();
      for (const a of doc.annotations) {
        const r = route(a);
        if (r.kind === 'mine') {
          mine.push(a);
        } else {
          const layer = byLayer.get(r.key) ?? { name: r.name, annotatorId: r.annotatorId, list: [] };
          layer.list.push(a);
          byLayer.set(r.key, layer);
        }
      }
      if (await mergeOwn(db, mine, counts)) await bumpRevision(db, docId);
      for (const [key, { name: annotator, annotatorId, list }] of byLayer) {
        const shown = await ensureColleagueLayer(db, key, annotator, annotatorId, me.name);
        await replaceColleagueLayer(db, docId, key, list);
        counts.layers.set(shown, (counts.layers.get(shown) ?? 0) + list.length);
      }
      const decisions: ReviewDecision[] = (doc.review?.decisions ?? [])
        .filter((d) => d.decidedBy === me.name)
        .map((d) => ({ ...d, id: decisionId(docId, d.annotator, d.annotationId), docId }));
      if (decisions.length > 0) await db.reviewDecisions.bulkPut(decisions);
      if (doc.review && decisions.length > 0) await db.articles.update(docId, { reviewStatus: doc.review.status });
    }
  });
}

/** Returns whether anything in my layer changed. */
async function mergeOwn(db: SpanmarkDb, incoming: readonly Annotation[], counts: Counts): Promise<boolean> {
  const stored = await db.annotations.bulkGet(incoming.map((a) => a.id));
  const toPut: Annotation[] = [];
  incoming.forEach((a, i) => {
    switch (ownMergeOutcome(stored[i], a)) {
      case 'added':
        counts.added += 1;
        toPut.push(a);
        break;
      case 'other-document':
        throw new Error(`annotation ${a.id} already belongs to another document, so the file was not imported`);
      case 'unchanged':
        counts.unchanged += 1;
        break;
      case 'kept-newer':
        counts.keptNewer += 1;
        break;
      case 'updated':
        counts.updated += 1;
        toPut.push(a);
    }
  });
  await db.annotations.bulkPut(toPut);
  return toPut.length > 0;
}
