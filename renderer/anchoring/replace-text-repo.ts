// File › Replace text…, as stored: the article keeps its id (review decisions, colleague layers,
// snapshots and the last-opened setting all name it, some inside their own keys), its text, blocks
// and sha256 become the new version's, and every annotation, mine and colleagues', is re-anchored
// in the same transaction: placed ones take their new offsets and quote, orphans leave the layers
// for the record's orphans list (kept whole, never dropped). The revision is bumped so no snapshot
// of the old offsets is ever read again. Colleagues' moved spans are re-anchored silently (their
// layers are read-only here); only my layer's moved spans wait for confirmation.

import { putInSteps } from '../db/put-in-steps.js';
import { reanchorText, type Reanchored } from '../../src/anchoring/reanchor.js';
import { originIn } from '../../src/anchoring/import-onto.js';
import { reanchorInWindow, type Reanchor } from './reanchor-client.js';
import type { Annotation } from '../../src/annotations/types.js';
import { sortAnnotations } from '../../src/annotations/commands.js';
import type { Article, ParsedArticle } from '../../src/document/article.js';
import { stampWrittenWhole } from '../db/annotations-repo.js';
import { sha256Hex } from '../db/articles-repo.js';
import type { ColleagueAnnotation, SpanmarkDb } from '../db/db.js';
import type { MovedSpan, OrphanSpan, ReplacementState, TextReplacement } from './replacement-types.js';
import { myLayerTables, readMineOf, replaceMineOn } from '../db/my-layer-store.js';

export type ReplaceOutcome =
  | { readonly kind: 'identical' }
  | { readonly kind: 'taken'; readonly title: string }
  | { readonly kind: 'gone' }
  | { readonly kind: 'replaced'; readonly exact: number; readonly moved: number; readonly orphans: number };

const tables = (db: SpanmarkDb) => [db.articles, ...myLayerTables(db), db.colleagueAnnotations, db.layerRevisions, db.layerSnapshots, db.textReplacements];

/**
 * `reanchor` computes the placements before the write transaction (the app passes its Worker's, so
 * a megabyte article with thousands of spans never blocks the window); a span added or changed
 * while it ran is placed inside the transaction, and a text replaced meanwhile is placed afresh.
 */
export async function replaceArticleText(
  db: SpanmarkDb,
  docId: string,
  parsed: ParsedArticle,
  now = new Date().toISOString(),
  reanchor: Reanchor = reanchorInWindow,
): Promise<ReplaceOutcome> {
  const sha = await sha256Hex(parsed.text);
  const ahead = await placeAhead(db, docId, parsed.text, reanchor);
  return db.transaction('rw', tables(db), async () => {
    const article = await db.articles.get(docId);
    if (!article) return { kind: 'gone' } as const;
    if (article.text === parsed.text) return { kind: 'identical' } as const;
    const other = (await db.articles.get(sha)) ?? (await db.articles.where('sha256').equals(sha).first());
    if (other && other.id !== docId) return { kind: 'taken', title: other.title } as const;
    const [own, colleagues, record] = await Promise.all([
      readMineOf(db, docId),
      db.colleagueAnnotations.where('docId').equals(docId).toArray(),
      db.textReplacements.get(docId),
    ]);
    const known = ahead?.oldText === article.text ? ahead.placed : undefined;
    const mine = place(article.text, parsed.text, own, now, known, (a) => ownKey(a));
    const theirs = place(article.text, parsed.text, colleagues, now, known, (a) => colleagueKey(a));
    // Spans still unconfirmed from an earlier replacement stay unconfirmed, against their first quote.
    const earlier = new Map((record?.moved ?? []).map((m) => [m.id, m]));
    const moved: MovedSpan[] = mine.moved.map((m) => earlier.get(m.id) ?? m);
    // A set, not a search of the list per span: 10,000 spans with 7,600 moved made that 76 million
    // comparisons, seconds of frozen window inside the transaction.
    const movedNow = new Set(mine.moved.map((m) => m.id));
    for (const p of mine.placed) if (!movedNow.has(p.id) && earlier.has(p.id)) moved.push(earlier.get(p.id)!);
    const orphans: OrphanSpan[] = [
      ...(record?.orphans ?? []),
      ...mine.orphans,
      ...theirs.orphans.map((o) => ({ ...o, layer: (o.annotation as ColleagueAnnotation).layer })),
    ];
    const next: Article = {
      ...article,
      title: parsed.title,
      format: parsed.format,
      text: parsed.text,
      blocks: parsed.blocks,
      metadata: { ...parsed.metadata },
      sha256: sha,
    };
    await db.articles.put(next);
    // Written whole (orphans left out), in text order as the session keeps it.
    await replaceMineOn(db, docId, sortAnnotations(mine.placed));
    if (theirs.orphans.length > 0)
      await db.colleagueAnnotations.bulkDelete(
        theirs.orphans.map((o) => [docId, (o.annotation as ColleagueAnnotation).layer, o.annotation.id] as [string, string, string]),
      );
    await putInSteps(db.colleagueAnnotations, theirs.placed);
    // The layer was just written whole in text order: its chunks are its snapshot, as after an import.
    const { revision } = await stampWrittenWhole(db, docId);
    const state: ReplacementState | undefined = record ? { moved: record.moved, orphans: record.orphans } : undefined;
    await db.textReplacements.put({
      docId,
      replacedAt: now,
      moved,
      orphans,
      undo: { article, own, colleagues, revision, ...(state ? { state } : {}) },
    });
    return {
      kind: 'replaced',
      exact: own.length - mine.moved.length - mine.orphans.length,
      moved: mine.moved.length,
      orphans: mine.orphans.length + theirs.orphans.length,
    } as const;
  });
}

