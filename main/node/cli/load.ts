// Reading and decoding one export file, shared by `validate` and `agreement` so both judge a file
// by the same decoder the app imports with, and describe a bad file in the same words.

import { createHash } from 'node:crypto';
import { decodeSpanmarkBytes, MAX_REPORTED_PROBLEMS, type DecodedLibrary } from '../../../src/codecs/spanmark/decode.js';
import { NOT_UTF8_LEAD } from '../../../src/validation/json-bytes.js';
import { readFailure, type CliIo } from './io.js';
import { plural, printable } from './text.js';

/** One problem with a file, as printed and as written in --json output. */
export interface FileProblem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  /** Byte offset of the first byte that is not UTF-8 ('not-utf8'). */
  readonly offset?: number;
}

export type LoadedFile =
  | { readonly ok: true; readonly file: string; readonly library: DecodedLibrary }
  | { readonly ok: false; readonly file: string; readonly problems: readonly FileProblem[] };

const sha256Hex = async (text: string): Promise<string> => createHash('sha256').update(text, 'utf8').digest('hex');

export async function loadFile(file: string, io: CliIo): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(file);
  } catch (error) {
    return { ok: false, file, problems: [{ code: 'unreadable', message: `cannot read ${file}: ${readFailure(error)}.` }] };
  }
  // Any version the app imports (1 and 2), into the same model.
  const decoded = await decodeSpanmarkBytes(bytes, sha256Hex);
  if (decoded.ok) return { ok: true, file, library: decoded.value };
  const { error } = decoded;
  if (error.code === 'not-utf8') {
    const detail = error.message.startsWith(NOT_UTF8_LEAD) ? error.message.slice(NOT_UTF8_LEAD.length) : `: ${error.message}`;
    return {
      ok: false,
      file,
      problems: [
        { code: error.code, message: `cannot read ${file}: it is not UTF-8 text${detail}`, ...(error.offset !== undefined ? { offset: error.offset } : {}) },
      ],
    };
  }
  const problems: FileProblem[] = error.problems.map((p) => ({ code: p.code, message: p.message, ...(p.path !== undefined ? { path: p.path } : {}) }));
  // Only a malformed-JSON problem has a position, and it is then the only problem.
  if (error.line !== undefined && error.column !== undefined && problems.length === 1) {
    problems[0] = { ...problems[0]!, line: error.line, column: error.column };
  }
  return { ok: false, file, problems };
}

export function annotationCount(library: DecodedLibrary): number {
  return library.documents.reduce((n, d) => n + d.annotations.length, 0);
}

/**
 * `path: message` for one problem. The decoder's messages often begin with the path they are about
 * ("documents[0].title is missing…", "documents[0].annotations[3]: quote …"); that lead is dropped
 * so the path is printed once. A bare word such as "version" is never dropped: there it is English.
 */
export function problemLine(p: FileProblem): string {
  if (p.path === undefined) return printable(p.message);
  let message = p.message;
  const lead = /^([A-Za-z_]\w*(?:\[\d+\]|\.[A-Za-z_]\w*)+)(: | )/.exec(message);
  if (lead) {
    const [whole, prefix] = lead;
    const atBoundary = p.path === prefix || p.path.startsWith(`${prefix}.`) || p.path.startsWith(`${prefix}[`);
    if (atBoundary) message = message.slice(whole.length);
  }
  return `${p.path}: ${printable(message)}`;
}

/** The indented problem lines printed under `FAIL FILE`. */
export function problemLines(problems: readonly FileProblem[]): string[] {
  const lines = problems.map((p) => `  ${problemLine(p)}`);
  if (problems.length >= MAX_REPORTED_PROBLEMS) {
    lines.push(`  … stopped after ${plural(MAX_REPORTED_PROBLEMS, 'problem')}; fix these and run again to see any others.`);
  }
  return lines;
}
