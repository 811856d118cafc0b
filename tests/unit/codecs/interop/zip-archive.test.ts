// A zip of brat pairs (or any format's files) unpacked before the registry reads them: pairs by
// path, a .txt alone is a document without annotations, an .ann alone is refused by name, and
// hostile archives (zip bombs, lying headers, names outside the archive, truncation) are refused
// whole with a message naming the archive and the entry.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { decodeFiles, detectFormat } from '../../../../src/codecs/registry/registry.js';
import { expandArchives, hostileEntryName, unpackZip, type ArchiveLimits } from '../../../../src/codecs/registry/zip-archive.js';
import type { InputFile } from '../../../../src/codecs/registry/format.js';
import { assertWellFormed, errors } from '../interop-helpers.js';

const zip = (name: string, entries: Zippable, level: 0 | 1 | 9 = 9): InputFile => ({ name, bytes: zipSync(entries, { level }) });
const u8 = (s: string): Uint8Array => strToU8(s);

const TEXT = 'Police said 18 officers were killed 😢 in Almaty.\r\nTroops arrived.';
const ANN = 'T1\tcasualty 12 35\t18 officers were killed\nT2\tdeployment 49 55\tTroops';

function unpacked(file: InputFile, limits?: ArchiveLimits): InputFile[] {
  const r = unpackZip(file, limits);
  assert.ok('files' in r, 'problem' in r ? r.problem.message : '');
  return r.files;
}

function refusal(file: InputFile, limits?: ArchiveLimits): string {
  const r = unpackZip(file, limits);
  assert.ok('problem' in r, 'the archive must be refused');
  assert.equal(r.problem.severity, 'error');
  return r.problem.message;
}

test('zip: brat pairs in folders are unpacked, paired by path and decoded (emoji, CRLF, no final newline)', async () => {
  const archive = zip('collection.zip', {
    'news/story.txt': u8(TEXT),
    'news/story.ann': u8(ANN),
    'news/alone.txt': u8('Nothing tagged here.\n'),
    'other/story.txt': u8('Another story.'),
    'annotation.conf': u8('[entities]\ncasualty\n'),
    '__MACOSX/news/._story.txt': new Uint8Array([0, 5, 22, 7, 0xff, 0xfe]),
    'news/.DS_Store': new Uint8Array([0, 0, 0, 1, 0xff]),
  });
  const { files, problems } = expandArchives([archive]);
  assert.deepEqual(problems, []);
  assert.deepEqual(files.map((f) => f.name).sort(), [
    'collection.zip/annotation.conf',
    'collection.zip/news/alone.txt',
    'collection.zip/news/story.ann',
    'collection.zip/news/story.txt',
    'collection.zip/other/story.txt',
  ]);
  const codec = detectFormat(files)!;
  assert.equal(codec?.id, 'brat');
  const r = await decodeFiles(codec, files);
  assert.deepEqual(errors(r), []);
  assertWellFormed(r.documents);
  const byTitle = new Map(r.documents.map((d) => [`${d.title}:${d.text.slice(0, 7)}`, d]));
  const story = byTitle.get('story:Police ')!;
  assert.deepEqual(
    story.annotations.map((a) => [a.label, a.quote]),
    [
      ['casualty', '18 officers were killed'],
      ['deployment', 'Troops'],
    ],
  );
  assert.equal(byTitle.get('alone:Nothing')?.annotations.length, 0, 'a .txt without .ann is a document without annotations');
  assert.equal(byTitle.get('story:Another')?.annotations.length, 0, 'same basename in another folder is another document');
  assert.ok(
    r.problems.some((p) => p.severity === 'warning' && /annotation\.conf/.test(p.message)),
    'the config file is named as not read',
  );
});

test('zip: an .ann without its .txt refuses the import, naming the file', async () => {
  const { files } = expandArchives([zip('pairs.zip', { 'a.txt': u8(TEXT), 'a.ann': u8(ANN), 'b.ann': u8('T1\tclaim 0 1\tP\n') })]);
  const r = await decodeFiles(detectFormat(files)!, files);
  assert.equal(r.documents.length, 0);
  assert.match(errors(r)[0]!.message, /pairs\.zip\/b\.ann has no b\.txt/);
});

test('zip: stored (uncompressed) entries and an emoji file name unpack too', () => {
  const files = unpacked(zip('stored.zip', { '新闻 😢.txt': u8(TEXT), '新闻 😢.ann': u8(ANN) }, 0));
  assert.deepEqual(files.map((f) => f.name).sort(), ['stored.zip/新闻 😢.ann', 'stored.zip/新闻 😢.txt']);
  assert.equal(new TextDecoder().decode(files.find((f) => f.name.endsWith('.txt'))!.bytes), TEXT);
});

