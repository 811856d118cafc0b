// What main does for each IPC channel, with the dialogs and the file system injected so sender
// checks, argument parsing, the size guard, cancel and the atomic save are unit-tested without
// Electron. Every handler returns a Result: a throw would reach the renderer as a bare message.

import { lstat, open, opendir, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  IPC,
  isAppUrl,
  parseAppInfoArgs,
  parsePickFileArgs,
  parsePickFilesArgs,
  parsePickFolderArgs,
  parseSaveFileArgs,
  parseSaveStreamCloseArgs,
  parseSaveStreamOpenArgs,
  parseSaveStreamWriteArgs,
  parseWritesSettledArgs,
  type IpcReply,
  type IpcRequests,
  type SaveStreamOpened,
} from '../../src/platform/ipc-contract.js';
import type { AppInfo, FileKind, FolderPick, PickedFile, SaveOutcome, SkippedFile } from '../../src/platform/platform.js';
import { BATCH_EXTENSIONS, MAX_PICK_BYTES, MAX_PICK_FILES, MAX_PICK_TOTAL_BYTES } from '../../src/platform/batch-files.js';
import { createFolderRule } from '../../src/corpus/folder-pick.js';
import { fail, ok, type Result } from '../../src/result.js';
import { walkFolder, type FolderFsPort, type ListedEntry } from './folder-walk.js';

// The limits every pick shares (pick-file, pick-files, pick-folder), kept with the platform contract.
export { MAX_PICK_BYTES, MAX_PICK_FILES, MAX_PICK_TOTAL_BYTES };

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface FrameLike {
  readonly url: string;
}
export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame: FrameLike };
}

export interface FileFilter {
  readonly name: string;
  readonly extensions: string[];
}
export interface OpenDialogRequest {
  readonly title: string;
  readonly filters: FileFilter[];
}
export interface SaveDialogRequest {
  readonly title: string;
  readonly defaultPath: string;
  readonly filters: FileFilter[];
}

/** Native dialogs, parented to the window of the event's sender; null means the user cancelled. */
export interface DialogPort<E> {
  open(event: E, request: OpenDialogRequest): Promise<string | null>;
  /** The same dialog allowing several files; empty when the user cancelled. */
  openMany(event: E, request: OpenDialogRequest): Promise<readonly string[]>;
  /** The dialog choosing one folder (openDirectory); null when the user cancelled. */
  openFolder(event: E, request: { readonly title: string }): Promise<string | null>;
  save(event: E, request: SaveDialogRequest): Promise<string | null>;
}

export interface FsPort extends FolderFsPort {
  /** mode (permission bits and file type, as Node's Stats.mode) is read when replacing a file. Follows links. */
  stat(path: string): Promise<{ readonly size: number; readonly mode?: number; isFile(): boolean; isDirectory?(): boolean }>;
  /** Reads at most maxBytes + 1 bytes, so a file that grew past the limit is detected, not loaded. */
  readAtMost(path: string, maxBytes: number): Promise<Uint8Array>;
  /**
   * Creates path (failing if it exists), writes data (a text, or its pieces back to back) as UTF-8
   * and flushes it to disk. With mode, the new file gets exactly those permission bits (not
   * filtered by the umask).
   */
  writeNewFile(path: string, data: string | readonly string[], mode?: number): Promise<void>;
  /**
   * Creates path (failing if it exists) for writing in pieces, with mode as writeNewFile does.
   * finish flushes it to disk and closes it; abandon closes it without flushing.
   */
  createNewFile(path: string, mode?: number): Promise<FileSink>;
  /** Replaces `to` with `from` in one step. */
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
}

/** A file being written in pieces; one append at a time. */
export interface FileSink {
  /** Writes text as UTF-8 after what was appended before. */
  append(text: string): Promise<void>;
  finish(): Promise<void>;
  abandon(): Promise<void>;
}

