// The composition of the UI: which document is open, what is selected, and the commands the
// toolbar, menus, keyboard and drag-and-drop all share. Annotation state lives in the
// DocumentSession (committed to IndexedDB); this component holds view state only.

import type { Article } from '../../src/document/article.js';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { countLabels } from '../../src/annotations/label-counts.js';
import type { LabelId } from '../../src/labels/schema.js';
import type { AppInfo, MenuCommand, Platform } from '../../src/platform/platform.js';
import type { SpanmarkDb } from '../db/db.js';
import { describeFailure } from '../db/db.js';
import { putSetting } from '../db/settings-repo.js';
import { createImporter } from '../io/import-client.js';
import { planDroppedFile } from '../io/dropped-files.js';
import type { ConfirmMine, ConfirmSchema } from '../io/import.js';
import { plural } from '../ui/format.js';
import { AnnotationDetails } from '../panel/AnnotationDetails.js';
import { AnnotationPanel } from '../panel/AnnotationPanel.js';
import { AttributeForm } from '../panel/AttributeForm.js';
import { useAttributeActions } from '../panel/use-attribute-actions.js';
import { ArticleView, type ReaderController, type Span } from '../reader/ArticleView.js';
import { LibraryView } from '../library/LibraryView.js';
import { tableOrder } from '../library/table-state.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { DocumentSession, type KnownLayer, type SessionSnapshot } from '../store/document-session.js';
import { dispatch } from './events.js';
import { Messages, type Message } from './Messages.js';
import { Toolbar } from './Toolbar.js';
import { useAppKeys } from './use-app-keys.js';
import { toggled } from '../ui/toggle.js';
import { useValueAfterPaint } from '../ui/use-after-paint.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { useReviewActions } from '../review/use-review-actions.js';
import { layerSlots } from '../../src/review/layer-slots.js';
import type { ReviewStatus } from '../../src/document/article.js';
import { setReviewStatus } from '../db/articles-repo.js';
import type { PeerLayer } from '../reader/ArticleView.js';
import { ReviewMode, type ReviewKeyHandler } from '../review/ReviewMode.js';
import { Splitter } from '../ui/Splitter.js';
import { useStoredWidth } from './use-stored-width.js';
import { useAnnotationActions } from './use-annotation-actions.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { ProgressNotice, type ProgressState } from '../ui/ProgressNotice.js';
import { FindBar } from '../reader/FindBar.js';
import { useAnnotationNav } from '../reader/use-annotation-nav.js';
import { zoomPercent, type DisplayPrefs } from '../settings/display-prefs.js';
import { useDisplay } from '../settings/use-display.js';
import { GuidelinesPanel } from '../ui/GuidelinesPanel.js';
import { NamePrompt } from '../settings/NamePrompt.js';
import { ConfirmDialog, type ConfirmQuestion } from '../ui/ConfirmDialog.js';
import { useQuestion } from '../ui/use-question.js';
import { RenameLayerDialog } from '../review/RenameLayerDialog.js';
import { renameColleagueLayer } from '../db/colleague-layers-repo.js';
import { announceChange } from '../store/change-channel.js';
import { FactsView } from '../facts/FactsView.js';
import { useSchema } from '../schema/schema-context.js';
import { useCorpusImport } from '../library/use-corpus-import.js';
import { CorpusImportPanel } from '../library/CorpusImportPanel.js';
import { LiveArticleHeader } from '../library/ArticleDetails.js';
import { useCorpusNav } from '../library/use-corpus-nav.js';
import { useReplaceText } from '../anchoring/use-replace-text.js';
import { ReplacementPanel } from '../anchoring/ReplacementPanel.js';
import { useInterop } from '../io/use-interop.js';
import { splitDropped } from '../io/dropped-folders.js';
import { dexieSessionStore } from '../db/dexie-session-store.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  readonly info: AppInfo;
  readonly initialAnnotator: string;
  /** This installation's analyst id (settings 'annotatorId'), stamped beside the name on exports. */
  readonly annotatorId: string;
  /** Whether the analyst has saved a name; until then the first-start prompt shows. */
  readonly nameChosen: boolean;
  readonly storage: string;
  readonly initialDocId: string | undefined;
  readonly initialDisplay: DisplayPrefs;
}

