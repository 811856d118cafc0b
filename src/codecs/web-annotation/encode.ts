// Writes W3C Web Annotation JSON-LD (Web Annotation Data Model, W3C Recommendation 2017): one
// AnnotationCollection (`<base>.jsonld`) whose first AnnotationPage embeds every annotation, and
// each document's text beside it as `<base>.txt` (`<base>-2.txt`, … for more documents), which the
// annotations' target.source names. The model has no place for the annotated text itself.
//
// How Spanmark's annotation is written (and read back, see decode.ts):
// - target: {source, selector: [TextQuoteSelector {exact, prefix, suffix} (32 code points of
//   context, as Hypothesis keeps), TextPositionSelector {start, end} in code points]};
// - the label: a TextualBody with purpose "tagging" and the label id as value;
// - the note: a TextualBody with purpose "commenting", format text/plain;
// - each attribute: a TextualBody with purpose "describing", format application/json, whose value
//   is the JSON text {"attribute": id, "value": value} (a link value is the target annotation's
//   id, which is why ids are kept: Spanmark ids become urn:spanmark:annotation:<id>);
// - the annotator: creator {type: "Person", name}.
// Discontinuous fragments are written as one covering span and reported as a loss.

import type { EncodeResult, InterchangeDocument } from '../registry/format.js';
import { quoteContext } from '../../anchoring/reanchor.js';
import { utf16ToCodePoints } from '../../text/offsets.js';
import { utf8 } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { CONTEXT, ID_PREFIX, WEB_ANNOTATION_CAPABILITIES } from './capabilities.js';

export function textFileName(baseName: string, index: number, count: number): string {
  return count === 1 ? `${baseName}.txt` : `${baseName}-${index + 1}.txt`;
}

/** An id as written: Spanmark's own ids get a urn: prefix; ids that already are IRIs stay. */
export function annotationIri(id: string): string {
  return /^[a-z][a-z0-9+.-]*:/i.test(id) ? id : ID_PREFIX + encodeURIComponent(id);
}

export function encodeWebAnnotation(documents: readonly InterchangeDocument[], baseName: string): EncodeResult {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const items: unknown[] = [];
  const sourceName = (i: number): string => textFileName(baseName.slice(baseName.lastIndexOf('/') + 1), i, documents.length);
  documents.forEach((doc, d) => {
    files.push({ name: textFileName(baseName, d, documents.length), bytes: utf8(doc.text) });
    for (const a of doc.annotations) {
      const [start, end] = utf16ToCodePoints(doc.text, [a.start, a.end]);
      const { prefix, suffix } = quoteContext(doc.text, a.start, a.end);
      const body: unknown[] = [{ type: 'TextualBody', purpose: 'tagging', value: a.label }];
      if (a.note !== undefined && a.note !== '') body.push({ type: 'TextualBody', purpose: 'commenting', format: 'text/plain', value: a.note });
      for (const [attribute, value] of Object.entries(a.attributes ?? {})) {
        body.push({ type: 'TextualBody', purpose: 'describing', format: 'application/json', value: JSON.stringify({ attribute, value }) });
      }
      items.push({
        id: annotationIri(a.id),
        type: 'Annotation',
        motivation: 'tagging',
        ...(a.annotator !== undefined ? { creator: { type: 'Person', name: a.annotator } } : {}),
        body,
        target: {
          source: sourceName(d),
          selector: [
            { type: 'TextQuoteSelector', exact: doc.text.slice(a.start, a.end), prefix, suffix },
            { type: 'TextPositionSelector', start, end },
          ],
        },
      });
    }
  });
  const collection = {
    '@context': CONTEXT,
    type: 'AnnotationCollection',
    label: baseName.slice(baseName.lastIndexOf('/') + 1),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  files.unshift({ name: `${baseName}.jsonld`, bytes: utf8(JSON.stringify(collection, null, 2) + '\n') });
  return { files, losses: lossesFor(documents, WEB_ANNOTATION_CAPABILITIES) };
}
