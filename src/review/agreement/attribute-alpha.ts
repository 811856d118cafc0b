// Krippendorff's alpha for one attribute over its matched-span units: nominal (alpha.ts's
// coincidence matrix, on the values' sameness keys) or interval (interval-alpha.ts, on the
// numbers), as attribute-units.ts decides the scale. Units pool across documents by concatenation,
// which is the same as adding their coincidences.

import { nominalAlpha, type AlphaStats } from './alpha.js';
import type { AttributeCell, Scale } from './attribute-units.js';
import { intervalAlpha } from './interval-alpha.js';

export function attributeAlpha(scale: Scale, units: readonly (readonly AttributeCell[])[]): AlphaStats {
  if (scale === 'interval') return intervalAlpha(units.map((u) => u.map((c) => c.number ?? Number.NaN).filter((x) => Number.isFinite(x))));
  const { n, observed, expected, alpha } = nominalAlpha(units.map((u) => u.map((c) => c.key)));
  return { n, observed, expected, alpha };
}
