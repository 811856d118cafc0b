// Label decisions remembered per format (settings `labelMapping:<formatId>`): what the analyst
// decided last time for a file label is applied again without asking, as long as it still makes
// sense (a label mapped to must still exist). Adding a label is remembered as mapping to the label
// it added. Pure: reading and writing the setting is the renderer's. Not here: applying the
// decisions (label-mapping.ts).

import type { LabelSchema } from '../../labels/schema.js';
import { matchLabels, type FileLabel, type LabelDecision } from './label-mapping.js';

export type RememberedMapping = Readonly<Record<string, LabelDecision>>;

export const labelMappingKey = (formatId: string): string => `labelMapping:${formatId}`;

/** Whether a stored value is a mapping (anything else is ignored, as if never stored). */
export function isRememberedMapping(v: unknown): v is RememberedMapping {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((d: unknown) => {
    const x = d as { kind?: unknown; to?: unknown; name?: unknown } | null;
    if (typeof x !== 'object' || x === null) return false;
    if (x.kind === 'map') return typeof x.to === 'string';
    if (x.kind === 'add') return x.name === undefined || typeof x.name === 'string';
    return x.kind === 'skip';
  });
}

export interface DecisionPlan {
  /** Decisions that apply without asking (remembered ones still valid). */
  readonly decided: Record<string, LabelDecision>;
  /** File labels with no automatic match and no usable remembered decision: the dialog asks. */
  readonly ask: FileLabel[];
}

export function planDecisions(fileLabels: readonly FileLabel[], schema: LabelSchema, remembered: RememberedMapping): DecisionPlan {
  const decided: Record<string, LabelDecision> = {};
  const ask: FileLabel[] = [];
  for (const m of matchLabels(fileLabels, schema)) {
    if (m.kind !== 'undecided') continue;
    const id = m.fileLabel.id;
    const r = Object.hasOwn(remembered, id) ? remembered[id] : undefined;
    if (r?.kind === 'skip' || (r?.kind === 'map' && schema.labels.some((l) => l.id === r.to))) decided[id] = r;
    else ask.push(m.fileLabel);
  }
  return { decided, ask };
}

/** What to remember: earlier decisions kept, these added; an addition as a mapping to the label added. */
export function rememberDecisions(
  before: RememberedMapping,
  decisions: Readonly<Record<string, LabelDecision>>,
  mapping: Readonly<Record<string, string>>,
): Record<string, LabelDecision> {
  const out: Record<string, LabelDecision> = { ...before };
  for (const [id, d] of Object.entries(decisions)) {
    if (d.kind === 'add') {
      const to = Object.hasOwn(mapping, id) ? mapping[id] : undefined;
      if (to !== undefined) out[id] = { kind: 'map', to };
    } else out[id] = d;
  }
  return out;
}
