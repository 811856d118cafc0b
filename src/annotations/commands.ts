// Every change to a layer is a command with an exact inverse, so undo/redo is replaying commands
// through the same repository path as the original edit (and is committed the same way).

import type { Annotation } from './types.js';

/** One change to one annotation. */
export type SingleCommand =
  | { readonly kind: 'create'; readonly annotation: Annotation }
  | { readonly kind: 'update'; readonly before: Annotation; readonly after: Annotation }
  | { readonly kind: 'delete'; readonly annotation: Annotation };

/**
 * Many changes made, undone and committed as one (tagging every match of a find): one undo step,
 * one transaction. Batches do not nest, so a batch's inverse is simply its inverses in reverse.
 */
export type BatchCommand = { readonly kind: 'batch'; readonly commands: readonly SingleCommand[] };

export type AnnotationCommand = SingleCommand | BatchCommand;

export function invertCommand(cmd: SingleCommand): SingleCommand;
export function invertCommand(cmd: AnnotationCommand): AnnotationCommand;
export function invertCommand(cmd: AnnotationCommand): AnnotationCommand {
  switch (cmd.kind) {
    case 'batch':
      return { kind: 'batch', commands: cmd.commands.map((c) => invertCommand(c)).reverse() };
    case 'create':
      return { kind: 'delete', annotation: cmd.annotation };
    case 'delete':
      return { kind: 'create', annotation: cmd.annotation };
    case 'update':
      return { kind: 'update', before: cmd.after, after: cmd.before };
  }
}

/**
 * Applies a command to an in-memory list, keeping text order. Returns a new array, copied once:
 * this runs on every keystroke against layers of 10,000 annotations.
 */
export function applyCommand(list: readonly Annotation[], cmd: AnnotationCommand): Annotation[] {
  return applyCommandTracked(list, cmd).list;
}

/**
 * What a command actually did to a list: the annotation it took out and the one it put in (a
 * single command), or all of them (a batch: `removed`/`added` are then undefined).
 */
export interface AppliedCommand {
  readonly list: Annotation[];
  readonly removed: Annotation | undefined;
  readonly added: Annotation | undefined;
  readonly removedAll?: readonly Annotation[];
  readonly addedAll?: readonly Annotation[];
}

/** applyCommand, also saying what was removed and added (so derived figures follow exactly). */
export function applyCommandTracked(list: readonly Annotation[], cmd: AnnotationCommand): AppliedCommand {
  if (cmd.kind === 'batch') return applyBatch(list, cmd);
  const next = [...list];
  const drop = cmd.kind === 'update' ? cmd.before : cmd.annotation;
  // A create's annotation is new, so only its own sort position is checked (a replayed create
  // must not duplicate it); scanning 10,000 ids for an id that is not there cost a keystroke ~2 ms.
  const at = cmd.kind === 'create' ? atKey(next, drop) : indexOf(next, drop);
  const removed = at >= 0 ? next.splice(at, 1)[0] : undefined;
  const added = cmd.kind === 'delete' ? undefined : cmd.kind === 'create' ? cmd.annotation : cmd.after;
  if (added) next.splice(lowerBound(next, added), 0, added);
  return { list: next, removed, added };
}

/**
 * What a batch leaves behind, by id: the annotation each touched id ends up as, or null where it
 * ends up deleted. Commands apply in order, as if run one by one.
 */
export function batchOutcome(commands: readonly SingleCommand[]): Map<string, Annotation | null> {
  const out = new Map<string, Annotation | null>();
  for (const c of commands) {
    if (c.kind === 'update') {
      out.set(c.before.id, null);
      out.set(c.after.id, c.after);
    } else out.set(c.annotation.id, c.kind === 'create' ? c.annotation : null);
  }
  return out;
}

/**
 * A batch applied in one pass (applying 10,000 creates one by one would copy a 10,000-long list
 * 10,000 times): every touched id is taken out, the survivors put back, and the two sorted lists
 * merged.
 */
