// The Facts view (issue 11, item 9): my layer across the library as one table per label, one row
// per annotation, one column per attribute. Sorting (header buttons) and a text filter per column
// narrow it; a row goes to its span in the reader; Export CSV / JSON Lines write exactly the
// columns and rows shown (src/facts/facts-query.ts shownTable), through the Platform's save.
// Not here: building rows (src/facts/facts-table.ts), colleagues' layers (review has its own view).

import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Platform } from '../../src/platform/platform.js';
import { buildFactsTable, type FactsDocument, type FactsLabel, type FactsTable } from '../../src/facts/facts-table.js';
import { cellText, shownTable, type FactsQuery, type FactsSort } from '../../src/facts/facts-query.js';
import { factsToCsv, factsToJsonLines } from '../../src/facts/csv.js';
import type { SpanmarkDb } from '../db/db.js';
import { useSchema } from '../schema/schema-context.js';
import { plural } from '../ui/format.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  readonly onJump: (docId: string, annotationId: string) => void;
  readonly onClose: () => void;
  readonly say: (kind: 'info' | 'error', text: string) => void;
}

/** Rows drawn per table; a filter narrows further, and the exports hold every row that passes. */
export const MAX_DRAWN_ROWS = 2000;

interface LabelTable {
  readonly id: string;
  readonly name: string;
  readonly table: FactsTable;
}

export function FactsView({ db, platform, onJump, onClose, say }: Props) {
  const schema = useSchema();
  const data = useLiveQuery(
    async () => {
      const [articles, annotations, decisions] = await Promise.all([db.articles.toArray(), db.annotations.toArray(), db.reviewDecisions.toArray()]);
      return { articles, annotations, decisions };
    },
    [db],
    null,
  );
  const tables = useMemo<LabelTable[] | null>(() => {
    if (data === null) return null;
    const byDoc = new Map<string, typeof data.annotations>();
    for (const a of data.annotations) {
      const list = byDoc.get(a.docId);
      if (list) list.push(a);
      else byDoc.set(a.docId, [a]);
    }
    const documents: FactsDocument[] = data.articles.map((article) => ({
      id: article.id,
      title: article.title,
      text: article.text,
      ...(article.metadata.date !== undefined ? { date: article.metadata.date } : {}),
      annotations: (byDoc.get(article.id) ?? []).slice().sort((a, b) => a.start - b.start || b.end - a.end),
      ...(article.reviewStatus !== undefined ? { reviewStatus: article.reviewStatus } : {}),
      decisions: data.decisions.filter((d) => d.docId === article.id),
    }));
    const labels: (FactsLabel & { name: string })[] = schema.labels.map((l) => ({ id: l.id, name: l.name, attributes: l.attributes }));
    // A label stored but no longer in the schema still gets its table: nothing is hidden silently.
    for (const a of data.annotations) if (!labels.some((l) => l.id === a.label)) labels.push({ id: a.label, name: a.label, attributes: [] });
    return labels.map((l) => ({ id: l.id, name: l.name, table: buildFactsTable(documents, labels, { label: l.id }) }));
  }, [data, schema]);

  // The reader's keys (label digits, Delete, [ ]) must not act on a document hidden under the
  // view; Ctrl/⌘ commands and F-keys still reach the app.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || /^F\d+$/.test(e.key)) return;
    e.stopPropagation();
    if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement && e.target.value !== '')) onClose();
  };

  return (
    <main className="facts-view" data-testid="facts-view" aria-labelledby="facts-title" aria-busy={tables === null} onKeyDown={onKeyDown}>
      <header className="facts-header">
        <h1 id="facts-title">Facts</h1>
        <p className="hint">Your annotations across the library, one table per label. Click a row (or its quote) to go to the span.</p>
        <button type="button" onClick={onClose} data-testid="facts-close">
          Close
        </button>
      </header>
      {tables === null ? null : tables.map((t) => <LabelFacts key={t.id} labelTable={t} platform={platform} onJump={onJump} say={say} />)}
    </main>
  );
}

