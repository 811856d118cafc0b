// The selected annotation: change its label, write a note, delete it. Each action is one
// undoable command; the note is committed on Save, Ctrl+Enter or leaving the field.

import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import { LABELS, type LabelId } from '../../src/labels/schema.js';
import { formatTime } from '../app/format.js';
import { LabelChip } from '../app/LabelChip.js';

interface Props {
  readonly annotation: Annotation;
  readonly onRelabel: (label: LabelId) => void;
  readonly onNote: (note: string) => void;
  readonly onDelete: () => void;
}

export function AnnotationDetails({ annotation, onRelabel, onNote, onDelete }: Props) {
  const [draft, setDraft] = useState(annotation.note ?? '');
  // The last note sent for saving: Save followed by the field's blur must not save it twice.
  const submitted = useRef(annotation.note ?? '');
  useEffect(() => {
    setDraft(annotation.note ?? '');
    submitted.current = annotation.note ?? '';
  }, [annotation.id, annotation.note]);
  const commit = () => {
    if (draft.trim() === submitted.current.trim()) return;
    submitted.current = draft;
    onNote(draft);
  };
  return (
    <section className="annotation-details" aria-label="Selected annotation" data-testid="annotation-details">
      <h2>Selected</h2>
      <blockquote className="selected-quote">{annotation.quote}</blockquote>
      <p className="meta">
        {annotation.annotator} · {formatTime(annotation.updatedAt)}
        {annotation.provenance ? ` · from ${annotation.provenance.annotator}` : ''}
      </p>
      <div className="relabel" role="radiogroup" aria-label="Label">
        {LABELS.map((l) => (
          <button
            key={l.id}
            type="button"
            role="radio"
            aria-checked={annotation.label === l.id}
            className={annotation.label === l.id ? 'active' : ''}
            data-testid={`relabel-${l.id}`}
            onClick={() => annotation.label !== l.id && onRelabel(l.id)}
          >
            <LabelChip label={l.id} /> <kbd>{l.hotkey}</kbd>
          </button>
        ))}
      </div>
      <label className="note-field">
        Note
        <textarea
          value={draft}
          maxLength={10000}
          data-testid="note-input"
          placeholder="Source, doubt, context…"
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              commit();
            }
          }}
        />
      </label>
      <div className="detail-actions">
        <button type="button" onClick={commit} data-testid="save-note" disabled={draft.trim() === (annotation.note ?? '')}>Save note</button>
        <button type="button" className="danger" onClick={onDelete} data-testid="delete-annotation">Delete <kbd>Del</kbd></button>
      </div>
    </section>
  );
}
