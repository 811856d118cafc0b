// File › Replace text… for the open document: pick a file (as File › Open does, with its messages
// for files that cannot be read), parse it the same way, re-anchor and store in one transaction,
// then reopen the document from the database, so what is shown is what a reload shows. Also the
// replacement record of the open document (moved spans to confirm, orphans), the dashed marks on
// unconfirmed spans, and undoing the replacement.

import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { Annotation } from '../../src/annotations/types.js';
import { parseArticle } from '../../src/document/open-article.js';
import type { Platform } from '../../src/platform/platform.js';
import type { SpanmarkDb } from '../db/db.js';
import type { ReaderController } from '../reader/ArticleView.js';
import type { DocumentSession } from '../store/document-session.js';
import { announceChange, onRemoteChange } from '../store/change-channel.js';
import { formatCount, plural } from '../ui/format.js';
import { onAppEvent } from '../app/events.js';
import { confirmMoved, loadReplacement, replaceArticleText, undoReplacement } from './replace-text-repo.js';
import type { TextReplacement } from './replacement-types.js';
import { pendingMoved } from './ReplacementPanel.js';
import { createReanchorer } from './reanchor-client.js';

interface Options {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  readonly session: DocumentSession | null;
  readonly annotations: readonly Annotation[];
  readonly controller: RefObject<ReaderController | null>;
  readonly openDoc: (id: string) => Promise<void>;
  readonly say: (kind: 'info' | 'error', text: string) => void;
  readonly fail: (what: string, e: unknown) => void;
}

export function useReplaceText({ db, platform, session, annotations, controller, openDoc, say, fail }: Options) {
  const docId = session?.article.id;
  // One worker for the window's life, started on first use.
  const reanchorer = useMemo(() => createReanchorer(), []);
  const [record, setRecord] = useState<TextReplacement | undefined>(undefined);
  const refresh = useCallback(async () => {
    setRecord(docId === undefined ? undefined : await loadReplacement(db, docId));
  }, [db, docId]);
  // Read again for every session: opening, reopening after a replacement or its undo.
  useEffect(() => {
    setRecord(undefined);
    void refresh().catch((e: unknown) => fail('Could not read the replaced text’s moved spans and orphans', e));
  }, [session, refresh, fail]);

  // An import re-anchored spans onto this document (or brought orphans): its lists are read again.
  useEffect(() => {
    if (docId === undefined) return undefined;
    return onAppEvent('spanmark:import-committed', (d) => {
      if (d.docIds.includes(docId)) void refresh().catch((e: unknown) => fail('Could not read the moved spans and orphans', e));
    });
  }, [docId, refresh, fail]);

  // Another window replaced the text (or undid it): this window's session holds the old text, so
  // the document is reopened from the database rather than its layers read against that text.
  useEffect(() => {
    if (!session) return undefined;
    const id = session.article.id;
    return onRemoteChange(id, () => {
      void db.articles
        .get(id)
        .then(async (stored) => (stored && stored.sha256 !== session.article.sha256 ? openDoc(id) : refresh()))
        .catch((e: unknown) => fail('Could not follow the change made in another window', e));
    });
  }, [db, session, openDoc, refresh, fail]);

  const moved = useMemo(() => pendingMoved(record, annotations).map((m) => m.now), [record, annotations]);
  useEffect(() => {
    controller.current?.mark('sm-moved', moved);
  }, [controller, moved, session]);

  /** Stores, then reopens the document from the database (a new session holds the new text). */
  const afterChange = useCallback(
    async (id: string) => {
      await openDoc(id);
      announceChange(id);
    },
    [openDoc],
  );

  const replaceText = useCallback(async () => {
    if (!session) return say('info', 'Open an article first: File › Replace text… gives the open article a newer version of its text.');
    // Started while the analyst picks the file, so it is ready when the text is.
    reanchorer.prewarm();
    const file = await platform.pickFile('article');
    if (!file) return undefined;
    const parsed = parseArticle(file.name, file.bytes);
    if (!parsed.ok) return say('error', parsed.error.message);
    // Edits still being written are part of the layer that is re-anchored.
    await session.committedLayer();
    const id = session.article.id;
    const out = await replaceArticleText(db, id, parsed.value, undefined, reanchorer.run);
    switch (out.kind) {
      case 'identical':
        return say('info', `${file.name} has the same text as this article; nothing was changed.`);
      case 'taken':
        return say('error', `The text of ${file.name} is already in the library as “${out.title}”; nothing was changed.`);
      case 'gone':
        return say('error', 'That document is no longer in the library.');
      case 'replaced':
        await afterChange(id);
        return say(
          'info',
          `Text replaced from ${file.name}: ${formatCount(out.exact)} in place, ${plural(out.moved, 'moved span')} to confirm, ${plural(out.orphans, 'orphan')}.`,
        );
    }
  }, [afterChange, db, platform, reanchorer, say, session]);

  const confirm = useCallback(
    (ids?: readonly string[]) => {
      if (docId === undefined) return;
      void confirmMoved(db, docId, ids)
        .then(refresh)
        .then(() => announceChange(docId))
        .catch((e: unknown) => fail('Could not confirm the moved spans', e));
    },
    [db, docId, fail, refresh],
  );

  /** `fromPanel`: the analyst asked for it by name, so edits made since are given up too. */
  const undo = useCallback(
    async (fromPanel: boolean) => {
      if (!session) return;
      await session.committedLayer();
      const id = session.article.id;
      const out = await undoReplacement(db, id, fromPanel);
      if (out === 'edited-since')
        return say(
          'info',
          'You edited annotations after the text was replaced. Use “Undo text replacement” in the panel to go back to the old text (those edits are then undone too).',
        );
      if (out === 'nothing') return undefined;
      await afterChange(id);
      say('info', 'The text replacement was undone: the old text and every annotation are back.');
    },
    [afterChange, db, say, session],
  );

  const exportOrphans = useCallback(async () => {
    if (!session || !record || record.orphans.length === 0) return;
    const a = session.article;
    const content = JSON.stringify(
      {
        about: 'Annotations that could not be placed when this article’s text was replaced (offsets: UTF-16 code units into the text they were made on).',
        docId: a.id,
        title: a.title,
        sha256: a.sha256,
        orphans: record.orphans.map((o) => ({ ...o.annotation, ...(o.layer ? { layer: o.layer } : {}), reason: o.reason, orphanedAt: o.orphanedAt })),
      },
      null,
      2,
    );
    const base = (a.metadata.sourceName ?? a.title).replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'article';
    const saved = await platform.saveFile(`${base}.orphans.json`, content);
    if (saved.saved) say('info', `${plural(record.orphans.length, 'orphan')} saved to ${saved.where}.`);
  }, [platform, record, say, session]);

  return { record, replaceText, confirm, undo, exportOrphans };
}
