// The corpus case: the feed (corpus-feed.ts) as the articles the app will store (parsed by the
// app's own feed parser, ids the SHA-256 of the text), the small plain library that is the floor,
// and the annotations written as Spanmark export files: my layer on every article and three
// colleagues' layers on some, so the app brings them in through File › Import as it would an
// analyst's colleague's files. Files are split into parts (one import transaction each) so no file
// is one 100 MB string.
// Excluded: the browser (corpus-bench.ts) and the span shapes (case.ts's makeAnnotations).

import { createHash } from 'node:crypto';
import type { Annotation } from '../../src/annotations/types.js';
import { serializeSpanmark } from '../../src/codecs/spanmark-v1/encode.js';
import { encodeSpanmarkV2 } from '../../src/codecs/spanmark-v2/encode.js';
import { parseFeedBytes } from '../../src/corpus/feed.js';
import { feedToArticle } from '../../src/corpus/feed-to-article.js';
import { sortRows } from '../../src/corpus/library-table.js';
import type { Article } from '../../src/document/article.js';
import { DEFAULT_SCHEMA } from '../../src/labels/schema.js';
import { makeAnnotations, wordsOf } from './case.js';
import { buildFeed, type Feed, type FeedOptions } from './corpus-feed.js';

export interface CorpusCaseOptions extends FeedOptions {
  /** Articles in the floor's library: the first ones by title, so the same rows top both tables. */
  readonly floorArticles: number;
  /** Articles that carry the colleagues' layers (the first ones by title, the opened one among them). */
  readonly layerArticles: number;
}

export interface CorpusCase {
  readonly feed: Feed;
  readonly feedName: string;
  readonly feedBytes: Buffer;
  readonly floorName: string;
  readonly floorBytes: Buffer;
  /** As the app stores them (without addedAt), in feed order. */
  readonly articles: readonly Omit<Article, 'addedAt'>[];
  /** Ids of the articles sorted by title (ascending, as the table sorts). */
  readonly byTitle: readonly string[];
  /** The article opened in both lanes: first by title, so it is the top row once sorted by title. */
  readonly openId: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function buildCorpusCase(o: CorpusCaseOptions): CorpusCase {
  const feed = buildFeed(o);
  const feedName = `corpus-bench-${o.articles}.jsonl`;
  const feedBytes = Buffer.from(feed.jsonl, 'utf8');
  // The app's parser, so ids and texts are exactly what the import stores.
  const parsed = parseFeedBytes(feedName, feedBytes);
  if (!parsed.ok) throw new Error(`the bench feed does not parse: ${parsed.error.message}`);
  if (parsed.value.refusals.length > 0) throw new Error(`the bench feed has refused lines: ${parsed.value.refusals[0]!.reason}`);
  const articles = parsed.value.articles.map((a) => {
    const p = feedToArticle(feedName, a);
    const id = sha256(p.text);
    return { ...p, id, sha256: id };
  });
  if (new Set(articles.map((a) => a.id)).size !== articles.length) throw new Error('two bench articles have the same text');
  const rows = articles.map((a) => ({ id: a.id, title: a.title, status: 'new' as const, tags: [], counts: {}, lastEdited: '', addedAt: '' }));
  const byTitle = sortRows(rows, { column: 'title', dir: 'asc' }).map((r) => r.id);
  const floorIds = new Set(byTitle.slice(0, o.floorArticles));
  const lines = feed.jsonl.split('\n');
  const floorLines = articles.flatMap((a, i) => (floorIds.has(a.id) ? [`${lines[i]}\n`] : []));
  return {
    feed,
    feedName,
    feedBytes,
    floorName: `corpus-bench-floor-${floorLines.length}.jsonl`,
    floorBytes: Buffer.from(floorLines.join(''), 'utf8'),
    articles,
    byTitle,
    openId: byTitle[0]!,
  };
}

export interface AnnotationFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly documents: number;
  readonly annotations: number;
  /** Annotations whose exportedBy is not me: they land in that colleague's layer. */
  readonly colleague?: string;
}

export interface AnnotationPlan {
  /** Annotations in my layer per article. */
  readonly perArticle: number;
  /** Articles per file (one import, one transaction). */
  readonly articlesPerFile: number;
  readonly colleagues: readonly string[];
  /** Annotations per colleague per article that carries layers. */
  readonly perColleagueArticle: number;
  readonly layerArticles: number;
  readonly seed: number;
  readonly generatorVersion: string;
  /** My installation id and name: the file's exportedBy, so the import puts them in my layer. */
  readonly me: { readonly id: string; readonly name: string };
}

/** The export files to import, mine first, then one per colleague; built lazily, one at a time. */
export function* annotationFiles(cc: CorpusCase, plan: AnnotationPlan): Generator<AnnotationFile> {
  const exportedAt = new Date().toISOString();
  const addedAt = exportedAt;
  const byId = new Map(cc.articles.map((a) => [a.id, a]));
  const encode = (docs: { article: Article; annotations: readonly Annotation[] }[], by: { id: string; name: string }): Buffer =>
    Buffer.from(
      serializeSpanmark(encodeSpanmarkV2({ documents: docs, exportedAt, generatorVersion: plan.generatorVersion, schema: DEFAULT_SCHEMA, exportedBy: by })),
      'utf8',
    );
  const spans = (a: Omit<Article, 'addedAt'>, count: number, seed: number): Annotation[] =>
    makeAnnotations(a.text, a.id, wordsOf(a.text, a.blocks), count, seed).list;

  for (let from = 0, part = 1; from < cc.articles.length; from += plan.articlesPerFile, part++) {
    const docs = cc.articles.slice(from, from + plan.articlesPerFile).map((a, k) => ({
      article: { ...a, addedAt },
      annotations: spans(a, plan.perArticle, plan.seed + from + k).map((x) => ({ ...x, annotator: plan.me.name, annotatorId: plan.me.id })),
    }));
    yield {
      name: `corpus-bench-mine-${part}.spanmark.json`,
      bytes: encode(docs, plan.me),
      documents: docs.length,
      annotations: docs.reduce((n, d) => n + d.annotations.length, 0),
    };
  }
  const layered = cc.byTitle.slice(0, plan.layerArticles).map((id) => byId.get(id)!);
  for (const [c, name] of plan.colleagues.entries()) {
    const by = { id: `bench-colleague-${c + 1}`, name };
    const docs = layered.map((a, k) => ({
      article: { ...a, addedAt },
      annotations: spans(a, plan.perColleagueArticle, plan.seed * 31 + c * 100_003 + k).map((x) => ({
        ...x,
        annotator: name,
        annotatorId: by.id,
      })),
    }));
    yield {
      name: `corpus-bench-${name}.spanmark.json`,
      bytes: encode(docs, by),
      documents: docs.length,
      annotations: docs.reduce((n, d) => n + d.annotations.length, 0),
      colleague: name,
    };
  }
}
