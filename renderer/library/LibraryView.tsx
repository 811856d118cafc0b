// The library: every stored document as a row of the library table (LibraryTable.tsx), and the
// bundled sample offered when the library is empty. Rows are read with my layer's cached label
// counts (library-rows.ts); counts worked out afresh, and rows read one by one (as their pack), are
// stored back once drawn; which colleagues' layers each row holds is read once the rows are painted
// (before, when the table is sorted or filtered by colleague); while a batch import runs, only the
// count is followed (one request per batch) and the rows are read again when it ends.

import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { LibraryAgreement } from '../review/LibraryAgreement.js';
import type { SpanmarkDb } from '../db/db.js';
import { LibraryTable } from './LibraryTable.js';
import { colleaguesByDoc, readLibraryRows, withColleagues, type ShownRow } from './library-rows.js';
import { useAfterPaint } from '../ui/use-after-paint.js';
import { tableState } from './table-state.js';
import { saveCounts } from './layer-counts.js';
import { storeRowsPack, type RowsPack } from '../db/rows-pack.js';
import type { LayerCounts } from '../db/db.js';
import { LibrarySearch } from './LibrarySearch.js';
import { StorageEstimate } from './StorageEstimate.js';
import type { Span } from '../../src/text/word-snap.js';
import { formatCount } from '../ui/format.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly me: string;
  readonly onOpen: (id: string) => void;
  /** Opens an article with a search match selected. */
  readonly onOpenAt?: (id: string, span: Span | undefined) => void;
  readonly onOpenSample: () => void;
  readonly onOpenFile: () => void;
  /** A batch import is writing: follow the count only, and read the rows again when it ends. */
  readonly importing?: boolean;
  /** Corpus facts of the articles the table shows (table-state.ts tableOrder). */
  readonly onFacts?: () => void;
  /** Exports the articles the table shows, in pieces. */
  readonly onExportShown?: () => void;
}

type Listing = { readonly rows: readonly ShownRow[]; readonly total: number; readonly recounted?: readonly LayerCounts[]; readonly toPack?: RowsPack };

export function LibraryView({ db, me, onOpen, onOpenAt = onOpen, onOpenSample, onOpenFile, importing = false, onFacts, onExportShown }: Props) {
  const last = useRef<Listing | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [showAgreement, setShowAgreement] = useState(false);
  const listing = useLiveQuery(
    async (): Promise<Listing> => {
      if (importing && last.current) return { rows: last.current.rows, total: await db.articles.count() };
      const { rows, recounted, toPack } = await readLibraryRows(db);
      return { rows, total: rows.length, recounted, ...(toPack ? { toPack } : {}) };
    },
    [db, importing],
    null,
  );
  // Which colleagues' layers each row holds: read once the rows are on screen (its keys take
  // longer to read than the rows; library-rows.ts colleaguesByDoc), unless the table is sorted or
  // filtered by colleague, whose rows cannot be drawn without them.
  const [byColleague] = useState(() => tableState().filter.colleague !== undefined || tableState().sort.column === 'colleagues');
  const drawn = useAfterPaint(listing !== null);
  const colleagues = useLiveQuery(() => (drawn || byColleague ? colleaguesByDoc(db) : undefined), [db, drawn, byColleague]);
  const rows = useMemo(() => (listing === null ? [] : colleagues ? withColleagues(listing.rows, colleagues) : listing.rows), [listing, colleagues]);
  // Caches only: a failed store is counted or read again at the next open, so it is not reported.
  useEffect(() => {
    if (listing?.recounted?.length) void saveCounts(db, listing.recounted).catch(() => undefined);
    if (listing?.toPack) void storeRowsPack(db, listing.toPack).catch(() => undefined);
  }, [db, listing]);
  if (listing === null || (byColleague && colleagues === undefined)) return <main className="library" aria-busy="true" />;
  last.current = listing;
  return (
    <main className="library" data-testid="library">
      <h1>Library</h1>
      <StorageEstimate version={listing.rows} />
      {listing.total === 0 ? (
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
              Agreement for {formatCount(picked.size)} selected
            </button>
            {onFacts ? (
              <button type="button" onClick={onFacts} data-testid="library-facts" title="Facts table of the articles shown, with their metadata">
                Facts of shown articles
              </button>
            ) : null}
            {onExportShown ? (
              <button type="button" onClick={onExportShown} data-testid="library-export-shown" title="Export the articles shown (Spanmark JSON)">
                Export shown articles…
              </button>
            ) : null}
          </div>
          <LibraryTable
            db={db}
            me={me}
            rows={rows}
            total={listing.total}
            picked={picked}
            setPicked={setPicked}
            onOpen={onOpen}
            search={(state, setState, shownIds) => (
              // The rows as read, not with their colleagues: search needs neither, and the colleagues
              // arriving after paint would make it search (and walk 5,000 search keys) a second time.
              <LibrarySearch
                db={db}
                rows={listing.rows}
                query={state.query}
                setQuery={(query) => setState({ ...state, query })}
                shownIds={shownIds}
                onOpenAt={onOpenAt}
              />
            )}
          />
        </>
      )}
      {showAgreement ? <LibraryAgreement db={db} me={me} docIds={[...picked]} onClose={() => setShowAgreement(false)} /> : null}
    </main>
  );
}
