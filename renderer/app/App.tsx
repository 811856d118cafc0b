// The composition of the UI: which document is open, what is selected, and the commands the
// toolbar, menus, keyboard and drag-and-drop all share. Annotation state lives in the
// DocumentSession (committed to IndexedDB); this component holds view state only.

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { createAnnotation, relabel, withNote } from '../../src/annotations/create.js';
import type { AnnotationCommand } from '../../src/annotations/commands.js';
import { countLabels } from '../../src/annotations/label-counts.js';
import type { LabelId } from '../../src/labels/schema.js';
import type { AppInfo, MenuCommand, Platform } from '../../src/platform/platform.js';
import type { SpanmarkDb } from '../db/db.js';
import { classifyDbError, describeDbFailure } from '../db/db.js';
import { putSetting } from '../db/settings-repo.js';
import { exportDocuments } from '../io/export.js';
import { createImporter } from '../io/import-client.js';
import type { ImportProgress } from '../io/import.js';
import { planDroppedFile } from '../io/dropped-files.js';
import { openArticleBytes } from '../io/open-article.js';
import { AnnotationDetails } from '../panel/AnnotationDetails.js';
import { AnnotationPanel } from '../panel/AnnotationPanel.js';
import { ArticleView, type ReaderController, type Span } from '../reader/ArticleView.js';
import { LibraryView } from '../library/LibraryView.js';
import { SettingsDialog } from '../settings/SettingsDialog.js';
import { DocumentSession, type SessionSnapshot } from '../store/document-session.js';
import { dispatch } from './events.js';
import { Messages, type Message } from './Messages.js';
import { Toolbar } from './Toolbar.js';
import { useAppKeys } from './use-app-keys.js';
import { ArticleHeader } from './ArticleHeader.js';
import { plural } from '../ui/format.js';
import { toggled } from '../ui/toggle.js';
import { ReviewPanel } from '../review/ReviewPanel.js';
import { useReviewActions } from '../review/use-review-actions.js';
import { findIdentical } from '../../src/review/identical.js';
import { layerSlots } from '../../src/review/layer-slots.js';
import type { ReviewStatus } from '../../src/document/article.js';
import { setReviewStatus } from '../db/articles-repo.js';
import type { PeerLayer } from '../reader/ArticleView.js';
import { ReviewMode, type ReviewKeyHandler } from '../review/ReviewMode.js';
import { Splitter } from '../ui/Splitter.js';
import { useStoredWidth } from './use-stored-width.js';
import { ErrorBoundary } from '../ui/ErrorBoundary.js';
import { ProgressNotice, type ProgressState } from '../ui/ProgressNotice.js';
import { FindBar } from '../reader/FindBar.js';
import { tagSpans } from '../../src/annotations/tag-spans.js';
import { useAnnotationNav } from '../reader/use-annotation-nav.js';
import { zoomPercent, type DisplayPrefs } from '../settings/display-prefs.js';
import { useDisplay } from '../settings/use-display.js';
import { GuidelinesPanel } from '../ui/GuidelinesPanel.js';

interface Props {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  readonly info: AppInfo;
  readonly initialAnnotator: string;
  readonly storage: string;
  readonly initialDocId: string | undefined;
  readonly initialDisplay: DisplayPrefs;
}

const EMPTY: SessionSnapshot = { annotations: [], counts: countLabels([]), layers: new Map(), decisions: new Map(), canUndo: false, canRedo: false, save: { status: 'saved' } };
const noSubscribe = () => () => {};
let messageId = 0;

function importProgressText(name: string, p: ImportProgress): ProgressState {
  switch (p.stage) {
    case 'checking':
      return { label: `Importing ${name}: checking the file…` };
    case 'saving':
      return { label: `Importing ${name}: saving ${p.done.toLocaleString('en')} of ${p.total.toLocaleString('en')} ${p.total === 1 ? 'annotation' : 'annotations'}…`, done: p.done, total: p.total };
    case 'committing':
      return { label: `Importing ${name}: writing to disk…` };
  }
}

