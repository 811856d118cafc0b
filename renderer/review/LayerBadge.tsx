// An annotator's marker: initials on their layer's colour (mine in ink), named in full for
// assistive technology.

import { initials } from '../../src/review/layer-slots.js';

export function LayerBadge({ annotator, slot }: { annotator: string; slot: number | undefined }) {
  return (
    <span className={`layer-badge ${slot === undefined ? 'mine' : `layer-slot-${slot}`}`} title={annotator} aria-label={annotator} data-annotator={annotator}>
      {initials(annotator)}
    </span>
  );
}
