// Codecs, parsers and validators return a Result instead of throwing: a thrown error loses its
// location on the way through IPC and async boundaries, a Result keeps the JSON path.

export type Result<T, E = Problem> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** A user-facing problem: `message` is a full sentence, `path` locates it (JSON path or file name). */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const fail = (code: string, message: string, path?: string): { readonly ok: false; readonly error: Problem } => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
});
