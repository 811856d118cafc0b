// Shared by the interop codec tests: files from strings, and the check every importer test makes —
// each span's text against the text it claims (the decoder's own quote and the file's column).

import assert from 'node:assert/strict';
import type { DecodeResult, InputFile, InterchangeDocument } from '../../../../src/codecs/registry/format.js';

export function file(name: string, content: string): InputFile {
  return { name, bytes: new TextEncoder().encode(content) };
}

export function textOf(f: { bytes: Uint8Array }): string {
  return new TextDecoder().decode(f.bytes);
}

/** Every annotation's quote is what its offsets (or fragments) cover in the document's text. */
export function assertQuotesMatch(doc: InterchangeDocument): void {
  for (const a of doc.annotations) {
    const pieces = (a.fragments ?? [a]).map((f) => doc.text.slice(f.start, f.end));
    assert.equal(a.quote, pieces.join(' '), `quote of ${a.id}`);
    assert.ok(a.start < a.end && a.end <= doc.text.length, `range of ${a.id}`);
  }
}

export function errors(result: DecodeResult): string[] {
  return result.problems.filter((p) => p.severity === 'error').map((p) => `${p.where ?? ''} ${p.message}`);
}

export function warnings(result: DecodeResult): string[] {
  return result.problems.filter((p) => p.severity === 'warning').map((p) => `${p.where ?? ''} ${p.message}`);
}
