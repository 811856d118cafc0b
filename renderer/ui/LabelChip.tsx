// A label named by glyph, name and underline style as well as colour, so it reads without colour.

import { labelDef, type LabelId } from '../../src/labels/schema.js';

export function LabelChip({ label, count }: { label: LabelId; count?: number }) {
  const def = labelDef(label);
  return (
    <span className={`label-chip label-${label}`} data-label={label}>
      <span className="glyph" aria-hidden="true">
        {def.glyph}
      </span>
      {def.name}
      {count === undefined ? null : <span className="count"> {count}</span>}
    </span>
  );
}
