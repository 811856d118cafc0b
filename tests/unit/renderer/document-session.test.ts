// The document session over a store it does not know (store/session-store.ts), here one in memory
// whose writes settle when the test says: an edit is on screen at once and acknowledged only once
// committed; a failed write among queued ones rolls memory back only after the last has settled,
// to exactly the records; a snapshot is never stamped over records it does not equal; another
// window's write is read. Each test has a timeout: a session that never settles fails, rather than
// holding the run. The IndexedDB store is covered end to end (storage-failure.spec.ts,
// close-pending.spec.ts, restart.spec.ts).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Article } from '../../../src/document/article.js';
import { APP_EVENTS } from '../../../renderer/app/events.js';
import { DocumentSession } from '../../../renderer/store/document-session.js';
import { MemorySessionStore } from './memory-session-store.js';

// The session acknowledges through window events; Node has EventTarget and CustomEvent but no window.
const events = ((globalThis as { window?: EventTarget }).window ??= new EventTarget());

const TEXT = 'Troops from the CSTO arrived in Almaty. Officials said 164 people were killed.';
const ARTICLE: Article = {
  id: 'doc-1',
  sha256: 'doc-1',
  addedAt: '2022-01-08T09:00:00.000Z',
  title: 'unrest',
  format: 'text',
  text: TEXT,
  blocks: [{ kind: 'paragraph', start: 0, end: TEXT.length }],
  metadata: {},
};

function span(id: string, quote: string, label = 'claim'): Annotation {
  const start = TEXT.indexOf(quote);
  assert.ok(start >= 0, quote);
  return {
    id,
    docId: ARTICLE.id,
    label,
    start,
    end: start + quote.length,
    quote,
    annotator: 'me',
    createdAt: '2022-01-08T09:00:00.000Z',
    updatedAt: '2022-01-08T09:00:00.000Z',
  };
}

/** Lets every promise reaction that is due run (the session settles writes a few microtasks on). */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function opened(store: MemorySessionStore): Promise<DocumentSession> {
  const session = await DocumentSession.open(store, ARTICLE.id);
  assert.ok(session);
  return session;
}

/** Resolves when the session next replaces its layers with what it read. */
function nextReset(session: DocumentSession): Promise<void> {
  return new Promise((resolve) => {
    const stop = session.subscribe((c) => {
      if (c.kind !== 'reset') return;
      stop();
      resolve();
    });
  });
}

function savedEvents(): { readonly count: () => number; readonly stop: () => void } {
  let n = 0;
  const on = (): void => void (n += 1);
  events.addEventListener(APP_EVENTS.saved, on);
  return { count: () => n, stop: () => events.removeEventListener(APP_EVENTS.saved, on) };
}

test('an edit is shown at once and reported saved only once the store has committed it', { timeout: 10_000 }, async () => {
  const store = new MemorySessionStore(ARTICLE);
  const session = await opened(store);
  const saved = savedEvents();
  try {
    let done = false;
    const troops = span('a', 'Troops from the CSTO', 'deployment');
    const executed = session.execute({ kind: 'create', annotation: troops }).then(() => (done = true));
    // On screen in the keystroke's task, and the write already issued to the store.
    assert.deepEqual(session.list(), [troops]);
    assert.equal(session.getSnapshot().save.status, 'saving');
    assert.equal(store.pending.length, 1);
    await turn();
    assert.equal(done, false, 'acknowledged before the store committed');
    assert.equal(saved.count(), 0);
    assert.deepEqual(store.records, []);

    store.settleNext();
    await executed;
    assert.equal(session.getSnapshot().save.status, 'saved');
    assert.equal(saved.count(), 1);
    assert.deepEqual(store.records, [troops]);
    assert.deepEqual(store.announced, [ARTICLE.id]);
  } finally {
    saved.stop();
    session.dispose();
  }
});

