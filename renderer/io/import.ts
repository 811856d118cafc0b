// Import: the core decodes and validates the whole file first; only a wholly valid file is applied,
// in one transaction. My own annotations go to my layer: re-importing changes nothing and an older
// copy never overwrites a newer edit. Which are mine is decided by src/review/layer-identity.ts (my
// installation id; for a file without ids, my name and my answer to `confirmMine`, asked before
// the transaction). Everyone else's go to their own read-only layer, keyed by their id (or name),
// which the file replaces for that document (updated by annotation id).
// Runs in the import Worker (import-worker.ts) so a big file never blocks the window; it touches
// nothing of the DOM. The transaction also stores the new layer's snapshot, so the document opens
// after the import from one record instead of reading 10,000.
// Files of contract v1 and v2 are read by one decoder. The file's label schema is mapped onto the
// library's (src/labels/schema-merge.ts): a conflict refuses the file, additions are asked about
// (`confirmSchema`) and saved as the library's next schema version in the same transaction as the
// annotations, so the values imported always fit the schema stored beside them.

import { decodeSpanmarkBytes, type DecodedLibrary } from '../../src/codecs/spanmark/decode.js';
import { mergeSchema, type SchemaAddition } from '../../src/labels/schema-merge.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import { ownMergeOutcome } from '../../src/annotations/merge-own.js';
import { sortAnnotations } from '../../src/annotations/commands.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import { plainTextBlocks } from '../../src/document/plain-blocks.js';
import { decisionId, type ReviewDecision } from '../../src/review/decisions.js';
import type { Result } from '../../src/result.js';
import { countNeedingConfirmation, routeAnnotation, type LayerKey, type Me } from '../../src/review/layer-identity.js';
import { sha256Hex } from '../db/articles-repo.js';
import { bumpRevisions, putSnapshots, readOwnLayers } from '../db/annotations-repo.js';
import type { KnownLayer, PackedLayer, Stamp } from '../store/session-store.js';
import { ensureColleagueLayer, replaceColleagueLayer } from '../db/colleague-layers-repo.js';
import { underStoredIds } from '../anchoring/stored-ids.js';
import { placeOnLibraryCopies, storeImportReanchoring, type ReanchorSummary } from '../anchoring/import-reanchor.js';
import type { SpanmarkDb } from '../db/db.js';
import { loadSchema, saveSchema } from '../db/schema-repo.js';
import { myLayerTables, replaceMineOnAll } from '../db/my-layer-store.js';
import { countsRecord } from '../library/layer-counts.js';
import { summariseLayer } from '../../src/corpus/layer-summary.js';

/**
 * Asked when a file has annotations with my name and no annotator id: are they mine? `count` is how
 * many. Resolving false makes them a colleague's layer; no callback counts as false.
 */
export type ConfirmMine = (question: { readonly file: string; readonly annotator: string; readonly count: number }) => Promise<boolean>;

/**
 * Asked when a file's schema has labels, attributes or choice values the library lacks: add them?
 * `additions` says each in words. Resolving false refuses the file; no callback counts as false.
 */
export type ConfirmSchema = (question: { readonly file: string; readonly additions: readonly string[] }) => Promise<boolean>;

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
  /** The labels, attributes and values added to the library's schema (confirmed), in words. */
  readonly schemaAdded: readonly string[];
  /** What was accepted but is worth saying (an annotation without a required value), with where. */
  readonly warnings: readonly string[];
  /** Documents whose library copy has another text: their spans re-anchored onto it; orphans kept. */
  readonly reanchored?: ReanchorSummary;
  /**
   * My layer on the first document as committed, when the import wrote it: opened without reading
   * it back. Left out when it was handed to `onLayerPacked` instead.
   */
  readonly layer?: KnownLayer;
}

/**
 * Told my layer on a document as it will be committed, with the text it was packed for, as soon as
 * it is packed and stamped and while IndexedDB is still writing it: the import's window unpacks it
 * meanwhile (25–55 ms for 10,000 annotations), and opens it once the commit is reported.
 * Until then it is not the library's: the transaction may still abort.
 */
export type LayerPacked = (layer: PackedWithText) => void;

/** A packed layer and the text it was packed for (its quotes are cut from it on unpacking). */
export type PackedWithText = PackedLayer & { readonly text: string };

/** Where an import is; `done`/`total` count annotations written so far (stage 'saving'). */
export type ImportProgress =
  { readonly stage: 'checking' } | { readonly stage: 'saving'; readonly done: number; readonly total: number } | { readonly stage: 'committing' };

