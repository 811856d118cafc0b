// The units attribute agreement is measured on: spans that several annotators tagged identically,
// and the value each gave an attribute there. What the figures mean rests on three decisions:
//
// - Matching: exact span match. A unit is a label with a start and an end that at least two of the
//   layers have a span for; spans that overlap but differ in a bound, or differ in label, are the
//   span metrics' business (F1, kappa, alpha on tokens) and never pair their attribute values,
//   since "18 killed" against "18" is a question of where the span ends, not of the count. An
//   annotator with two identical spans counts once, with the first by id.
// - Missing values: only pairable values count. An attribute set by one annotator of a unit and
//   not by the other is not a disagreement (it may simply not have been filled in yet) but an
//   unpaired value, counted in `unpaired` so a report can say how much was left out.
// - Values: compared as attribute-diff.ts compares them (the same sameness the comparison rows
//   use). Nominal scale for choice, text, boolean, date and link (a link by its target's label and
//   bounds in the annotator's own layer, never by id). A multiple choice is one nominal value: the
//   set as a whole, so {killed, injured} against {killed} disagrees, as it would in a table
//   (MASI-style partial credit is not given: a half-right list is a wrong list for a count of the
//   dead). Interval scale for quantity: the single number, or a range's midpoint ("10–15" is 12.5);
//   the qualifier is ignored by alpha (it is not on the number line) but not by percent agreement,
//   which counts identical values.
//
// An attribute with no definition in the schema (a file's own) is interval when every value given
// is a quantity and nominal otherwise; its strings are compared as text, since only a definition
// can say a string is a link.

import { isRange, type AttributeType, type AttributeValue } from '../../labels/attributes.js';
import { isQuantity } from '../../labels/attribute-values.js';
import { attributeValueOf, targetsIn, valueKey } from '../attribute-diff.js';
import { cmp, type Span } from '../span.js';

export type Scale = 'nominal' | 'interval';

/** One annotator's value in a unit: its sameness key, and its number on the interval scale. */
export interface AttributeCell {
  readonly key: string;
  readonly number?: number;
}

/** The units of one attribute of one label. */
export interface AttributeUnits {
  readonly label: string;
  readonly attribute: string;
  readonly name: string;
  /** 'unknown': no definition in the schema. */
  readonly type: AttributeType | 'unknown';
  readonly scale: Scale;
  /** Matched spans of the label (each a unit, whether or not its values pair). */
  readonly matched: number;
  /** Pairable units only: the values of two or more annotators, in layer order. */
  readonly units: readonly (readonly AttributeCell[])[];
  /** Values left alone in their unit (the other annotators did not set the attribute). */
  readonly unpaired: number;
}

/** What the units need of the label schema. */
export interface AttributeLabelView {
  readonly id: string;
  readonly attributes: readonly { readonly id: string; readonly name?: string; readonly type: AttributeType }[];
}

/** The interval number of a quantity: its value, or a range's midpoint; undefined if not a finite number. */
export function quantityNumber(v: AttributeValue): number | undefined {
  if (!isQuantity(v)) return undefined;
  const n = isRange(v) ? (v.min + v.max) / 2 : v.value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Units per label and attribute over `layers` (one per annotator). Labels and attributes come in
 * schema order, then those only the data has, sorted by id. An attribute nobody set on a matched
 * span still appears (with no units), so a report lists every attribute of a label that was matched.
 */
export function attributeUnits(layers: readonly (readonly Span[])[], labels: readonly AttributeLabelView[] = []): AttributeUnits[] {
  const targets = layers.map((l) => targetsIn(l));
  // label|start|end → one span per layer (the first by id).
  const groups = new Map<string, (Span | undefined)[]>();
  layers.forEach((layer, li) => {
    for (const s of [...layer].sort((x, y) => cmp(x.id, y.id))) {
      const k = `${s.label}|${s.start}|${s.end}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = new Array<Span | undefined>(layers.length).fill(undefined)));
      g[li] ??= s;
    }
  });
  const matchedByLabel = new Map<string, (Span | undefined)[][]>();
  for (const g of groups.values()) {
    if (g.filter(Boolean).length < 2) continue;
    const label = g.find(Boolean)!.label;
    const list = matchedByLabel.get(label) ?? [];
    list.push(g);
    matchedByLabel.set(label, list);
  }
  const labelOrder = [
    ...labels.map((l) => l.id).filter((id) => matchedByLabel.has(id)),
    ...[...matchedByLabel.keys()].filter((id) => !labels.some((l) => l.id === id)).sort(cmp),
  ];
  const out: AttributeUnits[] = [];
  for (const label of labelOrder) {
    const matched = matchedByLabel.get(label)!;
    const defs = labels.find((l) => l.id === label)?.attributes ?? [];
    const seen = new Set<string>();
    for (const g of matched) for (const s of g) if (s?.attributes) for (const id of Object.keys(s.attributes)) seen.add(id);
    const ids = [...defs.map((d) => d.id), ...[...seen].filter((id) => !defs.some((d) => d.id === id)).sort(cmp)];
    for (const id of ids) {
      const def = defs.find((d) => d.id === id);
      const given = matched.flatMap((g) => g.map((s) => attributeValueOf(s?.attributes, id)));
      const type = def?.type ?? 'unknown';
      const interval = def ? def.type === 'quantity' : given.some((v) => v !== undefined) && given.every((v) => v === undefined || isQuantity(v));
      const units: AttributeCell[][] = [];
      let unpaired = 0;
      for (const g of matched) {
        const cells: AttributeCell[] = [];
        g.forEach((s, li) => {
          const v = attributeValueOf(s?.attributes, id);
          if (v === undefined) return;
          const key = valueKey(v, targets[li], type === 'link');
          const n = interval ? quantityNumber(v) : undefined;
          // On the interval scale a value without a finite number (malformed) cannot be placed: left out.
          if (interval && n === undefined) return;
          cells.push(n === undefined ? { key } : { key, number: n });
        });
        if (cells.length >= 2) units.push(cells);
        else unpaired += cells.length;
      }
      out.push({ label, attribute: id, name: def?.name ?? id, type, scale: interval ? 'interval' : 'nominal', matched: matched.length, units, unpaired });
    }
  }
  return out;
}
