// What a schema change does to stored annotations, and the migrations an analyst can pick for it.
// A change that would leave stored values meaningless (a label deleted, a choice value deleted, an
// attribute deleted or given another type) is never applied silently: schemaChangeImpact counts
// what it touches, in my layer and in colleagues' layers; migrateLayer rewrites my layer by an
// explicit plan. Colleagues' layers are theirs and never rewritten: their annotations keep a
// deleted label or value (shown as "not in this schema" in review; agreement still counts them).
// Not here: storage (renderer/settings/schema-migration.ts writes schema and layer together).

import { attributeValueProblem } from './attribute-values.js';
import type { AttributeDef, AttributeValue, AttributeValues } from './attributes.js';
import type { LabelDef, LabelId, LabelSchema } from './schema.js';

export interface ImpactAnnotation {
  readonly id: string;
  readonly label: LabelId;
  readonly attributes?: AttributeValues;
}

export type ImpactKind = 'label-deleted' | 'attribute-deleted' | 'value-deleted' | 'type-changed';

export interface ImpactItem {
  readonly kind: ImpactKind;
  readonly label: LabelId;
  /** The label's name in the old schema. */
  readonly labelName: string;
  readonly attribute?: string;
  readonly attributeName?: string;
  readonly value?: string;
  /** Annotations of mine that the change touches, by id. */
  readonly mine: readonly string[];
  /** How many of colleagues' annotations carry the label or value (they are left as they are). */
  readonly colleagues: number;
}

export interface SchemaChangeImpact {
  readonly items: readonly ImpactItem[];
  /** Distinct annotations of mine touched by any item. */
  readonly mine: number;
  readonly colleagues: number;
}

const has = (values: AttributeValues | undefined, id: string): boolean => values !== undefined && Object.prototype.hasOwnProperty.call(values, id);

const isList = (v: AttributeValue | undefined): v is readonly string[] => Array.isArray(v);
const holds = (v: AttributeValue | undefined, value: string): boolean => v === value || (isList(v) && v.includes(value));

/**
 * Every destructive difference from `old` to `next`, with the annotations each touches. A change
 * that destroys nothing (rename, recolour, reorder, new labels, attributes or values, keys) has no
 * item, whatever the annotations.
 */
export function schemaChangeImpact(
  old: LabelSchema,
  next: LabelSchema,
  annotations: { readonly mine: readonly ImpactAnnotation[]; readonly colleagues: readonly ImpactAnnotation[] },
): SchemaChangeImpact {
  const items: ImpactItem[] = [];
  const count = (test: (a: ImpactAnnotation) => boolean) => ({
    mine: annotations.mine.filter(test).map((a) => a.id),
    colleagues: annotations.colleagues.filter(test).length,
  });
  for (const l of old.labels) {
    const now = next.labels.find((n) => n.id === l.id);
    if (now === undefined) {
      items.push({ kind: 'label-deleted', label: l.id, labelName: l.name, ...count((a) => a.label === l.id) });
      continue;
    }
    for (const attr of l.attributes) {
      const base = { label: l.id, labelName: l.name, attribute: attr.id, attributeName: attr.name };
      const set = (a: ImpactAnnotation) => a.label === l.id && has(a.attributes, attr.id);
      const nowAttr = now.attributes.find((x) => x.id === attr.id);
      if (nowAttr === undefined) {
        items.push({ kind: 'attribute-deleted', ...base, ...count(set) });
      } else if (nowAttr.type !== attr.type) {
        items.push({ kind: 'type-changed', ...base, ...count(set) });
      } else if (attr.type === 'choice') {
        for (const value of attr.values ?? []) {
          if ((nowAttr.values ?? []).includes(value)) continue;
          items.push({ kind: 'value-deleted', ...base, value, ...count((a) => set(a) && holds(a.attributes?.[attr.id], value)) });
        }
      }
    }
  }
  const touched = new Set(items.flatMap((i) => i.mine));
  return { items, mine: touched.size, colleagues: items.reduce((s, i) => s + i.colleagues, 0) };
}

/** The destructive items that touch something; the editor refuses or asks only about these. */
export function blockingItems(impact: SchemaChangeImpact): ImpactItem[] {
  return impact.items.filter((i) => i.mine.length > 0 || i.colleagues > 0);
}

/**
 * How the analyst chose to carry my annotations over, per item (keyed by impactKey): for a deleted
 * label, reassign them to another label or delete them; for a deleted value, reassign it to another
 * value or remove it; a deleted attribute or a changed type can only have its values removed.
 */
export type Migration =
  | { readonly kind: 'reassign-label'; readonly to: LabelId }
  | { readonly kind: 'delete-annotations' }
  | { readonly kind: 'reassign-value'; readonly to: string }
  | { readonly kind: 'remove-values' };

export function impactKey(i: Pick<ImpactItem, 'kind' | 'label' | 'attribute' | 'value'>): string {
  return JSON.stringify([i.kind, i.label, i.attribute ?? null, i.value ?? null]);
}

export interface LayerChange<A> {
  /** The annotations as they are to be stored (changed ones only). */
  readonly put: readonly A[];
  /** Annotations to delete. */
  readonly remove: readonly A[];
  /** Their stored form before the change, for undo: every changed or deleted annotation. */
  readonly before: readonly A[];
}

/** Migrations the editor offers for an item. */
export function migrationsFor(item: ImpactItem, next: LabelSchema): Migration['kind'][] {
  if (item.kind === 'label-deleted') return next.labels.length > 0 ? ['reassign-label', 'delete-annotations'] : ['delete-annotations'];
  if (item.kind === 'value-deleted') return ['reassign-value', 'remove-values'];
  return ['remove-values'];
}

