// Who tagged the text under the pointer, with which label, note and time: every covering span,
// innermost first, so nested spans stay inspectable.

import type { Annotation } from '../../src/annotations/types.js';
import { LabelChip } from '../ui/LabelChip.js';
import { formatTime } from '../ui/format.js';
import { LayerBadge } from '../review/LayerBadge.js';

interface Props {
  readonly x: number;
  readonly y: number;
  readonly items: readonly Annotation[];
  /** Colleagues' marker slots; an annotator without one is me. */
  readonly slots: ReadonlyMap<string, number>;
}

export function HoverCard({ x, y, items, slots }: Props) {
  return (
    <div className="hover-card" role="tooltip" data-testid="hover-card" style={{ top: y + 16, left: Math.min(x + 8, window.innerWidth - 320) }}>
      {items.slice(0, 6).map((a) => (
        <div key={a.id} className="hover-item">
          <LayerBadge annotator={a.annotator} slot={slots.get(a.annotator)} /> <LabelChip label={a.label} /> <span className="who">{a.annotator}</span>{' '}
          <span className="when">{formatTime(a.updatedAt)}</span>
          {a.note ? <div className="note">{a.note}</div> : null}
        </div>
      ))}
      {items.length > 6 ? <div className="more">+{items.length - 6} more</div> : null}
    </div>
  );
}