function LabelFacts({ labelTable, platform, onJump, say }: { labelTable: LabelTable; platform: Platform; onJump: Props['onJump']; say: Props['say'] }) {
  const { id, name, table } = labelTable;
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<FactsSort | undefined>(undefined);
  const query: FactsQuery = useMemo(() => (sort ? { filters, sort } : { filters }), [filters, sort]);
  const shown = useMemo(() => shownTable(table, query), [table, query]);
  const drawn = shown.rows.length > MAX_DRAWN_ROWS ? shown.rows.slice(0, MAX_DRAWN_ROWS) : shown.rows;

  const toggleSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, direction: 'ascending' } : s.direction === 'ascending' ? { key, direction: 'descending' } : undefined));

  const save = useCallback(
    async (kind: 'csv' | 'jsonl') => {
      // The CSV is for spreadsheets: a BOM so Excel reads UTF-8, formulas neutralised (docs/facts.md).
      const content = kind === 'csv' ? factsToCsv(shown, { bom: true, neutraliseFormulas: true }) : factsToJsonLines(shown);
      const out = await platform.saveFile(`facts-${id}.${kind}`, content);
      if (out.saved) say('info', `Exported ${plural(shown.rows.length, `${name} row`)} to ${out.where}.`);
    },
    [id, name, platform, say, shown],
  );
  const run = (kind: 'csv' | 'jsonl') =>
    void save(kind).catch((e: unknown) => say('error', `Could not export the facts: ${e instanceof Error ? e.message : String(e)}`));

  return (
    <section className="facts-label" data-testid={`facts-${id}`} aria-labelledby={`facts-h-${id}`}>
      <div className="facts-label-head">
        <h2 id={`facts-h-${id}`}>
          {name}{' '}
          <span className="hint" data-testid="facts-count">
            {shown.rows.length === table.rows.length ? plural(table.rows.length, 'row') : `${shown.rows.length} of ${plural(table.rows.length, 'row')}`}
          </span>
        </h2>
        <button type="button" onClick={() => run('csv')} data-testid="facts-export-csv" disabled={shown.rows.length === 0}>
          Export CSV
        </button>
        <button type="button" onClick={() => run('jsonl')} data-testid="facts-export-jsonl" disabled={shown.rows.length === 0}>
          Export JSON Lines
        </button>
      </div>
      {table.rows.length === 0 ? (
        <p className="hint">No {name.toLowerCase()} annotations yet.</p>
      ) : (
        <div className="facts-scroll">
          <table className="facts-table">
            <thead>
              <tr>
                {shown.columns.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort?.key === c.key ? sort.direction : 'none'}>
                    <button type="button" onClick={() => toggleSort(c.key)} data-testid={`facts-sort-${c.key}`} title={`Sort by ${c.key}`}>
                      {c.key}
                      <span aria-hidden="true">{sort?.key === c.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                ))}
              </tr>
              <tr className="facts-filters">
                {shown.columns.map((c) => (
                  <td key={c.key}>
                    <input
                      type="search"
                      aria-label={`Filter ${name} by ${c.key}`}
                      data-testid={`facts-filter-${c.key}`}
                      value={filters[c.key] ?? ''}
                      onChange={(e) => setFilters((f) => ({ ...f, [c.key]: e.target.value }))}
                    />
                  </td>
                ))}
              </tr>
            </thead>
            <tbody>
              {drawn.map((r) => (
                <tr
                  key={`${r.docId}|${r.annotationId}`}
                  data-testid="facts-row"
                  data-annotation-id={r.annotationId}
                  onClick={() => onJump(r.docId, r.annotationId)}
                >
                  {shown.columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.key === 'quote' ? (
                        <button
                          type="button"
                          className="facts-jump"
                          title="Go to this span"
                          onClick={(e) => {
                            e.stopPropagation();
                            onJump(r.docId, r.annotationId);
                          }}
                        >
                          {cellText(r.cells[c.key])}
                        </button>
                      ) : (
                        cellText(r.cells[c.key])
                      )}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {drawn.length < shown.rows.length ? (
            <p className="hint">
              Showing the first {MAX_DRAWN_ROWS} of {shown.rows.length} rows; filter to narrow them. The exports hold all {shown.rows.length}.
            </p>
          ) : null}
        </div>
      )}
    </section>
  );
}
