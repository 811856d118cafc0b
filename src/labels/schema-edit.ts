// The schema editor's operations as pure functions: each takes a schema and one edit and returns
// the next schema (version + 1) or a message saying why the edit is refused. The Settings editor
// applies them, saves the result and keeps the previous schemas for undo; nothing here touches
// storage or annotations. Edits that would invalidate stored values (deleting a label or a choice
// value, changing an attribute's type) are here too, but their impact on annotations and the
// migration are schema-impact.ts's.

import { ok, type Result } from '../result.js';
import { ATTRIBUTE_TYPES, type AttributeDef, type AttributeType } from './attributes.js';
import { isLabelColor, labelColours, PALETTES } from './label-style.js';
import { HOTKEYS, type LabelDef, type LabelId, type LabelSchema, type UnderlineStyle } from './schema.js';
import { deltaE } from '../color/difference.js';
import { parseColor, type Rgba } from '../color/contrast.js';

export const MAX_NAME_LENGTH = 60;
export const MAX_CHOICE_VALUES = 50;

export type SchemaEdit =
  | { readonly kind: 'add-label'; readonly name: string; readonly hotkey?: string; readonly color?: string }
  | { readonly kind: 'rename-label'; readonly label: LabelId; readonly name: string }
  | { readonly kind: 'recolor-label'; readonly label: LabelId; readonly color: string }
  | { readonly kind: 'move-label'; readonly label: LabelId; readonly to: number }
  | { readonly kind: 'set-hotkey'; readonly label: LabelId; readonly hotkey: string | undefined }
  | { readonly kind: 'delete-label'; readonly label: LabelId }
  | {
      readonly kind: 'add-attribute';
      readonly label: LabelId;
      readonly name: string;
      readonly type: AttributeType;
      readonly values?: readonly string[];
      readonly multiple?: boolean;
      readonly targets?: readonly LabelId[];
    }
  | { readonly kind: 'rename-attribute'; readonly label: LabelId; readonly attribute: string; readonly name: string }
  | { readonly kind: 'move-attribute'; readonly label: LabelId; readonly attribute: string; readonly to: number }
  | { readonly kind: 'set-choice-values'; readonly label: LabelId; readonly attribute: string; readonly values: readonly string[] }
  | { readonly kind: 'set-link-targets'; readonly label: LabelId; readonly attribute: string; readonly targets: readonly LabelId[] }
  | { readonly kind: 'set-attribute-type'; readonly label: LabelId; readonly attribute: string; readonly type: AttributeType }
  | { readonly kind: 'delete-attribute'; readonly label: LabelId; readonly attribute: string };

/** Applies one edit; the result's version is one more than `schema`'s. */
export function applySchemaEdit(schema: LabelSchema, edit: SchemaEdit): Result<LabelSchema, string> {
  const next = edited(schema, edit);
  if (!next.ok) return next;
  const problem = schemaProblem(next.value);
  if (problem !== undefined) return { ok: false, error: problem };
  return ok({ ...next.value, id: schema.id, version: schema.version + 1 });
}

const refuse = (message: string): Result<never, string> => ({ ok: false, error: message });

