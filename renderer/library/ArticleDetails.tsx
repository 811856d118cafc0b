// The open article's corpus details under its header: work status (with "Mark done"), outlet,
// author, language, URL and tags, and a form to edit them with the title and date. Read live from
// the database, so a status set by a key or by the first tag shows at once.

import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Article } from '../../src/document/article.js';
import { checkDetails, detailsInput, type DetailsInput } from '../../src/corpus/article-details.js';
import { WORK_STATUS_LABEL, WORK_STATUSES, workStatusOf, type WorkStatus } from '../../src/corpus/work-status.js';
import type { SpanmarkDb } from '../db/db.js';
import { rowWithText, type ArticleRow } from '../db/article-rows.js';
import { saveArticleDetails, setWorkStatus } from './article-details-repo.js';
import { ArticleHeader } from '../app/ArticleHeader.js';

/**
 * The stored article's row (all but its text and blocks), followed live; undefined while it is
 * read. The row, not the article: a status or detail change would otherwise read the whole text
 * back (1 MB for a long article), and the text cannot change under an open session anyway (a
 * replacement reopens it).
 */
export function useLiveArticleRow(db: SpanmarkDb, id: string | undefined): ArticleRow | undefined {
  return useLiveQuery(() => (id === undefined ? undefined : db.articleRows.get(id)), [db, id]);
}

/**
 * The header and details of the open article as stored now (its title, details and status change
 * while it is open). Its own component, so a status change re-renders only the header, never the
 * reader around it (whose re-render dropped a selection being made by keys).
 */
export function LiveArticleHeader({ db, article, fail }: Props) {
  const live = useLiveArticleRow(db, article.id);
  // The opened record stands in until the live read comes (a moment later): the details row is
  // drawn with the header, so the text below never moves down under a selection being made.
  // Everything from the live row (a field it no longer has is gone), the text and blocks from the
  // session while the row names that text.
  const shown = useMemo((): Article => rowWithText(live, article) ?? article, [article, live]);
  return (
    <>
      <ArticleHeader article={shown} />
      <ArticleDetails db={db} article={shown} fail={fail} />
    </>
  );
}

interface Props {
  readonly db: SpanmarkDb;
  readonly article: Article;
  readonly fail: (what: string, e: unknown) => void;
}

const FIELDS: readonly { key: keyof DetailsInput; label: string }[] = [
  { key: 'title', label: 'Title' },
  { key: 'date', label: 'Date (YYYY-MM-DD)' },
  { key: 'source', label: 'Source (outlet)' },
  { key: 'author', label: 'Author' },
  { key: 'language', label: 'Language' },
  { key: 'url', label: 'URL' },
  { key: 'tags', label: 'Tags (comma-separated)' },
];

export function ArticleDetails({ db, article, fail }: Props) {
  const [form, setForm] = useState<DetailsInput | null>(null);
  const [problem, setProblem] = useState<{ field?: string; message: string } | null>(null);
  const status = workStatusOf(article);
  const m = article.metadata;
  const change = (s: WorkStatus) => void setWorkStatus(db, article.id, s).catch((e: unknown) => fail('Could not change the status', e));
  const facts = [m.source, m.author, m.language].filter((x): x is string => x !== undefined);
  return (
    <div className="article-details" data-testid="article-details">
      <p className="article-meta">
        {/* Text, not a <select>: a form control re-rendered above the text dropped a selection
            being made by keys in the reader; the status is chosen in the edit form. */}
        <span className="work-status" data-status={status} data-testid="work-status">
          {WORK_STATUS_LABEL[status]}
        </span>
        {status === 'new' || status === 'in-progress' ? (
          <button type="button" onClick={() => change('done')} title="Ctrl+Enter" data-testid="mark-done">
            Mark done
          </button>
        ) : null}
        {facts.length > 0 ? <span data-testid="article-source"> · {facts.join(' · ')}</span> : null}
        {m.url ? (
          <span className="article-url" data-testid="article-url">
            {' '}
            · {m.url}
          </span>
        ) : null}
        {m.tags && m.tags.length > 0 ? <span data-testid="article-tags"> · {m.tags.map((t) => `#${t}`).join(' ')}</span> : null}
        {form ? null : (
          <button type="button" onClick={() => (setProblem(null), setForm(detailsInput(article.title, m)))} data-testid="edit-details">
            Edit details
          </button>
        )}
      </p>
      {form ? (
        <form
          className="details-form"
          data-testid="details-form"
          onSubmit={(e) => {
            e.preventDefault();
            const checked = checkDetails(form, m);
            if (!checked.ok) return setProblem({ ...(checked.error.path ? { field: checked.error.path } : {}), message: checked.error.message });
            void saveArticleDetails(db, article.id, checked.value.title, checked.value.metadata).then(
              () => setForm(null),
              (err: unknown) => fail('Could not save the details', err),
            );
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              setForm(null);
            }
          }}
        >
          <label>
            Status
            <select value={status} onChange={(e) => change(e.target.value as WorkStatus)} data-testid="details-status">
              {WORK_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {WORK_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </label>
          {FIELDS.map(({ key, label }) => (
            <label key={key}>
              {label}
              <input
                value={form[key]}
                aria-invalid={problem?.field === key}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
                data-testid={`details-${key}`}
              />
            </label>
          ))}
          {problem ? (
            <p className="field-error" role="alert" data-testid="details-problem">
              {problem.message}
            </p>
          ) : null}
          <div className="dialog-actions">
            <button type="button" onClick={() => setForm(null)}>
              Cancel
            </button>
            <button type="submit" data-testid="details-save">
              Save details
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
