// Label Studio JSON (text tasks with `labels` regions) as a FormatCodec; see decode.ts and
// encode.ts for what is read and written, and how the offset unit is told apart.

import type { FormatCodec } from '../registry/format.js';
import { extensionOf, peek } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { LABEL_STUDIO_CAPABILITIES } from './capabilities.js';
import { decodeLabelStudio } from './decode.js';
import { encodeLabelStudio } from './encode.js';

export const labelStudioCodec: FormatCodec = {
  id: 'label-studio',
  name: 'Label Studio JSON',
  extensions: ['json'],
  capabilities: LABEL_STUDIO_CAPABILITIES,
  sniff(files) {
    return (
      files.length > 0 &&
      files.every((f) => {
        if (extensionOf(f.name) !== 'json') return false;
        const head = peek(f);
        if (!/^\s*[[{]/.test(head)) return false;
        // Full export: tasks with data and annotations. JSON-MIN: a list of flat tasks whose
        // label field is a list of region objects ({start, end, text, labels}).
        const full = /"data"\s*:/.test(head) && /"(annotations|completions|predictions)"\s*:/.test(head);
        const min = /^\s*\[/.test(head) && /"\w+"\s*:\s*\[\s*\{\s*"(start|end|text|labels)"\s*:/.test(head);
        return full || min;
      })
    );
  },
  decode: decodeLabelStudio,
  losses: (documents) => lossesFor(documents, LABEL_STUDIO_CAPABILITIES),
  encode: (documents, _schema, baseName) => encodeLabelStudio(documents, baseName),
};
