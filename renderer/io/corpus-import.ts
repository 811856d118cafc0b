// Batch import of articles and article feeds into the library. Every file is parsed first (a feed
// into its articles and refused lines), then the articles are hashed and written in batches, each
// batch one committed transaction: a cancel, a crash or a full disk leaves whole articles only,
// and every article written before it stays. An article whose text is already stored (or came
// earlier in the same import) is reported as already in the library and left as it is.
// Runs in the corpus Worker (corpus-worker.ts); nothing of the DOM is touched.
// Excluded: annotations (File › Import brings those) and updating a stored article's metadata.

import type { Article, ParsedArticle } from '../../src/document/article.js';
import { parseArticle } from '../../src/document/open-article.js';
import { feedFormatForName, parseFeedBytes } from '../../src/corpus/feed.js';
import { feedToArticle } from '../../src/corpus/feed-to-article.js';
import { sha256Hex } from '../db/articles-repo.js';
import type { SpanmarkDb } from '../db/db.js';

export interface CorpusFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type CorpusStatus = 'added' | 'existing' | 'refused';

/** What became of one article (or of a whole file that could not be read). */
export interface CorpusOutcome {
  readonly file: string;
  /** The feed line the article starts on; absent for a single-article file or a whole file. */
  readonly line?: number;
  readonly status: CorpusStatus;
  readonly title?: string;
  readonly docId?: string;
  /** Why it was refused, or where the same text is when it already existed. */
  readonly reason?: string;
}

export interface CorpusProgress {
  readonly stage: 'reading' | 'saving';
  readonly done: number;
  readonly total: number;
  /** Outcomes since the last progress report. */
  readonly outcomes: readonly CorpusOutcome[];
}

export interface CorpusSummary {
  readonly added: number;
  readonly existing: number;
  readonly refused: number;
  /** Articles never reached because the import was cancelled. */
  readonly skipped: number;
  readonly cancelled: boolean;
}

/** Articles per transaction: few enough that a cancel stops within a moment, many enough to be quick. */
export const CORPUS_BATCH = 100;

interface Candidate {
  readonly file: string;
  readonly line?: number;
  readonly parsed: ParsedArticle;
  readonly sameTextAs?: number;
}

export async function importCorpus(
  db: SpanmarkDb,
  files: readonly CorpusFile[],
  onProgress: (p: CorpusProgress) => void,
  cancelled: () => boolean = () => false,
  batchSize = CORPUS_BATCH,
): Promise<CorpusSummary> {
  const counts = { added: 0, existing: 0, refused: 0 };
  const candidates: Candidate[] = [];
  let outcomes: CorpusOutcome[] = [];
  const note = (o: CorpusOutcome): void => {
    outcomes.push(o);
    counts[o.status] += 1;
  };
  for (const [i, f] of files.entries()) {
    if (cancelled()) break;
    if (feedFormatForName(f.name) !== undefined) {
      const feed = parseFeedBytes(f.name, f.bytes);
      if (!feed.ok) {
        note({ file: f.name, status: 'refused', reason: feed.error.message });
        continue;
      }
      // Refusals and articles in line order, so the report reads like the file.
      for (const r of feed.value.refusals) note({ file: f.name, line: r.line, status: 'refused', reason: r.reason });
      for (const a of feed.value.articles) {
        const c: Candidate = { file: f.name, line: a.line, parsed: feedToArticle(f.name, a) };
        candidates.push(a.sameTextAs === undefined ? c : { ...c, sameTextAs: a.sameTextAs });
      }
    } else {
      const parsed = parseArticle(f.name, f.bytes);
      if (parsed.ok) candidates.push({ file: f.name, parsed: parsed.value });
      else note({ file: f.name, status: 'refused', reason: parsed.error.message });
    }
    onProgress({ stage: 'reading', done: i + 1, total: files.length, outcomes });
    outcomes = [];
  }
  const total = candidates.length;
  let done = 0;
  onProgress({ stage: 'saving', done, total, outcomes });
  outcomes = [];
  /** Texts added by this import, by hash: a later copy in another file is "existing" too. */
  const seen = new Map<string, string>();
  while (done < total && !cancelled()) {
    const batch = candidates.slice(done, done + batchSize);
    const ids = await Promise.all(batch.map((c) => sha256Hex(c.parsed.text)));
    const pending: CorpusOutcome[] = [];
    const now = new Date().toISOString();
    await db.transaction('rw', db.articles, async () => {
      const stored = await db.articles.bulkGet(ids);
      const fresh: Article[] = [];
      const inBatch = new Set<string>();
      for (const [k, c] of batch.entries()) {
        const id = ids[k]!;
        const where = c.line === undefined ? c.file : `${c.file}, line ${c.line}`;
        const base =
          c.line === undefined ? { file: c.file, title: c.parsed.title, docId: id } : { file: c.file, line: c.line, title: c.parsed.title, docId: id };
        if (stored[k] || inBatch.has(id) || seen.has(id)) {
          const earlier =
            c.sameTextAs !== undefined ? `line ${c.sameTextAs} of this feed` : seen.has(id) ? seen.get(id)! : `“${stored[k]?.title ?? c.parsed.title}”`;
          pending.push({ ...base, status: 'existing', reason: `same text as ${earlier}` });
          continue;
        }
        inBatch.add(id);
        seen.set(id, where);
        fresh.push({ ...c.parsed, id, sha256: id, addedAt: now });
        pending.push({ ...base, status: 'added' });
      }
      if (fresh.length > 0) await db.articles.bulkAdd(fresh);
    });
    // Counted only once committed: a batch that failed wrote nothing and is reported by the caller.
    for (const o of pending) note(o);
    done += batch.length;
    onProgress({ stage: 'saving', done, total, outcomes });
    outcomes = [];
  }
  return { ...counts, skipped: total - done, cancelled: done < total };
}

/** The report as plain text, one line per outcome, for the clipboard. */
export function corpusReportText(summary: CorpusSummary, outcomes: readonly CorpusOutcome[]): string {
  const head = `${summary.cancelled ? 'Cancelled. ' : ''}${summary.added} added, ${summary.existing} already in the library, ${summary.refused} refused${summary.skipped ? `, ${summary.skipped} not imported (cancelled)` : ''}.`;
  const lines = outcomes.map((o) => {
    const where = o.line === undefined ? o.file : `${o.file}, line ${o.line}`;
    const what = o.status === 'added' ? 'added' : o.status === 'existing' ? 'already in the library' : 'refused';
    const title = o.title ? ` “${o.title}”` : '';
    return `${where}: ${what}${title}${o.reason ? ` — ${o.reason}` : ''}`;
  });
  return [head, ...lines].join('\n');
}
