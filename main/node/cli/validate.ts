// `spanmark validate`: checks export files against the labeled-JSON contract (version 1 or 2) with
// the same decoder the app imports with, so a file that passes here imports in the app and the
// reverse. A v2 file that passes with warnings (a required attribute left unset) prints them under
// its ok line and still passes, as the app accepts it.
// Meant for scripts and CI as much as for people: one line per good file, every problem of a bad one.

import { annotationCount, loadFile, problemLine, problemLines, type FileProblem } from './load.js';
import type { CliIo } from './io.js';
import { plural, printable } from './text.js';

export interface ValidateOptions {
  readonly files: readonly string[];
  readonly json: boolean;
}

/** One entry of `validate --json`. */
export interface ValidateResult {
  readonly file: string;
  readonly ok: boolean;
  readonly documents?: number;
  readonly annotations?: number;
  readonly problems?: readonly FileProblem[];
  /** Accepted but worth saying (valid v2 files only; absent when there are none). */
  readonly warnings?: readonly FileProblem[];
}

export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const results: ValidateResult[] = [];
  // One file at a time, in the order given: output order is argument order, and at most one
  // (possibly large) file is held in memory.
  for (const file of options.files) {
    const loaded = await loadFile(file, io);
    const warnings = loaded.ok ? loaded.library.warnings : [];
    const result: ValidateResult = loaded.ok
      ? {
          file,
          ok: true,
          documents: loaded.library.documents.length,
          annotations: annotationCount(loaded.library),
          ...(warnings.length > 0
            ? { warnings: warnings.map((w) => ({ code: w.code, message: w.message, ...(w.path !== undefined ? { path: w.path } : {}) })) }
            : {}),
        }
      : { file, ok: false, problems: loaded.problems };
    results.push(result);
    if (!options.json) io.stdout(`${resultLines(result).join('\n')}\n`);
  }
  if (options.json) {
    io.stdout(`${JSON.stringify(results, null, 2)}\n`);
  } else if (results.length > 1) {
    const failed = results.filter((r) => !r.ok).length;
    io.stdout(`\n${plural(results.length, 'file')}: ${results.length - failed} ok, ${failed} failed\n`);
  }
  return results.every((r) => r.ok) ? 0 : 1;
}

/** `ok   FILE  (N documents, M annotations)`, or `FAIL FILE` and one indented line per problem. */
export function resultLines(r: ValidateResult): string[] {
  const name = printable(r.file);
  if (r.ok) {
    const line = `ok   ${name}  (${plural(r.documents ?? 0, 'document')}, ${plural(r.annotations ?? 0, 'annotation')})`;
    return [line, ...(r.warnings ?? []).map((w) => `  warning: ${problemLine(w)}`)];
  }
  return [`FAIL ${name}`, ...problemLines(r.problems ?? [])];
}
