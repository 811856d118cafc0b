// The library: every stored document with its date, annotation count, review status and review
// progress (differences decided, where a colleague's layer exists), and the bundled sample offered
// when the library is empty.

import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryAgreement } from '../review/LibraryAgreement.js';
import type { SpanmarkDb } from '../db/db.js';
import { plural } from '../ui/format.js';
import { toggled } from '../ui/toggle.js';
import { documentReviewProgress } from '../review/library-progress.js';
import { progressText } from '../review/ReviewProgressLine.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly me: string;
  readonly onOpen: (id: string) => void;
  readonly onOpenSample: () => void;
  readonly onOpenFile: () => void;
}

export function LibraryView({ db, me, onOpen, onOpenSample, onOpenFile }: Props) {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [showAgreement, setShowAgreement] = useState(false);
  const rows = useLiveQuery(
    async () => {
      const articles = await db.articles.orderBy('addedAt').reverse().toArray();
      return Promise.all(
        articles.map(async (a) => ({
          article: a,
          count: await db.annotations.where('docId').equals(a.id).count(),
          progress: await documentReviewProgress(db, a.id, me),
        })),
      );
    },
    [db, me],
    null,
  );
  if (rows === null) return <main className="library" aria-busy="true" />;
  return (
    <main className="library" data-testid="library">
      <h1>Library</h1>
      {rows.length === 0 ? (
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
          </div>
          <ul className="library-list">
            {rows.map(({ article, count, progress }) => (
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
