// The single entry point from file to article: format choice, decoding errors, normalisation,
// titles and metadata, checked against every corpus file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { formatForName, parseArticle, parseArticleText } from '../../../src/document/open-article.js';
import { markdownBlocks, plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { ParsedArticle } from '../../../src/document/article.js';
import type { Result } from '../../../src/result.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const corpusBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(name, corpus)));

function parsed(result: Result<ParsedArticle>): ParsedArticle {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

function refused(result: Result<ParsedArticle>, code: string, name: string): string {
  assert.equal(result.ok, false, `expected ${code}`);
  if (result.ok) return '';
  assert.equal(result.error.code, code);
  assert.equal(result.error.path, name);
  assert.ok(result.error.message.includes(`"${name}"`), result.error.message);
  assert.match(result.error.message, /^[A-Z].*\.$/);
  return result.error.message;
}

test('every corpus text article opens as text with its date, source and a file-name title', () => {
  for (const name of readdirSync(corpus).filter((n) => n.endsWith('.txt'))) {
    const article = parsed(parseArticle(name, corpusBytes(name)));
    assert.equal(article.format, 'text');
    assert.equal(article.title, name.slice(0, -4));
    assert.equal(article.text, readFileSync(new URL(name, corpus), 'utf8').replace(/\r\n/g, '\n'));
    assert.equal(article.text.includes('\r'), false);
    assert.deepEqual(article.blocks, plainTextBlocks(article.text));
    assert.equal(article.metadata.sourceName, name);
    assert.match(article.metadata.date ?? '', /^2022-01-(0[1-9]|1[0-9])$/, name);
  }
  const kz = parsed(parseArticle('kazakhstan-2022-01-07.txt', corpusBytes('kazakhstan-2022-01-07.txt')));
  assert.deepEqual(kz.metadata, { date: '2022-01-07', sourceName: 'kazakhstan-2022-01-07.txt' });
  assert.ok(kz.text.startsWith(' date 2022-01-07 Kazakh President'), 'text is not trimmed');
});

test('the hostile HTML article opens as clean html text', () => {
  const article = parsed(parseArticle('hostile-article.html', corpusBytes('hostile-article.html')));
  assert.equal(article.format, 'html');
  assert.equal(article.title, 'CSTO peacekeepers arrive in Kazakhstan');
  assert.ok(article.text.startsWith('CSTO peacekeepers arrive in Kazakhstan\n\nBy a staff correspondent'));
  assert.ok(article.text.endsWith('The damage was estimated at about $200 million.'));
  for (const banned of ['__pwned', 'javascript:', 'http://', 'phish']) assert.equal(article.text.includes(banned), false);
  assert.equal(article.metadata.date, '2022-01-07', 'from the byline “7 January 2022”');
  assert.equal(article.blocks.filter((b) => b.kind === 'list-item').length, 3);
});

test('format follows the extension, case-insensitively', () => {
  const cases: [string, string][] = [
    ['a.txt', 'text'],
    ['a.TEXT', 'text'],
    ['notes.md', 'markdown'],
    ['NOTES.Markdown', 'markdown'],
    ['page.html', 'html'],
    ['page.HTM', 'html'],
    ['dir/sub.d/report.final.md', 'markdown'],
    ['C:\\news\\a.txt', 'text'],
  ];
  for (const [name, format] of cases) {
    assert.equal(formatForName(name), format, name);
    assert.equal(parsed(parseArticle(name, utf8('Hello.'))).format, format, name);
  }
});

test('other types are refused with the accepted list', () => {
  for (const name of ['report.pdf', 'README', '.md', 'archive.txt.gz', 'dir.md/file', 'photo.png', 'a.']) {
    const message = refused(parseArticle(name, utf8('Hello.')), 'unsupported-type', name);
    for (const ext of ['.txt', '.text', '.md', '.markdown', '.html', '.htm']) assert.ok(message.includes(ext), `${message} lists ${ext}`);
  }
});

test('decoding problems come through with their codes', () => {
  refused(parseArticle('empty.txt', new Uint8Array(0)), 'empty', 'empty.txt');
  refused(parseArticle('blank.md', utf8(' \r\n\t')), 'empty', 'blank.md');
  refused(parseArticle('binary.txt', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x00, 0x00)), 'binary', 'binary.txt');
  assert.match(refused(parseArticle('latin1.txt', Uint8Array.of(0x43, 0x61, 0x66, 0xe9)), 'undecodable', 'latin1.txt'), /offset 3/);
});

test('UTF-16 files with a BOM open, and CRLF and lone CR are normalised', () => {
  const le = new Uint8Array(Buffer.from('\ufeffdate 2022-01-13\r\nWithdrawal began.\r\rAnother paragraph.', 'utf16le'));
  const article = parsed(parseArticle('withdrawal.txt', le));
  assert.equal(article.text, 'date 2022-01-13\nWithdrawal began.\n\nAnother paragraph.');
  assert.deepEqual(
    article.blocks.map((b) => b.kind),
    ['dateline', 'paragraph', 'paragraph'],
  );
  assert.equal(article.metadata.date, '2022-01-13');
});

test('HTML without readable text is refused as empty', () => {
  for (const html of ['<script>alert(1)</script>', '<html><head><title>Only a title</title></head><body></body></html>', '<p hidden>x</p><img alt="y">']) {
    assert.match(refused(parseArticle('page.html', utf8(html)), 'empty', 'page.html'), /has no readable text/);
  }
});

test('titles: html title or h1, markdown first heading, else the file name', () => {
  assert.equal(parsed(parseArticleText('a.html', '<h1>From h1</h1><p>x</p>', 'html')).title, 'From h1');
  assert.equal(parsed(parseArticleText('dir/plain page.html', '<p>x</p>', 'html')).title, 'plain page');
  assert.equal(parsed(parseArticleText('n.md', 'date 2022-01-07\n\nIntro\n\n## Almaty update ##\n\n# Later', 'markdown')).title, 'Almaty update');
  assert.equal(parsed(parseArticleText('n.md', '# C# #\n', 'markdown')).title, 'C#');
  assert.equal(parsed(parseArticleText('reports/report.final.md', 'No heading here.', 'markdown')).title, 'report.final');
  assert.equal(parsed(parseArticleText('x.txt', '# Not a heading in plain text', 'text')).title, 'x');
});

test('markdown text is kept exactly as written, with structure beside it', () => {
  const source = '# Алматы 🇰🇿\r\n\r\n- Russia\r\n- Belarus\r\n\r\n> «الوضع تحت السيطرة»\r\n';
  const article = parsed(parseArticleText('m.md', source, 'markdown'));
  assert.equal(article.text, source.replace(/\r\n/g, '\n'));
  assert.deepEqual(article.blocks, markdownBlocks(article.text));
  assert.deepEqual(
    article.blocks.map((b) => b.kind),
    ['heading', 'list-item', 'list-item', 'quote'],
  );
  assert.equal(article.title, 'Алматы 🇰🇿');
});

test('metadata has no date key when there is no date line', () => {
  const article = parsed(parseArticleText('x.txt', 'date 2022-02-30 is not a date.', 'text'));
  assert.deepEqual(article.metadata, { sourceName: 'x.txt' });
  assert.equal(Object.hasOwn(article.metadata, 'date'), false);
});

test('HTML: the page’s own date is the article’s date; a leading date line in the text wins over it', () => {
  const page = '<head><meta property="article:published_time" content="2022-01-07T22:00:00+06:00"></head><body><p>Text.</p></body>';
  assert.equal(parsed(parseArticleText('p.html', page, 'html')).metadata.date, '2022-01-07');
  const both = '<head><meta name="date" content="2022-01-07"></head><body><p>date 2022-01-04 Protests spread.</p></body>';
  assert.equal(parsed(parseArticleText('p.html', both, 'html')).metadata.date, '2022-01-04');
  assert.equal(Object.hasOwn(parsed(parseArticleText('p.html', '<p>No date here.</p>', 'html')).metadata, 'date'), false);
});

test('already-decoded whitespace is refused as empty', () => {
  refused(parseArticleText('w.txt', ' \n\u00a0', 'text'), 'empty', 'w.txt');
  refused(parseArticleText('w.md', '', 'markdown'), 'empty', 'w.md');
});

test('a multi-megabyte article opens', () => {
  const text = 'date 2022-01-07\n' + 'A paragraph of wire copy with Cafe\u0301 and 👨‍👩‍👧‍👦.\r\n\r\n'.repeat(40_000);
  const article = parsed(parseArticle('big.txt', utf8(text)));
  assert.equal(article.blocks.length, 40_001);
  assert.equal(article.blocks[0]!.kind, 'dateline');
});
