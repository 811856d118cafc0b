// A layer packed into a few columns for storage as one record: typed arrays for the numbers and
// one concatenated string per text field. IndexedDB clones this in a few milliseconds, where ten
// thousand annotation objects took ~50 ms to read back, which was most of opening a long document.
// What is implied is not stored: a quote equal to the text at its offsets is cut from the text
// again, an updatedAt equal to createdAt is not written twice (reading costs ~10 ms per MB here).
// Attribute values are one JSON array for the whole layer (version 3): 10,000 JSON.parse calls of
// one object each took ~25 ms to open a layer, one call of the array ~9 ms.
// Unpacking refuses (undefined) anything that does not add up, so a damaged cache is ignored.
// Every field of Annotation has a column (the property test enumerates them). Version 2 (values as
// one JSON text per annotation) is still read: my layer's chunks are the layer itself, not a
// cache, and a library written by an older build holds them. Version 1 left out annotatorId and
// had no attributes; only snapshots were written so, and they are ignored and rebuilt.

import type { Annotation, Provenance } from './types.js';
import type { AttributeValues } from '../labels/attributes.js';

export const COLUMNS_VERSION = 3;

/** Columns as written now. */
export interface LayerColumns extends ColumnsCommon {
  /** Bumped if the packing changes; a reader refuses a version it does not know. */
  readonly version: typeof COLUMNS_VERSION;
  /** Every annotation's attribute values (links included), in order, as one JSON array; null for none. */
  readonly attributes: string;
}

/** Columns written by version 2: the same but for the attribute values, one JSON text per annotation. */
export interface LayerColumnsV2 extends ColumnsCommon {
  readonly version: 2;
  /** Each annotation's attribute values as JSON; length -1 for none. */
  readonly attributes: PackedStrings;
}

/** What a store may hold: read with fromColumns. */
export type StoredColumns = LayerColumns | LayerColumnsV2;

interface ColumnsCommon {
  readonly count: number;
  readonly starts: Uint32Array;
  readonly ends: Uint32Array;
  /** Index into `labels` / `annotators` per annotation. */
  readonly labelIndex: Uint16Array;
  readonly labels: readonly string[];
  /** Index into `annotators` / `annotatorIds`: one entry per distinct (name, installation id). */
  readonly annotatorIndex: Uint32Array;
  readonly annotators: readonly string[];
  /** The annotator's installation id beside each name, null for none. */
  readonly annotatorIds: readonly (string | null)[];
  /** Each field's values back to back; the lengths say where each one ends. */
  readonly ids: PackedStrings;
  /** Length -2: the quote is the text at the annotation's offsets. */
  readonly quotes: PackedStrings;
  readonly createdAt: PackedStrings;
  /** Length -2: the same as createdAt. */
  readonly updatedAt: PackedStrings;
  /** Length -1 marks an annotation without a note. */
  readonly notes: PackedStrings;
  /** The few accepted-from-a-colleague annotations, by position. */
  readonly provenance: readonly { readonly at: number; readonly provenance: Provenance }[];
}

export interface PackedStrings {
  readonly text: string;
  readonly lengths: Int32Array;
}

/**
 * Packs a layer of the document whose text is `text`. Without the text (a layer stored for readers
 * that do not read the 1 MB article: the library's counts, facts, search) every quote is stored.
 */
