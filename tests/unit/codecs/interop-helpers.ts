// Shared by the interop codec tests: fixture files as InputFile, and the invariant every decoded
// document must keep (each annotation's quote is its slice of the LF text, within bounds).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { DecodeResult, FormatProblem, InputFile, InterchangeDocument } from '../../../src/codecs/registry/format.js';

const fixtures = new URL('./fixtures/interop/', import.meta.url);

export function fixture(path: string): InputFile {
  return { name: path.slice(path.lastIndexOf('/') + 1), bytes: new Uint8Array(readFileSync(new URL(path, fixtures))) };
}

export function fixtureJson(path: string): unknown {
  return JSON.parse(readFileSync(new URL(path, fixtures), 'utf8')) as unknown;
}

export function fixtureLines(path: string): unknown[] {
  return readFileSync(new URL(path, fixtures), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

export function file(name: string, text: string): InputFile {
  return { name, bytes: new TextEncoder().encode(text) };
}

export const errors = (r: DecodeResult): FormatProblem[] => r.problems.filter((p) => p.severity === 'error');
export const warnings = (r: DecodeResult): FormatProblem[] => r.problems.filter((p) => p.severity === 'warning');

/** Every annotation sits inside its LF-only text and quotes exactly its slice. */
export function assertWellFormed(docs: readonly InterchangeDocument[]): void {
  for (const d of docs) {
    assert.ok(!d.text.includes('\r'), 'interchange text has LF line endings');
    for (const a of d.annotations) {
      assert.ok(a.start >= 0 && a.start < a.end && a.end <= d.text.length, `${a.id} within the text`);
      assert.equal(a.quote, d.text.slice(a.start, a.end), `${a.id} quote is its slice`);
    }
  }
}

/** A file's own quote as Spanmark holds it: line endings normalised. */
export const lf = (s: string): string => s.replace(/\r\n?/g, '\n');

/** Python's str[start:end] (code points), what the tools mean by an offset pair. */
export const cpSlice = (s: string, start: number, end: number): string => [...s].slice(start, end).join('');