export interface IpcDeps<E> {
  readonly appName: string;
  readonly appVersion: string;
  /** The OS user name; may throw (no passwd entry), which leaves userName out. */
  readonly userName: () => string;
  /** The Documents folder save-file proposes; may throw, which falls back to the bare name. */
  readonly documentsDir: () => string;
  readonly dialog: DialogPort<E>;
  readonly fs: FsPort;
  /** The window's answer to a held close (close-hold.ts): its edits are written. */
  readonly writesSettled?: (event: E, requestId: number) => void;
  /** Unique part of temporary file names; injected so tests can collide on purpose. */
  readonly tempSuffix?: () => string;
  /**
   * Calls `gone` once the window that sent event is destroyed: a streamed save it left open is
   * then discarded (its temporary file removed). Electron: webContents' 'destroyed' event.
   * Returns the function that stops listening (called when the stream closes).
   */
  readonly whenSenderGone?: (event: E, gone: () => void) => () => void;
}

export type IpcHandler<E, T> = (event: E, args: readonly unknown[]) => Promise<IpcReply<T>>;

/** One handler per channel of the contract: a channel without a handler does not compile. */
export type IpcHandlerTable<E> = { readonly [C in keyof IpcRequests]: IpcHandler<E, IpcRequests[C]['value']> };

export const FILE_FILTERS: Readonly<Record<FileKind, FileFilter[]>> = {
  article: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm'] }],
  export: [{ name: 'Spanmark export', extensions: ['json'] }],
};

/** Accepts only the main frame of a page served from app://spanmark. */
export function checkSender(event: IpcEventLike): Result<void> {
  const frame = event.senderFrame;
  if (frame === null) return fail('ipc-sender', 'The request came from a frame that no longer exists.');
  if (!isAppUrl(frame.url)) return fail('ipc-sender', 'The request came from a page outside Spanmark.');
  if (frame !== event.sender.mainFrame) return fail('ipc-sender', 'The request came from a subframe, not the Spanmark window.');
  return ok(undefined);
}

export function createIpcHandlers<E extends IpcEventLike>(deps: IpcDeps<E>): IpcHandlerTable<E> {
  const streams = createSaveStreams(deps);
  return {
    [IPC.appInfo]: guarded(parseAppInfoArgs, async () => ok(appInfo(deps))),
    [IPC.pickFile]: guarded(parsePickFileArgs, (event: E, [kind]) => pickFile(deps, event, kind)),
    [IPC.pickFiles]: guarded(parsePickFilesArgs, (event: E, [kind]) => pickFiles(deps, event, kind)),
    [IPC.pickFolder]: guarded(parsePickFolderArgs, (event: E) => pickFolder(deps, event)),
    [IPC.saveFile]: guarded(parseSaveFileArgs, (event: E, [name, content]) => saveFile(deps, event, name, content)),
    [IPC.saveStreamOpen]: guarded(parseSaveStreamOpenArgs, (event: E, [name]) => streams.open(event, name)),
    [IPC.saveStreamWrite]: guarded(parseSaveStreamWriteArgs, (event: E, [id, index, chunk]) => streams.write(event, id, index, chunk)),
    [IPC.saveStreamClose]: guarded(parseSaveStreamCloseArgs, (event: E, [id, commit]) => streams.close(event, id, commit)),
    [IPC.writesSettled]: guarded(parseWritesSettledArgs, async (event: E, [requestId]) => {
      deps.writesSettled?.(event, requestId);
      return ok(null);
    }),
  };
}

function guarded<E extends IpcEventLike, A, T>(
  parse: (args: readonly unknown[]) => Result<A>,
  run: (event: E, args: A) => Promise<IpcReply<T>>,
): IpcHandler<E, T> {
  return async (event, args) => {
    const sender = checkSender(event);
    if (!sender.ok) return sender;
    const parsed = parse(args);
    if (!parsed.ok) return parsed;
    try {
      return await run(event, parsed.value);
    } catch (error) {
      return fail('ipc-failed', `Spanmark could not complete the request: ${reason(error)}.`);
    }
  };
}

