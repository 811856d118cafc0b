// The IPC contract between main and preload: channel names and a parser per channel's arguments.
// Main parses every payload with these before acting; the preload is typed against them.

import { fail, ok, type Result } from '../result.js';
import { isSpaceOrDot, trimWhere } from '../text/trim.js';
import { MENU_COMMANDS, type AppInfo, type FileKind, type FolderPick, type MenuCommand, type PickedFile, type SaveOutcome } from './platform.js';

export const IPC = {
  appInfo: 'spanmark:app-info',
  pickFile: 'spanmark:pick-file',
  /** Several articles or article feeds, or several files to import, at once (multiSelections). */
  pickFiles: 'spanmark:pick-files',
  /** A folder's articles and feeds (openDirectory), walked in main by src/corpus/folder-pick.ts's rule. */
  pickFolder: 'spanmark:pick-folder',
  saveFile: 'spanmark:save-file',
  /**
   * A save written in pieces (a library export): open asks for the place and creates a temporary
   * file beside it, write appends the next piece (numbered from 0, in order), close renames the
   * temporary file over the target (commit) or removes it.
   */
  saveStreamOpen: 'spanmark:save-stream-open',
  saveStreamWrite: 'spanmark:save-stream-write',
  saveStreamClose: 'spanmark:save-stream-close',
  menuCommand: 'spanmark:menu-command',
  /** main -> renderer: the window is closing; answer on writesSettled once edits are written. */
  flushWrites: 'spanmark:flush-writes',
  writesSettled: 'spanmark:writes-settled',
} as const;

/** Largest text main will write for a save request (exports of big libraries fit comfortably). */
export const MAX_SAVE_CHARS = 512 * 1024 * 1024;
/** Most pieces a save of a text in pieces may have: an export's pieces are about 16 K characters. */
export const MAX_SAVE_PIECES = 256 * 1024;
const MAX_NAME_CHARS = 255;
/** Largest piece of a streamed save: a piece holds whole documents, and one article is at most 20 MB. */
export const MAX_SAVE_CHUNK_CHARS = 128 * 1024 * 1024;

/** What opening a streamed save gives: the stream's id, or nothing when the user cancelled. */
export type SaveStreamOpened = { readonly opened: true; readonly streamId: number } | { readonly opened: false };

export interface IpcRequests {
  [IPC.appInfo]: { args: []; value: AppInfo };
  [IPC.pickFile]: { args: [kind: FileKind]; value: PickedFile | null };
  /** Empty when the user cancels. */
  [IPC.pickFiles]: { args: [kind: 'article' | 'import']; value: readonly PickedFile[] };
  /** picked: false when the user cancels; a failed reply when the folder is refused whole. */
  [IPC.pickFolder]: { args: [kind: 'article']; value: FolderPick };
  /** content: the text, or its pieces, written back to back. */
  [IPC.saveFile]: { args: [suggestedName: string, content: string | readonly string[]]; value: SaveOutcome };
  [IPC.saveStreamOpen]: { args: [suggestedName: string]; value: SaveStreamOpened };
  [IPC.saveStreamWrite]: { args: [streamId: number, index: number, chunk: string]; value: null };
  [IPC.saveStreamClose]: { args: [streamId: number, commit: boolean]; value: SaveOutcome };
  [IPC.writesSettled]: { args: [requestId: number]; value: null };
}

export type IpcReply<T> = Result<T>;

export function parseAppInfoArgs(args: readonly unknown[]): Result<[]> {
  return args.length === 0 ? ok([]) : fail('ipc-args', 'app-info takes no arguments');
}

export function parsePickFileArgs(args: readonly unknown[]): Result<[FileKind]> {
  const [kind] = args;
  if (args.length !== 1 || (kind !== 'article' && kind !== 'export')) {
    return fail('ipc-args', 'pick-file takes one argument, "article" or "export"');
  }
  return ok([kind]);
}

export function parsePickFilesArgs(args: readonly unknown[]): Result<['article' | 'import']> {
  const [kind] = args;
  if (args.length !== 1 || (kind !== 'article' && kind !== 'import')) return fail('ipc-args', 'pick-files takes one argument, "article" or "import"');
  return ok([kind]);
}

