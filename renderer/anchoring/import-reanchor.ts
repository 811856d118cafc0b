// An import whose document the library already holds in another version (same document id, or the
// one article with its url or title and a text that looks alike, with a different sha256): its
// spans are placed on the library's text (src/anchoring/import-onto.ts) instead of writing them
// against a text the library does not show, or adding a second copy of the document. Spans of my
// layer placed elsewhere than their offsets wait for the analyst's confirmation (dashed, listed, as
// after File › Replace text…); spans that cannot be placed, and the orphans the file carries, go to
// the document's orphans list with their quote, never dropped. The placing runs before the import's
// transaction (in the import Worker when it runs there); `storeImportReanchoring` writes the lists
// inside it and refuses when the library's text changed in between.

import {
  chooseLibraryCopy,
  reanchorImported,
  textsLookAlike,
  type CopyHead,
  type ImportReanchored,
  type ReanchorCounts,
} from '../../src/anchoring/import-onto.js';
import { ownMergeOutcome } from '../../src/annotations/merge-own.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { DecodedDocument, DecodedOrphan } from '../../src/codecs/spanmark/decode.js';
import type { Article } from '../../src/document/article.js';
import type { Route } from '../../src/review/layer-identity.js';
import type { SpanmarkDb } from '../db/db.js';
import type { MovedSpan, OrphanSpan } from './replacement-types.js';
import { readMineOf } from '../db/my-layer-store.js';

export interface ReanchorSummary extends ReanchorCounts {
  /** Orphans the file itself carried (kept as orphans). */
  readonly keptOrphans: number;
}

export interface ImportReanchorPlan {
  readonly docId: string;
  /** The stored text the spans were placed on; absent when nothing was placed (only the file's orphans). */
  readonly sha256?: string;
  readonly moved: readonly { readonly span: MovedSpan; readonly annotation: Annotation }[];
  readonly orphans: readonly OrphanSpan[];
}

export interface ImportReanchoring {
  /** The file's documents, those of a changed copy now under its id, with its article and text. */
  readonly documents: DecodedDocument[];
  readonly plans: readonly ImportReanchorPlan[];
  readonly summary: ReanchorSummary;
}

type Heads = ReadonlyMap<string, readonly CopyHead[]>;

const head = (a: Pick<Article, 'id' | 'sha256' | 'title' | 'metadata'>): CopyHead => ({ id: a.id, sha256: a.sha256, title: a.title, url: a.metadata.url });

export async function placeOnLibraryCopies(
  db: SpanmarkDb,
  documents: readonly DecodedDocument[],
  route: (a: Annotation) => Route,
  now = new Date().toISOString(),
): Promise<ImportReanchoring> {
  const urls: { index?: Heads } = {};
  const out: DecodedDocument[] = [];
  const plans: ImportReanchorPlan[] = [];
  const counts = { documents: 0, spans: 0, moved: 0, orphans: 0, keptOrphans: 0 };
  const targeted = new Set<string>();
  for (const doc of documents) {
    const ids = [...new Set([doc.article.id, ...(doc.fileId !== undefined ? [doc.fileId] : [])])];
    const found = await findCopy(
      db,
      { ids, sha256: doc.article.sha256, title: doc.article.title, url: doc.article.metadata.url, text: doc.article.text },
      urls,
    );
    const library = found && !targeted.has(found.id) ? found : undefined;
    const docId = library?.id ?? doc.article.id;
    const fileOrphans = (doc.orphans ?? []).map((o) => orphanFromFile(o, docId, route, now));
    counts.keptOrphans += fileOrphans.length;
    if (!library) {
      out.push(doc);
      if (fileOrphans.length > 0) plans.push({ docId, moved: [], orphans: fileOrphans });
      continue;
    }
    targeted.add(library.id);
    const { report, origins } = reanchorImported(doc.article.text, library.text, doc.annotations);
    const placed: Annotation[] = [];
    const moved: { span: MovedSpan; annotation: Annotation }[] = [];
    const orphans: OrphanSpan[] = [...fileOrphans];
    doc.annotations.forEach((a, i) => {
      const r = report.all[i]!;
      const to = route(a);
      const layer = to.kind === 'colleague' ? { layer: to.key } : {};
      if (r.status === 'orphan') {
        const was = origins.get(a.id);
        orphans.push({ annotation: { ...a, docId }, ...layer, reason: r.reason, orphanedAt: now, ...(was ? { was } : {}) });
        return;
      }
      const annotation: Annotation = { ...a, docId, start: r.start, end: r.end, quote: r.quote };
      placed.push(annotation);
      if (r.status === 'moved' && to.kind === 'mine') moved.push({ span: { id: a.id, oldQuote: a.quote, oldStart: a.start, oldEnd: a.end }, annotation });
    });
    counts.documents += 1;
    counts.spans += doc.annotations.length;
    counts.moved += report.moved.length;
    counts.orphans += report.orphans.length;
    const review = doc.review;
    out.push({ article: library, annotations: placed, ...(review ? { review } : {}) });
    plans.push({ docId, sha256: library.sha256, moved, orphans });
  }
  return { documents: out, plans, summary: counts };
}

