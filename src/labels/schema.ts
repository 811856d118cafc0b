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
}

export const LABELS: readonly LabelDef[] = [
  { id: 'claim', name: 'Claim', hotkey: '1', color: '#f6c94a', glyph: 'C', underline: 'solid', description: 'An assertion attributed to a source.' },
  { id: 'casualty', name: 'Casualty', hotkey: '2', color: '#ef7d7d', glyph: 'X', underline: 'wavy', description: 'People killed, wounded, detained or missing.' },
  { id: 'deployment', name: 'Deployment', hotkey: '3', color: '#6fb6f0', glyph: 'D', underline: 'double', description: 'Movement or posting of forces or units.' },
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
