// How a layer written whole is cut into chunk records and read back (my-layer-store.ts). Apart from
// the store so the schema's upgrade (db.ts) can cut an old library's records the same way.

import { fromColumns, toColumns } from '../../src/annotations/layer-columns.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { LayerChunk } from './db.js';

/**
 * Annotations per chunk. Packed as columns, 10,000 annotations clone in a few milliseconds, so
 * most layers are one record; the bound keeps a record, and what a reader of many documents holds
 * at once, to a few MB.
 */
export const CHUNK_SIZE = 20_000;

/** `list` (one document's layer) as chunk records of `size` annotations, in the order given. */
export function chunksOf(docId: string, list: readonly Annotation[], size: number = CHUNK_SIZE): LayerChunk[] {
  const chunks: LayerChunk[] = [];
  for (let from = 0, part = 0; from < list.length; from += size, part++) chunks.push({ docId, part, columns: toColumns(list.slice(from, from + size)) });
  return chunks;
}

/** A chunk's annotations. A chunk is the layer itself, not a cache: one that does not add up is an error, never skipped. */
export function chunkAnnotations(chunk: LayerChunk): Annotation[] {
  const list = fromColumns(chunk.columns, chunk.docId);
  if (list === undefined) throw new Error(`part ${chunk.part + 1} of my annotations on document ${chunk.docId} is damaged and could not be read`);
  return list;
}
