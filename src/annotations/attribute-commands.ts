// Setting and clearing an annotation's attribute values, and deleting a span other spans link to,
// as ordinary layer commands: an update (or a batch) with an exact inverse, so the form's save is
// painted, committed, acknowledged and undone like any other edit. Every value is checked here
// with the schema's one rule (attributeValueProblem) and, for a link, against the document's
// annotations (linkTargetProblem); a refused value changes nothing. Not here: how a value is typed
// or shown (renderer/panel), the schema itself (labels/).

import type { AttributeDef, AttributeValue } from '../labels/attributes.js';
import { attributeValueProblem, linkTargetProblem } from '../labels/attribute-values.js';
import { fail, ok, type Result } from '../result.js';
import type { BatchCommand, SingleCommand } from './commands.js';
import type { Annotation } from './types.js';

/** The attribute definitions of a label (the schema's, looked up by the caller). */
export type DefsOf = (label: string) => readonly AttributeDef[];

/**
 * The update that sets `def` on `a` to `value`, or clears it when `value` is undefined. `layer`
 * is the document's annotations, where a link's target must be. Refused with a message naming
 * the attribute and what is wrong; an unchanged value is refused as "nothing to save" so no empty
 * undo step is recorded.
 */
export function setAttribute(
  a: Annotation,
  def: AttributeDef,
  value: AttributeValue | undefined,
  now: string,
  layer: readonly Annotation[],
): Result<SingleCommand & { kind: 'update' }> {
  if (value !== undefined) {
    const problem = attributeValueProblem(def, value);
    if (problem) return fail('bad-attribute', `${def.name}: ${problem}.`);
    if (def.type === 'link') {
      const target = layer.find((x) => x.id === value);
      const linkProblem = linkTargetProblem(def, value as string, target?.label);
      if (linkProblem) return fail('bad-link', `${def.name}: ${linkProblem}.`);
      if (value === a.id) return fail('bad-link', `${def.name}: a span cannot link to itself.`);
    }
  }
  const before = a.attributes?.[def.id];
  if (sameValue(before, value)) return fail('unchanged', `${def.name} is already ${value === undefined ? 'empty' : 'that value'}.`);
  const { [def.id]: _old, ...rest } = a.attributes ?? {};
  const attributes = value === undefined ? rest : { ...rest, [def.id]: value };
  const { attributes: _gone, ...base } = a;
  const after: Annotation = Object.keys(attributes).length > 0 ? { ...base, attributes, updatedAt: now } : { ...base, updatedAt: now };
  return ok({ kind: 'update', before: a, after });
}

/** A link from one annotation's attribute to another annotation. */
export interface Link {
  readonly source: Annotation;
  readonly def: AttributeDef;
  readonly targetId: string;
}

/** Every link set in `layer`: link-typed attributes (by the source's label) holding an id. */
export function linksIn(layer: readonly Annotation[], defsOf: DefsOf): Link[] {
  const out: Link[] = [];
  for (const source of layer) {
    if (!source.attributes) continue;
    for (const def of defsOf(source.label)) {
      const v = source.attributes[def.id];
      if (def.type === 'link' && typeof v === 'string') out.push({ source, def, targetId: v });
    }
  }
  return out;
}

/** The links pointing at `targetId` ("linked from"), in the layer's order. */
export function linksTo(layer: readonly Annotation[], targetId: string, defsOf: DefsOf): Link[] {
  return linksIn(layer, defsOf).filter((l) => l.targetId === targetId);
}

/**
 * Deleting `target` together with the links pointing at it, as one command: the links are
 * cleared first, then the target goes, so one undo brings back the target and every link.
 */
export function deleteWithLinks(layer: readonly Annotation[], target: Annotation, defsOf: DefsOf, now: string): BatchCommand | SingleCommand {
  const incoming = linksTo(layer, target.id, defsOf);
  if (incoming.length === 0) return { kind: 'delete', annotation: target };
  // One update per source, clearing all of its links to the target (a source may link twice).
  const bySource = new Map<string, Annotation>();
  const original = new Map<string, Annotation>();
  for (const l of incoming) {
    const current = bySource.get(l.source.id) ?? l.source;
    original.set(l.source.id, l.source);
    const { [l.def.id]: _cleared, ...rest } = current.attributes ?? {};
    const { attributes: _old, ...base } = current;
    bySource.set(l.source.id, Object.keys(rest).length > 0 ? { ...base, attributes: rest, updatedAt: now } : { ...base, updatedAt: now });
  }
  const updates: SingleCommand[] = [...bySource].map(([id, after]) => ({ kind: 'update', before: original.get(id)!, after }));
  return { kind: 'batch', commands: [...updates, { kind: 'delete', annotation: target }] };
}

/** Whether two stored values are the same (choice lists compared in order). */
export function sameValue(a: AttributeValue | undefined, b: AttributeValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
