// Next / previous annotation for the keyboard (`]` / `[`): the side panel's order (text order by
// start, then outer-first: compareAnnotations), skipping labels the filter hides. Stepping starts
// from the selected annotation when there is one, else from the caret. Past the last (or before
// the first) it wraps, and says so, so a working day never dead-ends at the bottom of the article.
// Pure: the caller reads the caret offset and does the selecting and scrolling.

import { compareAnnotations } from './commands.js';
import type { Annotation } from './types.js';
import type { LabelId } from '../labels/schema.js';

type Nav = Pick<Annotation, 'id' | 'start' | 'end' | 'label'>;

/** Where stepping starts: the selected annotation (found by id), else a caret offset, else nothing. */
export interface NavFrom {
  readonly selectedId?: string | null | undefined;
  /** UTF-16 offset of the caret in the article text. */
  readonly caret?: number | undefined;
}

export interface NavResult<T> {
  readonly annotation: T;
  /** True when the step went past the last (or first) shown annotation and came round. */
  readonly wrapped: boolean;
}

/**
 * The annotation after (`dir` 1) or before (`dir` -1) the starting point in `sorted` (text order),
 * among those whose label is not in `hidden`; undefined when none is shown.
 *
 * From a caret, "next" is the first span starting at or after it (so a caret at a span's start
 * goes to that span, outermost first) and "previous" the last span starting before it (a caret
 * inside a span goes back to that span). A selected id that is not in the list (deleted meanwhile)
 * counts as no selection. A hidden selected span still anchors the step by its position.
 */
export function stepAnnotation<T extends Nav>(sorted: readonly T[], hidden: ReadonlySet<LabelId>, from: NavFrom, dir: 1 | -1): NavResult<T> | undefined {
  const shown = (a: T) => !hidden.has(a.label);
  const selected = from.selectedId ? sorted.find((a) => a.id === from.selectedId) : undefined;
  // A caret at offset c sorts after the spans starting before c and before those starting at c or later.
  const before = selected ? (a: T) => compareAnnotations(a, selected) < 0 : from.caret !== undefined ? (a: T) => a.start < from.caret! : () => false;
  const after = selected ? (a: T) => compareAnnotations(a, selected) > 0 : from.caret !== undefined ? (a: T) => a.start >= from.caret! : () => true;
  const placed = selected !== undefined || from.caret !== undefined;
  // `before` is a prefix of the sorted list: the boundary is found by binary search.
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(sorted[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  if (dir === 1) {
    for (let i = lo; i < sorted.length; i++) if (after(sorted[i]!) && shown(sorted[i]!)) return { annotation: sorted[i]!, wrapped: false };
    for (let i = 0; i < sorted.length; i++) if (shown(sorted[i]!) && sorted[i]!.id !== selected?.id) return { annotation: sorted[i]!, wrapped: placed };
  } else {
    for (let i = lo - 1; i >= 0; i--) if (shown(sorted[i]!)) return { annotation: sorted[i]!, wrapped: false };
    for (let i = sorted.length - 1; i >= 0; i--) if (shown(sorted[i]!) && sorted[i]!.id !== selected?.id) return { annotation: sorted[i]!, wrapped: placed };
  }
  // The only shown span is the selected one: it stays selected.
  return selected && shown(selected) ? { annotation: selected, wrapped: false } : undefined;
}
