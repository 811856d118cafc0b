// Full-text search over the library, pure: what is indexed (passages: each block of an article's
// text, its title and metadata, and each annotation's note), the MiniSearch options both the index
// and a search use, the hits grouped by article (best passage first), and where in the article
// the match lies, so opening a result selects it. Quotes are the article's own text, so they are
// found through the block they lie in. Excluded: keeping the index current (renderer/library/
// search-index.ts).

import MiniSearch, { type AsPlainObject, type Options, type SearchResult } from 'minisearch';
import type { Article } from '../document/article.js';
import type { Annotation } from '../annotations/types.js';
import type { Span } from '../text/word-snap.js';

export type PassageKind = 'text' | 'meta' | 'note';

export interface Passage {
  /** `<articleId>:<n>`: unique, and tells whose passage it is. */
  readonly id: string;
  readonly articleId: string;
  readonly kind: PassageKind;
  readonly text: string;
  /** Where the passage lies in the article text (a note: its annotation's span); meta: 0, 0. */
  readonly start: number;
  readonly end: number;
}

/** A term this short matches only whole words: as a prefix, "t" expanded to most of the library (0.8 s for one keystroke over 5,000 articles). */
export const PREFIX_FROM = 3;
/** Misspellings are forgiven from this length on (one edit per seven letters or so, rounded): a shorter term has too many neighbours. */
export const FUZZY_FROM = 5;

export const SEARCH_OPTIONS: Options<Passage> = {
  fields: ['text'],
  storeFields: ['articleId', 'kind', 'text', 'start', 'end'],
  searchOptions: {
    prefix: (term) => term.length >= PREFIX_FROM,
    fuzzy: (term) => (term.length >= FUZZY_FROM ? 0.15 : false),
    combineWith: 'AND',
  },
};

export function newSearchIndex(): MiniSearch<Passage> {
  return new MiniSearch<Passage>(SEARCH_OPTIONS);
}

/** Every passage of one article: its blocks, one for title and metadata, one per annotation note. */
export function articlePassages(article: Article, annotations: readonly Annotation[]): Passage[] {
  const out: Passage[] = [];
  const add = (kind: PassageKind, text: string, start: number, end: number) => {
    if (text.trim() !== '') out.push({ id: `${article.id}:${out.length}`, articleId: article.id, kind, text, start, end });
  };
  const m = article.metadata ?? {};
  add('meta', [article.title, m.source, m.author, m.date, m.url, m.language, ...(m.tags ?? [])].filter(Boolean).join(' · '), 0, 0);
  const blocks = article.blocks.length > 0 ? article.blocks : [{ start: 0, end: article.text.length }];
  for (const b of blocks) add('text', article.text.slice(b.start, b.end), b.start, b.end);
  for (const a of annotations) if (a.note) add('note', a.note, a.start, a.end);
  return out;
}

export interface ArticleHit {
  readonly articleId: string;
  /** The best passage's text and where it lies. */
  readonly passage: Passage;
  /** The indexed terms the passage matched (lower case, as the tokenizer left them). */
  readonly terms: readonly string[];
  /** How many passages of the article matched. */
  readonly passages: number;
}

/**
 * English function words. Each matches nearly every passage of a library, so scoring it costs the
 * most and narrows the least ("the airport": 0.56 s for 5,000 articles, "airport" alone 0.02 s).
 * Dropped from a query that has other words; a query of nothing else is searched as typed.
 */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by for from had has have he her his i in is it its of on or our she ' +
    'that the their them they this to was we were which who will with you'
  ).split(' '),
);

/** The query as searched: its function words left out when it has other words (see STOP_WORDS). */
export function queryToSearch(query: string): string {
  const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
  const terms = tokenize(query).filter((t) => t !== '');
  const kept = terms.filter((t) => !STOP_WORDS.has(t.toLowerCase()));
  return kept.length > 0 && kept.length < terms.length ? kept.join(' ') : query;
}

/** The library's hits for what the analyst typed: queryToSearch, then groupHits. */
export function searchLibrary(idx: MiniSearch<Passage>, query: string, keep?: (articleId: string) => boolean): ArticleHit[] {
  return groupHits(idx.search(queryToSearch(query)), keep);
}

