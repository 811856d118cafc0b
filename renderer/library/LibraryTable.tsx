// The library as a table: one row per article with its title, date, outlet, work status, counts
// per label (from the schema) and when it was last edited; sorted by any column's header button
// and filtered by status, label presence, outlet, date range and tag. Only the rows in view are
// drawn (fixed row height), so thousands of articles cost what twenty do. The order shown is
// handed to next/previous article (table-state.ts). Excluded: reading the rows (library-rows.ts).

import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SpanmarkDb } from '../db/db.js';
import { distinctValues, filterRows, sortRows, type SortColumn, type TableFilter } from '../../src/corpus/library-table.js';
import { WORK_STATUSES, WORK_STATUS_LABEL, type WorkStatus } from '../../src/corpus/work-status.js';
import { useSchema } from '../schema/schema-context.js';
import { formatTime, plural } from '../ui/format.js';
import { toggled } from '../ui/toggle.js';
import { documentReviewProgress } from '../review/library-progress.js';
import { progressText } from '../review/ReviewProgressLine.js';
import { setTableOrder, setTableState, tableState, type TableState } from './table-state.js';
import { totalCount, type ShownRow } from './library-rows.js';

/** Every row is this tall (px), so which rows are in view is arithmetic. */
export const ROW_HEIGHT = 64;
/** Rows drawn above and below the view, so a fast scroll shows no gap. */
const OVERSCAN = 6;

interface Props {
  readonly db: SpanmarkDb;
  readonly me: string;
  readonly rows: readonly ShownRow[];
  /** Articles in the library: more than rows while a batch import is still writing. */
  readonly total: number;
  readonly picked: ReadonlySet<string>;
  readonly setPicked: (f: (p: ReadonlySet<string>) => ReadonlySet<string>) => void;
  readonly onOpen: (id: string) => void;
  /** The search box and its results, drawn above the table. */
  readonly search?: (state: TableState, setState: (s: TableState) => void, shownIds: ReadonlySet<string>) => React.ReactNode;
}

