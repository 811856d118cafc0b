// The library as a table: one row per article with its title, date, outlet, work status, counts
// per label (from the schema), colleagues' layers, review progress and when it was last edited;
// sorted by any column's header button and filtered by status, label presence, outlet, date range,
// tag, colleague and shelf (library, archived, deleted). Only the rows in view are drawn (fixed row
// height), so thousands of articles cost what twenty do. The order shown is handed to
// next/previous article (table-state.ts). Rows are picked with the checkbox, Ctrl/⌘-click and
// Shift-click, or from the keyboard (↑/↓ move, Shift+↑/↓ extend, Space picks, Ctrl/⌘+A all,
// Delete deletes, Ctrl/⌘+Z undoes, Escape clears). Excluded: reading the rows (library-rows.ts).

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SpanmarkDb } from '../db/db.js';
import { distinctValues, filterRows, sortRowsAlong, type SortColumn, type TableFilter } from '../../src/corpus/library-table.js';
import { WORK_STATUSES, WORK_STATUS_LABEL, type WorkStatus } from '../../src/corpus/work-status.js';
import { actedOn, pick, SHELF_LABEL, SHELVES, stepCursor, type PickMode, type Selection, type Shelf } from '../../src/corpus/library-shelf.js';
import { useSchema } from '../schema/schema-context.js';
import { formatCount, formatTime, plural } from '../ui/format.js';
import { progressText } from '../review/ReviewProgressLine.js';
import type { ReviewProgress } from '../../src/review/differences.js';
import { setTableOrder, setTableState, tableOrder, tableState, type TableState } from './table-state.js';
import { totalCount, type ShownRow } from './library-rows.js';
import { reviewProgressOf } from './review-rows.js';
import { LibraryActions, useLibraryActions } from './LibraryActions.js';

