// A folder dropped on the window (a brat collection, a folder of doccano files): Chromium, and so
// Electron, gives it as a FileSystemDirectoryEntry through DataTransferItem.webkitGetAsEntry(),
// which must be asked for during the drop event itself; its files are read afterwards. Read with
// the limits a zip has (ARCHIVE_LIMITS: files, bytes each, bytes in all) and checked from each
// file's size before it is read; the operating systems' own files are skipped as in a zip. Names
// are paths from the dropped folder ("collection/news/story.ann"), so brat pairs stay paired by
// path. Only the small part of the entry API that is used is typed here, so tests can give fakes.

import type { InputFile } from '../../src/codecs/registry/format.js';
import { ARCHIVE_LIMITS, isSystemPath, type ArchiveLimits } from '../../src/codecs/registry/zip-archive.js';

interface EntryBase {
  readonly name: string;
  readonly fullPath: string;
}
export interface FileEntry extends EntryBase {
  readonly isFile: true;
  readonly isDirectory: false;
  file(ok: (file: File) => void, fail: (error: unknown) => void): void;
}
export interface FolderEntry extends EntryBase {
  readonly isFile: false;
  readonly isDirectory: true;
  createReader(): { readEntries(ok: (entries: readonly (FileEntry | FolderEntry)[]) => void, fail: (error: unknown) => void): void };
}

/** The dropped files and folders, split while the drop event lasts (entries are gone after it). */
export function splitDropped(transfer: DataTransfer | null): { files: File[]; folders: FolderEntry[] } {
  if (!transfer) return { files: [], folders: [] };
  const items = [...transfer.items].filter((i) => i.kind === 'file');
  if (items.length === 0) return { files: [...transfer.files], folders: [] };
  const files: File[] = [];
  const folders: FolderEntry[] = [];
  for (const item of items) {
    const entry = item.webkitGetAsEntry() as unknown as FileEntry | FolderEntry | null;
    if (entry?.isDirectory) folders.push(entry);
    else {
      const f = item.getAsFile();
      if (f) files.push(f);
    }
  }
  return { files, folders };
}

const MB = 1024 * 1024;

/** Every file under the folder, or why the folder is refused (one message naming it). */
export async function readFolder(folder: FolderEntry, limits: ArchiveLimits = ARCHIVE_LIMITS): Promise<{ files: InputFile[] } | { problem: string }> {
  const entries: FileEntry[] = [];
  const pending: FolderEntry[] = [folder];
  const path = (e: EntryBase): string => e.fullPath.replace(/^\/+/, '');
  try {
    while (pending.length > 0) {
      const dir = pending.pop()!;
      const reader = dir.createReader();
      // readEntries hands out a batch at a time (Chromium: 100) until it hands out none.
      for (;;) {
        const batch = await new Promise<readonly (FileEntry | FolderEntry)[]>((ok, fail) => reader.readEntries(ok, fail));
        if (batch.length === 0) break;
        for (const e of batch) {
          if (isSystemPath(e.name)) continue;
          if (e.isDirectory) pending.push(e);
          else entries.push(e);
          if (entries.length > limits.maxEntries)
            return { problem: `The folder "${folder.name}" holds more than ${limits.maxEntries} files, more than an import takes.` };
        }
      }
    }
    if (entries.length === 0) return { problem: `The folder "${folder.name}" holds no files.` };
    const files = await Promise.all(entries.map((e) => new Promise<File>((ok, fail) => e.file(ok, fail))));
    let total = 0;
    for (const [i, f] of files.entries()) {
      if (f.size > limits.maxEntryBytes)
        return { problem: `"${path(entries[i]!)}" is ${(f.size / MB).toFixed(1)} MB, larger than the ${limits.maxEntryBytes / MB} MB Spanmark opens.` };
      total += f.size;
      if (total > limits.maxTotalBytes)
        return { problem: `The folder "${folder.name}" holds more than ${limits.maxTotalBytes / MB} MB, more than an import takes.` };
    }
    const read = await Promise.all(files.map(async (f, i) => ({ name: path(entries[i]!), bytes: new Uint8Array(await f.arrayBuffer()) })));
    return { files: read.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  } catch (e) {
    return { problem: `The folder "${folder.name}" could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
