// File › Open with several files, dropped files and article feeds: a few plain articles open one
// after another as before, each with its own message (the last one shown); more than
// FEW_ARTICLES, or any feed, are a batch import in the corpus Worker, shown in the
// CorpusImportPanel with every article's outcome. Progress arrives per committed batch and is folded into one state object, so
// the window renders once per batch, not once per article.

import { useCallback, useMemo, useRef, useState } from 'react';
import type { Platform, SkippedFile } from '../../src/platform/platform.js';
import { feedFormatForName, MAX_FEED_BYTES } from '../../src/corpus/feed.js';
import { importWontFit } from '../../src/corpus/storage-estimate.js';
import { estimateStorage } from './storage-estimate.js';
import type { SpanmarkDb } from '../db/db.js';
import { createCorpusImporter, type CorpusRun } from '../io/corpus-client.js';
import type { CorpusFile, CorpusOutcome } from '../io/corpus-import.js';
import type { CorpusImportState } from './CorpusImportPanel.js';

/** Up to this many plain articles are opened one by one, each shown with its own message. */
export const FEW_ARTICLES = 5;

/** Whether these files are a batch (and not a few articles to open and show). */
export function isBatch(names: readonly string[]): boolean {
  return names.length > FEW_ARTICLES || names.some((n) => feedFormatForName(n) !== undefined);
}

export function useCorpusImport(
  db: SpanmarkDb,
  platform: Platform,
  openOne: (name: string, bytes: Uint8Array) => Promise<unknown>,
  fail: (what: string, e: unknown) => void,
) {
  const importer = useMemo(() => createCorpusImporter(db), [db]);
  const [state, setState] = useState<CorpusImportState | null>(null);
  const running = useRef<CorpusRun | null>(null);

  const importFiles = useCallback(
    async (files: readonly CorpusFile[], skipped: readonly SkippedFile[] = []) => {
      // One batch at a time (the panel shows the one running); a second is refused, not dropped unsaid.
      if (running.current) throw new Error('An article import is still running: wait for it to finish, or cancel it, then try again.');
      // A folder's files left out are reported first, as refused with their reason: no silent drops.
      const outcomes: CorpusOutcome[] = skipped.map((s) => ({ file: s.name, status: 'refused', reason: `skipped: ${s.reason}` }));
      const counts = { added: 0, existing: 0, refused: skipped.length };
      const base = { outcomes, counts, cancelling: false };
      // Refused before anything is written when the browser's estimate says it cannot fit.
      const wontFit = importWontFit(
        await estimateStorage(),
        files.reduce((sum, f) => sum + f.bytes.byteLength, 0),
      );
      if (wontFit !== undefined) {
        setState({ ...base, stage: 'failed', done: 0, total: files.length, failure: wontFit });
        return;
      }
      setState({ ...base, stage: 'reading', done: 0, total: files.length });
      const run = importer.run(files, (p) => {
        for (const o of p.outcomes) {
          outcomes.push(o);
          counts[o.status] += 1;
        }
        setState((s) => (s ? { ...s, stage: p.stage, done: p.done, total: p.total, counts: { ...counts } } : s));
      });
      running.current = run;
      const r = await run.result;
      running.current = null;
      setState((s) =>
        s
          ? r.ok
            ? { ...s, outcomes: [...outcomes], counts: { ...counts }, stage: 'done', summary: { ...r.summary, refused: r.summary.refused + skipped.length } }
            : { ...s, outcomes: [...outcomes], counts: { ...counts }, stage: 'failed', failure: r.message }
          : s,
      );
    },
    [importer],
  );

  /**
   * Dropped files that are not exports: a batch is read (each file's size checked first, so a
   * dropped disk image is never loaded) and imported; one plain article returns false for the
   * caller to open as before.
   */
  const dropFiles = useCallback(
    async (files: readonly File[]): Promise<boolean> => {
      if (!isBatch(files.map((f) => f.name))) return false;
      const read: CorpusFile[] = [];
      const tooBig: string[] = [];
      for (const f of files) {
        if (f.size > MAX_FEED_BYTES) tooBig.push(f.name);
        else read.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      }
      if (tooBig.length > 0) fail('Some files were not imported', new Error(`${tooBig.join(', ')} ${tooBig.length === 1 ? 'is' : 'are'} larger than 512 MB`));
      if (read.length > 0) await importFiles(read);
      return true;
    },
    [importFiles, fail],
  );

  /** File › Open: several files (or a feed) are a batch; one article opens as it always did. */
  const openFiles = useCallback(async () => {
    try {
      const files = await platform.pickFiles('article');
      if (files.length === 0) return;
      if (isBatch(files.map((f) => f.name))) await importFiles(files);
      else for (const f of files) await openOne(f.name, f.bytes);
    } catch (e) {
      fail('Could not open the articles', e);
    }
  }, [platform, openOne, importFiles, fail]);

  /** File › Open folder…: always a batch, so the files left out are reported with the articles. */
  const openFolder = useCallback(async () => {
    try {
      const pick = await platform.pickFolder('article');
      if (pick.picked) await importFiles(pick.files, pick.skipped);
    } catch (e) {
      fail('Could not open the folder', e);
    }
  }, [platform, importFiles, fail]);

  return {
    state,
    openFiles,
    openFolder,
    importFiles,
    dropFiles,
    cancel: () => {
      running.current?.cancel();
      setState((s) => (s ? { ...s, cancelling: true } : s));
    },
    close: () => setState(null),
  };
}
