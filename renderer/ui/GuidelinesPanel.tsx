// The label guidelines beside the work: a non-modal panel (it takes no focus, so the label keys keep
// tagging while it is open) showing each label's key, marks and guideline paragraphs. The texts
// are data in the label schema (src/labels/schema.ts); nothing about a label is written here.

import { useSchema } from '../schema/schema-context.js';
import { LabelChip } from './LabelChip.js';

const UNDERLINE_WORDS = { solid: 'solid underline', wavy: 'wavy underline', double: 'double underline' } as const;

export function GuidelinesPanel({ onClose }: { readonly onClose: () => void }) {
  const schema = useSchema();
  return (
    <aside className="guidelines-panel" aria-label="Labelling guidelines" data-testid="guidelines">
      <header>
        <h2>Labelling guidelines</h2>
        <button type="button" className="guidelines-close" onClick={onClose} title="Close (F1 or ?)" aria-label="Close the guidelines">
          ✕
        </button>
      </header>
      {schema.labels.map((l) => (
        <section key={l.id} className="guideline" data-testid={`guideline-${l.id}`}>
          <h3>
            <LabelChip label={l.id} /> {l.hotkey === undefined ? null : <kbd>{l.hotkey}</kbd>}
          </h3>
          <p className="guideline-summary">
            {l.description}{' '}
            <span className="meta">
              Marked with a {UNDERLINE_WORDS[l.underline]} and the glyph {l.glyph}.
            </span>
          </p>
          {l.guidelines.map((para, i) => (
            <p key={i}>{para}</p>
          ))}
        </section>
      ))}
    </aside>
  );
}
