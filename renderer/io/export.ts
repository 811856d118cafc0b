// Export: read the documents and their annotations in one read transaction (a consistent
// snapshot), encode with the core codec (which converts offsets to code points) and serialise.
// Every file says who wrote it (exportedBy) and stamps my installation id on my annotations, so an
// importer tells me from a colleague of the same name. With `allLayers`, each document also carries
// every colleague's layer (their names and ids as their files gave them; a rename is local).
// The open document's layer is taken from memory when the transaction finds its stored stamp
// equal to the one memory was committed at: the same data, without reading 10,000 records. Its
// text and blocks are taken from memory too when the stored row names the same text (sha256; a
// replaced text changes it): reading a 1 MB text and its 4,000 blocks back cost the export
// ~30 ms. Title, metadata and review status always come from the stored row, since they may have
// changed (in the library, in review) since the document was opened.
// Files are contract v2 (the library's schema, attribute values, prefix/suffix) unless `format: 1`
// asks for v1, for consumers that predate v2: v1 has no place for attribute values, so the payload
// says how many were left out and the caller tells the analyst.
// Library exports (all articles, or the ones the library shows) stream instead
// (exportDocumentChunks): the same v2 text in pieces, read a group of articles at a time.

import { encodeSpanmarkV1, exportFileName, serializeSpanmarkInPieces, type EncodeDocumentInput } from '../../src/codecs/spanmark-v1/encode.js';
import { encodeSpanmarkV2Chunks } from '../../src/codecs/spanmark-v2/encode-stream.js';
import { attributeValueCount, encodeSpanmarkV2ForWriting } from '../../src/codecs/spanmark-v2/encode.js';
import { loadSchema } from '../db/schema-repo.js';
import type { Article } from '../../src/document/article.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { ReviewV1 } from '../../src/codecs/spanmark-v1/types.js';
import { toWireDecision } from '../../src/review/decisions.js';
import type { SpanmarkDb } from '../db/db.js';
import { rowWithText } from '../db/article-rows.js';
import { readOwnLayer } from '../db/annotations-repo.js';
import { sameStamp, type Stamp } from '../store/session-store.js';
import { myLayerTables } from '../db/my-layer-store.js';
import { storedColleagueLayers } from '../db/colleague-layers-repo.js';
import type { Me } from '../../src/review/layer-identity.js';
import { orphansForExport } from '../anchoring/orphan-export.js';

export interface ExportPayload {
  readonly fileName: string;
  /** The file's text in pieces (serializeSpanmarkInPieces): saved as they are, never joined here. */
  readonly pieces: readonly string[];
  /** How many characters (UTF-16 units) the pieces hold. */
  readonly chars: number;
  readonly documents: number;
  readonly annotations: number;
  /** Colleague annotations left out because my layer has one with the same id (ids are per document). */
  readonly duplicatesLeftOut: number;
  /** The contract version written. */
  readonly format: 1 | 2;
  /** Attribute values not written because the file is v1 (0 for v2). */
  readonly valuesLeftOut: number;
}

/** The open document's layer as committed (DocumentSession.committedLayer), with its document. */
export interface LiveLayer {
  readonly docId: string;
  readonly stamp: Stamp;
  readonly annotations: readonly Annotation[];
  /** The open article as the session holds it: its text and blocks, used when the stored row has the same sha256. */
  readonly article?: Pick<Article, 'id' | 'sha256' | 'text' | 'blocks'>;
}

export interface ExportOptions {
  readonly live?: LiveLayer | undefined;
  /** Also write every colleague's layer of each document. */
  readonly allLayers?: boolean;
  /** Contract version to write: 2 (default) or 1 for older consumers, without attribute values. */
  readonly format?: 1 | 2;
  /** The file's exportedAt; now unless given (tests compare two exports byte for byte). */
  readonly exportedAt?: string;
}

