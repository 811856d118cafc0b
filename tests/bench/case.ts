// The long-document case: the sample article repeated to ~1 MB with 10,000 word-aligned spans,
// written as real Spanmark export files (contract v2, attribute values on every annotation) by the
// core encoder, so the app imports exactly what an analyst's colleague would send. A second file
// carries the same text with no annotations (the floor).

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Annotation } from '../../src/annotations/types.js';
import { encodeSpanmarkV1, serializeSpanmark } from '../../src/codecs/spanmark-v1/encode.js';
import { encodeSpanmarkV2 } from '../../src/codecs/spanmark-v2/encode.js';
import { decodeSpanmark } from '../../src/codecs/spanmark/decode.js';
import type { Article, Block } from '../../src/document/article.js';
import { plainTextBlocks } from '../../src/document/plain-blocks.js';
import type { AttributeValue, AttributeValues } from '../../src/labels/attributes.js';
import { DEFAULT_SCHEMA, labelIds } from '../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);

export interface CaseOptions {
  readonly sources: readonly string[];
  readonly targetBytes: number;
  readonly annotations: number;
  readonly seed: number;
  readonly generatorVersion: string;
}

export interface CaseFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly annotations: number;
}

export interface BenchCase {
  readonly source: string;
  readonly docId: string;
  readonly title: string;
  readonly copies: number;
  readonly textBytes: number;
  readonly textChars: number;
  readonly blocks: number;
  readonly words: number;
  readonly shape: { readonly primary: number; readonly nested: number; readonly overlapping: number; readonly withNote: number };
  readonly annotated: CaseFile;
  readonly floor: CaseFile;
  /**
   * The annotated file's spans and notes as a contract v1 file (no attribute values, no prefix or
   * suffix): the file issue 8's import target was set on, before issue 11 gave every annotation
   * values. Imported beside the other two to tell what v2's additions cost; no target is judged on it.
   */
  readonly spans: CaseFile;
}

/**
 * Every span is the analyst's own: the app puts annotations by anyone else into a read-only
 * colleague layer, so the bench names its analyst this in Settings before importing.
 */
export const BENCH_ANNOTATOR = 'bench-analyst';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

