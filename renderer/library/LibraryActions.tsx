// The library's actions on the picked articles (or the focused one): Delete, Archive / Unarchive,
// Restore, and Empty Deleted behind a confirmation; and the status line saying what the last one
// did, with its Undo. Every message is shown only after the write's transaction committed (strict
// durability). Excluded: the writes (shelf-repo.ts) and which rows are picked (LibraryTable.tsx).

import { useState } from 'react';
import { shelfMessage, type Shelf } from '../../src/corpus/library-shelf.js';
import { describeFailure, type SpanmarkDb } from '../db/db.js';
import { ConfirmDialog } from '../ui/ConfirmDialog.js';
import { deletedIds, deleteArticles, purgeDeleted, putBack, restoreArticles, setArchived, type ShelfBefore } from './shelf-repo.js';
import { formatCount, plural } from '../ui/format.js';

type Kind = 'deleted' | 'archived' | 'unarchived' | 'restored' | 'purged';

interface Done {
  readonly kind: Kind;
  /** The articles changed, with their marks before: what Undo writes back. */
  readonly marks: readonly ShelfBefore[];
  readonly text: string;
  readonly error?: boolean;
}

export function useLibraryActions(db: SpanmarkDb, clearPicked: (ids: readonly string[]) => void) {
  const [done, setDone] = useState<Done | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (kind: Kind, ids: readonly string[], write: () => Promise<readonly ShelfBefore[]>) => {
    if (ids.length === 0 || busy) return;
    setBusy(true);
    try {
      const changed = await write();
      clearPicked(changed.map((m) => m.id));
      setDone({ kind, marks: kind === 'purged' ? [] : changed, text: shelfMessage(kind, changed.length) });
    } catch (e) {
      setDone({ kind, marks: [], text: `Nothing was changed: ${describeFailure(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  const act = {
    delete: (ids: readonly string[]) => run('deleted', ids, () => deleteArticles(db, ids)),
    archive: (ids: readonly string[]) => run('archived', ids, () => setArchived(db, ids, true)),
    unarchive: (ids: readonly string[]) => run('unarchived', ids, () => setArchived(db, ids, false)),
    restore: (ids: readonly string[]) => run('restored', ids, () => restoreArticles(db, ids)),
    purgeAll: () => run('purged', ['all'], async () => (await purgeDeleted(db, await deletedIds(db))).map((id) => ({ id }))),
  };

  /** Undoes the last action exactly (a for-good deletion has no undo). */
  const undo = async () => {
    if (!done || done.error || done.marks.length === 0 || busy) return;
    setBusy(true);
    try {
      const n = (await putBack(db, done.marks)).length;
      setDone({
        kind: done.kind,
        marks: [],
        text: `Undone: ${formatCount(n)} ${n === 1 ? 'article is' : 'articles are'} back where ${n === 1 ? 'it was' : 'they were'}.`,
      });
    } catch (e) {
      setDone({ ...done, text: `Could not undo: ${describeFailure(e)}`, error: true });
    } finally {
      setBusy(false);
    }
  };

  return { done, busy, act, undo };
}

interface Props {
  readonly shelf: Shelf;
  /** What an action would act on now (picked rows shown, else the focused row). */
  readonly target: readonly string[];
  readonly deletedCount: number;
  readonly actions: ReturnType<typeof useLibraryActions>;
}

export function LibraryActions({ shelf, target, deletedCount, actions }: Props) {
  const { done, busy, act, undo } = actions;
  const [confirm, setConfirm] = useState(false);
  const n = target.length;
  const undoable = done !== null && !done.error && done.marks.length > 0;
  return (
    <>
      <div className="library-shelf-actions" role="group" aria-label="Selected articles">
        {shelf === 'deleted' ? (
          <>
            <button type="button" disabled={n === 0 || busy} onClick={() => void act.restore(target)} data-testid="library-restore">
              Restore{n > 0 ? ` ${n}` : ''}
            </button>
            <button type="button" disabled={deletedCount === 0 || busy} onClick={() => setConfirm(true)} data-testid="library-empty-deleted">
              Empty Deleted…
            </button>
          </>
        ) : (
          <>
            <button type="button" disabled={n === 0 || busy} onClick={() => void act.delete(target)} data-testid="library-delete" title="Delete (Del)">
              Delete{n > 0 ? ` ${n}` : ''}
            </button>
            {shelf === 'archived' ? (
              <button type="button" disabled={n === 0 || busy} onClick={() => void act.unarchive(target)} data-testid="library-unarchive">
                Unarchive{n > 0 ? ` ${n}` : ''}
              </button>
            ) : (
              <button type="button" disabled={n === 0 || busy} onClick={() => void act.archive(target)} data-testid="library-archive">
                Archive{n > 0 ? ` ${n}` : ''}
              </button>
            )}
          </>
        )}
        {done ? (
          <span role={done.error ? 'alert' : 'status'} className={done.error ? 'library-status error' : 'library-status'} data-testid="library-status">
            {done.text}
            {undoable ? (
              <>
                {' '}
                <button type="button" onClick={() => void undo()} disabled={busy} data-testid="library-undo" title="Undo (Ctrl/⌘+Z)">
                  Undo
                </button>
              </>
            ) : null}
          </span>
        ) : null}
      </div>
      {confirm ? (
        <ConfirmDialog
          title="Empty Deleted"
          message={`Delete ${plural(deletedCount, 'article')} for good, with every annotation, colleague's layer and review decision on ${deletedCount === 1 ? 'it' : 'them'}? This cannot be undone.`}
          yes="Delete for good"
          no="Keep them"
          testId="confirm-empty-deleted"
          onAnswer={(yes) => {
            setConfirm(false);
            if (yes) void act.purgeAll();
          }}
        />
      ) : null}
    </>
  );
}
