// Article bytes come from anyone: each refusal must carry the right code and a sentence naming the
// file, and every good encoding must decode to exactly the text Node would read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { decodeArticleBytes, firstInvalidUtf8, MAX_ARTICLE_BYTES } from '../../../src/text/decode.js';
import type { Result } from '../../../src/result.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  if (order === 'be') le.swap16();
  return new Uint8Array(le);
}

function decoded(result: Result<string>): string {
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

function refused(result: Result<string>, code: string, name: string): string {
  assert.equal(result.ok, false, `expected a ${code} refusal`);
  if (result.ok) return '';
  assert.equal(result.error.code, code);
  assert.equal(result.error.path, name);
  assert.ok(result.error.message.includes(`"${name}"`), `message names the file: ${result.error.message}`);
  assert.match(result.error.message, /^[A-Z].*\.$/, 'message is a sentence');
  return result.error.message;
}

test('plain UTF-8 comes back unchanged, line endings and all', () => {
  const text = 'Cafe\u0301 👨‍👩‍👧‍👦 🇷🇺 «الوضع تحت السيطرة»\r\n 𝟏𝟎\t';
  assert.equal(decoded(decodeArticleBytes('a.txt', utf8(text))), text);
});

test('a UTF-8 BOM is stripped, a second U+FEFF is content', () => {
  assert.equal(decoded(decodeArticleBytes('a.txt', bytes(0xef, 0xbb, 0xbf, 0x68, 0x69))), 'hi');
  assert.equal(decoded(decodeArticleBytes('a.txt', bytes(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x68))), '\ufeffh');
});

test('UTF-16 with a byte order mark decodes in both byte orders', () => {
  const text = 'date 2022-01-08 Алматы 😀 Cafe\u0301\n';
  assert.equal(decoded(decodeArticleBytes('le.txt', utf16(text, 'le'))), text);
  assert.equal(decoded(decodeArticleBytes('be.txt', utf16(text, 'be'))), text);
});

test('broken UTF-16 is undecodable, not guessed at', () => {
  const odd = utf16('abc', 'le').subarray(0, 7);
  assert.match(refused(decodeArticleBytes('odd.txt', odd), 'undecodable', 'odd.txt'), /UTF-16/);
  const loneSurrogate = bytes(0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62, 0x00);
  refused(decodeArticleBytes('lone.txt', loneSurrogate), 'undecodable', 'lone.txt');
});

test('empty files and whitespace-only files are refused as empty', () => {
  refused(decodeArticleBytes('zero.txt', new Uint8Array(0)), 'empty', 'zero.txt');
  refused(decodeArticleBytes('blank.txt', utf8('  \n\t\r\n \u00a0\u3000')), 'empty', 'blank.txt');
  refused(decodeArticleBytes('bom.txt', bytes(0xef, 0xbb, 0xbf)), 'empty', 'bom.txt');
  refused(decodeArticleBytes('bom16.txt', bytes(0xff, 0xfe)), 'empty', 'bom16.txt');
  refused(decodeArticleBytes('ws16.txt', utf16(' \n ', 'be')), 'empty', 'ws16.txt');
});

test('files over the limit are refused with their size and the limit', () => {
  assert.equal(MAX_ARTICLE_BYTES, 20 * 1024 * 1024);
  const message = refused(decodeArticleBytes('big.txt', new Uint8Array(MAX_ARTICLE_BYTES + 1)), 'too-large', 'big.txt');
  assert.match(message, /20\.1 MB/);
  assert.match(message, /20 MB limit/);
  const exactly = new Uint8Array(MAX_ARTICLE_BYTES).fill(0x61);
  assert.equal(decoded(decodeArticleBytes('edge.txt', exactly)).length, MAX_ARTICLE_BYTES);
});

test('invalid UTF-8 is refused with the offset of the first bad byte', () => {
  const cases: [Uint8Array, number][] = [
    [bytes(0x61, 0x62, 0x63, 0xff), 3], // never valid
    [bytes(0x61, 0xc3), 1], // truncated two-byte sequence at the end
    [bytes(0x61, 0xc3, 0x41), 1], // lead byte without continuation
    [bytes(0xc0, 0x80), 0], // overlong NUL
    [bytes(0x61, 0xe0, 0x80, 0x80), 1], // overlong three-byte
    [bytes(0x61, 0x62, 0xed, 0xa0, 0x80), 2], // UTF-16 surrogate encoded in UTF-8
    [bytes(0xf4, 0x90, 0x80, 0x80), 0], // beyond U+10FFFF
    [bytes(0x61, 0x80), 1], // stray continuation byte
    [new Uint8Array([...utf8('Café 😀 '), 0xf0, 0x9f, 0x98]), 11], // truncated emoji after 11 good bytes
  ];
  for (const [input, offset] of cases) {
    assert.equal(firstInvalidUtf8(input), offset, `bytes ${[...input].map((b) => b.toString(16)).join(',')}`);
    const message = refused(decodeArticleBytes('bad.txt', input), 'undecodable', 'bad.txt');
    assert.ok(message.includes(`not valid UTF-8 text (first bad byte at offset ${offset})`), message);
  }
});

test('the offset counts the BOM, since it is an offset into the file', () => {
  const message = refused(decodeArticleBytes('bad.txt', bytes(0xef, 0xbb, 0xbf, 0x61, 0xff)), 'undecodable', 'bad.txt');
  assert.match(message, /offset 4\)/);
});

