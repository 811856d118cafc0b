// A file decodes each document under the hash of its text (document identity), but an article
// whose text was replaced (File › Replace text…) keeps the id it was first stored under, so its
// own export would otherwise come back as a second copy. Documents whose text is stored under
// another id are renamed to that id, with their annotations, before anything is written.

import type { DecodedDocument } from '../../src/codecs/spanmark-v1/decode.js';
import type { SpanmarkDb } from '../db/db.js';

export async function underStoredIds(db: SpanmarkDb, documents: readonly DecodedDocument[]): Promise<DecodedDocument[]> {
  return Promise.all(
    documents.map(async (doc) => {
      const sha = doc.article.sha256;
      if ((await db.articles.get(doc.article.id)) !== undefined) return doc;
      const stored = await db.articles.where('sha256').equals(sha).first();
      if (stored === undefined || stored.id === doc.article.id) return doc;
      return { ...doc, article: { ...doc.article, id: stored.id }, annotations: doc.annotations.map((a) => ({ ...a, docId: stored.id })) };
    }),
  );
}
