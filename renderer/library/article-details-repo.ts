// An article's details and work status, and its neighbours in the library table's current order
// (table-state.ts), or newest first (libraryOrder) for an article the table does not show.

import type { ArticleMetadata } from '../../src/document/article.js';
import { statusAfterTag, workStatusOf, type WorkStatus } from '../../src/corpus/work-status.js';
import type { SpanmarkDb } from '../db/db.js';
import { tableOrder } from './table-state.js';

export async function saveArticleDetails(db: SpanmarkDb, id: string, title: string, metadata: ArticleMetadata): Promise<void> {
  await db.articles.update(id, { title, metadata });
}

export async function setWorkStatus(db: SpanmarkDb, id: string, workStatus: WorkStatus): Promise<void> {
  await db.articles.update(id, { workStatus });
}

/** After a tag: a new article is in progress now; any other status stays. Read and written in one transaction. */
export async function noteTagged(db: SpanmarkDb, id: string): Promise<WorkStatus | undefined> {
  // Runs after every tag: the status is read from the article's row, not the article (a 1 MB
  // text and its blocks were read back after each label key); the article is written only when
  // the status changes, at the first tag.
  return db.transaction('rw', [db.articles, db.articleRows], async () => {
    const a = await db.articleRows.get(id);
    if (!a) return undefined;
    const before = workStatusOf(a);
    const after = statusAfterTag(before);
    if (after !== before) await db.articles.update(id, { workStatus: after });
    return after;
  });
}

/**
 * Every article id in the library's default view (neither archived nor deleted), newest first,
 * from the indexes alone: no article is read.
 */
export async function libraryOrder(db: SpanmarkDb): Promise<string[]> {
  const [all, archived, deleted] = await Promise.all([
    db.articles.orderBy('addedAt').reverse().primaryKeys(),
    db.articles.where('archivedAt').above('').primaryKeys(),
    db.articles.where('deletedAt').above('').primaryKeys(),
  ]);
  if (archived.length === 0 && deleted.length === 0) return all;
  const hidden = new Set([...archived, ...deleted]);
  return all.filter((id) => !hidden.has(id));
}

/**
 * The article after (dir 1) or before (dir -1) `id` in the library's order; with `notDone`, the
 * next one whose status is neither done nor reviewed. Undefined at the end (no wrapping: the end
 * of the corpus is news the analyst should hear).
 */
export async function neighbourArticle(db: SpanmarkDb, id: string, dir: 1 | -1, notDone = false): Promise<string | undefined> {
  // The table's sorted, filtered order when the article is in it; an article opened from elsewhere
  // (a file, or filtered out since) moves through the whole library newest first.
  const shown = tableOrder();
  const order = shown?.includes(id) ? shown : await libraryOrder(db);
  const at = order.indexOf(id);
  if (at < 0) return undefined;
  if (!notDone) return order[at + dir];
  // Done and reviewed ones from the workStatus index: no article (text and all) is read.
  const finished = new Set(await db.articles.where('workStatus').anyOf('done', 'reviewed').primaryKeys());
  for (let i = at + dir; i >= 0 && i < order.length; i += dir) if (!finished.has(order[i]!)) return order[i];
  return undefined;
}
