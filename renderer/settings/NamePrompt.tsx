// First start: who is annotating? Every tag carries a name, and "analyst" (the browser's default)
// tells colleagues nothing. A short, non-modal form over the right end of the status bar: it
// blocks nothing, covers only status text, moves nothing, takes no keys unless clicked into or
// reached with F6 (the last of its regions), may be put off ("Later"), and comes back at every
// start until a name is saved. Changing the name
// afterwards is Settings' job. A div, not a form: while reading, the page holds no form element
// of its own (open-files.spec checks that none arrives with an article).

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
    <div className="name-prompt" role="dialog" aria-modal="false" aria-label="Your name" data-testid="name-prompt">
      <label title="Stamped on your annotations so colleagues can tell them from theirs">
        Your name:{' '}
        <input
          value={name}
          maxLength={120}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && trimmed) onSave(trimmed);
          }}
          data-testid="name-prompt-input"
        />
      </label>
      <button type="button" className="primary" disabled={!trimmed} onClick={() => onSave(trimmed)} data-testid="name-prompt-save">
        Save
      </button>
      <button type="button" onClick={onLater} data-testid="name-prompt-later">
        Later
      </button>
    </div>
  );
}
