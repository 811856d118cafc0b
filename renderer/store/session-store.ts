// What a document session (document-session.ts) needs from wherever my layer is kept, and the
// plain data it trades in. The session paints an edit, hands it to the store in the same task,
// and acknowledges it once the store says it is committed; it never learns how. Today the store is
// this window's IndexedDB (db/dexie-session-store.ts); a team server is meant to plug in here,
// and the session's unit tests use one in memory that settles each write when and how a test
// chooses. The lint's layer rules keep store/ from reaching past this interface to db/ or Dexie.
// Not here: the library, imports, exports and text replacement, which read and write many
// documents at once straight through db/.

import type { AnnotationCommand } from '../../src/annotations/commands.js';
import type { StoredColumns } from '../../src/annotations/layer-columns.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import type { ReviewCommand, ReviewDecision } from '../../src/review/decisions.js';

export interface SessionStore {
  /**
   * A document's layers as one consistent read, with its article unless `knownText` (the text of
   * the document already open) is given; `knownLayer` is my layer as whoever just wrote it whole
   * handed it over, used only while it is still the stored one.
   */
  load(docId: string, knownText?: string, knownLayer?: KnownLayer): Promise<LoadedDocument>;
  /**
   * Issues an edit's write now, in the caller's task, numbered after `after`, so that a window
   * closed right after the keystroke still commits it. Its stamp is known at once; `committed`
   * settles once the write is durable (or failed). `whole`, my layer after the command in text
   * order, is given only when no write of the caller's is pending and memory held exactly the
   * records at `after`: a store may then write a large batch as the whole layer, provided it
   * finds the records still at `after` (annotations-repo.ts writeNow).
   */
  write(cmd: SessionCommand, after: Stamp, whole?: readonly Annotation[]): IssuedWrite;
  /**
   * Keeps `annotations` as my layer's cache at `stamp` (the next open reads one record), if the
   * records are still at that stamp. A cache: failing costs only a slower open.
   */
  saveSnapshot(docId: string, stamp: Stamp, annotations: readonly Annotation[], text: string): Promise<unknown>;
  /** Tells whoever else has the document open that its layers changed. */
  announce(docId: string): void;
  /** Calls `listener` when someone else changed the document's layers; returns how to stop. */
  onRemoteChange(docId: string, listener: () => void): () => void;
}

export type LoadedDocument = DocumentLayers & { readonly article?: Article };

export type SessionCommand = AnnotationCommand | ReviewCommand;

export interface DocumentLayers {
  readonly own: Annotation[];
  /** Colleagues' layers by shown name (colleague-layers-repo.ts). */
  readonly others: Map<string, Annotation[]>;
  readonly decisions: ReviewDecision[];
  /** My layer's stamp as read, and whether the snapshot could serve it. */
  readonly stamp: Stamp;
  readonly fromSnapshot: boolean;
}

/**
 * Which write left my layer as it is. The revision counts writes; the writer names the one write,
 * because a write issued without reading first (writeNow) can repeat a revision number another
 * window wrote at the same moment, and a snapshot must never pass for records it does not hold.
 */
export interface Stamp {
  readonly revision: number;
  readonly writer?: string;
}

export function sameStamp(a: Stamp | undefined, b: Stamp | undefined): boolean {
  return (a?.revision ?? 0) === (b?.revision ?? 0) && a?.writer === b?.writer;
}

/**
 * My layer on a document as this window was handed it by whoever just wrote it whole (an import's
 * worker: the chunks it committed), with the stamp it wrote. Read like a snapshot: used only while
 * the stored stamp is still that one, so a write since, from anywhere, makes it stale.
 */
export type KnownLayer = PackedLayer | UnpackedLayer;

/** The chunks as written. */
export interface PackedLayer {
  readonly docId: string;
  readonly stamp: Stamp;
  readonly columns: readonly StoredColumns[];
}

/**
 * The chunks already unpacked against `text` (by a window handed them while they were being
 * committed); used only to open that same text.
 */
export interface UnpackedLayer {
  readonly docId: string;
  readonly stamp: Stamp;
  readonly text: string;
  readonly own: Annotation[];
}

/** An edit's write, issued: its stamp at once, and once committed the stamp it replaced. */
export interface IssuedWrite {
  readonly stamp: Stamp;
  /** Resolves with the stamp the write found (read in its transaction) once committed; rejects if it failed. */
  readonly committed: Promise<Stamp>;
}
