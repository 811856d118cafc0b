// Where an article sits in the library: in the default view (active), archived (hidden from it,
// shown by the Archived filter), or deleted (hidden, every layer of it kept until the deletion is
// undone or confirmed). Deleted wins over archived, so undoing a deletion puts an archived article
// back among the archived. Also the table's multi-select (click, Ctrl/⌘-click, Shift-click and
// the arrow keys), kept pure so the rules are tested without a browser.
// Excluded: the writes (renderer/library/shelf-repo.ts).

export type Shelf = 'active' | 'archived' | 'deleted';

export const SHELVES: readonly Shelf[] = ['active', 'archived', 'deleted'];

export const SHELF_LABEL: Readonly<Record<Shelf, string>> = { active: 'In the library', archived: 'Archived', deleted: 'Deleted' };

export function shelfOf(a: { readonly archivedAt?: string; readonly deletedAt?: string }): Shelf {
  if (a.deletedAt !== undefined) return 'deleted';
  if (a.archivedAt !== undefined) return 'archived';
  return 'active';
}

export function isShelf(v: unknown): v is Shelf {
  return typeof v === 'string' && (SHELVES as readonly string[]).includes(v);
}

/** The picked rows and the row a Shift range starts from. */
export interface Selection {
  readonly picked: ReadonlySet<string>;
  readonly anchor?: string;
}

export type PickMode = 'toggle' | 'range' | 'only';

/**
 * A click or key on row `id` of `order` (the rows shown, in their order). toggle (Ctrl/⌘, Space):
 * flips it and anchors there. range (Shift): exactly the rows from the anchor to it, anchor kept;
 * an anchor no longer shown starts the range at `id`. only: just it.
 */
export function pick(sel: Selection, order: readonly string[], id: string, mode: PickMode): Selection {
  if (mode === 'only') return { picked: new Set([id]), anchor: id };
  if (mode === 'toggle') {
    const picked = new Set(sel.picked);
    if (!picked.delete(id)) picked.add(id);
    return { picked, anchor: id };
  }
  const to = order.indexOf(id);
  if (to < 0) return sel;
  const anchor = sel.anchor !== undefined && order.includes(sel.anchor) ? sel.anchor : id;
  const from = order.indexOf(anchor);
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return { picked: new Set(order.slice(lo, hi + 1)), anchor };
}

/** The row the cursor moves to: one step, stopping at the ends; the first row when there is none yet. */
export function stepCursor(order: readonly string[], cursor: string | undefined, dir: 1 | -1): string | undefined {
  if (order.length === 0) return undefined;
  const at = cursor === undefined ? -1 : order.indexOf(cursor);
  if (at < 0) return order[dir === 1 ? 0 : order.length - 1];
  return order[Math.min(order.length - 1, Math.max(0, at + dir))];
}

/** What an action acts on: the picked rows that are shown, in shown order; else the cursor's row. */
export function actedOn(picked: ReadonlySet<string>, order: readonly string[], cursor: string | undefined): string[] {
  const shown = order.filter((id) => picked.has(id));
  if (shown.length > 0) return shown;
  return cursor !== undefined && order.includes(cursor) ? [cursor] : [];
}

/** The status line after a library action, e.g. "Deleted 2 articles." */
export function shelfMessage(kind: 'deleted' | 'archived' | 'unarchived' | 'restored' | 'purged', n: number): string {
  const what = `${n.toLocaleString('en')} ${n === 1 ? 'article' : 'articles'}`;
  switch (kind) {
    case 'deleted':
      return `Deleted ${what}; ${n === 1 ? 'its' : 'their'} annotations are kept until you empty Deleted.`;
    case 'archived':
      return `Archived ${what}.`;
    case 'unarchived':
      return `Moved ${what} back from the archive.`;
    case 'restored':
      return `Restored ${what} with every annotation.`;
    case 'purged':
      return `Deleted ${what} for good, with every layer and decision.`;
  }
}