/**
 * Applies the chosen migrations to my layer. Every item touching one of my annotations must have
 * a plan (else an error names it); the result is checked against `next` so no annotation is
 * left with a value the new schema refuses. An annotation reassigned to another label keeps the
 * attributes the new label has with the same id and a valid value; the others are removed, and
 * the plan says so before it is applied (droppedOnReassign).
 */
export function migrateLayer<A extends ImpactAnnotation>(
  mine: readonly A[],
  impact: SchemaChangeImpact,
  next: LabelSchema,
  plans: ReadonlyMap<string, Migration>,
): { readonly ok: true; readonly change: LayerChange<A> } | { readonly ok: false; readonly error: string } {
  const byId = new Map(mine.map((a) => [a.id, a]));
  const current = new Map<string, A>();
  const removed = new Set<string>();
  const get = (id: string): A | undefined => (removed.has(id) ? undefined : (current.get(id) ?? byId.get(id)));
  for (const item of impact.items) {
    if (item.mine.length === 0) continue;
    const plan = plans.get(impactKey(item));
    if (plan === undefined) return { ok: false, error: `Choose what happens to the ${item.mine.length} annotation(s) affected: ${describeItem(item)}.` };
    const allowed = migrationsFor(item, next);
    if (!allowed.includes(plan.kind)) return { ok: false, error: `“${plan.kind}” does not apply to: ${describeItem(item)}.` };
    for (const id of item.mine) {
      const a = get(id);
      if (a === undefined) continue;
      if (plan.kind === 'delete-annotations') {
        removed.add(id);
      } else if (plan.kind === 'reassign-label') {
        const target = next.labels.find((l) => l.id === plan.to);
        if (target === undefined) return { ok: false, error: `There is no label ${plan.to} to reassign to.` };
        current.set(id, withAttributes(a, target.id, keptAttributes(a.attributes, target)));
      } else if (plan.kind === 'reassign-value') {
        const attr = next.labels.find((l) => l.id === item.label)?.attributes.find((x) => x.id === item.attribute);
        if (attr === undefined || !(attr.values ?? []).includes(plan.to))
          return { ok: false, error: `“${plan.to}” is not a value of ${item.attributeName ?? ''}.` };
        const v = a.attributes?.[attr.id];
        const replaced: AttributeValue = isList(v) ? [...new Set(v.map((x) => (x === item.value ? plan.to : x)))] : plan.to;
        current.set(id, withAttributes(a, a.label, { ...a.attributes, [attr.id]: replaced }));
      } else {
        const attrId = item.attribute;
        if (attrId === undefined) return { ok: false, error: `Nothing to remove for: ${describeItem(item)}.` };
        const v = a.attributes?.[attrId];
        const rest = { ...a.attributes };
        if (item.kind === 'value-deleted' && isList(v) && v.length > 1) rest[attrId] = v.filter((x) => x !== item.value);
        else delete rest[attrId];
        current.set(id, withAttributes(a, a.label, rest));
      }
    }
  }
  for (const [id, a] of current) {
    if (removed.has(id)) continue;
    const problem = valuesProblem(a, next);
    if (problem !== undefined) return { ok: false, error: `Annotation ${id} would hold a value the new schema refuses: ${problem}` };
  }
  const changedIds = new Set([...current.keys(), ...removed]);
  return {
    ok: true,
    change: {
      put: [...current].filter(([id]) => !removed.has(id)).map(([, a]) => a),
      remove: [...removed].map((id) => byId.get(id)!).filter((a) => a !== undefined),
      before: [...changedIds].map((id) => byId.get(id)!).filter((a) => a !== undefined),
    },
  };
}

/** The attributes an annotation keeps when it moves to `target`: same id, and a value valid there. */
export function keptAttributes(values: AttributeValues | undefined, target: LabelDef): Record<string, AttributeValue> {
  const kept: Record<string, AttributeValue> = {};
  for (const [id, v] of Object.entries(values ?? {})) {
    const def = target.attributes.find((d) => d.id === id);
    if (def !== undefined && attributeValueProblem(def, v) === undefined) kept[id] = v;
  }
  return kept;
}

function withAttributes<A extends ImpactAnnotation>(a: A, label: LabelId, attributes: Record<string, AttributeValue>): A {
  const { attributes: _old, ...rest } = a;
  return (Object.keys(attributes).length === 0 ? { ...rest, label } : { ...rest, label, attributes }) as A;
}

function valuesProblem(a: ImpactAnnotation, schema: LabelSchema): string | undefined {
  const def = schema.labels.find((l) => l.id === a.label);
  if (def === undefined) return `label ${a.label} is not in the schema`;
  for (const [id, v] of Object.entries(a.attributes ?? {})) {
    const attr: AttributeDef | undefined = def.attributes.find((d) => d.id === id);
    if (attr === undefined) return `${def.name} has no attribute ${id}`;
    const p = attributeValueProblem(attr, v);
    if (p !== undefined) return p;
  }
  return undefined;
}

export function describeItem(i: ImpactItem): string {
  if (i.kind === 'label-deleted') return `label ${i.labelName} deleted`;
  if (i.kind === 'attribute-deleted') return `${i.labelName} › ${i.attributeName ?? ''} deleted`;
  if (i.kind === 'type-changed') return `${i.labelName} › ${i.attributeName ?? ''} changes type`;
  return `${i.labelName} › ${i.attributeName ?? ''} value “${i.value ?? ''}” deleted`;
}
