// File › Open folder… on both platforms. Browser: a webkitdirectory pick's files (paths with the
// chosen folder's name first) go through the same folder rule as Electron's walk: only the taken
// files are read, a file that cannot be read is reported, and a refused folder rejects with the
// rule's message. Electron: the bridge's reply is unwrapped, a refusal becomes an error.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderPickOf } from '../../../renderer/platform/web.js';
import { createDesktopPlatform } from '../../../renderer/platform/desktop.js';
import { FOLDER_LIMITS, SKIP_REASONS } from '../../../src/corpus/folder-pick.js';
import type { SpanmarkBridge } from '../../../src/platform/bridge.js';
import { fail, ok } from '../../../src/result.js';

/** What a browser gives for a file of a picked folder; counts the reads. */
function picked(relativePath: string, text: string, reads: string[], size = new TextEncoder().encode(text).byteLength): File {
  return {
    name: relativePath.slice(relativePath.lastIndexOf('/') + 1),
    webkitRelativePath: relativePath,
    size,
    arrayBuffer: async () => {
      reads.push(relativePath);
      if (text === '<unreadable>') throw new Error('NotReadableError: the file changed');
      return new TextEncoder().encode(text).buffer;
    },
  } as unknown as File;
}

test('browser: the taken files read under the folder name and path, the rest skipped once with the reason, never read', async () => {
  const reads: string[] = [];
  const files = [
    picked('corpus/b.txt', 'B 🇰🇿', reads),
    picked('corpus/.DS_Store', 'junk', reads),
    picked('corpus/.git/HEAD.txt', 'ref', reads),
    picked('corpus/.git/config.txt', 'x', reads),
    picked('corpus/2022/الوضع.md', '# RTL', reads),
    picked('corpus/photo.png', 'png', reads),
    picked('corpus/huge.txt', 'x', reads, FOLDER_LIMITS.maxArticleBytes + 1),
    picked('corpus/line\r\nbreak.txt', 'CRLF', reads),
    picked('corpus/gone.txt', '<unreadable>', reads),
  ];
  const pick = await folderPickOf(files);
  assert.ok(pick.picked);
  assert.equal(pick.folder, 'corpus');
  assert.deepEqual(
    pick.files.map((f) => [f.name, new TextDecoder().decode(f.bytes)]),
    [
      ['corpus/2022/الوضع.md', '# RTL'],
      ['corpus/b.txt', 'B 🇰🇿'],
      ['corpus/line\u240d\u240abreak.txt', 'CRLF'],
    ],
  );
  assert.deepEqual(
    pick.skipped.map((s) => [s.name, s.reason]),
    [
      ['corpus/.DS_Store', SKIP_REASONS.hiddenFile],
      ['corpus/.git', SKIP_REASONS.hiddenFolder],
      ['corpus/huge.txt', '20.1 MB, larger than the 20 MB limit for an article'],
      ['corpus/photo.png', SKIP_REASONS.notArticle],
      ['corpus/gone.txt', 'could not be read: NotReadableError: the file changed'],
    ],
  );
  assert.deepEqual(reads.sort(), ['corpus/2022/الوضع.md', 'corpus/b.txt', 'corpus/gone.txt', 'corpus/line\r\nbreak.txt'].sort());
});

test("browser: an empty pick and a folder over the limit reject with the rule's message, reading nothing", async () => {
  await assert.rejects(folderPickOf([]), { message: 'The chosen folder holds no files.' });
  const reads: string[] = [];
  const many = Array.from({ length: 4 }, (_, i) => picked(`big/${i}.txt`, 'x', reads));
  await assert.rejects(folderPickOf(many, { ...FOLDER_LIMITS, maxFiles: 3 }), {
    message: 'The folder "big" holds more than 3 articles and feeds; Spanmark opens at most 3 at once: choose a folder inside it.',
  });
  assert.deepEqual(reads, []);
});

test("desktop: the bridge's folder pick comes through; a refusal is an error with main's message", async () => {
  const value = {
    picked: true,
    folder: 'c',
    files: [{ name: 'c/a.txt', bytes: new Uint8Array([65]) }],
    skipped: [{ name: 'c/.x', reason: 'hidden' }],
  } as const;
  let reply: unknown = ok(value);
  const bridge = { pickFolder: async (kind: string) => (assert.equal(kind, 'article'), reply) } as unknown as SpanmarkBridge;
  const platform = createDesktopPlatform(bridge);
  assert.deepEqual(await platform.pickFolder('article'), value);
  reply = fail('folder-too-large', 'The folder "c" holds more than 10,000 articles and feeds.');
  await assert.rejects(platform.pickFolder('article'), { message: 'The folder "c" holds more than 10,000 articles and feeds.' });
});
