// The only doors the CLI commands have to the outside: reading a file and writing two streams.
// Commands receive them as a value, so tests run every command in-process and read what it printed,
// and the entry (cli.ts) is the one place that touches the real process.

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { debugRequested } from './failure.js';

export interface CliIo {
  /** The file's bytes; rejects with a Node error (code ENOENT, EISDIR, EACCES…) when it cannot. */
  readonly readFile: (path: string) => Promise<Uint8Array>;
  /** Names (not paths) of the entries of a directory, for commands that take a folder (convert). */
  readonly readDir?: (path: string) => Promise<string[]>;
  /** Writes a whole file, creating its directory (convert -o). */
  readonly writeFile?: (path: string, bytes: Uint8Array) => Promise<void>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Print stack traces of unexpected errors (SPANMARK_DEBUG=1); never by default. */
  readonly debug?: boolean;
}

// Bytes, not text: the decoder checks UTF-8 itself (naming the offset of a bad byte) and judges a
// byte order mark, which a TextDecoder here would silently drop.
export const nodeIo: CliIo = {
  readFile: async (path) => await readFile(path),
  readDir: async (path) => (await readdir(path)).sort(),
  writeFile: async (path, bytes) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  },
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  debug: debugRequested(process.env),
};

/** Why a file could not be read, as it follows "cannot read a.json: ". */
export function readFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'ERR_ENCODING_INVALID_ENCODED_DATA':
      return 'it is not UTF-8 text (Spanmark exports are UTF-8)';
    case 'ERR_FS_FILE_TOO_LARGE':
    case 'ERR_STRING_TOO_LONG':
      return 'it is too large to read';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
