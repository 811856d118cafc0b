// JSON file bytes to text, strictly UTF-8 (RFC 8259 §8.1: JSON exchanged between systems is UTF-8).
// A refusal says at which byte and, since Windows tools and PowerShell's `>` like to write UTF-16,
// says so when the bytes look like it. Byte order marks are left in the text for the codec to judge
// (one is tolerated, two are not), so nothing here silently eats one.

import { firstInvalidUtf8 } from '../text/decode.js';

// Present at runtime in Electron, browsers, Workers and Node, but not in lib ES2023.
declare const TextDecoder: new (
  label: string,
  options: { fatal: boolean; ignoreBOM: boolean },
) => {
  decode(input: Uint8Array): string;
};

export interface NotUtf8 {
  readonly code: 'not-utf8';
  readonly message: string;
  /** Byte offset of the first byte that is not UTF-8 (0 for a UTF-16 or UTF-32 file). */
  readonly offset: number;
}

/** Said first in every not-UTF-8 message, so callers can rephrase the lead and keep the details. */
export const NOT_UTF8_LEAD = 'The file is not UTF-8 text';

export function decodeJsonBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: NotUtf8 } {
  const wide = wideEncoding(bytes);
  if (wide !== undefined) {
    return {
      ok: false,
      error: {
        code: 'not-utf8',
        offset: 0,
        message: `${NOT_UTF8_LEAD}: it looks like ${wide}. Spanmark exports are UTF-8; save the file again as UTF-8 (in Python: open(path, "w", encoding="utf-8")).`,
      },
    };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const hex = (bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      ok: false,
      error: {
        code: 'not-utf8',
        offset,
        message: `${NOT_UTF8_LEAD}: byte 0x${hex} at byte offset ${offset} is not valid UTF-8. Spanmark exports are UTF-8; if the file was saved as UTF-16 or in a legacy encoding such as Latin-1 or Windows-1252, save it again as UTF-8.`,
      },
    };
  }
}

/**
 * UTF-16 or UTF-32 by byte order mark, or by the zero bytes around the first character, which in
 * JSON is always ASCII (RFC 4627 §3). Undefined for anything else.
 */
function wideEncoding(b: Uint8Array): string | undefined {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return 'UTF-32 (big-endian byte order mark)';
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00) return 'UTF-32 (little-endian byte order mark)';
  if (b[0] === 0xfe && b[1] === 0xff) return 'UTF-16 (big-endian byte order mark)';
  if (b[0] === 0xff && b[1] === 0xfe) return 'UTF-16 (little-endian byte order mark)';
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return 'UTF-32 (big-endian, no byte order mark)';
  if (b.length >= 4 && b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return 'UTF-32 (little-endian, no byte order mark)';
  if (b.length >= 2 && b[0] === 0 && b[1] !== 0) return 'UTF-16 (big-endian, no byte order mark)';
  if (b.length >= 2 && b[0] !== 0 && b[1] === 0) return 'UTF-16 (little-endian, no byte order mark)';
  return undefined;
}
