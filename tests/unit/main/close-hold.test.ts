import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSE_HOLD_MS, createCloseHold, type CloseHoldPort } from '../../../main/app/close-hold.js';
import { IPC, parseWritesSettledArgs } from '../../../src/platform/ipc-contract.js';
import { createIpcHandlers, nodeFsPort, type IpcEventLike } from '../../../main/app/ipc-handlers.js';

/** A fake window: records what the hold did, with timers run by hand. */
function fakeWindow(answer: boolean | 'throw' | 'never' = false) {
  const log: string[] = [];
  const timers = new Map<number, () => void>();
  let nextTimer = 0;
  let resolveAsk: ((v: boolean) => void) | undefined;
  const port: CloseHoldPort = {
    requestFlush: (id) => log.push(`flush ${id}`),
    close: () => log.push('close'),
    destroy: () => log.push('destroy'),
    askCloseAnyway: () => {
      log.push('ask');
      if (answer === 'throw') return Promise.reject(new Error('no dialog'));
      if (answer === 'never') return new Promise((r) => (resolveAsk = r));
      return Promise.resolve(answer);
    },
    setTimer: (run, ms) => {
      log.push(`timer ${ms}`);
      timers.set(++nextTimer, run);
      return nextTimer;
    },
    clearTimer: (t) => void timers.delete(t as number),
  };
  const fire = async (): Promise<void> => {
    for (const [id, run] of [...timers]) {
      timers.delete(id);
      run();
    }
    await new Promise((r) => setImmediate(r));
  };
  return { port, log, timers, fire, answerAsk: (v: boolean) => resolveAsk?.(v) };
}

function closeEvent() {
  const e = { prevented: false, preventDefault: () => void (e.prevented = true) };
  return e;
}

test('a close is held until the renderer says its writes settled, then goes through once', () => {
  const w = fakeWindow();
  const hold = createCloseHold(w.port);
  const first = closeEvent();
  hold.onClose(first);
  assert.equal(first.prevented, true);
  assert.deepEqual(w.log, [`timer ${CLOSE_HOLD_MS}`, 'flush 1']);
  hold.onSettled(1);
  assert.deepEqual(w.log.slice(2), ['close']);
  assert.equal(w.timers.size, 0, 'the bound is cleared');
  const again = closeEvent();
  hold.onClose(again);
  assert.equal(again.prevented, false, 'the released close is not held again');
});

test('a second close while held waits for the same answer; stale and unknown answers close nothing', () => {
  const w = fakeWindow();
  const hold = createCloseHold(w.port);
  hold.onClose(closeEvent());
  const second = closeEvent();
  hold.onClose(second);
  assert.equal(second.prevented, true);
  assert.equal(w.log.filter((l) => l.startsWith('flush')).length, 1);
  for (const id of [0, 2, -1, Number.NaN]) hold.onSettled(id);
  assert.ok(!w.log.includes('close'));
  hold.onSettled(1);
  hold.onSettled(1);
  assert.equal(w.log.filter((l) => l === 'close').length, 1);
});

test('an answer before any close closes nothing', () => {
  const w = fakeWindow();
  createCloseHold(w.port).onSettled(1);
  assert.deepEqual(w.log, []);
});

test('past the bound the analyst is asked; "close anyway" destroys the window', async () => {
  const w = fakeWindow(true);
  const hold = createCloseHold(w.port, 50);
  hold.onClose(closeEvent());
  await w.fire();
  assert.deepEqual(w.log, ['timer 50', 'flush 1', 'ask', 'destroy']);
  hold.onSettled(1);
  assert.ok(!w.log.includes('close'), 'a late answer after destroy does nothing');
});

test('"keep open" keeps the window; a late answer does not close it; the next close is held afresh', async () => {
  const w = fakeWindow(false);
  const hold = createCloseHold(w.port, 50);
  hold.onClose(closeEvent());
  await w.fire();
  assert.deepEqual(w.log, ['timer 50', 'flush 1', 'ask']);
  hold.onSettled(1);
  assert.ok(!w.log.includes('close'));
  const next = closeEvent();
  hold.onClose(next);
  assert.equal(next.prevented, true);
  assert.ok(w.log.includes('flush 2'));
  hold.onSettled(2);
  assert.equal(w.log.at(-1), 'close');
});

test('a message that cannot be shown keeps the window (and its edits)', async () => {
  const w = fakeWindow('throw');
  const hold = createCloseHold(w.port, 50);
  hold.onClose(closeEvent());
  await w.fire();
  assert.ok(!w.log.includes('destroy') && !w.log.includes('close'));
});

test('while the message is up, closes stay held and an answer does not preempt the choice', async () => {
  const w = fakeWindow('never');
  const hold = createCloseHold(w.port, 50);
  hold.onClose(closeEvent());
  await w.fire();
  const during = closeEvent();
  hold.onClose(during);
  assert.equal(during.prevented, true);
  hold.onSettled(1);
  assert.ok(!w.log.includes('close'));
  w.answerAsk(true);
  await new Promise((r) => setImmediate(r));
  assert.equal(w.log.at(-1), 'destroy');
});

test('a renderer that is gone has nothing left to write: a held close goes through', () => {
  const w = fakeWindow();
  const hold = createCloseHold(w.port);
  hold.onRendererGone();
  assert.deepEqual(w.log, [], 'nothing happens when no close is held');
  hold.onClose(closeEvent());
  hold.onRendererGone();
  assert.equal(w.log.at(-1), 'close');
});

test('writes-settled takes exactly one positive safe integer', () => {
  assert.deepEqual(parseWritesSettledArgs([7]), { ok: true, value: [7] });
  for (const args of [[], [0], [-1], [1.5], [Number.NaN], [Infinity], [2 ** 53], ['1'], [1, 2], [null], [{}], ['١']]) {
    assert.equal(parseWritesSettledArgs(args).ok, false, JSON.stringify(args));
  }
});

test('the writes-settled handler checks the sender and arguments before reaching the hold', async () => {
  const seen: number[] = [];
  const handlers = createIpcHandlers<IpcEventLike>({
    appName: 'Spanmark',
    appVersion: '0.1.0',
    userName: () => 'analyst',
    documentsDir: () => '/tmp',
    fs: nodeFsPort,
    dialog: { open: async () => null, openMany: async () => [], openFolder: async () => null, save: async () => null },
    writesSettled: (_event, id) => seen.push(id),
  });
  const mainFrame = { url: 'app://spanmark/index.html' };
  const foreign: IpcEventLike = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
  assert.equal((await handlers[IPC.writesSettled](foreign, [1])).ok, false);
  assert.equal((await handlers[IPC.writesSettled]({ senderFrame: mainFrame, sender: { mainFrame } }, ['1'])).ok, false);
  assert.deepEqual(seen, []);
  assert.deepEqual(await handlers[IPC.writesSettled]({ senderFrame: mainFrame, sender: { mainFrame } }, [3]), { ok: true, value: null });
  assert.deepEqual(seen, [3]);
});
