// What the soak expects of the stored records after each action, and an independent reading of the
// layer snapshot's columns. Deliberately not the app's code: the session, repo and column packer are
// what is under test, so the expectations are written again here from the documented behaviour
// (a label key adds one annotation, relabel changes only label and updatedAt, undo applies the
// inverse, import merges my layer by id and newest updatedAt and replaces a colleague's layer).
// Excluded: review decisions and notes (the soak does not make them).

export interface Ann {
  readonly id: string;
  readonly docId: string;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly quote: string;
  readonly annotator: string;
  readonly annotatorId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly note?: string;
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly provenance?: { readonly annotator: string; readonly annotationId: string; readonly modified: boolean };
}

export type Records = ReadonlyMap<string, Ann>;

/** One entry of the app's undo stack, as the driver saw it acknowledged. */
export type UndoEntry = { kind: 'create'; annotation: Ann } | { kind: 'update'; before: Ann; after: Ann } | { kind: 'delete'; annotation: Ann };

export type Action =
  | { kind: 'tag'; word: string; start: number; end: number; label: string }
  | { kind: 'relabel'; id: string; label: string }
  | { kind: 'delete'; id: string }
  | { kind: 'undo'; entry: UndoEntry }
  | { kind: 'import'; own: Ann[]; colleague: string; layer: Ann[] };

/** Key-sorted JSON without undefined members: two records are equal when these are. */
export function canonical(a: unknown): string {
  return JSON.stringify(a, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v)
            .filter(([, x]) => x !== undefined)
            .sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  );
}

export function byId(list: readonly Ann[]): Map<string, Ann> {
  return new Map(list.map((a) => [a.id, a]));
}

/** Differences between two record sets, as lines naming the ids; empty when equal. */
export function diffRecords(expected: Records, actual: Records): string[] {
  const out: string[] = [];
  for (const [id, e] of expected) {
    const a = actual.get(id);
    if (!a) out.push(`missing ${id} ${e.label}:${e.quote}`);
    else if (canonical(a) !== canonical(e)) out.push(`changed ${id}: expected ${canonical(e)}, stored ${canonical(a)}`);
  }
  for (const [id, a] of actual) if (!expected.has(id)) out.push(`unexpected ${id} ${a.label}:${a.quote}`);
  return out;
}

/** Ids of `expected` that are absent or different in `actual`: acknowledged edits lost. */
export function lostIds(expected: Records, actual: Records): string[] {
  return [...expected].filter(([id, e]) => canonical(actual.get(id)) !== canonical(e)).map(([id]) => id);
}

/**
 * Checks that `after` is `before` with `action` applied. Returns problems (empty when it is) and,
 * for a label key, the new annotation (whose id and time only the app knows).
 */
export function checkAction(action: Action, before: Records, after: Records, me: string, text: string): { problems: string[]; created?: Ann } {
  switch (action.kind) {
    case 'tag': {
      const added = [...after.values()].filter((a) => !before.has(a.id));
      const rest = new Map([...after].filter(([id]) => before.has(id)));
      const problems = diffRecords(before, rest);
      if (added.length !== 1) return { problems: [...problems, `expected 1 new annotation for "${action.word}", found ${added.length}`] };
      const n = added[0]!;
      const want = { label: action.label, start: action.start, end: action.end, quote: action.word, annotator: me };
      const got = { label: n.label, start: n.start, end: n.end, quote: n.quote, annotator: n.annotator };
      if (canonical(want) !== canonical(got)) problems.push(`new annotation ${canonical(got)} is not ${canonical(want)}`);
      if (text.slice(n.start, n.end) !== n.quote) problems.push(`new annotation's quote is not the text at ${n.start}..${n.end}`);
      if (n.createdAt !== n.updatedAt) problems.push(`new annotation has createdAt ${n.createdAt} != updatedAt ${n.updatedAt}`);
      return { problems, created: n };
    }
    case 'relabel': {
      const old = before.get(action.id);
      const now = after.get(action.id);
      if (!old || !now) return { problems: [`relabelled ${action.id} is ${old ? 'gone' : 'not in the records before'}`] };
      const problems = diffRecords(without(before, action.id), without(after, action.id));
      if (canonical({ ...now, label: old.label, updatedAt: old.updatedAt }) !== canonical(old) || now.label !== action.label)
        problems.push(`relabel of ${action.id} to ${action.label}: stored ${canonical(now)}`);
      if (now.updatedAt < old.updatedAt) problems.push(`relabel of ${action.id} went back in time: ${now.updatedAt} < ${old.updatedAt}`);
      return { problems };
    }
    case 'delete':
      return { problems: diffRecords(without(before, action.id), after) };
    case 'undo':
      return { problems: diffRecords(afterUndo(before, action.entry), after) };
    case 'import':
      return { problems: diffRecords(afterImport(before, action.own), after) };
  }
}

function without(m: Records, id: string): Map<string, Ann> {
  const next = new Map(m);
  next.delete(id);
  return next;
}

/** The inverse of the entry as the repository applies it: delete by id, put the old copy, add. */
export function afterUndo(before: Records, entry: UndoEntry): Map<string, Ann> {
  const next = new Map(before);
  if (entry.kind === 'create') next.delete(entry.annotation.id);
  else if (entry.kind === 'update') next.set(entry.before.id, entry.before);
  else next.set(entry.annotation.id, entry.annotation);
  return next;
}

