// brat rapid annotation tool standoff format: name.txt + name.ann pairs (see decode.ts, encode.ts).

import type { FormatCodec, InputFile } from '../registry/format.js';
import { extensionOf, headText } from '../registry/text-bytes.js';
import { BRAT_CAPABILITIES } from './capabilities.js';
import { decodeBrat } from './decode.js';
import { bratLosses, encodeBrat } from './encode.js';

const ANN_LINE = /^(?:T\S*\t\S+ \d+ \d+|[AMR#E]\S*\t\S)/m;

export const bratCodec: FormatCodec = {
  id: 'brat',
  name: 'brat standoff (.txt + .ann)',
  extensions: ['ann', 'txt'],
  capabilities: BRAT_CAPABILITIES,
  sniff(files: readonly InputFile[]): boolean {
    const anns = files.filter((f) => extensionOf(f.name) === 'ann');
    if (anns.length === 0) return false;
    return anns.every((f) => f.bytes.length === 0 || ANN_LINE.test(headText(f)));
  },
  decode: decodeBrat,
  losses: (documents, schema) => bratLosses(documents, schema).losses(),
  encode: encodeBrat,
};
