// One open document's layers in memory, kept equal to what its store has committed (a SessionStore:
// this window's IndexedDB today, db/dexie-session-store.ts). Every edit goes through execute():
// painted at once so tagging keeps up with the keyboard, its write issued whole in the same task
// (so closing the window right after cannot lose it), and only reported as saved (the save status
// and the 'spanmark:saved' event) once committed. A write that fails is rolled back by reloading
// from the store once every write issued has settled; the snapshot cache is only ever written from
// memory known to equal the records at its stamp. React never owns this state; views subscribe.

import { applyCommandTracked, invertCommand, sortAnnotations, type AnnotationCommand } from '../../src/annotations/commands.js';
import { countLabels, countsAfter, type LabelCounts } from '../../src/annotations/label-counts.js';
import { LayerIndex, type LayerLookup } from '../../src/annotations/layer-index.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import { invertReview, type ReviewDecision } from '../../src/review/decisions.js';
import { dispatch } from '../app/events.js';
import { markStage, STAGES } from '../app/stage-marks.js';
import { trackWrite } from './pending-writes.js';
import { sameStamp, type DocumentLayers, type IssuedWrite, type KnownLayer, type SessionCommand, type SessionStore, type Stamp } from './session-store.js';

/** What an import hands the window (session-store.ts), for whoever opens a session with it. */
export type { KnownLayer };

/** What changed: one committed command, the whole list (reload), or only the save status. */
export type SessionChange = { readonly kind: 'command'; readonly command: AnnotationCommand } | { readonly kind: 'reset' } | { readonly kind: 'status' };

export type SaveState = { readonly status: 'saved' | 'saving' } | { readonly status: 'error'; readonly message: string };

export interface SessionSnapshot {
  /** My layer, in text order. */
  readonly annotations: readonly Annotation[];
  /** My layer's annotations per label. */
  readonly counts: LabelCounts;
  /** Colleagues' layers (read-only), each in text order, by annotator name. */
  readonly layers: ReadonlyMap<string, readonly Annotation[]>;
  readonly decisions: ReadonlyMap<string, ReviewDecision>;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly save: SaveState;
}

export class DocumentSession implements LayerLookup {
  private annotations: readonly Annotation[];
  private counts: LabelCounts;
  /**
   * My layer by id and by attribute value, always at its latest state (not a snapshot's). Built at
   * the first lookup, so opening a document does not pay for it, then kept per command.
   */
  private index: LayerIndex | undefined;
  private layers: ReadonlyMap<string, readonly Annotation[]>;
  private decisions: ReadonlyMap<string, ReviewDecision>;
  private undoStack: SessionCommand[] = [];
  private redoStack: SessionCommand[] = [];
  private save: SaveState = { status: 'saved' };
  /** Settles issued writes one after another, in the order they were issued. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Commands shown but not yet settled. */
  private pending = 0;
  /** The stamp of the records my layer in memory equals, less the pending commands. */
  private committed: Stamp;
  /** The stamp of the last write issued: the next one is numbered after it. */
  private issued: Stamp;
  /** Memory may differ from the records (a write failed, or someone else wrote): reload once settled. */
  private diverged = false;
  /** A reload is asked for; it runs once no write is pending. */
  private reloadWanted = false;
  private reloading: Promise<void> | undefined;
  /** Commands issued while a reload reads: not in what it reads, so applied again on top. */
  private issuedDuringRead: { readonly cmd: SessionCommand; failed: boolean }[] | undefined;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private readonly stopRemote: () => void;

  private constructor(
    private readonly store: SessionStore,
    readonly article: Article,
    loaded: DocumentLayers,
  ) {
    this.annotations = sortAnnotations(loaded.own);
    this.counts = countLabels(this.annotations);
    this.layers = sortLayers(loaded.others);
    this.decisions = new Map(loaded.decisions.map((d) => [d.id, d]));
    this.committed = loaded.stamp;
    this.issued = loaded.stamp;
    if (!loaded.fromSnapshot) this.scheduleSnapshot();
    this.snapshot = this.makeSnapshot();
    this.stopRemote = store.onRemoteChange(article.id, () => void this.reload().catch(() => undefined));
  }

  /**
   * Opens a stored document, reading its text and its layers in one transaction; undefined if gone.
   * `known` is its record when the caller has just read or stored it (a 5 MB text is not read
   * twice), `layer` my layer as a writer just committed it (not read back while still current).
   */
  static async open(store: SessionStore, docId: string, known?: Article, layer?: KnownLayer): Promise<DocumentSession | undefined> {
    markStage(STAGES.open);
    const layers = await store.load(docId, known?.id === docId ? known.text : undefined, layer);
    const article = known?.id === docId ? known : layers.article;
    const session = article ? new DocumentSession(store, article, layers) : undefined;
    markStage(STAGES.session);
    return session;
  }

