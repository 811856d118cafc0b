// A .zip among the files to import is unpacked into its files (a brat collection's .txt/.ann
// pairs, several doccano files…) before the registry looks at them, in the app and the CLI alike.
// Unpacked with fflate (pure JavaScript, the same in Electron, browsers and Node), as a stream fed
// in small pieces so a zip bomb is stopped by counting the bytes it actually inflates, not by
// trusting the sizes its headers claim. Refused, the whole archive, with a message naming it:
// entry names that point outside the archive (`..`, absolute, drive letters) or hold control
// characters, more entries or bytes than an import may hold, compression methods fflate does not
// read, damaged data. Skipped silently: folders and the operating systems' own files (`__MACOSX/`,
// dot files such as `.DS_Store`), which are never anybody's annotations. Not unpacked: a zip inside
// the zip (it stays an entry the formats do not read, so it is named as not read).

import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { MAX_ARTICLE_BYTES } from '../../text/decode.js';
import type { FormatProblem, InputFile } from './format.js';
import { extensionOf } from './text-bytes.js';

export interface ArchiveLimits {
  /** Files in one archive (folders and skipped system files not counted). */
  readonly maxEntries: number;
  /** One unpacked file: File › Open's limit for an article. */
  readonly maxEntryBytes: number;
  /** Everything unpacked from one archive together: an import's limit. */
  readonly maxTotalBytes: number;
}

export const ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 10_000,
  maxEntryBytes: MAX_ARTICLE_BYTES,
  maxTotalBytes: 256 * 1024 * 1024,
};

/**
 * Compressed bytes handed to the inflater at a time: deflate expands at most about 1032:1, so one
 * piece can never produce more than ~16 MB before the counters below see it.
 */
const PIECE = 16 * 1024;

export function isZipName(name: string): boolean {
  return extensionOf(name) === 'zip';
}

const MB = 1024 * 1024;
const size = (n: number): string => (n >= MB ? `${(n / MB).toFixed(n % MB === 0 ? 0 : 1)} MB` : `${n} bytes`);
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Why an entry's name is refused, or undefined when it is a plain relative path. */
export function hostileEntryName(name: string): string | undefined {
  if (name === '') return 'has no name';
  if (CONTROL.test(name)) return 'holds control characters';
  const parts = name.split(/[\\/]/);
  if (/^[\\/]/.test(name)) return 'is an absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'names a drive';
  if (parts.includes('..')) return 'points outside the archive (..)';
  return undefined;
}

/** Folders and operating-system files that no tool's annotations live in (a dropped folder's too). */
export function isSystemPath(name: string): boolean {
  const parts = name.split(/[\\/]/);
  if (name.endsWith('/') || name.endsWith('\\')) return true;
  if (parts.includes('__MACOSX')) return true;
  return parts[parts.length - 1]!.startsWith('.');
}

const printable = (s: string): string => JSON.stringify(s.length > 120 ? `${s.slice(0, 117)}…` : s);

/**
 * The files inside a zip, named `archive.zip/path/in/archive` (so brat pairs stay paired by their
 * path and every message says where a file came from), or the one error that refuses it.
 */
export function unpackZip(archive: InputFile, limits: ArchiveLimits = ARCHIVE_LIMITS): { files: InputFile[] } | { problem: FormatProblem } {
  const refuse = (message: string): { problem: FormatProblem } => ({
    problem: { severity: 'error', where: archive.name, message: `${archive.name}: ${message} Nothing was imported from it.` },
  });
  const data = archive.bytes;
  // Local file header or the end record of an empty archive: anything else is not a zip at all.
  if (data.length < 4 || data[0] !== 0x50 || data[1] !== 0x4b || !((data[2] === 3 && data[3] === 4) || (data[2] === 5 && data[3] === 6))) {
    return refuse('this is not a zip archive.');
  }
  const files: InputFile[] = [];
  let total = 0;
  let failure: string | undefined;
  // An entry whose data ends before its end (a truncated download) never reports its final piece.
  let unfinished: string | undefined;
  const unzip = new Unzip((entry: UnzipFile) => {
    if (failure !== undefined) return;
    const why = hostileEntryName(entry.name);
    if (why !== undefined) {
      failure = `the entry ${printable(entry.name)} ${why}; an archive must hold only relative paths.`;
      return;
    }
    if (isSystemPath(entry.name)) return;
    if (files.length >= limits.maxEntries) {
      failure = `it holds more than ${limits.maxEntries} files, more than an import takes.`;
      return;
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    unfinished = entry.name;
    entry.ondata = (error, chunk, final) => {
      if (failure !== undefined) return;
      if (error) {
        failure = `${printable(entry.name)} cannot be unpacked (${error.message}); the archive is damaged.`;
        return;
      }
      length += chunk.length;
      total += chunk.length;
      if (length > limits.maxEntryBytes) {
        failure = `${printable(entry.name)} unpacks to more than ${size(limits.maxEntryBytes)}, the largest file Spanmark opens.`;
        entry.terminate();
        return;
      }
      if (total > limits.maxTotalBytes) {
        failure = `it unpacks to more than ${size(limits.maxTotalBytes)}, more than an import takes (a zip bomb, or too much for one import).`;
        entry.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) unfinished = undefined;
      if (final) files.push({ name: `${archive.name}/${entry.name.replace(/\\/g, '/')}`, bytes: joined(chunks, length) });
    };
    try {
      entry.start();
    } catch {
      failure = `${printable(entry.name)} is compressed with method ${entry.compression}, which Spanmark cannot unpack (only stored and deflated files; no encryption).`;
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < data.length && failure === undefined; at += PIECE) {
      unzip.push(data.subarray(at, Math.min(data.length, at + PIECE)), at + PIECE >= data.length);
    }
  } catch (e) {
    failure ??= `the archive is damaged (${e instanceof Error ? e.message : String(e)}).`;
  }
  if (failure === undefined && unfinished !== undefined) failure = `${printable(unfinished)} ends early; the archive is damaged or cut short.`;
  if (failure !== undefined) return refuse(failure);
  if (files.length === 0) return refuse('the archive holds no files.');
  return { files };
}

function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The files with every .zip among them replaced by what it holds; errors name the archive refused. */
export function expandArchives(files: readonly InputFile[], limits: ArchiveLimits = ARCHIVE_LIMITS): { files: InputFile[]; problems: FormatProblem[] } {
  const out: InputFile[] = [];
  const problems: FormatProblem[] = [];
  for (const f of files) {
    if (!isZipName(f.name)) {
      out.push(f);
      continue;
    }
    const r = unpackZip(f, limits);
    if ('problem' in r) problems.push(r.problem);
    else out.push(...r.files);
  }
  return { files: out, problems };
}
