// What the library says about storage, from the browser's estimate (navigator.storage.estimate:
// bytes used by this origin and its quota): the line shown in the library, a warning once 80 %
// is used, and whether an import of so many bytes would fit. Pure, so the thresholds are tested
// without a browser. An estimate missing, negative, not finite or with no quota says "unknown"
// and never blocks anything: refusing an import on a figure we do not have would be wrong.

/** The share of the quota above which the library warns. */
export const WARN_SHARE = 0.8;

/**
 * Bytes stored per byte imported, for the fit check: an article's text is kept once, with its
 * blocks and index entries beside it. A generous guess (not a measurement), so that "it won't
 * fit" is said early rather than after a half-written batch.
 */
export const IMPORT_OVERHEAD = 2;

export interface StorageFigures {
  readonly usage?: number;
  readonly quota?: number;
}

export type StorageLevel = 'unknown' | 'ok' | 'high' | 'full';

export interface StorageReport {
  readonly level: StorageLevel;
  /** "12.3 MB used of 2.1 GB (1 %)", or that the figure is unknown. */
  readonly text: string;
  /** Set from WARN_SHARE on: what is wrong and what to do. */
  readonly warning?: string;
}

const valid = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

export function formatBytes(n: number): string {
  if (!valid(n)) return '? bytes';
  if (n < 1000) return `${n} ${n === 1 ? 'byte' : 'bytes'}`;
  const units = ['kB', 'MB', 'GB', 'TB', 'PB'];
  let v = n / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u += 1;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

function figures(e: StorageFigures | undefined): { usage: number; quota: number } | undefined {
  if (!e || !valid(e.usage) || !valid(e.quota) || e.quota === 0) return undefined;
  return { usage: e.usage, quota: e.quota };
}

export function storageReport(e: StorageFigures | undefined): StorageReport {
  const f = figures(e);
  if (!f) return { level: 'unknown', text: 'Storage used: unknown (this browser gives no estimate)' };
  const share = f.usage / f.quota;
  const pct = Math.min(100, Math.floor(share * 100));
  const text = `Storage: ${formatBytes(f.usage)} used of ${formatBytes(f.quota)} available (${pct} %)`;
  if (share < WARN_SHARE) return { level: 'ok', text };
  const left = Math.max(0, f.quota - f.usage);
  return {
    level: share >= 0.95 ? 'full' : 'high',
    text,
    warning:
      `Storage is ${pct} % full: ${formatBytes(left)} left. Once it runs out, new tags cannot be saved. ` +
      'Export what you need, then delete articles and empty Deleted, or free space on this disk.',
  };
}

/**
 * Whether importing `bytes` of files would fit in what the estimate says is left. Undefined
 * when it fits (or nothing is known); else the message refusing it, naming both figures.
 */
export function importWontFit(e: StorageFigures | undefined, bytes: number): string | undefined {
  const f = figures(e);
  if (!f || !valid(bytes)) return undefined;
  const needed = bytes * IMPORT_OVERHEAD;
  const left = Math.max(0, f.quota - f.usage);
  if (needed <= left) return undefined;
  return (
    `Not imported: these files need about ${formatBytes(needed)} of storage, and only ${formatBytes(left)} of ${formatBytes(f.quota)} is left. ` +
    'Nothing was changed. Delete articles you no longer need and empty Deleted, or free space on this disk, then import again.'
  );
}