  getSnapshot = (): SessionSnapshot => this.snapshot;

  subscribe = (listener: (change: SessionChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  list(): readonly Annotation[] {
    return this.annotations;
  }

  find(id: string): Annotation | undefined {
    return this.lookup().find(id);
  }

  /** My annotations holding `value` as an attribute value (the links to an id come from these), in text order. */
  holding(value: string): readonly Annotation[] {
    return this.lookup().holding(value);
  }

  private lookup(): LayerIndex {
    return (this.index ??= new LayerIndex(this.annotations));
  }

  /** Shows the command and commits it. Resolves once committed; rejects (and reverts) on failure. */
  execute(cmd: SessionCommand): Promise<void> {
    return this.run(cmd, () => {
      this.undoStack.push(cmd);
      this.redoStack = [];
    });
  }

  undo(): Promise<void> {
    const cmd = this.undoStack.at(-1);
    if (!cmd) return Promise.resolve();
    return this.run(invert(cmd), () => {
      this.undoStack.pop();
      this.redoStack.push(cmd);
    });
  }

  redo(): Promise<void> {
    const cmd = this.redoStack.at(-1);
    if (!cmd) return Promise.resolve();
    return this.run(cmd, () => {
      this.redoStack.pop();
      this.undoStack.push(cmd);
    });
  }

  /** Reloads from the database once every write issued so far has settled. */
  reload(): Promise<void> {
    this.reloadWanted = true;
    this.reloading ??= this.reloadWhenSettled().finally(() => (this.reloading = undefined));
    return this.reloading;
  }

  /**
   * My layer as committed, with its stamp, once every edit made so far is committed; undefined
   * while memory may differ from the database (a reload is due). A caller that reads the stored
   * stamp in a transaction and finds it equal may use the list instead of reading 10,000
   * records: that is what makes exporting the open document fast.
   */
  async committedLayer(): Promise<{ readonly stamp: Stamp; readonly annotations: readonly Annotation[] } | undefined> {
    while (this.pending > 0 || this.reloading) {
      await this.queue;
      await this.reloading?.catch(() => undefined);
    }
    return this.diverged ? undefined : { stamp: this.committed, annotations: this.annotations };
  }

  private async reloadWhenSettled(): Promise<void> {
    while (this.reloadWanted) {
      // A reload that read while writes were still in flight would miss what they commit, and
      // those commits would then be taken as in step with a memory that lacks them.
      while (this.pending > 0) await this.queue;
      this.reloadWanted = false;
      const during: { readonly cmd: SessionCommand; failed: boolean }[] = [];
      this.issuedDuringRead = during;
      let loaded: DocumentLayers;
      try {
        loaded = await this.store.load(this.article.id, this.article.text);
      } finally {
        this.issuedDuringRead = undefined;
      }
      this.annotations = sortAnnotations(loaded.own);
      this.counts = countLabels(this.annotations);
      this.index = undefined;
      this.layers = sortLayers(loaded.others);
      this.decisions = new Map(loaded.decisions.map((d) => [d.id, d]));
      this.committed = loaded.stamp;
      // Edits made while it read stay on screen; they are written after what it read, so once
      // they settle the records are read once more rather than trusted.
      for (const e of during) if (!e.failed) this.applyInMemory(e.cmd);
      if (during.length === 0) this.issued = loaded.stamp;
      this.diverged = during.length > 0;
      if (this.diverged) this.reloadWanted = true;
      else if (!loaded.fromSnapshot) this.scheduleSnapshot();
      this.publish({ kind: 'reset' });
    }
  }

  dispose(): void {
    this.stopRemote();
    this.listeners.clear();
    if (this.snapshotTimer !== undefined) {
      clearTimeout(this.snapshotTimer);
      this.writeSnapshot();
    }
  }

  /** Saves my layer as a snapshot once edits pause, so the next open reads one record. */
  private scheduleSnapshot(): void {
    if (this.snapshotTimer !== undefined) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => this.writeSnapshot(), 1500);
  }

  private writeSnapshot(): void {
    this.snapshotTimer = undefined;
    if (this.pending > 0 || this.reloading) return this.scheduleSnapshot();
    // Memory that may differ from the records is never stamped; the reload schedules one.
    if (this.diverged) return;
    // A snapshot that cannot be written is only a slower next open; the records are the truth.
    // saveSnapshot stores it only if the records are still at this stamp.
    void this.store.saveSnapshot(this.article.id, this.committed, this.annotations, this.article.text).catch(() => undefined);
  }

  private run(cmd: SessionCommand, record: () => void): Promise<void> {
    // Shown at once (the status says "Saving…"), written in the order the analyst made the edits,
    // and reported as saved only once committed. A failed write is never left on screen: memory is
    // reloaded from the database, which is the truth, and the history is dropped with it.
    // Memory is exactly the records at the committed stamp only with no write pending, no
    // divergence and no reload under way: then a large batch may be written as the whole layer.
    const vouched = this.pending === 0 && !this.diverged && this.reloading === undefined;
    const own = this.applyInMemory(cmd);
    record();
    this.pending += 1;
    this.save = { status: 'saving' };
    // The whole transaction is issued here, in the keystroke's task (a few requests, well under a
    // millisecond): a window closed right after still commits it. (A batch written as the whole
    // layer decides after a first read, a millisecond on: annotations-repo.ts writeNow.) Its
    // outcome is handled in order.
    // Issued before the views are told, so the store works while they paint.
    const entry = { cmd, failed: false };
    this.issuedDuringRead?.push(entry);
    let write: IssuedWrite;
    try {
      write = this.store.write(cmd, this.issued, vouched && own !== null ? this.annotations : undefined);
      this.issued = write.stamp;
    } catch (e) {
      write = { stamp: this.issued, committed: Promise.reject(e instanceof Error ? e : new Error(String(e))) };
    }
    this.publish(own ? { kind: 'command', command: own } : { kind: 'status' });
    trackWrite(write.committed);
    const job = this.queue.then(() => write.committed);
    this.queue = job.then(
      (found) => {
        this.pending -= 1;
        // In step only if the write found exactly the records memory was committed at: another
        // window, an import or an earlier failed write in between means memory may lack something.
        if (!this.diverged && sameStamp(found, this.committed)) this.committed = write.stamp;
        else this.diverged = true;
        if (this.pending === 0 && this.save.status === 'saving') this.setSave({ status: 'saved' });
        this.afterSettled();
        // The analyst's acknowledgement first; other windows hear of it next.
        dispatch('spanmark:saved', { docId: this.article.id, kind: cmd.kind });
        this.store.announce(this.article.id);
      },
      (e: unknown) => {
        this.pending -= 1;
        entry.failed = true;
        this.diverged = true;
        this.undoStack = [];
        this.redoStack = [];
        this.setSave({ status: 'error', message: errorMessage(e) });
        this.afterSettled();
      },
    );
    return job.then(() => undefined);
  }

  /** After a write settles: reload once the last pending one has, if memory may be off. */
  private afterSettled(): void {
    if (this.pending > 0) return;
    if (this.diverged) void this.reload().catch(() => undefined);
    else this.scheduleSnapshot();
  }

  /** Applies a command to the in-memory layers; returns the change to my layer, if any. */
  private applyInMemory(cmd: SessionCommand): AnnotationCommand | null {
    const own = ownChange(cmd);
    if (own) {
      const applied = applyCommandTracked(this.annotations, own);
      this.annotations = applied.list;
      this.counts = countsAfter(this.counts, applied);
      this.index?.apply(applied);
    }
    if (cmd.kind === 'review') this.decisions = applyDecision(this.decisions, cmd);
    return own;
  }

  private setSave(save: SaveState): void {
    this.save = save;
    this.publish({ kind: 'status' });
  }

  private publish(change: SessionChange): void {
    this.snapshot = this.makeSnapshot();
    for (const l of this.listeners) l(change);
  }

  private makeSnapshot(): SessionSnapshot {
    return {
      annotations: this.annotations,
      counts: this.counts,
      layers: this.layers,
      decisions: this.decisions,
      canUndo: this.undoStack.length > 0,
      canRedo: this.redoStack.length > 0,
      save: this.save,
    };
  }
}

function invert(cmd: SessionCommand): SessionCommand {
  return cmd.kind === 'review' ? invertReview(cmd) : invertCommand(cmd);
}

/** The change a command makes to my layer, as an annotation command (review commands included). */
function ownChange(cmd: SessionCommand): AnnotationCommand | null {
  if (cmd.kind !== 'review') return cmd;
  const { before, after } = cmd.annotation;
  if (before && after) return { kind: 'update', before, after };
  if (after) return { kind: 'create', annotation: after };
  if (before) return { kind: 'delete', annotation: before };
  return null;
}

function applyDecision(map: ReadonlyMap<string, ReviewDecision>, cmd: SessionCommand & { kind: 'review' }): ReadonlyMap<string, ReviewDecision> {
  const next = new Map(map);
  if (cmd.decision.after) next.set(cmd.decision.after.id, cmd.decision.after);
  else if (cmd.decision.before) next.delete(cmd.decision.before.id);
  return next;
}

function sortLayers(layers: ReadonlyMap<string, readonly Annotation[]>): Map<string, readonly Annotation[]> {
  return new Map([...layers].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, sortAnnotations(v)]));
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
