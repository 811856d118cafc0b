// What the library holds, read straight from IndexedDB in the page (no app code involved), so a
// test can say "nothing stored changed" by comparing two reads. Records are sorted by key and
// typed arrays turned into plain arrays, so equal contents compare equal.

import type { Page } from '@playwright/test';

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
