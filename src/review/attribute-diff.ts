// Whether two annotations of the same span say the same thing about it: their attribute values
// compared one attribute at a time, the way the comparison rows, the review queue and the
// attribute agreement all judge "same value". Shared here so a row marked "agree" and a unit
// counted as agreeing can never disagree with each other.
//
// Sameness rules (why: values are compared as meaning, not as stored bytes):
// - a multiple choice is a set: ["killed", "injured"] equals ["injured", "killed"];
// - a quantity is its number and qualifier, or its range: 18 exact ≠ 18 about;
// - a link is its target's span (label and bounds), never the target's id: my link and a
//   colleague's point at annotations in different layers, with different ids, even when both
//   point at "the same" span. A target missing from its layer compares by its id (so two dangling
//   links agree only when they name the same id, which in practice means never);
// - text is compared exactly (no trimming or case folding: "Almaty" and "almaty " differ, and the
//   row shows both, which is what a reviewer wants to see);
// - an attribute set on one side only differs; set on neither, it is not listed.
// Not here: how a value is shown (attribute-format.ts) and which values agreement pairs.

import type { AttributeType, AttributeValue, AttributeValues } from '../labels/attributes.js';
import { isRange } from '../labels/attributes.js';
import { isQuantity } from '../labels/attribute-values.js';
import type { LabelId } from '../labels/schema.js';

/** Looks up a link target in the layer the link lives in; undefined when it is not there. */
export type TargetOf = (id: string) => { readonly label: LabelId; readonly start: number; readonly end: number } | undefined;

const NO_TARGETS: TargetOf = () => undefined;

/**
 * A string that is equal for two values exactly when they are the same in the sense above. Every
 * kind gets its own prefix, so a text "true" never equals the boolean true, nor a text that looks
 * like a link key a link.
 */
export function valueKey(value: AttributeValue, targetOf: TargetOf = NO_TARGETS, link = false): string {
  if (typeof value === 'boolean') return value ? 'b:1' : 'b:0';
  if (Array.isArray(value)) return `m:${JSON.stringify([...new Set(value as readonly string[])].sort())}`;
  if (isQuantity(value)) {
    const q = value;
    return isRange(q) ? `r:${q.min}:${q.max}` : `q:${q.qualifier}:${q.value}`;
  }
  const s = value as string;
  if (link) {
    const t = targetOf(s);
    return t ? `l:${t.label}:${t.start}:${t.end}` : `l#:${s}`;
  }
  return `s:${s}`;
}

export interface AttributeDifference {
  readonly id: string;
  /** Absent: not set on that side. */
  readonly mine?: AttributeValue;
  readonly theirs?: AttributeValue;
}

export interface CompareOptions {
  /** Attribute ids in display order (the label's schema order); ids not listed follow, sorted. */
  readonly order?: readonly string[];
  /** Which attribute ids hold links (compared by target span). */
  readonly links?: ReadonlySet<string>;
  readonly mineTargets?: TargetOf;
  readonly theirTargets?: TargetOf;
}

/** The attributes whose values differ between `mine` and `theirs`, in display order. */
export function attributeDifferences(mine: AttributeValues | undefined, theirs: AttributeValues | undefined, opts: CompareOptions = {}): AttributeDifference[] {
  const a = mine ?? {};
  const b = theirs ?? {};
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: AttributeDifference[] = [];
  for (const id of orderIds(ids, opts.order)) {
    const x = attributeValueOf(a, id);
    const y = attributeValueOf(b, id);
    if (x === undefined && y === undefined) continue;
    const link = opts.links?.has(id) ?? false;
    if (x !== undefined && y !== undefined && valueKey(x, opts.mineTargets, link) === valueKey(y, opts.theirTargets, link)) continue;
    out.push({ id, ...(x !== undefined ? { mine: x } : {}), ...(y !== undefined ? { theirs: y } : {}) });
  }
  return out;
}

/** Whether any attribute differs; the cheap question the comparison asks of every exact pair. */
export function attributesDiffer(mine: AttributeValues | undefined, theirs: AttributeValues | undefined, opts: CompareOptions = {}): boolean {
  if (mine === undefined && theirs === undefined) return false;
  return attributeDifferences(mine, theirs, opts).length > 0;
}

/**
 * The value stored under `id`, or undefined when none is. Own keys only: an id such as "__proto__"
 * or "constructor" read from a file is data, not a path into Object.prototype. A null (which no
 * entrance stores, but a damaged record might hold) counts as not set rather than as a value.
 */
export function attributeValueOf(values: AttributeValues | undefined, id: string): AttributeValue | undefined {
  if (values === undefined || !Object.prototype.hasOwnProperty.call(values, id)) return undefined;
  const v = values[id] as AttributeValue | null | undefined;
  return v === null ? undefined : v;
}

function orderIds(ids: ReadonlySet<string>, order: readonly string[] = []): string[] {
  const listed = order.filter((id) => ids.has(id));
  const rest = [...ids].filter((id) => !order.includes(id)).sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  return [...listed, ...rest];
}

/** What the comparison needs of a label schema: each label's attribute ids, order and types. */
export interface AttributeSchemaView {
  readonly id: string;
  readonly attributes: readonly { readonly id: string; readonly type: AttributeType }[];
}

interface Located {
  readonly id: string;
  readonly label: LabelId;
  readonly start: number;
  readonly end: number;
}

/** Link targets looked up by id in one layer. */
export function targetsIn(layer: readonly Located[]): TargetOf {
  let byId: Map<string, Located> | undefined;
  return (id) => {
    byId ??= new Map(layer.map((a) => [a.id, a]));
    return byId.get(id);
  };
}

/** The comparison options for spans of `label`: its schema order and which of its attributes link. */
export function compareOptionsFor(
  labels: readonly AttributeSchemaView[] | undefined,
  label: string,
  mineTargets?: TargetOf,
  theirTargets?: TargetOf,
): CompareOptions {
  const def = labels?.find((l) => l.id === label);
  return {
    ...(def ? { order: def.attributes.map((a) => a.id), links: new Set(def.attributes.filter((a) => a.type === 'link').map((a) => a.id)) } : {}),
    ...(mineTargets ? { mineTargets } : {}),
    ...(theirTargets ? { theirTargets } : {}),
  };
}
