// The one Dexie database: schema versions, durability and the error names the UI must tell apart.
// Versions are append-only: a shipped version is never edited; a new one adds an upgrade.

import Dexie, { type EntityTable } from 'dexie';
import type { Annotation } from '../../src/annotations/types.js';
import type { StoredColumns } from '../../src/annotations/layer-columns.js';
import type { Article } from '../../src/document/article.js';
import type { ReviewDecision } from '../../src/review/decisions.js';
import type { LayerKey } from '../../src/review/layer-identity.js';
import type { TextReplacement } from '../anchoring/replacement-types.js';
import { ARTICLE_ROWS, articleRow, articleRowsMiddleware, type ArticleRow } from './article-rows.js';
import { LIBRARY_PACKS } from './rows-pack.js';
import { sortAnnotations } from '../../src/annotations/commands.js';
import { chunksOf } from './layer-chunks.js';

export interface SettingRecord {
  readonly key: string;
  readonly value: unknown;
}

/** A colleague's annotation (as v2 stored it), kept apart from my own layer, keyed per annotator name. */
export type LayerAnnotation = Annotation;

/**
 * A colleague's annotation since v3: `annotator` (and `annotatorId`) as their file said, `layer`
 * the key of the layer it belongs to (src/review/layer-identity.ts: their id, else their name).
 */
export type ColleagueAnnotation = Annotation & { readonly layer: LayerKey };

/** One colleague's layer across the library: its key, and the name it is shown under here. */
export interface ColleagueLayer {
  readonly key: LayerKey;
  /** Unique among layers and not mine; the analyst may rename it. */
  readonly displayName: string;
  /** The annotator name their file gave when the layer was made. */
  readonly annotator: string;
  readonly annotatorId?: string;
}

export type SpanmarkDb = Dexie & {
  articles: EntityTable<Article, 'id'>;
  /** Each article without its text and blocks, for the library (article-rows.ts keeps it in step). */
  articleRows: EntityTable<ArticleRow, 'id'>;
  /** My own layer as written whole (an import, a text replacement), CHUNK_SIZE annotations a record. */
  myLayerChunks: Dexie.Table<LayerChunk, [string, number]>;
  /** My own layer's edits since: each wins over a chunked copy of its id (my-layer-store.ts). */
  myLayerEdits: Dexie.Table<Annotation, [string, string]>;
  /** A chunked annotation of mine deleted since its chunk was written. */
  myLayerTombstones: Dexie.Table<Tombstone, [string, string]>;
  settings: EntityTable<SettingRecord, 'key'>;
  /** Colleagues' layers, primary key [docId+layer+id]. */
  colleagueAnnotations: Dexie.Table<ColleagueAnnotation, [string, string, string]>;
  /** Each colleague layer's key and shown name. */
  colleagueLayers: EntityTable<ColleagueLayer, 'key'>;
  reviewDecisions: EntityTable<ReviewDecision, 'id'>;
  /** A counter per document, bumped in every transaction that changes my layer. */
  layerRevisions: EntityTable<LayerRevision, 'docId'>;
  /** My layer as one record, valid only while its revision equals the document's. */
  layerSnapshots: EntityTable<LayerSnapshot, 'docId'>;
  /** Per document, after File › Replace text…: moved spans to confirm, orphans, and the undo state. */
  textReplacements: EntityTable<TextReplacement, 'docId'>;
  /** Per document, my layer's annotations per label, valid only while its stamp is the document's. */
  layerCounts: EntityTable<LayerCounts, 'docId'>;
};

/**
 * A cache, never the truth: my layer's count per label and its newest edit, for the library's
 * rows, so opening the library reads one small record per article instead of every annotation.
 * Used only while its revision and writer equal the document's layerRevisions record.
 */
export interface LayerCounts {
  readonly docId: string;
  readonly revision: number;
  readonly writer?: string;
  readonly counts: Readonly<Record<string, number>>;
  /** ISO time of the newest annotation's last change; absent when the layer is empty. */
  readonly lastEdited?: string;
}

/** Part of my layer on one document, written with the rest of it (my-layer-store.ts). */
export interface LayerChunk {
  readonly docId: string;
  /** 0, 1, 2…: the order the layer was written in. */
  readonly part: number;
  /** Packed with every quote (layer-columns.ts): a structured clone of columns costs a tenth of one of objects. */
  readonly columns: StoredColumns;
}

export interface Tombstone {
  readonly docId: string;
  readonly id: string;
}

export interface LayerRevision {
  readonly docId: string;
  readonly revision: number;
  /** Names the write that set this revision (absent in libraries written before it existed). */
  readonly writer?: string;
}

/**
 * A cache, never the truth: reading 10,000 annotation records takes IndexedDB ~300 ms, one record
 * holding them as objects ~50 ms, as columns a few. Written when the layer is quiet; ignored unless
 * its revision is current and its columns add up. (Snapshots written by 0.1.0 builds before the
 * columns held `annotations` instead; they are ignored and replaced at the next write.)
 */
