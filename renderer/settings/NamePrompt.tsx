// First start: who is annotating? Every tag carries a name, and "analyst" (the browser's default)
// tells colleagues nothing. A short, non-modal form under the toolbar: it blocks nothing, takes no
// keys unless clicked into, may be put off ("Later"), and comes back at every start until a name
// is saved. Changing the name afterwards is Settings' job.

import { useState } from 'react';

interface Props {
  readonly suggested: string;
  readonly onSave: (name: string) => void;
  readonly onLater: () => void;
}

export function NamePrompt({ suggested, onSave, onLater }: Props) {
  const [name, setName] = useState(suggested);
  const trimmed = name.trim();
  return (
    <form
      className="name-prompt"
      role="dialog"
      aria-modal="false"
      aria-label="Your name"
      data-testid="name-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed) onSave(trimmed);
      }}
    >
      <label>
        Your name, stamped on your annotations so colleagues can tell them from theirs:{' '}
        <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} data-testid="name-prompt-input" />
      </label>
      <button type="submit" className="primary" disabled={!trimmed} data-testid="name-prompt-save">Save</button>
      <button type="button" onClick={onLater} data-testid="name-prompt-later">Later</button>
    </form>
  );
}
