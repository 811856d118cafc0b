// The platforms' save of a text in pieces (issue 12, item 9). Electron: the pieces go over the
// bridge one at a time, numbered in order, after the dialog (a cancel asks for no piece at all),
// and a source that throws closes the stream without keeping the file. Browser: the download is a
// Blob of the pieces' parts whose bytes are the joined text (UTF-8: emoji, RTL, CRLF), and a
// source that throws makes no Blob. A text whose pieces are all in memory (a document export) is
// one save-file call on Electron, and a Blob of the pieces' UTF-8 in a browser.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDesktopPlatform } from '../../../renderer/platform/desktop.js';
import { blobOf, blobOfPieces } from '../../../renderer/platform/web.js';
import type { SpanmarkBridge } from '../../../src/platform/bridge.js';
import { ok } from '../../../src/result.js';

const PIECES = ['{"a": "👨‍👩‍👧 🇰🇿",', '\r\n"b": "الوضع تحت السيطرة"', ', "c": "e\u0301"}\n'];

function fakeBridge(opened: boolean) {
  const calls: string[] = [];
  const bridge = {
    saveStreamOpen: async (name: string) => {
      calls.push(`open ${name}`);
      return ok(opened ? { opened: true as const, streamId: 7 } : { opened: false as const });
    },
    saveStreamWrite: async (id: number, index: number, chunk: string) => {
      calls.push(`write ${id} ${index} ${chunk}`);
      return ok(null);
    },
    saveStreamClose: async (id: number, commit: boolean) => {
      calls.push(`close ${id} ${commit}`);
      return ok(commit ? { saved: true as const, where: '/docs/x.json' } : { saved: false as const });
    },
  } as unknown as SpanmarkBridge;
  return { bridge, calls };
}

async function* pieces(list: readonly string[], failAt = -1): AsyncGenerator<string> {
  for (const [i, p] of list.entries()) {
    if (i === failAt) throw new Error('encode failed at documents[1]');
    yield p;
  }
}

test('desktop: open, every piece in order, then a committed close', async () => {
  const { bridge, calls } = fakeBridge(true);
  const out = await createDesktopPlatform(bridge).saveFile('x.json', pieces(['', ...PIECES]));
  assert.deepEqual(out, { saved: true, where: '/docs/x.json' });
  assert.deepEqual(calls, ['open x.json', ...PIECES.map((p, i) => `write 7 ${i} ${p}`), 'close 7 true']);
});

test('desktop: a cancelled dialog takes no piece; a failing source discards the file and rethrows', async () => {
  const cancelled = fakeBridge(false);
  let asked = 0;
  async function* counted(): AsyncGenerator<string> {
    asked += 1;
    yield 'x';
  }
  assert.deepEqual(await createDesktopPlatform(cancelled.bridge).saveFile('x.json', counted()), { saved: false });
  assert.equal(asked, 0);
  const failing = fakeBridge(true);
  await assert.rejects(createDesktopPlatform(failing.bridge).saveFile('x.json', pieces(PIECES, 1)), /encode failed at documents\[1\]/);
  assert.deepEqual(failing.calls, ['open x.json', `write 7 0 ${PIECES[0]}`, 'close 7 false']);
});

test('browser: a Blob of parts holding the joined text as UTF-8; a failing source makes none', async () => {
  const blob = await blobOfPieces(pieces(PIECES));
  assert.equal(await blob.text(), PIECES.join(''));
  assert.equal(blob.size, Buffer.byteLength(PIECES.join(''), 'utf8'));
  assert.equal((await blobOfPieces(pieces([]))).size, 0);
  await assert.rejects(blobOfPieces(pieces(PIECES, 2)), /encode failed/);
});

test('pieces in memory: one save-file call with the pieces as they are (Electron); a Blob of their UTF-8 (browser)', async () => {
  const text = PIECES.join('');
  const pieces = [text.slice(0, 5), '', text.slice(5)];
  const sent: unknown[][] = [];
  const bridge = {
    saveFile: async (...args: unknown[]) => {
      sent.push(args);
      return ok({ saved: true as const, where: '/docs/x.json' });
    },
    saveStreamOpen: async () => assert.fail('pieces in memory are not streamed'),
  } as unknown as SpanmarkBridge;
  assert.deepEqual(await createDesktopPlatform(bridge).saveFile('x.json', pieces), { saved: true, where: '/docs/x.json' });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]![0], 'x.json');
  assert.equal(sent[0]![1], pieces);

  const blob = await blobOf(pieces);
  assert.equal(blob.type, 'application/json');
  assert.deepEqual(Buffer.from(await blob.arrayBuffer()), Buffer.from(text, 'utf8'));
  assert.equal(await (await blobOf(text)).text(), text);
});
