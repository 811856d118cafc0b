// How an imported file's label schema maps onto the library's, before anything is written. Same ids
// merge: the library keeps its own names, colours, hotkeys and requirements. What the library lacks
// (a label, an attribute of a label, a value of a choice) is an addition the analyst must confirm.
// A definition that cannot hold the file's values under the same id (another type, single against
// multiple choice, a link allowed to reach labels the library's does not) is a conflict: the import
// is refused, since any mapping would change what the values mean. Pure; the renderer asks and saves.

import type { AttributeDef } from './attributes.js';
import { HOTKEYS, type LabelDef, type LabelSchema } from './schema.js';

export interface SchemaAddition {
  readonly kind: 'label' | 'attribute' | 'values';
  /** Where, for the question: `actor`, `claim.speaker`, `casualty.kind`. */
  readonly at: string;
  /** What, in words: `label “Actor”`, `attribute “Speaker” (link) of claim`, `values “fled” of casualty.kind`. */
  readonly text: string;
}

export interface SchemaConflict {
  readonly at: string;
  readonly message: string;
}

export interface SchemaMerge {
  /** The library's schema with every addition (version + 1), or the library's own when nothing is added. */
  readonly merged: LabelSchema;
  readonly additions: readonly SchemaAddition[];
  readonly conflicts: readonly SchemaConflict[];
}

const q = (s: string): string => `“${s}”`;

export function mergeSchema(library: LabelSchema, file: LabelSchema): SchemaMerge {
  const additions: SchemaAddition[] = [];
  const conflicts: SchemaConflict[] = [];
  const labels: LabelDef[] = [...library.labels];
  const usedKeys = new Set(library.labels.map((l) => l.hotkey).filter((k): k is string => k !== undefined));
  for (const theirs of file.labels) {
    const at = labels.findIndex((l) => l.id === theirs.id);
    if (at < 0) {
      // A new label keeps its hotkey only when no label of the library has it.
      const { hotkey, ...rest } = theirs;
      const keep = hotkey !== undefined && HOTKEYS.includes(hotkey) && !usedKeys.has(hotkey);
      if (keep) usedKeys.add(hotkey);
      labels.push(keep ? theirs : rest);
      additions.push({ kind: 'label', at: theirs.id, text: `label ${q(theirs.name)} (${theirs.id}) with ${attributeList(theirs.attributes)}` });
      continue;
    }
    const ours = labels[at]!;
    const attributes = [...ours.attributes];
    for (const def of theirs.attributes) {
      const where = `${theirs.id}.${def.id}`;
      const i = attributes.findIndex((a) => a.id === def.id);
      if (i < 0) {
        attributes.push(def);
        additions.push({ kind: 'attribute', at: where, text: `attribute ${q(def.name)} (${def.type}) of ${ours.name}` });
        continue;
      }
      const mine = attributes[i]!;
      const conflict = definitionConflict(mine, def);
      if (conflict !== undefined) {
        conflicts.push({ at: where, message: `${where}: ${conflict}` });
        continue;
      }
      const extra = (def.values ?? []).filter((v) => !(mine.values ?? []).includes(v));
      if (extra.length > 0) {
        attributes[i] = { ...mine, values: [...(mine.values ?? []), ...extra] };
        additions.push({
          kind: 'values',
          at: where,
          text: `${extra.length === 1 ? 'value' : 'values'} ${extra.map(q).join(', ')} of ${ours.name} › ${mine.name}`,
        });
      }
    }
    labels[at] = attributes.length === ours.attributes.length && attributes.every((a, k) => a === ours.attributes[k]) ? ours : { ...ours, attributes };
  }
  const merged = additions.length > 0 && conflicts.length === 0 ? { ...library, version: library.version + 1, labels } : library;
  return { merged, additions, conflicts };
}

function attributeList(list: readonly AttributeDef[]): string {
  return list.length === 0 ? 'no attributes' : `attributes ${list.map((a) => `${q(a.name)} (${a.type})`).join(', ')}`;
}

/** Why the file's definition cannot share the library's id, or undefined when its values fit. */
function definitionConflict(mine: AttributeDef, theirs: AttributeDef): string | undefined {
  if (mine.type !== theirs.type) return `the file's attribute is a ${theirs.type}, the library's a ${mine.type}`;
  if (mine.type === 'choice' && Boolean(mine.multiple) !== Boolean(theirs.multiple)) {
    return `the file's choice takes ${theirs.multiple ? 'several values' : 'one value'}, the library's ${mine.multiple ? 'several' : 'one'}`;
  }
  if (mine.type === 'link' && mine.targets !== undefined) {
    const wider = theirs.targets === undefined ? ['any label'] : theirs.targets.filter((t) => !mine.targets!.includes(t));
    if (wider.length > 0) return `the file's link may point to ${wider.join(', ')}, the library's only to ${mine.targets.join(', ')}`;
  }
  return undefined;
}