function appInfo<E>(deps: IpcDeps<E>): AppInfo {
  let userName: string | undefined;
  try {
    const name = deps.userName().trim();
    if (name.length > 0) userName = name;
  } catch {
    // No user name available (containers without a passwd entry): the renderer asks instead.
  }
  const base = { name: deps.appName, version: deps.appVersion, shell: 'electron' } as const;
  return userName === undefined ? base : { ...base, userName };
}

async function pickFile<E>(deps: IpcDeps<E>, event: E, kind: FileKind): Promise<IpcReply<PickedFile | null>> {
  const title = kind === 'article' ? 'Open Article' : 'Import Spanmark Export';
  const path = await deps.dialog.open(event, { title, filters: FILE_FILTERS[kind] });
  if (path === null) return ok(null);
  return readPicked(deps, path);
}

/** One picked file, read with the checks every pick shares: a regular file, within MAX_PICK_BYTES (checked before and after reading). */
async function readPicked<E>(deps: IpcDeps<E>, path: string): Promise<IpcReply<PickedFile>> {
  const name = basename(path);
  let bytes: Uint8Array;
  try {
    const info = await deps.fs.stat(path);
    if (!info.isFile()) return fail('file-unreadable', `"${name}" is not a file.`, name);
    if (info.size > MAX_PICK_BYTES) return tooLarge(name, info.size);
    bytes = await deps.fs.readAtMost(path, MAX_PICK_BYTES);
  } catch (error) {
    return fail('file-unreadable', `Spanmark could not read "${name}": ${reason(error)}.`, name);
  }
  if (bytes.byteLength > MAX_PICK_BYTES) return tooLarge(name, bytes.byteLength);
  return ok({ name, bytes });
}

/** Articles and feeds for a batch import: the files picked, each read with the same checks as pick-file. */
export const BATCH_FILTERS: FileFilter[] = [{ name: 'Articles and article feeds', extensions: [...BATCH_EXTENSIONS] }];

/**
 * File › Import: Spanmark exports and every other tool's files the format registry reads (brat
 * .txt/.ann pairs picked together, zips of them). Listed here rather than read from the registry so
 * main does not bundle every codec; a unit test keeps the list equal to the registry's.
 */
export const IMPORT_EXTENSIONS: readonly string[] = ['json', 'ann', 'txt', 'tsv', 'jsonl', 'jsonld', 'conll', 'iob', 'iob2', 'bio', 'zip'];
export const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Exports and annotation files (Spanmark, brat, WebAnno, Label Studio, doccano, spaCy, W3C, CoNLL, zip)', extensions: [...IMPORT_EXTENSIONS] },
];

async function pickFiles<E>(deps: IpcDeps<E>, event: E, kind: 'article' | 'import'): Promise<IpcReply<readonly PickedFile[]>> {
  const paths = await deps.dialog.openMany(
    event,
    kind === 'import' ? { title: 'Import Files', filters: IMPORT_FILTERS } : { title: 'Open Articles', filters: BATCH_FILTERS },
  );
  if (paths.length > MAX_PICK_FILES) return fail('too-many-files', `${paths.length} files were chosen; Spanmark opens at most ${MAX_PICK_FILES} at once.`);
  const files: PickedFile[] = [];
  let total = 0;
  for (const path of paths) {
    const read = await readPicked(deps, path);
    if (!read.ok) return read;
    const { name, bytes } = read.value;
    total += bytes.byteLength;
    if (total > MAX_PICK_TOTAL_BYTES)
      return fail('file-too-large', `The chosen files add up to more than ${MAX_PICK_TOTAL_BYTES / (1024 * 1024)} MB; open them in smaller groups.`, name);
    files.push({ name, bytes });
  }
  return ok(files);
}

