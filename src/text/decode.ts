// Article files arrive as raw bytes from a picker or a drop, from anyone. Decoding is strict so a
// wrong guess never turns into silently garbled text whose offsets then get annotated and exported;
// every refusal is a sentence the analyst can act on.

import { fail, ok, type Result } from '../result.js';

// Present at runtime in Electron, browsers and Node, but not in lib ES2023; only what is used here.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => {
  decode(input: Uint8Array): string;
};

export const MAX_ARTICLE_BYTES = 20 * 1024 * 1024;

/** How much of the start of a file the binary sniffing looks at, in bytes (like git and grep). */
const SNIFF_BYTES = 8 * 1024;
/** Above this share of control characters in the sniffed prefix, the file is not prose. */
const MAX_CONTROL_RATIO = 0.1;
const MB = 1024 * 1024;

export function decodeArticleBytes(name: string, bytes: Uint8Array): Result<string> {
  const file = `The file "${name}"`;
  const sized = checkArticleSize(name, bytes.length);
  if (!sized.ok) return sized;
  const binary = (): Result<string> => fail('binary', `${file} looks like a binary file, not an article.`, name);

  let text: string;
  const utf16 = bomEncoding(bytes);
  if (utf16 !== undefined) {
    try {
      text = new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch {
      return fail('undecodable', `${file} starts with a UTF-16 byte order mark but is not valid UTF-16 text.`, name);
    }
    if (looksBinary((i) => text.charCodeAt(i), Math.min(text.length, SNIFF_BYTES / 2), text.includes('\u0000'))) return binary();
  } else {
    const wide = utf16WithoutBom(bytes);
    if (wide !== undefined) {
      return fail('undecodable', `${file} looks like ${wide} text without a byte order mark; save it as UTF-8 (or as UTF-16 with a byte order mark).`, name);
    }
    if (looksBinary((i) => bytes[i]!, Math.min(bytes.length, SNIFF_BYTES), bytes.includes(0))) return binary();
    const skip = hasUtf8Bom(bytes) ? 3 : 0;
    const body = bytes.subarray(skip);
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      const at = firstInvalidUtf8(body);
      const where = at < 0 ? '' : ` (first bad byte at offset ${at + skip})`;
      return fail(
        'undecodable',
        `${file} is not valid UTF-8 text${where}. If it was saved as UTF-16 or in a legacy encoding such as Latin-1 or Windows-1252, save it again as UTF-8.`,
        name,
      );
    }
  }
  if (!/\S/.test(text)) return fail('empty', `${file} contains only whitespace, no text.`, name);
  return ok(text);
}

/**
 * The refusals a file's size alone decides (empty, over the limit), so a dropped or picked file can
 * be refused from its size before a byte of it is read; decodeArticleBytes says the same.
 */
export function checkArticleSize(name: string, byteLength: number): Result<void> {
  const file = `The file "${name}"`;
  if (byteLength === 0) return fail('empty', `${file} is empty.`, name);
  if (byteLength > MAX_ARTICLE_BYTES) {
    const size = Math.ceil((byteLength / MB) * 10) / 10;
    return fail('too-large', `${file} is ${size.toFixed(1)} MB, larger than the ${MAX_ARTICLE_BYTES / MB} MB limit for an article.`, name);
  }
  return ok(undefined);
}

function bomEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 text of Latin script saved without a BOM has a zero in every other byte (the high byte of
 * each unit), which would otherwise read as a binary file. Judged on the sniffed prefix: every byte
 * of one parity zero, nearly none of the other.
 */
function utf16WithoutBom(bytes: Uint8Array): 'UTF-16 (little-endian)' | 'UTF-16 (big-endian)' | undefined {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 4) return undefined;
  const zeros = [0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 1]! += 1;
  const half = n / 2;
  if (zeros[1] === half && zeros[0]! <= half / 10) return 'UTF-16 (little-endian)';
  if (zeros[0] === half && zeros[1]! <= half / 10) return 'UTF-16 (big-endian)';
  return undefined;
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Control characters other than tab, LF, CR and form feed; prose almost never has them. */
function isSuspectControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f;
}

function looksBinary(unitAt: (i: number) => number, sniffLength: number, hasNul: boolean): boolean {
  if (hasNul) return true;
  let controls = 0;
  for (let i = 0; i < sniffLength; i++) if (isSuspectControl(unitAt(i))) controls++;
  return sniffLength > 0 && controls / sniffLength > MAX_CONTROL_RATIO;
}

/**
 * Offset of the first byte that starts an ill-formed UTF-8 sequence (Unicode table 3-7), or -1.
 * Only run after the native decoder has already refused the bytes, so its speed hardly matters.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b === 0xe0) [need, lo] = [2, 0xa0];
    else if (b === 0xed) [need, hi] = [2, 0x9f];
    else if (b >= 0xe1 && b <= 0xef) need = 2;
    else if (b === 0xf0) [need, lo] = [3, 0x90];
    else if (b === 0xf4) [need, hi] = [3, 0x8f];
    else if (b >= 0xf1 && b <= 0xf3) need = 3;
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < lo || c > hi) return i;
      lo = 0x80;
      hi = 0xbf;
    }
    i += need + 1;
  }
  return -1;
}
