// Opening an article file: parse and validate in the core, then store it (or find the stored
// document with the same text). A file that fails validation leaves the library untouched.

import type { Article } from '../../src/document/article.js';
import { parseArticle } from '../../src/document/open-article.js';
import type { Result } from '../../src/result.js';
import { storeArticle } from '../db/articles-repo.js';
import type { SpanmarkDb } from '../db/db.js';

export async function openArticleBytes(db: SpanmarkDb, name: string, bytes: Uint8Array): Promise<Result<{ article: Article; existed: boolean }>> {
  const parsed = parseArticle(name, bytes);
  if (!parsed.ok) return parsed;
  return { ok: true, value: await storeArticle(db, parsed.value) };
}
