// Writes doccano's sequence-labeling JSON Lines: one record per document, {"text", "label":
// [[start, end, "LABEL"], …]} in code points, the form doccano's import reads. Document ids and
// metadata ride along as extra fields, which doccano keeps as the example's meta. Annotator names,
// attributes, notes and discontinuous fragments have no place and are reported as losses.

import type { EncodeResult, InterchangeDocument } from '../registry/format.js';
import { utf16ToCodePoints } from '../../text/offsets.js';
import { utf8 } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { DOCCANO_CAPABILITIES } from './capabilities.js';

export function encodeDoccano(documents: readonly InterchangeDocument[], baseName: string): EncodeResult {
  const lines = documents.map((doc) => {
    const label = doc.annotations.map((a) => {
      const [start, end] = utf16ToCodePoints(doc.text, [a.start, a.end]);
      return [start, end, a.label];
    });
    const extra: Record<string, string> = { ...doc.metadata };
    delete extra['text'];
    delete extra['label'];
    return JSON.stringify({ ...(doc.id !== undefined ? { id: doc.id } : {}), ...extra, text: doc.text, label });
  });
  return {
    files: [{ name: `${baseName}.jsonl`, bytes: utf8(lines.map((l) => l + '\n').join('')) }],
    losses: lossesFor(documents, DOCCANO_CAPABILITIES),
  };
}
