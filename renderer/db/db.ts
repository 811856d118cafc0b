// The one Dexie database: schema versions, durability and the error names the UI must tell apart.
// Versions are append-only: a shipped version is never edited; a new one adds an upgrade.

import Dexie, { type EntityTable } from 'dexie';
import type { Annotation } from '../../src/annotations/types.js';
import type { LayerColumns } from '../../src/annotations/layer-columns.js';
import type { Article } from '../../src/document/article.js';
import type { ReviewDecision } from '../../src/review/decisions.js';

export interface SettingRecord {
  readonly key: string;
  readonly value: unknown;
}

/** A colleague's annotation, kept apart from my own layer: read-only, keyed per annotator. */
export type LayerAnnotation = Annotation;

export type SpanmarkDb = Dexie & {
  articles: EntityTable<Article, 'id'>;
  /** My own layer. */
  annotations: EntityTable<Annotation, 'id'>;
  settings: EntityTable<SettingRecord, 'key'>;
  /** Colleagues' layers, primary key [docId+annotator+id]. */
  layerAnnotations: Dexie.Table<LayerAnnotation, [string, string, string]>;
  reviewDecisions: EntityTable<ReviewDecision, 'id'>;
  /** A counter per document, bumped in every transaction that changes my layer. */
  layerRevisions: EntityTable<LayerRevision, 'docId'>;
  /** My layer as one record, valid only while its revision equals the document's. */
  layerSnapshots: EntityTable<LayerSnapshot, 'docId'>;
};

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
  readonly columns: LayerColumns;
}

export const DB_NAME = 'spanmark';
/** The newest schema version this build knows. */
export const SCHEMA_VERSION = 2;

export function openDatabase(name: string = DB_NAME): SpanmarkDb {
  // 'strict' makes a commit wait until the data is flushed to disk, so "saved" means saved even
  // if the machine loses power right after (Chrome's default became 'relaxed' in 121).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as SpanmarkDb;
  db.version(1).stores({
    articles: 'id, addedAt, title',
    annotations: 'id, docId, [docId+annotator]',
    settings: 'key',
  });
  // v2: colleagues' layers and review decisions, in tables of their own so my layer is never
  // merged with theirs; revisions and snapshots of my layer for fast opening. Nothing to migrate:
  // v1 data stays where it is (a document without a revision simply has no usable snapshot).
  db.version(SCHEMA_VERSION).stores({
    layerAnnotations: '[docId+annotator+id], docId, [docId+annotator]',
    reviewDecisions: 'id, docId',
    layerRevisions: 'docId',
    layerSnapshots: 'docId',
  });
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
