// Reads the library straight from IndexedDB in the page, in one read-only transaction, without the
// app's Dexie code: my layer (chunks, edits and tombstones merged), the document's revision, the layer snapshot and a
// colleague's layer, so the snapshot is compared with the records of the same moment.

import type { Page } from '@playwright/test';
import { NAME_SHIM } from '../bench/in-page.js';
import type { Ann, RawColumns } from './model.js';
import { storedMine } from '../e2e/pages/stored.js';

export interface RawArticle {
  readonly id: string;
  readonly text: string;
  readonly [key: string]: unknown;
}

export interface RawState {
  readonly articles: RawArticle[];
  /** My layer's records of the document. */
  readonly records: Ann[];
  readonly revision: number | undefined;
  /**
   * inChunks: the snapshot says the layer is exactly its chunks at that revision; `chunked` is then
   * what the app would serve: the chunks alone, without the edits and tombstones.
   */
  readonly snapshot: { revision: number; columns: RawColumns | undefined; inChunks: boolean; chunked?: Ann[] } | undefined;
  /** Colleagues' layers of the document. */
  readonly layer: Ann[];
}

export async function readRawState(page: Page, docId: string | undefined): Promise<RawState> {
  await page.evaluate(NAME_SHIM); // tsx wraps the inner functions below in __name()
  const raw = (await page.evaluate(async (doc) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('spanmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('opening the library failed'));
      // Never create the library: read only what the app has made.
      open.onupgradeneeded = () => open.transaction?.abort();
    });
    try {
      const tx = db.transaction(
        ['articles', 'myLayerChunks', 'myLayerEdits', 'myLayerTombstones', 'layerRevisions', 'layerSnapshots', 'colleagueAnnotations'],
        'readonly',
      );
      const req = <T>(r: IDBRequest): Promise<T> =>
        new Promise((resolve, reject) => {
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => reject(r.error ?? new Error('a read of the library failed'));
        });
      const [articles, chunks, edits, tombstones, rev, snap, layer] = await Promise.all([
        req<{ id: string; text: string }[]>(tx.objectStore('articles').getAll()),
        req<{ docId: string; part: number; columns: Record<string, unknown> }[]>(tx.objectStore('myLayerChunks').getAll()),
        req<Ann[]>(tx.objectStore('myLayerEdits').getAll()),
        req<{ docId: string; id: string }[]>(tx.objectStore('myLayerTombstones').getAll()),
        doc === undefined ? undefined : req<{ revision: number } | undefined>(tx.objectStore('layerRevisions').get(doc)),
        doc === undefined
          ? undefined
          : req<{ revision: number; columns?: Record<string, unknown>; inChunks?: true } | undefined>(tx.objectStore('layerSnapshots').get(doc)),
        req<Ann[]>(tx.objectStore('colleagueAnnotations').getAll()),
      ]);
      // Typed arrays do not survive the trip to Node as such: plain arrays, and their type checked.
      const plain = (v: unknown, type: string): number[] => {
        if (!v || v.constructor.name !== type) throw new Error(`snapshot column is ${(v as object)?.constructor?.name}, not ${type}`);
        return Array.from(v as ArrayLike<number>);
      };
      const packed = (v: unknown) => {
        const p = v as { text: string; lengths: unknown };
        return { text: p.text, lengths: plain(p.lengths, 'Int32Array') };
      };
      const columnsOf = (c: Record<string, unknown>) => ({
        version: c['version'],
        count: c['count'],
        starts: plain(c['starts'], 'Uint32Array'),
        ends: plain(c['ends'], 'Uint32Array'),
        labelIndex: plain(c['labelIndex'], 'Uint16Array'),
        labels: c['labels'],
        annotatorIndex: plain(c['annotatorIndex'], 'Uint32Array'),
        annotators: c['annotators'],
        annotatorIds: c['annotatorIds'],
        ids: packed(c['ids']),
        quotes: packed(c['quotes']),
        createdAt: packed(c['createdAt']),
        updatedAt: packed(c['updatedAt']),
        notes: packed(c['notes']),
        attributes: typeof c['attributes'] === 'string' ? c['attributes'] : packed(c['attributes']),
        provenance: c['provenance'],
      });
      const c = snap?.columns;
      const columns = c === undefined ? undefined : columnsOf(c);
      return {
        articles,
        // Decoded in Node (decodeColumns, the soak's own reading of the packing).
        chunks: chunks.filter((c) => c.docId === doc).map((c) => ({ docId: c.docId, part: c.part, columns: columnsOf(c.columns) })),
        edits: edits.filter((a) => a.docId === doc),
        tombstones: tombstones.filter((t) => t.docId === doc),
        revision: rev?.revision,
        snapshot: snap ? { revision: snap.revision, columns, inChunks: snap.inChunks === true } : undefined,
        // The record's layer key is storage bookkeeping, not part of the annotation compared.
        layer: layer.filter((a) => a.docId === doc).map(({ layer: _key, ...a }: Ann & { layer?: string }) => a),
      };
    } finally {
      db.close();
    }
  }, docId)) as Omit<RawState, 'records'> & {
    chunks: { docId: string; part: number; columns: RawColumns }[];
    edits: Ann[];
    tombstones: { docId: string; id: string }[];
  };
  // My layer as the app reads it, merged as the end-to-end tests merge it (chunks hold every quote).
  const { chunks, edits, tombstones, ...rest } = raw;
  const snapshot = rest.snapshot?.inChunks ? { ...rest.snapshot, chunked: storedMine({ myLayerChunks: chunks }) as unknown as Ann[] } : rest.snapshot;
  return { ...rest, snapshot, records: storedMine({ myLayerChunks: chunks, myLayerEdits: edits, myLayerTombstones: tombstones }) as unknown as Ann[] };
}

/** This installation's analyst id (settings 'annotatorId'), so the soak's own imports are known as mine. */
export async function readAnnotatorId(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('spanmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
      open.onupgradeneeded = () => open.transaction?.abort();
    });
    try {
      return await new Promise<string | undefined>((resolve, reject) => {
        const r = db.transaction('settings', 'readonly').objectStore('settings').get('annotatorId');
        r.onsuccess = () => resolve((r.result as { value?: string } | undefined)?.value);
        r.onerror = () => reject(r.error ?? new Error('IndexedDB read failed'));
      });
    } finally {
      db.close();
    }
  });
}
