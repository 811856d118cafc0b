// The Facts view (issue 11, item 9): my layer across the library as one table per label, one row
// per annotation, one column per attribute. Opened from the library (issue 12, item 8: corpus
// facts) it covers the articles the library shows, with each article's metadata as columns. Sorting (header buttons) and a text filter per column
// narrow it; a row goes to its span in the reader; Export CSV / JSON Lines write exactly the
// columns and rows shown (src/facts/facts-query.ts shownTable), through the Platform's save.
// Not here: reading and building rows (facts-reader.ts, src/facts/facts-table.ts), colleagues'
// layers (review has its own view).

import { useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Platform } from '../../src/platform/platform.js';
import { cellText, shownTable, type FactsQuery, type FactsSort } from '../../src/facts/facts-query.js';
import { factsToCsv, factsToJsonLines } from '../../src/facts/csv.js';
import type { SpanmarkDb } from '../db/db.js';
import { useSchema } from '../schema/schema-context.js';
import { formatCount, plural } from '../ui/format.js';
import { MoreRows } from '../ui/MoreRows.js';
import { useFocusReturn } from '../ui/use-focus-return.js';
import { readFactsTables, type LabelTable, type NamedLabel } from './facts-reader.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  readonly onJump: (docId: string, annotationId: string) => void;
  readonly onClose: () => void;
  readonly say: (kind: 'info' | 'error', text: string) => void;
  /**
   * Corpus facts: only these articles (the library's filtered ones, in its order), with their
   * metadata as columns. Absent: the whole library, as the Facts command shows it.
   */
  readonly docIds?: readonly string[];
}

/**
 * Rows drawn per table at first and per "Show more". Chromium lays out and shapes a facts row in
 * ~0.7 ms on a 2-core machine, so 2,000 rows per label (6,000 for a 10,000-span article) froze the
 * window for 5.5 s, and 200 still for ~0.5 s. A filter or sort applies to every row, and the
 * exports hold every row that passes.
 */
export const FACT_ROWS_AT_A_TIME = 100;

export function FactsView({ db, platform, onJump, onClose, say, docIds }: Props) {
  const schema = useSchema();
  const corpus = docIds !== undefined;
  const tables = useLiveQuery(
    () => {
      const labels: NamedLabel[] = schema.labels.map((l) => ({ id: l.id, name: l.name, attributes: l.attributes }));
      return readFactsTables(db, docIds ?? 'all', labels, corpus);
    },
    [db, schema, docIds, corpus],
    null,
  );

  // Opened from the toolbar by keyboard, focus left on the toolbar would leave Escape and Tab
  // outside the view: it takes focus, and gives it back to whatever opened it when it closes.
  const root = useRef<HTMLElement>(null);
  useFocusReturn(root);
  useLayoutEffect(() => root.current?.focus(), []);

  // The reader's keys (label digits, Delete, [ ]) must not act on a document hidden under the
  // view; Ctrl/⌘ commands and F-keys still reach the app.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || /^F\d+$/.test(e.key)) return;
    e.stopPropagation();
    if (e.key === 'Escape' && !(e.target instanceof HTMLInputElement && e.target.value !== '')) onClose();
  };

  return (
    <main
      ref={root}
      tabIndex={-1}
      className="facts-view"
      data-testid="facts-view"
      aria-labelledby="facts-title"
      aria-busy={tables === null}
      onKeyDown={onKeyDown}
    >
      <header className="facts-header">
        <h1 id="facts-title">{corpus ? 'Corpus facts' : 'Facts'}</h1>
        <p className="hint" data-testid="facts-scope">
          {corpus
            ? `Your annotations on the ${plural(docIds.length, 'article')} the library shows, with each article's metadata; one table per label.`
            : 'Your annotations across the library, one table per label.'}{' '}
          Click a row (or its quote) to go to the span.
        </p>
        <button type="button" onClick={onClose} data-testid="facts-close">
          Close
        </button>
      </header>
      {tables === null
        ? null
        : tables.map((t) => (
            <LabelFacts key={t.id} labelTable={t} platform={platform} onJump={onJump} say={say} filePrefix={corpus ? 'corpus-facts' : 'facts'} />
          ))}
    </main>
  );
}

function LabelFacts({
  labelTable,
  platform,
  onJump,
  say,
  filePrefix,
}: {
  labelTable: LabelTable;
  platform: Platform;
  onJump: Props['onJump'];
  say: Props['say'];
  filePrefix: string;
}) {
  const { id, name, table } = labelTable;
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [sort, setSort] = useState<FactsSort | undefined>(undefined);
  const query: FactsQuery = useMemo(() => (sort ? { filters, sort } : { filters }), [filters, sort]);
  const shown = useMemo(() => shownTable(table, query), [table, query]);
  const [limit, setLimit] = useState(FACT_ROWS_AT_A_TIME);
  const drawn = shown.rows.length > limit ? shown.rows.slice(0, limit) : shown.rows;

  const toggleSort = (key: string) =>
    setSort((s) => (s?.key !== key ? { key, direction: 'ascending' } : s.direction === 'ascending' ? { key, direction: 'descending' } : undefined));

  const save = useCallback(
    async (kind: 'csv' | 'jsonl') => {
      // The CSV is for spreadsheets: a BOM so Excel reads UTF-8, formulas neutralised (docs/facts.md).
      const content = kind === 'csv' ? factsToCsv(shown, { bom: true, neutraliseFormulas: true }) : factsToJsonLines(shown);
      const out = await platform.saveFile(`${filePrefix}-${id}.${kind}`, content);
      if (out.saved) say('info', `Exported ${plural(shown.rows.length, `${name} row`)} to ${out.where}.`);
    },
    [id, name, platform, say, shown, filePrefix],
  );
  const run = (kind: 'csv' | 'jsonl') =>
    void save(kind).catch((e: unknown) => say('error', `Could not export the facts: ${e instanceof Error ? e.message : String(e)}`));

  return (
    <section className="facts-label" data-testid={`facts-${id}`} aria-labelledby={`facts-h-${id}`}>
      <div className="facts-label-head">
        <h2 id={`facts-h-${id}`}>
          {name}{' '}
          <span className="hint" data-testid="facts-count">
            {shown.rows.length === table.rows.length
              ? plural(table.rows.length, 'row')
              : `${formatCount(shown.rows.length)} of ${plural(table.rows.length, 'row')}`}
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
          <MoreRows
            total={shown.rows.length}
            shown={drawn.length}
            step={FACT_ROWS_AT_A_TIME}
            onMore={() => setLimit((n) => n + FACT_ROWS_AT_A_TIME)}
            testId={`facts-more-${id}`}
            note={`Filter or sort to bring others up; the exports hold all ${formatCount(shown.rows.length)}.`}
          />
        </div>
      )}
    </section>
  );
}