export interface LayerSnapshot {
  readonly docId: string;
  readonly revision: number;
  readonly writer?: string;
  /** Absent when inChunks says where the layer is. */
  readonly columns?: StoredColumns;
  /**
   * At this revision my layer is exactly its chunks (myLayerChunks), in text order: a layer
   * written whole (an import, a text replacement or its undo) is read from them, so the same
   * 10,000 annotations are not cloned into a second record (~30 ms of an import).
   */
  readonly inChunks?: true;
}

export const DB_NAME = 'spanmark';
/** The newest schema version this build knows. */
export const SCHEMA_VERSION = 9;
/**
 * The version that added text replacement (its own constant so it can be renumbered alone if
 * another version lands first: a version number is the only thing it shares with others).
 */
export const REPLACEMENT_VERSION = 4;
/** The version that added the library's indexes and label counts (renumbered alone, as above). */
export const LIBRARY_VERSION = 5;
/** The version that added the library's rows (articleRows; renumbered alone, as above). */
export const ROWS_VERSION = 6;
/** The version that added the library's packed rows (libraryPacks; renumbered alone, as above). */
export const PACKS_VERSION = 7;
/** The version that dropped my layer's unused [docId+annotator] index (renumbered alone, as above). */
export const LEAN_ANNOTATIONS_VERSION = 8;
/** The version that stores layers written whole in chunks (renumbered alone, as above). */
export const CHUNKED_LAYERS_VERSION = 9;

export function openDatabase(name: string = DB_NAME): SpanmarkDb {
  // 'strict' makes a commit wait until the data is flushed to disk, so "saved" means saved even
  // if the machine loses power right after (Chrome's default became 'relaxed' in 121).
  // No live-query cache: an edit is written with IndexedDB itself (annotations-repo.ts writeNow, in
  // the key press's task), which Dexie's cache never sees, so a live query (the library's layer
  // stamps) could be answered from a copy taken before the edit. Announcing the change does not
  // drop the cached copy in this window; only Dexie's own writes do.
  const db = new Dexie(name, { chromeTransactionDurability: 'strict', cache: 'disabled' }) as SpanmarkDb;
  db.version(1).stores({
    articles: 'id, addedAt, title',
    annotations: 'id, docId, [docId+annotator]',
    settings: 'key',
  });
  // v2: colleagues' layers and review decisions, in tables of their own so my layer is never
  // merged with theirs; revisions and snapshots of my layer for fast opening. Nothing to migrate:
  // v1 data stays where it is (a document without a revision simply has no usable snapshot).
  db.version(2).stores({
    layerAnnotations: '[docId+annotator+id], docId, [docId+annotator]',
    reviewDecisions: 'id, docId',
    layerRevisions: 'docId',
    layerSnapshots: 'docId',
  });
  // v3: a colleague's layer is keyed by their installation id (by name only for files without
  // one), so two people called "analyst" are two layers; the name shown is stored per layer. A
  // primary key cannot change in place, so v2's layers are copied into a new table, each keyed by
  // its annotator name and shown under it as before, and the old table is dropped after the copy.
  db.version(3)
    .stores({
      layerAnnotations: null,
      colleagueAnnotations: '[docId+layer+id], docId, [docId+layer]',
      colleagueLayers: 'key',
    })
    .upgrade(async (tx) => {
      const old = (await tx.table('layerAnnotations').toArray()) as LayerAnnotation[];
      const layers = new Map<LayerKey, ColleagueLayer>();
      const copied: ColleagueAnnotation[] = old.map((a) => {
        const key: LayerKey = `name:${a.annotator}`;
        if (!layers.has(key)) layers.set(key, { key, displayName: a.annotator, annotator: a.annotator });
        return { ...a, layer: key };
      });
      await tx.table('colleagueAnnotations').bulkAdd(copied);
      await tx.table('colleagueLayers').bulkAdd([...layers.values()]);
    });
  // v4: File › Replace text… keeps an article's id when its text changes (every reference stays
  // valid), so its text's hash is indexed to find it when the same text is opened again; the
  // replacement's moved spans, orphans and undo state live in a table of their own. Nothing to
  // migrate: IndexedDB fills the new index from the records as they are.
  db.version(REPLACEMENT_VERSION).stores({
    articles: 'id, addedAt, title, sha256',
    textReplacements: 'docId',
  });
  // v5: the library's filters and sorts that a query can serve get an index (status, date, outlet,
  // tags, archived, deleted: a record without the field is simply not in that index), and my
  // layer's per-label counts are cached per document (layerCounts). Nothing to migrate: IndexedDB
  // fills the indexes from the records as they are, and a document without counts is counted once
  // the next time the library opens.
  db.version(LIBRARY_VERSION).stores({
    articles: 'id, addedAt, title, sha256, workStatus, metadata.date, metadata.source, *metadata.tags, archivedAt, deletedAt',
    layerCounts: 'docId',
  });
  // v6: each article without its text and blocks (articleRows), so the library's first paint reads
  // ~2 MB instead of every text; article-rows.ts's middleware keeps it equal to the articles from
  // then on. Filled here in one pass of a cursor, so no more than one article's text is held at once.
  db.version(ROWS_VERSION)
    .stores({ [ARTICLE_ROWS]: 'id' })
    .upgrade(async (tx) => {
      const rows: ArticleRow[] = [];
      await tx.table('articles').each((a: Article) => {
        rows.push(articleRow(a));
      });
      await tx.table(ARTICLE_ROWS).bulkPut(rows);
    });
  // v7: the rows packed into one record with the stamp they stand for (rows-pack.ts), so the
  // library's first paint reads one record instead of 5,000. Nothing to migrate: a library without
  // a pack reads its rows once and stores one; the first write to an article stamps the rows.
  db.version(PACKS_VERSION).stores({ [LIBRARY_PACKS]: 'key' });
  // v8: my layer's annotations lose the [docId+annotator] index, which no query used and every
  // write paid for (a quarter of the time an import of 10,000 annotations spent adding them).
  // Nothing to migrate: IndexedDB drops the index and keeps the records.
  db.version(LEAN_ANNOTATIONS_VERSION).stores({ annotations: 'id, docId' });
  // v9: my layer is stored per document (my-layer-store.ts): a layer written whole (an import, a
  // text replacement) in chunks of up to CHUNK_SIZE annotations packed as columns, edits since as
  // records keyed by document and id, deletions of chunked spans as tombstones. 10,000 annotations
  // as 10,000 records cost an import ~1.3 s of add requests; as one record of columns, a few ms. An id is now
  // unique within its document, as a colleague's is: keeping it unique across the library took an
  // index of every id, which cost as much as the records did. The old records become each
  // document's chunks, in text order, so an old library opens as it was.
  db.version(CHUNKED_LAYERS_VERSION)
    .stores({
      annotations: null,
      myLayerChunks: '[docId+part], docId',
      myLayerEdits: '[docId+id], docId',
      myLayerTombstones: '[docId+id], docId',
    })
    .upgrade(async (tx) => {
      const byDoc = new Map<string, Annotation[]>();
      await tx.table('annotations').each((a: Annotation) => {
        const list = byDoc.get(a.docId);
        if (list) list.push(a);
        else byDoc.set(a.docId, [a]);
      });
      for (const [docId, list] of byDoc) await tx.table('myLayerChunks').bulkAdd(chunksOf(docId, sortAnnotations(list)));
    });
  db.use(articleRowsMiddleware);
  return db;
}