function applyBatch(list: readonly Annotation[], cmd: BatchCommand): AppliedCommand {
  const outcome = batchOutcome(cmd.commands);
  const removedAll: Annotation[] = [];
  const kept: Annotation[] = [];
  for (const a of list) (outcome.has(a.id) ? removedAll : kept).push(a);
  const addedAll = [...outcome.values()].filter((a): a is Annotation => a !== null).sort(compareAnnotations);
  const merged: Annotation[] = [];
  let i = 0;
  let j = 0;
  while (i < kept.length || j < addedAll.length) {
    if (j >= addedAll.length || (i < kept.length && compareAnnotations(kept[i]!, addedAll[j]!) <= 0)) merged.push(kept[i++]!);
    else merged.push(addedAll[j++]!);
  }
  return { list: merged, removed: undefined, added: undefined, removedAll, addedAll };
}

/** The document a command changes; undefined for an empty batch. */
export function commandDocId(cmd: AnnotationCommand): string | undefined {
  if (cmd.kind === 'batch') return cmd.commands[0] && commandDocId(cmd.commands[0]);
  return cmd.kind === 'update' ? cmd.after.docId : cmd.annotation.docId;
}

/** Text order: by start, longer (enclosing) span first, then id for a stable total order. */
export function compareAnnotations(a: Pick<Annotation, 'start' | 'end' | 'id'>, b: Pick<Annotation, 'start' | 'end' | 'id'>): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The list in text order: as given (not copied) when it already is, which stored layers usually are. */
export function sortAnnotations<T extends Pick<Annotation, 'start' | 'end' | 'id'>>(list: readonly T[]): readonly T[] {
  return inTextOrder(list) ? list : [...list].sort(compareAnnotations);
}

/** Whether the list is in text order: O(n), where sorting is not. */
export function inTextOrder(list: readonly Pick<Annotation, 'start' | 'end' | 'id'>[]): boolean {
  for (let i = 1; i < list.length; i++) if (compareAnnotations(list[i - 1]!, list[i]!) > 0) return false;
  return true;
}

function lowerBound(list: readonly Annotation[], item: Pick<Annotation, 'start' | 'end' | 'id'>): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareAnnotations(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Position of an annotation with this id at its sort key, or -1. */
function atKey(list: readonly Annotation[], a: Annotation): number {
  const at = lowerBound(list, a);
  return list[at]?.id === a.id ? at : -1;
}

/** Position of an annotation by id: found by its sort key, with a scan if the key has moved. */
function indexOf(list: readonly Annotation[], a: Annotation): number {
  const at = atKey(list, a);
  return at >= 0 ? at : list.findIndex((x) => x.id === a.id);
}

/** A short human description for undo/redo menus and status lines. */
export function describeCommand(cmd: AnnotationCommand): string {
  switch (cmd.kind) {
    case 'batch':
      return describeBatch(cmd);
    case 'create':
      return `tag “${clip(cmd.annotation.quote)}” as ${cmd.annotation.label}`;
    case 'delete':
      return `delete “${clip(cmd.annotation.quote)}”`;
    case 'update':
      return cmd.before.label !== cmd.after.label
        ? `relabel “${clip(cmd.after.quote)}” as ${cmd.after.label}`
        : cmd.before.start !== cmd.after.start || cmd.before.end !== cmd.after.end
          ? `change the boundary of “${clip(cmd.after.quote)}”`
          : cmd.before.note !== cmd.after.note
            ? `edit the note on “${clip(cmd.after.quote)}”`
            : describeAttributeChange(cmd.before, cmd.after);
  }
}

/** Which attributes an update changed, by id (the schema's names are not known here). */
function describeAttributeChange(before: Annotation, after: Annotation): string {
  const ids = new Set([...Object.keys(before.attributes ?? {}), ...Object.keys(after.attributes ?? {})]);
  const changed = [...ids].filter((id) => JSON.stringify(before.attributes?.[id]) !== JSON.stringify(after.attributes?.[id]));
  return changed.length === 0 ? `edit “${clip(after.quote)}”` : `set ${changed.join(', ')} on “${clip(after.quote)}”`;
}

function describeBatch(cmd: BatchCommand): string {
  const [first] = cmd.commands;
  if (!first) return 'nothing';
  if (cmd.commands.length === 1) return describeCommand(first);
  const n = cmd.commands.length;
  if (cmd.commands.every((c) => c.kind === 'create')) {
    const labels = new Set(cmd.commands.map((c) => c.annotation.label));
    return labels.size === 1 ? `tag ${n} spans as ${[...labels][0]!}` : `tag ${n} spans`;
  }
  if (cmd.commands.every((c) => c.kind === 'delete')) return `delete ${n} spans`;
  return `${n} changes`;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}
