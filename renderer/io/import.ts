// Import: the core decodes and validates the whole file first; only a wholly valid file is applied,
// in one transaction. Re-importing changes nothing; an older copy never overwrites a newer edit.

import { decodeSpanmarkV1, type DecodedLibrary } from '../../src/codecs/spanmark-v1/decode.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import { plainTextBlocks } from '../../src/document/plain-blocks.js';
import type { Result } from '../../src/result.js';
import { sha256Hex } from '../db/articles-repo.js';
import type { SpanmarkDb } from '../db/db.js';

export interface ImportSummary {
  readonly documents: number;
  readonly newDocuments: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Kept the stored copy because it was edited more recently than the imported one. */
  readonly keptNewer: number;
  readonly docIds: readonly string[];
}

const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export async function importExport(db: SpanmarkDb, name: string, bytes: Uint8Array): Promise<Result<ImportSummary>> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    return { ok: false, error: { code: 'too-large', message: `${name} is larger than 256 MB.`, path: name } };
  }
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: { code: 'undecodable', message: `${name} is not UTF-8 text.`, path: name } };
  }
  const decoded = await decodeSpanmarkV1(json, sha256Hex);
  if (!decoded.ok) return { ok: false, error: { ...decoded.error, message: `${name}: ${decoded.error.message}` } };

  const counts = { newDocuments: 0, added: 0, updated: 0, unchanged: 0, keptNewer: 0 };
  try {
    await applyImport(db, decoded.value.documents, counts);
  } catch (e) {
    // The transaction aborted: nothing of this file was written.
    return { ok: false, error: { code: 'conflict', message: `${name}: ${e instanceof Error ? e.message : String(e)}`, path: name } };
  }
  return { ok: true, value: { documents: decoded.value.documents.length, docIds: decoded.value.documents.map((d) => d.article.id), ...counts } };
}

type Counts = { newDocuments: number; added: number; updated: number; unchanged: number; keptNewer: number };

async function applyImport(db: SpanmarkDb, documents: DecodedLibrary['documents'], counts: Counts): Promise<void> {
  await db.transaction('rw', db.articles, db.annotations, async () => {
    for (const doc of documents) {
      const existing = await db.articles.get(doc.article.id);
      if (!existing) {
        const blocks = doc.article.blocks.length > 0 ? doc.article.blocks : plainTextBlocks(doc.article.text);
        const article: Article = { ...doc.article, blocks, addedAt: doc.article.addedAt ?? new Date().toISOString() };
        await db.articles.add(article);
        counts.newDocuments += 1;
      }
      const stored = await db.annotations.bulkGet(doc.annotations.map((a) => a.id));
      const toPut: Annotation[] = [];
      doc.annotations.forEach((a, i) => {
        const old = stored[i];
        if (!old) {
          counts.added += 1;
          toPut.push(a);
        } else if (old.docId !== a.docId) {
          throw new Error(`annotation ${a.id} already belongs to another document`);
        } else if (sameAnnotation(old, a)) counts.unchanged += 1;
        else if (old.updatedAt > a.updatedAt) counts.keptNewer += 1;
        else {
          counts.updated += 1;
          toPut.push(a);
        }
      });
      await db.annotations.bulkPut(toPut);
    }
  });
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.label === b.label && a.start === b.start && a.end === b.end && a.note === b.note && a.updatedAt === b.updatedAt && a.annotator === b.annotator;
}
