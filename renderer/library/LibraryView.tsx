// The library: every stored document with its date, annotation count, review status and review
// progress (differences decided, where a colleague's layer exists), and the bundled sample offered
// when the library is empty. Only the newest SHOWN articles are read and drawn: a corpus of 5,000
// re-read on every committed batch of an import held the window for seconds. While a batch import
// runs, only the count is followed (one request per batch); the list is read again when it ends.

import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryAgreement } from '../review/LibraryAgreement.js';
import type { SpanmarkDb } from '../db/db.js';
import type { Article } from '../../src/document/article.js';
import { plural } from '../ui/format.js';
import { toggled } from '../ui/toggle.js';
import { documentReviewProgress } from '../review/library-progress.js';
import { progressText } from '../review/ReviewProgressLine.js';

/** Articles listed, newest first; the count of the rest is shown. */
export const SHOWN = 200;

interface Props {
  readonly db: SpanmarkDb;
  readonly me: string;
  readonly onOpen: (id: string) => void;
  readonly onOpenSample: () => void;
  readonly onOpenFile: () => void;
  /** A batch import is writing: follow the count only, and read the list again when it ends. */
  readonly importing?: boolean;
}

type Listing = {
  readonly rows: readonly { article: Article; count: number; progress: Awaited<ReturnType<typeof documentReviewProgress>> }[];
  readonly total: number;
};

export function LibraryView({ db, me, onOpen, onOpenSample, onOpenFile, importing = false }: Props) {
  const last = useRef<Listing | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [showAgreement, setShowAgreement] = useState(false);
  const rows = useLiveQuery(
    async (): Promise<Listing> => {
      if (importing && last.current) return { rows: last.current.rows, total: await db.articles.count() };
      const [articles, total] = await Promise.all([db.articles.orderBy('addedAt').reverse().limit(SHOWN).toArray(), db.articles.count()]);
      const rows = await Promise.all(
        articles.map(async (a) => ({
          article: a,
          count: await db.annotations.where('docId').equals(a.id).count(),
          progress: await documentReviewProgress(db, a.id, me),
        })),
      );
      return { rows, total };
    },
    [db, me, importing],
    null,
  );
  if (rows === null) return <main className="library" aria-busy="true" />;
  last.current = rows;
  const { total } = rows;
  return (
    <main className="library" data-testid="library">
      <h1>Library</h1>
      {rows.rows.length === 0 ? (
        <div className="welcome" data-testid="welcome">
          <p>Spanmark tags claims, casualties and deployments in news articles, keeps every tag on this machine and exports them as labeled JSON.</p>
          <button type="button" className="primary" onClick={onOpenSample} data-testid="open-sample">
            Open the sample article (Kazakhstan, 7 January 2022)
          </button>
          <button type="button" onClick={onOpenFile}>
            Open an article…
          </button>
          <p className="hint">Or drop a .txt, .md or .html file onto this window.</p>
        </div>
      ) : (
        <>
          <div className="library-actions">
            <button type="button" disabled={picked.size === 0} onClick={() => setShowAgreement(true)} data-testid="library-agreement-open">
              Agreement for {picked.size} selected
            </button>
            <span data-testid="library-count">
              {total > SHOWN ? `The newest ${SHOWN} of ${total.toLocaleString('en')} articles` : plural(total, 'article')}
            </span>
          </div>
          <ul className="library-list">
            {rows.rows.map(({ article, count, progress }) => (
              <li key={article.id}>
                <input
                  type="checkbox"
                  aria-label={`Select ${article.title}`}
                  checked={picked.has(article.id)}
                  data-testid="library-pick"
                  onChange={() => setPicked((p) => toggled(p, article.id))}
                />
                <button type="button" onClick={() => onOpen(article.id)} data-testid="library-item" data-doc-id={article.id}>
                  <span className="title">{article.title}</span>
                  <span className="meta">
                    {article.metadata.date ?? 'undated'} · {plural(count, 'annotation')} ·{' '}
                    <span data-testid="review-status">{article.reviewStatus ?? 'unreviewed'}</span>
                    {progress ? (
                      <>
                        {' '}
                        · <span data-testid="library-review-progress">{progressText(progress)}</span>
                      </>
                    ) : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {showAgreement ? <LibraryAgreement db={db} me={me} docIds={[...picked]} onClose={() => setShowAgreement(false)} /> : null}
    </main>
  );
}
