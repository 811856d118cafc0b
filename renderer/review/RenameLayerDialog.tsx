// Renaming a colleague's layer: two colleagues called "analyst" arrive as "analyst" and
// "analyst (2)"; the analyst gives the second its real name. The name is local to this library
// (files keep carrying the name and id the colleague stamped). The problem, if any, is the
// caller's answer from renameColleagueLayer, shown under the field.

import { useState } from 'react';
import { Dialog } from '../ui/Dialog.js';

interface Props {
  readonly from: string;
  readonly problem: string | undefined;
  readonly onRename: (to: string) => void;
  readonly onClose: () => void;
}

export function RenameLayerDialog({ from, problem, onRename, onClose }: Props) {
  const [name, setName] = useState(from);
  const trimmed = name.trim();
  return (
    <Dialog
      title="Rename layer"
      testId="rename-layer"
      onCancel={onClose}
      onSubmit={() => trimmed && onRename(trimmed)}
      actions={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!trimmed} data-testid="rename-layer-save">
            Rename
          </button>
        </>
      }
    >
      <label>
        Show “{from}” as
        <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="rename-layer-input" />
      </label>
      {problem ? (
        <p className="field-error" data-testid="rename-layer-problem">
          {problem}
        </p>
      ) : null}
    </Dialog>
  );
}
