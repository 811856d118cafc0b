// The one entry point for importing a Spanmark export of any version: it reads `version` and
// decodes version 1 or 2 into the same DecodedLibrary (v1 annotations carry no attributes; v1's
// labels list becomes a schema without attributes). Import, CLI and tests of both versions use it.

import type { Result } from '../../result.js';
import { V1_DIALECT } from '../spanmark-v1/decode.js';
import { V2_DIALECT } from '../spanmark-v2/decode.js';
import { decodeBytesWith, decodeWith, type DecodedLibrary, type DecodeOptions, type DecodeProblem, type Dialect, type Sha256Hex } from './decode-core.js';

export {
  MAX_IMPORT_CHARS,
  MAX_REPORTED_PROBLEMS,
  type DecodedDocument,
  type DecodedOrphan,
  type DecodedLibrary,
  type DecodeOptions,
  type DecodeProblem,
  type Sha256Hex,
} from './decode-core.js';

/** Oldest first; the newest is what "written by a newer Spanmark" compares with. */
export const SUPPORTED = [V1_DIALECT, V2_DIALECT] as readonly Dialect<unknown>[];

export function decodeSpanmark(json: string, sha256Hex: Sha256Hex, options: DecodeOptions = {}): Promise<Result<DecodedLibrary, DecodeProblem>> {
  return decodeWith(json, sha256Hex, options, SUPPORTED);
}

/** decodeSpanmark from a file's bytes: strict UTF-8 (with the offset of a bad byte), at most one BOM. */
export function decodeSpanmarkBytes(bytes: Uint8Array, sha256Hex: Sha256Hex, options: DecodeOptions = {}): Promise<Result<DecodedLibrary, DecodeProblem>> {
  return decodeBytesWith(bytes, sha256Hex, options, SUPPORTED);
}
