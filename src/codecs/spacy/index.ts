// spaCy / Prodigy JSONL (`text`, `tokens`, `spans` with inclusive token_end) as a FormatCodec;
// see decode.ts and encode.ts.

import type { FormatCodec } from '../registry/format.js';
import { extensionOf, peek } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { SPACY_CAPABILITIES } from './capabilities.js';
import { decodeSpacy } from './decode.js';
import { encodeSpacy } from './encode.js';

export const spacyCodec: FormatCodec = {
  id: 'spacy',
  name: 'spaCy / Prodigy JSONL',
  extensions: ['jsonl'],
  capabilities: SPACY_CAPABILITIES,
  sniff(files) {
    return (
      files.length > 0 &&
      files.every((f) => {
        if (extensionOf(f.name) !== 'jsonl') return false;
        const first = peek(f).split('\n', 1)[0] ?? '';
        return /"text"\s*:/.test(first) && /"(spans|tokens|ents)"\s*:/.test(first);
      })
    );
  },
  decode: decodeSpacy,
  losses: (documents) => lossesFor(documents, SPACY_CAPABILITIES),
  encode: (documents, _schema, baseName) => encodeSpacy(documents, baseName),
};
