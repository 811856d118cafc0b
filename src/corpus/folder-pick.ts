// Which files of a chosen folder File › Open folder… brings in, one rule for both shells: Electron's
// main walks the disk and asks it about each entry (descending only where it says so), the browser
// asks it about each file of a webkitdirectory pick (whose folders come as parts of the paths).
// Taken: articles and feeds (BATCH_EXTENSIONS) within the size an import reads, at most maxDepth
// folders down. Skipped, each with its reason, never silently: hidden files and folders (a name
// starting with a dot: .git, .DS_Store), other types, files too large, folders too deep, links
// leading out of the folder or to another folder in it (a loop or a second copy), anything not a
// regular file. Refused whole (nothing half-imported, as File › Open with many files): more files
// or bytes than one import takes, or more entries looked at than a corpus folder holds (a home
// folder picked by mistake stops early instead of being walked to the end).
// Names are the chosen folder's name and the path below it ("corpus/2022/story.txt"), as a dropped
// folder's are; control characters (a CR LF in a name) are shown as their visible pictures so a
// report line stays one line. Everything else (emoji, right-to-left text, combining marks) is kept
// exactly as the file system gave it. Excluded: reading (the callers' file system calls) and the
// articles' own checks (decoding, empty files), which the import makes and reports.

import { fail, ok, type Result } from '../result.js';
import { BATCH_EXTENSIONS, FEED_EXTENSIONS, MAX_PICK_BYTES, MAX_PICK_FILES, MAX_PICK_TOTAL_BYTES } from '../platform/batch-files.js';
import type { SkippedFile } from '../platform/platform.js';
import { MAX_ARTICLE_BYTES } from '../text/decode.js';

export type { SkippedFile };

export interface FolderLimits {
  /** Folders below the chosen one that are still read: a file deeper than this is skipped. */
  readonly maxDepth: number;
  /** Files and folders looked at in all, taken or not. */
  readonly maxEntries: number;
  readonly maxFiles: number;
  readonly maxTotalBytes: number;
  /** One plain article (the import refuses larger ones, so they are not read). */
  readonly maxArticleBytes: number;
  /** One feed file. */
  readonly maxFeedBytes: number;
}

export const FOLDER_LIMITS: FolderLimits = {
  maxDepth: 16,
  maxEntries: 100_000,
  maxFiles: MAX_PICK_FILES,
  maxTotalBytes: MAX_PICK_TOTAL_BYTES,
  maxArticleBytes: MAX_ARTICLE_BYTES,
  maxFeedBytes: MAX_PICK_BYTES,
};

/** What an entry is, as the caller found it (a link is resolved by the caller, which has the disk). */
export type FolderEntryKind = 'file' | 'folder' | 'link-outside' | 'link-to-folder' | 'broken-link' | 'other';

export interface FolderEntry {
  /** The path below the chosen folder, its parts joined with "/", without the chosen folder's name. */
  readonly path: string;
  readonly kind: FolderEntryKind;
  /** Bytes of a file (of its target, for a link to a file inside the folder). */
  readonly size?: number;
}

/** take: read it; descend: list the folder; skip: leave it (reported); stop: the pick is refused. */
export type FolderStep = 'take' | 'descend' | 'skip' | 'stop';

export interface TakenFile {
  /** As the entry's path: where to read it. */
  readonly path: string;
  /** The folder's name and the path, shown and imported under. */
  readonly name: string;
  readonly size: number;
}

export interface FolderPlan {
  readonly folder: string;
  /** In path order (numbers in names compared as numbers), folders' contents grouped. */
  readonly take: readonly TakenFile[];
  readonly skipped: readonly SkippedFile[];
}

export interface FolderRule {
  visit(entry: FolderEntry): FolderStep;
  /** Also for an entry the caller could not read (its listing or its details). */
  skip(path: string, reason: string): void;
  finish(): Result<FolderPlan>;
}

const MB = 1024 * 1024;
const mb = (n: number): string => `${(Math.ceil((n / MB) * 10) / 10).toFixed(1)} MB`;
const count = (n: number): string => n.toLocaleString('en');
const extList = BATCH_EXTENSIONS.map((e) => `.${e}`).join(', ');

export const SKIP_REASONS = {
  hiddenFile: 'a hidden file (its name starts with a dot)',
  hiddenFolder: 'a hidden folder (its name starts with a dot); nothing in it was read',
  notArticle: `not an article or article feed (Spanmark opens ${extList} files)`,
  tooDeep: (depth: number): string => `more than ${depth} folders down; nothing in it was read (choose a folder further down to bring it in)`,
  linkOutside: 'a link to a place outside the chosen folder; not followed',
  linkToFolder: 'a link to a folder; not followed (a folder inside the chosen one is read where it is)',
  brokenLink: 'a link to something that does not exist',
  notFile: 'not a regular file',
  badPath: 'its path has an empty, "." or ".." part, so it may lead outside the chosen folder; not read',
  articleTooLarge: (size: number, max: number): string => `${mb(size)}, larger than the ${max / MB} MB limit for an article`,
  feedTooLarge: (size: number, max: number): string => `${mb(size)}, larger than the ${max / MB} MB Spanmark reads from one feed file`,
} as const;