/** Every row is this tall (px), so which rows are in view is arithmetic. */
export const ROW_HEIGHT = 64;
/** Rows drawn above and below the view, so a fast scroll shows no gap. */
const OVERSCAN = 6;
/** Review progress before it is read: one object, so the rows are not re-sorted on every render. */
const NO_PROGRESS: ReadonlyMap<string, ReviewProgress> = new Map();

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
  const shelf: Shelf = filter.shelf ?? 'active';
  // Review progress is read after the rows are drawn, for the articles with a colleague's layer.
  const reviewed = useMemo(() => rows.filter((r) => (r.colleagues?.length ?? 0) > 0).map((r) => r.id), [rows]);
  const progress = useLiveQuery(() => reviewProgressOf(db, reviewed, me), [db, reviewed, me], NO_PROGRESS);
  const withReview = useMemo(
    () => (progress.size === 0 ? rows : rows.map((r) => (progress.has(r.id) ? { ...r, review: progress.get(r.id)! } : r))),
    [rows, progress],
  );
  // Along the order last shown (table-state.ts), which is usually already right: one pass, not a sort.
  const shown = useMemo(() => sortRowsAlong(filterRows(withReview, filter), sort, tableOrder()), [withReview, filter, sort]);
  const order = useMemo(() => shown.map((r) => r.id), [shown]);
  const shownIds = useMemo(() => new Set(order), [order]);
  useEffect(() => setTableOrder(order), [order]);
  const sources = useMemo(() => distinctValues(rows, (r) => [r.source]), [rows]);
  const tags = useMemo(() => distinctValues(rows, (r) => r.tags), [rows]);
  const colleagues = useMemo(() => distinctValues(rows, (r) => r.colleagues ?? []), [rows]);
  const onShelf = useMemo(() => {
    const n: Record<Shelf, number> = { active: 0, archived: 0, deleted: 0 };
    for (const r of rows) n[r.shelf ?? 'active'] += 1;
    return n;
  }, [rows]);

  // Picking: the anchor a Shift range starts from, and the row with the keyboard's focus.
  const [anchor, setAnchor] = useState<string | undefined>(undefined);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const applyPick = (id: string, mode: PickMode) => {
    const next: Selection = pick({ picked, ...(anchor !== undefined ? { anchor } : {}) }, order, id, mode);
    setPicked(() => next.picked);
    setAnchor(next.anchor);
  };
  const unpick = useCallback(
    (ids: readonly string[]) =>
      setPicked((p) => {
        const next = new Set(p);
        for (const id of ids) next.delete(id);
        return next;
      }),
    [setPicked],
  );
  const actions = useLibraryActions(db, unpick);
  const target = actedOn(picked, order, cursor);

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
  // Keyboard focus follows the cursor: the row is scrolled into view, then its button focused once drawn.
  const [focusWanted, setFocusWanted] = useState(0);
  useEffect(() => {
    const el = body.current;
    if (!el || cursor === undefined || focusWanted === 0) return;
    const at = order.indexOf(cursor);
    if (at < 0) return;
    if (at * ROW_HEIGHT < el.scrollTop) el.scrollTop = at * ROW_HEIGHT;
    else if ((at + 1) * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = (at + 1) * ROW_HEIGHT - el.clientHeight;
    setScrollTop(el.scrollTop);
    const button = el.querySelector<HTMLButtonElement>(`button[data-testid="library-item"][data-doc-id="${CSS.escape(cursor)}"]`);
    if (button) button.focus();
    else requestAnimationFrame(() => el.querySelector<HTMLButtonElement>(`button[data-testid="library-item"][data-doc-id="${CSS.escape(cursor)}"]`)?.focus());
  }, [focusWanted, cursor, order]);
  const moveTo = (id: string | undefined) => {
    if (id === undefined) return;
    setCursor(id);
    setFocusWanted((n) => n + 1);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (t.closest('input:not([type="checkbox"]), select, textarea')) return;
    if (e.key === ' ' && t.closest('input')) return; // the checkbox flips itself
    const mod = e.ctrlKey || e.metaKey;
    let handled = true;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !mod && !e.altKey) {
      const next = stepCursor(order, cursor, e.key === 'ArrowDown' ? 1 : -1);
      if (next !== undefined && e.shiftKey) {
        // The range runs from where the extension started (the anchor, else the row left).
        const from = anchor !== undefined && order.includes(anchor) ? anchor : (cursor ?? next);
        const sel = pick({ picked, anchor: from }, order, next, 'range');
        setPicked(() => sel.picked);
        setAnchor(from);
      }
      moveTo(next);
    } else if (e.key === ' ' && !mod && cursor !== undefined) applyPick(cursor, 'toggle');
    else if (mod && !e.altKey && e.key.toLowerCase() === 'a') setPicked(() => new Set(order));
    else if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') void actions.undo();
    else if ((e.key === 'Delete' || e.key === 'Backspace') && !mod) {
      if (shelf !== 'deleted') void actions.act.delete(target);
    } else if (e.key === 'Escape' && picked.size > 0) setPicked(() => new Set());
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + viewH) / ROW_HEIGHT) + OVERSCAN);

  const setFilter = (f: TableFilter) => setState({ ...state, filter: f });
  const sortBy = (column: SortColumn) => {
    const dir =
      sort.column === column
        ? sort.dir === 'asc'
          ? 'desc'
          : 'asc'
        : column === 'title' || column === 'source' || column === 'status' || column === 'review'
          ? 'asc'
          : 'desc';
    setState({ ...state, sort: { column, dir } });
  };
  const columns: { id: SortColumn; name: string }[] = [
    { id: 'title', name: 'Title' },
    { id: 'date', name: 'Date' },
    { id: 'source', name: 'Source' },
    { id: 'status', name: 'Status' },
    ...schema.labels.map((l) => ({ id: `label:${l.id}` as SortColumn, name: l.name })),
    { id: 'colleagues', name: 'Colleagues' },
    { id: 'review', name: 'Review' },
    { id: 'lastEdited', name: 'Last edited' },
  ];
  const grid = {
    gridTemplateColumns: `2rem minmax(12rem, 3fr) 6.5rem minmax(5rem, 1fr) 6.5rem repeat(${schema.labels.length}, 4.5rem) minmax(6rem, 1fr) 6rem 9rem`,
  };
  // The count is of the shelf shown; while an import writes, `total` runs ahead of the rows read.
  const onThisShelf = shelf === 'active' ? total - (rows.length - onShelf.active) : onShelf[shelf];
  const filtered = shown.length !== onShelf[shelf];

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
          Colleague{' '}
          <select data-testid="filter-colleague" value={filter.colleague ?? ''} onChange={(e) => setFilter({ ...filter, colleague: e.target.value })}>
            <option value="">Any</option>
            {colleagues.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label>
          Show{' '}
          <select
            data-testid="filter-shelf"
            value={shelf}
            onChange={(e) => {
              const { shelf: _s, ...rest } = filter;
              const next = e.target.value as Shelf;
              setFilter(next === 'active' ? rest : { ...rest, shelf: next });
            }}
          >
            {SHELVES.map((s) => (
              <option key={s} value={s}>
                {SHELF_LABEL[s]} ({formatCount(onShelf[s])})
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
        <span data-testid="library-count">
          {filtered ? `${formatCount(shown.length)} of ${plural(onThisShelf, 'article')}` : plural(onThisShelf, 'article')}
          {shelf === 'active' ? '' : ` ${SHELF_LABEL[shelf].toLowerCase()}`}
        </span>
      </div>
      {search ? search(state, setState, shownIds) : null}
      <LibraryActions shelf={shelf} target={target} deletedCount={onShelf.deleted} actions={actions} />
      <div className="library-table" role="table" aria-label="Articles" aria-rowcount={shown.length + 1} onKeyDown={onKeyDown}>
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
                role="row"
                aria-rowindex={first + i + 2}
                data-testid="library-row"
                data-doc-id={row.id}
                aria-selected={picked.has(row.id)}
                className={`library-row${picked.has(row.id) ? ' picked' : ''}${cursor === row.id ? ' cursor' : ''}`}
                style={{ ...grid, position: 'absolute', top: (first + i) * ROW_HEIGHT, left: 0, right: 0, height: ROW_HEIGHT }}
              >
                <span role="cell">
                  <input
                    type="checkbox"
                    aria-label={`Select ${row.title}`}
                    checked={picked.has(row.id)}
                    data-testid="library-pick"
                    onChange={(e) => {
                      // Shift-click picks the range from the last row picked; a click or Space flips one.
                      applyPick(row.id, (e.nativeEvent as MouseEvent).shiftKey ? 'range' : 'toggle');
                      setCursor(row.id);
                    }}
                  />
                </span>
                <span role="cell">
                  <button
                    type="button"
                    onClick={(e) => {
                      if (e.shiftKey || e.ctrlKey || e.metaKey) {
                        applyPick(row.id, e.shiftKey ? 'range' : 'toggle');
                        setCursor(row.id);
                        return;
                      }
                      onOpen(row.id);
                    }}
                    onFocus={() => setCursor(row.id)}
                    data-testid="library-item"
                    data-doc-id={row.id}
                  >
                    <span className="title">{row.title}</span>
                    <span className="meta">
                      {row.date ?? 'undated'} · {plural(totalCount(row), 'annotation')} · <span data-testid="review-status">{row.reviewStatus}</span>
                      {row.review ? (
                        <>
                          {' '}
                          · <span data-testid="library-review-progress">{progressText(row.review)}</span>
                        </>
                      ) : null}
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
                <span role="cell" data-testid="cell-colleagues" dir="auto" title={(row.colleagues ?? []).join(', ')}>
                  {(row.colleagues ?? []).join(', ')}
                </span>
                <span role="cell" className="count" data-testid="cell-review">
                  {row.review ? `${formatCount(row.review.decided)}/${formatCount(row.review.total)}` : ''}
                </span>
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
