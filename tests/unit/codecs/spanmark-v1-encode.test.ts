// What the exporter writes: key layout, order, code point conversion, refusals of stored data that
// cannot be exported faithfully, safe file names, and a library-sized encode.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';

const LABELS = DEFAULT_SCHEMA.labels;
import { decodeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/decode.js';
import { encodeSpanmarkV1, exportFileName, serializeSpanmarkV1, SpanmarkEncodeError } from '../../../src/codecs/spanmark-v1/encode.js';
import { annotation, article, sha256Hex, T0, validateSchema } from './spanmark-v1-helpers.js';

const TEXT = '😀 Troops arrived.\n\n𝟐𝟎 died.';

test('the file has the contract keys, in contract order, with code point offsets', () => {
  const doc = article(TEXT, {
    title: 'Almaty',
    format: 'markdown',
    metadata: { date: '2022-01-08', sourceName: 'a.md' },
    blocks: [
      { kind: 'heading', start: 0, end: 18, level: 1 },
      { kind: 'paragraph', start: 20, end: 30 },
    ],
  });
  const a = annotation(doc, 3, 9, { id: 'x', label: 'deployment', note: 'n' });
  const file = encodeSpanmarkV1({ documents: [{ article: doc, annotations: [a] }], exportedAt: T0, generatorVersion: '1.2.3' });
  assert.deepEqual(Object.keys(file), ['format', 'version', 'offsetUnit', 'exportedAt', 'generator', 'labels', 'documents']);
  assert.deepEqual(file.generator, { name: 'spanmark', version: '1.2.3' });
  assert.deepEqual(
    file.labels.map((l) => l.id),
    LABELS.map((l) => l.id),
  );
  assert.equal(file.labels[0]!.name, 'Claim');
  const d = file.documents[0]!;
  assert.deepEqual(Object.keys(d), ['id', 'title', 'sha256', 'text', 'format', 'addedAt', 'metadata', 'blocks', 'annotations']);
  assert.equal(d.id, doc.sha256);
  assert.deepEqual(d.metadata, { date: '2022-01-08', sourceName: 'a.md' });
  assert.deepEqual(d.blocks, [
    { kind: 'heading', start: 0, end: 17, level: 1 },
    { kind: 'paragraph', start: 19, end: 27 },
  ]);
  assert.deepEqual(d.annotations, [
    {
      id: 'x',
      label: 'deployment',
      start: 2,
      end: 8,
      quote: 'Troops',
      annotator: 'analyst',
      createdAt: T0,
      updatedAt: T0,
      note: 'n',
    },
  ]);
});

test('annotations are sorted by start, then longest first, then id', () => {
  const doc = article('abcdefghij');
  const spans: [string, number, number][] = [
    ['b', 2, 4],
    ['a', 2, 4],
    ['c', 2, 8],
    ['d', 0, 1],
    ['e', 5, 6],
  ];
  const file = encodeSpanmarkV1({
    documents: [{ article: doc, annotations: spans.map(([id, s, e]) => annotation(doc, s, e, { id })) }],
    exportedAt: T0,
    generatorVersion: '0',
  });
  assert.deepEqual(
    file.documents[0]!.annotations.map((a) => a.id),
    ['d', 'c', 'a', 'b', 'e'],
  );
});

test('review state: given decisions are written; a stored status alone becomes a review with none', async () => {
  const doc = article('abc', { reviewStatus: 'reviewed' });
  const a = annotation(doc, 0, 1, { provenance: { annotator: 'b', annotationId: 'b1', modified: true } });
  const plain = encodeSpanmarkV1({ documents: [{ article: doc, annotations: [a] }], exportedAt: T0, generatorVersion: '0' });
  assert.deepEqual(plain.documents[0]!.review, { status: 'reviewed', decisions: [] });
  assert.deepEqual(plain.documents[0]!.annotations[0]!.provenance, { annotator: 'b', annotationId: 'b1', modified: true });

  const decisions = [
    { annotator: 'b', annotationId: 'b1', decision: 'accepted-modified' as const, reason: 'boundary', decidedBy: 'lead', decidedAt: T0, resultId: a.id },
  ];
  const file = encodeSpanmarkV1({
    documents: [{ article: doc, annotations: [a], review: { status: 'in-review', decisions } }],
    exportedAt: T0,
    generatorVersion: '0',
  });
  assert.deepEqual(file.documents[0]!.review, { status: 'in-review', decisions });
  assert.equal(validateSchema(file), true, JSON.stringify(validateSchema.errors));

  const back = await decodeSpanmarkV1(serializeSpanmarkV1(file), sha256Hex);
  assert.ok(back.ok, back.ok ? '' : back.error.message);
  assert.deepEqual(back.value.documents[0]!.review, { status: 'in-review', decisions });
  assert.equal(back.value.documents[0]!.article.reviewStatus, 'in-review');
  assert.deepEqual(back.value.documents[0]!.annotations, [a]);
});

test('serialize is 2-space JSON with a final newline, non-ASCII written as is', () => {
  const doc = article(TEXT);
  const json = serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: doc, annotations: [] }], exportedAt: T0, generatorVersion: '0' }));
  assert.ok(json.startsWith('{\n  "format": "spanmark",\n  "version": 1,\n  "offsetUnit": "codepoint",'));
  assert.ok(json.endsWith('}\n'));
  assert.ok(json.includes('😀 Troops'));
});

