// The v2 export in pieces (issue 12, item 9): joined, the chunks are the one-string export byte for
// byte, for many documents (emoji, RTL, combining marks, CRLF kept in notes, a document with no
// blocks and no annotations, which is written on one line), for none, and whatever the chunk size;
// a library of many documents comes out in many chunks, none of them the whole file; a document
// that cannot be encoded stops the stream with the same refusal as the one-string encoder. The
// file in pieces (what a single export saves) is the one string, and so are the pieces' UTF-8.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Block } from '../../../src/document/article.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { encodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import { encodeSpanmarkV2Chunks } from '../../../src/codecs/spanmark-v2/encode-stream.js';
import {
  encodeSpanmarkV1,
  serializeSpanmark,
  serializeSpanmarkInPieces,
  SpanmarkEncodeError,
  type EncodeDocumentInput,
} from '../../../src/codecs/spanmark-v1/encode.js';
import { annotation, article, T0 } from './spanmark-v1-helpers.js';

const HEAD = { exportedAt: T0, generatorVersion: '0.3.0', exportedBy: { id: 'inst-1', name: 'Айгерим 👩‍💻' }, schema: DEFAULT_SCHEMA };

function library(n: number): EncodeDocumentInput[] {
  const docs: EncodeDocumentInput[] = [];
  for (let i = 0; i < n; i++) {
    const text = `${i}: 👨‍👩‍👧 Almaty 🇰🇿 — الوضع تحت السيطرة, e\u0301 18 killed; troops arrived.\nSecond line ${i}.`;
    const blocks: Block[] = i % 5 === 0 ? [] : [{ kind: 'paragraph', start: 0, end: text.indexOf('\n') }];
    const doc = article(text, { title: `Report ${i} «${'ب'.repeat(i % 3)}»`, blocks, metadata: i % 2 ? { source: 'Reuters', tags: ['a', 'b'] } : {} });
    const q = text.indexOf('18 killed');
    const annotations: Annotation[] =
      i % 5 === 0
        ? []
        : [
            annotation(doc, q, q + 9, {
              id: `c-${i}`,
              label: 'casualty',
              note: 'line one\r\nline two =SUM(A1)',
              attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed'] },
            }),
            annotation(doc, text.indexOf('troops'), text.indexOf('troops') + 6, { id: `d-${i}`, label: 'deployment' }),
          ];
    docs.push(i % 7 === 3 ? { article: { ...doc, reviewStatus: 'in-review' }, annotations } : { article: doc, annotations });
  }
  return docs;
}

async function collect(chunks: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const c of chunks) out.push(c);
  return out;
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const x of items) {
    await new Promise((r) => setImmediate(r));
    yield x;
  }
}

test('joined chunks are the one-string export byte for byte, many documents yield many chunks', async () => {
  const docs = library(200);
  const whole = serializeSpanmark(encodeSpanmarkV2({ ...HEAD, documents: docs }));
  const chunks = await collect(encodeSpanmarkV2Chunks(HEAD, slowly(docs), { minChunkChars: 4096 }));
  assert.equal(chunks.join(''), whole);
  assert.ok(chunks.length > 20, `only ${chunks.length} chunks`);
  assert.ok(Math.max(...chunks.map((c) => c.length)) < whole.length / 10, 'no chunk holds the whole file');
  // The documentless one is written on one line, as the one-string writer writes it.
  assert.match(whole, /\n {4}\{"id":/);
});

test('every chunk size gives the same text: one document per chunk, the default size, a synchronous source', async () => {
  const docs = library(12);
  const whole = serializeSpanmark(encodeSpanmarkV2({ ...HEAD, documents: docs }));
  for (const minChunkChars of [0, 1, 100, 1 << 30]) {
    assert.equal((await collect(encodeSpanmarkV2Chunks(HEAD, docs, { minChunkChars }))).join(''), whole, `minChunkChars ${minChunkChars}`);
  }
  assert.equal((await collect(encodeSpanmarkV2Chunks(HEAD, docs))).join(''), whole);
  const perDoc = await collect(encodeSpanmarkV2Chunks(HEAD, docs, { minChunkChars: 1 }));
  assert.equal(perDoc.length, docs.length + 1);
});

test('no documents: the same empty list as the one-string export', async () => {
  const whole = serializeSpanmark(encodeSpanmarkV2({ ...HEAD, documents: [] }));
  assert.match(whole, /"documents": \[\]\n\}\n$/);
  assert.equal((await collect(encodeSpanmarkV2Chunks(HEAD, []))).join(''), whole);
  const noBy = { exportedAt: T0, generatorVersion: '0', schema: DEFAULT_SCHEMA };
  assert.equal((await collect(encodeSpanmarkV2Chunks(noBy, slowly([])))).join(''), serializeSpanmark(encodeSpanmarkV2({ ...noBy, documents: [] })));
});

test('a document that cannot be written stops the stream with the one-string refusal, at its index', async () => {
  const docs = library(6);
  const bad = docs[4]!;
  docs[4] = { ...bad, annotations: bad.annotations.map((a, i) => (i === 0 ? { ...a, quote: 'not the text' } : a)) };
  const expected = (() => {
    try {
      encodeSpanmarkV2({ ...HEAD, documents: docs });
    } catch (e) {
      return e as SpanmarkEncodeError;
    }
    throw new Error('expected a refusal');
  })();
  assert.match(expected.path, /^documents\[4\]/);
  await assert.rejects(collect(encodeSpanmarkV2Chunks(HEAD, slowly(docs), { minChunkChars: 1 })), (e: unknown) => {
    assert.ok(e instanceof SpanmarkEncodeError, String(e));
    assert.equal(e.message, expected.message);
    return true;
  });
  // The same text twice is refused as it is in one string.
  await assert.rejects(
    collect(encodeSpanmarkV2Chunks(HEAD, [docs[1]!, docs[1]!])),
    /documents\[1\]\.sha256: the same text is already exported as documents\[0\]/,
  );
  // A bad head is refused at the call, before any chunk exists.
  assert.throws(() => encodeSpanmarkV2Chunks({ ...HEAD, exportedAt: 'yesterday' }, docs), /exportedAt/);
});

test('the file in pieces is the one-string export, byte for byte also when each piece is encoded alone, v2 and v1', () => {
  for (const file of [encodeSpanmarkV2({ ...HEAD, documents: library(200) }), encodeSpanmarkV1({ ...HEAD, documents: library(9) })]) {
    const whole = serializeSpanmark(file);
    for (const size of [1, 7, 100, 16 * 1024]) {
      const { pieces, chars } = serializeSpanmarkInPieces(file, size);
      assert.equal(pieces.join(''), whole, `pieces of ${size}`);
      assert.equal(chars, whole.length);
      // What a Blob or a file of the pieces holds: each piece's UTF-8, back to back.
      assert.equal(Buffer.concat(pieces.map((p) => Buffer.from(p, 'utf8'))).toString('utf8'), whole);
      assert.ok(pieces.every((p) => p.length > 0));
      assert.ok(pieces.slice(0, -1).every((p) => p.length >= size));
    }
    assert.ok(serializeSpanmarkInPieces(file, 1024).pieces.length > 1);
  }
  const empty = encodeSpanmarkV2({ ...HEAD, documents: [] });
  assert.deepEqual(serializeSpanmarkInPieces(empty).pieces, [serializeSpanmark(empty)]);
});
