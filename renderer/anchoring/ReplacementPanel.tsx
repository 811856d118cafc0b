// After File › Replace text…: the spans of my layer that were placed elsewhere (old → new quote,
// each row jumps to the span; confirm one or all), and the orphans that could not be placed, with
// everything they carried, so none is lost from sight. Shown above the annotation list while there
// is anything to confirm, any orphan, or a replacement to undo.

import { useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import type { TextReplacement } from './replacement-types.js';
import { LabelChip } from '../ui/LabelChip.js';
import { plural } from '../ui/format.js';
import { MoreRows } from '../ui/MoreRows.js';

interface Props {
  readonly record: TextReplacement;
  /** My layer as it is now, in text order: a moved span the analyst has since deleted is not listed. */
  readonly annotations: readonly Annotation[];
  readonly onJump: (id: string) => void;
  readonly onConfirm: (ids?: readonly string[]) => void;
  readonly onUndo: () => void;
  readonly onExportOrphans: () => void;
}

export function pendingMoved(record: TextReplacement | undefined, annotations: readonly Annotation[]): { id: string; oldQuote: string; now: Annotation }[] {
  if (!record || record.moved.length === 0) return [];
  // In text order (the layer's), whatever order the re-anchoring listed them in.
  const byId = new Map(record.moved.map((m) => [m.id, m]));
  return annotations.flatMap((now) => {
    const m = byId.get(now.id);
    return m ? [{ id: m.id, oldQuote: m.oldQuote, now }] : [];
  });
}

/**
 * Rows drawn per list until the analyst asks for more: a long article's replacement can move
 * thousands of spans, and drawing 7,600 rows froze the window for over a second after the text
 * was already shown. Confirm all and the dashed marks in the text cover every one.
 */
export const ROWS_AT_A_TIME = 200;

export function ReplacementPanel({ record, annotations, onJump, onConfirm, onUndo, onExportOrphans }: Props) {
  const moved = pendingMoved(record, annotations);
  const { orphans } = record;
  const [movedShown, setMovedShown] = useState(ROWS_AT_A_TIME);
  const [orphansShown, setOrphansShown] = useState(ROWS_AT_A_TIME);
  if (moved.length === 0 && orphans.length === 0 && !record.undo) return null;
  return (
    <section className="replacement-panel" data-testid="replacement-panel" aria-label="Text replaced">
      {moved.length > 0 ? (
        <>
          <h3>{plural(moved.length, 'moved span')} to confirm</h3>
          <ul data-testid="moved-list">
            {moved.slice(0, movedShown).map((m) => (
              <li key={m.id} data-testid="moved-row" data-id={m.id}>
                <LabelChip label={m.now.label} />
                <button type="button" className="row-jump" onClick={() => onJump(m.id)} title="Show this span in the text">
                  <span className="old-quote">{m.oldQuote}</span> → <span className="new-quote">{m.now.quote}</span>
                </button>
                <button type="button" onClick={() => onConfirm([m.id])} data-testid="confirm-moved">
                  Confirm
                </button>
              </li>
            ))}
          </ul>
          <MoreRows total={moved.length} shown={movedShown} onMore={() => setMovedShown((n) => n + ROWS_AT_A_TIME)} step={ROWS_AT_A_TIME} testId="more-moved" />
          <div className="actions">
            <button type="button" onClick={() => onConfirm()} data-testid="confirm-all-moved">
              Confirm all
            </button>
          </div>
        </>
      ) : null}
      {orphans.length > 0 ? (
        <>
          <h3>{plural(orphans.length, 'orphan')}: not found in the new text</h3>
          <ul data-testid="orphan-list">
            {orphans.slice(0, orphansShown).map((o) => (
              <li key={`${o.layer ?? ''}|${o.annotation.id}`} data-testid="orphan-row" title={o.reason}>
                <LabelChip label={o.annotation.label} />
                <span className="orphan-quote">“{o.annotation.quote}”</span>
                {o.layer ? <span className="orphan-layer"> ({o.annotation.annotator})</span> : null}
                {o.annotation.note ? <span className="orphan-note"> — {o.annotation.note}</span> : null}
                {o.annotation.attributes && Object.keys(o.annotation.attributes).length > 0 ? (
                  <span className="orphan-attrs"> · {plural(Object.keys(o.annotation.attributes).length, 'attribute')}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <MoreRows
            total={orphans.length}
            shown={orphansShown}
            onMore={() => setOrphansShown((n) => n + ROWS_AT_A_TIME)}
            step={ROWS_AT_A_TIME}
            testId="more-orphans"
          />
          <div className="actions">
            <button type="button" onClick={onExportOrphans} data-testid="export-orphans">
              Export orphans…
            </button>
          </div>
        </>
      ) : null}
      {record.undo ? (
        <div className="actions">
          <button
            type="button"
            onClick={onUndo}
            data-testid="undo-replacement"
            title="Back to the text before the last replacement, with every annotation as it was"
          >
            Undo text replacement
          </button>
        </div>
      ) : null}
    </section>
  );
}
