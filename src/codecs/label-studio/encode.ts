// Writes Label Studio's JSON import/export shape: one task per document with data.text (and
// data.title), one annotation per annotator with completed_by naming them, and each span as a
// `labels` region {start, end, text, labels} in code points (what current Label Studio stores),
// from_name "label" and to_name "text" as in Label Studio's default NER labeling config.
// Attributes, notes and discontinuous fragments have no place here and are reported as losses.

import type { EncodeResult, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import { utf16ToCodePoints } from '../../text/offsets.js';
import { utf8 } from '../json-interop/read.js';
import { lossesFor } from '../json-interop/losses.js';
import { LABEL_STUDIO_CAPABILITIES } from './capabilities.js';

export function encodeLabelStudio(documents: readonly InterchangeDocument[], baseName: string): EncodeResult {
  const tasks = documents.map((doc, t) => {
    const byAnnotator = new Map<string, InterchangeAnnotation[]>();
    for (const a of doc.annotations) {
      const key = a.annotator ?? '';
      byAnnotator.set(key, [...(byAnnotator.get(key) ?? []), a]);
    }
    let n = 0;
    const annotations = [...byAnnotator].map(([annotator, anns]) => ({
      id: t * 1000 + ++n,
      ...(annotator !== '' ? { completed_by: annotator.includes('@') ? { email: annotator } : { username: annotator } } : {}),
      result: anns.map((a) => {
        const [start, end] = utf16ToCodePoints(doc.text, [a.start, a.end]);
        return {
          id: a.id,
          from_name: 'label',
          to_name: 'text',
          type: 'labels',
          origin: 'manual',
          value: { start, end, text: doc.text.slice(a.start, a.end), labels: [a.label] },
        };
      }),
    }));
    return {
      id: t + 1,
      data: {
        ...doc.metadata,
        text: doc.text,
        ...(doc.title !== undefined ? { title: doc.title } : {}),
        ...(doc.id !== undefined ? { spanmark_id: doc.id } : {}),
      },
      annotations,
    };
  });
  return {
    files: [{ name: `${baseName}.json`, bytes: utf8(JSON.stringify(tasks, null, 2) + '\n') }],
    losses: lossesFor(documents, LABEL_STUDIO_CAPABILITIES),
  };
}
