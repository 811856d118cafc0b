// Settings: the analyst's name, stamped on every annotation they make from now on.

import { useState } from 'react';

interface Props {
  readonly annotator: string;
  readonly storage: string;
  readonly onSave: (annotator: string) => void;
  readonly onClose: () => void;
}

export function SettingsDialog({ annotator, storage, onSave, onClose }: Props) {
  const [name, setName] = useState(annotator);
  const trimmed = name.trim();
  return (
    <div className="dialog-backdrop" role="presentation" onMouseDown={onClose}>
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Settings"
        data-testid="settings"
        onMouseDown={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          if (trimmed) onSave(trimmed);
        }}
      >
        <h2>Settings</h2>
        <label>
          Your name (stamped on your annotations)
          <input autoFocus value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="annotator-input" />
        </label>
        {trimmed ? null : <p className="field-error">A name is required so colleagues can tell your tags from theirs.</p>}
        <p className="meta">Storage: {storage}</p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" disabled={!trimmed} data-testid="settings-save">Save</button>
        </div>
      </form>
    </div>
  );
}
