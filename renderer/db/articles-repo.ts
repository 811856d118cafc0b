// Articles are keyed by the SHA-256 of their text, so opening the same text twice finds the
// stored document (with its annotations) instead of making a duplicate. An article whose text was
// replaced (File › Replace text…) keeps its id, so it is found by its `sha256` field instead.

import type { Article, ParsedArticle, ReviewStatus } from '../../src/document/article.js';
import type { SpanmarkDb } from './db.js';

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function storeArticle(db: SpanmarkDb, parsed: ParsedArticle): Promise<{ article: Article; existed: boolean }> {
  const sha = await sha256Hex(parsed.text);
  return db.transaction('rw', db.articles, async () => {
    const existing = (await db.articles.get(sha)) ?? (await db.articles.where('sha256').equals(sha).first());
    if (existing?.deletedAt !== undefined) {
      // Opening a deleted article's text again wants it back: the deletion is undone, layers and all.
      await db.articles.update(existing.id, { deletedAt: undefined });
      const { deletedAt: _gone, ...back } = existing;
      return { article: back, existed: true };
    }
    if (existing) return { article: existing, existed: true };
    const article: Article = { ...parsed, id: sha, sha256: sha, addedAt: new Date().toISOString() };
    await db.articles.add(article);
    return { article, existed: false };
  });
}

export async function setReviewStatus(db: SpanmarkDb, id: string, reviewStatus: ReviewStatus): Promise<void> {
  await db.articles.update(id, { reviewStatus });
}
