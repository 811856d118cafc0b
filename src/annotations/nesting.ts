// Overlapping spans of one label would paint as one merged highlight; giving each a nesting level
// (lowest level free among its same-label overlaps) lets the reader paint nested spans darker.

import type { Annotation } from './types.js';

export const MAX_NESTING_LEVEL = 2;

/**
 * Levels for a list in text order (see compareAnnotations), position by position. O(n · overlap
 * depth), allocating nothing per span beyond its open entry.
 */
export function nestingLevels(sorted: readonly Pick<Annotation, 'label' | 'start' | 'end'>[]): Uint8Array {
  const sweep = new NestingSweep(sorted);
  sweep.sweepTo(Number.POSITIVE_INFINITY);
  return sweep.levels;
}

/**
 * nestingLevels a piece at a time. A span's level depends only on spans that start before it, so
 * once the sweep has passed an offset every level before it is final: a reader can compute the
 * levels of what is on screen first and the rest when the browser is idle.
 */
export class NestingSweep {
  readonly levels: Uint8Array;
  private next = 0;
  /** Per label, the spans still open at the current start, compacted in place. */
  private readonly open = new Map<string, { end: number; level: number }[]>();

  constructor(private readonly sorted: readonly Pick<Annotation, 'label' | 'start' | 'end'>[]) {
    this.levels = new Uint8Array(sorted.length);
  }

  /** How many spans (from the first) have their level. */
  get swept(): number {
    return this.next;
  }

  get done(): boolean {
    return this.next >= this.sorted.length;
  }

  /** Gives a level to every span that starts before `offset`. */
  sweepTo(offset: number): void {
    while (this.next < this.sorted.length && this.sorted[this.next]!.start < offset) this.step();
  }

  /** Gives a level to the next `count` spans. */
  sweepCount(count: number): void {
    const stop = Math.min(this.sorted.length, this.next + count);
    while (this.next < stop) this.step();
  }

  private step(): void {
    const a = this.sorted[this.next]!;
    let active = this.open.get(a.label);
    if (active === undefined) this.open.set(a.label, (active = []));
    let used = 0;
    let kept = 0;
    for (const o of active) {
      if (o.end <= a.start) continue;
      active[kept++] = o;
      used |= 1 << o.level;
    }
    active.length = kept;
    const level = firstFreeIn(used);
    this.levels[this.next++] = level;
    active.push({ end: a.end, level });
  }
}

/** The lowest level whose bit is clear in `used`, capped at MAX_NESTING_LEVEL. */
function firstFreeIn(used: number): number {
  let level = 0;
  while (used & (1 << level) && level < MAX_NESTING_LEVEL) level += 1;
  return level;
}

/** The level a new span would get among existing ones, whose levels `levelOf` gives. */
export function levelAmong(
  span: Pick<Annotation, 'label' | 'start' | 'end'>,
  existing: readonly Pick<Annotation, 'id' | 'label' | 'start' | 'end'>[],
  levelOf: (id: string) => number | undefined,
): number {
  let used = 0;
  for (const o of existing) {
    if (o.label === span.label && o.start < span.end && span.start < o.end) used |= 1 << (levelOf(o.id) ?? 0);
  }
  return firstFreeIn(used);
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