test('zip: entry names outside the archive are refused, naming the entry', () => {
  for (const [name, why] of [
    ['../evil.ann', /"\.\.\/evil\.ann" points outside the archive/],
    ['docs/../../evil.txt', /points outside the archive/],
    ['..\\evil.txt', /points outside the archive/],
    ['/etc/passwd.txt', /"\/etc\/passwd\.txt" is an absolute path/],
    ['C:/Windows/x.txt', /names a drive/],
    ['a\u0007b.txt', /holds control characters/],
  ] as const) {
    const message = refusal(zip('hostile.zip', { 'ok.txt': u8('fine'), [name]: u8('x') }));
    assert.match(message, why, name);
    assert.match(message, /^hostile\.zip: .*Nothing was imported from it\.$/);
  }
  assert.equal(hostileEntryName('docs/a..b.txt'), undefined, 'dots inside a name are fine');
  assert.equal(hostileEntryName('docs/./a.txt'), undefined);
});

test('zip: a zip bomb is stopped by the bytes it inflates, not by its headers', () => {
  // 21 MB of zeros compress to about 20 kB: one entry over File › Open's 20 MB limit.
  const bomb = zip('bomb.zip', { 'zeros.txt': new Uint8Array(21 * 1024 * 1024) }, 1);
  assert.ok(bomb.bytes.length < 100_000);
  assert.match(refusal(bomb), /"zeros\.txt" unpacks to more than 20 MB, the largest file Spanmark opens/);
  // Many entries within the per-file limit, together over the total.
  const small: ArchiveLimits = { maxEntries: 100, maxEntryBytes: 1000, maxTotalBytes: 2500 };
  assert.match(
    refusal(zip('many.zip', { 'a.txt': new Uint8Array(900), 'b.txt': new Uint8Array(900), 'c.txt': new Uint8Array(900) }), small),
    /unpacks to more than 2500 bytes/,
  );
  const entries: Zippable = {};
  for (let i = 0; i < 101; i++) entries[`f${i}.txt`] = u8('x');
  assert.match(refusal(zip('count.zip', entries), small), /more than 100 files/);
});

test('zip: headers that understate the size do not get past the limit', () => {
  const small: ArchiveLimits = { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 10_000 };
  const archive = zip('liar.zip', { 'big.txt': new Uint8Array(5000).fill(65) });
  const view = new DataView(archive.bytes.buffer, archive.bytes.byteOffset);
  // Both the local header (offset 22) and the central directory (offset 24) say 10 bytes.
  for (let i = 0; i + 4 < archive.bytes.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50) view.setUint32(i + 22, 10, true);
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 10, true);
  }
  assert.match(refusal(archive, small), /"big\.txt" unpacks to more than 1000 bytes/);
});

test('zip: a compression method fflate does not read (bzip2, say) is refused, naming the entry and the method', () => {
  const archive = zip('bzip.zip', { 'a.txt': u8(TEXT) });
  const view = new DataView(archive.bytes.buffer, archive.bytes.byteOffset);
  for (let i = 0; i + 4 < archive.bytes.length; i++) {
    if (view.getUint32(i, true) === 0x04034b50) view.setUint16(i + 8, 12, true);
    if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 10, 12, true);
  }
  assert.match(refusal(archive), /"a\.txt" is compressed with method 12, which Spanmark cannot unpack/);
});

test('zip: not a zip, empty, truncated and damaged archives are refused with a message', () => {
  assert.match(refusal({ name: 'notes.zip', bytes: u8('just text') }), /notes\.zip: this is not a zip archive/);
  assert.match(refusal({ name: 'nothing.zip', bytes: new Uint8Array(0) }), /not a zip archive/);
  assert.match(refusal(zip('empty.zip', {})), /holds no files/);
  assert.match(refusal(zip('folders.zip', { 'docs/': new Uint8Array(0), '__MACOSX/x.txt': u8('x') })), /holds no files/);
  const whole = zip('cut.zip', { 'a.txt': u8(TEXT.repeat(500)) }).bytes;
  assert.match(
    refusal({ name: 'cut.zip', bytes: whole.subarray(0, whole.length >> 1) }),
    /cut\.zip: .*(ends early; the archive is damaged or cut short|the archive is damaged)/,
  );
  const damaged = whole.slice();
  damaged.fill(0xff, 40, 80);
  assert.match(refusal({ name: 'damaged.zip', bytes: damaged }), /damaged\.zip: .*(damaged|ends early)/);
});

test('zip: files that are not archives pass through untouched, a refused archive is named beside them', () => {
  const plain = { name: 'a.txt', bytes: u8(TEXT) };
  const r = expandArchives([plain, { name: 'BAD.ZIP', bytes: u8('nope') }]);
  assert.deepEqual(r.files, [plain]);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0]!.message, /^BAD\.ZIP: this is not a zip archive/);
});