/**
 * The stored article that is this document in another version, or undefined. `urls` caches the
 * library's urls for the whole import: one pass over the library, and only when a document has one.
 */
async function findCopy(
  db: SpanmarkDb,
  doc: { readonly ids: readonly string[]; readonly sha256: string; readonly title: string; readonly url?: string | undefined; readonly text: string },
  urls: { index?: Heads },
): Promise<Article | undefined> {
  const byId = (await db.articles.bulkGet([...doc.ids])).filter((a): a is Article => a !== undefined);
  const url = doc.url;
  if (url && byId.length === 0) urls.index ??= await urlIndex(db);
  const urlHeads = url ? (urls.index?.get(url) ?? []) : [];
  const byTitle = byId.length === 0 ? await db.articles.where('title').equals(doc.title).toArray() : [];
  const stored = new Map<string, Article>([...byId, ...byTitle].map((a) => [a.id, a]));
  if (urlHeads.length === 1 && !stored.has(urlHeads[0]!.id)) {
    const a = await db.articles.get(urlHeads[0]!.id);
    if (a) stored.set(a.id, a);
  }
  const alike = (c: CopyHead): boolean => {
    const text = stored.get(c.id)?.text;
    return text !== undefined && textsLookAlike(doc.text, text);
  };
  const match = chooseLibraryCopy(doc, { byId: byId.map(head), byUrl: urlHeads, byTitle: byTitle.map(head) }, alike);
  return match ? (stored.get(match.copy.id) ?? (await db.articles.get(match.copy.id))) : undefined;
}

/** Another tool's document that the library holds in another version: the stored article and where each span goes. */
export interface ForeignCopy {
  readonly library: Article;
  readonly placed: ImportReanchored;
  /** The file's annotation ids, in the order placed.report.all answers. */
  readonly ids: readonly string[];
}

/**
 * For another tool's files (renderer/io/interop-import.ts), before its transaction: each document's
 * library copy with a changed text, and its spans placed there (by the file's annotation ids).
 */
export async function foreignCopies(
  db: SpanmarkDb,
  documents: readonly {
    readonly sha256: string;
    readonly title: string;
    readonly url?: string | undefined;
    readonly text: string;
    readonly spans: readonly { readonly id: string; readonly start: number; readonly end: number }[];
  }[],
): Promise<(ForeignCopy | undefined)[]> {
  const urls: { index?: Heads } = {};
  const targeted = new Set<string>();
  const out: (ForeignCopy | undefined)[] = [];
  for (const d of documents) {
    const found = await findCopy(db, { ids: [d.sha256], sha256: d.sha256, title: d.title, url: d.url, text: d.text }, urls);
    if (!found || targeted.has(found.id)) {
      out.push(undefined);
      continue;
    }
    targeted.add(found.id);
    out.push({ library: found, placed: reanchorImported(d.text, found.text, d.spans), ids: d.spans.map((s) => s.id) });
  }
  return out;
}

/**
 * Inside the foreign import's transaction: the document's annotations (made with the file's offsets,
 * `fileId` naming each one's id in the file) moved onto the library copy, and the plan of moved
 * spans and orphans for storeImportReanchoring. Every span lands in my layer, as foreign imports do.
 */
export function placeForeign(
  copy: ForeignCopy,
  annotations: readonly Annotation[],
  fileId: (a: Annotation) => string,
  now = new Date().toISOString(),
): { annotations: Annotation[]; plan: ImportReanchorPlan; counts: ReanchorCounts } {
  const byId = new Map(copy.ids.map((id, i) => [id, copy.placed.report.all[i]!]));
  const docId = copy.library.id;
  const placed: Annotation[] = [];
  const moved: { span: MovedSpan; annotation: Annotation }[] = [];
  const orphans: OrphanSpan[] = [];
  for (const a of annotations) {
    const r = byId.get(fileId(a));
    if (!r) continue;
    if (r.status === 'orphan') {
      const was = copy.placed.origins.get(r.id);
      orphans.push({ annotation: { ...a, docId }, reason: r.reason, orphanedAt: now, ...(was ? { was } : {}) });
      continue;
    }
    const annotation: Annotation = { ...a, docId, start: r.start, end: r.end, quote: r.quote };
    placed.push(annotation);
    if (r.status === 'moved') moved.push({ span: { id: a.id, oldQuote: a.quote, oldStart: a.start, oldEnd: a.end }, annotation });
  }
  return {
    annotations: placed,
    plan: { docId, sha256: copy.library.sha256, moved, orphans },
    counts: { documents: 1, spans: annotations.length, moved: moved.length, orphans: orphans.length },
  };
}

