// The selected annotation: change its label, write a note, delete it. Each action is one
// undoable command; the note is committed on Save, Ctrl+Enter or leaving the field (Esc leaves it
// for the text, keeping what was typed: nothing typed is lost to a key).

import { useEffect, useRef, useState } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import type { LabelId } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import { formatTime } from '../ui/format.js';
import { LabelChip } from '../ui/LabelChip.js';

interface Props {
  readonly annotation: Annotation;
  readonly onRelabel: (label: LabelId) => void;
  readonly onNote: (note: string) => void;
  readonly onDelete: () => void;
  /** Changes when Enter in the text asks for the note field. */
  readonly focusNote?: number;
  /** Esc in the details (the note field, a label button): focus goes back to the text. */
  readonly onBackToText?: () => void;
}

export function AnnotationDetails({ annotation, onRelabel, onNote, onDelete, focusNote = 0, onBackToText }: Props) {
  const schema = useSchema();
  const noteRef = useRef<HTMLTextAreaElement>(null);
  // Only a request made while these details are shown: selecting another annotation later must
  // not pull focus into its note.
  const asked = useRef(focusNote);
  useEffect(() => {
    const field = noteRef.current;
    if (focusNote !== asked.current && field) {
      field.scrollIntoView({ block: 'nearest' });
      field.focus();
      field.setSelectionRange(field.value.length, field.value.length);
    }
    asked.current = focusNote;
  }, [focusNote]);
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
    <section
      className="annotation-details"
      aria-label="Selected annotation"
      data-testid="annotation-details"
      onKeyDown={(e) => {
        // Esc anywhere in the details goes back to the text and keeps the annotation selected (the
        // app's Esc, which deselects, is for the text); a note being typed is kept, as on leaving.
        if (e.key !== 'Escape' || !onBackToText) return;
        e.preventDefault();
        e.stopPropagation();
        commit();
        onBackToText();
      }}
    >
      <h2>Selected</h2>
      <blockquote className="selected-quote">{annotation.quote}</blockquote>
      <p className="meta">
        {annotation.annotator} · {formatTime(annotation.updatedAt)}
        {annotation.provenance ? ` · from ${annotation.provenance.annotator}` : ''}
      </p>
      <div className="relabel" role="radiogroup" aria-label="Label">
        {schema.labels.map((l) => (
          <button
            key={l.id}
            type="button"
            role="radio"
            aria-checked={annotation.label === l.id}
            className={annotation.label === l.id ? 'active' : ''}
            data-testid={`relabel-${l.id}`}
            onClick={() => annotation.label !== l.id && onRelabel(l.id)}
          >
            <LabelChip label={l.id} /> {l.hotkey === undefined ? null : <kbd>{l.hotkey}</kbd>}
          </button>
        ))}
      </div>
      <label className="note-field">
        Note
        <textarea
          ref={noteRef}
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
        <button type="button" onClick={commit} data-testid="save-note" disabled={draft.trim() === (annotation.note ?? '')}>
          Save note
        </button>
        <button type="button" className="danger" onClick={onDelete} data-testid="delete-annotation">
          Delete <kbd>Del</kbd>
        </button>
      </div>
    </section>
  );
}
