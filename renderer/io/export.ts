// Export: read the documents and their annotations in one read transaction (a consistent
// snapshot), encode with the core codec (which converts offsets to code points) and serialise.
// The open document's layer is taken from memory when the transaction finds its stored stamp
// equal to the one memory was committed at: the same data, without reading 10,000 records.

import { encodeSpanmarkV1, exportFileName, serializeSpanmarkV1 } from '../../src/codecs/spanmark-v1/encode.js';
import type { Article } from '../../src/document/article.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewV1 } from '../../src/codecs/spanmark-v1/types.js';
import { toWireDecision } from '../../src/review/decisions.js';
import type { SpanmarkDb } from '../db/db.js';
import { readOwnLayer, sameStamp, type Stamp } from '../db/annotations-repo.js';

export interface ExportPayload {
  readonly fileName: string;
  readonly json: string;
  readonly documents: number;
  readonly annotations: number;
}

/** The open document's layer as committed (DocumentSession.committedLayer), with its document. */
export interface LiveLayer {
  readonly docId: string;
  readonly stamp: Stamp;
  readonly annotations: readonly Annotation[];
}

export async function exportDocuments(db: SpanmarkDb, docIds: readonly string[] | 'all', version: string, live?: LiveLayer): Promise<ExportPayload> {
  const docs = await db.transaction('r', [db.articles, db.annotations, db.reviewDecisions, db.layerRevisions, db.layerSnapshots], async () => {
    const articles = docIds === 'all' ? await db.articles.orderBy('addedAt').toArray() : ((await db.articles.bulkGet([...docIds])).filter(Boolean) as Article[]);
    const out: { article: Article; annotations: readonly Annotation[]; review?: ReviewV1 }[] = [];
    for (const article of articles) {
      const current = live?.docId === article.id && sameStamp(await db.layerRevisions.get(article.id), live.stamp);
      const annotations = current ? live.annotations : (await readOwnLayer(db, article.id, article.text)).own;
      const decisions = await db.reviewDecisions.where('docId').equals(article.id).toArray();
      // Review decisions and provenance travel with the reconciled layer.
      const review: ReviewV1 | undefined =
        decisions.length > 0 || article.reviewStatus ? { status: article.reviewStatus ?? 'in-review', decisions: decisions.map(toWireDecision) } : undefined;
      out.push(review ? { article, annotations, review } : { article, annotations });
    }
    return out;
  });
  const file = encodeSpanmarkV1({ documents: docs, exportedAt: new Date().toISOString(), generatorVersion: version });
  const single = docs.length === 1 && docIds !== 'all' ? docs[0] : undefined;
  return {
    fileName: exportFileName(single ? single.article.title : 'spanmark-library'),
    json: serializeSpanmarkV1(file),
    documents: docs.length,
    annotations: docs.reduce((n, d) => n + d.annotations.length, 0),
  };
}
