// Shared builders for the spanmark-v1 codec tests: real SHA-256 (node:crypto, the digest the core has
// injected), stored-style articles and annotations with UTF-16 offsets, and the JSON Schema validator.
// Not a *.test.ts file, so the unit runner only loads it through the tests that import it.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Article, Block } from '../../../src/document/article.js';

export const sha256Hex = async (text: string): Promise<string> => createHash('sha256').update(text, 'utf8').digest('hex');
export const sha256Sync = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export const T0 = '2022-01-08T10:15:00.000Z';

export function article(text: string, extra: Partial<Article> = {}): Article {
  const sha = sha256Sync(text);
  return {
    id: sha,
    sha256: sha,
    title: 'Test article',
    format: 'text',
    text,
    blocks: [] as Block[],
    metadata: {},
    addedAt: T0,
    ...extra,
  };
}

/** An annotation as stored: UTF-16 offsets, quote sliced from the text. */
export function annotation(doc: Article, start: number, end: number, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: `a-${start}-${end}`,
    docId: doc.id,
    label: 'claim',
    start,
    end,
    quote: doc.text.slice(start, end),
    annotator: 'analyst',
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

/** Code point offset → UTF-16 offset, the slow obvious way (independent of src/text/offsets.ts). */
export function cpToUnit(text: string, cp: number): number {
  return [...text].slice(0, cp).join('').length;
}

export const corpusPath = new URL('../../../../shared/corpus/unicode-edge-cases.txt', import.meta.url);
export const readCorpus = (): string => readFileSync(corpusPath, 'utf8').replace(/\r\n?/g, '\n');

const schema: unknown = JSON.parse(readFileSync(new URL('../../../src/codecs/spanmark-v1/schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
// ajv-formats is CommonJS; depending on the loader its default export may be wrapped once more.
const plugin = (addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats;
plugin(ajv);
export const validateSchema = ajv.compile(schema as object);

/** A parsed file being broken on purpose: untyped, since the point is to write what the types forbid. */
export type Loose = any;

/** Deep copy through JSON, for mutating a known-good file into a bad one. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