test('serialize writes each annotation on one line and means exactly what JSON.stringify means', () => {
  const doc = article(TEXT);
  const annotations = [
    [0, 2],
    [3, 9],
    [20, 22],
  ].map(([s, e], i) => annotation(doc, s!, e!, { id: `a${i}`, note: `n${i} “q”\n` }));
  const file = encodeSpanmarkV1({
    documents: [{ article: doc, annotations, review: { status: 'in-review', decisions: [] } }],
    exportedAt: T0,
    generatorVersion: '0',
  });
  const json = serializeSpanmarkV1(file);
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(file)));
  const lines = json.split('\n');
  for (const a of file.documents[0]!.annotations) assert.equal(lines.filter((l) => l.includes(`"id":"${a.id}"`)).length, 1);
  assert.ok(lines.some((l) => l === '      "annotations": ['));
  assert.ok(json.includes('"decisions": []'));
});

test('stored data that cannot be exported faithfully is refused with its path', () => {
  const doc = article(TEXT);
  const encode = (annotations: Annotation[], a = doc, exportedAt = T0): unknown =>
    encodeSpanmarkV1({ documents: [{ article: a, annotations }], exportedAt, generatorVersion: '0' });
  const refuses = (fn: () => unknown, path: string, message: RegExp): void => {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof SpanmarkEncodeError);
      assert.equal(e.path, path);
      assert.match(e.message, message);
      return true;
    });
  };
  // Inside the emoji's surrogate pair.
  refuses(() => encode([{ ...annotation(doc, 0, 9), quote: TEXT.slice(1, 9), start: 1 }]), 'documents[0].annotations[0].start', /splits a surrogate pair/);
  refuses(() => encode([{ ...annotation(doc, 3, 9), end: 99, quote: TEXT.slice(3, 99) }]), 'documents[0].annotations[0].end', /offset 99 is outside the text/);
  refuses(() => encode([], article(TEXT, { blocks: [{ kind: 'paragraph', start: 0, end: 1 }] })), 'documents[0].blocks[0].end', /splits a surrogate pair/);
  refuses(() => encode([{ ...annotation(doc, 3, 9), quote: 'Soldiers' }]), 'documents[0].annotations[0].quote', /does not match/);
  refuses(() => encode([annotation(doc, 3, 3)]), 'documents[0].annotations[0].end', /empty/);
  refuses(() => encode([annotation(doc, 3, 9, { id: 'same' }), annotation(doc, 10, 12, { id: 'same' })]), 'documents[0].annotations[1].id', /twice/);
  refuses(() => encode([annotation(doc, 3, 9, { docId: 'other' })]), 'documents[0].annotations[0]', /belongs to document other/);
  refuses(() => encode([annotation(doc, 3, 9, { createdAt: 'today' })]), 'documents[0].annotations[0].createdAt', /ISO-8601/);
  refuses(() => encode([], article('a\r\nb')), 'documents[0].text', /carriage return/);
  refuses(() => encode([], article('a\ud800b')), 'documents[0].text', /unpaired surrogate/);
  refuses(
    () =>
      encode(
        [],
        article('abc', {
          blocks: [
            { kind: 'paragraph', start: 2, end: 3 },
            { kind: 'paragraph', start: 0, end: 1 },
          ],
        }),
      ),
    'documents[0].blocks[1]',
    /before the previous block/,
  );
  refuses(() => encode([], doc, 'now'), 'exportedAt', /ISO-8601/);
  refuses(
    () =>
      encodeSpanmarkV1({
        documents: [
          { article: doc, annotations: [] },
          { article: doc, annotations: [] },
        ],
        exportedAt: T0,
        generatorVersion: '0',
      }),
    'documents[1].sha256',
    /already exported as documents\[0\]/,
  );
});