const EMPTY: SessionSnapshot = {
  annotations: [],
  counts: countLabels([]),
  layers: new Map(),
  decisions: new Map(),
  canUndo: false,
  canRedo: false,
  save: { status: 'saved' },
};
const noSubscribe = () => () => {};
let messageId = 0;

export function App({ db, platform, info, initialAnnotator, annotatorId, nameChosen, storage, initialDocId, initialDisplay }: Props) {
  const schema = useSchema();
  const [annotator, setAnnotator] = useState(initialAnnotator);
  const me = useMemo(() => ({ id: annotatorId, name: annotator }), [annotatorId, annotator]);
  const [askName, setAskName] = useState(!nameChosen);
  const question = useQuestion<ConfirmQuestion, boolean>();
  const [renaming, setRenaming] = useState<{ readonly from: string; readonly problem?: string } | null>(null);
  const [session, setSession] = useState<DocumentSession | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pending, setPending] = useState<Span | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<LabelId>>(new Set());
  const [messages, setMessages] = useState<Message[]>([]);
  const [showSettings, setShowSettings] = useState(false);
  const [tab, setTab] = useState<'annotations' | 'review'>('annotations');
  const [hiddenLayers, setHiddenLayers] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<ReviewStatus>('unreviewed');
  // Review mode gives the reading area's right-hand pane to the review queue.
  const [mode, setMode] = useState<'annotate' | 'review'>('annotate');
  const reviewKeys = useRef<ReviewKeyHandler | null>(null);
  const [importing, setImporting] = useState<ProgressState | null>(null);
  const controller = useRef<ReaderController | null>(null);
  const importer = useMemo(() => createImporter(db), [db]);
  /** The find bar's focus token while it is open (bumped by each Ctrl/⌘+F), null while closed. */
  const [find, setFind] = useState<number | null>(null);
  const snapshot = useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getSnapshot ?? (() => EMPTY));

  const say = useCallback((kind: Message['kind'], text: string) => {
    const id = ++messageId;
    setMessages((m) => [...m.filter((x) => x.kind === 'error').slice(-2), ...m.filter((x) => x.kind === 'info').slice(-1), { id, kind, text }]);
    if (kind === 'info') setTimeout(() => setMessages((m) => m.filter((x) => x.id !== id)), 6000);
  }, []);
  const fail = useCallback((what: string, e: unknown) => say('error', `${what}: ${describeFailure(e)}`), [say]);
  const saveName = useCallback(
    (name: string) => {
      void putSetting(db, 'annotator', name)
        .then(() => {
          setAnnotator(name);
          setShowSettings(false);
          setAskName(false);
          say('info', `Your annotations are now stamped “${name}”.`);
        })
        .catch((e: unknown) => fail('Could not save your name', e));
    },
    [db, fail, say],
  );
  const sideWidth = useStoredWidth(db, 'sidePanelWidth', 360, fail);
  const reviewWidth = useStoredWidth(db, 'reviewPanelWidth', 620, fail);
  const display = useDisplay(
    db,
    initialDisplay,
    useCallback((e: unknown) => fail('Could not save the display settings', e), [fail]),
  );
  const zoom = display.zoom;
  const [showGuidelines, setShowGuidelines] = useState(false);
  const [showFacts, setShowFacts] = useState(false);
  /** Corpus facts: the library's shown articles when opened from the library; absent: all. */
  const [factsIds, setFactsIds] = useState<readonly string[] | undefined>(undefined);
  /** A facts row's span to select once its document is open in the reader. */
  const [jump, setJump] = useState<{ readonly docId: string; readonly id: string } | null>(null);
  /** A library search result being opened: its match is selected once the article is on screen. */
  const [searchJump, setSearchJump] = useState<{ readonly docId: string; readonly span: { start: number; end: number } } | null>(null);

  // The open document's layers are read and written through this seam (store/session-store.ts).
  const store = useMemo(() => dexieSessionStore(db), [db]);
  const openDoc = useCallback(
    async (id: string, known?: Article, layer?: KnownLayer) => {
      const next = await DocumentSession.open(store, id, known, layer);
      if (!next) return say('error', 'That document is no longer in the library.');
      const article = next.article;
      setSession((prev) => {
        prev?.dispose();
        return next;
      });
      setSelectedId(null);
      setPending(null);
      setFind(null);
      setStatus(article.reviewStatus ?? 'unreviewed');
      await putSetting(db, 'lastDocId', id);
      dispatch('spanmark:opened', { docId: id });
    },
    [db, store, say],
  );

  useEffect(() => {
    if (initialDocId) void openDoc(initialDocId).catch((e: unknown) => fail('Could not open the document', e));
  }, [initialDocId, openDoc, fail]);

  const { ask } = question;
  const confirmMine: ConfirmMine = useCallback(
    (q) =>
      ask({
        title: 'Are these yours?',
        message: `${q.file} has ${plural(q.count, 'annotation')} by “${q.annotator}” (your name) without an analyst id, so Spanmark cannot tell whether you made them or a colleague of the same name did. Add them to your layer?`,
        yes: 'Yes, they are mine',
        no: 'No, a colleague’s layer',
        testId: 'confirm-mine',
      }),
    [ask],
  );
  // A file whose schema has labels, attributes or values this library lacks: add them, or import nothing.
  const confirmSchema: ConfirmSchema = useCallback(
    (q) =>
      ask({
        title: 'Add these to your labels?',
        message: `${q.file} uses what your library does not have yet: ${q.additions.join('; ')}. Add ${q.additions.length === 1 ? 'it' : 'them'} to your labels and import the file? No imports nothing.`,
        yes: 'Add and import',
        no: 'Import nothing',
        testId: 'confirm-schema',
      }),
    [ask],
  );
  // Another tool's files (brat, CoNLL, …) through the format registry, and File › Export as….
  const interop = useInterop({ db, platform, schema, session, me, say, fail, openDoc });
  const actions = useAnnotationActions({
    importForeign: interop.importForeign,
    db,
    platform,
    version: info.version,
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
  });
  const { openBytes, importBytes } = actions;
  const attrs = useAttributeActions({ session, annotations: snapshot.annotations, selectedId, setSelectedId, pending, controller, fail });
  // Several files, or an article feed, come in as a batch (renderer/library/use-corpus-import.ts).
  const corpus = useCorpusImport(db, platform, openBytes, fail);
  const replacing = useReplaceText({ db, platform, session, annotations: snapshot.annotations, controller, openDoc, say, fail });
  const undoReplacement = replacing.undo;
  const commands = useMemo(
    () => ({
      ...actions.commands,
      // Deleting a span other spans link to asks first, and takes the links with it.
      remove: attrs.remove,
      openFile: corpus.openFiles,
      openFolder: corpus.openFolder,
      library: () => {
        setMode('annotate');
        session?.dispose();
        setSession(null);
        setSelectedId(null);
        setPending(null);
        void putSetting(db, 'lastDocId', null);
      },
      settings: () => setShowSettings(true),
    }),
    [actions.commands, attrs.remove, corpus.openFiles, corpus.openFolder, db, session],
  );

  const slots = useMemo(() => layerSlots([...snapshot.layers.keys()]), [snapshot.layers]);
  const peers = useMemo<PeerLayer[]>(
    () =>
      [...snapshot.layers]
        .filter(([n]) => !hiddenLayers.has(n))
        .map(([annotator, annotations]) => ({ annotator, slot: slots.get(annotator) ?? 0, annotations })),
    [snapshot.layers, hiddenLayers, slots],
  );

  const changeStatus = useCallback(
    async (next: ReviewStatus) => {
      if (!session) return;
      await setReviewStatus(db, session.article.id, next);
      setStatus(next);
      dispatch('spanmark:review-status', { docId: session.article.id, status: next });
    },
    [db, session],
  );

  const review = useReviewActions({ session, me: annotator, pending, setPending, status, changeStatus, say, fail });

  const onMenu = useCallback(
    (c: MenuCommand) => {
      const map: Record<MenuCommand, () => unknown> = {
        'open-article': commands.openFile,
        'open-folder': commands.openFolder,
        'replace-text': () => replacing.replaceText().catch((e: unknown) => fail('Could not replace the text', e)),
        import: commands.importFile,
        'export-document': () => commands.exportDocs('document'),
        'export-library': () => commands.exportLibrary('all'),
        'export-all-layers': () => commands.exportDocs('all-layers'),
        'export-document-v1': () => commands.exportDocs('document-v1'),
        'export-as': interop.exportAs,
        // The replacement is undone once the session has nothing left to undo (it reopened the document).
        undo: () =>
          snapshot.canUndo || !replacing.record?.undo
            ? commands.undo()
            : undoReplacement(false).catch((e: unknown) => fail('Could not undo the text replacement', e)),
        redo: commands.redo,
        delete: commands.remove,
        settings: commands.settings,
        library: commands.library,
        'open-sample': commands.openSample,
        'zoom-in': () => zoom('in'),
        'zoom-out': () => zoom('out'),
        'zoom-reset': () => zoom('reset'),
        guidelines: () => setShowGuidelines((v) => !v),
        facts: () => {
          setPending(null);
          setSelectedId(null);
          setFactsIds(undefined);
          setShowFacts((v) => !v);
        },
      };
      map[c]();
    },
    [commands, zoom, fail, replacing, snapshot.canUndo, undoReplacement, interop.exportAs],
  );
  useEffect(() => platform.onMenuCommand(onMenu), [platform, onMenu]);
  const onCorpusKey = useCorpusNav({ db, docId: session?.article.id, openDoc, say, fail });
  const nav = useAnnotationNav({ session, hidden, ownVisible: !hiddenLayers.has(annotator), selectedId, setSelectedId, setPending, controller, say });
  useAppKeys({
    schema,
    pending,
    selectedId,
    onMenu,
    onLabel: (l) => (pending ? commands.create(l) : commands.relabel(l)),
    onEscape: () => {
      setPending(null);
      setSelectedId(null);
    },
    hasDocument: session !== null,
    onNothingToTag: (why) => say('info', why),
    onFind: () => session && setFind((t) => (t ?? 0) + 1),
    onStep: nav.step,
    // Enter: the attribute form when the label has attributes, else the note.
    onOpenDetails: () => (attrs.hasAttributes(selectedId ? session?.find(selectedId) : undefined) ? attrs.openForm() : nav.openDetails()),
    onReviewKey: (e) => (mode === 'review' && session !== null ? (reviewKeys.current?.(e) ?? false) : false),
    onCorpusKey,
  });

  // Dropping files anywhere on the window opens them (articles) or imports them (.json exports),
  // one after another, each refused or accepted exactly as File › Open / File › Import would.
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      // Folders (a brat collection) are split off now: their entries exist only during the event.
      const { files: dropped, folders } = splitDropped(e.dataTransfer);
      if (folders.length > 0)
        void interop
          .dropFolders(folders)
          .then((exports) => exports.reduce<Promise<unknown>>((p, f) => p.then(() => importBytes(f.name, f.bytes)), Promise.resolve()))
          .catch((err: unknown) => fail('Could not import the folder', err));
      // Another tool's files go to the registry first; what it does not take goes on as before.
      if (dropped.length > 0) void interop.dropFiles(dropped).then(dropRest, (err: unknown) => (fail('Could not import', err), undefined));
    };
    const dropRest = (all: File[]) => {
      if (all.some((f) => planDroppedFile(f).kind === 'export')) importer.prewarm();
      // Several articles, or a feed, are one batch import; exports and a single article as before.
      const articles = all.filter((f) => planDroppedFile(f).kind === 'article');
      void corpus
        .dropFiles(articles)
        .catch((err: unknown) => (fail('Could not import the articles', err), true))
        .then((batched) => (batched ? all.filter((f) => planDroppedFile(f).kind === 'export') : all))
        .then((files) =>
          files.reduce<Promise<unknown>>(
            (previous, file) =>
              previous.then(async () => {
                const plan = planDroppedFile(file);
                if (!plan.ok) return say('error', plan.kind === 'export' ? `Nothing was imported. ${plan.message}` : plan.message);
                const bytes = await file.arrayBuffer().then(
                  (b) => new Uint8Array(b),
                  (err: unknown) => {
                    say('error', `Could not read the file "${file.name}": ${err instanceof Error ? err.message : String(err)}`);
                    return undefined;
                  },
                );
                if (!bytes) return undefined;
                return (plan.kind === 'export' ? importBytes(file.name, bytes) : openBytes(file.name, bytes)).catch((err: unknown) =>
                  fail(plan.kind === 'export' ? 'Could not import' : 'Could not open the article', err),
                );
              }),
            Promise.resolve(),
          ),
        );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [corpus.dropFiles, fail, importBytes, importer, interop.dropFiles, interop.dropFolders, openBytes, say]);

  // By id from the session's index (its latest state, which this render's snapshot is): a scan of
  // 10,000 spans here ran on every edit.
  const selected = selectedId ? session?.find(selectedId) : undefined;
  // The panel follows an edit in a render of its own, after the new highlight is painted: it is
  // secondary feedback, and re-rendering it inside the keystroke's task, or in a deferred render
  // that ran before the frame, delayed that paint. Keyed by the list and the counts only: a new
  // snapshot for the save status alone (two per edit) must not render the panel again.
  const shownLayer = useMemo(() => ({ annotations: snapshot.annotations, counts: snapshot.counts }), [snapshot.annotations, snapshot.counts]);
  const { annotations: listed, counts: counted } = useValueAfterPaint(shownLayer);
  const toggleLabel = useCallback((l: LabelId) => setHidden((h) => toggled(h, l)), []);
  const showDifference = useCallback((d: { theirs: Span; mine?: Span | undefined }) => {
    const spans = d.mine ? [d.theirs, d.mine] : [d.theirs];
    setSelectedId(null);
    controller.current?.revealSpan({ start: Math.min(...spans.map((x) => x.start)), end: Math.max(...spans.map((x) => x.end)) });
    controller.current?.mark('sm-peer', [d.theirs]);
  }, []);
  const pane = mode === 'review' ? reviewWidth : sideWidth;
  const pickAnnotation = useCallback((id: string) => {
    setSelectedId(id);
    setPending(null);
    controller.current?.reveal(id);
  }, []);
  useEffect(() => {
    if (!jump || session?.article.id !== jump.docId) return;
    setJump(null);
    pickAnnotation(jump.id);
    // A facts row goes to its span with the keys in the text, so a label key acts on it; the
    // closed view had given the focus back to whatever opened it.
    controller.current?.focusText();
  }, [jump, session, pickAnnotation]);
  useEffect(() => {
    if (!searchJump || session?.article.id !== searchJump.docId) return;
    setSearchJump(null);
    setPending(searchJump.span);
    controller.current?.revealSpan(searchJump.span);
  }, [searchJump, session]);
  const jumpTo = useCallback(
    (docId: string, id: string) => {
      setShowFacts(false);
      setMode('annotate');
      setJump({ docId, id });
      if (session?.article.id !== docId) void openDoc(docId).catch((e: unknown) => fail('Could not open the document', e));
    },
    [session, openDoc, fail],
  );

  return (
    <div className="app">
      <Toolbar
        hasDocument={session !== null}
        canUndo={snapshot.canUndo || replacing.record?.undo !== undefined}
        canRedo={snapshot.canRedo}
        save={snapshot.save}
        annotator={annotator}
        guidelinesOpen={showGuidelines}
        onMenu={onMenu}
      />
      {session ? (
        <div className={`workspace${mode === 'review' ? ' review-layout' : ''}`} style={{ ['--pane-width' as string]: `${pane.width}px` }}>
          <ErrorBoundary panel="reader" key={`reader:${session.article.id}`} onReload={() => session.reload()}>
            <ArticleView
              article={session.article}
              session={session}
              hidden={hidden}
              peers={peers}
              ownVisible={!hiddenLayers.has(annotator)}
              selectedId={selectedId}
              pending={pending}
              onSelect={attrs.onSelectSpan}
              links={attrs.links}
              onPending={setPending}
              onCreate={commands.create}
              controller={controller}
            >
              {find !== null ? (
                <FindBar
                  text={session.article.text}
                  controller={controller}
                  focusToken={find}
                  initialQuery={pending ? session.article.text.slice(pending.start, pending.end) : ''}
                  onTag={(spans, label) => (spans.length === 1 ? commands.create(label, spans[0]) : commands.tagAll(spans, label))}
                  onClose={() => setFind(null)}
                />
              ) : null}
              <LiveArticleHeader db={db} article={session.article} fail={fail} />
            </ArticleView>
          </ErrorBoundary>
          <Splitter
            width={pane.width}
            min={240}
            max={Math.max(240, window.innerWidth - 320)}
            label={mode === 'review' ? 'Resize the review list' : 'Resize the side panel'}
            onResize={pane.setWidth}
            onCommit={pane.commit}
            testId="panel-splitter"
          />
          {mode === 'review' ? (
            <ErrorBoundary panel="review mode" key={`review-mode:${session.article.id}`} onReload={() => session.reload()} retryOn={snapshot}>
              <ReviewMode
                key={session.article.id}
                me={annotator}
                docId={session.article.id}
                own={snapshot.annotations}
                layers={snapshot.layers}
                decisions={snapshot.decisions}
                slots={slots}
                actions={review}
                onShow={showDifference}
                onExit={() => setMode('annotate')}
                keys={reviewKeys}
              />
            </ErrorBoundary>
          ) : (
            <aside className="side-panel" data-testid="side-panel">
              <div className="panel-tabs" role="tablist">
                <button type="button" role="tab" aria-selected={tab === 'annotations'} onClick={() => setTab('annotations')} data-testid="tab-annotations">
                  Annotations
                </button>
                <button type="button" role="tab" aria-selected={tab === 'review'} onClick={() => setTab('review')} data-testid="tab-review">
                  Review{snapshot.layers.size > 0 ? ` (${snapshot.layers.size})` : ''}
                </button>
              </div>
              <ErrorBoundary
                panel={tab === 'review' ? 'review' : 'annotations'}
                key={`${tab}:${session.article.id}`}
                onReload={() => session.reload()}
                retryOn={tab === 'review' ? snapshot : listed}
              >
                {selected ? (
                  <AnnotationDetails
                    annotation={selected}
                    onRelabel={commands.relabel}
                    onNote={commands.note}
                    onDelete={commands.remove}
                    focusNote={nav.noteFocus}
                    onBackToText={nav.backToText}
                  />
                ) : null}
                {selected ? (
                  <AttributeForm
                    key={selected.id}
                    annotation={selected}
                    layer={snapshot.annotations}
                    linkedFrom={attrs.linkedFrom}
                    focusToken={attrs.formFocus}
                    selectionText={attrs.selectionText}
                    onSet={attrs.setValue}
                    onBackToText={nav.backToText}
                    onJump={attrs.jump}
                    onPreview={attrs.setPreview}
                    onArmPick={attrs.onArmPick}
                  />
                ) : null}
                {tab === 'review' ? (
                  <ReviewPanel
                    me={annotator}
                    docId={session.article.id}
                    text={session.article.text}
                    own={snapshot.annotations}
                    layers={snapshot.layers}
                    decisions={snapshot.decisions}
                    slots={slots}
                    shown={new Set([annotator, ...snapshot.layers.keys()].filter((n) => !hiddenLayers.has(n)))}
                    status={status}
                    hasSelection={pending !== null}
                    onToggleLayer={(n) => setHiddenLayers((h) => toggled(h, n))}
                    onRow={(row) => {
                      controller.current?.revealSpan(row);
                      controller.current?.mark(
                        'sm-peer',
                        [row.a, row.b].filter((x): x is NonNullable<typeof x> => x !== undefined && x.annotator !== annotator),
                      );
                      const mine = [row.a, row.b].find((x) => x?.annotator === annotator);
                      setSelectedId(mine ? mine.id : null);
                    }}
                    onStatus={(s) => void changeStatus(s).catch((e: unknown) => fail('Could not change the review status', e))}
                    onReviewMode={() => setMode('review')}
                    onRenameLayer={(from) => setRenaming({ from })}
                    onExportAllLayers={() => onMenu('export-all-layers')}
                    actions={review}
                  />
                ) : (
                  <>
                    {replacing.record ? (
                      <ReplacementPanel
                        record={replacing.record}
                        annotations={snapshot.annotations}
                        onJump={pickAnnotation}
                        onConfirm={replacing.confirm}
                        onUndo={() => void undoReplacement(true).catch((e: unknown) => fail('Could not undo the text replacement', e))}
                        onExportOrphans={() => void replacing.exportOrphans().catch((e: unknown) => fail('Could not export the orphans', e))}
                      />
                    ) : null}
                    {/* The list is drawn a render behind the reader (a label key paints its highlight
                        first), so it may trail the layer for a moment, even past "Saved" on a loaded
                        machine: said as aria-busy here, so the memoised panel is not drawn for it. */}
                    <div className="list-state" aria-busy={listed !== snapshot.annotations || counted !== snapshot.counts || undefined}>
                      <AnnotationPanel
                        annotations={listed}
                        counts={counted}
                        hidden={hidden}
                        selectedId={selectedId}
                        onToggleLabel={toggleLabel}
                        onPick={pickAnnotation}
                      />
                    </div>
                  </>
                )}
              </ErrorBoundary>
            </aside>
          )}
        </div>
      ) : (
        <ErrorBoundary panel="library">
          <LibraryView
            db={db}
            me={annotator}
            onOpen={(id) => void openDoc(id).catch((e: unknown) => fail('Could not open the document', e))}
            onOpenAt={(id, span) => {
              if (span) setSearchJump({ docId: id, span });
              void openDoc(id).catch((e: unknown) => fail('Could not open the document', e));
            }}
            onOpenSample={() => void commands.openSample()}
            onOpenFile={() => void commands.openFile()}
            importing={corpus.state !== null && corpus.state.stage !== 'done' && corpus.state.stage !== 'failed'}
            onFacts={() => {
              setFactsIds(tableOrder() ?? []);
              setShowFacts(true);
            }}
            onExportShown={() => void commands.exportLibrary(tableOrder() ?? 'all')}
          />
        </ErrorBoundary>
      )}
      {showFacts ? (
        <ErrorBoundary panel="facts">
          <FactsView db={db} platform={platform} onJump={jumpTo} onClose={() => setShowFacts(false)} say={say} {...(factsIds ? { docIds: factsIds } : {})} />
        </ErrorBoundary>
      ) : null}
      {showGuidelines ? <GuidelinesPanel onClose={() => setShowGuidelines(false)} /> : null}
      <footer className="status-bar">
        <span data-testid="annotator">Annotating as {annotator}</span>
        {display.prefs.zoom === 1 ? null : <span data-testid="zoom-level">Zoom {zoomPercent(display.prefs.zoom)}</span>}
        <span data-testid="storage-status">Storage: {storage}</span>
        <span>
          {info.name} {info.version} · {info.shell === 'electron' ? 'desktop' : 'browser'}
        </span>
      </footer>
      {importing ? <ProgressNotice state={importing} testId="import-progress" /> : null}
      {corpus.state ? <CorpusImportPanel state={corpus.state} onCancel={corpus.cancel} onClose={corpus.close} /> : null}
      {askName ? <NamePrompt suggested={annotator} onSave={saveName} onLater={() => setAskName(false)} /> : null}
      <Messages items={messages} onDismiss={(id) => setMessages((m) => m.filter((x) => x.id !== id))} />
      {showSettings ? (
        <SettingsDialog
          annotator={annotator}
          storage={storage}
          display={display}
          onClose={() => setShowSettings(false)}
          onSave={saveName}
          db={db}
          onLayerChanged={(docIds) => {
            if (session && docIds.includes(session.article.id)) void session.reload();
          }}
        />
      ) : null}
      {question.asking ? <ConfirmDialog {...question.asking} onAnswer={question.answer} /> : null}
      {attrs.dialog}
      {interop.dialogs}
      {renaming ? (
        <RenameLayerDialog
          from={renaming.from}
          problem={renaming.problem}
          onClose={() => setRenaming(null)}
          onRename={(to) => {
            void renameColleagueLayer(db, renaming.from, to, annotator)
              .then(async (r) => {
                if (!r.ok) return setRenaming({ from: renaming.from, problem: r.error.message });
                setRenaming(null);
                setHiddenLayers((h) => (h.has(renaming.from) ? toggled(toggled(h, renaming.from), r.value.name) : h));
                if (session) {
                  await session.reload();
                  announceChange(session.article.id);
                }
                say('info', `The layer “${renaming.from}” is now shown as “${r.value.name}”.`);
              })
              .catch((e: unknown) => fail('Could not rename the layer', e));
          }}
        />
      ) : null}
    </div>
  );
}
