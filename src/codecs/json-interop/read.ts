// Reading the JSON and JSON Lines files of other tools (Label Studio, doccano, spaCy/Prodigy, W3C
// Web Annotation): strict UTF-8, one byte order mark tolerated, and every refusal says where
// (file:line:column, or file:line for a JSON Lines record) so the analyst can fix the file.
// Not here: what the parsed values mean (each codec), offsets (source-text.ts).

import type { FormatProblem, InputFile } from '../registry/format.js';
import { decodeJsonBytes } from '../../validation/json-bytes.js';
import { describe, show } from '../../validation/fields.js';
import { findJsonSyntaxError, lineColumn } from '../../validation/json-syntax.js';

/** Largest file read, in bytes; bigger ones are refused before decoding. */
export const MAX_INTEROP_BYTES = 256 * 1024 * 1024;

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FormatProblem };

const error = (message: string, where: string): { ok: false; problem: FormatProblem } => ({ ok: false, problem: { message, where, severity: 'error' } });

/** The file as text: UTF-8, without a leading byte order mark. */
export function readText(file: InputFile): Read<string> {
  if (file.bytes.length > MAX_INTEROP_BYTES) return error(`${file.name} is larger than ${MAX_INTEROP_BYTES / 1024 / 1024} MB.`, file.name);
  const decoded = decodeJsonBytes(file.bytes);
  if (!decoded.ok) return error(`${file.name}: ${decoded.error.message}`, `${file.name}@${decoded.error.offset}`);
  const text = decoded.text.startsWith('\uFEFF') ? decoded.text.slice(1) : decoded.text;
  return { ok: true, value: text };
}

/** One JSON document. */
export function readJson(file: InputFile): Read<unknown> {
  const text = readText(file);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch {
    const at = findJsonSyntaxError(text.value);
    const { line, column } = lineColumn(text.value, at?.offset ?? 0);
    return error(`${file.name} is not valid JSON at line ${line}, column ${column}${at ? `: ${at.message}` : ''}.`, `${file.name}:${line}:${column}`);
  }
}

export interface JsonLine {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly value: unknown;
}

/** JSON Lines: one value per non-blank line (CRLF tolerated); the first bad line refuses the file. */
export function readJsonLines(file: InputFile): Read<JsonLine[]> {
  const text = readText(file);
  if (!text.ok) return text;
  const out: JsonLine[] = [];
  const lines = text.value.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.endsWith('\r') ? lines[i]!.slice(0, -1) : lines[i]!;
    if (raw.trim() === '') continue;
    try {
      out.push({ line: i + 1, value: JSON.parse(raw) as unknown });
    } catch {
      const at = findJsonSyntaxError(raw);
      const column = lineColumn(raw, at?.offset ?? 0).column;
      return error(`${file.name} line ${i + 1} is not valid JSON at column ${column}${at ? `: ${at.message}` : ''}.`, `${file.name}:${i + 1}:${column}`);
    }
  }
  return { ok: true, value: out };
}

/** The first `max` characters of a file for sniffing, or '' when it is not UTF-8. Never throws. */
export function peek(file: InputFile, max = 64 * 1024): string {
  try {
    const t = readText({ name: file.name, bytes: file.bytes.subarray(0, max) });
    if (t.ok) return t.value;
    // A cut through a multi-byte character is not a reason to say no.
    const shorter = readText({ name: file.name, bytes: file.bytes.subarray(0, Math.max(0, max - 3)) });
    return shorter.ok ? shorter.value : '';
  } catch {
    return '';
  }
}

/**
 * A value from a file as a message shows it: numbers as they are, strings quoted, anything else by
 * its kind. Never String(v): an object with its own "toString" would make that throw.
 */
export function lit(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return show(v, 40);
  return describe(v);
}

/**
 * The last extension: published exports carry dots in their names ("annotations.w3c.json",
 * "all.v1.jsonl"), and taking everything after the first dot made sniffing refuse them.
 */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

// Present at runtime in Electron, browsers, Workers and Node, but not in lib ES2023.
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