export function toColumns(list: readonly Annotation[], text?: string): LayerColumns {
  const n = list.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const labelIndex = new Uint16Array(n);
  const annotatorIndex = new Uint32Array(n);
  const labels = new Dictionary();
  // By name, then installation id (null for none): one entry per distinct pair, found without
  // building a key string per annotation.
  const annotators = new Map<string, Map<string | null, number>>();
  const names: string[] = [];
  const annotatorIds: (string | null)[] = [];
  const ids = new Packer(n);
  const quotes = new Packer(n);
  const createdAt = new Packer(n);
  const updatedAt = new Packer(n);
  const notes = new Packer(n);
  const values = new Array<AttributeValues | null>(n);
  const provenance: { at: number; provenance: Provenance }[] = [];
  list.forEach((a, i) => {
    if (!isOffset(a.start) || !isOffset(a.end)) throw new RangeError(`annotation ${a.id} has offsets ${a.start}..${a.end}, which cannot be packed`);
    starts[i] = a.start;
    ends[i] = a.end;
    labelIndex[i] = labels.index(a.label);
    const installation = a.annotatorId ?? null;
    let byId = annotators.get(a.annotator);
    if (byId === undefined) annotators.set(a.annotator, (byId = new Map<string | null, number>()));
    let who = byId.get(installation);
    if (who === undefined) {
      who = names.length;
      byId.set(installation, who);
      names.push(a.annotator);
      annotatorIds.push(installation);
    }
    annotatorIndex[i] = who;
    ids.add(i, a.id);
    if (text !== undefined && text.slice(a.start, a.end) === a.quote) quotes.implied(i);
    else quotes.add(i, a.quote);
    createdAt.add(i, a.createdAt);
    if (a.updatedAt === a.createdAt) updatedAt.implied(i);
    else updatedAt.add(i, a.updatedAt);
    notes.add(i, a.note);
    values[i] = a.attributes ?? null;
    if (a.provenance) provenance.push({ at: i, provenance: { ...a.provenance } });
  });
  return {
    version: COLUMNS_VERSION,
    count: n,
    starts,
    ends,
    labelIndex,
    labels: labels.values,
    annotatorIndex,
    annotators: names,
    annotatorIds,
    ids: ids.done(),
    quotes: quotes.done(),
    createdAt: createdAt.done(),
    updatedAt: updatedAt.done(),
    notes: notes.done(),
    attributes: JSON.stringify(values),
    provenance,
  };
}

/**
 * The layer back as annotations of `docId`, whose text is `text`, or undefined if the columns are
 * not consistent (with each other or with the text). Without the text, every quote must be stored.
 */
export function fromColumns(c: StoredColumns, docId: string, text?: string): Annotation[] | undefined {
  const opened = openColumns(c, docId, text);
  return opened !== undefined && opened.take(opened.count) ? opened.out : undefined;
}

/** Columns opened for unpacking in steps (openColumns). */
export interface OpenedColumns {
  readonly count: number;
  /** The layer, once take() has built all `count` annotations. */
  readonly out: Annotation[];
  /** Builds the next k annotations; false once they do not add up (then `out` is not the layer). */
  take(k: number): boolean;
}

/**
 * fromColumns in steps, for a caller that must not hold its thread for the whole layer (a window
 * unpacking 10,000 annotations): the columns' strings are split here, the annotations built by take().
 */
export function openColumns(c: StoredColumns, docId: string, text?: string): OpenedColumns | undefined {
  if (!wellFormed(c)) return undefined;
  const n = c.count;
  const attributes = c.version === COLUMNS_VERSION ? parseAll(c.attributes, n) : parseEach(c.attributes, n);
  if (attributes === undefined) return undefined;
  const ids = unpack(c.ids, n, NONE);
  const quotes = unpack(c.quotes, n, text === undefined ? NONE : IMPLIED);
  const createdTimes = unpack(c.createdAt, n, NONE);
  const updatedTimes = unpack(c.updatedAt, n, IMPLIED);
  const notes = unpack(c.notes, n, ABSENT);
  if (!ids || !quotes || !createdTimes || !updatedTimes || !notes) return undefined;
  const provenance = new Map(c.provenance.map((p) => [p.at, p.provenance]));
  const out = new Array<Annotation>(n);
  let next = 0;
  const take = (k: number): boolean => {
    const to = Math.min(n, next + k);
    for (let i = next; i < to; i++) {
      const label = c.labels[c.labelIndex[i]!];
      const annotator = c.annotators[c.annotatorIndex[i]!];
      const annotatorId = c.annotatorIds[c.annotatorIndex[i]!];
      const start = c.starts[i]!;
      const end = c.ends[i]!;
      if (label === undefined || label === '' || annotator === undefined || annotatorId === undefined || !(end > start)) return false;
      if (text !== undefined && end > text.length) return false;
      const id = ids[i]!;
      // Without the text no quote is implied (unpack refused those), so the slice is never taken.
      const quote = quotes[i] ?? (text ?? '').slice(start, end);
      const createdAt = createdTimes[i]!;
      const updatedAt = updatedTimes[i] ?? createdAt;
      // Two literals, not a spread of the optional id: a spread made V8 copy an object per
      // annotation, and unpacking 10,000 took ~25 ms instead of ~15 in a cold Chromium page.
      const a: { -readonly [K in keyof Annotation]: Annotation[K] } =
        annotatorId === null
          ? { id, docId, label, start, end, quote, annotator, createdAt, updatedAt }
          : { id, docId, label, start, end, quote, annotator, annotatorId, createdAt, updatedAt };
      const note = notes[i];
      if (note !== undefined) a.note = note;
      const values = attributes[i];
      if (values) a.attributes = values;
      const p = provenance.get(i);
      if (p !== undefined) a.provenance = p;
      out[i] = a;
    }
    next = to;
    return true;
  };
  return { count: n, out, take };
}