export type Counts = { newDocuments: number; added: number; updated: number; unchanged: number; keptNewer: number; layers: Map<string, number> };

export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** The refusal a file's size alone decides, so a dropped file is refused before it is read. */
export function importSizeProblem(name: string, size: number): Result<never> | undefined {
  return size > MAX_IMPORT_BYTES ? { ok: false, error: { code: 'too-large', message: `${name} is larger than 256 MB.`, path: name } } : undefined;
}

export async function importExport(
  db: SpanmarkDb,
  name: string,
  bytes: Uint8Array,
  me: Me,
  onProgress: (p: ImportProgress) => void = () => {},
  confirmMine?: ConfirmMine,
  confirmSchema?: ConfirmSchema,
  /** The layer of the document the window opens (the file's first), while it is being committed; then not in the summary. */
  onLayerPacked?: LayerPacked,
): Promise<Result<ImportSummary>> {
  const tooLarge = importSizeProblem(name, bytes.byteLength);
  if (tooLarge) return tooLarge;
  onProgress({ stage: 'checking' });
  // From the bytes: the decoder checks UTF-8 (with the offset of a bad byte) and allows one BOM.
  const decoded = await decodeSpanmarkBytes(bytes, sha256Hex);
  if (!decoded.ok) {
    const where = decoded.error.path ? `${decoded.error.path}: ` : '';
    const message = decoded.error.message.startsWith(where) ? decoded.error.message : `${where}${decoded.error.message}`;
    return { ok: false, error: { ...decoded.error, message: `${name}: ${message}` } };
  }
  const fileSchema = decoded.value.schema;
  const planned = mergeSchema(await loadSchema(db), fileSchema);
  if (planned.conflicts.length > 0) {
    const list = planned.conflicts.map((c) => c.message).join('; ');
    return {
      ok: false,
      error: {
        code: 'schema-conflict',
        message: `${name}: its labels do not fit your library's under the same ids (${list}).`,
        path: planned.conflicts[0]!.at,
      },
    };
  }
  const additions = planned.additions;
  if (additions.length > 0) {
    const yes = confirmSchema !== undefined && (await confirmSchema({ file: name, additions: additions.map((a) => a.text) }));
    if (!yes) {
      return {
        ok: false,
        error: { code: 'schema-declined', message: `${name} uses labels or values your library does not have, and they were not added.`, path: name },
      };
    }
  }
  const counts: Counts = { newDocuments: 0, added: 0, updated: 0, unchanged: 0, keptNewer: 0, layers: new Map() };
  const { exportedBy } = decoded.value;
  const unsure = countNeedingConfirmation(
    decoded.value.documents.flatMap((d) => d.annotations),
    me,
    exportedBy,
  );
  const confirmed = unsure > 0 && confirmMine !== undefined ? await confirmMine({ file: name, annotator: me.name, count: unsure }) : false;
  // A replaced article's export names its new text's hash; it is stored under its first id.
  const route = (a: Annotation) => routeAnnotation(a, me, confirmed, exportedBy);
  // A document the library holds with another text: its spans placed on the library's (renderer/anchoring/import-reanchor.ts).
  const onto = await placeOnLibraryCopies(db, await underStoredIds(db, decoded.value.documents), route);
  const documents = onto.documents;
  const opened = documents[0]?.article.id;
  const packed = onLayerPacked && ((l: PackedWithText) => void (l.docId === opened && onLayerPacked(l)));
  let written: readonly KnownLayer[];
  try {
    written = await applyImport(
      db,
      documents,
      me,
      counts,
      onProgress,
      route,
      { file: fileSchema, confirmed: additions },
      () => storeImportReanchoring(db, onto.plans),
      packed,
    );
  } catch (e) {
    // The transaction aborted: nothing of this file was written.
    return { ok: false, error: { code: 'conflict', message: `${name}: ${e instanceof Error ? e.message : String(e)}`, path: name } };
  }
  const { layers, ...rest } = counts;
  const docIds = documents.map((d) => d.article.id);
  const layer = onLayerPacked ? undefined : written.find((l) => l.docId === docIds[0]);
  return {
    ok: true,
    value: {
      ...rest,
      documents: decoded.value.documents.length,
      docIds,
      layers: [...layers].map(([annotator, annotations]) => ({ annotator, annotations })),
      schemaAdded: additions.map((a) => a.text),
      warnings: decoded.value.warnings.map((w) => w.message),
      ...(onto.summary.documents + onto.summary.keptOrphans > 0 ? { reanchored: onto.summary } : {}),
      ...(layer ? { layer } : {}),
    },
  };
}

