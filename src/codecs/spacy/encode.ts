// Writes Prodigy-style JSON Lines, which spaCy pipelines and Prodigy's db-in read: one record per
// document and annotator with `text`, `tokens` [{text, start, end, id, ws}], `spans` [{start, end,
// token_start, token_end (inclusive), label}] in code points, `_annotator_id` naming the annotator,
// `answer: "accept"`, and the document's id, title and metadata in `meta`. A document nobody
// annotated is one record with no spans. Attributes, notes and discontinuous fragments are losses.

import type { EncodeResult, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import { utf16ToCodePoints } from '../../text/offsets.js';
import { utf8 } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { SPACY_CAPABILITIES } from './capabilities.js';
import { tokenize } from './tokens.js';

export function encodeSpacy(documents: readonly InterchangeDocument[], baseName: string): EncodeResult {
  const lines: string[] = [];
  for (const doc of documents) {
    const toks = tokenize(doc.text, doc.annotations);
    const cps = utf16ToCodePoints(
      doc.text,
      toks.flatMap((t) => [t.start, t.end]),
    );
    const tokens = toks.map((t, i) => ({ text: doc.text.slice(t.start, t.end), start: cps[2 * i]!, end: cps[2 * i + 1]!, id: i, ws: t.ws }));
    const tokenStarting = new Map(toks.map((t, i) => [t.start, i]));
    const tokenEnding = new Map(toks.map((t, i) => [t.end, i]));
    const groups = new Map<string, InterchangeAnnotation[]>();
    for (const a of doc.annotations) groups.set(a.annotator ?? '', [...(groups.get(a.annotator ?? '') ?? []), a]);
    if (groups.size === 0) groups.set('', []);
    const meta = { ...doc.metadata, ...(doc.id !== undefined ? { spanmark_id: doc.id } : {}), ...(doc.title !== undefined ? { title: doc.title } : {}) };
    for (const [annotator, anns] of groups) {
      const spans = anns.map((a) => {
        const [start, end] = utf16ToCodePoints(doc.text, [a.start, a.end]);
        return { start, end, token_start: tokenStarting.get(a.start)!, token_end: tokenEnding.get(a.end)!, label: a.label };
      });
      lines.push(
        JSON.stringify({
          text: doc.text,
          tokens,
          spans,
          ...(Object.keys(meta).length > 0 ? { meta } : {}),
          ...(annotator !== '' ? { _annotator_id: annotator } : {}),
          answer: 'accept',
        }),
      );
    }
  }
  return {
    files: [{ name: `${baseName}.jsonl`, bytes: utf8(lines.map((l) => l + '\n').join('')) }],
    losses: lossesFor(documents, SPACY_CAPABILITIES),
  };
}