function edited(schema: LabelSchema, edit: SchemaEdit): Result<LabelSchema, string> {
  const labels = schema.labels;
  if (edit.kind === 'add-label') {
    const name = cleanName(edit.name, 'label');
    if (!name.ok) return name;
    if (labels.some((l) => l.name.toLocaleLowerCase() === name.value.toLocaleLowerCase())) return refuse(`A label named “${name.value}” already exists.`);
    const hotkey = edit.hotkey === undefined ? freeHotkey(schema) : edit.hotkey;
    const taken = hotkeyTaken(schema, hotkey, undefined);
    if (taken !== undefined) return refuse(taken);
    const color = edit.color ?? distinctColor(schema);
    if (!isLabelColor(color)) return refuse(`“${color}” is not a colour (use #rrggbb).`);
    const def: LabelDef = {
      id: newId(
        name.value,
        labels.map((l) => l.id),
      ),
      name: name.value,
      ...(hotkey === undefined ? {} : { hotkey }),
      color,
      glyph: freeGlyph(schema, name.value),
      underline: leastUsedUnderline(schema),
      description: '',
      guidelines: [],
      attributes: [],
    };
    return ok({ ...schema, labels: [...labels, def] });
  }
  if (edit.kind === 'rename-label') {
    const name = cleanName(edit.name, 'label');
    if (!name.ok) return name;
    if (labels.some((l) => l.id !== edit.label && l.name.toLocaleLowerCase() === name.value.toLocaleLowerCase())) {
      return refuse(`A label named “${name.value}” already exists.`);
    }
    return withLabel(schema, edit.label, (l) => ok({ ...l, name: name.value }));
  }
  if (edit.kind === 'recolor-label') {
    if (!isLabelColor(edit.color)) return refuse(`“${edit.color}” is not a colour (use #rrggbb).`);
    return withLabel(schema, edit.label, (l) => ok({ ...l, color: edit.color }));
  }
  if (edit.kind === 'move-label') {
    const from = labels.findIndex((l) => l.id === edit.label);
    if (from < 0) return refuse(`No label ${edit.label}.`);
    return ok({ ...schema, labels: moved(labels, from, edit.to) });
  }
  if (edit.kind === 'set-hotkey') {
    const taken = hotkeyTaken(schema, edit.hotkey, edit.label);
    if (taken !== undefined) return refuse(taken);
    return withLabel(schema, edit.label, (l) => {
      const { hotkey: _old, ...rest } = l;
      return ok(edit.hotkey === undefined ? rest : { ...rest, hotkey: edit.hotkey });
    });
  }
  if (edit.kind === 'delete-label') {
    if (!labels.some((l) => l.id === edit.label)) return refuse(`No label ${edit.label}.`);
    if (labels.length === 1) return refuse('The schema needs at least one label.');
    // Link attributes that could point only to the deleted label would point nowhere: their
    // target list loses it (and an attribute left with no target keeps "any label").
    return ok({
      ...schema,
      labels: labels
        .filter((l) => l.id !== edit.label)
        .map((l) => ({
          ...l,
          attributes: l.attributes.map((a) =>
            a.targets?.includes(edit.label) ? withoutKey({ ...a, targets: a.targets.filter((t) => t !== edit.label) }, 'targets', (t) => t.length === 0) : a,
          ),
        })),
    });
  }
  if (edit.kind === 'add-attribute') {
    const name = cleanName(edit.name, 'attribute');
    if (!name.ok) return name;
    if (!ATTRIBUTE_TYPES.includes(edit.type)) return refuse(`“${String(edit.type)}” is not an attribute type (${ATTRIBUTE_TYPES.join(', ')}).`);
    return withLabel(schema, edit.label, (l) => {
      if (l.attributes.some((a) => a.name.toLocaleLowerCase() === name.value.toLocaleLowerCase())) {
        return refuse(`${l.name} already has an attribute named “${name.value}”.`);
      }
      const base: AttributeDef = {
        id: newId(
          name.value,
          l.attributes.map((a) => a.id),
        ),
        name: name.value,
        type: edit.type,
      };
      const extra = typeFields(schema, edit.type, edit.values, edit.multiple, edit.targets);
      if (!extra.ok) return extra;
      return ok({ ...l, attributes: [...l.attributes, { ...base, ...extra.value }] });
    });
  }
  if (edit.kind === 'rename-attribute') {
    const name = cleanName(edit.name, 'attribute');
    if (!name.ok) return name;
    return withAttribute(schema, edit.label, edit.attribute, (a, l) =>
      l.attributes.some((o) => o.id !== a.id && o.name.toLocaleLowerCase() === name.value.toLocaleLowerCase())
        ? refuse(`${l.name} already has an attribute named “${name.value}”.`)
        : ok({ ...a, name: name.value }),
    );
  }
  if (edit.kind === 'move-attribute') {
    return withLabel(schema, edit.label, (l) => {
      const from = l.attributes.findIndex((a) => a.id === edit.attribute);
      if (from < 0) return refuse(`${l.name} has no attribute ${edit.attribute}.`);
      return ok({ ...l, attributes: moved(l.attributes, from, edit.to) });
    });
  }
  if (edit.kind === 'set-choice-values') {
    return withAttribute(schema, edit.label, edit.attribute, (a) => {
      if (a.type !== 'choice') return refuse(`${a.name} is not a choice.`);
      const values = cleanValues(edit.values);
      return values.ok ? ok({ ...a, values: values.value }) : values;
    });
  }
  if (edit.kind === 'set-link-targets') {
    return withAttribute(schema, edit.label, edit.attribute, (a) => {
      if (a.type !== 'link') return refuse(`${a.name} is not a link.`);
      const t = cleanTargets(schema, edit.targets);
      if (!t.ok) return t;
      return ok(t.value.length === 0 ? withoutKey(a, 'targets', () => true) : { ...a, targets: t.value });
    });
  }
  if (edit.kind === 'set-attribute-type') {
    if (!ATTRIBUTE_TYPES.includes(edit.type)) return refuse(`“${String(edit.type)}” is not an attribute type (${ATTRIBUTE_TYPES.join(', ')}).`);
    return withAttribute(schema, edit.label, edit.attribute, (a) => {
      const { values: _v, multiple: _m, targets: _t, fillFromSelection: _f, ...rest } = a;
      const extra = typeFields(schema, edit.type, a.values ?? [], a.multiple, []);
      if (!extra.ok) return extra;
      return ok({ ...rest, type: edit.type, ...extra.value });
    });
  }
  // delete-attribute
  return withLabel(schema, edit.label, (l) => {
    if (!l.attributes.some((a) => a.id === edit.attribute)) return refuse(`${l.name} has no attribute ${edit.attribute}.`);
    return ok({ ...l, attributes: l.attributes.filter((a) => a.id !== edit.attribute) });
  });
}