/** Version 3's values: a JSON array of n entries, each an object or null; undefined when it is not. */
function parseAll(json: unknown, n: number): (AttributeValues | null)[] | undefined {
  if (typeof json !== 'string') return undefined;
  let all: unknown;
  try {
    all = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(all) || all.length !== n) return undefined;
  for (const v of all) if (v !== null && !isValues(v)) return undefined;
  return all as (AttributeValues | null)[];
}

/** Version 2's values: one JSON text per annotation (length -1 for none). */
function parseEach(packed: PackedStrings, n: number): (AttributeValues | null)[] | undefined {
  const texts = unpack(packed, n, ABSENT);
  if (texts === undefined) return undefined;
  const out = new Array<AttributeValues | null>(n);
  for (let i = 0; i < n; i++) {
    const json = texts[i];
    if (json === undefined) {
      out[i] = null;
      continue;
    }
    let v: unknown;
    try {
      v = JSON.parse(json);
    } catch {
      return undefined;
    }
    if (!isValues(v)) return undefined;
    out[i] = v;
  }
  return out;
}

function isValues(v: unknown): v is AttributeValues {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isOffset(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 0xffffffff;
}

function wellFormed(c: StoredColumns): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const n = c.count;
  return (
    (c.version === COLUMNS_VERSION || c.version === 2) &&
    Number.isInteger(n) &&
    n >= 0 &&
    c.starts instanceof Uint32Array &&
    c.starts.length === n &&
    c.ends instanceof Uint32Array &&
    c.ends.length === n &&
    c.labelIndex instanceof Uint16Array &&
    c.labelIndex.length === n &&
    c.annotatorIndex instanceof Uint32Array &&
    c.annotatorIndex.length === n &&
    Array.isArray(c.labels) &&
    Array.isArray(c.annotators) &&
    Array.isArray(c.annotatorIds) &&
    c.annotatorIds.length === c.annotators.length &&
    Array.isArray(c.provenance) &&
    c.provenance.every(
      (p: StoredColumns['provenance'][number]) => Number.isInteger(p?.at) && p.at >= 0 && p.at < n && typeof p.provenance === 'object' && p.provenance !== null,
    )
  );
}

/** Which negative length a column may use: none, -1 (no value) or -2 (implied by another field). */
const NONE = 0;
const ABSENT = -1;
const IMPLIED = -2;

function unpack(p: PackedStrings, n: number, allowed: typeof NONE | typeof ABSENT | typeof IMPLIED): (string | undefined)[] | undefined {
  if (typeof p?.text !== 'string' || !(p.lengths instanceof Int32Array) || p.lengths.length !== n) return undefined;
  const out = new Array<string | undefined>(n);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const len = p.lengths[i]!;
    if (len < 0) {
      if (len !== allowed) return undefined;
      out[i] = undefined;
      continue;
    }
    out[i] = p.text.slice(at, at + len);
    at += len;
  }
  return at === p.text.length ? out : undefined;
}

class Packer {
  private readonly parts: string[] = [];
  private readonly lengths: Int32Array;
  constructor(n: number) {
    this.lengths = new Int32Array(n);
  }
  implied(i: number): void {
    this.lengths[i] = IMPLIED;
  }
  add(i: number, value: string | undefined): void {
    if (value === undefined) {
      this.lengths[i] = ABSENT;
      return;
    }
    this.lengths[i] = value.length;
    this.parts.push(value);
  }
  done(): PackedStrings {
    return { text: this.parts.join(''), lengths: this.lengths };
  }
}

class Dictionary {
  readonly values: string[] = [];
  private readonly at = new Map<string, number>();
  index(value: string): number {
    let i = this.at.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.at.set(value, i);
    }
    return i;
  }
}
