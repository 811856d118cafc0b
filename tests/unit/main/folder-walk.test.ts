// The folder walk of File › Open folder… over a fake file system: it lists only what the rule lets
// it descend, stops listing as soon as the pick is refused (a folder of millions, an endless tree),
// and turns a folder or entry it cannot read into a skipped one with the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, sep } from 'node:path';
import { createFolderRule, FOLDER_LIMITS, SKIP_REASONS } from '../../../src/corpus/folder-pick.js';
import { isWithin, walkFolder, type FolderFsPort, type ListedEntry } from '../../../main/app/folder-walk.js';

const ROOT = join(sep, 'data', 'corpus');

/** A fake disk: listing a folder asks `children`; every file is 10 bytes; counts what was listed. */
function fakeFs(children: (rel: string) => Iterable<ListedEntry>, over: Partial<FolderFsPort> = {}) {
  const seen = { listed: [] as string[], yielded: 0 };
  const fs: FolderFsPort = {
    realPath: async (path) => path,
    async *listFolder(path) {
      const rel =
        path === ROOT
          ? ''
          : path
              .slice(ROOT.length + 1)
              .split(sep)
              .join('/');
      seen.listed.push(rel);
      for (const entry of children(rel)) {
        seen.yielded += 1;
        yield entry;
      }
    },
    stat: async () => ({ size: 10, isFile: () => true }),
    ...over,
  };
  return { fs, seen };
}

test('10,000 files in one folder are all taken, in name order', async () => {
  const { fs } = fakeFs(function* (rel) {
    if (rel === '') for (let i = 9_999; i >= 0; i--) yield { name: `story ${i}.txt`, kind: 'file' };
  });
  const rule = createFolderRule('corpus');
  await walkFolder(fs, ROOT, rule);
  const plan = rule.finish();
  assert.ok(plan.ok);
  assert.equal(plan.value.take.length, 10_000);
  assert.deepEqual(
    plan.value.take.slice(0, 3).map((t) => t.name),
    ['corpus/story 0.txt', 'corpus/story 1.txt', 'corpus/story 2.txt'],
  );
});

test('a folder of a million entries is not listed to its end: the walk stops once the rule refuses', async () => {
  const { fs, seen } = fakeFs(function* (rel) {
    if (rel === '') for (let i = 0; i < 1_000_000; i++) yield { name: `${i}.png`, kind: 'file' };
  });
  const rule = createFolderRule('home');
  await walkFolder(fs, ROOT, rule);
  assert.equal(seen.yielded, FOLDER_LIMITS.maxEntries + 1);
  const plan = rule.finish();
  assert.equal(plan.ok, false);
  if (!plan.ok) assert.match(plan.error.message, /holds more than 100,000 files and folders/);
});

test('an endless tree is walked only to the depth limit; hidden folders are never listed', async () => {
  const { fs, seen } = fakeFs(function* () {
    yield { name: 'deeper', kind: 'folder' };
    yield { name: '.git', kind: 'folder' };
    yield { name: 'a.txt', kind: 'file' };
  });
  const rule = createFolderRule('c');
  await walkFolder(fs, ROOT, rule);
  assert.equal(seen.listed.length, FOLDER_LIMITS.maxDepth + 1);
  assert.ok(seen.listed.every((rel) => !rel.includes('.git')));
  const plan = rule.finish();
  assert.ok(plan.ok);
  assert.equal(plan.value.take.length, FOLDER_LIMITS.maxDepth + 1);
  const tooDeep = plan.value.skipped.filter((s) => s.reason === SKIP_REASONS.tooDeep(FOLDER_LIMITS.maxDepth));
  assert.equal(tooDeep.length, 1);
  assert.equal(tooDeep[0]!.name.split('/').length, FOLDER_LIMITS.maxDepth + 2);
});

test('a folder or an entry that cannot be read is skipped with the reason; the root not listing is thrown', async () => {
  const { fs } = fakeFs(
    function* (rel) {
      if (rel === 'locked') throw new Error('EACCES: permission denied, opendir');
      if (rel === '') {
        yield { name: 'locked', kind: 'folder' };
        yield { name: 'vanished.txt', kind: 'file' };
        yield { name: 'ok.txt', kind: 'file' };
      }
    },
    {
      stat: async (path) => {
        if (path.endsWith('vanished.txt')) throw new Error('ENOENT: no such file or directory.');
        return { size: 10, isFile: () => true };
      },
    },
  );
  const rule = createFolderRule('c');
  await walkFolder(fs, ROOT, rule);
  const plan = rule.finish();
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.value.take.map((t) => t.name),
    ['c/ok.txt'],
  );
  assert.deepEqual(plan.value.skipped, [
    { name: 'c/locked', reason: 'could not be read: EACCES: permission denied, opendir; nothing in it was read' },
    { name: 'c/vanished.txt', reason: 'could not be read: ENOENT: no such file or directory' },
  ]);
  const { fs: closed } = fakeFs(() => {
    throw new Error('EACCES: permission denied');
  });
  await assert.rejects(walkFolder(closed, ROOT, createFolderRule('c')), /EACCES/);
});

test('links are judged by their real target against the real folder', async () => {
  const outside = join(sep, 'etc', 'passwd');
  const { fs } = fakeFs(
    function* (rel) {
      if (rel === '') {
        yield { name: 'passwd.txt', kind: 'link' };
        yield { name: 'inside.txt', kind: 'link' };
        yield { name: 'self', kind: 'link' };
        yield { name: 'dangling.txt', kind: 'link' };
      }
    },
    {
      realPath: async (path) => {
        if (path.endsWith('passwd.txt')) return outside;
        if (path.endsWith('inside.txt')) return join(ROOT, 'real.txt');
        if (path.endsWith('self')) return ROOT;
        if (path.endsWith('dangling.txt')) throw new Error('ENOENT');
        return path;
      },
      stat: async (path) => ({ size: 10, isFile: () => path !== ROOT, isDirectory: () => path === ROOT }),
    },
  );
  const rule = createFolderRule('c');
  await walkFolder(fs, ROOT, rule);
  const plan = rule.finish();
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.value.take.map((t) => t.name),
    ['c/inside.txt'],
  );
  assert.deepEqual(
    plan.value.skipped.map((s) => [s.name, s.reason]),
    [
      ['c/dangling.txt', SKIP_REASONS.brokenLink],
      ['c/passwd.txt', SKIP_REASONS.linkOutside],
      ['c/self', SKIP_REASONS.linkToFolder],
    ],
  );
});

test('isWithin: the folder itself and what is below it; a sibling whose name starts with the folder\'s, or with "..", is told apart', () => {
  const root = join(sep, 'data', 'corpus');
  assert.equal(isWithin(root, root), true);
  assert.equal(isWithin(root, join(root, 'a', 'b.txt')), true);
  assert.equal(isWithin(root, join(root, '..foo.txt')), true);
  assert.equal(isWithin(root, join(sep, 'data', 'corpus-2', 'a.txt')), false);
  assert.equal(isWithin(root, join(sep, 'data')), false);
  assert.equal(isWithin(root, join(sep, 'etc', 'passwd')), false);
});
