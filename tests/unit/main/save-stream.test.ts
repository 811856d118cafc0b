// Main's streamed save (a library export in pieces), without Electron: pieces land in order in a
// temporary file beside the target that is renamed over it only at a committed close; foreign
// senders, bad arguments, pieces out of order, another window's stream, a failing disk, a
// discarded stream and a window that goes away all leave the old file intact and no temporary
// file behind; a replaced file keeps its permission bits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC } from '../../../src/platform/ipc-contract.js';
import { createIpcHandlers, nodeFsPort, type FsPort, type IpcDeps, type IpcEventLike } from '../../../main/app/ipc-handlers.js';

const mainFrame = { url: 'app://spanmark/index.html' };
const fromApp: IpcEventLike = { senderFrame: mainFrame, sender: { mainFrame } };
const otherFrame = { url: 'app://spanmark/index.html' };
const otherWindow: IpcEventLike = { senderFrame: otherFrame, sender: { mainFrame: otherFrame } };

function withTempDir(run: (dir: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-stream-'));
    try {
      await run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

function deps(savePath: string | null, over: Partial<IpcDeps<IpcEventLike>> = {}): IpcDeps<IpcEventLike> & { saves: number } {
  const d = {
    saves: 0,
    appName: 'Spanmark',
    appVersion: '0.1.0',
    userName: () => 'analyst',
    documentsDir: () => '/home/analyst/Documents',
    fs: nodeFsPort,
    tempSuffix: () => 'test',
    dialog: {
      open: async () => null,
      openMany: async () => [],
      openFolder: async () => null,
      save: async () => {
        d.saves += 1;
        return savePath;
      },
    },
    ...over,
  };
  return d;
}

const PIECES = ['{\n  "title": "👨‍👩‍👧 Almaty 🇰🇿",\n', '  "rtl": "الوضع تحت السيطرة",\n', '  "crlf": "a\\r\\nb", "mark": "e\u0301"\n', '}\n'];

async function openStream(h: ReturnType<typeof createIpcHandlers<IpcEventLike>>, event = fromApp): Promise<number> {
  const opened = await h[IPC.saveStreamOpen](event, ['library.spanmark.json']);
  assert.ok(opened.ok && opened.value.opened, JSON.stringify(opened));
  return (opened.value as { streamId: number }).streamId;
}

test(
  'pieces are written in order and the file appears only at the committed close, replacing the old one with its mode',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.spanmark.json');
    writeFileSync(target, 'old');
    if (process.platform !== 'win32') chmodSync(target, 0o640);
    const h = createIpcHandlers(deps(target));
    const id = await openStream(h);
    for (const [i, piece] of PIECES.entries()) {
      assert.deepEqual(await h[IPC.saveStreamWrite](fromApp, [id, i, piece]), { ok: true, value: null });
      assert.equal(readFileSync(target, 'utf8'), 'old', 'the old file stays until the close');
    }
    assert.deepEqual(readdirSync(dir).sort(), ['.library.spanmark.json.test.tmp', 'library.spanmark.json']);
    assert.deepEqual(await h[IPC.saveStreamClose](fromApp, [id, true]), { ok: true, value: { saved: true, where: target } });
    assert.equal(readFileSync(target, 'utf8'), PIECES.join(''));
    if (process.platform !== 'win32') assert.equal(statSync(target).mode & 0o777, 0o640);
    assert.deepEqual(readdirSync(dir), ['library.spanmark.json']);
    // Closed: no more pieces, no second close.
    assert.equal((await h[IPC.saveStreamWrite](fromApp, [id, 4, 'x'])).ok, false);
    assert.equal((await h[IPC.saveStreamClose](fromApp, [id, true])).ok, false);
  }),
);

test('cancel in the dialog opens nothing; foreign senders and bad arguments are refused before any dialog', async () => {
  const d = deps(null);
  const h = createIpcHandlers(d);
  assert.deepEqual(await h[IPC.saveStreamOpen](fromApp, ['a.json']), { ok: true, value: { opened: false } });
  assert.equal(d.saves, 1);
  const foreign: IpcEventLike = { senderFrame: { url: 'https://evil.example/' }, sender: { mainFrame: { url: 'https://evil.example/' } } };
  for (const [channel, args] of [
    [IPC.saveStreamOpen, ['a.json']],
    [IPC.saveStreamWrite, [1, 0, 'x']],
    [IPC.saveStreamClose, [1, true]],
  ] as const) {
    const r = await h[channel](foreign, args);
    assert.ok(!r.ok && r.error.code === 'ipc-sender', channel);
  }
  const bad: [keyof typeof h, unknown[]][] = [
    [IPC.saveStreamOpen, []],
    [IPC.saveStreamOpen, [7]],
    [IPC.saveStreamOpen, ['x'.repeat(300)]],
    [IPC.saveStreamWrite, [1, 0]],
    [IPC.saveStreamWrite, [0, 0, 'x']],
    [IPC.saveStreamWrite, [1, -1, 'x']],
    [IPC.saveStreamWrite, [1, 0.5, 'x']],
    [IPC.saveStreamWrite, ['1', 0, 'x']],
    [IPC.saveStreamWrite, [1, 0, new Uint8Array(2)]],
    [IPC.saveStreamClose, [1]],
    [IPC.saveStreamClose, [1, 'yes']],
    [IPC.saveStreamClose, [Number.MAX_SAFE_INTEGER + 2, true]],
  ];
  for (const [channel, args] of bad) {
    const r = await h[channel](fromApp, args);
    assert.ok(!r.ok && r.error.code === 'ipc-args', `${channel} ${JSON.stringify(args)}`);
    if (!r.ok) assert.match(r.error.message, /^save-stream-/);
  }
  assert.equal(d.saves, 1);
});

test(
  'a piece out of order, or from another window, never lands: the first discards the file, the second is refused',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.spanmark.json');
    writeFileSync(target, 'old');
    const h = createIpcHandlers(deps(target));
    const id = await openStream(h);
    assert.equal((await h[IPC.saveStreamWrite](fromApp, [id, 0, PIECES[0]!])).ok, true);
    const foreignWrite = await h[IPC.saveStreamWrite](otherWindow, [id, 1, 'intruder']);
    assert.ok(!foreignWrite.ok && /not open/.test(foreignWrite.error.message), JSON.stringify(foreignWrite));
    const skipped = await h[IPC.saveStreamWrite](fromApp, [id, 2, PIECES[2]!]);
    assert.ok(!skipped.ok, 'a piece out of order is refused');
    if (!skipped.ok) assert.match(skipped.error.message, /library\.spanmark\.json.*piece 2 came where piece 1 was expected; nothing was saved/);
    assert.equal(readFileSync(target, 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['library.spanmark.json']);
  }),
);