test('property: firstInvalidUtf8 agrees with the platform decoder', () => {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const validPrefixes = fc.string({ unit: 'binary' }).map(utf8);
  const input = fc.oneof(
    fc.uint8Array({ maxLength: 40 }),
    fc.tuple(validPrefixes, fc.uint8Array({ maxLength: 6 })).map(([a, b]) => new Uint8Array([...a, ...b])),
  );
  fc.assert(
    fc.property(input, (input) => {
      const at = firstInvalidUtf8(input);
      let valid = true;
      try {
        strict.decode(input);
      } catch {
        valid = false;
      }
      assert.equal(at === -1, valid);
      if (at >= 0) {
        assert.doesNotThrow(() => strict.decode(input.subarray(0, at)), 'everything before the bad byte decodes');
        assert.throws(() => strict.decode(input.subarray(at)), TypeError, 'the bytes from there on do not');
      }
    }),
  );
});

test('NUL bytes mean binary, even past the sniffed prefix', () => {
  refused(decodeArticleBytes('nul.txt', utf8('hello\u0000world')), 'binary', 'nul.txt');
  refused(decodeArticleBytes('late.txt', utf8('a'.repeat(100_000) + '\u0000')), 'binary', 'late.txt');
  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52);
  assert.match(refused(decodeArticleBytes('photo.txt', png), 'binary', 'photo.txt'), /looks like a binary file, not an article/);
  refused(decodeArticleBytes('nul16.txt', utf16('text\u0000more', 'le')), 'binary', 'nul16.txt');
});

test('many control characters mean binary; the odd one in prose does not', () => {
  const noisy = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 8) : 0x61));
  refused(decodeArticleBytes('noisy.txt', noisy), 'binary', 'noisy.txt');
  refused(decodeArticleBytes('noisy16.txt', utf16('\u0001\u0002\u0003abc\u0004\u0005\u0006', 'le')), 'binary', 'noisy16.txt');
  const prose = 'A page\fbreak, a\ttab, a vertical\vtab and an ESC \u001b in otherwise ordinary text.\r\n'.repeat(3);
  assert.equal(decoded(decodeArticleBytes('prose.txt', utf8(prose))), prose);
  // Controls beyond the first 8 KB are not sniffed.
  const late = 'x'.repeat(9000) + '\u0001'.repeat(2000);
  assert.equal(decoded(decodeArticleBytes('late.txt', utf8(late))), late);
});

test('every corpus file decodes to what Node reads', () => {
  for (const name of readdirSync(corpus)) {
    const raw = readFileSync(new URL(name, corpus));
    assert.equal(decoded(decodeArticleBytes(name, new Uint8Array(raw))), raw.toString('utf8'), name);
  }
});

test('a few megabytes decode', () => {
  const text = 'Алматы 😀 Cafe\u0301 wire copy.\n'.repeat(100_000);
  assert.equal(decoded(decodeArticleBytes('big.txt', utf8(text))).length, text.length);
  assert.equal(decoded(decodeArticleBytes('big16.txt', utf16(text, 'be'))).length, text.length);
});

test('UTF-16 without a byte order mark is named as such, not called binary; bad UTF-8 suggests UTF-16', () => {
  const le = new Uint8Array(Buffer.from('Troops arrived in Almaty.\n', 'utf16le'));
  assert.match(refused(decodeArticleBytes('le.txt', le), 'undecodable', 'le.txt'), /looks like UTF-16 \(little-endian\) text without a byte order mark/);
  const be = new Uint8Array(Buffer.from('Troops arrived in Almaty.\n', 'utf16le')).reverse();
  assert.match(refused(decodeArticleBytes('be.txt', be), 'undecodable', 'be.txt'), /looks like UTF-16 \(big-endian\)/);
  // Still binary: NULs here and there, not in every other byte.
  refused(decodeArticleBytes('nul.txt', utf8('hello\u0000world')), 'binary', 'nul.txt');
  const latin1 = bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x61);
  assert.match(refused(decodeArticleBytes('latin1.txt', latin1), 'undecodable', 'latin1.txt'), /first bad byte at offset 3\)\. If it was saved as UTF-16/);
});
