// A session store held in memory whose writes commit only when a test says so, in the order the
// test chooses, or fail: the session's rules (shown at once, acknowledged once committed, rolled
// back only once every write has settled, a snapshot only of memory equal to the records at its
// stamp) tested without IndexedDB deciding the timing. It keeps IndexedDB's semantics where the
// session relies on them: a write is numbered blind after the stamp the session gives, reports
// the stamp it found when it commits, and a failed write leaves nothing behind.

import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { applyCommandTracked, sortAnnotations, type AnnotationCommand } from '../../../src/annotations/commands.js';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Article } from '../../../src/document/article.js';
import { sameStamp, type IssuedWrite, type LoadedDocument, type SessionCommand, type SessionStore, type Stamp } from '../../../renderer/store/session-store.js';

interface Issued {
  readonly cmd: SessionCommand;
  readonly stamp: Stamp;
  /** The whole layer the session handed with the write, if it did. */
  readonly whole: readonly Annotation[] | undefined;
  /** Commits the write (or fails it with `error`); the session hears of it a microtask later. */
  settle(error?: Error): void;
}

export class MemorySessionStore implements SessionStore {
  /** My layer's records, in text order. */
  records: readonly Annotation[];
  stamp: Stamp = { revision: 0 };
  /** Writes issued and not yet settled, oldest first. */
  readonly pending: Issued[] = [];
  loads = 0;
  readonly announced: string[] = [];
  /** Snapshots stored (only those whose stamp matched the records when asked). */
  readonly snapshots: { readonly stamp: Stamp; readonly annotations: readonly Annotation[] }[] = [];
  /** Snapshots asked for at the records' stamp whose annotations were not the records: must stay empty. */
  readonly falseSnapshots: Stamp[] = [];
  /** Whole layers handed with a write numbered after the records' stamp that were not the records plus the command: must stay empty. */
  readonly falseWholes: Stamp[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly article: Article,
    own: readonly Annotation[] = [],
  ) {
    this.records = sortAnnotations(own);
  }

  /** While true, a load reads the records at once (as a read transaction would) but answers only on releaseLoads(). */
  holdLoads = false;
  private held: (() => void)[] = [];

  load(docId: string, knownText?: string): Promise<LoadedDocument> {
    this.loads += 1;
    if (docId !== this.article.id) return Promise.resolve({ own: [], others: new Map(), decisions: [], stamp: { revision: 0 }, fromSnapshot: false });
    const layers = { own: [...this.records], others: new Map(), decisions: [], stamp: this.stamp, fromSnapshot: false };
    const loaded = knownText === undefined ? { ...layers, article: this.article } : layers;
    if (!this.holdLoads) return Promise.resolve(loaded);
    return new Promise((resolve) => this.held.push(() => resolve(loaded)));
  }

  /** Answers the loads held so far. */
  releaseLoads(): void {
    const held = this.held;
    this.held = [];
    for (const answer of held) answer();
  }

  write(cmd: SessionCommand, after: Stamp, whole?: readonly Annotation[]): IssuedWrite {
    const stamp = { revision: after.revision + 1, writer: randomUUID() };
    // The session vouches for a whole layer only as the records at `after` with the command applied.
    if (
      whole !== undefined &&
      (!sameStamp(after, this.stamp) || !isDeepStrictEqual([...whole], applyCommandTracked(this.records, asAnnotationCommand(cmd)).list))
    )
      this.falseWholes.push(after);
    let settle!: Issued['settle'];
    const committed = new Promise<Stamp>((resolve, reject) => {
      settle = (error) => {
        this.pending.splice(this.pending.indexOf(issued), 1);
        if (error) return reject(error);
        const found = this.stamp;
        this.records = applyCommandTracked(this.records, asAnnotationCommand(cmd)).list;
        this.stamp = stamp;
        resolve(found);
      };
    });
    const issued: Issued = { cmd, stamp, whole, settle: (error) => settle(error) };
    this.pending.push(issued);
    return { stamp, committed };
  }

  saveSnapshot(_docId: string, stamp: Stamp, annotations: readonly Annotation[]): Promise<boolean> {
    if (!sameStamp(stamp, this.stamp)) return Promise.resolve(false);
    if (!isDeepStrictEqual([...annotations], [...this.records])) this.falseSnapshots.push(stamp);
    this.snapshots.push({ stamp, annotations: [...annotations] });
    return Promise.resolve(true);
  }

  announce(docId: string): void {
    this.announced.push(docId);
  }

  onRemoteChange(_docId: string, listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Another window (or client) writes my layer and says so. */
  writeElsewhere(cmd: AnnotationCommand): void {
    this.records = applyCommandTracked(this.records, cmd).list;
    this.stamp = { revision: this.stamp.revision + 1, writer: randomUUID() };
    for (const l of this.listeners) l();
  }

  /** Settles the oldest pending write. */
  settleNext(error?: Error): void {
    const next = this.pending[0];
    if (!next) throw new Error('no write is pending');
    next.settle(error);
  }
}

function asAnnotationCommand(cmd: SessionCommand): AnnotationCommand {
  if (cmd.kind === 'review') throw new Error('the memory store holds no review decisions');
  return cmd;
}