/** My layer after importing my own annotations: new ids added, newer copies replace, equal ones stay. */
export function afterImport(before: Records, incoming: readonly Ann[]): Map<string, Ann> {
  const next = new Map(before);
  for (const a of incoming) {
    const old = before.get(a.id);
    if (!old) next.set(a.id, a);
    else if (
      old.label === a.label &&
      old.start === a.start &&
      old.end === a.end &&
      old.note === a.note &&
      old.updatedAt === a.updatedAt &&
      old.annotator === a.annotator
    )
      continue;
    else if (old.updatedAt > a.updatedAt) continue;
    else next.set(a.id, a);
  }
  return next;
}

/** The snapshot's columns as read raw from IndexedDB, typed arrays turned into plain arrays. */
export interface RawColumns {
  version: number;
  count: number;
  starts: number[];
  ends: number[];
  labelIndex: number[];
  labels: string[];
  annotatorIndex: number[];
  annotators: string[];
  annotatorIds: (string | null)[];
  ids: RawPacked;
  quotes: RawPacked;
  createdAt: RawPacked;
  updatedAt: RawPacked;
  notes: RawPacked;
  /** Version 3: one JSON array for the layer (null for none); version 2: one JSON text each. */
  attributes: string | RawPacked;
  provenance: { at: number; provenance: NonNullable<Ann['provenance']> }[];
}

export interface RawPacked {
  text: string;
  lengths: number[];
}

/** Each annotation's attribute values (null for none), from either version's packing, or why not. */
function valuesOf(c: RawColumns, n: number, unpack: (p: RawPacked, name: string) => (string | number)[] | string): (Record<string, unknown> | null)[] | string {
  if (c.version === 3) {
    if (typeof c.attributes !== 'string') return 'attributes is not one JSON text';
    const all = JSON.parse(c.attributes) as unknown;
    if (!Array.isArray(all) || all.length !== n) return `attributes is not a list of ${n}`;
    return all as (Record<string, unknown> | null)[];
  }
  if (typeof c.attributes === 'string') return 'attributes of version 2 is not packed';
  const each = unpack(c.attributes, 'attributes');
  if (typeof each === 'string') return each;
  return each.map((v) => (v === -1 ? null : (JSON.parse(String(v)) as Record<string, unknown>)));
}

/**
 * The annotations a snapshot holds, decoded from the documented packing (length -1: absent, -2:
 * implied by the text or by createdAt), or a reason it cannot be decoded.
 */
export function decodeColumns(c: RawColumns, docId: string, text: string): Ann[] | string {
  if (c.version !== 2 && c.version !== 3) return `columns version ${c.version}`;
  const n = c.count;
  for (const [name, col] of [
    ['starts', c.starts],
    ['ends', c.ends],
    ['labelIndex', c.labelIndex],
    ['annotatorIndex', c.annotatorIndex],
  ] as const) {
    if (col.length !== n) return `${name} has ${col.length} entries for ${n} annotations`;
  }
  const unpack = (p: RawPacked, name: string): (string | number)[] | string => {
    if (p.lengths.length !== n) return `${name} has ${p.lengths.length} lengths for ${n} annotations`;
    let at = 0;
    const out = p.lengths.map((len) => {
      if (len < 0) return len;
      const s = p.text.slice(at, at + len);
      at += len;
      return s;
    });
    return at === p.text.length ? out : `${name} lengths add up to ${at}, its text has ${p.text.length}`;
  };
  const ids = unpack(c.ids, 'ids');
  const quotes = unpack(c.quotes, 'quotes');
  const created = unpack(c.createdAt, 'createdAt');
  const updated = unpack(c.updatedAt, 'updatedAt');
  const notes = unpack(c.notes, 'notes');
  const attributes = valuesOf(c, n, unpack);
  for (const col of [ids, quotes, created, updated, notes, attributes]) if (typeof col === 'string') return col;
  const prov = new Map(c.provenance.map((p) => [p.at, p.provenance]));
  const out: Ann[] = [];
  for (let i = 0; i < n; i++) {
    const start = c.starts[i]!;
    const end = c.ends[i]!;
    const q = (quotes as (string | number)[])[i]!;
    const cr = (created as (string | number)[])[i]!;
    const up = (updated as (string | number)[])[i]!;
    const note = (notes as (string | number)[])[i]!;
    const id = (ids as (string | number)[])[i]!;
    const values = (attributes as (Record<string, unknown> | null)[])[i]!;
    const annotatorId = c.annotatorIds[c.annotatorIndex[i]!];
    if (typeof id !== 'string' || typeof cr !== 'string') return `annotation ${i} has no id or createdAt`;
    const a: Ann = {
      id,
      docId,
      label: c.labels[c.labelIndex[i]!] ?? `?${c.labelIndex[i]}`,
      start,
      end,
      quote: q === -2 ? text.slice(start, end) : String(q),
      annotator: c.annotators[c.annotatorIndex[i]!] ?? '?',
      ...(typeof annotatorId === 'string' ? { annotatorId } : {}),
      createdAt: cr,
      updatedAt: up === -2 ? cr : String(up),
      ...(note === -1 ? {} : { note: String(note) }),
      ...(values === null ? {} : { attributes: values }),
      ...(prov.has(i) ? { provenance: prov.get(i)! } : {}),
    };
    out.push(a);
  }
  return out;
}