test('exportFileName makes a safe bare file name', () => {
  assert.equal(exportFileName('Almaty, 8 January'), 'Almaty, 8 January.spanmark.json');
  assert.equal(exportFileName('  ../../etc/passwd  '), '-..-etc-passwd.spanmark.json');
  assert.equal(exportFileName('a\\b/c:d*e?f"g<h>i|j'), 'a-b-c-d-e-f-g-h-i-j.spanmark.json');
  assert.equal(exportFileName('line\none\ttab\u0000nul\u0085'), 'line-one-tab-nul-.spanmark.json');
  assert.equal(exportFileName('report\u202Enosj.exe'), 'reportnosj.exe.spanmark.json');
  assert.equal(exportFileName('   '), 'spanmark-export.spanmark.json');
  assert.equal(exportFileName(''), 'spanmark-export.spanmark.json');
  assert.equal(exportFileName('...'), 'spanmark-export.spanmark.json');
  assert.equal(exportFileName('CON'), '_CON.spanmark.json');
  assert.equal(exportFileName('lpt1.notes'), '_lpt1.notes.spanmark.json');
  assert.equal(exportFileName('Console'), 'Console.spanmark.json');
  assert.equal(exportFileName('Алматы 🇰🇿 report'), 'Алматы 🇰🇿 report.spanmark.json');
  assert.equal(exportFileName('broken \ud800 half'), 'broken - half.spanmark.json');

  const long = exportFileName('😀'.repeat(300));
  assert.equal(long, `${'😀'.repeat(50)}.spanmark.json`);
  assert.ok(Buffer.byteLength(exportFileName('é'.repeat(500)), 'utf8') <= 255);
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(long));
});

test('10,000 annotations on a 1 MB text encode (and decode back)', async () => {
  // Mixed widths so the conversion has real work: ASCII, 2-byte, BMP and astral characters.
  const unit = 'Troops 😀 arrived in Алматы; 𝟐𝟎 died.\n';
  const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
  const doc = article(text);
  const step = Math.floor(text.length / 10_000);
  const annotations = Array.from({ length: 10_000 }, (_, i) => {
    const start = Math.floor((i * step) / unit.length) * unit.length + 7;
    return annotation(doc, start, start + 2 + (i % 3) * 17, { id: `n${i}`, label: LABELS[i % 3]!.id });
  });
  const t0 = performance.now();
  const file = encodeSpanmarkV1({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0' });
  const t1 = performance.now();
  const json = serializeSpanmarkV1(file);
  const back = await decodeSpanmarkV1(json, sha256Hex);
  const t2 = performance.now();
  assert.ok(back.ok, back.ok ? '' : back.error.message);
  assert.equal(back.value.documents[0]!.annotations.length, 10_000);
  // Reported, not asserted: timing depends on the machine.
  console.log(`encode ${(t1 - t0).toFixed(1)} ms; serialize+decode ${(t2 - t1).toFixed(1)} ms; ${(json.length / 1e6).toFixed(1)} M chars`);
});