// Seeded, so every run measures the same spans and figures from different runs compare.
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Word {
  readonly start: number;
  readonly end: number;
  /** Index of the block's first and last word in the flat word list: spans never leave their block. */
  readonly first: number;
  readonly last: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

export function wordsOf(text: string, blocks: readonly Block[]): Word[] {
  const out: Word[] = [];
  for (const b of blocks) {
    const first = out.length;
    const local: { start: number; end: number }[] = [];
    for (const m of text.slice(b.start, b.end).matchAll(WORD)) local.push({ start: b.start + m.index, end: b.start + m.index + m[0].length });
    const last = first + local.length - 1;
    for (const w of local) out.push({ ...w, first, last });
  }
  return out;
}

/**
 * Values for every attribute the label's schema defines, of every type (text, single and multiple
 * choice, quantity as a number or a range, date), so the snapshot, export and painting carry
 * what an analyst's structured layer does; deterministic by index.
 */
function benchAttributes(label: string, i: number): AttributeValues {
  const def = DEFAULT_SCHEMA.labels.find((l) => l.id === label);
  const out: Record<string, AttributeValue> = {};
  for (const a of def?.attributes ?? []) {
    switch (a.type) {
      case 'text':
        out[a.id] = `${a.name} ${i} — Алматы 🇰🇿`;
        break;
      case 'choice': {
        const values = a.values ?? [];
        if (values.length === 0) break;
        out[a.id] = a.multiple ? values.filter((_, k) => (i + k) % 3 === 0) : values[i % values.length]!;
        break;
      }
      case 'quantity':
        out[a.id] = i % 4 === 0 ? { min: i % 50, max: (i % 50) + 10 } : { value: i % 997, qualifier: i % 2 === 0 ? 'exact' : 'at-least' };
        break;
      case 'date':
        out[a.id] = `2022-01-${String((i % 28) + 1).padStart(2, '0')}`;
        break;
      case 'boolean':
        out[a.id] = i % 2 === 0;
        break;
      case 'link':
        break;
    }
  }
  return out;
}

/**
 * Spans of 1-8 words shaped like real material: most stand alone, about one in eight sits inside
 * another (a casualty figure inside a claim) and one in fifteen straddles another's edge.
 */
export function makeAnnotations(
  text: string,
  docId: string,
  words: readonly Word[],
  count: number,
  seed: number,
): { list: Annotation[]; shape: BenchCase['shape'] } {
  const rand = mulberry32(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[int(0, 3)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  const base = Date.parse('2022-01-08T09:00:00.000Z');
  const list: Annotation[] = [];
  const shape = { primary: 0, nested: 0, overlapping: 0, withNote: 0 };
  const add = (from: number, to: number): void => {
    const s = words[from]!.start;
    const e = words[to]!.end;
    const i = list.length;
    const at = new Date(base + i * 7_000).toISOString();
    const withNote = i % 31 === 0;
    if (withNote) shape.withNote += 1;
    list.push({
      id: uuid(),
      docId,
      label: LABEL_IDS[i % LABEL_IDS.length]!,
      start: s,
      end: e,
      quote: text.slice(s, e),
      annotator: BENCH_ANNOTATOR,
      createdAt: at,
      updatedAt: at,
      ...(withNote ? { note: `checked against the wire copy (${i})` } : {}),
      attributes: benchAttributes(LABEL_IDS[i % LABEL_IDS.length]!, i),
    });
  };

  const primaries = Math.round(count * 0.8);
  const spacing = words.length / primaries;
  const placed: { from: number; to: number }[] = [];
  for (let k = 0; k < primaries; k++) {
    const from = Math.min(words.length - 1, Math.floor(k * spacing + rand() * spacing * 0.4));
    const to = Math.min(from + int(0, 7), words[from]!.last);
    placed.push({ from, to });
    add(from, to);
    shape.primary += 1;
  }
  // Derived spans reuse a primary's words so they nest in or overlap it, never duplicate it.
  for (let attempts = 0; list.length < count; attempts++) {
    if (attempts > count * 10) throw new Error('could not place the nested and overlapping spans');
    const p = placed[int(0, placed.length - 1)]!;
    const len = p.to - p.from + 1;
    const { first, last } = words[p.from]!;
    if (list.length % 3 !== 0 && len >= 2) {
      const from = p.from + int(0, len - 1);
      const to = from === p.from ? int(from, p.to - 1) : int(from, p.to);
      add(from, to);
      shape.nested += 1;
    } else if (p.to < last) {
      const from = len > 1 ? p.from + int(1, len - 1) : p.from;
      add(from, Math.min(last, p.to + int(1, 4), from + 7));
      shape.overlapping += 1;
    } else if (p.from > first) {
      const to = len > 1 ? p.from + int(0, len - 2) : p.to;
      add(Math.max(first, p.from - int(1, 4), to - 7), to);
      shape.overlapping += 1;
    }
  }
  return { list, shape };
}

export function readSource(candidates: readonly string[]): { path: string; text: string } {
  for (const path of candidates) if (existsSync(path)) return { path, text: readFileSync(path, 'utf8') };
  throw new Error(`sample article not found in ${candidates.join(' or ')}`);
}

/** The case's article and annotations, before they are written as files. */
export function caseDocument(
  opts: CaseOptions,
  exportedAt: string,
): { path: string; copies: number; article: Article; list: Annotation[]; words: number; shape: BenchCase['shape'] } {
  const { path, text: raw } = readSource(opts.sources);
  const source = raw.replace(/\r\n?/g, '\n').trimEnd();
  const copyBytes = Buffer.byteLength(source, 'utf8') + 2;
  const copies = Math.max(1, Math.round(opts.targetBytes / copyBytes));
  const text = Array.from({ length: copies }, () => source).join('\n\n');
  const id = sha256(text);
  const blocks = plainTextBlocks(text);
  const words = wordsOf(text, blocks);
  const title = `Kazakhstan, 7 January 2022 (×${copies}, long-document bench)`;
  const article: Article = {
    id,
    sha256: id,
    title,
    format: 'text',
    text,
    blocks,
    metadata: { date: '2022-01-07', sourceName: 'kazakhstan-2022-01-07-long.txt' },
    addedAt: exportedAt,
  };
  const { list, shape } = makeAnnotations(text, id, words, opts.annotations, opts.seed);
  return { path, copies, article, list, words: words.length, shape };
}

export async function buildCase(opts: CaseOptions): Promise<BenchCase> {
  const exportedAt = new Date().toISOString();
  const { path, copies, article, list, words, shape } = caseDocument(opts, exportedAt);
  const { id, title, text, blocks } = article;

  const head = { exportedAt, generatorVersion: opts.generatorVersion };
  const write = (file: object): Buffer => Buffer.from(serializeSpanmark(file), 'utf8');
  const v2 = (annotations: readonly Annotation[]): Buffer =>
    write(encodeSpanmarkV2({ documents: [{ article, annotations }], ...head, schema: DEFAULT_SCHEMA }));
  const annotated = v2(list);
  const floor = v2([]);
  // Contract v1 has no attribute values: its encoder leaves them out.
  const spans = write(encodeSpanmarkV1({ documents: [{ article, annotations: list }], ...head }));

  // Decoding here too means a malformed case fails before a browser is launched, with the codec's
  // own JSON path instead of a vague "import failed" toast.
  for (const [name, bytes, n] of [
    ['annotated', annotated, list.length],
    ['floor', floor, 0],
    ['spans', spans, list.length],
  ] as const) {
    const decoded = await decodeSpanmark(bytes.toString('utf8'), async (t) => sha256(t));
    if (!decoded.ok) throw new Error(`the ${name} bench file does not decode: ${decoded.error.message}`);
    const got = decoded.value.documents[0]?.annotations.length;
    if (got !== n) throw new Error(`the ${name} bench file decodes to ${got} annotations, not ${n}`);
    const valued = decoded.value.documents[0]?.annotations.filter((a) => a.attributes !== undefined).length;
    if (valued !== (name === 'annotated' ? n : 0)) throw new Error(`the ${name} bench file decodes to ${valued} annotations with attribute values`);
  }

  return {
    source: path,
    docId: id,
    title,
    copies,
    textBytes: Buffer.byteLength(text, 'utf8'),
    textChars: text.length,
    blocks: blocks.length,
    words,
    shape,
    annotated: { name: 'bench-annotated.spanmark.json', bytes: annotated, annotations: list.length },
    floor: { name: 'bench-floor.spanmark.json', bytes: floor, annotations: 0 },
    spans: { name: 'bench-spans-v1.spanmark.json', bytes: spans, annotations: list.length },
  };
}