test('one failed write among queued ones: memory is rolled back once the last has settled, to the records exactly', { timeout: 10_000 }, async () => {
  const store = new MemorySessionStore(ARTICLE);
  const session = await opened(store);
  try {
    const troops = span('a', 'Troops from the CSTO', 'deployment');
    const killed = span('b', '164 people were killed', 'casualty');
    const first = session.execute({ kind: 'create', annotation: troops });
    const relabel = session.execute({ kind: 'update', before: troops, after: { ...troops, label: 'claim' } });
    const second = session.execute({ kind: 'create', annotation: killed });
    assert.equal(store.pending.length, 3);

    store.settleNext();
    await first;
    store.settleNext(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await assert.rejects(relabel, /quota/);
    await turn();
    // The write after the failed one is still in flight: a reload now would read records it is
    // about to change, and take them as in step.
    assert.equal(store.loads, 1, 'reloaded while a write was still pending');
    assert.equal(session.getSnapshot().save.status, 'error');
    assert.equal(session.list().find((a) => a.id === 'a')?.label, 'claim', 'the failed relabel is still what memory shows');

    const reset = nextReset(session);
    store.settleNext();
    await second.catch(() => undefined);
    await reset;
    assert.equal(store.loads, 2, 'read once, after the last write settled');
    assert.deepEqual(session.list(), store.records);
    assert.equal(session.list().find((a) => a.id === 'a')?.label, 'deployment');
    assert.equal(session.getSnapshot().canUndo, false, 'a history that no longer matches the records is dropped');

    // The snapshot written from here is the records at their stamp, never the failed relabel.
    session.dispose();
    assert.deepEqual(store.falseSnapshots, []);
    assert.deepEqual(store.snapshots.at(-1)?.annotations, store.records);
  } finally {
    session.dispose();
  }
});

test('closing with a write in flight stamps no snapshot of what the records do not hold yet', { timeout: 10_000 }, async () => {
  const store = new MemorySessionStore(ARTICLE, [span('a', 'Troops from the CSTO', 'deployment')]);
  const session = await opened(store);
  const killed = span('b', '164 people were killed', 'casualty');
  const created = session.execute({ kind: 'create', annotation: killed });
  // Closing with the write in flight: memory holds the new span, the records do not yet.
  session.dispose();
  assert.deepEqual(store.snapshots, []);
  store.settleNext();
  await created;
  assert.deepEqual(store.falseSnapshots, []);
});

test('another window’s write is read into the open session', { timeout: 10_000 }, async () => {
  const store = new MemorySessionStore(ARTICLE);
  const session = await opened(store);
  const resets: string[] = [];
  session.subscribe((c) => resets.push(c.kind));
  try {
    const theirs = span('z', 'Almaty', 'claim');
    store.writeElsewhere({ kind: 'create', annotation: theirs });
    await session.reload();
    assert.deepEqual(session.list(), [theirs]);
    assert.ok(resets.includes('reset'));
    // An edit made now is numbered after what was read, and the two stay in step.
    const next = session.execute({ kind: 'delete', annotation: theirs });
    store.settleNext();
    await next;
    assert.deepEqual(store.records, []);
    assert.deepEqual(session.list(), []);
  } finally {
    session.dispose();
  }
});

test('an edit made while a reload reads stays on screen, is written, and the layer ends as the records', { timeout: 10_000 }, async () => {
  const store = new MemorySessionStore(ARTICLE);
  const session = await opened(store);
  try {
    // Another window writes; this one starts reading, and the read is slow.
    store.holdLoads = true;
    const theirs = span('z', 'Almaty', 'claim');
    store.writeElsewhere({ kind: 'create', annotation: theirs });
    assert.equal(store.loads, 2);
    // The analyst tags meanwhile: the read already taken does not hold this edit.
    const mine = span('a', 'Troops from the CSTO', 'deployment');
    const edit = session.execute({ kind: 'create', annotation: mine });
    assert.deepEqual(session.list(), [mine]);
    store.settleNext();
    await edit;
    const reset = nextReset(session);
    store.releaseLoads();
    await reset;
    // What was read, with the edit applied again on top: never a screen without the edit.
    assert.deepEqual(session.list(), [mine, theirs]);
    // The edit's write found the records changed under it (the other window's): they are read
    // once more rather than trusted, and memory ends equal to them.
    for (let i = 0; i < 100 && store.loads < 3; i++) await turn();
    assert.equal(store.loads, 3, 'the records were not read again');
    const again = nextReset(session);
    store.releaseLoads();
    await again;
    assert.deepEqual(session.list(), store.records);
    assert.deepEqual(
      store.records.map((a) => a.id),
      ['a', 'z'],
    );
    session.dispose();
    assert.deepEqual(store.falseSnapshots, []);
  } finally {
    // Whatever failed, let every read answer so the session can settle and the run end.
    store.holdLoads = false;
    store.releaseLoads();
    session.dispose();
  }
});

test('a write carries the whole layer only while memory is exactly the records: nothing pending, nothing diverged', { timeout: 10_000 }, async () => {
  const troops = span('a', 'Troops from the CSTO', 'deployment');
  const store = new MemorySessionStore(ARTICLE, [troops]);
  const session = await opened(store);
  try {
    const killed = span('b', '164 people were killed', 'casualty');
    const almaty = span('c', 'Almaty', 'claim');
    // Idle and in step: the batch is handed with the layer it leaves, in text order.
    const tagged = session.execute({ kind: 'batch', commands: [{ kind: 'create', annotation: killed }] });
    assert.deepEqual(store.pending[0]!.whole, [troops, killed]);
    // Issued while that write is in flight: memory is ahead of the records, so no whole layer.
    const second = session.execute({ kind: 'batch', commands: [{ kind: 'create', annotation: almaty }] });
    assert.equal(store.pending[1]!.whole, undefined);
    store.settleNext();
    store.settleNext();
    await Promise.all([tagged, second]);

    // A write that fails leaves memory diverged until it is read again: no whole layer meanwhile.
    const relabel = session.execute({ kind: 'update', before: almaty, after: { ...almaty, label: 'casualty' } });
    assert.ok(store.pending[0]!.whole, 'in step again before the failure');
    store.holdLoads = true;
    store.settleNext(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await assert.rejects(relabel, /quota/);
    await turn();
    const during = session.execute({ kind: 'delete', annotation: troops });
    assert.equal(store.pending[0]!.whole, undefined, 'handed a whole layer while memory may hold a failed write');
    const reset = nextReset(session);
    store.releaseLoads();
    store.settleNext();
    await during;
    await reset;
    // The delete's write found the records as the reload had read them, not as memory expected:
    // one more read, and then memory is the records.
    store.holdLoads = false;
    store.releaseLoads();
    await session.reload();
    assert.deepEqual(session.list(), store.records);
    // Read again and settled: in step, so the next batch carries the layer once more.
    const after = session.execute({ kind: 'batch', commands: [{ kind: 'delete', annotation: killed }] });
    assert.deepEqual(store.pending[0]!.whole, session.list());
    store.settleNext();
    await after;
    assert.deepEqual(store.falseWholes, []);
    assert.deepEqual(session.list(), store.records);
  } finally {
    session.dispose();
  }
});
