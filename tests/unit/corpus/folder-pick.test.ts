// The folder rule of File › Open folder…: which entries are taken, descended or skipped (with the
// reason), the limits that refuse a pick whole, the order, and names as they are shown — for the
// walk main makes (folders as entries) and the flat listing a browser gives (folders in the paths).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  comparePaths,
  createFolderRule,
  FOLDER_LIMITS,
  shownName,
  SKIP_REASONS,
  type FolderEntry,
  type FolderLimits,
} from '../../../src/corpus/folder-pick.js';
import { BATCH_EXTENSIONS } from '../../../src/platform/batch-files.js';

const MB = 1024 * 1024;
const file = (path: string, size = 100): FolderEntry => ({ path, kind: 'file', size });

/** Visits entries as a flat listing; returns each step and the finished plan. */
function run(folder: string, entries: readonly FolderEntry[], limits?: FolderLimits) {
  const rule = createFolderRule(folder, limits);
  const steps = entries.map((e) => rule.visit(e));
  return { steps, plan: rule.finish() };
}

test('articles and feeds of every accepted type are taken, in any case; other types are skipped with the list of what is taken', () => {
  const { steps, plan } = run('corpus', [
    ...BATCH_EXTENSIONS.map((e) => file(`a.${e}`)),
    file('LOUD.TXT'),
    file('photo.png'),
    file('README'),
    file('notes.txt.bak'),
    file('a.txt.'),
  ]);
  assert.deepEqual(steps, [...BATCH_EXTENSIONS.map(() => 'take'), 'take', 'skip', 'skip', 'skip', 'skip']);
  assert.ok(plan.ok);
  assert.equal(plan.value.folder, 'corpus');
  assert.deepEqual(
    plan.value.skipped.map((s) => s.name),
    ['corpus/a.txt.', 'corpus/notes.txt.bak', 'corpus/photo.png', 'corpus/README'],
  );
  for (const s of plan.value.skipped) assert.equal(s.reason, SKIP_REASONS.notArticle);
  assert.match(SKIP_REASONS.notArticle, /\.txt, \.text, \.md, \.markdown, \.html, \.htm, \.jsonl, \.ndjson, \.csv/);
  assert.equal(plan.value.take.length, BATCH_EXTENSIONS.length + 1);
});

test('hidden files and folders are skipped with their reason; a hidden folder is reported once, not per file in it', () => {
  // Walk order: folders come as entries, and main never lists a skipped one.
  const walked = run('c', [file('.DS_Store'), { path: '.git', kind: 'folder' }, file('.hidden.txt'), file('story.txt')]);
  assert.deepEqual(walked.steps, ['skip', 'skip', 'skip', 'take']);
  assert.ok(walked.plan.ok);
  assert.deepEqual(walked.plan.value.skipped, [
    { name: 'c/.DS_Store', reason: SKIP_REASONS.hiddenFile },
    { name: 'c/.git', reason: SKIP_REASONS.hiddenFolder },
    { name: 'c/.hidden.txt', reason: SKIP_REASONS.hiddenFile },
  ]);
  // Flat listing (a browser): the same folder named in every path below it.
  const flat = run('c', [file('.git/HEAD.txt'), file('.git/refs/x.txt'), file('sub/.cache/a.md'), file('sub/ok.md')]);
  assert.deepEqual(flat.steps, ['skip', 'skip', 'skip', 'take']);
  assert.ok(flat.plan.ok);
  assert.deepEqual(flat.plan.value.skipped, [
    { name: 'c/.git', reason: SKIP_REASONS.hiddenFolder },
    { name: 'c/sub/.cache', reason: SKIP_REASONS.hiddenFolder },
  ]);
  assert.deepEqual(
    flat.plan.value.take.map((t) => t.name),
    ['c/sub/ok.md'],
  );
});

test('links that leave the folder, links to folders, broken links and special files are skipped with their reasons', () => {
  const { steps, plan } = run('c', [
    { path: 'out.txt', kind: 'link-outside' },
    { path: 'loop', kind: 'link-to-folder' },
    { path: 'gone.txt', kind: 'broken-link' },
    { path: 'pipe.txt', kind: 'other' },
    { path: '.hidden-link', kind: 'link-outside' },
  ]);
  assert.deepEqual(steps, ['skip', 'skip', 'skip', 'skip', 'skip']);
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.value.skipped.map((s) => [s.name, s.reason]),
    [
      ['c/.hidden-link', SKIP_REASONS.hiddenFile],
      ['c/gone.txt', SKIP_REASONS.brokenLink],
      ['c/loop', SKIP_REASONS.linkToFolder],
      ['c/out.txt', SKIP_REASONS.linkOutside],
      ['c/pipe.txt', SKIP_REASONS.notFile],
    ],
  );
  assert.deepEqual(plan.value.take, []);
});

