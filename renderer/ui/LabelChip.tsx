// A label named by glyph, name and underline style as well as colour, so it reads without colour.
// Its look comes from the label stylesheet generated from the schema (label-${key} classes); a
// label the schema lacks (a colleague's) is shown by its id with a neutral grey and a "?".

import { labelOrUnknown, type LabelId } from '../../src/labels/schema.js';
import { labelKey } from '../../src/labels/label-style.js';
import { useSchema } from '../schema/schema-context.js';
import { formatCount } from './format.js';

export function LabelChip({ label, count }: { label: LabelId; count?: number }) {
  const def = labelOrUnknown(useSchema(), label);
  return (
    <span className={`label-chip label-${labelKey(label)}`} data-label={label}>
      <span className="glyph" aria-hidden="true">
        {def.glyph}
      </span>
      {def.name}
      {count === undefined ? null : <span className="count"> {formatCount(count)}</span>}
    </span>
  );
}
