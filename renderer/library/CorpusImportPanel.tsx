// A batch import's progress and report: a bar with Cancel while articles come in, then every
// article's outcome (added, already in the library, refused with the reason and line) and a summary
// that can be copied. Not modal: the library stays usable while the worker writes.
// Excluded: retrying refused lines (the analyst fixes the feed and imports it again; what was
// added is then reported as already in the library).

import { useEffect, useMemo, useRef, useState } from 'react';
import { useFocusReturn } from '../ui/use-focus-return.js';
import { MoreRows } from '../ui/MoreRows.js';
import { corpusReportText, type CorpusOutcome, type CorpusSummary } from '../io/corpus-import.js';
import { formatCount, plural } from '../ui/format.js';

export interface CorpusImportState {
  readonly stage: 'reading' | 'saving' | 'done' | 'failed';
  readonly done: number;
  readonly total: number;
  readonly outcomes: readonly CorpusOutcome[];
  readonly counts: { readonly added: number; readonly existing: number; readonly refused: number };
  readonly cancelling: boolean;
  readonly summary?: CorpusSummary;
  readonly failure?: string;
}

/**
 * Rows drawn in the report until the analyst asks for more; the copied summary always has every
 * one. Drawing 500 of 5,000 outcomes made the import's last main-thread task the longest.
 */
export const OUTCOMES_AT_A_TIME = 200;

interface Props {
  readonly state: CorpusImportState;
  readonly onCancel: () => void;
  readonly onClose: () => void;
}

export function CorpusImportPanel({ state, onCancel, onClose }: Props) {
  const finished = state.stage === 'done' || state.stage === 'failed';
  const [copied, setCopied] = useState<'no' | 'yes' | 'failed'>('no');
  const [shown, setShown] = useState(OUTCOMES_AT_A_TIME);
  const closeButton = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLElement>(null);
  // Closed, focus goes back to what had it, or into the library the import filled.
  useFocusReturn(root, '[data-testid="library"]');
  useEffect(() => {
    if (finished) closeButton.current?.focus();
  }, [finished]);
  const summary: CorpusSummary = state.summary ?? { ...state.counts, skipped: 0, cancelled: false };
  // Refused first: they are what the analyst has to act on.
  // Worked out once per finished import, not on every draw (Show more, Copy): 5,000 outcomes filtered twice.
  const rows = useMemo(
    () => (finished ? [...state.outcomes.filter((o) => o.status === 'refused'), ...state.outcomes.filter((o) => o.status !== 'refused')] : []),
    [finished, state.outcomes],
  );
  const heading =
    state.stage === 'failed'
      ? 'The import stopped'
      : state.stage === 'done'
        ? state.summary?.cancelled
          ? 'Import cancelled'
          : 'Import finished'
        : state.stage === 'reading'
          ? 'Reading the files…'
          : `Saving ${formatCount(state.done)} of ${plural(state.total, 'article')}…`;
  return (
    <section
      ref={root}
      className="corpus-import"
      role="dialog"
      aria-label="Article import"
      data-testid="corpus-import"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && finished) {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <h2 role="status" aria-live="polite" data-testid="corpus-import-stage">
        {heading}
      </h2>
      {finished ? null : (
        <>
          <progress max={state.total || undefined} value={state.total ? state.done : undefined} data-testid="corpus-import-progress" />
          <button type="button" onClick={onCancel} disabled={state.cancelling} data-testid="corpus-import-cancel">
            {state.cancelling ? 'Cancelling after this batch…' : 'Cancel'}
          </button>
        </>
      )}
      <p data-testid="corpus-import-counts">
        {formatCount(state.counts.added)} added · {formatCount(state.counts.existing)} already in the library · {formatCount(state.counts.refused)} refused
        {state.summary?.skipped ? ` · ${formatCount(state.summary.skipped)} not imported (cancelled)` : ''}
      </p>
      {state.failure ? (
        <p className="field-error" data-testid="corpus-import-failure">
          {state.failure}
        </p>
      ) : null}
      {finished ? (
        <>
          <ol className="corpus-outcomes" data-testid="corpus-outcomes">
            {rows.slice(0, shown).map((o) => (
              <li key={`${o.file}\u0000${o.line ?? ''}`} data-status={o.status} data-testid="corpus-outcome">
                <span className="where">{o.line === undefined ? o.file : `${o.file}, line ${o.line}`}</span>{' '}
                <span className="what">{o.status === 'added' ? 'added' : o.status === 'existing' ? 'already in the library' : 'refused'}</span>
                {o.title ? <span className="title"> “{o.title}”</span> : null}
                {o.reason ? <span className="reason"> — {o.reason}</span> : null}
              </li>
            ))}
          </ol>
          <MoreRows total={rows.length} shown={shown} step={OUTCOMES_AT_A_TIME} onMore={() => setShown((n) => n + OUTCOMES_AT_A_TIME)} testId="more-outcomes" />
          <div className="dialog-actions">
            <button
              type="button"
              data-testid="corpus-import-copy"
              onClick={() =>
                // Written when asked for: 5,000 outcomes' text is not built on every draw.
                void navigator.clipboard.writeText(corpusReportText(summary, state.outcomes)).then(
                  () => setCopied('yes'),
                  () => setCopied('failed'),
                )
              }
            >
              {copied === 'yes' ? 'Copied' : copied === 'failed' ? 'Could not copy (the system refused)' : 'Copy summary'}
            </button>
            <button type="button" ref={closeButton} onClick={onClose} data-testid="corpus-import-close">
              Close
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
