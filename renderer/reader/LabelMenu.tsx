// The small menu that appears at a fresh selection: one button per label with its hotkey.
// mousedown is cancelled so clicking a button does not clear the selection it labels.

import type { LabelId } from '../../src/labels/schema.js';
import { useSchema } from '../schema/schema-context.js';
import { LabelChip } from '../ui/LabelChip.js';

interface Props {
  readonly anchor: DOMRect;
  readonly quote: string;
  readonly onChoose: (label: LabelId) => void;
  readonly onClose: () => void;
}

export function LabelMenu({ anchor, quote, onChoose, onClose }: Props) {
  const schema = useSchema();
  const top = Math.min(anchor.bottom + 6, window.innerHeight - 60);
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - 360));
  return (
    <div
      className="label-menu"
      role="menu"
      aria-label="Tag selection as"
      data-testid="label-menu"
      style={{ top, left }}
      onMouseDown={(e) => e.preventDefault()}
    >
      <span className="label-menu-quote" title={quote}>
        “{quote.length > 48 ? `${quote.slice(0, 47)}…` : quote}”
      </span>
      {schema.labels.map((l) => (
        <button
          key={l.id}
          type="button"
          role="menuitem"
          data-label={l.id}
          onClick={() => onChoose(l.id)}
          title={`${l.description || l.name}${l.hotkey === undefined ? '' : ` (key ${l.hotkey})`}`}
        >
          <LabelChip label={l.id} /> {l.hotkey === undefined ? null : <kbd>{l.hotkey}</kbd>}
        </button>
      ))}
      <button type="button" className="label-menu-close" aria-label="Cancel" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
