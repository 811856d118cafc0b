// Bytes in and out of the text formats (brat, WebAnno TSV, CoNLL): strict UTF-8, a leading byte
// order mark dropped (Windows editors write one; it is not part of the text any tool counts), and a
// refusal that names the file and the byte instead of a silently garbled text.

import { firstInvalidUtf8 } from '../../text/decode.js';
import type { FormatProblem, InputFile } from './format.js';

// Present at runtime in Electron, browsers and Node, but not in lib ES2023.
declare const TextDecoder: new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => { decode(input: Uint8Array): string };
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

export function utf8Text(file: InputFile): { text: string } | { problem: FormatProblem } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file.bytes);
    return { text };
  } catch {
    const at = firstInvalidUtf8(file.bytes);
    return { problem: { severity: 'error', where: file.name, message: `${file.name} is not UTF-8 text (byte ${at} is not UTF-8).` } };
  }
}

export function utf8Bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The first bytes of a file as text, for sniffing; invalid bytes become U+FFFD. */
export function headText(file: InputFile, bytes = 4096): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(file.bytes.subarray(0, bytes));
}

/** The name without its directory and without the last extension. */
export function stem(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}
