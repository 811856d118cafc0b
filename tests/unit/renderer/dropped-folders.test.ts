// A dropped folder read through the (faked) FileSystemDirectoryEntry API: every file in it and its
// subfolders, named by path so brat pairs stay paired; batches of readEntries read to the end;
// system files skipped; the zip limits refuse a folder too large before its files are read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFolder, type FileEntry, type FolderEntry } from '../../../renderer/io/dropped-folders.js';
import { decodeFiles, detectFormat } from '../../../src/codecs/registry/registry.js';

type Tree = { [name: string]: string | Uint8Array<ArrayBuffer> | Tree };

/** A folder entry over an in-memory tree; readEntries hands out two entries per batch, as Chromium does in hundreds. */
function folder(name: string, tree: Tree, path = `/${name}`, reads: { count: number } = { count: 0 }): FolderEntry {
  const children = Object.entries(tree).map(([n, v]): FileEntry | FolderEntry =>
    typeof v === 'string' || v instanceof Uint8Array ? fileEntry(n, v, `${path}/${n}`, reads) : folder(n, v, `${path}/${n}`, reads),
  );
  return {
    name,
    fullPath: path,
    isFile: false,
    isDirectory: true,
    createReader() {
      let at = 0;
      return {
        readEntries(ok) {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          queueMicrotask(() => ok(batch));
        },
      };
    },
  };
}

function fileEntry(name: string, content: string | Uint8Array<ArrayBuffer>, path: string, reads: { count: number }): FileEntry {
  return {
    name,
    fullPath: path,
    isFile: true,
    isDirectory: false,
    file(ok) {
      reads.count += 1;
      ok(new File([content], name));
    },
  };
}

const TEXT = 'Police said 18 officers were killed 😢 in Almaty.\r\nTroops arrived.';
const ANN = 'T1\tcasualty 12 35\t18 officers were killed\nT2\tdeployment 49 55\tTroops';

test('dropped folder: files of every subfolder by path, system files skipped, brat pairs decoded', async () => {
  const r = await readFolder(
    folder('collection', {
      'annotation.conf': '[entities]\n',
      news: { 'story.txt': TEXT, 'story.ann': ANN, '.DS_Store': new Uint8Array([0, 1]), 'alone.txt': 'Untagged 🙂' },
      more: { 'story.txt': 'Other.', deeper: { 'x.txt': 'x', 'x.ann': '' } },
      __MACOSX: { '._story.txt': new Uint8Array([0xff]) },
    }),
  );
  assert.ok('files' in r, 'problem' in r ? r.problem : '');
  assert.deepEqual(
    r.files.map((f) => f.name),
    [
      'collection/annotation.conf',
      'collection/more/deeper/x.ann',
      'collection/more/deeper/x.txt',
      'collection/more/story.txt',
      'collection/news/alone.txt',
      'collection/news/story.ann',
      'collection/news/story.txt',
    ],
  );
  const pairs = r.files.filter((f) => /\.(txt|ann)$/.test(f.name));
  const decoded = await decodeFiles(detectFormat(pairs)!, pairs);
  assert.deepEqual(
    decoded.problems.filter((p) => p.severity === 'error'),
    [],
  );
  assert.deepEqual(decoded.documents.map((d) => [d.title, d.annotations.map((a) => a.quote)]).sort(), [
    ['alone', []],
    ['story', []],
    ['story', ['18 officers were killed', 'Troops']],
    ['x', []],
  ]);
});

test('dropped folder: too many files, a file too large, too much in all, and an empty folder are refused before reading', async () => {
  const reads = { count: 0 };
  const limits = { maxEntries: 3, maxEntryBytes: 10, maxTotalBytes: 15 };
  const many = await readFolder(folder('many', { a: 'x', b: 'x', c: 'x', d: 'x' }, '/many', reads), limits);
  assert.deepEqual(many, { problem: 'The folder "many" holds more than 3 files, more than an import takes.' });
  const big = await readFolder(folder('big', { 'huge 😀.txt': 'x'.repeat(11) }, '/big', reads), limits);
  assert.ok('problem' in big && /"big\/huge 😀\.txt" is 0\.0 MB, larger than/.test(big.problem));
  const total = await readFolder(folder('total', { a: '12345678', b: '12345678' }, '/total', reads), limits);
  assert.ok('problem' in total && /"total" holds more than/.test(total.problem));
  assert.equal(reads.count, 3, 'only sizes were looked at (File objects), never their bytes');
  assert.deepEqual(await readFolder(folder('empty', { '.hidden': 'x', sub: {} })), { problem: 'The folder "empty" holds no files.' });
});

test('dropped folder: a reader that fails is one message naming the folder', async () => {
  const broken: FolderEntry = {
    name: 'locked',
    fullPath: '/locked',
    isFile: false,
    isDirectory: true,
    createReader: () => ({ readEntries: (_ok, fail) => fail(new Error('permission denied')) }),
  };
  assert.deepEqual(await readFolder(broken), { problem: 'The folder "locked" could not be read: permission denied' });
});