export function LibraryTable({ db, me, rows, total, picked, setPicked, onOpen, search }: Props) {
  const schema = useSchema();
  const [state, setStateLocal] = useState<TableState>(tableState);
  const setState = (s: TableState) => {
    setTableState(s);
    setStateLocal(s);
  };
  const { sort, filter } = state;
  const shown = useMemo(() => sortRows(filterRows(rows, filter), sort), [rows, filter, sort]);
  const shownIds = useMemo(() => new Set(shown.map((r) => r.id)), [shown]);
  useEffect(() => setTableOrder(shown.map((r) => r.id)), [shown]);
  const sources = useMemo(() => distinctValues(rows, (r) => [r.source]), [rows]);
  const tags = useMemo(() => distinctValues(rows, (r) => r.tags), [rows]);

  const body = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(600);
  useEffect(() => {
    const el = body.current;
    if (!el) return undefined;
    setViewH(el.clientHeight || 600);
    const ro = new ResizeObserver(() => setViewH(el.clientHeight || 600));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewH) / ROW_HEIGHT) + OVERSCAN);

  const setFilter = (f: TableFilter) => setState({ ...state, filter: f });
  const sortBy = (column: SortColumn) => {
    const dir = sort.column === column ? (sort.dir === 'asc' ? 'desc' : 'asc') : column === 'title' || column === 'source' || column === 'status' ? 'asc' : 'desc';
    setState({ ...state, sort: { column, dir } });
  };
  const columns: { id: SortColumn; name: string }[] = [
    { id: 'title', name: 'Title' },
    { id: 'date', name: 'Date' },
    { id: 'source', name: 'Source' },
    { id: 'status', name: 'Status' },
    ...schema.labels.map((l) => ({ id: `label:${l.id}` as SortColumn, name: l.name })),
    { id: 'lastEdited', name: 'Last edited' },
  ];
  const grid = { gridTemplateColumns: `2rem minmax(12rem, 3fr) 6.5rem minmax(5rem, 1fr) 6.5rem repeat(${schema.labels.length}, 4.5rem) 9rem` };
  const filtered = shown.length !== rows.length;

  return (
    <>
      <div className="library-filters" role="group" aria-label="Filters">
        <label>
          Status{' '}
          <select
            data-testid="filter-status"
            value={filter.statuses?.[0] ?? ''}
            onChange={(e) => setFilter({ ...filter, statuses: e.target.value ? [e.target.value as WorkStatus] : [] })}
          >
            <option value="">Any</option>
            {WORK_STATUSES.map((s) => (
              <option key={s} value={s}>
                {WORK_STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Label{' '}
          <select
            data-testid="filter-label"
            value={filter.label ? `${filter.labelAbsent ? '-' : '+'}${filter.label}` : ''}
            onChange={(e) => {
              const v = e.target.value;
              const { label: _l, labelAbsent: _a, ...rest } = filter;
              setFilter(v ? { ...rest, label: v.slice(1), labelAbsent: v.startsWith('-') } : rest);
            }}
          >
            <option value="">Any</option>
            {schema.labels.map((l) => (
              <option key={`+${l.id}`} value={`+${l.id}`}>
                Has {l.name}
              </option>
            ))}
            {schema.labels.map((l) => (
              <option key={`-${l.id}`} value={`-${l.id}`}>
                Lacks {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source{' '}
          <select data-testid="filter-source" value={filter.source ?? ''} onChange={(e) => setFilter({ ...filter, source: e.target.value })}>
            <option value="">Any</option>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select data-testid="filter-tag" value={filter.tag ?? ''} onChange={(e) => setFilter({ ...filter, tag: e.target.value })}>
            <option value="">Any</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          From <input type="date" data-testid="filter-from" value={filter.from ?? ''} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
        </label>
        <label>
          To <input type="date" data-testid="filter-to" value={filter.to ?? ''} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
        </label>
        <span data-testid="library-count">{filtered ? `${shown.length.toLocaleString('en')} of ${articles(total)}` : articles(total)}</span>
      </div>
      {search ? search(state, setState, shownIds) : null}
      <div className="library-table" role="table" aria-label="Articles" aria-rowcount={shown.length + 1}>
        <div className="library-row library-head" role="row" style={grid}>
          <span role="columnheader" aria-label="Selected" />
          {columns.map((c) => (
            <span key={c.id} role="columnheader" aria-sort={sort.column === c.id ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort-button" data-testid={`sort-${c.id}`} onClick={() => sortBy(c.id)}>
                {c.name}
                {sort.column === c.id ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </span>
          ))}
        </div>
        <div className="library-table-body" ref={body} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="library-table-body">
          <div style={{ height: shown.length * ROW_HEIGHT, position: 'relative' }}>
            {shown.slice(first, last).map((row, i) => (
              <div
                key={row.id}
                className="library-row"
                role="row"
                aria-rowindex={first + i + 2}
                data-testid="library-row"
                data-doc-id={row.id}
                style={{ ...grid, position: 'absolute', top: (first + i) * ROW_HEIGHT, left: 0, right: 0, height: ROW_HEIGHT }}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.title}`}
                    checked={picked.has(row.id)}
                    data-testid="library-pick"
                    onChange={() => setPicked((p) => toggled(p, row.id))}
                  />
                </span>
                <span role="cell">
                  <button type="button" onClick={() => onOpen(row.id)} data-testid="library-item" data-doc-id={row.id}>
                    <span className="title">{row.title}</span>
                    <span className="meta">
                      {row.date ?? 'undated'} · {plural(totalCount(row), 'annotation')} · <span data-testid="review-status">{row.reviewStatus}</span>
                      <RowProgress db={db} me={me} id={row.id} />
                    </span>
                  </button>
                </span>
                <span role="cell" data-testid="cell-date">
                  {row.date ?? ''}
                </span>
                <span role="cell" data-testid="cell-source" dir="auto">
                  {row.source ?? ''}
                </span>
                <span role="cell" data-testid="cell-status">
                  {WORK_STATUS_LABEL[row.status]}
                </span>
                {schema.labels.map((l) => (
                  <span role="cell" key={l.id} className="count" data-testid={`cell-count-${l.id}`}>
                    {row.counts[l.id] ?? 0}
                  </span>
                ))}
                <span role="cell" className="edited">
                  {formatTime(row.lastEdited)}
                </span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </>
  );
}

const articles = (n: number) => `${n.toLocaleString('en')} ${n === 1 ? 'article' : 'articles'}`;

/** Review progress, read for the rows in view only. */
function RowProgress({ db, me, id }: { db: SpanmarkDb; me: string; id: string }) {
  const progress = useLiveQuery(() => documentReviewProgress(db, id, me), [db, id, me], null);
  if (!progress) return null;
  return (
    <>
      {' '}
      · <span data-testid="library-review-progress">{progressText(progress)}</span>
    </>
  );
}
