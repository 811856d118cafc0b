// Where an open's and an import's time went, from the User Timing marks the app leaves at each
// stage (renderer/app/stage-marks.ts), read in the page once the figure's own clock has stopped.
// The stages are the window's view: inside the import's worker, decoding and checking the file
// are one stage. A stage whose marks a sample lacks (an older build) is left out of its median.

import { STAGES } from '../../renderer/app/stage-marks.js';
import { APP_EVENTS } from '../../renderer/app/events.js';
import { summarize } from './report.js';

/**
 * A stage, ending at `to` (a mark or an app event) and starting where the stage before it ended,
 * or at the user's gesture for the first; the last, without `to`, ends with the figure.
 */
export interface Stage {
  readonly label: string;
  readonly to?: string;
}

export const OPEN_STAGES: readonly Stage[] = [
  { label: 'click → the document starts opening', to: STAGES.open },
  { label: 'reading the article, the layers and my layer’s chunk', to: STAGES.layerRead },
  { label: 'unpacking my layer', to: STAGES.layerUnpacked },
  { label: 'building the session', to: STAGES.session },
  { label: 'rendering → highlights painted' },
];

export const IMPORT_STAGES: readonly Stage[] = [
  { label: 'reading the file → the worker has it', to: STAGES.importChecking },
  { label: 'decoding and checking it (worker)', to: STAGES.importSaving },
  { label: 'the transaction until every write is done', to: STAGES.importCommitting },
  { label: 'committing', to: APP_EVENTS.importCommitted },
  { label: 'committed → the document open' },
];

/** In the page: each of the app's marks made since `t0` (the gesture), in ms after it. */
export function stageMarks(t0: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('spanmark:') && m.startTime >= t0) out[m.name] = m.startTime - t0;
  return out;
}

/** One sample's stage lengths, in the order given; undefined where a mark is missing. */
export function stageLengths(stages: readonly Stage[], marks: Readonly<Record<string, number>>, totalMs: number): (number | undefined)[] {
  const end = (s: Stage): number | undefined => (s.to === undefined ? totalMs : marks[s.to]);
  return stages.map((s, i) => {
    const from = i === 0 ? 0 : end(stages[i - 1]!);
    const to = end(s);
    return from === undefined || to === undefined ? undefined : to - from;
  });
}

/** Each stage's median over the samples that have it (NaN for none). */
export function stageMedians(
  stages: readonly Stage[],
  samples: readonly { readonly ms: number; readonly stages: Readonly<Record<string, number>> }[],
): number[] {
  const lengths = samples.map((s) => stageLengths(stages, s.stages, s.ms));
  return stages.map((_, i) => {
    const v = lengths.map((l) => l[i]).filter((x): x is number => x !== undefined);
    return v.length === 0 ? Number.NaN : summarize(v).median;
  });
}