/**
 * Maps the file's schema again inside the transaction (the library's may have changed while the
 * analyst was asked) and stores the result; refuses when it now needs more than was confirmed.
 */
async function saveMergedSchema(db: SpanmarkDb, file: LabelSchema, confirmed: readonly SchemaAddition[]): Promise<void> {
  const now = mergeSchema(await loadSchema(db), file);
  if (now.conflicts.length > 0) throw new Error(`the library's labels changed during the import (${now.conflicts[0]!.message})`);
  const asked = new Set(confirmed.map((a) => `${a.kind} ${a.at} ${a.text}`));
  if (now.additions.some((a) => !asked.has(`${a.kind} ${a.at} ${a.text}`)))
    throw new Error("the library's labels changed during the import; import the file again");
  if (now.additions.length > 0) await saveSchema(db, now.merged);
}

async function applyImport(
  db: SpanmarkDb,
  documents: DecodedLibrary['documents'],
  me: Me,
  counts: Counts,
  onProgress: (p: ImportProgress) => void,
  route: (a: Annotation) => ReturnType<typeof routeAnnotation>,
  schema: { readonly file: LabelSchema; readonly confirmed: readonly SchemaAddition[] },
  /** Written first in the transaction: moved spans and orphans of re-anchored documents. */
  reanchored: () => Promise<void> = async () => {},
  onPacked?: LayerPacked,
): Promise<readonly PackedLayer[]> {
  const total = documents.reduce((n, d) => n + d.annotations.length, 0);
  let written = 0;
  const wrote = (n: number): void => {
    written += n;
    onProgress({ stage: 'saving', done: Math.min(written, total), total });
  };
  return db.transaction(
    'rw',
    [
      db.articles,
      db.articleRows,
      ...myLayerTables(db),
      db.colleagueAnnotations,
      db.colleagueLayers,
      db.reviewDecisions,
      db.layerRevisions,
      db.layerSnapshots,
      db.layerCounts,
      db.settings,
      db.textReplacements,
    ],
    async () => {
      await saveMergedSchema(db, schema.file, schema.confirmed);
      await reanchored();
      onProgress({ stage: 'saving', done: 0, total });
      const own: OwnIncoming[] = [];
      // Rows, not articles: whether each is stored, without reading every text.
      const stored = await db.articleRows.bulkGet(documents.map((d) => d.article.id));
      const added = new Set<string>();
      for (const [i, doc] of documents.entries()) {
        const docId = doc.article.id;
        // A file naming one document twice adds it once.
        if (stored[i] === undefined && !added.has(docId)) {
          added.add(docId);
          const blocks = doc.article.blocks.length > 0 ? doc.article.blocks : plainTextBlocks(doc.article.text);
          const article: Article = { ...doc.article, blocks, addedAt: doc.article.addedAt ?? new Date().toISOString() };
          await db.articles.add(article);
          counts.newDocuments += 1;
        }
        const mine: Annotation[] = [];
        // Pushed, not copied: a copy per annotation made a colleague's 10,000-span layer quadratic.
        const byLayer = new Map<LayerKey, { name: string; annotatorId?: string | undefined; list: Annotation[] }>();
        for (const a of doc.annotations) {
          const r = route(a);
          if (r.kind === 'mine') {
            mine.push(a);
            continue;
          }
          const layer = byLayer.get(r.key);
          if (layer) layer.list.push(a);
          else byLayer.set(r.key, { name: r.name, annotatorId: r.annotatorId, list: [a] });
        }
        written += doc.annotations.length - mine.length;
        if (mine.length > 0) own.push({ docId, text: doc.article.text, incoming: mine });
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
      // My layers of every document at once: a few requests instead of several per document.
      const layers = await mergeOwnAll(db, own, counts, wrote, onPacked);
      onProgress({ stage: 'committing' });
      return layers;
    },
  );
}

/** One document's annotations of mine in a file, and the document's text (for its snapshot). */
export interface OwnIncoming {
  readonly docId: string;
  readonly text: string;
  readonly incoming: readonly Annotation[];
}

/** mergeOwnAll for one document. */
export async function mergeOwn(db: SpanmarkDb, docId: string, text: string, incoming: readonly Annotation[], counts: Counts): Promise<void> {
  await mergeOwnAll(db, [{ docId, text, incoming }], counts);
}

/**
 * Merges the file's annotations into my layer of each document, compared with the stored layer
 * (read from its snapshot when current). An id that is not in its document's layer is added (ids
 * are unique within a document, as a colleague's are). Each layer that changed is written whole
 * (my-layer-store.ts replaceMineOn: packed as columns, 10,000 annotations in one record instead of
 * 10,000), its revision bumped and its snapshot a marker saying the chunks are the layer. Reads,
 * bumps and snapshots each go in a few requests for all documents: one after another per
 * document, 500 articles of 20 spans took 3.5 s, mostly waiting on requests. `onWritten` is told
 * each batch of annotations written (their number). Resolves with each layer that changed as
 * written: its chunks at its new stamp.
 */
export async function mergeOwnAll(
  db: SpanmarkDb,
  docs: readonly OwnIncoming[],
  counts: Counts,
  onWritten: (n: number) => void = () => {},
  /** Told each changed layer as it will be committed, while it is being written. */
  onPacked?: LayerPacked,
): Promise<readonly PackedLayer[]> {
  const some = byDocument(docs);
  if (some.length === 0) return [];
  const stored = await readOwnLayers(db, some);
  const changed: { docId: string; text: string; read: Stamp; layer: readonly Annotation[] }[] = [];
  for (const [i, { docId, text, incoming }] of some.entries()) {
    const { own, stamp } = stored[i]!;
    const layer = new Map(own.map((a) => [a.id, a]));
    if (mergeInto(layer, incoming, counts)) changed.push({ docId, text, read: stamp, layer: sortAnnotations([...layer.values()]) });
  }
  if (changed.length === 0) return [];
  let before = 0;
  const replaced = replaceMineOnAll(
    db,
    changed.map((c) => ({ docId: c.docId, list: c.layer })),
    {
      onWritten: (n) => {
        onWritten(n - before);
        before = n;
      },
    },
  );
  // The revisions, snapshots and counts are requests of the same transaction as the chunks, which
  // they do not depend on: issued now, the counting runs while IndexedDB removes the old layer,
  // and none waits for the 4 MB chunk to be stored first.
  const bumped = bumpRevisions(db, changed);
  const layers: PackedLayer[] = changed.map((c, i) => ({ docId: c.docId, stamp: bumped.stamps[i]!, columns: replaced.columns[i]! }));
  if (onPacked) layers.forEach((l, i) => onPacked({ ...l, text: changed[i]!.text }));
  await Promise.all([
    replaced.written,
    bumped.written,
    // Each layer is written whole, in text order as the session keeps it: its chunks are its
    // snapshot, and opening skips sorting 10,000 annotations.
    putSnapshots(
      db,
      changed.map((c, i) => ({ docId: c.docId, stamp: bumped.stamps[i]!, inChunks: true })),
    ),
    // The library's label counts, current at the new stamps: otherwise the library reads the whole
    // layer again to count it (~40 ms for 10,000) while the imported document opens.
    db.layerCounts.bulkPut(changed.map((c, i) => countsRecord(c.docId, bumped.stamps[i]!, summariseLayer(c.layer)))),
  ]);
  return layers;
}

/**
 * One entry per document, its annotations in the order given: two documents of a file can land on
 * one library article (a replaced text's export beside its own), and merging them as one is what
 * merging them one after another did. The text is the last one's, as its snapshot was.
 */
function byDocument(docs: readonly OwnIncoming[]): OwnIncoming[] {
  const out = new Map<string, OwnIncoming>();
  for (const d of docs) {
    if (d.incoming.length === 0) continue;
    const seen = out.get(d.docId);
    out.set(d.docId, seen ? { docId: d.docId, text: d.text, incoming: seen.incoming.concat(d.incoming) } : d);
  }
  return [...out.values()];
}

/** Applies one document's incoming annotations to `layer`, counting each outcome; whether any changed it. */
function mergeInto(layer: Map<string, Annotation>, incoming: readonly Annotation[], counts: Counts): boolean {
  let changed = false;
  for (const a of incoming) {
    switch (ownMergeOutcome(layer.get(a.id), a)) {
      case 'added':
        counts.added += 1;
        layer.set(a.id, a);
        changed = true;
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
        layer.set(a.id, a);
        changed = true;
    }
  }
  return changed;
}
