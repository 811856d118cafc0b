// Reading and decoding one export file (contract 1 or 2), shared by `validate`, `agreement` and `facts` so all judge a file
// by the same decoder the app imports with, and describe a bad file in the same words.

import { createHash } from 'node:crypto';
import { decodeSpanmarkBytes, MAX_REPORTED_PROBLEMS, type DecodedLibrary } from '../../../src/codecs/spanmark/decode.js';
import { DEFAULT_SCHEMA, type LabelDef } from '../../../src/labels/schema.js';
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

/**
 * The labels (with their attributes) a decoded file's annotations are read against: a v2 file's own
 * schema; a v1 file lists the three labels without attributes, and its values (none) are read
 * against the default schema's, as the app reads them.
 */
export function fileSchemaLabels(library: DecodedLibrary): readonly LabelDef[] {
  return library.version === 1 ? DEFAULT_SCHEMA.labels : library.schema.labels;
}

/** Several files' labels as one list: in file order, the first definition of a label kept, attributes only a later file defines added. */
export function mergedSchemaLabels(libraries: readonly DecodedLibrary[]): LabelDef[] {
  const out: LabelDef[] = [];
  for (const library of libraries) {
    for (const label of fileSchemaLabels(library)) {
      const i = out.findIndex((l) => l.id === label.id);
      if (i < 0) {
        out.push(label);
        continue;
      }
      const known = out[i]!;
      const extra = label.attributes.filter((a) => !known.attributes.some((b) => b.id === a.id));
      if (extra.length > 0) out[i] = { ...known, attributes: [...known.attributes, ...extra] };
    }
  }
  return out;
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
