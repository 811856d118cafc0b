// Settings: the analyst's name, stamped on every annotation they make from now on, the
// display (theme, zoom, reading width), and the way to the label schema editor (SchemaEditor). Display choices apply and are stored at once, so the
// analyst sees the effect while choosing; Cancel and Save concern the name only.

import { useRef, useState } from 'react';
import { Dialog } from '../ui/Dialog.js';
import { READING_WIDTHS, THEMES, zoomPercent, type DisplayPrefs, type ReadingWidth, type ThemeChoice } from './display-prefs.js';
import type { Display } from './use-display.js';
import type { SpanmarkDb } from '../db/db.js';
import { SchemaEditor } from './SchemaEditor.js';

interface Props {
  readonly annotator: string;
  readonly storage: string;
  readonly display: Display;
  readonly onSave: (annotator: string) => void;
  readonly onClose: () => void;
  readonly db: SpanmarkDb;
  /** A schema migration changed my layer in these documents. */
  readonly onLayerChanged: (docIds: readonly string[]) => void;
}

export function SettingsDialog({ annotator, storage, display, onSave, onClose, db, onLayerChanged }: Props) {
  const [name, setName] = useState(annotator);
  const [editingSchema, setEditingSchema] = useState(false);
  // Back from the schema editor, focus returns to the button that opened it.
  const [backFromSchema, setBackFromSchema] = useState(false);
  const editSchema = useRef<HTMLButtonElement>(null);
  const trimmed = name.trim();
  if (editingSchema)
    return (
      <SchemaEditor
        db={db}
        onLayerChanged={onLayerChanged}
        onClose={() => {
          setEditingSchema(false);
          setBackFromSchema(true);
        }}
      />
    );
  return (
    <Dialog
      title="Settings"
      testId="settings"
      onCancel={onClose}
      onSubmit={() => trimmed && onSave(trimmed)}
      initialFocus={backFromSchema ? editSchema : undefined}
      passAppKeys
      actions={
        <>
          <button type="button" onClick={onClose} data-testid="settings-cancel">
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed} data-testid="settings-save">
            Save
          </button>
        </>
      }
    >
      <label>
        Your name (stamped on your annotations)
        <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="annotator-input" />
      </label>
      {trimmed ? null : <p className="field-error">A name is required so colleagues can tell your tags from theirs.</p>}
      <DisplaySettings display={display} />
      <fieldset className="settings-group">
        <legend>Labels</legend>
        <button type="button" ref={editSchema} onClick={() => setEditingSchema(true)} data-testid="edit-schema">
          Edit labels and attributes…
        </button>
      </fieldset>
      <p className="meta">Storage: {storage}</p>
    </Dialog>
  );
}

function DisplaySettings({ display }: { readonly display: Display }) {
  const { prefs, update, zoom } = display;
  const radios = <K extends 'theme' | 'width'>(key: K, options: Readonly<Record<DisplayPrefs[K], string>>) =>
    (Object.entries(options) as [DisplayPrefs[K], string][]).map(([value, label]) => (
      <label key={value} className="choice">
        <input type="radio" name={key} value={value} checked={prefs[key] === value} onChange={() => update({ [key]: value })} data-testid={`${key}-${value}`} />
        {label}
      </label>
    ));
  return (
    <>
      <fieldset className="settings-group">
        <legend>Theme</legend>
        {radios<'theme'>('theme', THEMES satisfies Record<ThemeChoice, string>)}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Reading width</legend>
        {radios<'width'>('width', Object.fromEntries(Object.entries(READING_WIDTHS).map(([k, v]) => [k, v.label])) as Record<ReadingWidth, string>)}
      </fieldset>
      <fieldset className="settings-group">
        <legend>Zoom</legend>
        <button type="button" onClick={() => zoom('out')} aria-label="Zoom out" data-testid="zoom-out">
          −
        </button>
        <output data-testid="zoom-value">{zoomPercent(prefs.zoom)}</output>
        <button type="button" onClick={() => zoom('in')} aria-label="Zoom in" data-testid="zoom-in">
          +
        </button>
        <button type="button" onClick={() => zoom('reset')} data-testid="zoom-reset">
          Reset
        </button>
      </fieldset>
    </>
  );
}
