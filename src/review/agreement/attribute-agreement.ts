// Agreement on attribute values, per label and attribute, over spans several annotators tagged
// identically: percent agreement and Krippendorff's alpha (see attribute-units.ts for what is
// matched, which values pair and on which scale). The report keeps its units, so documents pool by
// putting their units together and the figures are recomputed, never averaged.

import { attributeAlpha } from './attribute-alpha.js';
import { percentAgreement, type PercentAgreement } from './attribute-percent.js';
import { attributeUnits, type AttributeLabelView, type AttributeUnits } from './attribute-units.js';
import type { AlphaStats } from './alpha.js';
import type { Span } from '../span.js';

export interface AttributeAgreement extends AttributeUnits {
  readonly percent: PercentAgreement;
  readonly alpha: AlphaStats;
}

export interface AttributeAgreementReport {
  /** Labels in schema order, their attributes in schema order; only labels with a matched span. */
  readonly perAttribute: readonly AttributeAgreement[];
}

export function attributeAgreementFromUnits(u: AttributeUnits): AttributeAgreement {
  return { ...u, percent: percentAgreement(u.units.map((cells) => cells.map((c) => c.key))), alpha: attributeAlpha(u.scale, u.units) };
}

/** Over every layer given (one per annotator), for the labels of `labels` and any the data adds. */
export function attributeAgreement(layers: readonly (readonly Span[])[], labels?: readonly AttributeLabelView[]): AttributeAgreementReport {
  return { perAttribute: attributeUnits(layers, labels).map(attributeAgreementFromUnits) };
}

/**
 * Pools reports: units of the same label and attribute are put together, in order of first
 * appearance. An attribute whose scale differs between reports (a file's undefined attribute that
 * was all quantities in one document and not in another) is pooled on the nominal scale.
 */
export function combineAttributeAgreement(reports: readonly AttributeAgreementReport[]): AttributeAgreementReport {
  const pooled = new Map<string, { -readonly [K in keyof AttributeUnits]: AttributeUnits[K] }>();
  for (const r of reports) {
    for (const a of r.perAttribute) {
      const key = `${a.label}\u0000${a.attribute}`;
      const sum = pooled.get(key);
      if (!sum) {
        pooled.set(key, {
          label: a.label,
          attribute: a.attribute,
          name: a.name,
          type: a.type,
          scale: a.scale,
          matched: a.matched,
          units: [...a.units],
          unpaired: a.unpaired,
        });
        continue;
      }
      sum.matched += a.matched;
      sum.units = [...sum.units, ...a.units];
      sum.unpaired += a.unpaired;
      if (sum.scale !== a.scale) sum.scale = 'nominal';
    }
  }
  return { perAttribute: [...pooled.values()].map(attributeAgreementFromUnits) };
}
