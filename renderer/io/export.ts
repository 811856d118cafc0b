// Export: read the documents and their annotations in one read transaction (a consistent
// snapshot), encode with the core codec (which converts offsets to code points) and serialise.

import { encodeSpanmarkV1, exportFileName, serializeSpanmarkV1 } from '../../src/codecs/spanmark-v1/encode.js';
import type { Article } from '../../src/document/article.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewV1 } from '../../src/codecs/spanmark-v1/types.js';
import { toWireDecision } from '../../src/review/decisions.js';
import type { SpanmarkDb } from '../db/db.js';
import { readOwnLayer } from '../db/annotations-repo.js';

export interface ExportPayload {
  readonly fileName: string;
  readonly json: string;
  readonly documents: number;
  readonly annotations: number;
}

export async function exportDocuments(db: SpanmarkDb, docIds: readonly string[] | 'all', version: string): Promise<ExportPayload> {
  const docs = await db.transaction('r', [db.articles, db.annotations, db.reviewDecisions, db.layerRevisions, db.layerSnapshots], async () => {
    const articles = docIds === 'all' ? await db.articles.orderBy('addedAt').toArray() : ((await db.articles.bulkGet([...docIds])).filter(Boolean) as Article[]);
    const out: { article: Article; annotations: Annotation[]; review?: ReviewV1 }[] = [];
    for (const article of articles) {
      const annotations = (await readOwnLayer(db, article.id)).own;
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
