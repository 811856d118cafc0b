// Overlapping spans of one label would paint as one merged highlight; giving each a nesting level
// (lowest level free among its same-label overlaps) lets the reader paint nested spans darker.

import type { Annotation } from './types.js';

export const MAX_NESTING_LEVEL = 2;

/** Levels for a list in text order (see compareAnnotations). O(n · overlap depth). */
export function nestingLevels(sorted: readonly Pick<Annotation, 'id' | 'label' | 'start' | 'end'>[]): Map<string, number> {
  const levels = new Map<string, number>();
  const open = new Map<string, { end: number; level: number }[]>();
  for (const a of sorted) {
    const active = (open.get(a.label) ?? []).filter((o) => o.end > a.start);
    const level = firstFree(active.map((o) => o.level));
    levels.set(a.id, level);
    active.push({ end: a.end, level });
    open.set(a.label, active);
  }
  return levels;
}

/** The level a new span would get among existing ones. */
export function levelAmong(
  span: Pick<Annotation, 'label' | 'start' | 'end'>,
  existing: readonly Pick<Annotation, 'id' | 'label' | 'start' | 'end'>[],
  levels: ReadonlyMap<string, number>,
): number {
  const used = existing
    .filter((o) => o.label === span.label && o.start < span.end && span.start < o.end)
    .map((o) => levels.get(o.id) ?? 0);
  return firstFree(used);
}

function firstFree(used: readonly number[]): number {
  let level = 0;
  while (used.includes(level) && level < MAX_NESTING_LEVEL) level += 1;
  return level;
}

/** Annotations covering a UTF-16 offset, innermost (shortest) first. */
export function annotationsAt<T extends Pick<Annotation, 'start' | 'end'>>(sorted: readonly T[], offset: number): T[] {
  const hits: T[] = [];
  for (const a of sorted) {
    if (a.start > offset) break;
    if (offset < a.end) hits.push(a);
  }
  return hits.sort((x, y) => x.end - x.start - (y.end - y.start));
}
