// The annotation commands the toolbar, menus, keys, find bar and panels share (create, tag all,
// relabel, note, delete, undo, redo) and the open, import and export orchestration that brings
// annotations in and out, each run through the document session so it is shown, committed and
// undoable like any other edit. The view state they change (pending span, selection, import
// progress) stays in App; leaving the library and opening settings are not here.

import type { Article } from '../../src/document/article.js';
import { describeReanchoring } from '../../src/anchoring/import-onto.js';
import { useCallback, useMemo, type Dispatch, type MutableRefObject, type SetStateAction } from 'react';
import { createAnnotation, relabel, withNote } from '../../src/annotations/create.js';
import type { AnnotationCommand } from '../../src/annotations/commands.js';
import { tagSpans } from '../../src/annotations/tag-spans.js';
import type { LabelId } from '../../src/labels/schema.js';
import type { Platform } from '../../src/platform/platform.js';
import { findIdenticalInOrder } from '../../src/review/identical.js';
import type { SpanmarkDb } from '../db/db.js';
import { exportDocumentChunks, exportDocuments } from '../io/export.js';
import type { Importer } from '../io/import-client.js';
import type { ConfirmMine, ConfirmSchema, ImportProgress } from '../io/import.js';
import type { Me } from '../../src/review/layer-identity.js';
import { openArticleBytes } from '../io/open-article.js';
import type { ReaderController, Span } from '../reader/ArticleView.js';
import type { DocumentSession, KnownLayer } from '../store/document-session.js';
import { formatCount, plural } from '../ui/format.js';
import type { ProgressState } from '../ui/ProgressNotice.js';
import { dispatch } from './events.js';
import { markStage, STAGES, type StageMark } from './stage-marks.js';

interface Deps {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  /** The app version written into exports. */
  readonly version: string;
  readonly session: DocumentSession | null;
  readonly annotator: string;
  /** My name and installation id: they decide which imported annotations are mine. */
  readonly me: Me;
  /** Asks whether a file's annotations under my name, without ids, are mine. */
  readonly confirmMine: ConfirmMine;
  readonly confirmSchema: ConfirmSchema;
  readonly pending: Span | null;
  readonly setPending: (span: Span | null) => void;
  readonly selectedId: string | null;
  readonly setSelectedId: (id: string | null) => void;
  readonly controller: MutableRefObject<ReaderController | null>;
  readonly importer: Importer;
  readonly setImporting: Dispatch<SetStateAction<ProgressState | null>>;
  readonly openDoc: (id: string, known?: Article, layer?: KnownLayer) => Promise<void>;
  readonly say: (kind: 'info' | 'error', text: string) => void;
  readonly fail: (what: string, e: unknown) => void;
  /**
   * Imports other tools' files through the format registry (zips unpacked, one summary); returns
   * the files it leaves to Spanmark's own import.
   */
  readonly importForeign?: (
    files: readonly { name: string; bytes: Uint8Array }[],
    leave?: (f: { name: string }) => boolean,
  ) => Promise<readonly { name: string; bytes: Uint8Array }[]>;
}

function importProgressText(name: string, p: ImportProgress): ProgressState {
  switch (p.stage) {
    case 'checking':
      return { label: `Importing ${name}: checking the file…` };
    case 'saving':
      return {
        label: `Importing ${name}: saving ${formatCount(p.done)} of ${plural(p.total, 'annotation')}…`,
        done: p.done,
        total: p.total,
      };
    case 'committing':
      return { label: `Importing ${name}: writing to disk…` };
  }
}

/** The worker's progress as it first reaches each stage: User Timing marks (stage-marks.ts). */
const STAGE_OF_PROGRESS: Readonly<Record<ImportProgress['stage'], StageMark>> = {
  checking: STAGES.importChecking,
  saving: STAGES.importSaving,
  committing: STAGES.importCommitting,
};