function typeFields(
  schema: LabelSchema,
  type: AttributeType,
  values: readonly string[] | undefined,
  multiple: boolean | undefined,
  targets: readonly LabelId[] | undefined,
): Result<Partial<AttributeDef>, string> {
  if (type === 'choice') {
    const v = cleanValues(values ?? []);
    if (!v.ok) return v;
    return ok({ values: v.value, ...(multiple ? { multiple: true } : {}) });
  }
  if (type === 'link') {
    const t = cleanTargets(schema, targets ?? []);
    if (!t.ok) return t;
    return ok(t.value.length === 0 ? {} : { targets: t.value });
  }
  return ok({});
}

function withoutKey<T extends object, K extends keyof T>(o: T, key: K, drop: (v: NonNullable<T[K]>) => boolean): T {
  const v = o[key];
  if (v === undefined || v === null || !drop(v)) return o;
  const copy = { ...o };
  delete copy[key];
  return copy;
}

function withLabel(schema: LabelSchema, id: LabelId, f: (l: LabelDef) => Result<LabelDef, string>): Result<LabelSchema, string> {
  const i = schema.labels.findIndex((l) => l.id === id);
  if (i < 0) return refuse(`No label ${id}.`);
  const next = f(schema.labels[i]!);
  if (!next.ok) return next;
  return ok({ ...schema, labels: schema.labels.map((l, j) => (j === i ? next.value : l)) });
}

function withAttribute(
  schema: LabelSchema,
  label: LabelId,
  attribute: string,
  f: (a: AttributeDef, l: LabelDef) => Result<AttributeDef, string>,
): Result<LabelSchema, string> {
  return withLabel(schema, label, (l) => {
    const i = l.attributes.findIndex((a) => a.id === attribute);
    if (i < 0) return refuse(`${l.name} has no attribute ${attribute}.`);
    const next = f(l.attributes[i]!, l);
    if (!next.ok) return next;
    return ok({ ...l, attributes: l.attributes.map((a, j) => (j === i ? next.value : a)) });
  });
}

function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  const at = Math.max(0, Math.min(copy.length, Math.trunc(to)));
  copy.splice(at, 0, item!);
  return copy;
}

/** Trimmed, inner whitespace runs (CR/LF/tabs too) made one space, non-empty, at most 60 characters. */
function cleanName(raw: string, what: string): Result<string, string> {
  const name = raw.replace(/\s+/gu, ' ').trim();
  if (name === '') return refuse(`A ${what} needs a name.`);
  if ([...name].length > MAX_NAME_LENGTH) return refuse(`A ${what} name is at most ${MAX_NAME_LENGTH} characters.`);
  return ok(name);
}

function cleanValues(raw: readonly string[]): Result<string[], string> {
  const values = raw.map((v) => v.replace(/\s+/gu, ' ').trim());
  if (values.length === 0) return refuse('A choice needs at least one value.');
  if (values.length > MAX_CHOICE_VALUES) return refuse(`A choice has at most ${MAX_CHOICE_VALUES} values.`);
  const empty = values.findIndex((v) => v === '');
  if (empty >= 0) return refuse(`Value ${empty + 1} is empty.`);
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return refuse(`“${v}” is listed twice.`);
    seen.add(v);
  }
  return ok(values);
}

function cleanTargets(schema: LabelSchema, targets: readonly LabelId[]): Result<LabelId[], string> {
  const unknown = targets.find((t) => !schema.labels.some((l) => l.id === t));
  if (unknown !== undefined) return refuse(`A link can only target labels of the schema; there is no label ${unknown}.`);
  return ok([...new Set(targets)]);
}