export type DbFailure = 'newer-version' | 'quota' | 'blocked' | 'unavailable';

/** Classifies an IndexedDB/Dexie error; quota errors can hide inside an AbortError. */
export function classifyDbError(e: unknown): DbFailure {
  const err = e as { name?: string; inner?: { name?: string } } | null;
  const names = [err?.name, err?.inner?.name];
  if (names.includes('VersionError')) return 'newer-version';
  if (names.includes('QuotaExceededError')) return 'quota';
  if (names.includes('DatabaseClosedError') && err?.inner?.name === 'VersionError') return 'newer-version';
  if (names.includes('BlockedError')) return 'blocked';
  return 'unavailable';
}

/** IndexedDB's own error names (as DOMExceptions from raw requests and transactions). */
const STORAGE_ERROR_NAMES = new Set([
  'QuotaExceededError',
  'VersionError',
  'InvalidStateError',
  'TransactionInactiveError',
  'ReadOnlyError',
  'DataError',
  'DataCloneError',
  'ConstraintError',
  'UnknownError',
  'AbortError',
]);

/**
 * Whether an error came from the database (Dexie, or IndexedDB itself), to be told in the words of
 * describeDbFailure, or from elsewhere (a file, a folder, a save): then its own message says what
 * was wrong, and wrapping it in "the library could not be opened" would mislead.
 */
export function isStorageError(e: unknown): boolean {
  return e instanceof Dexie.DexieError || (typeof DOMException !== 'undefined' && e instanceof DOMException && STORAGE_ERROR_NAMES.has(e.name));
}

/** What follows "Could not …:" for any failure: a storage error as describeDbFailure says it, any other in its own words. */
export function describeFailure(e: unknown): string {
  const detail = e instanceof Error ? e.message : String(e);
  return isStorageError(e) ? describeDbFailure(classifyDbError(e), detail) : detail;
}

export function describeDbFailure(kind: DbFailure, detail: string): string {
  switch (kind) {
    case 'newer-version':
      return 'This library was created by a newer Spanmark. Update Spanmark to open it; nothing has been changed.';
    case 'quota':
      return 'The disk is full or the storage quota is used up, so the change was not saved. Free some space and try again.';
    case 'blocked':
      return 'Another Spanmark window is upgrading the library. Close other Spanmark windows and reload.';
    case 'unavailable':
      return `The library could not be opened: ${detail}. Nothing has been deleted.`;
  }
}