export function parsePickFolderArgs(args: readonly unknown[]): Result<['article']> {
  const [kind] = args;
  if (args.length !== 1 || kind !== 'article') return fail('ipc-args', 'pick-folder takes one argument, "article"');
  return ok([kind]);
}

/** A safe bare file name: no directories, no control or reserved characters, not empty. */
export function sanitizeFileName(name: string): string {
  // Trimmed by scanning: /^[.\s]+|[.\s]+$/ is quadratic on a long run of spaces or dots.
  const cleaned = trimWhere(name.replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '-'), isSpaceOrDot).slice(0, MAX_NAME_CHARS);
  return cleaned.length > 0 ? cleaned : 'spanmark-export.json';
}

export function parseSaveFileArgs(args: readonly unknown[]): Result<[string, string | readonly string[]]> {
  const [name, content] = args;
  if (args.length !== 2 || typeof name !== 'string' || !(typeof content === 'string' || isTextPieces(content))) {
    return fail('ipc-args', 'save-file takes a file name and the text to save (one string, or a list of its pieces)');
  }
  if (name.length > MAX_NAME_CHARS) return fail('ipc-args', `save-file name is longer than ${MAX_NAME_CHARS} characters`);
  if (typeof content === 'string' ? content.length > MAX_SAVE_CHARS : content.length > MAX_SAVE_PIECES || charCount(content) > MAX_SAVE_CHARS) {
    return fail('ipc-args', 'save-file content is too large');
  }
  return ok([sanitizeFileName(name), content]);
}

const isTextPieces = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((p) => typeof p === 'string');
const charCount = (pieces: readonly string[]): number => pieces.reduce((n, p) => n + p.length, 0);

export function parseSaveStreamOpenArgs(args: readonly unknown[]): Result<[string]> {
  const [name] = args;
  if (args.length !== 1 || typeof name !== 'string') return fail('ipc-args', 'save-stream-open takes a file name');
  if (name.length > MAX_NAME_CHARS) return fail('ipc-args', `save-stream-open name is longer than ${MAX_NAME_CHARS} characters`);
  return ok([sanitizeFileName(name)]);
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

export function parseSaveStreamWriteArgs(args: readonly unknown[]): Result<[number, number, string]> {
  const [id, index, chunk] = args;
  if (args.length !== 3 || !isCount(id) || id === 0 || !isCount(index) || typeof chunk !== 'string') {
    return fail('ipc-args', 'save-stream-write takes the stream id, the piece number (from 0) and the text of the piece');
  }
  if (chunk.length > MAX_SAVE_CHUNK_CHARS) return fail('ipc-args', 'save-stream-write piece is too large');
  return ok([id, index, chunk]);
}

export function parseSaveStreamCloseArgs(args: readonly unknown[]): Result<[number, boolean]> {
  const [id, commit] = args;
  if (args.length !== 2 || !isCount(id) || id === 0 || typeof commit !== 'boolean') {
    return fail('ipc-args', 'save-stream-close takes the stream id and whether to keep the file (true or false)');
  }
  return ok([id, commit]);
}

/** The id main sent with flush-writes, echoed back: a positive safe integer. */
export function parseWritesSettledArgs(args: readonly unknown[]): Result<[number]> {
  const [id] = args;
  if (args.length !== 1 || typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) {
    return fail('ipc-args', 'writes-settled takes one argument, the positive integer id of the request');
  }
  return ok([id]);
}

export function parseMenuCommand(value: unknown): Result<MenuCommand> {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)
    ? ok(value as MenuCommand)
    : fail('ipc-args', 'unknown menu command');
}

/** The renderer's origin in Electron: a privileged standard scheme, fixed so IndexedDB never moves. */
export const APP_ORIGIN = 'app://spanmark';

/** Is a sender frame URL one of ours? Parsed, never compared with startsWith. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'app:' && u.host === 'spanmark';
  } catch {
    return false;
  }
}
