// Builders for the CLI tests: real export files written by the core encoder into a temp directory,
// and an in-memory CliIo that reads the real disk but captures what a command prints. Not a
// *.test.ts file, so the unit runner only loads it through the tests that import it.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Article } from '../../../src/document/article.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import type { SpanmarkFileV1 } from '../../../src/codecs/spanmark-v1/types.js';
import type { LabelId } from '../../../src/labels/schema.js';
import { nodeIo, type CliIo } from '../../../main/node/cli/io.js';
import { main } from '../../../main/node/cli/main.js';

export const T0 = '2022-01-08T10:15:00.000Z';

export function article(text: string, title = 'Test article'): Article {
  const sha = createHash('sha256').update(text, 'utf8').digest('hex');
  return { id: sha, sha256: sha, title, format: 'text', text, blocks: [], metadata: {}, addedAt: T0 };
}

/** A stored annotation: UTF-16 offsets, the quote sliced from the text. */
export function ann(doc: Article, annotator: string, label: LabelId, start: number, end: number, id = `${annotator}-${label}-${start}-${end}`): Annotation {
  return { id, docId: doc.id, label, start, end, quote: doc.text.slice(start, end), annotator, createdAt: T0, updatedAt: T0 };
}

/** UTF-16 range of the first occurrence of `quote` in the article's text. */
export function at(doc: Article, quote: string, from = 0): [number, number] {
  const start = doc.text.indexOf(quote, from);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return [start, start + quote.length];
}

export function exportFile(documents: readonly { article: Article; annotations: readonly Annotation[] }[]): SpanmarkFileV1 {
  return encodeSpanmarkV1({ documents, exportedAt: T0, generatorVersion: '0.1.0' });
}

export interface TempDir {
  readonly dir: string;
  /** Writes `content` (a file object is serialised like the app does) and returns its path. */
  write(name: string, content: SpanmarkFileV1 | string): string;
  remove(): void;
}

export function tempDir(): TempDir {
  const dir = mkdtempSync(join(tmpdir(), 'spanmark-cli-'));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : serializeSpanmarkV1(content));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `spanmark ARGS` in-process with the real file system and captured output. */
export async function run(args: readonly string[], io: Partial<CliIo> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    args,
    {
      readFile: io.readFile ?? nodeIo.readFile,
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
    },
    () => '9.9.9-test',
  );
  return { code, stdout, stderr };
}