/** The name shown for a path: control characters as their visible pictures (U+2400…), the rest as is. */
export function shownName(folder: string, path: string): string {
  const full = folder === '' ? path : path === '' ? folder : `${folder}/${path}`;
  return full.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\u007f' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

const isHidden = (part: string): boolean => part.startsWith('.');

function extensionOf(part: string): string {
  const dot = part.lastIndexOf('.');
  return dot > 0 ? part.slice(dot + 1).toLowerCase() : '';
}

const collator = new Intl.Collator('en', { numeric: true });
/** Part by part, so a folder's files stay together; names the collator calls equal (é composed or not) by code unit. */
export function comparePaths(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    return collator.compare(x, y) || (x < y ? -1 : 1);
  }
  return pa.length - pb.length;
}

export function createFolderRule(folder: string, limits: FolderLimits = FOLDER_LIMITS): FolderRule {
  const take: TakenFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  /** Folders already reported, for listings that name a skipped folder in many files' paths. */
  const skippedFolders = new Set<string>();
  const theFolder = folder === '' ? 'The chosen folder' : `The folder ${JSON.stringify(shownName(folder, ''))}`;
  let seen = 0;
  let bytes = 0;
  let refusal: string | undefined;

  const skip = (path: string, reason: string): FolderStep => {
    skipped.push({ path, reason });
    return 'skip';
  };
  const refuse = (message: string): FolderStep => {
    refusal = message;
    return 'stop';
  };
  const skipFolder = (path: string, reason: string): FolderStep => {
    if (!skippedFolders.has(path)) {
      skippedFolders.add(path);
      skip(path, reason);
    }
    return 'skip';
  };
  /** Why a folder at this depth (0: directly in the chosen one) is not read, if it is not. */
  const folderProblem = (part: string, depth: number): string | undefined =>
    isHidden(part) ? SKIP_REASONS.hiddenFolder : depth >= limits.maxDepth ? SKIP_REASONS.tooDeep(limits.maxDepth) : undefined;

  return {
    visit(entry) {
      if (refusal !== undefined) return 'stop';
      seen += 1;
      if (seen > limits.maxEntries) return refuse(`${theFolder} holds more than ${count(limits.maxEntries)} files and folders; choose a folder inside it.`);
      const parts = entry.path.split('/');
      if (parts.some((p) => p === '' || p === '.' || p === '..')) return skip(entry.path, SKIP_REASONS.badPath);
      // A flat listing (the browser's) names the folders on the way: the first one not read stands for all below it.
      for (let i = 0; i < parts.length - 1; i++) {
        const problem = folderProblem(parts[i]!, i);
        if (problem !== undefined) return skipFolder(parts.slice(0, i + 1).join('/'), problem);
      }
      const name = parts[parts.length - 1]!;
      const depth = parts.length - 1;
      switch (entry.kind) {
        case 'folder': {
          const problem = folderProblem(name, depth);
          return problem === undefined ? 'descend' : skipFolder(entry.path, problem);
        }
        case 'link-outside':
          return skip(entry.path, isHidden(name) ? SKIP_REASONS.hiddenFile : SKIP_REASONS.linkOutside);
        case 'link-to-folder':
          return skip(entry.path, isHidden(name) ? SKIP_REASONS.hiddenFolder : SKIP_REASONS.linkToFolder);
        case 'broken-link':
          return skip(entry.path, isHidden(name) ? SKIP_REASONS.hiddenFile : SKIP_REASONS.brokenLink);
        case 'other':
          return skip(entry.path, isHidden(name) ? SKIP_REASONS.hiddenFile : SKIP_REASONS.notFile);
        case 'file':
          break;
      }
      if (isHidden(name)) return skip(entry.path, SKIP_REASONS.hiddenFile);
      const ext = extensionOf(name);
      if (!BATCH_EXTENSIONS.includes(ext)) return skip(entry.path, SKIP_REASONS.notArticle);
      const size = entry.size ?? 0;
      const feed = FEED_EXTENSIONS.includes(ext);
      const max = feed ? limits.maxFeedBytes : limits.maxArticleBytes;
      if (size > max) return skip(entry.path, feed ? SKIP_REASONS.feedTooLarge(size, max) : SKIP_REASONS.articleTooLarge(size, max));
      if (take.length >= limits.maxFiles)
        return refuse(
          `${theFolder} holds more than ${count(limits.maxFiles)} articles and feeds; Spanmark opens at most ${count(limits.maxFiles)} at once: choose a folder inside it.`,
        );
      bytes += size;
      if (bytes > limits.maxTotalBytes)
        return refuse(
          `The articles and feeds in ${theFolder.replace(/^The/, 'the')} add up to more than ${limits.maxTotalBytes / MB} MB; choose a folder inside it.`,
        );
      take.push({ path: entry.path, name: shownName(folder, entry.path), size });
      return 'take';
    },
    skip(path, reason) {
      skip(path, reason);
    },
    finish() {
      if (refusal !== undefined) return fail('folder-too-large', refusal, folder);
      if (take.length === 0 && skipped.length === 0) return fail('folder-empty', `${theFolder} holds no files.`, folder);
      return ok({
        folder,
        take: [...take].sort((a, b) => comparePaths(a.path, b.path)),
        skipped: skipped.sort((a, b) => comparePaths(a.path, b.path)).map((s) => ({ name: shownName(folder, s.path), reason: s.reason })),
      });
    },
  };
}
