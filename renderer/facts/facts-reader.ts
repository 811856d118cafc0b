// Reads the facts tables (one per label) from the database a group of articles at a time: the
// whole library (the Facts command) or the articles the library shows (corpus facts, with their
// metadata as columns). Each group's articles, annotations and review decisions are read, fed to
// one builder per label (src/facts/facts-table.ts factsBuilder) and let go, so a corpus of 5,000
// articles is never held whole, and no annotation is held twice. Not here: showing, sorting,
// filtering or writing the rows (FactsView.tsx, src/facts/).

import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import { workStatusOf } from '../../src/corpus/work-status.js';
import { factsBuilder, type FactsBuilder, type FactsDocument, type FactsLabel, type FactsTable } from '../../src/facts/facts-table.js';
import type { SpanmarkDb } from '../db/db.js';
import { readMine } from '../db/my-layer-store.js';

export interface LabelTable {
  readonly id: string;
  readonly name: string;
  readonly table: FactsTable;
}

export type NamedLabel = FactsLabel & { readonly name: string };

/** Articles read per group. */
const GROUP = 100;

/**
 * The tables of my layer over `scope` (article ids in the order the rows should follow, or 'all'
 * in id order). With metadata, the article's source, url, author, language, tags and work status
 * are columns. A label stored but no longer in the schema still gets its table, after the others.
 */
export async function readFactsTables(
  db: SpanmarkDb,
  scope: readonly string[] | 'all',
  labels: readonly NamedLabel[],
  metadata: boolean,
): Promise<LabelTable[]> {
  const all: NamedLabel[] = [...labels];
  const builders = new Map<string, FactsBuilder>(labels.map((l) => [l.id, factsBuilder(labels, { label: l.id, metadata })]));
  const feed = async (articles: readonly Article[]): Promise<void> => {
    const ids = articles.map((a) => a.id);
    const [annotations, decisions] = await Promise.all([readMine(db, ids), db.reviewDecisions.where('docId').anyOf(ids).toArray()]);
    const byDoc = new Map<string, Annotation[]>();
    for (const a of annotations) {
      const list = byDoc.get(a.docId);
      if (list) list.push(a);
      else byDoc.set(a.docId, [a]);
      if (!builders.has(a.label)) {
        all.push({ id: a.label, name: a.label, attributes: [] });
        builders.set(a.label, factsBuilder(labels, { label: a.label, metadata }));
      }
    }
    for (const article of articles) {
      const doc = factsDocument(
        article,
        (byDoc.get(article.id) ?? []).sort((a, b) => a.start - b.start || b.end - a.end),
        decisions.filter((d) => d.docId === article.id),
      );
      for (const b of builders.values()) b.add(doc);
    }
  };
  if (scope === 'all') {
    let after: string | undefined;
    for (;;) {
      const group = await (after === undefined ? db.articles.orderBy(':id') : db.articles.where(':id').above(after)).limit(GROUP).toArray();
      // Articles waiting in Deleted are out of the library's facts, as out of its table and export.
      await feed(group.filter((a) => a.deletedAt === undefined));
      if (group.length < GROUP) break;
      after = group[group.length - 1]!.id;
    }
  } else {
    for (let from = 0; from < scope.length; from += GROUP) {
      await feed((await db.articles.bulkGet(scope.slice(from, from + GROUP))).filter((a): a is Article => a !== undefined));
    }
  }
  return all.map((l) => ({ id: l.id, name: l.name, table: builders.get(l.id)!.table() }));
}

function factsDocument(article: Article, annotations: readonly Annotation[], decisions: FactsDocument['decisions']): FactsDocument {
  const m = article.metadata;
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    ...(m.date !== undefined ? { date: m.date } : {}),
    annotations,
    ...(article.reviewStatus !== undefined ? { reviewStatus: article.reviewStatus } : {}),
    ...(decisions !== undefined ? { decisions } : {}),
    metadata: {
      ...(m.source !== undefined ? { source: m.source } : {}),
      ...(m.url !== undefined ? { url: m.url } : {}),
      ...(m.author !== undefined ? { author: m.author } : {}),
      ...(m.language !== undefined ? { language: m.language } : {}),
      ...(m.tags !== undefined ? { tags: m.tags } : {}),
      status: workStatusOf(article),
    },
  };
}