/**
 * File › Open folder…: the folder the user chose, walked by the folder rule (src/corpus/folder-pick.ts
 * decides, folder-walk.ts lists), then its taken files read with pick-file's checks. A file that
 * cannot be read now, or grew past the limit since it was listed, joins the skipped with its reason;
 * more bytes than one pick takes refuses the pick whole, as pick-files does.
 */
async function pickFolder<E>(deps: IpcDeps<E>, event: E): Promise<IpcReply<FolderPick>> {
  const root = await deps.dialog.openFolder(event, { title: 'Open Folder of Articles' });
  if (root === null) return ok({ picked: false });
  const folder = basename(root);
  const rule = createFolderRule(folder);
  try {
    await walkFolder(deps.fs, root, rule);
  } catch (error) {
    return fail('file-unreadable', `Spanmark could not read the folder "${folder}": ${reason(error)}.`, folder);
  }
  const plan = rule.finish();
  if (!plan.ok) return plan;
  const files: PickedFile[] = [];
  const skipped: SkippedFile[] = [...plan.value.skipped];
  let total = 0;
  for (const taken of plan.value.take) {
    const read = await readPicked(deps, join(root, ...taken.path.split('/')));
    if (!read.ok) {
      skipped.push({ name: taken.name, reason: `could not be read: ${read.error.message}` });
      continue;
    }
    total += read.value.bytes.byteLength;
    if (total > MAX_PICK_TOTAL_BYTES)
      return fail(
        'folder-too-large',
        `The articles and feeds in "${folder}" add up to more than ${MAX_PICK_TOTAL_BYTES / (1024 * 1024)} MB; choose a folder inside it.`,
        folder,
      );
    files.push({ name: taken.name, bytes: read.value.bytes });
  }
  return ok({ picked: true, folder: plan.value.folder, files, skipped });
}

function tooLarge(name: string, size: number): IpcReply<never> {
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
  return fail('file-too-large', `"${name}" is ${mb(size)} MB; Spanmark opens files up to ${mb(MAX_PICK_BYTES)} MB.`, name);
}

/** The save dialog with the name proposed in Documents; null when the user cancelled. */
function askSavePath<E>(deps: IpcDeps<E>, event: E, name: string): Promise<string | null> {
  let defaultPath = name;
  try {
    defaultPath = join(deps.documentsDir(), name);
  } catch {
    // No Documents folder: the dialog opens wherever the OS chooses, with the name filled in.
  }
  const filters = name.toLowerCase().endsWith('.json') ? FILE_FILTERS.export : [];
  return deps.dialog.save(event, { title: 'Save', defaultPath, filters });
}

async function saveFile<E>(deps: IpcDeps<E>, event: E, name: string, content: string | readonly string[]): Promise<IpcReply<SaveOutcome>> {
  const target = await askSavePath(deps, event, name);
  if (target === null) return ok({ saved: false });
  try {
    await writeFileAtomically(deps.fs, target, content, (deps.tempSuffix ?? randomSuffix)());
  } catch (error) {
    return fail('save-failed', `Spanmark could not save "${basename(target)}": ${reason(error)}.`, basename(target));
  }
  return ok({ saved: true, where: target });
}

/**
 * Writes content to a temporary file beside target, then renames it over target: a crash or a full
 * disk leaves the old file intact instead of a truncated one. The temporary file is removed on failure.
 * A replaced file keeps its permission bits: the rename swaps in a new inode, so an export the user
 * had made private (600) would otherwise come back world-readable (644 under the usual umask).
 */
export async function writeFileAtomically(fs: FsPort, target: string, content: string | readonly string[], suffix: string): Promise<void> {
  const temp = tempPathFor(target, suffix);
  const mode = await existingPermissions(fs, target);
  try {
    await fs.writeNewFile(temp, content, mode);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.remove(temp).catch(() => undefined);
    throw error;
  }
}

const tempPathFor = (target: string, suffix: string): string => join(dirname(target), `.${basename(target)}.${suffix}.tmp`);

