// The label schema analysts tag with. Every label has a hotkey, a colour and a non-colour cue
// (glyph + underline style) so labels stay readable for colour-blind readers and in print.

export type LabelId = 'claim' | 'casualty' | 'deployment';

export type UnderlineStyle = 'solid' | 'wavy' | 'double';

export interface LabelDef {
  readonly id: LabelId;
  readonly name: string;
  readonly hotkey: '1' | '2' | '3';
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
}

export const LABELS: readonly LabelDef[] = [
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
  },
];

export const LABEL_IDS: readonly LabelId[] = LABELS.map((l) => l.id);

export function isLabelId(value: unknown): value is LabelId {
  return typeof value === 'string' && (LABEL_IDS as readonly string[]).includes(value);
}

export function labelDef(id: LabelId): LabelDef {
  const def = LABELS.find((l) => l.id === id);
  if (!def) throw new Error(`unknown label ${id}`);
  return def;
}

export function labelForHotkey(key: string): LabelId | undefined {
  return LABELS.find((l) => l.hotkey === key)?.id;
}
