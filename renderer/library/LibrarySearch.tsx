// The library's search box and its results: one per article (within the table's filters), with
// the passage that matched and the match marked; choosing one opens the article with the match
// selected. Excluded: indexing (search-index.ts) and grouping (src/corpus/library-search.ts).

import { useEffect, useMemo, useRef, useState } from 'react';
import type { SpanmarkDb } from '../db/db.js';
import { searchLibrary, termInPassage, hitSpan, type ArticleHit } from '../../src/corpus/library-search.js';
import type { Span } from '../../src/text/word-snap.js';
import { plural } from '../ui/format.js';
import { currentIndex } from './search-index.js';
import { NO_CHANGE, searchDelay, type LastChange } from './typing-burst.js';
import type { ShownRow } from './library-rows.js';

const MAX_RESULTS = 50;
/** Characters of the passage shown either side of the match. */
const CONTEXT = 70;

interface Props {
  readonly db: SpanmarkDb;
  readonly rows: readonly ShownRow[];
  readonly query: string;
  readonly setQuery: (q: string) => void;
  /** The ids the table's filters let through. */
  readonly shownIds: ReadonlySet<string>;
  readonly onOpenAt: (id: string, span: Span | undefined) => void;
}

export function LibrarySearch({ db, rows, query, setQuery, shownIds, onOpenAt }: Props) {
  /** The hits shown, and the query they answer (the box may already hold a newer one). */
  const [found, setFound] = useState<{ readonly query: string; readonly hits: readonly ArticleHit[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastChange = useRef<LastChange>(NO_CHANGE);
  /** How long the last search took: it decides whether keys in a burst wait (typing-burst.ts). */
  const lastSearchMs = useRef(0);
  useEffect(() => {
    if (query.trim() === '') {
      setFound(null);
      return undefined;
    }
    let live = true;
    // Each key is searched at once while searches are quick. Once one was slow (a word in most
    // passages, "the" alone or "kazakh" in a corpus on Kazakhstan, takes 0.1-1.5 s for 5,000
    // articles), keys typed in a burst are searched when it pauses, so the typing never stalls.
    const { delayMs, last } = searchDelay(lastChange.current, query, performance.now(), lastSearchMs.current);
    lastChange.current = last;
    const t = setTimeout(() => {
      currentIndex(db, rows).then(
        (idx) => {
          if (!live) return;
          const started = performance.now();
          const hits = searchLibrary(idx, query, (id) => shownIds.has(id));
          lastSearchMs.current = performance.now() - started;
          setFound({ query, hits });
          setError(null);
        },
        (e: unknown) => live && setError(`The search index could not be built: ${e instanceof Error ? e.message : String(e)}`),
      );
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [db, rows, query, shownIds]);
  // Only while results are shown, and once per read of the rows: a map of 5,000 titles built on
  // every draw was 25 ms of the library's first paint, with no query to show titles for.
  const titles = useMemo(() => (found === null ? null : new Map(rows.map((r) => [r.id, r.title]))), [found === null, rows]);

  return (
    <div className="library-search">
      <input
        type="search"
        data-testid="library-search"
        aria-label="Search the library"
        placeholder="Search texts, titles, metadata and notes"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error ? <p role="alert">{error}</p> : null}
      {found === null ? null : (
        <div className="search-results" role="region" aria-label="Search results" data-query={found.query}>
          <p data-testid="search-count">
            {found.hits.length === 0 ? 'Nothing found in the articles shown.' : `Found in ${plural(found.hits.length, 'article')}`}
          </p>
          <ul>
            {found.hits.slice(0, MAX_RESULTS).map((h) => (
              <li key={h.articleId}>
                <button type="button" data-testid="search-result" data-doc-id={h.articleId} onClick={() => onOpenAt(h.articleId, hitSpan(h))}>
                  <span className="title">{titles?.get(h.articleId) ?? h.articleId}</span>
                  <Snippet hit={h} />
                  {h.passages > 1 ? <span className="meta"> · {plural(h.passages, 'passage')}</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Snippet({ hit }: { hit: ArticleHit }) {
  const text = hit.passage.text;
  const at = termInPassage(text, hit.terms);
  if (!at)
    return (
      <span className="snippet" dir="auto">
        {text.slice(0, CONTEXT * 2)}
      </span>
    );
  const from = Math.max(0, at.start - CONTEXT);
  const to = Math.min(text.length, at.end + CONTEXT);
  return (
    <span className="snippet" dir="auto" data-testid="search-snippet">
      {from > 0 ? '…' : ''}
      {text.slice(from, at.start)}
      <mark>{text.slice(at.start, at.end)}</mark>
      {text.slice(at.end, to)}
      {to < text.length ? '…' : ''}
    </span>
  );
}