/** Most bytes one streamed save may write: a library of 5,000 articles is tens of megabytes. */
export const MAX_STREAM_BYTES = 4 * 1024 * 1024 * 1024;

interface OpenStream {
  /** The window that opened it: only it may write to or close it. */
  readonly owner: unknown;
  readonly target: string;
  readonly temp: string;
  readonly sink: FileSink;
  next: number;
  bytes: number;
  /** The appends so far, in order: a close waits for them. */
  queue: Promise<void>;
  /** Stops watching for the window going away. */
  forget?: () => void;
  failed?: string;
}

/**
 * Streamed saves (a library export in pieces): the same atomic save as writeFileAtomically — a
 * temporary file beside the target, renamed over it only when every piece is written and flushed,
 * the replaced file's permission bits kept — but fed piece by piece. Pieces are numbered and must
 * come in order; a stream belongs to the window that opened it; a failed piece, a close without
 * commit, or the window going away removes the temporary file and leaves any old file untouched.
 */
export function createSaveStreams<E extends IpcEventLike>(deps: IpcDeps<E>) {
  const open = new Map<number, OpenStream>();
  let lastId = 0;
  const discard = async (id: number): Promise<void> => {
    const s = open.get(id);
    if (!s) return;
    open.delete(id);
    s.forget?.();
    await s.queue.catch(() => undefined);
    await s.sink.abandon().catch(() => undefined);
    await deps.fs.remove(s.temp).catch(() => undefined);
  };
  const owned = (event: E, id: number): Result<OpenStream> => {
    const s = open.get(id);
    if (s === undefined || s.owner !== event.sender) return fail('save-failed', 'That save is not open (it was closed, or it failed).');
    return ok(s);
  };
  return {
    async open(event: E, name: string): Promise<IpcReply<SaveStreamOpened>> {
      const target = await askSavePath(deps, event, name);
      if (target === null) return ok({ opened: false });
      const temp = tempPathFor(target, (deps.tempSuffix ?? randomSuffix)());
      let sink: FileSink;
      try {
        sink = await deps.fs.createNewFile(temp, await existingPermissions(deps.fs, target));
      } catch (error) {
        return fail('save-failed', `Spanmark could not save "${basename(target)}": ${reason(error)}.`, basename(target));
      }
      const id = ++lastId;
      const stream: OpenStream = { owner: event.sender, target, temp, sink, next: 0, bytes: 0, queue: Promise.resolve() };
      open.set(id, stream);
      const forget = deps.whenSenderGone?.(event, () => void discard(id));
      if (forget) stream.forget = forget;
      return ok({ opened: true, streamId: id });
    },
    async write(event: E, id: number, index: number, chunk: string): Promise<IpcReply<null>> {
      const found = owned(event, id);
      if (!found.ok) return found;
      const s = found.value;
      const name = basename(s.target);
      if (s.failed !== undefined) return fail('save-failed', s.failed, name);
      if (index !== s.next) {
        await discard(id);
        return fail('save-failed', `Spanmark could not save "${name}": piece ${index} came where piece ${s.next} was expected; nothing was saved.`, name);
      }
      s.next += 1;
      s.bytes += Buffer.byteLength(chunk, 'utf8');
      if (s.bytes > MAX_STREAM_BYTES) {
        await discard(id);
        return fail('save-failed', `Spanmark could not save "${name}": it is larger than ${MAX_STREAM_BYTES / 1024 ** 3} GB; nothing was saved.`, name);
      }
      s.queue = s.queue.then(() => s.sink.append(chunk));
      try {
        await s.queue;
      } catch (error) {
        s.failed = `Spanmark could not save "${name}": ${reason(error)}.`;
        await discard(id);
        return fail('save-failed', s.failed, name);
      }
      return ok(null);
    },
    async close(event: E, id: number, commit: boolean): Promise<IpcReply<SaveOutcome>> {
      const found = owned(event, id);
      if (!found.ok) return found;
      const s = found.value;
      if (!commit || s.failed !== undefined) {
        await discard(id);
        return ok({ saved: false });
      }
      open.delete(id);
      s.forget?.();
      try {
        await s.queue;
        await s.sink.finish();
        await deps.fs.rename(s.temp, s.target);
      } catch (error) {
        await s.sink.abandon().catch(() => undefined);
        await deps.fs.remove(s.temp).catch(() => undefined);
        return fail('save-failed', `Spanmark could not save "${basename(s.target)}": ${reason(error)}.`, basename(s.target));
      }
      return ok({ saved: true, where: s.target });
    },
    /** Streams still open (for tests and for a window's cleanup). */
    openCount: (): number => open.size,
  };
}