export function useAnnotationActions({
  db,
  platform,
  version,
  session,
  annotator,
  me,
  confirmMine,
  confirmSchema,
  pending,
  setPending,
  selectedId,
  setSelectedId,
  controller,
  importer,
  setImporting,
  openDoc,
  say,
  fail,
  importForeign,
}: Deps) {
  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      const r = await openArticleBytes(db, name, bytes);
      if (!r.ok) return say('error', r.error.message);
      await openDoc(r.value.article.id, r.value.article);
      say('info', r.value.existed ? `${r.value.article.title} is already in the library; opened it with its annotations.` : `Opened ${r.value.article.title}.`);
    },
    [db, openDoc, say],
  );

  const importBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      setImporting(importProgressText(name, { stage: 'checking' }));
      let stage: ImportProgress['stage'] | undefined;
      const r = await importer
        .run(
          name,
          bytes,
          me,
          (p) => {
            if (p.stage !== stage) markStage(STAGE_OF_PROGRESS[(stage = p.stage)]);
            setImporting(importProgressText(name, p));
            dispatch('spanmark:import-progress', { name, ...p });
          },
          confirmMine,
          confirmSchema,
        )
        .finally(() => setImporting(null));
      if (!r.ok) return say('error', `Nothing was imported. ${r.error.message}`);
      // Committed (strict durability); the document is opened next, then 'spanmark:imported'.
      dispatch('spanmark:import-committed', { name, docIds: r.value.docIds });
      // The layer the import committed opens as handed over, not read back (annotations-repo.ts KnownLayer).
      const { layer, ...s } = r.value;
      if (session && s.docIds.includes(session.article.id)) await session.reload();
      else if (!session && s.docIds[0]) await openDoc(s.docIds[0], undefined, layer);
      const mine =
        s.added + s.updated + s.unchanged + s.keptNewer > 0
          ? ` Your layer: ${formatCount(s.added)} added, ${formatCount(s.updated)} updated, ${formatCount(s.unchanged)} unchanged${s.keptNewer ? `, ${formatCount(s.keptNewer)} kept because your copy is newer` : ''}.`
          : '';
      const theirs = s.layers.map((l) => ` ${l.annotator}’s layer: ${plural(l.annotations, 'annotation')}.`).join('');
      const added = s.schemaAdded.length > 0 ? ` Added to your labels: ${s.schemaAdded.join('; ')}.` : '';
      const warned =
        s.warnings.length > 0 ? ` ${plural(s.warnings.length, 'annotation')} without a required value, e.g. ${s.warnings[0]!.replace(/^[^:]*: /, '')}` : '';
      const moved = s.reanchored ? ` ${describeReanchoring(s.reanchored, s.reanchored.keptOrphans)}` : '';
      say(
        'info',
        `Imported ${plural(s.documents, 'document')}${s.newDocuments ? ` (${formatCount(s.newDocuments)} new)` : ''}.${moved}${mine}${theirs}${added}${warned}`,
      );
      dispatch('spanmark:imported', s);
    },
    [me, confirmMine, confirmSchema, importer, openDoc, say, session, setImporting],
  );

  const commands = useMemo(() => {
    const guard = (what: string, p: Promise<unknown>) => p.catch((e: unknown) => fail(what, e));
    const run = (cmd: AnnotationCommand, what: string) => session && guard(what, session.execute(cmd));
    return {
      openFile: () =>
        guard(
          'Could not open the article',
          platform.pickFile('article').then((f) => f && openBytes(f.name, f.bytes)),
        ),
      openSample: () =>
        guard(
          'Could not open the sample',
          fetch('samples/kazakhstan-2022-01-07.txt')
            .then((r) => r.arrayBuffer())
            .then((b) => openBytes('kazakhstan-2022-01-07.txt', new Uint8Array(b))),
        ),
      importFile: () => {
        importer.prewarm();
        return guard(
          'Could not import',
          // Several files at once (a brat pair, several doccano files, a zip, Spanmark exports):
          // other tools' files in one summary; a .json no format claims goes to Spanmark's import,
          // whose message says what is wrong with it.
          platform.pickFiles('import').then(async (files) => {
            const left = importForeign ? await importForeign(files, (f) => /\.json$/i.test(f.name)) : files;
            for (const f of left) await importBytes(f.name, f.bytes);
          }),
        );
      },
      /**
       * The library, or the articles it shows (ids in the table's order), written in pieces
       * (exportDocumentChunks): memory stays bounded however many articles there are.
       */
      exportLibrary: (ids: readonly string[] | 'all') =>
        guard(
          'Could not export',
          (async () => {
            const started = performance.now();
            const layer = session ? await session.committedLayer() : undefined;
            const live = session && layer ? { docId: session.article.id, ...layer } : undefined;
            const stream = exportDocumentChunks(db, ids, version, me, { live, ...(ids === 'all' ? {} : { fileTitle: 'spanmark-library-shown' }) });
            const out = await platform.saveFile(stream.fileName, stream.chunks);
            const { documents, annotations, chars } = stream.written;
            if (!out.saved) return;
            dispatch('spanmark:exported', { ms: performance.now() - started, annotations, bytes: chars });
            say(
              'info',
              `Exported ${plural(annotations, 'annotation')} on ${plural(documents, 'document')}${ids === 'all' ? '' : ' shown in the library'} to ${out.where}.`,
            );
          })(),
        ),
      exportDocs: (which: 'document' | 'all-layers' | 'document-v1') =>
        guard(
          'Could not export',
          (async () => {
            if (!session) return say('error', 'Open a document to export it, or export the whole library.');
            const started = performance.now();
            const layer = await session.committedLayer();
            const live = layer ? { docId: session.article.id, article: session.article, ...layer } : undefined;
            const payload = await exportDocuments(db, [session.article.id], version, me, {
              live,
              allLayers: which === 'all-layers',
              format: which === 'document-v1' ? 1 : 2,
            });
            dispatch('spanmark:exported', { ms: performance.now() - started, annotations: payload.annotations, bytes: payload.chars });
            const out = await platform.saveFile(payload.fileName, payload.pieces);
            const left =
              payload.duplicatesLeftOut > 0 ? ` ${plural(payload.duplicatesLeftOut, 'colleague annotation')} with the id of one of yours left out.` : '';
            // A v1 file has no place for attribute values: say how many stayed behind, every time.
            const v1 =
              payload.format === 1
                ? ` Written as contract version 1 for older tools: ${payload.valuesLeftOut === 0 ? 'no attribute values to leave out' : `${plural(payload.valuesLeftOut, 'attribute value')} left out (version 1 cannot hold them)`}.`
                : '';
            if (out.saved)
              say(
                'info',
                `Exported ${plural(payload.annotations, 'annotation')} on ${plural(payload.documents, 'document')}${which === 'all-layers' ? ' with all layers' : ''} to ${out.where}.${left}${v1}`,
              );
          })(),
        ),
      create: (label: LabelId, span: Span | null = pending) => {
        if (!session || !span) return;
        const same = findIdenticalInOrder(session.list(), { ...span, label });
        if (same) {
          setPending(null);
          setSelectedId(same.id);
          window.getSelection()?.removeAllRanges();
          return say('info', `You already tagged this span as ${label}; selected it.`);
        }
        const r = createAnnotation({
          id: crypto.randomUUID(),
          docId: session.article.id,
          text: session.article.text,
          start: span.start,
          end: span.end,
          label,
          annotator,
          now: new Date().toISOString(),
        });
        if (!r.ok) return say('error', r.error.message);
        setPending(null);
        // The next span can start here at once; a match tagged from the find bar keeps the bar focused.
        if (span === pending) controller.current?.placeCaret(span.end);
        void run({ kind: 'create', annotation: r.value }, 'Could not save the annotation');
      },
      /** Tags every find match in one undoable batch, skipping spans of mine already tagged so. */
      tagAll: (spans: readonly Span[], label: LabelId) => {
        if (!session) return;
        const { article } = session;
        const r = tagSpans({
          layer: session.list(),
          spans,
          label,
          docId: article.id,
          text: article.text,
          annotator,
          now: new Date().toISOString(),
          newId: () => crypto.randomUUID(),
        });
        if (!r.ok) return say('error', r.error.message);
        const { command, skipped } = r.value;
        if (command.commands.length === 0) return say('info', `All ${plural(spans.length, 'match', 'matches')} are already tagged as ${label}.`);
        // Painted at once, acknowledged once the one transaction has committed.
        void guard(
          'Could not save the tags',
          session
            .execute(command)
            .then(() =>
              say(
                'info',
                `Tagged ${plural(command.commands.length, 'match', 'matches')} as ${label}${skipped > 0 ? ` (${formatCount(skipped)} already tagged)` : ''}.`,
              ),
            ),
        );
      },
      relabel: (label: LabelId) => {
        const a = selectedId ? session?.find(selectedId) : undefined;
        if (a && a.label !== label) void run({ kind: 'update', before: a, after: relabel(a, label, new Date().toISOString()) }, 'Could not relabel');
      },
      note: (note: string) => {
        const a = selectedId ? session?.find(selectedId) : undefined;
        if (!a) return;
        const r = withNote(a, note, new Date().toISOString());
        if (!r.ok) return say('error', r.error.message);
        void run({ kind: 'update', before: a, after: r.value }, 'Could not save the note');
      },
      remove: () => {
        const a = selectedId ? session?.find(selectedId) : undefined;
        if (!a) return;
        setSelectedId(null);
        void run({ kind: 'delete', annotation: a }, 'Could not delete');
      },
      undo: () => session && guard('Could not undo', session.undo()),
      redo: () => session && guard('Could not redo', session.redo()),
    };
  }, [
    annotator,
    me,
    controller,
    db,
    fail,
    importBytes,
    importForeign,
    importer,
    openBytes,
    pending,
    platform,
    say,
    selectedId,
    session,
    setPending,
    setSelectedId,
    version,
  ]);

  return { openBytes, importBytes, commands };
}