test('paths with an empty, "." or ".." part are never taken', () => {
  const { steps, plan } = run('c', [file('../secret.txt'), file('a/../../b.txt'), file('./x.txt'), file('a//b.txt'), file(''), file('ok/..txt')]);
  assert.deepEqual(steps, ['skip', 'skip', 'skip', 'skip', 'skip', 'skip']);
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.value.skipped.map((s) => s.reason),
    [SKIP_REASONS.badPath, SKIP_REASONS.badPath, SKIP_REASONS.badPath, SKIP_REASONS.badPath, SKIP_REASONS.badPath, SKIP_REASONS.hiddenFile],
  );
});

test('files over the article or feed limit are skipped unread, with their size; files at the limit are taken', () => {
  const { steps, plan } = run('c', [
    file('big.txt', FOLDER_LIMITS.maxArticleBytes + 1),
    file('edge.txt', FOLDER_LIMITS.maxArticleBytes),
    file('feed.jsonl', FOLDER_LIMITS.maxArticleBytes + 1),
    file('huge.csv', FOLDER_LIMITS.maxFeedBytes + 1),
    file('empty.txt', 0),
  ]);
  assert.deepEqual(steps, ['skip', 'take', 'take', 'skip', 'take']);
  assert.ok(plan.ok);
  assert.deepEqual(
    plan.value.skipped.map((s) => [s.name, s.reason]),
    [
      ['c/big.txt', '20.1 MB, larger than the 20 MB limit for an article'],
      ['c/huge.csv', '64.1 MB, larger than the 64 MB Spanmark reads from one feed file'],
    ],
  );
  assert.equal(SKIP_REASONS.articleTooLarge(21 * MB, 20 * MB), '21.0 MB, larger than the 20 MB limit for an article');
});

test('a very deep tree: folders below the depth limit are read, the first one past it is skipped once with the reason', () => {
  const deep = (n: number): string => Array.from({ length: n }, (_, i) => `d${i}`).join('/');
  const max = FOLDER_LIMITS.maxDepth;
  // Walk: a folder at depth max - 1 is descended (its files are at depth max), one at depth max is not.
  const walked = createFolderRule('c');
  assert.equal(walked.visit({ path: deep(max), kind: 'folder' }), 'descend');
  assert.equal(walked.visit(file(`${deep(max)}/in.txt`)), 'take');
  assert.equal(walked.visit({ path: deep(max + 1), kind: 'folder' }), 'skip');
  // Flat: a file 1,000 folders down, and many under the same too-deep folder, give one report.
  const flat = run('c', [file(`${deep(1000)}/a.txt`), file(`${deep(max + 3)}/b.txt`), file(`${deep(max)}/ok.txt`)]);
  assert.deepEqual(flat.steps, ['skip', 'skip', 'take']);
  assert.ok(flat.plan.ok);
  assert.deepEqual(flat.plan.value.skipped, [{ name: `c/${deep(max + 1)}`, reason: SKIP_REASONS.tooDeep(max) }]);
  assert.match(SKIP_REASONS.tooDeep(max), /more than 16 folders down/);
});

test('nasty names are kept as the file system gives them (emoji, right-to-left, combining marks); control characters are shown as pictures', () => {
  const names = [
    'كازاخستان 🇰🇿.txt',
    'שלום.md',
    'cafe\u0301.txt',
    'caf\u00e9.txt',
    '👨‍👩‍👧 family.html',
    'line\r\nbreak.txt',
    'tab\there.txt',
    'del\u007f.txt',
    // A right-to-left override makes "harmless‮txt.png" look like a .txt: the real extension decides.
    'harmless\u202etxt.png',
  ];
  const { plan } = run(
    'corpus 🗂',
    names.map((n) => file(n)),
  );
  assert.ok(plan.ok);
  const taken = plan.value.take.map((t) => t.name);
  assert.ok(taken.includes('corpus 🗂/كازاخستان 🇰🇿.txt'));
  assert.ok(taken.includes('corpus 🗂/שלום.md'));
  assert.ok(taken.includes('corpus 🗂/cafe\u0301.txt') && taken.includes('corpus 🗂/caf\u00e9.txt'), 'both spellings of café are kept, apart');
  assert.ok(taken.includes('corpus 🗂/👨‍👩‍👧 family.html'));
  assert.ok(taken.includes('corpus 🗂/line\u240d\u240abreak.txt'));
  assert.ok(taken.includes('corpus 🗂/tab\u2409here.txt'));
  assert.ok(taken.includes('corpus 🗂/del\u2421.txt'));
  for (const t of taken) assert.doesNotMatch(t, /[\u0000-\u001f\u007f]/);
  // The path to read is the real one, control characters and all.
  assert.ok(plan.value.take.some((t) => t.path === 'line\r\nbreak.txt'));
  assert.deepEqual(plan.value.skipped, [{ name: 'corpus 🗂/harmless\u202etxt.png', reason: SKIP_REASONS.notArticle }]);
  assert.equal(shownName('a\nb', 'c\rd'), 'a\u240ab/c\u240dd');
});