export function App({ db, platform, info, initialAnnotator, storage, initialDocId, initialDisplay }: Props) {
  const [annotator, setAnnotator] = useState(initialAnnotator);
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
  const fail = useCallback((what: string, e: unknown) => say('error', `${what}: ${describeDbFailure(classifyDbError(e), e instanceof Error ? e.message : String(e))}`), [say]);
  const sideWidth = useStoredWidth(db, 'sidePanelWidth', 360, fail);
  const reviewWidth = useStoredWidth(db, 'reviewPanelWidth', 620, fail);
  const display = useDisplay(db, initialDisplay, useCallback((e: unknown) => fail('Could not save the display settings', e), [fail]));
  const zoom = display.zoom;
  const [showGuidelines, setShowGuidelines] = useState(false);

  const openDoc = useCallback(
    async (id: string) => {
      const next = await DocumentSession.open(db, id);
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
    [db, say],
  );

  useEffect(() => {
    if (initialDocId) void openDoc(initialDocId).catch((e: unknown) => fail('Could not open the document', e));
  }, [initialDocId, openDoc, fail]);

  const openBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      const r = await openArticleBytes(db, name, bytes);
      if (!r.ok) return say('error', r.error.message);
      await openDoc(r.value.article.id);
      say('info', r.value.existed ? `${r.value.article.title} is already in the library; opened it with its annotations.` : `Opened ${r.value.article.title}.`);
    },
    [db, openDoc, say],
  );

  const importBytes = useCallback(
    async (name: string, bytes: Uint8Array) => {
      setImporting(importProgressText(name, { stage: 'checking' }));
      const r = await importer
        .run(name, bytes, annotator, (p) => {
          setImporting(importProgressText(name, p));
          dispatch('spanmark:import-progress', { name, ...p });
        })
        .finally(() => setImporting(null));
      if (!r.ok) return say('error', `Nothing was imported. ${r.error.message}`);
      // Committed (strict durability); the document is opened next, then 'spanmark:imported'.
      dispatch('spanmark:import-committed', { name, docIds: r.value.docIds });
      const s = r.value;
      if (session && s.docIds.includes(session.article.id)) await session.reload();
      else if (!session && s.docIds[0]) await openDoc(s.docIds[0]);
      const mine = s.added + s.updated + s.unchanged + s.keptNewer > 0 ? ` Your layer: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged${s.keptNewer ? `, ${s.keptNewer} kept because your copy is newer` : ''}.` : '';
      const theirs = s.layers.map((l) => ` ${l.annotator}’s layer: ${plural(l.annotations, 'annotation')}.`).join('');
      say('info', `Imported ${plural(s.documents, 'document')}${s.newDocuments ? ` (${s.newDocuments} new)` : ''}.${mine}${theirs}`);
      dispatch('spanmark:imported', s);
    },
    [annotator, importer, openDoc, say, session],
  );

  const commands = useMemo(() => {
    const guard = (what: string, p: Promise<unknown>) => p.catch((e: unknown) => fail(what, e));
    const run = (cmd: AnnotationCommand, what: string) => session && guard(what, session.execute(cmd));
    return {
      openFile: () => guard('Could not open the article', platform.pickFile('article').then((f) => f && openBytes(f.name, f.bytes))),
      openSample: () =>
        guard(
          'Could not open the sample',
          fetch('samples/kazakhstan-2022-01-07.txt')
            .then((r) => r.arrayBuffer())
            .then((b) => openBytes('kazakhstan-2022-01-07.txt', new Uint8Array(b))),
        ),
      importFile: () => {
        importer.prewarm();
        return guard('Could not import', platform.pickFile('export').then((f) => f && importBytes(f.name, f.bytes)));
      },
      exportDocs: (which: 'document' | 'library') =>
        guard(
          'Could not export',
          (async () => {
            if (which === 'document' && !session) return say('error', 'Open a document to export it, or export the whole library.');
            const started = performance.now();
            const layer = session ? await session.committedLayer() : undefined;
            const live = session && layer ? { docId: session.article.id, ...layer } : undefined;
            const payload = await exportDocuments(db, which === 'document' && session ? [session.article.id] : 'all', info.version, live);
            dispatch('spanmark:exported', { ms: performance.now() - started, annotations: payload.annotations, bytes: payload.json.length });
            const out = await platform.saveFile(payload.fileName, payload.json);
            if (out.saved) say('info', `Exported ${plural(payload.annotations, 'annotation')} on ${plural(payload.documents, 'document')} to ${out.where}.`);
          })(),
        ),
      create: (label: LabelId, span: Span | null = pending) => {
        if (!session || !span) return;
        const same = findIdentical(session.list(), { ...span, label });
        if (same) {
          setPending(null);
          setSelectedId(same.id);
          window.getSelection()?.removeAllRanges();
          return say('info', `You already tagged this span as ${label}; selected it.`);
        }
        const r = createAnnotation({ id: crypto.randomUUID(), docId: session.article.id, text: session.article.text, start: span.start, end: span.end, label, annotator, now: new Date().toISOString() });
        if (!r.ok) return say('error', r.error.message);
        setPending(null);
        controller.current?.placeCaret(span.end); // the next span can start here at once
        void run({ kind: 'create', annotation: r.value }, 'Could not save the annotation');
      },
      /** Tags every find match in one undoable batch, skipping spans of mine already tagged so. */
      tagAll: (spans: readonly Span[], label: LabelId) => {
        if (!session) return;
        const { article } = session;
        const r = tagSpans({ layer: session.list(), spans, label, docId: article.id, text: article.text, annotator, now: new Date().toISOString(), newId: () => crypto.randomUUID() });
        if (!r.ok) return say('error', r.error.message);
        const { command, skipped } = r.value;
        if (command.commands.length === 0) return say('info', `All ${plural(spans.length, 'match', 'matches')} are already tagged as ${label}.`);
        // Painted at once, acknowledged once the one transaction has committed.
        void guard(
          'Could not save the tags',
          session.execute(command).then(() => say('info', `Tagged ${plural(command.commands.length, 'match', 'matches')} as ${label}${skipped > 0 ? ` (${skipped} already tagged)` : ''}.`)),
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
      library: () => {
        setMode('annotate');
        session?.dispose();
        setSession(null);
        setSelectedId(null);
        setPending(null);
        void putSetting(db, 'lastDocId', null);
      },
      settings: () => setShowSettings(true),
    };
  }, [annotator, db, fail, importBytes, importer, info.version, openBytes, pending, platform, say, selectedId, session]);

  const slots = useMemo(() => layerSlots([...snapshot.layers.keys()]), [snapshot.layers]);
  const peers = useMemo<PeerLayer[]>(
    () => [...snapshot.layers].filter(([n]) => !hiddenLayers.has(n)).map(([annotator, annotations]) => ({ annotator, slot: slots.get(annotator) ?? 0, annotations })),
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
        import: commands.importFile,
        'export-document': () => commands.exportDocs('document'),
        'export-library': () => commands.exportDocs('library'),
        undo: commands.undo,
        redo: commands.redo,
        delete: commands.remove,
        settings: commands.settings,
        library: commands.library,
        'open-sample': commands.openSample,
        'zoom-in': () => zoom('in'),
        'zoom-out': () => zoom('out'),
        'zoom-reset': () => zoom('reset'),
        guidelines: () => setShowGuidelines((v) => !v),
      };
      map[c]();
    },
    [commands, zoom],
  );
  useEffect(() => platform.onMenuCommand(onMenu), [platform, onMenu]);
  const nav = useAnnotationNav({ session, hidden, ownVisible: !hiddenLayers.has(annotator), selectedId, setSelectedId, setPending, controller, say });
  useAppKeys({
    pending,
    selectedId,
    onMenu,
    onLabel: (l) => (pending ? commands.create(l) : commands.relabel(l)),
    onEscape: () => { setPending(null); setSelectedId(null); },
    hasDocument: session !== null,
    onNothingToTag: (why) => say('info', why),
    onFind: () => session && setFind((t) => (t ?? 0) + 1),
    onStep: nav.step,
    onOpenDetails: nav.openDetails,
    onReviewKey: (e) => (mode === 'review' && session !== null ? (reviewKeys.current?.(e) ?? false) : false),
  });

  // Dropping files anywhere on the window opens them (articles) or imports them (.json exports),
  // one after another, each refused or accepted exactly as File › Open / File › Import would.
  useEffect(() => {
    const over = (e: DragEvent) => e.preventDefault();
    const drop = (e: DragEvent) => {
      e.preventDefault();
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.some((f) => planDroppedFile(f).kind === 'export')) importer.prewarm();
      void files.reduce<Promise<unknown>>(
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
      );
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, [fail, importBytes, importer, openBytes, say]);

  const selected = selectedId ? snapshot.annotations.find((a) => a.id === selectedId) : undefined;
  // The panel follows an edit in a render of its own, after the new highlight is painted: it is
  // secondary feedback, and re-rendering it inside the keystroke's task delayed that paint.
  const listed = useDeferredValue(snapshot.annotations);
  const counted = useDeferredValue(snapshot.counts);
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

  return (
    <div className="app">
      <Toolbar
        hasDocument={session !== null}
        canUndo={snapshot.canUndo}
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
            onSelect={setSelectedId}
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
            <ArticleHeader article={session.article} />
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
            <ErrorBoundary panel={tab === 'review' ? 'review' : 'annotations'} key={`${tab}:${session.article.id}`} onReload={() => session.reload()} retryOn={tab === 'review' ? snapshot : listed}>
            {selected ? <AnnotationDetails annotation={selected} onRelabel={commands.relabel} onNote={commands.note} onDelete={commands.remove} focusNote={nav.noteFocus} onBackToText={nav.backToText} /> : null}
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
                  controller.current?.mark('sm-peer', [row.a, row.b].filter((x): x is NonNullable<typeof x> => x !== undefined && x.annotator !== annotator));
                  const mine = [row.a, row.b].find((x) => x?.annotator === annotator);
                  setSelectedId(mine ? mine.id : null);
                }}
                onStatus={(s) => void changeStatus(s).catch((e: unknown) => fail('Could not change the review status', e))}
                onReviewMode={() => setMode('review')}
                actions={review}
              />
            ) : (
            <AnnotationPanel
              annotations={listed}
              counts={counted}
              hidden={hidden}
              selectedId={selectedId}
              onToggleLabel={toggleLabel}
              onPick={pickAnnotation}
            />
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
            onOpenSample={() => void commands.openSample()}
            onOpenFile={() => void commands.openFile()}
          />
        </ErrorBoundary>
      )}
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
      <Messages items={messages} onDismiss={(id) => setMessages((m) => m.filter((x) => x.id !== id))} />
      {showSettings ? (
        <SettingsDialog
          annotator={annotator}
          storage={storage}
          display={display}
          onClose={() => setShowSettings(false)}
          onSave={(name) => {
            void putSetting(db, 'annotator', name)
              .then(() => {
                setAnnotator(name);
                setShowSettings(false);
                say('info', `Your annotations are now stamped “${name}”.`);
              })
              .catch((e: unknown) => fail('Could not save settings', e));
          }}
        />
      ) : null}
    </div>
  );
}
