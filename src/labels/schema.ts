// The label schema analysts tag with. Every label has a hotkey, a colour and a non-colour cue
// (glyph + underline style) so labels stay readable for colour-blind readers and in print, and
// the attributes a span of that label can carry. The schema is data: DEFAULT_SCHEMA below is what
// a new library starts with; the library's own copy (editable) is what the app reads at run time.

import type { AttributeDef } from './attributes.js';

/**
 * A label's id as it appears in files: any string the library's schema defines. No code names a
 * particular label; everything reads the schema (tests/unit/labels/no-hardwired-labels.test.ts).
 */
export type LabelId = string;

/** Keys that tag with a label. */
export const HOTKEYS: readonly string[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export type UnderlineStyle = 'solid' | 'wavy' | 'double';

export interface LabelDef {
  readonly id: LabelId;
  readonly name: string;
  /** One of HOTKEYS, or absent for a label reached through the menu only. */
  readonly hotkey?: string;
  /** Background tint, CSS colour. */
  readonly color: string;
  /** Short text marker used wherever the label is named without colour. */
  readonly glyph: string;
  readonly underline: UnderlineStyle;
  readonly description: string;
  /**
   * The tagging guidelines for this label, shown in the Guidelines panel while tagging: what to
   * include, what to leave out, where the span starts and ends. One entry per paragraph.
   */
  readonly guidelines: readonly string[];
  /** What a span of this label can carry, in form order. */
  readonly attributes: readonly AttributeDef[];
}

export interface LabelSchema {
  /** Stable id of this schema lineage (a library keeps one id while its version grows). */
  readonly id: string;
  /** Increments with every change. */
  readonly version: number;
  readonly labels: readonly LabelDef[];
}

const DEFAULT_LABELS: readonly LabelDef[] = [
  {
    id: 'claim',
    name: 'Claim',
    hotkey: '1',
    color: '#f6c94a',
    glyph: 'C',
    underline: 'solid',
    description: 'An assertion attributed to a source.',
    guidelines: [
      'Tag what a named or implied source asserts as fact but the article does not itself establish: official statements, accusations, figures given by one side, predictions presented as certain.',
      'Span: the asserted content only — not the attribution ("the president said", "according to the ministry") and not the closing punctuation. A claim spread over two sentences is two claims.',
      "Not a claim: the reporter's own description of events, direct observation, or a quotation that only expresses an opinion or a wish.",
      'A claim containing a casualty figure or a troop movement is tagged as a claim, and the figure or movement inside it gets its own nested tag.',
    ],
    attributes: [
      { id: 'source', name: 'Source', type: 'text', fillFromSelection: true },
      { id: 'stance', name: 'Stance', type: 'choice', values: ['asserted', 'denied', 'reported', 'speculative'] },
      { id: 'status', name: 'Status', type: 'choice', values: ['confirmed', 'disputed', 'unverified'] },
    ],
  },
  {
    id: 'casualty',
    name: 'Casualty',
    hotkey: '2',
    color: '#ef7d7d',
    glyph: 'X',
    underline: 'wavy',
    description: 'People killed, wounded, detained or missing.',
    guidelines: [
      'Tag every mention of people killed, wounded, detained, arrested or missing, with its number when there is one ("18 security officers were killed", "about 1,000 injured").',
      'Span: from the number (or the group when there is no number) to the verb of what happened to them. Include the group ("police officers", "civilians"); leave out where and when.',
      'Tag each figure separately even when they contradict each other; a revised figure is a new casualty span. Damage to property alone is not a casualty.',
    ],
    attributes: [
      { id: 'count', name: 'Count', type: 'quantity' },
      { id: 'kind', name: 'Kind', type: 'choice', values: ['killed', 'injured', 'detained', 'missing', 'displaced'], multiple: true },
      { id: 'group', name: 'Group', type: 'choice', values: ['civilians', 'protesters', 'security forces', 'military', 'unknown'] },
      { id: 'place', name: 'Place', type: 'text' },
      { id: 'date', name: 'Date', type: 'date' },
    ],
  },
  {
    id: 'deployment',
    name: 'Deployment',
    hotkey: '3',
    color: '#6fb6f0',
    glyph: 'D',
    underline: 'double',
    description: 'Movement or posting of forces or units.',
    guidelines: [
      'Tag the movement, arrival, posting or withdrawal of armed forces, police, peacekeepers or named units ("CSTO peacekeepers arrived in Almaty", "troops were withdrawn from the airport").',
      'Span: the force and the movement, with the destination when it is in the same clause. Leave out the reason and the source of the report.',
      'Not a deployment: a decision or request to send forces that has not happened yet — tag that as a claim if it is attributed — nor the mere presence of forces without movement.',
    ],
    attributes: [
      { id: 'force', name: 'Force', type: 'text' },
      { id: 'origin', name: 'Origin', type: 'text' },
      { id: 'size', name: 'Size', type: 'quantity' },
      { id: 'place', name: 'Place', type: 'text' },
      { id: 'date', name: 'Date', type: 'date' },
    ],
  },
];

/** What a new library starts with; analysts edit their library's copy in Settings. */
export const DEFAULT_SCHEMA: LabelSchema = { id: 'spanmark-default', version: 1, labels: DEFAULT_LABELS };

export function labelIds(schema: LabelSchema): LabelId[] {
  return schema.labels.map((l) => l.id);
}

export function findLabel(schema: LabelSchema, id: LabelId): LabelDef | undefined {
  return schema.labels.find((l) => l.id === id);
}

export function hasLabel(schema: LabelSchema, id: unknown): id is LabelId {
  return typeof id === 'string' && schema.labels.some((l) => l.id === id);
}

export function labelForHotkey(schema: LabelSchema, key: string): LabelId | undefined {
  return schema.labels.find((l) => l.hotkey === key)?.id;
}

/** The schema's label keys in words, for hints: "1, 2 or 3"; "a label key" when none is bound. */
export function labelKeysText(schema: LabelSchema): string {
  const keys = schema.labels.flatMap((l) => (l.hotkey === undefined ? [] : [l.hotkey])).sort();
  if (keys.length === 0) return 'a label key';
  return keys.length === 1 ? keys[0]! : `${keys.slice(0, -1).join(', ')} or ${keys[keys.length - 1]!}`;
}

/**
 * How to show a label the schema lacks (a colleague's label this library does not have, or one
 * from an import): its id as name, a neutral grey and a "?" glyph, so it is visible and never
 * mistaken for one of ours. Never stored.
 */
export function unknownLabel(id: LabelId): LabelDef {
  return {
    id,
    name: id,
    color: '#b8b8b8',
    glyph: '?',
    underline: 'solid',
    description: 'Not a label of this library’s schema.',
    guidelines: [],
    attributes: [],
  };
}

/** The label's definition, or the unknownLabel stand-in. */
export function labelOrUnknown(schema: LabelSchema, id: LabelId): LabelDef {
  return findLabel(schema, id) ?? unknownLabel(id);
}
