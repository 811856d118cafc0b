// What the v1 decoder used to let through or report without a place (issue 8 #8): two byte order
// marks, lone surrogates in any string, not-UTF-8 bytes without an offset or a word about UTF-16,
// and JSON syntax errors without line and column.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeSpanmarkV1, decodeSpanmarkV1Bytes, type DecodeProblem } from '../../../src/codecs/spanmark-v1/decode.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { findJsonSyntaxError, lineColumn } from '../../../src/validation/json-syntax.js';
import type { Result } from '../../../src/result.js';
import { annotation, article, clone, sha256Hex, T0, type Loose } from './spanmark-v1-helpers.js';

const TEXT = 'Troops 😀 arrived in Almaty.';

function goodFile(): Loose {
  const doc = article(TEXT, { metadata: { sourceName: 'almaty.txt' } });
  const a = annotation(doc, 0, 6, { id: 'a0', note: 'first', provenance: { annotator: 'Aigerim', annotationId: 'b7', modified: false } });
  const file = encodeSpanmarkV1({ documents: [{ article: doc, annotations: [a] }], exportedAt: T0, generatorVersion: '0.1.0' });
  return clone(file) as Loose;
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function refusal(r: Result<unknown, DecodeProblem>): DecodeProblem {
  assert.equal(r.ok, false, 'expected a refusal');
  if (r.ok) throw new Error('unreachable');
  return r.error;
}

test('one byte order mark is accepted, two are refused with a position, as text and as bytes', async () => {
  const json = JSON.stringify(goodFile());
  assert.ok((await decodeSpanmarkV1(`\ufeff${json}`, sha256Hex)).ok);
  assert.ok((await decodeSpanmarkV1Bytes(utf8(`\ufeff${json}`), sha256Hex)).ok);
  assert.ok((await decodeSpanmarkV1Bytes(utf8(json), sha256Hex)).ok);
  const text = refusal(await decodeSpanmarkV1(`\ufeff\ufeff${json}`, sha256Hex));
  assert.equal(text.code, 'malformed-json');
  assert.deepEqual([text.line, text.column], [1, 1]);
  assert.match(text.message, /two byte order marks/);
  const bytes = refusal(await decodeSpanmarkV1Bytes(utf8(`\ufeff\ufeff${json}`), sha256Hex));
  assert.equal(bytes.code, 'malformed-json');
  assert.equal(bytes.offset, 3);
  assert.deepEqual([bytes.line, bytes.column], [1, 1]);
});

test('a lone surrogate in any string is refused at its JSON path', async () => {
  const cases: [(f: Loose) => void, string][] = [
    [(f) => (f.documents[0].title = 'Almaty \ud800'), 'documents[0].title'],
    [(f) => (f.documents[0].id = '\udc00doc'), 'documents[0].id'],
    [(f) => (f.documents[0].metadata.sourceName = 'x\ud83d.txt'), 'documents[0].metadata.sourceName'],
    [(f) => (f.documents[0].annotations[0].note = 'see \udfff'), 'documents[0].annotations[0].note'],
    [(f) => (f.documents[0].annotations[0].annotator = 'Dana\ud800'), 'documents[0].annotations[0].annotator'],
    [(f) => (f.documents[0].annotations[0].id = 'a\ud800'), 'documents[0].annotations[0].id'],
    [(f) => (f.documents[0].annotations[0].provenance.annotator = '\ud800'), 'documents[0].annotations[0].provenance.annotator'],
    [(f) => (f.documents[0].annotations[0].provenance.annotationId = 'b\udc00'), 'documents[0].annotations[0].provenance.annotationId'],
    [(f) => (f.labels[1].name = 'Casualty \ud800'), 'labels[1].name'],
    [(f) => (f.labels[0].description = '\ud800'), 'labels[0].description'],
    [(f) => (f.generator.name = 'py\udc00'), 'generator.name'],
    [
      (f) =>
        (f.documents[0].review = {
          status: 'reviewed',
          decisions: [{ annotator: 'b\ud800', annotationId: 'x', decision: 'rejected', decidedBy: 'me', decidedAt: T0 }],
        }),
      'documents[0].review.decisions[0].annotator',
    ],
    [
      (f) =>
        (f.documents[0].review = {
          status: 'reviewed',
          decisions: [{ annotator: 'b', annotationId: 'x', decision: 'rejected', reason: '\udc00', decidedBy: 'me', decidedAt: T0 }],
        }),
      'documents[0].review.decisions[0].reason',
    ],
  ];
  for (const [mutate, path] of cases) {
    const f = goodFile();
    mutate(f);
    const json = JSON.stringify(f);
    assert.match(json, /\\ud[89a-f][0-9a-f]{2}/, 'JSON.stringify escapes the lone surrogate');
    const e = refusal(await decodeSpanmarkV1(json, sha256Hex));
    assert.equal(e.code, 'bad-string', e.message);
    assert.equal(e.path, path);
    assert.match(e.message, /unpaired surrogate \("\\ud[89a-f][0-9a-f]{2}"\) at code point \d+/);
  }
  // A well-formed pair in the same places is fine.
  const f = goodFile();
  f.documents[0].title = 'Almaty 😀';
  f.documents[0].annotations[0].note = '🇰🇿';
  assert.ok((await decodeSpanmarkV1(JSON.stringify(f), sha256Hex)).ok);
});

test('not UTF-8: the byte offset of the first bad byte, and UTF-16 named', async () => {
  const json = serializeSpanmarkV1(encodeSpanmarkV1({ documents: [], exportedAt: T0, generatorVersion: '0.1.0' }));
  const bytes = utf8(json);
  const at = json.indexOf('spanmark');
  const latin1 = new Uint8Array(bytes);
  latin1[at] = 0xe9;
  const e = refusal(await decodeSpanmarkV1Bytes(latin1, sha256Hex));
  assert.equal(e.code, 'not-utf8');
  assert.equal(e.offset, at);
  assert.match(e.message, new RegExp(`byte 0xE9 at byte offset ${at} is not valid UTF-8`));
  assert.match(e.message, /UTF-16/);
  // A truncated multi-byte character at the very end.
  const cut = utf8(`${json} é`).slice(0, -1);
  assert.equal(refusal(await decodeSpanmarkV1Bytes(cut, sha256Hex)).offset, cut.length - 1);
  for (const [encoding, bom] of [
    ['utf-16le', true],
    ['utf-16le', false],
    ['utf-16be', true],
    ['utf-16be', false],
  ] as const) {
    const units = Buffer.from(`${bom ? '\ufeff' : ''}${json}`, 'utf16le');
    if (encoding === 'utf-16be') units.swap16();
    const w = refusal(await decodeSpanmarkV1Bytes(new Uint8Array(units), sha256Hex));
    assert.equal(w.code, 'not-utf8');
    assert.equal(w.offset, 0);
    assert.match(w.message, new RegExp(`looks like UTF-16 \\(${encoding.endsWith('le') ? 'little' : 'big'}-endian`), `${encoding} bom=${bom}`);
  }
});

test('every JSON syntax error has a line and a column (code points), wherever V8 puts it or not', async () => {
  const cases: [string, number, number][] = [
    ['{\n  "format": "spanmark",\n  "version": 1,,\n}', 3, 16],
    ['{"format" "spanmark"}', 1, 11],
    ['{"a": 1,}', 1, 9],
    ['[1, 2,]', 1, 7],
    ['[1 2]', 1, 4],
    ['{"a": "b\nc"}', 1, 9],
    ['{"a": "\\x"}', 1, 9],
    ['{"a": "\\u12G4"}', 1, 12],
    ['{"a": 01}', 1, 8],
    ['{"a": -}', 1, 8],
    ['{"a": 1.}', 1, 9],
    ['{"a": 1e+}', 1, 10],
    ['{"a": tru}', 1, 10],
    ['{"a": NaN}', 1, 7],
    ["{'a': 1}", 1, 2],
    ['{"a": 1} x', 1, 10],
    ['{"é😀🇰🇿": x}', 1, 10],
    ['{"text": "unterminated', 1, 23],
    ['', 1, 1],
    ['   \n  ', 2, 3],
    ['}', 1, 1],
    [`${'['.repeat(100_000)}`, 1, 100_001],
    ['{"a":\r\n[1,\r\n2,\r\n}', 4, 1],
  ];
  for (const [json, line, column] of cases) {
    const e = refusal(await decodeSpanmarkV1(json, sha256Hex));
    assert.equal(e.code, 'malformed-json', json.slice(0, 40));
    assert.deepEqual([e.line, e.column], [line, column], `${JSON.stringify(json.slice(0, 40))}: ${e.message}`);
    assert.match(e.message, new RegExp(`^The file is not valid JSON at line ${line}, column ${column}: `));
  }
});

test('property: the syntax scan agrees with JSON.parse, and with V8 on the position where V8 gives one', () => {
  const jsonish = fc.oneof(
    fc.json().map((j) => ({ text: j, cut: -1, insert: '' })),
    fc.record({
      text: fc.json(),
      cut: fc.nat(),
      insert: fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', '0', '-', 'e', 'x', ' ', '{', '[', '\u0001'),
    }),
  );
  fc.assert(
    fc.property(jsonish, ({ text, cut, insert }) => {
      const at = cut < 0 ? text.length : cut % (text.length + 1);
      const mutated = text.slice(0, at) + insert + text.slice(at + (insert === '' ? 1 : 0));
      let error: Error | undefined;
      try {
        JSON.parse(mutated);
      } catch (e) {
        error = e as Error;
      }
      const found = findJsonSyntaxError(mutated);
      assert.equal(found === undefined, error === undefined, `${JSON.stringify(mutated)}: V8 ${error?.message}, scan ${found?.message}`);
      const v8 = error && /at position (\d+)/.exec(error.message);
      if (v8 && found) assert.equal(found.offset, Number(v8[1]), `${JSON.stringify(mutated)}: ${error!.message} / ${found.message}`);
    }),
    { numRuns: 1000 },
  );
});

test('lineColumn counts LF lines and code point columns', () => {
  assert.deepEqual(lineColumn('ab\n😀x', 5), { line: 2, column: 2 });
  assert.deepEqual(lineColumn('ab\n😀x', 6), { line: 2, column: 3 });
  assert.deepEqual(lineColumn('', 0), { line: 1, column: 1 });
  assert.deepEqual(lineColumn('a\r\nb', 3), { line: 2, column: 1 });
});
