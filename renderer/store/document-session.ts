// One open document's layers in memory, kept equal to what is committed in IndexedDB. Every edit
// goes through execute(): painted at once so tagging keeps up with the keyboard, committed in one
// awaited transaction (strict durability), and only then reported as saved (the save status and
// the 'spanmark:saved' event). A write that fails is rolled back by reloading from the database.
// React never owns this state; views subscribe.

import { applyCommandTracked, invertCommand, sortAnnotations, type AnnotationCommand } from '../../src/annotations/commands.js';
import { countLabels, countsAfter, type LabelCounts } from '../../src/annotations/label-counts.js';
import type { Annotation } from '../../src/annotations/types.js';
import type { Article } from '../../src/document/article.js';
import { invertReview, type ReviewDecision } from '../../src/review/decisions.js';
import { applyToDb, loadLayers, saveSnapshot, type DocumentLayers, type SessionCommand } from '../db/annotations-repo.js';
import type { SpanmarkDb } from '../db/db.js';
import { announceChange, onRemoteChange } from './change-channel.js';

/** What changed: one committed command, the whole list (reload), or only the save status. */
export type SessionChange =
  | { readonly kind: 'command'; readonly command: AnnotationCommand }
  | { readonly kind: 'reset' }
  | { readonly kind: 'status' };

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

export class DocumentSession {
  private annotations: readonly Annotation[];
  private counts: LabelCounts;
  private layers: ReadonlyMap<string, readonly Annotation[]>;
  private decisions: ReadonlyMap<string, ReviewDecision>;
  private undoStack: SessionCommand[] = [];
  private redoStack: SessionCommand[] = [];
  private save: SaveState = { status: 'saved' };
  private queue: Promise<unknown> = Promise.resolve();
  /** Commands shown but not yet committed. */
  private pending = 0;
  /**
   * My layer's revision that the in-memory list equals when nothing is pending; STALE while a
   * reload is due (another window or an import wrote), so memory is never taken for committed.
   */
  private revision: number;
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private readonly stopRemote: () => void;

  private constructor(
    private readonly db: SpanmarkDb,
    readonly article: Article,
    loaded: DocumentLayers,
  ) {
    this.annotations = sortAnnotations(loaded.own);
    this.counts = countLabels(this.annotations);
    this.layers = sortLayers(loaded.others);
    this.decisions = new Map(loaded.decisions.map((d) => [d.id, d]));
    this.revision = loaded.revision;
    if (!loaded.fromSnapshot) this.scheduleSnapshot();
    this.snapshot = this.makeSnapshot();
    this.stopRemote = onRemoteChange(article.id, () => void this.reload());
  }

  /** Opens a stored document, reading its text and its layers in parallel; undefined if gone. */
  static async open(db: SpanmarkDb, docId: string): Promise<DocumentSession | undefined> {
    const layers = await loadLayers(db, docId);
    return layers.article ? new DocumentSession(db, layers.article, layers) : undefined;
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
    return this.annotations.find((a) => a.id === id);
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

  async reload(): Promise<void> {
    await this.queue;
    await this.reloadNow();
  }

  /**
   * My layer as committed, with its revision, once every edit made so far is committed; undefined
   * while memory may differ from the database (a reload is due). A caller that reads the stored
   * revision in a transaction and finds it equal may use the list instead of reading 10,000
   * records: that is what makes exporting the open document fast.
   */
  async committedLayer(): Promise<{ readonly revision: number; readonly annotations: readonly Annotation[] } | undefined> {
    while (this.pending > 0) await this.queue.catch(() => undefined);
    return this.revision === STALE ? undefined : { revision: this.revision, annotations: this.annotations };
  }

  private async reloadNow(): Promise<void> {
    const loaded = await loadLayers(this.db, this.article.id, this.article.text);
    this.annotations = sortAnnotations(loaded.own);
    this.counts = countLabels(this.annotations);
    this.layers = sortLayers(loaded.others);
    this.decisions = new Map(loaded.decisions.map((d) => [d.id, d]));
    this.revision = loaded.revision;
    if (!loaded.fromSnapshot) this.scheduleSnapshot();
    this.publish({ kind: 'reset' });
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
    if (this.pending > 0) return this.scheduleSnapshot();
    // A snapshot that cannot be written is only a slower next open; the records are the truth.
    void saveSnapshot(this.db, this.article.id, this.revision, this.annotations, this.article.text).catch(() => undefined);
  }

  private run(cmd: SessionCommand, record: () => void): Promise<void> {
    // Shown at once (the status says "Saving…"), written in the order the analyst made the edits,
    // and reported as saved only once committed. A failed write is never left on screen: memory is
    // reloaded from the database, which is the truth, and the history is dropped with it.
    const own = this.applyInMemory(cmd);
    record();
    this.pending += 1;
    this.save = { status: 'saving' };
    this.publish(own ? { kind: 'command', command: own } : { kind: 'status' });
    // The write starts in a task of its own, so the keystroke's task ends and the new highlight
    // is painted first; the save is still reported only once it is committed.
    const job = this.queue.then(yieldTask).then(() => applyToDb(this.db, cmd));
    this.queue = job.then(
      (revision) => {
        this.pending -= 1;
        // Another window wrote in between, so memory may lack its change: reload from the
        // database before any snapshot is taken of it.
        const inStep = this.revision !== STALE && revision === this.revision + 1;
        if (inStep) {
          this.revision = revision;
          this.scheduleSnapshot();
        } else {
          this.revision = STALE;
          void this.reload();
        }
        if (this.pending === 0 && this.save.status === 'saving') this.setSave({ status: 'saved' });
        announceChange(this.article.id);
        window.dispatchEvent(new CustomEvent('spanmark:saved', { detail: { docId: this.article.id, kind: cmd.kind } }));
      },
      async (e: unknown) => {
        this.pending -= 1;
        this.undoStack = [];
        this.redoStack = [];
        this.save = { status: 'error', message: errorMessage(e) };
        await this.reloadNow();
      },
    );
    return job.then(() => undefined);
  }

  /** Applies a command to the in-memory layers; returns the change to my layer, if any. */
  private applyInMemory(cmd: SessionCommand): AnnotationCommand | null {
    const own = ownChange(cmd);
    if (own) {
      const applied = applyCommandTracked(this.annotations, own);
      this.annotations = applied.list;
      this.counts = countsAfter(this.counts, applied);
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
    return { annotations: this.annotations, counts: this.counts, layers: this.layers, decisions: this.decisions, canUndo: this.undoStack.length > 0, canRedo: this.redoStack.length > 0, save: this.save };
  }
}

const STALE = -1;

/**
 * Resolves in a new task: a message-channel task, which unlike setTimeout is never throttled in a
 * hidden window (a write must not wait a second or more because the window lost focus).
 */
function yieldTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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
