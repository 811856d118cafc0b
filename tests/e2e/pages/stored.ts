// What the library holds, read straight from IndexedDB in the page (no app code involved), so a
// test can say "nothing stored changed" by comparing two reads. Records are sorted by key and
// typed arrays turned into plain arrays, so equal contents compare equal. Also a library written
// by hand, as an older (or newer) Spanmark left it, before the app ever opens it.

import type { Page } from '@playwright/test';
import { decodeColumns, type RawColumns } from '../../soak/model.js';

export type StoredLibrary = Record<string, unknown[]>;

/** Every object store of the 'spanmark' database except those named in `except` (caches). */
export function readStored(page: Page, except: readonly string[] = []): Promise<StoredLibrary> {
  return page.evaluate(async (skip) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('spanmark');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('opening the library failed'));
    });
    try {
      const names = [...db.objectStoreNames].filter((n) => !skip.includes(n)).sort();
      const tx = db.transaction(names, 'readonly');
      const out: Record<string, unknown[]> = {};
      const plain = (v: unknown): unknown =>
        ArrayBuffer.isView(v)
          ? Array.from(v as unknown as ArrayLike<number>)
          : Array.isArray(v)
            ? v.map(plain)
            : v && typeof v === 'object'
              ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]))
              : v;
      await Promise.all(
        names.map(
          (n) =>
            new Promise<void>((resolve, reject) => {
              const req = tx.objectStore(n).getAll();
              req.onsuccess = () => {
                out[n] = (req.result as unknown[]).map(plain);
                resolve();
              };
              req.onerror = () => reject(req.error ?? new Error(`reading ${n} failed`));
            }),
        ),
      );
      return out;
    } finally {
      db.close();
    }
  }, except);
}

/**
 * My layer in a read of the library, as the app reads it (renderer/db/my-layer-store.ts): the
 * chunked annotations (decoded by the soak's own reading of the packing, not the app's) that no
 * edit or tombstone hides, and the edits; sorted by document, then id.
 */
export function storedMine(stored: StoredLibrary): Record<string, unknown>[] {
  type Ann = Record<string, unknown> & { docId: string; id: string };
  const key = (a: { docId: string; id: string }) => `${a.docId}\u0000${a.id}`;
  const edits = (stored['myLayerEdits'] ?? []) as Ann[];
  const hidden = new Set([...edits, ...((stored['myLayerTombstones'] ?? []) as Ann[])].map(key));
  const chunked = ((stored['myLayerChunks'] ?? []) as { docId: string; part: number; columns: RawColumns }[]).flatMap((c) => {
    const list = decodeColumns(c.columns, c.docId, '');
    if (typeof list === 'string') throw new Error(`chunk ${c.part} of ${c.docId}: ${list}`);
    return list as unknown as Ann[];
  });
  return [...chunked.filter((a) => !hidden.has(key(a))), ...edits].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The object stores of the current database, sorted. */
export const LIBRARY_STORES = [
  'articleRows',
  'articles',
  'colleagueAnnotations',
  'colleagueLayers',
  'layerCounts',
  'layerRevisions',
  'layerSnapshots',
  'libraryPacks',
  'myLayerChunks',
  'myLayerEdits',
  'myLayerTombstones',
  'reviewDecisions',
  'settings',
  'textReplacements',
] as const;

/** An object store as a test writes it by hand: its key path and its indexes (name → key path). */
export interface RawStore {
  readonly name: string;
  readonly keyPath?: string | string[];
  readonly indexes?: Readonly<Record<string, string | string[]>>;
}

/** The first release's stores (Dexie version 1, IndexedDB version 10). */
export const V1_STORES: readonly RawStore[] = [
  { name: 'articles', keyPath: 'id', indexes: { addedAt: 'addedAt', title: 'title' } },
  { name: 'annotations', keyPath: 'id', indexes: { docId: 'docId', '[docId+annotator]': ['docId', 'annotator'] } },
  { name: 'settings', keyPath: 'key' },
];

/** 0.1.0's stores (Dexie version 2, IndexedDB version 20): colleagues' layers keyed by name. */
export const V2_STORES: readonly RawStore[] = [
  ...V1_STORES,
  { name: 'layerAnnotations', keyPath: ['docId', 'annotator', 'id'], indexes: { docId: 'docId', '[docId+annotator]': ['docId', 'annotator'] } },
  { name: 'reviewDecisions', keyPath: 'id', indexes: { docId: 'docId' } },
  { name: 'layerRevisions', keyPath: 'docId' },
  { name: 'layerSnapshots', keyPath: 'docId' },
];

/**
 * Writes the 'spanmark' database by hand at IndexedDB `version` (Dexie's version × 10): the
 * stores, then the records. `hold` keeps it open afterwards and ignores requests to let go, as a
 * window of an older Spanmark that never learnt to would.
 */
export async function writeRawLibrary(
  page: Page,
  version: number,
  stores: readonly RawStore[],
  records: Readonly<Record<string, readonly unknown[]>> = {},
  hold = false,
): Promise<void> {
  await page.evaluate(
    async ({ version, stores, records, hold }) => {
      const req = indexedDB.open('spanmark', version);
      req.onupgradeneeded = () => {
        for (const s of stores) {
          const store = req.result.createObjectStore(s.name, s.keyPath === undefined ? {} : { keyPath: s.keyPath });
          for (const [name, path] of Object.entries(s.indexes ?? {})) store.createIndex(name, path);
        }
        for (const [name, rows] of Object.entries(records)) for (const row of rows) req.transaction!.objectStore(name).put(row);
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error ?? new Error('opening the library failed'));
      });
      if (hold) (window as unknown as { held: IDBDatabase }).held = db;
      else db.close();
    },
    { version, stores, records, hold },
  );
}

/** The database's IndexedDB version and its object stores, sorted. */
export function libraryShape(page: Page): Promise<{ version: number; stores: string[] }> {
  return page.evaluate(async () => {
    const req = indexedDB.open('spanmark');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('opening the library failed'));
    });
    const shape = { version: db.version, stores: [...db.objectStoreNames].sort() };
    db.close();
    return shape;
  });
}

/** Records every promise rejection nobody handled and every uncaught error in the page. */
export async function watchUnhandled(page: Page): Promise<() => Promise<string[]>> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.evaluate(() => {
    const w = window as unknown as { __unhandled?: string[] };
    w.__unhandled = [];
    window.addEventListener('unhandledrejection', (e) =>
      w.__unhandled!.push(`unhandledrejection: ${String((e.reason as Error | undefined)?.message ?? e.reason)}`),
    );
  });
  return async () => [...errors, ...(await page.evaluate(() => (window as unknown as { __unhandled: string[] }).__unhandled))];
}
