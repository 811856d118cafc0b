// doccano JSONL (sequence labeling: `label` triples, or the relation project's `entities`) as a
// FormatCodec; see decode.ts and encode.ts.

import type { FormatCodec } from '../registry/format.js';
import { extensionOf, peek } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { DOCCANO_CAPABILITIES } from './capabilities.js';
import { decodeDoccano } from './decode.js';
import { encodeDoccano } from './encode.js';

export const doccanoCodec: FormatCodec = {
  id: 'doccano',
  name: 'doccano JSONL',
  extensions: ['jsonl'],
  capabilities: DOCCANO_CAPABILITIES,
  sniff(files) {
    return (
      files.length > 0 &&
      files.every((f) => {
        if (extensionOf(f.name) !== 'jsonl') return false;
        const first = peek(f).split('\n', 1)[0] ?? '';
        return (
          /"text"\s*:/.test(first) &&
          (/"labels?"\s*:\s*\[\s*(\]|\[)/.test(first) || /"entities"\s*:\s*\[/.test(first)) &&
          !/"spans"\s*:|"tokens"\s*:/.test(first)
        );
      })
    );
  },
  decode: decodeDoccano,
  losses: (documents) => lossesFor(documents, DOCCANO_CAPABILITIES),
  encode: (documents, _schema, baseName) => encodeDoccano(documents, baseName),
};