/** One hit per article, best score first; only articles `keep` accepts (the table's filters). */
export function groupHits(results: readonly SearchResult[], keep: (articleId: string) => boolean = () => true): ArticleHit[] {
  const by = new Map<string, { hit: ArticleHit; n: number }>();
  for (const r of results) {
    const articleId = String(r['articleId']);
    if (!keep(articleId)) continue;
    const seen = by.get(articleId);
    if (seen) {
      seen.n++;
      continue;
    }
    const passage: Passage = {
      id: String(r.id),
      articleId,
      kind: r['kind'] as PassageKind,
      text: String(r['text']),
      start: Number(r['start']),
      end: Number(r['end']),
    };
    by.set(articleId, { hit: { articleId, passage, terms: r.terms, passages: 1 }, n: 1 });
  }
  return [...by.values()].map(({ hit, n }) => ({ ...hit, passages: n }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the first matched term lies in the passage text (passage offsets), or undefined. */
export function termInPassage(text: string, terms: readonly string[]): Span | undefined {
  const wanted = terms.filter((t) => t !== '');
  if (wanted.length === 0) return undefined;
  const re = new RegExp(wanted.map(escape).join('|'), 'iu');
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}

/** The span to select when a hit is opened: the term in the text, a note's annotation, else none. */
export function hitSpan(hit: ArticleHit): Span | undefined {
  const p = hit.passage;
  if (p.kind === 'note') return p.end > p.start ? { start: p.start, end: p.end } : undefined;
  if (p.kind !== 'text') return undefined;
  const at = termInPassage(p.text, hit.terms);
  return at ? { start: p.start + at.start, end: p.start + at.end } : { start: p.start, end: p.end };
}

/** Bumped whenever what is indexed or how (passages, fields, tokenizing) changes: an older saved index is then rebuilt. Search-time options (prefix, fuzzy) are not saved with it. */
export const SEARCH_INDEX_FORMAT = 1;

/** A saved index: MiniSearch's own plain form, and per article the key it was indexed under and its passage ids. */
export interface SavedSearchIndex {
  readonly format: number;
  readonly index: AsPlainObject;
  readonly articles: readonly (readonly [articleId: string, key: string, passageIds: readonly string[]])[];
}

export interface RestoredSearchIndex {
  readonly index: MiniSearch<Passage>;
  readonly articles: Map<string, { key: string; ids: string[] }>;
}

export function saveSearchIndex(
  index: MiniSearch<Passage>,
  articles: ReadonlyMap<string, { readonly key: string; readonly ids: readonly string[] }>,
): SavedSearchIndex {
  return { format: SEARCH_INDEX_FORMAT, index: index.toJSON(), articles: [...articles].map(([id, { key, ids }]) => [id, key, [...ids]] as const) };
}

/**
 * The index saved by `saveSearchIndex`, or undefined when `saved` is of another format or damaged
 * in any way (then the caller indexes the library afresh: a search index is derived data, and
 * nothing is lost by rebuilding it).
 */
export async function restoreSearchIndex(saved: unknown): Promise<RestoredSearchIndex | undefined> {
  if (typeof saved !== 'object' || saved === null) return undefined;
  const s = saved as Partial<SavedSearchIndex>;
  if (s.format !== SEARCH_INDEX_FORMAT || !Array.isArray(s.articles) || typeof s.index !== 'object' || s.index === null) return undefined;
  const articles = new Map<string, { key: string; ids: string[] }>();
  for (const entry of s.articles as unknown[]) {
    if (!Array.isArray(entry) || entry.length !== 3) return undefined;
    const [id, key, ids] = entry as unknown[];
    if (typeof id !== 'string' || typeof key !== 'string' || !Array.isArray(ids) || !ids.every((p) => typeof p === 'string')) return undefined;
    articles.set(id, { key, ids: ids });
  }
  try {
    // The async loader yields now and then: a 5,000-article index is seconds of work in one piece.
    const index = await MiniSearch.loadJSAsync<Passage>(s.index, SEARCH_OPTIONS);
    // Every passage listed must be in the index, or a later discard would throw mid-search.
    for (const { ids } of articles.values()) for (const p of ids) if (!index.has(p)) return undefined;
    if (index.documentCount !== [...articles.values()].reduce((n, a) => n + a.ids.length, 0)) return undefined;
    return { index, articles };
  } catch {
    return undefined;
  }
}