/** Why `hotkey` cannot be given to `label` (undefined when it can). */
function hotkeyTaken(schema: LabelSchema, hotkey: string | undefined, label: LabelId | undefined): string | undefined {
  if (hotkey === undefined) return undefined;
  if (!HOTKEYS.includes(hotkey)) return `“${hotkey}” is not a label key: use 1 to 9.`;
  const holder = schema.labels.find((l) => l.hotkey === hotkey && l.id !== label);
  return holder === undefined ? undefined : `Key ${hotkey} already tags ${holder.name}; give ${holder.name} another key first.`;
}

function freeHotkey(schema: LabelSchema): string | undefined {
  return HOTKEYS.find((k) => !schema.labels.some((l) => l.hotkey === k));
}

/**
 * A stable id from a name: lower-case letters, digits and `-` (so it is a plain CSS name too),
 * made unique with -2, -3…; a name with no such character gets "label".
 */
export function newId(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .replace(/^(\d)/, 'n$1') || 'label';
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}-${i}`)) return `${base}-${i}`;
}

function freeGlyph(schema: LabelSchema, name: string): string {
  const used = new Set(schema.labels.map((l) => l.glyph));
  const candidates = [...name.toLocaleUpperCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
  return candidates.find((c) => !used.has(c)) ?? [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789'].find((c) => !used.has(c)) ?? '?';
}

function leastUsedUnderline(schema: LabelSchema): UnderlineStyle {
  const styles: UnderlineStyle[] = ['solid', 'wavy', 'double'];
  const count = (s: UnderlineStyle) => schema.labels.filter((l) => l.underline === s).length;
  return styles.reduce((best, s) => (count(s) < count(best) ? s : best));
}

/** Colours a new label is given from, in order of preference. */
const CANDIDATE_COLORS = ['#9b7ede', '#5cc98b', '#f29b4b', '#e57ac2', '#4fc3c8', '#b8c94a', '#c99a6b', '#7e9bde', '#de7e7e', '#8fd16b'];

/**
 * The candidate whose ink (light and dark theme) is furthest (CIE76) from every existing label's,
 * so a new label does not look like an old one. Contrast with the page is the stylesheet's job
 * (label-style.ts moves every ink to 4.5:1), so any candidate is readable.
 */
export function distinctColor(schema: LabelSchema): string {
  const inks = (color: string): Rgba[] =>
    (['light', 'dark'] as const).map((t) => {
      const c = parseColor(labelColours(color, PALETTES[t]).ink);
      return c.ok ? c.value : { r: 0, g: 0, b: 0, a: 1 };
    });
  const existing = schema.labels.map((l) => inks(l.color));
  let best = CANDIDATE_COLORS[0]!;
  let bestDistance = -1;
  for (const c of CANDIDATE_COLORS) {
    const mine = inks(c);
    const d = Math.min(Number.POSITIVE_INFINITY, ...existing.map((e) => Math.min(deltaE(e[0]!, mine[0]!), deltaE(e[1]!, mine[1]!))));
    if (d > bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** What is wrong with a schema as a whole (undefined when nothing): ids, names, keys, targets. */
export function schemaProblem(schema: LabelSchema): string | undefined {
  if (schema.labels.length === 0) return 'The schema needs at least one label.';
  const ids = new Set<string>();
  const keys = new Map<string, string>();
  for (const l of schema.labels) {
    if (l.id === '') return 'A label has an empty id.';
    if (ids.has(l.id)) return `Two labels have the id ${l.id}.`;
    ids.add(l.id);
    if (l.hotkey !== undefined) {
      if (!HOTKEYS.includes(l.hotkey)) return `${l.name}'s key “${l.hotkey}” is not 1 to 9.`;
      const other = keys.get(l.hotkey);
      if (other !== undefined) return `Key ${l.hotkey} is given to both ${other} and ${l.name}.`;
      keys.set(l.hotkey, l.name);
    }
    const attrs = new Set<string>();
    for (const a of l.attributes) {
      if (attrs.has(a.id)) return `${l.name} has two attributes with the id ${a.id}.`;
      attrs.add(a.id);
    }
  }
  for (const l of schema.labels)
    for (const a of l.attributes)
      for (const t of a.targets ?? []) if (!ids.has(t)) return `${l.name} › ${a.name} links to ${t}, which is not a label of the schema.`;
  return undefined;
}
