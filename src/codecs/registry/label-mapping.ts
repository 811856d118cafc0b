// Mapping a file's labels onto the library's schema on import. A file label with the same id as a
// schema label, or the same name ignoring case, merges with it on its own; for every other label
// the analyst decides (map to an existing label, add it as a new label, or skip its annotations)
// and the decisions come in as data, so the dialog can remember them per format. Pure: this applies
// the decisions and reports what they did; storing labels and annotations is the caller's.

import type { LabelSchema } from '../../labels/schema.js';
import type { InterchangeAnnotation, InterchangeDocument } from './format.js';
import { describeAnnotation, LossCollector } from './losses.js';
import type { Loss } from './format.js';

export interface FileLabel {
  readonly id: string;
  readonly name: string;
}

export type LabelDecision = { readonly kind: 'map'; readonly to: string } | { readonly kind: 'add'; readonly name?: string } | { readonly kind: 'skip' };

/** How one file label relates to the schema before any decision. */
export type LabelMatch =
  | { readonly fileLabel: FileLabel; readonly kind: 'same-id' | 'same-name'; readonly schemaLabel: string }
  | { readonly fileLabel: FileLabel; readonly kind: 'undecided' };

/** A label the decisions add to the schema: the caller gives it a colour, glyph and hotkey. */
export interface NewLabel {
  readonly id: string;
  readonly name: string;
  readonly fileLabel: string;
}

export interface LabelMappingResult {
  /** The documents with every label a schema label id; skipped annotations removed. */
  readonly documents: InterchangeDocument[];
  readonly added: NewLabel[];
  /** Annotations dropped because their label was skipped (or left undecided), by file label. */
  readonly skipped: Loss[];
  /** Links from a kept annotation to a skipped one, removed with it. */
  readonly brokenLinks: Loss[];
  /** File labels that needed a decision and had none: their annotations are skipped too. */
  readonly undecided: FileLabel[];
  /** File label id → schema label id, for every label kept. */
  readonly mapping: Readonly<Record<string, string>>;
}

const fold = (s: string): string => s.normalize('NFC').toLocaleLowerCase('und');

export function matchLabels(fileLabels: readonly FileLabel[], schema: LabelSchema): LabelMatch[] {
  return fileLabels.map((fileLabel) => {
    const byId = schema.labels.find((l) => l.id === fileLabel.id);
    if (byId !== undefined) return { fileLabel, kind: 'same-id', schemaLabel: byId.id };
    const want = new Set([fold(fileLabel.id), fold(fileLabel.name)]);
    const byName = schema.labels.find((l) => want.has(fold(l.name)) || want.has(fold(l.id)));
    if (byName !== undefined) return { fileLabel, kind: 'same-name', schemaLabel: byName.id };
    return { fileLabel, kind: 'undecided' };
  });
}

/** A schema-safe id for a new label: lower-case, dashes, unique against the schema and other additions. */
function newLabelId(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize('NFC')
      .toLocaleLowerCase('und')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '') || 'label';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * Applies the decisions (by file label id). Automatic matches need none and win over a decision
 * only when no decision is given; a decision to map to a label the schema lacks counts as none.
 */
export function applyLabelMapping(
  documents: readonly InterchangeDocument[],
  fileLabels: readonly FileLabel[],
  schema: LabelSchema,
  decisions: Readonly<Record<string, LabelDecision>>,
): LabelMappingResult {
  const mapping = new Map<string, string>();
  const added: NewLabel[] = [];
  const undecided: FileLabel[] = [];
  const taken = new Set(schema.labels.map((l) => l.id));
  // Labels used by annotations but missing from the list still need a place.
  const all = [...fileLabels];
  for (const doc of documents) {
    for (const a of doc.annotations) if (!all.some((l) => l.id === a.label)) all.push({ id: a.label, name: a.label });
  }
  for (const match of matchLabels(all, schema)) {
    const id = match.fileLabel.id;
    const decision = Object.hasOwn(decisions, id) ? decisions[id] : undefined;
    if (decision?.kind === 'map' && schema.labels.some((l) => l.id === decision.to)) mapping.set(id, decision.to);
    else if (decision?.kind === 'add') {
      const name = decision.name?.trim() || match.fileLabel.name;
      const label = { id: newLabelId(name, taken), name, fileLabel: id };
      added.push(label);
      mapping.set(id, label.id);
    } else if (decision?.kind === 'skip') continue;
    else if (match.kind !== 'undecided') mapping.set(id, match.schemaLabel);
    else undecided.push(match.fileLabel);
  }

  const skipped = new LossCollector();
  const broken = new LossCollector();
  const out = documents.map((doc) => {
    const kept: InterchangeAnnotation[] = [];
    const dropped = new Set<string>();
    for (const a of doc.annotations) {
      const to = mapping.get(a.label);
      if (to === undefined) {
        skipped.add(`annotations labelled "${a.label}"`, describeAnnotation(a));
        dropped.add(a.id);
      } else kept.push(to === a.label ? a : { ...a, label: to });
    }
    const annotations = kept.map((a) => {
      const links = Object.entries(a.attributes ?? {}).filter(([, v]) => typeof v === 'string' && dropped.has(v));
      if (links.length === 0) return a;
      const attributes = Object.fromEntries(Object.entries(a.attributes ?? {}).filter(([k]) => !links.some(([l]) => l === k)));
      for (const [k] of links) {
        broken.add('links to skipped annotations', `${describeAnnotation(a)} → ${k}`);
      }
      return { ...a, attributes };
    });
    return { ...doc, annotations };
  });
  return { documents: out, added, skipped: skipped.losses(), brokenLinks: broken.losses(), undecided, mapping: Object.fromEntries(mapping) };
}