test(
  'a close without commit (the export failed in the window) removes the temporary file and keeps the old one',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.spanmark.json');
    writeFileSync(target, 'old');
    const h = createIpcHandlers(deps(target));
    const id = await openStream(h);
    await h[IPC.saveStreamWrite](fromApp, [id, 0, PIECES[0]!]);
    assert.deepEqual(await h[IPC.saveStreamClose](fromApp, [id, false]), { ok: true, value: { saved: false } });
    assert.equal(readFileSync(target, 'utf8'), 'old');
    assert.deepEqual(readdirSync(dir), ['library.spanmark.json']);
  }),
);

test(
  'a disk that fails mid-stream: the message names the file and the reason, nothing is left behind',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.spanmark.json');
    let appended = 0;
    const fs: FsPort = {
      ...nodeFsPort,
      async createNewFile(path, mode) {
        const sink = await nodeFsPort.createNewFile(path, mode);
        return {
          ...sink,
          append: async (text) => {
            if (++appended === 2) throw new Error('ENOSPC: no space left on device');
            await sink.append(text);
          },
        };
      },
    };
    const h = createIpcHandlers(deps(target, { fs }));
    const id = await openStream(h);
    assert.equal((await h[IPC.saveStreamWrite](fromApp, [id, 0, PIECES[0]!])).ok, true);
    const failed = await h[IPC.saveStreamWrite](fromApp, [id, 1, PIECES[1]!]);
    assert.ok(!failed.ok, 'a failing disk is reported');
    if (!failed.ok) {
      assert.equal(failed.error.code, 'save-failed');
      assert.match(failed.error.message, /"library\.spanmark\.json": ENOSPC/);
    }
    assert.deepEqual(readdirSync(dir), []);
    assert.equal((await h[IPC.saveStreamClose](fromApp, [id, true])).ok, false);
  }),
);

test(
  'a window that goes away with a stream open leaves no temporary file',
  withTempDir(async (dir) => {
    const target = join(dir, 'library.spanmark.json');
    const gone: (() => void)[] = [];
    let forgotten = 0;
    const h = createIpcHandlers(
      deps(target, {
        whenSenderGone: (_e, f) => {
          gone.push(f);
          return () => void (forgotten += 1);
        },
      }),
    );
    const id = await openStream(h);
    await h[IPC.saveStreamWrite](fromApp, [id, 0, PIECES[0]!]);
    assert.equal(gone.length, 1);
    gone[0]!();
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(readdirSync(dir), []);
    assert.equal((await h[IPC.saveStreamWrite](fromApp, [id, 1, PIECES[1]!])).ok, false);
    // A stream that closes stops watching its window (no listener piles up per export).
    const next = await openStream(h);
    await h[IPC.saveStreamClose](fromApp, [next, true]);
    assert.equal(gone.length, 2);
    assert.equal(forgotten, 2);
  }),
);

test(
  'two streams at once stay apart',
  withTempDir(async (dir) => {
    let n = 0;
    const targets = [join(dir, 'a.json'), join(dir, 'b.json')];
    const d = deps(null, { tempSuffix: () => `t${n}` });
    d.dialog.save = async () => targets[n++] ?? null;
    const h = createIpcHandlers(d);
    const a = await openStream(h);
    const b = await openStream(h);
    assert.notEqual(a, b);
    await h[IPC.saveStreamWrite](fromApp, [a, 0, 'A1']);
    await h[IPC.saveStreamWrite](fromApp, [b, 0, 'B1']);
    await h[IPC.saveStreamWrite](fromApp, [a, 1, 'A2']);
    await h[IPC.saveStreamClose](fromApp, [b, true]);
    await h[IPC.saveStreamClose](fromApp, [a, true]);
    assert.equal(readFileSync(targets[0]!, 'utf8'), 'A1A2');
    assert.equal(readFileSync(targets[1]!, 'utf8'), 'B1');
  }),
);