async function urlIndex(db: SpanmarkDb): Promise<Heads> {
  const index = new Map<string, CopyHead[]>();
  // The library's rows, not its articles: the same fields without every text (~25 MB for 5,000).
  await db.articleRows.each((a) => {
    const url = a.metadata.url;
    if (url) index.set(url, [...(index.get(url) ?? []), head(a)]);
  });
  return index;
}

/** A file's orphan as the orphans list keeps it: offsets are the file's code points (its text is not at hand). */
function orphanFromFile(o: DecodedOrphan, docId: string, route: (a: Annotation) => Route, now: string): OrphanSpan {
  const annotation: Annotation = {
    id: o.id,
    docId,
    label: o.label,
    start: o.start ?? 0,
    end: o.end ?? o.quote.length,
    quote: o.quote,
    annotator: o.annotator,
    ...(o.annotatorId !== undefined ? { annotatorId: o.annotatorId } : {}),
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    ...(o.note !== undefined ? { note: o.note } : {}),
    ...(o.attributes !== undefined ? { attributes: o.attributes } : {}),
  };
  const to = route(annotation);
  return {
    annotation,
    ...(to.kind === 'colleague' ? { layer: to.key } : {}),
    reason: o.reason ?? 'It was an orphan in the file it was imported from.',
    orphanedAt: o.orphanedAt ?? now,
    ...(o.start !== undefined && o.end !== undefined ? { was: { start: o.start, end: o.end, prefix: o.prefix ?? '', suffix: o.suffix ?? '' } } : {}),
  };
}

/**
 * Inside the import's transaction, before its annotations are written: adds the plans' moved spans
 * and orphans to each document's list. A span my layer already holds as the file has it (or newer)
 * is not marked again, an orphan my layer holds placed is not one, and an orphan already listed is
 * not listed twice, so importing a file again changes nothing. Throws when a text the spans were
 * placed on changed since (the transaction then writes nothing).
 */
export async function storeImportReanchoring(db: SpanmarkDb, plans: readonly ImportReanchorPlan[], now = new Date().toISOString()): Promise<void> {
  for (const p of plans) {
    const article = await db.articles.get(p.docId);
    if (p.sha256 !== undefined && article?.sha256 !== p.sha256)
      throw new Error(`the text of “${article?.title ?? p.docId}” changed during the import, so nothing was imported; import the file again`);
    if (p.moved.length === 0 && p.orphans.length === 0) continue;
    const record = await db.textReplacements.get(p.docId);
    const ownIds = [...p.moved.map((m) => m.span.id), ...p.orphans.filter((o) => o.layer === undefined).map((o) => o.annotation.id)];
    const wanted = new Set(ownIds);
    const stored = new Map((await readMineOf(db, p.docId)).filter((a) => wanted.has(a.id)).map((a) => [a.id, a]));
    const listedMoved = new Set((record?.moved ?? []).map((m) => m.id));
    const moved = p.moved
      .filter((m) => !listedMoved.has(m.span.id))
      .filter((m) => {
        const s = stored.get(m.span.id);
        const outcome = ownMergeOutcome(s, m.annotation);
        return outcome === 'added' || outcome === 'updated';
      })
      .map((m) => m.span);
    const key = (o: OrphanSpan) => `${o.layer ?? ''}|${o.annotation.id}`;
    const listed = new Set((record?.orphans ?? []).map(key));
    const orphans = p.orphans.filter((o) => !listed.has(key(o)) && !(o.layer === undefined && stored.has(o.annotation.id)));
    if (moved.length === 0 && orphans.length === 0) continue;
    await db.textReplacements.put({
      docId: p.docId,
      replacedAt: record?.replacedAt ?? now,
      moved: [...(record?.moved ?? []), ...moved],
      orphans: [...(record?.orphans ?? []), ...orphans],
      ...(record?.undo ? { undo: record.undo } : {}),
    });
  }
}
