// What the UI may ask of the outside world, and nothing more. Two implementations: the Electron
// preload bridge (renderer/platform/desktop.ts) and a plain-browser one (renderer/platform/web.ts).

export interface AppInfo {
  readonly name: string;
  readonly version: string;
  readonly shell: 'electron' | 'browser';
  /** The OS user name where the shell can know it (Electron), used as the default annotator. */
  readonly userName?: string;
}

/** A file the user picked. bytes are raw: decoding and validation happen in the core. */
export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type FileKind = 'article' | 'export';

/** A file of a chosen folder that was left out, and why (src/corpus/folder-pick.ts). */
export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

/**
 * What File › Open folder… brought: the folder's articles and feeds, each named by the folder's name
 * and its path inside ("corpus/2022/story.txt"), in path order, and every file or folder left out
 * with the reason. picked is false when the user cancelled.
 */
export type FolderPick =
  | { readonly picked: false }
  | { readonly picked: true; readonly folder: string; readonly files: readonly PickedFile[]; readonly skipped: readonly SkippedFile[] };

/**
 * What a save writes: one text, its pieces already in memory (a document export,
 * serializeSpanmarkInPieces), or pieces taken one at a time; pieces are written back to back.
 */
export type SaveContent = string | readonly string[] | AsyncIterable<string>;

/** A text whole in memory, as one string or its pieces: saved in one go rather than streamed. */
export function isTextInMemory(content: SaveContent): content is string | readonly string[] {
  return typeof content === 'string' || Array.isArray(content);
}

export type SaveOutcome = { readonly saved: true; readonly where: string } | { readonly saved: false };

export type MenuCommand =
  | 'open-article'
  | 'open-folder'
  | 'replace-text'
  | 'import'
  | 'export-document'
  | 'export-library'
  | 'export-all-layers'
  | 'export-document-v1'
  | 'export-as'
  | 'undo'
  | 'redo'
  | 'delete'
  | 'settings'
  | 'library'
  | 'facts'
  | 'open-sample'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'guidelines';

export const MENU_COMMANDS: readonly MenuCommand[] = [
  'open-article',
  'open-folder',
  'replace-text',
  'import',
  'export-document',
  'export-library',
  'export-all-layers',
  'export-document-v1',
  'export-as',
  'undo',
  'redo',
  'delete',
  'settings',
  'library',
  'facts',
  'open-sample',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'guidelines',
];

/** The window's edits still being written (renderer/store/pending-writes.ts). */
export interface PendingWrites {
  count(): number;
  /** Resolves once none is pending. */
  whenSettled(): Promise<void>;
}

export interface Platform {
  appInfo(): Promise<AppInfo>;
  /** Ask the user for a file; null when they cancel. */
  pickFile(kind: FileKind): Promise<PickedFile | null>;
  /**
   * Ask the user for any number of files; empty when they cancel. 'article': articles and article
   * feeds (File › Open); 'import': exports and other tools' files, zips too (File › Import).
   */
  pickFiles(kind: 'article' | 'import'): Promise<readonly PickedFile[]>;
  /**
   * Ask the user for a folder and bring its articles and feeds (File › Open folder…), with what was
   * left out and why. Rejects, with a message naming the folder, when it holds more than one
   * import takes or nothing at all.
   */
  pickFolder(kind: 'article'): Promise<FolderPick>;
  /**
   * Save text under a user-confirmed name; suggestedName is a bare file name. Content is one
   * string, its pieces in memory (a document export), or pieces taken one at a time (a library
   * export) and written in order, never joined into one string; a piece source that throws leaves
   * no file (and the error is rethrown).
   */
  saveFile(suggestedName: string, content: SaveContent): Promise<SaveOutcome>;
  /** Native menu commands (desktop only); returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /**
   * Holds closing the window while edits are being written: Electron's main process waits for
   * them (with an upper bound); a browser can only show its standard "leave site?" prompt.
   */
  guardClose(writes: PendingWrites): void;
}