test('the order is by path, folder by folder, numbers as numbers, and the same whatever order the entries came in', () => {
  const paths = [
    'b/2.txt',
    'a.txt',
    'ab.txt',
    'a/a b.txt',
    'b/10.txt',
    'b/1.txt',
    'B.txt',
    'a/z.txt',
    'chapter 10.md',
    'chapter 9.md',
    'cafe\u0301.txt',
    'caf\u00e9.txt',
  ];
  const one = run(
    'c',
    paths.map((p) => file(p)),
  );
  const two = run(
    'c',
    [...paths].reverse().map((p) => file(p)),
  );
  assert.ok(one.plan.ok && two.plan.ok);
  assert.deepEqual(one.plan.value.take, two.plan.value.take);
  const order = one.plan.value.take.map((t) => t.path);
  assert.ok(order.indexOf('b/1.txt') < order.indexOf('b/2.txt') && order.indexOf('b/2.txt') < order.indexOf('b/10.txt'));
  assert.ok(order.indexOf('chapter 9.md') < order.indexOf('chapter 10.md'));
  // A folder's files stay together (a whole-path comparison that ignores "/" would put "ab.txt" between them).
  assert.equal(order.indexOf('a/z.txt'), order.indexOf('a/a b.txt') + 1);
  assert.equal(comparePaths('x', 'x'), 0);
  assert.notEqual(comparePaths('cafe\u0301', 'caf\u00e9'), 0);
});

test('an empty folder, or one with only empty folders, is refused with a message naming it', () => {
  const empty = run('Empty ✨', []);
  assert.deepEqual(empty.plan, { ok: false, error: { code: 'folder-empty', message: 'The folder "Empty ✨" holds no files.', path: 'Empty ✨' } });
  const rule = createFolderRule('');
  assert.equal(rule.visit({ path: 'sub', kind: 'folder' }), 'descend');
  const nameless = rule.finish();
  assert.equal(nameless.ok, false);
  if (!nameless.ok) assert.equal(nameless.error.message, 'The chosen folder holds no files.');
});

test('10,000 articles are taken; one more refuses the pick whole, at once, naming the limit', () => {
  const rule = createFolderRule('big');
  for (let i = 0; i < 10_000; i++) assert.equal(rule.visit(file(`${String(i).padStart(5, '0')}.txt`, 10)), 'take');
  const fine = rule.finish();
  assert.ok(fine.ok);
  assert.equal(fine.value.take.length, 10_000);
  assert.equal(fine.value.take[9_999]?.name, 'big/09999.txt');
  assert.equal(rule.visit(file('one-more.txt', 10)), 'stop');
  assert.equal(rule.visit(file('after.txt', 10)), 'stop', 'once refused, every later entry stops too');
  const over = rule.finish();
  assert.equal(over.ok, false);
  if (!over.ok) {
    assert.equal(over.error.code, 'folder-too-large');
    assert.equal(
      over.error.message,
      'The folder "big" holds more than 10,000 articles and feeds; Spanmark opens at most 10,000 at once: choose a folder inside it.',
    );
  }
});

test('skipped files do not count toward the file limit; the total bytes and the entries looked at do refuse the pick', () => {
  const limits: FolderLimits = { ...FOLDER_LIMITS, maxFiles: 2, maxEntries: 10, maxTotalBytes: 30 * MB };
  const skippedOnly = run('c', [file('a.png'), file('b.png'), file('c.png'), file('a.txt'), file('b.txt')], limits);
  assert.ok(skippedOnly.plan.ok);
  const bytes = run('c', [file('a.txt', 15 * MB), file('b.txt', 15 * MB), file('c.txt', 1)], { ...limits, maxFiles: 5 });
  assert.deepEqual(bytes.steps, ['take', 'take', 'stop']);
  assert.equal(bytes.plan.ok, false);
  if (!bytes.plan.ok) assert.equal(bytes.plan.error.message, 'The articles and feeds in the folder "c" add up to more than 30 MB; choose a folder inside it.');
  const entries = run(
    'home',
    Array.from({ length: 11 }, (_, i) => file(`${i}.png`)),
    limits,
  );
  assert.equal(entries.steps[10], 'stop');
  assert.equal(entries.plan.ok, false);
  if (!entries.plan.ok) assert.equal(entries.plan.error.message, 'The folder "home" holds more than 10 files and folders; choose a folder inside it.');
});

test('a file the caller could not read joins the skipped with its reason, in path order', () => {
  const rule = createFolderRule('c');
  rule.visit(file('b.txt'));
  rule.skip('a/locked', 'could not be read: EACCES: permission denied');
  const plan = rule.finish();
  assert.ok(plan.ok);
  assert.deepEqual(plan.value.skipped, [{ name: 'c/a/locked', reason: 'could not be read: EACCES: permission denied' }]);
});