export async function exportDocuments(
  db: SpanmarkDb,
  docIds: readonly string[] | 'all',
  version: string,
  me: Me,
  options: ExportOptions = {},
): Promise<ExportPayload> {
  const { live, allLayers = false, format = 2 } = options;
  const counts = { duplicatesLeftOut: 0 };
  const { docs, schema } = await db.transaction('r', exportTables(db), async () => {
    // Read with the layers, so the values written and the schema they are checked against agree.
    const schema = await loadSchema(db);
    const articles =
      docIds === 'all'
        ? (await db.articles.orderBy('addedAt').toArray()).filter((a) => a.deletedAt === undefined)
        : await readArticles(db, docIds, live?.article);
    const out: EncodeDocumentInput[] = [];
    for (const article of articles) out.push(await readExportDocument(db, article, me, live, allLayers, counts, format));
    return { docs: out, schema };
  });
  const input = {
    documents: docs,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    generatorVersion: version,
    exportedBy: { id: me.id, name: me.name },
  };
  const file = format === 1 ? encodeSpanmarkV1(input) : encodeSpanmarkV2ForWriting({ ...input, schema });
  const single = docs.length === 1 && docIds !== 'all' ? docs[0] : undefined;
  const { pieces, chars } = serializeSpanmarkInPieces(file);
  return {
    fileName: exportFileName(single ? `${single.article.title}${allLayers ? ' - all layers' : ''}` : LIBRARY_FILE_TITLE),
    pieces,
    chars,
    documents: docs.length,
    annotations: docs.reduce((n, d) => n + d.annotations.length, 0),
    duplicatesLeftOut: counts.duplicatesLeftOut,
    format,
    valuesLeftOut: format === 1 ? attributeValueCount(docs) : 0,
  };
}

/** The stored articles of `ids`, in that order (an id not stored left out); the open one's text from memory when it is the stored text. */
async function readArticles(db: SpanmarkDb, ids: readonly string[], open: LiveLayer['article']): Promise<Article[]> {
  const known = open !== undefined && ids.includes(open.id) ? rowWithText(await db.articleRows.get(open.id), open) : undefined;
  const stored = await db.articles.bulkGet(known === undefined ? [...ids] : ids.filter((id) => id !== known.id));
  let next = 0;
  return ids.map((id) => (known !== undefined && id === known.id ? known : stored[next++])).filter((a): a is Article => a !== undefined);
}

const exportTables = (db: SpanmarkDb) => [
  db.articles,
  db.articleRows,
  ...myLayerTables(db),
  db.reviewDecisions,
  db.layerRevisions,
  db.layerSnapshots,
  db.colleagueAnnotations,
  db.colleagueLayers,
  db.settings,
  db.textReplacements,
];
const LIBRARY_FILE_TITLE = 'spanmark-library';

/**
 * The library as 'all' exports it: every article, oldest first, archived ones too, but not those
 * waiting in Deleted (their deletion is not undone, and emptying Deleted removes them for good).
 * Read from the deletedAt index, so no article text is read to leave them out.
 */
async function libraryIds(db: SpanmarkDb): Promise<string[]> {
  const [ids, deleted] = await Promise.all([db.articles.orderBy('addedAt').primaryKeys(), db.articles.orderBy('deletedAt').primaryKeys()]);
  const gone = new Set(deleted);
  return ids.filter((id) => !gone.has(id));
}

/** One article as the encoder takes it: my layer (or the live one), colleagues' with allLayers, its review. */
async function readExportDocument(
  db: SpanmarkDb,
  article: Article,
  me: Me,
  live: LiveLayer | undefined,
  allLayers: boolean,
  counts: { duplicatesLeftOut: number },
  format: 1 | 2 = 2,
): Promise<EncodeDocumentInput> {
  const current = live?.docId === article.id && sameStamp(await db.layerRevisions.get(article.id), live.stamp);
  const own = current ? live.annotations : (await readOwnLayer(db, article.id, article.text)).own;
  // Everything in my layer is mine (imports put only my own there), whatever name it carries.
  const annotations: Annotation[] = own.map((a) => (a.annotatorId === me.id ? a : { ...a, annotatorId: me.id }));
  if (allLayers) {
    const ids = new Set(annotations.map((a) => a.id));
    for (const { annotations: theirs } of await storedColleagueLayers(db, article.id)) {
      for (const a of theirs) {
        if (ids.has(a.id)) {
          counts.duplicatesLeftOut += 1;
        } else {
          annotations.push(a);
          ids.add(a.id);
        }
      }
    }
  }
  const decisions = await db.reviewDecisions.where('docId').equals(article.id).toArray();
  // Review decisions and provenance travel with the reconciled layer.
  const review: ReviewV1 | undefined =
    decisions.length > 0 || article.reviewStatus ? { status: article.reviewStatus ?? 'in-review', decisions: decisions.map(toWireDecision) } : undefined;
  // Spans that lost their place when the text changed travel with it (v2 only; v1 has no place for them).
  const orphans = format === 2 ? orphansForExport(await db.textReplacements.get(article.id), me, allLayers, new Set(annotations.map((a) => a.id))) : [];
  return { article, annotations, ...(review ? { review } : {}), ...(orphans.length > 0 ? { orphans } : {}) };
}

