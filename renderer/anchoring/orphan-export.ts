// A document's orphans as the v2 export writes them (src/codecs/spanmark-v2/orphans.ts): my
// layer's, stamped with my analyst id like my annotations; colleagues' only when every layer is
// exported. An orphan recorded before orphans were exported has no code point offsets or context;
// they are recovered from the text the last replacement replaced when its quote is there, and
// otherwise left out (the contract allows that) rather than guessed.

import { originIn } from '../../src/anchoring/import-onto.js';
import type { DecodedOrphan } from '../../src/codecs/spanmark/decode.js';
import type { Me } from '../../src/review/layer-identity.js';
import type { TextReplacement } from './replacement-types.js';

export function orphansForExport(record: TextReplacement | undefined, me: Me, allLayers: boolean, takenIds: ReadonlySet<string>): DecodedOrphan[] {
  if (!record) return [];
  const oldText = record.undo?.article.text;
  const seen = new Set(takenIds);
  const out: DecodedOrphan[] = [];
  for (const o of record.orphans) {
    if (o.layer !== undefined && !allLayers) continue;
    const a = o.annotation;
    if (seen.has(a.id) || a.quote.length === 0) continue;
    seen.add(a.id);
    const was = o.was ?? (oldText !== undefined && oldText.slice(a.start, a.end) === a.quote ? originIn(oldText, a.start, a.end) : undefined);
    const annotatorId = o.layer === undefined ? me.id : a.annotatorId;
    out.push({
      id: a.id,
      label: a.label,
      quote: a.quote,
      ...(was ? { start: was.start, end: was.end, prefix: was.prefix, suffix: was.suffix } : {}),
      annotator: a.annotator,
      ...(annotatorId !== undefined ? { annotatorId } : {}),
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      ...(a.note !== undefined ? { note: a.note } : {}),
      ...(a.attributes !== undefined ? { attributes: a.attributes } : {}),
      reason: o.reason,
      orphanedAt: o.orphanedAt,
    });
  }
  return out;
}
