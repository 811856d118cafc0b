// W3C Web Annotation JSON-LD (TextQuoteSelector + TextPositionSelector in code points, the label as
// a tagging body, attributes and notes as further bodies) as a FormatCodec; the texts travel as
// .txt files beside the .jsonld. See encode.ts for the mapping, decode.ts for offset units.

import type { FormatCodec } from '../registry/format.js';
import { extensionOf, peek } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { WEB_ANNOTATION_CAPABILITIES } from './capabilities.js';
import { decodeWebAnnotation } from './decode.js';
import { encodeWebAnnotation } from './encode.js';

export const webAnnotationCodec: FormatCodec = {
  id: 'web-annotation',
  name: 'W3C Web Annotation (JSON-LD)',
  extensions: ['jsonld', 'json', 'txt'],
  capabilities: WEB_ANNOTATION_CAPABILITIES,
  sniff(files) {
    const json = files.filter((f) => extensionOf(f.name) !== 'txt');
    return (
      json.length > 0 &&
      files.every((f) => ['jsonld', 'json', 'txt'].includes(extensionOf(f.name))) &&
      json.every((f) => {
        const head = peek(f);
        return /"(TextQuoteSelector|TextPositionSelector)"|www\.w3\.org\/ns\/anno\.jsonld/.test(head);
      })
    );
  },
  decode: decodeWebAnnotation,
  losses: (documents) => lossesFor(documents, WEB_ANNOTATION_CAPABILITIES),
  encode: (documents, _schema, baseName) => encodeWebAnnotation(documents, baseName),
};
