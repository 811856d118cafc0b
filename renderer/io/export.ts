// Export: read the documents and their annotations in one read transaction (a consistent
// snapshot), encode with the core codec (which converts offsets to code points) and serialise.
// Every file says who wrote it (exportedBy) and stamps my installation id on my annotations, so an
// importer tells me from a colleague of the same name. With `allLayers`, each document also carries
// every colleague's layer (their names and ids as their files gave them; a rename is local).
// The open document's layer is taken from memory when the transaction finds its stored stamp
// equal to the one memory was committed at: the same data, without reading 10,000 records.
// Files are contract v2 (the library's schema, attribute values, prefix/suffix) unless `format: 1`
// asks for v1, for consumers that predate v2: v1 has no place for attribute values, so the payload
// says how many were left out and the caller tells the analyst.

import { encodeSpanmarkV1, exportFileName, serializeSpanmark } from '../../src/codecs/spanmark-v1/encode.js';
import { attributeValueCount, encodeSpanmarkV2 } from '../../src/codecs/spanmark-v2/encode.js';
import { loadSchema } from '../db/schema-repo.js';
import type { Article } from '../../src/document/article.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewV1 } from '../../src/codecs/spanmark-v1/types.js';
import { toWireDecision } from '../../src/review/decisions.js';
import type { SpanmarkDb } from '../db/db.js';
import { readOwnLayer, sameStamp, type Stamp } from '../db/annotations-repo.js';
import { storedColleagueLayers } from '../db/colleague-layers-repo.js';
import type { Me } from '../../src/review/layer-identity.js';
import type { DecodedOrphan } from '../../src/codecs/spanmark/decode.js';
import { orphansForExport } from '../anchoring/orphan-export.js';

export interface ExportPayload {
  readonly fileName: string;
  readonly json: string;
  readonly documents: number;
  readonly annotations: number;
  /** Colleague annotations left out because my layer has one with the same id (ids are per document). */
  readonly duplicatesLeftOut: number;
  /** The contract version written. */
  readonly format: 1 | 2;
  /** Attribute values not written because the file is v1 (0 for v2). */
  readonly valuesLeftOut: number;
}

/** The open document's layer as committed (DocumentSession.committedLayer), with its document. */
export interface LiveLayer {
  readonly docId: string;
  readonly stamp: Stamp;
  readonly annotations: readonly Annotation[];
}

export interface ExportOptions {
  readonly live?: LiveLayer | undefined;
  /** Also write every colleague's layer of each document. */
  readonly allLayers?: boolean;
  /** Contract version to write: 2 (default) or 1 for older consumers, without attribute values. */
  readonly format?: 1 | 2;
}

export async function exportDocuments(
  db: SpanmarkDb,
  docIds: readonly string[] | 'all',
  version: string,
  me: Me,
  options: ExportOptions = {},
): Promise<ExportPayload> {
  const { live, allLayers = false, format = 2 } = options;
  let duplicatesLeftOut = 0;
  const { docs, schema } = await db.transaction(
    'r',
    [
      db.articles,
      db.annotations,
      db.reviewDecisions,
      db.layerRevisions,
      db.layerSnapshots,
      db.colleagueAnnotations,
      db.colleagueLayers,
      db.settings,
      db.textReplacements,
    ],
    async () => {
      // Read with the layers, so the values written and the schema they are checked against agree.
      const schema = await loadSchema(db);
      const articles =
        docIds === 'all' ? await db.articles.orderBy('addedAt').toArray() : ((await db.articles.bulkGet([...docIds])).filter(Boolean) as Article[]);
      const out: { article: Article; annotations: readonly Annotation[]; review?: ReviewV1; orphans?: DecodedOrphan[] }[] = [];
      for (const article of articles) {
        const current = live?.docId === article.id && sameStamp(await db.layerRevisions.get(article.id), live.stamp);
        const own = current ? live.annotations : (await readOwnLayer(db, article.id, article.text)).own;
        // Everything in my layer is mine (imports put only my own there), whatever name it carries.
        const annotations: Annotation[] = own.map((a) => (a.annotatorId === me.id ? a : { ...a, annotatorId: me.id }));
        if (allLayers) {
          const ids = new Set(annotations.map((a) => a.id));
          for (const { annotations: theirs } of await storedColleagueLayers(db, article.id)) {
            for (const a of theirs) {
              if (ids.has(a.id)) {
                duplicatesLeftOut += 1;
              } else {
                annotations.push(a);
                ids.add(a.id);
              }
            }
          }
        }
        const decisions = await db.reviewDecisions.where('docId').equals(article.id).toArray();
        // Review decisions and provenance travel with the reconciled layer.
        const review: ReviewV1 | undefined =
          decisions.length > 0 || article.reviewStatus ? { status: article.reviewStatus ?? 'in-review', decisions: decisions.map(toWireDecision) } : undefined;
        // Spans that lost their place when the text changed travel with it (v2 only; v1 has no place for them).
        const orphans = format === 2 ? orphansForExport(await db.textReplacements.get(article.id), me, allLayers, new Set(annotations.map((a) => a.id))) : [];
        out.push({ article, annotations, ...(review ? { review } : {}), ...(orphans.length > 0 ? { orphans } : {}) });
      }
      return { docs: out, schema };
    },
  );
  const input = { documents: docs, exportedAt: new Date().toISOString(), generatorVersion: version, exportedBy: { id: me.id, name: me.name } };
  const file = format === 1 ? encodeSpanmarkV1(input) : encodeSpanmarkV2({ ...input, schema });
  const single = docs.length === 1 && docIds !== 'all' ? docs[0] : undefined;
  return {
    fileName: exportFileName(single ? `${single.article.title}${allLayers ? ' - all layers' : ''}` : 'spanmark-library'),
    json: serializeSpanmark(file),
    documents: docs.length,
    annotations: docs.reduce((n, d) => n + d.annotations.length, 0),
    duplicatesLeftOut,
    format,
    valuesLeftOut: format === 1 ? attributeValueCount(docs) : 0,
  };
}
