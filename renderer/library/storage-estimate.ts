// The browser's storage estimate for this origin, or undefined where there is none (an old
// engine, a refusal): callers then show "unknown" and block nothing (src/corpus/storage-estimate.ts).

import type { StorageFigures } from '../../src/corpus/storage-estimate.js';

export async function estimateStorage(): Promise<StorageFigures | undefined> {
  try {
    const e = await navigator.storage?.estimate?.();
    return e ? { ...(e.usage !== undefined ? { usage: e.usage } : {}), ...(e.quota !== undefined ? { quota: e.quota } : {}) } : undefined;
  } catch {
    return undefined;
  }
}