/** A library export being written: its name, its text in pieces, and what it held once they are all out. */
export interface ExportStream {
  readonly fileName: string;
  /** Lazy: nothing is read before the first piece is asked for (a cancelled save costs nothing). */
  readonly chunks: AsyncIterable<string>;
  /** Counts of what the pieces so far held; final once `chunks` is exhausted. */
  readonly written: { documents: number; annotations: number; duplicatesLeftOut: number; chars: number };
}

export interface StreamOptions extends Omit<ExportOptions, 'format'> {
  /** Articles read per read transaction. */
  readonly articlesPerRead?: number;
  /** Characters per piece handed on (src/codecs/spanmark-v2/encode-stream.ts). */
  readonly minChunkChars?: number;
  /** The file's name before `.spanmark.json`; "spanmark-library" unless given. */
  readonly fileTitle?: string;
}

/**
 * Exports these articles (in the given order; 'all' = the library, oldest first as exportDocuments
 * writes it) as a contract v2 file in pieces: the same text, byte for byte, as exportDocuments's
 * json for the same data, but read a few articles at a time and handed on in pieces, so memory
 * stays bounded with 5,000 articles. Each group of articles is read in one transaction (a
 * consistent snapshot per group; the whole library is not one snapshot, as an edit made while the
 * export runs may land before or after it). An id no longer in the library is skipped.
 * This is the function to call for "export these article ids" (the library's export buttons, the
 * corpus bench); hand `chunks` to Platform.saveFile.
 */
export function exportDocumentChunks(db: SpanmarkDb, docIds: readonly string[] | 'all', version: string, me: Me, options: StreamOptions = {}): ExportStream {
  const { live, allLayers = false, articlesPerRead = 50, minChunkChars } = options;
  const written = { documents: 0, annotations: 0, duplicatesLeftOut: 0, chars: 0 };
  async function* chunks(): AsyncGenerator<string, void, undefined> {
    const schema = await db.transaction('r', db.settings, () => loadSchema(db));
    const ids: readonly string[] = docIds === 'all' ? await libraryIds(db) : docIds;
    async function* documents(): AsyncGenerator<EncodeDocumentInput, void, undefined> {
      for (let from = 0; from < ids.length; from += articlesPerRead) {
        const group = await db.transaction('r', exportTables(db), async () => {
          const articles = (await db.articles.bulkGet(ids.slice(from, from + articlesPerRead))).filter((a): a is Article => a !== undefined);
          const out: EncodeDocumentInput[] = [];
          for (const article of articles) out.push(await readExportDocument(db, article, me, live, allLayers, written));
          return out;
        });
        for (const doc of group) {
          written.documents += 1;
          written.annotations += doc.annotations.length;
          yield doc;
        }
      }
    }
    const head = { exportedAt: options.exportedAt ?? new Date().toISOString(), generatorVersion: version, exportedBy: { id: me.id, name: me.name }, schema };
    for await (const piece of encodeSpanmarkV2Chunks(head, documents(), minChunkChars === undefined ? {} : { minChunkChars })) {
      written.chars += piece.length;
      yield piece;
    }
  }
  return { fileName: exportFileName(options.fileTitle ?? LIBRARY_FILE_TITLE), chunks: chunks(), written };
}