const ownKey = (a: { id: string; start: number; end: number }) => `o|${a.id}|${a.start}|${a.end}`;
const colleagueKey = (a: ColleagueAnnotation) => `c|${a.layer}|${a.id}|${a.start}|${a.end}`;

/** Every span's placement, computed outside any transaction; undefined when there is nothing to place. */
async function placeAhead(
  db: SpanmarkDb,
  docId: string,
  newText: string,
  reanchor: Reanchor,
): Promise<{ oldText: string; placed: ReadonlyMap<string, Reanchored> } | undefined> {
  const read = await db.transaction('r', [db.articles, ...myLayerTables(db), db.colleagueAnnotations], async () => {
    const article = await db.articles.get(docId);
    if (!article || article.text === newText) return undefined;
    const own = await readMineOf(db, docId);
    const colleagues = await db.colleagueAnnotations.where('docId').equals(docId).toArray();
    return {
      oldText: article.text,
      spans: [
        ...own.map((a) => ({ id: ownKey(a), start: a.start, end: a.end })),
        ...colleagues.map((a) => ({ id: colleagueKey(a), start: a.start, end: a.end })),
      ],
    };
  });
  if (!read || read.spans.length === 0) return undefined;
  const all = await reanchor(read.oldText, newText, read.spans);
  return { oldText: read.oldText, placed: new Map(all.map((r) => [r.id, r])) };
}

function place<A extends Annotation>(
  oldText: string,
  newText: string,
  list: readonly A[],
  now: string,
  known: ReadonlyMap<string, Reanchored> | undefined,
  key: (a: A) => string,
): { placed: A[]; moved: MovedSpan[]; orphans: OrphanSpan[] } {
  // Spans placed ahead are taken as placed; the few added or moved since are placed here.
  const late = list.filter((a) => !known?.has(key(a)));
  const fresh = late.length > 0 ? reanchorText(oldText, newText, late).all : [];
  const freshById = new Map(late.map((a, i) => [a, fresh[i]!]));
  const placed: A[] = [];
  const moved: MovedSpan[] = [];
  const orphans: OrphanSpan[] = [];
  list.forEach((a) => {
    const r: Reanchored = known?.get(key(a)) ?? freshById.get(a)!;
    if (r.status === 'orphan') {
      const was = originIn(oldText, a.start, a.end);
      orphans.push({ annotation: a, reason: r.reason, orphanedAt: now, ...(was ? { was } : {}) });
    } else if (r.status === 'exact') placed.push(a);
    else {
      placed.push({ ...a, start: r.start, end: r.end, quote: r.quote });
      moved.push({ id: a.id, oldQuote: a.quote, oldStart: a.start, oldEnd: a.end });
    }
  });
  return { placed, moved, orphans };
}

export type UndoOutcome = 'undone' | 'nothing' | 'edited-since';

/**
 * Undoes the last replacement: the old text and every annotation exactly as they were. Edits made
 * to my layer after it would be lost, so unless `discardLaterEdits` it refuses ('edited-since').
 */
export async function undoReplacement(db: SpanmarkDb, docId: string, discardLaterEdits = false): Promise<UndoOutcome> {
  return db.transaction('rw', tables(db), async () => {
    const record = await db.textReplacements.get(docId);
    if (!record?.undo) return 'nothing';
    if (!discardLaterEdits && (await db.layerRevisions.get(docId))?.revision !== record.undo.revision) return 'edited-since';
    const { article, own, colleagues, state } = record.undo;
    await db.articles.put(article);
    await replaceMineOn(db, docId, sortAnnotations(own));
    await db.colleagueAnnotations.where('docId').equals(docId).delete();
    await putInSteps(db.colleagueAnnotations, colleagues);
    await stampWrittenWhole(db, docId);
    if (state) await db.textReplacements.put({ docId, replacedAt: record.replacedAt, moved: state.moved, orphans: state.orphans });
    else await db.textReplacements.delete(docId);
    return 'undone';
  });
}

/** Confirms moved spans of my layer (all when `ids` is absent): they are no longer marked. */
export async function confirmMoved(db: SpanmarkDb, docId: string, ids?: readonly string[]): Promise<void> {
  await db.transaction('rw', db.textReplacements, async () => {
    const record = await db.textReplacements.get(docId);
    if (!record) return;
    const drop = ids ? new Set(ids) : undefined;
    await db.textReplacements.put({ ...record, moved: drop ? record.moved.filter((m) => !drop.has(m.id)) : [] });
  });
}

export async function loadReplacement(db: SpanmarkDb, docId: string): Promise<TextReplacement | undefined> {
  return db.textReplacements.get(docId);
}