/** The permission bits of the file being replaced, or undefined for a new file (the umask decides). */
async function existingPermissions(fs: FsPort, target: string): Promise<number | undefined> {
  try {
    const info = await fs.stat(target);
    return info.isFile() && info.mode !== undefined ? info.mode & 0o7777 : undefined;
  } catch {
    return undefined;
  }
}

/** The path Electron's open dialog chose, or null when cancelled. */
export function chosenOpenPath(result: { readonly canceled: boolean; readonly filePaths: readonly string[] }): string | null {
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** The path Electron's save dialog chose, or null when cancelled. */
export function chosenSavePath(result: { readonly canceled: boolean; readonly filePath?: string }): string | null {
  return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
}

function randomSuffix(): string {
  return `${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[.\s]+$/, '');
}

const READ_CHUNK_BYTES = 1024 * 1024;

/** The real file system, via node:fs/promises. */
export const nodeFsPort: FsPort = {
  stat: (path) => stat(path),
  async readAtMost(path, maxBytes) {
    const handle = await open(path, 'r');
    try {
      const chunks: Uint8Array[] = [];
      let total = 0;
      while (total <= maxBytes) {
        const chunk = new Uint8Array(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.byteLength, null);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
      }
      const bytes = new Uint8Array(total);
      let at = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, at);
        at += chunk.byteLength;
      }
      return bytes;
    } finally {
      await handle.close();
    }
  },
  async writeNewFile(path, data, mode) {
    // Created owner-only first, so the content is never readable more widely than the final mode.
    const handle = await open(path, 'wx', mode === undefined ? undefined : 0o600);
    try {
      if (mode !== undefined) await handle.chmod(mode);
      // Joined here, off the window's thread: one write instead of one per piece.
      await handle.writeFile(typeof data === 'string' ? data : data.join(''), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  async createNewFile(path, mode) {
    const handle = await open(path, 'wx', mode === undefined ? undefined : 0o600);
    try {
      if (mode !== undefined) await handle.chmod(mode);
    } catch (error) {
      await handle.close();
      throw error;
    }
    let closed = false;
    return {
      // writeFile on a handle writes at its position and loops until every byte is out.
      append: (text) => handle.writeFile(text, 'utf8'),
      async finish() {
        await handle.sync();
        closed = true;
        await handle.close();
      },
      async abandon() {
        if (closed) return;
        closed = true;
        await handle.close();
      },
    };
  },
  async rename(from, to) {
    await rename(from, to);
    // Make the rename itself durable where the OS allows syncing a directory (not on Windows).
    try {
      const dir = await open(dirname(to), 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      // Best effort.
    }
  },
  remove: (path) => unlink(path),
  realPath: (path) => realpath(path),
  async *listFolder(path) {
    for await (const entry of await opendir(path)) {
      const kind = kindOf(entry);
      // Some file systems do not say what an entry is in the listing: asked for it, links not followed.
      yield { name: entry.name, kind: kind ?? kindOf(await lstat(join(path, entry.name))) ?? 'other' };
    }
  },
};

function kindOf(entry: { isFile(): boolean; isDirectory(): boolean; isSymbolicLink(): boolean }): ListedEntry['kind'] | undefined {
  if (entry.isSymbolicLink()) return 'link';
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'folder';
  return undefined;
}
