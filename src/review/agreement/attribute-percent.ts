// Percent agreement on attribute values: of all pairs of annotators who both set an attribute on
// the same matched span, the share that gave the same value (attribute-diff.ts's sameness; for a
// quantity that includes the qualifier). The plain figure an analyst can check by counting rows;
// alpha (attribute-alpha.ts) is the one corrected for chance. Kept as counts so documents pool.

/** pairs: unordered pairs of values within units; agreeing: those with equal keys. */
export interface PercentAgreement {
  readonly pairs: number;
  readonly agreeing: number;
  /** agreeing / pairs; null when no pair exists (never a made-up 0 or 1). */
  readonly percent: number | null;
}

export function percentFromCounts(pairs: number, agreeing: number): PercentAgreement {
  return { pairs, agreeing, percent: pairs === 0 ? null : agreeing / pairs };
}

/** Each unit lists the sameness keys of its values (one per annotator who set the attribute). */
export function percentAgreement(units: readonly (readonly string[])[]): PercentAgreement {
  let pairs = 0;
  let agreeing = 0;
  for (const u of units) {
    for (let i = 0; i < u.length; i++) {
      for (let j = i + 1; j < u.length; j++) {
        pairs += 1;
        if (u[i] === u[j]) agreeing += 1;
      }
    }
  }
  return percentFromCounts(pairs, agreeing);
}
