// The file system half of File › Open folder…: lists the chosen folder, level by level, resolves
// links and sizes, and asks the pure rule (src/corpus/folder-pick.ts) about every entry; it lists
// only the folders the rule says to descend and stops as soon as the rule refuses the pick, so a
// huge folder is not walked to its end. Whether a link leads outside is decided from the real
// paths of the link's target and of the chosen folder (itself possibly reached through a link).
// Excluded: reading the taken files (ipc-handlers.ts, with the checks every pick shares).

import { isAbsolute, join, relative, sep } from 'node:path';
import type { FolderEntry, FolderRule } from '../../src/corpus/folder-pick.js';

/** An entry as a folder listing gives it, links not followed. */
export interface ListedEntry {
  readonly name: string;
  readonly kind: 'file' | 'folder' | 'link' | 'other';
}

/** The calls a folder walk makes. */
export interface FolderFsPort {
  /** The path with every link resolved; throws when it leads nowhere. */
  realPath(path: string): Promise<string>;
  /** A folder's entries one at a time, so the walk can stop early in a folder of millions. */
  listFolder(path: string): AsyncIterable<ListedEntry>;
  /** Follows links. */
  stat(path: string): Promise<{ readonly size: number; isFile(): boolean; isDirectory?(): boolean }>;
}

/** Whether target is root or inside it (both real paths). */
export function isWithin(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

const because = (error: unknown): string => (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');

/** Walks root breadth first, telling rule every entry; throws only when root itself cannot be listed. */
export async function walkFolder(fs: FolderFsPort, root: string, rule: FolderRule): Promise<void> {
  const realRoot = await fs.realPath(root);
  const folders: string[] = [''];
  for (let next = 0; next < folders.length; next++) {
    const rel = folders[next]!;
    const where = rel === '' ? root : join(root, ...rel.split('/'));
    try {
      for await (const listed of fs.listFolder(where)) {
        const path = rel === '' ? listed.name : `${rel}/${listed.name}`;
        let entry: FolderEntry;
        try {
          entry = await describe(fs, realRoot, join(where, listed.name), path, listed.kind);
        } catch (error) {
          rule.skip(path, `could not be read: ${because(error)}`);
          continue;
        }
        const step = rule.visit(entry);
        if (step === 'stop') return;
        if (step === 'descend') folders.push(path);
      }
    } catch (error) {
      if (rel === '') throw error;
      rule.skip(rel, `could not be read: ${because(error)}; nothing in it was read`);
    }
  }
}

async function describe(fs: FolderFsPort, realRoot: string, full: string, path: string, kind: ListedEntry['kind']): Promise<FolderEntry> {
  if (kind === 'folder') return { path, kind: 'folder' };
  if (kind === 'other') return { path, kind: 'other' };
  if (kind === 'link') {
    let target: string;
    try {
      target = await fs.realPath(full);
    } catch {
      return { path, kind: 'broken-link' };
    }
    if (!isWithin(realRoot, target)) return { path, kind: 'link-outside' };
    const info = await fs.stat(target);
    if (info.isFile()) return { path, kind: 'file', size: info.size };
    return { path, kind: info.isDirectory?.() ? 'link-to-folder' : 'other' };
  }
  const info = await fs.stat(full);
  return info.isFile() ? { path, kind: 'file', size: info.size } : { path, kind: 'other' };
}
