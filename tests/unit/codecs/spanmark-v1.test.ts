// The export contract end to end: what Spanmark writes, Python and JavaScript read back with plain
// code point slicing, the JSON Schema accepts (and rejects what it must), and import restores exactly.
// The Python check is the point: downstream pipelines trust `text[start:end] == quote`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import type { Annotation } from '../../../src/annotations/types.js';
import type { Block } from '../../../src/document/article.js';
import { DEFAULT_SCHEMA, labelIds } from '../../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);
import { decodeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/decode.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import type { SpanmarkFileV1 } from '../../../src/codecs/spanmark-v1/types.js';
import { annotation, article, clone, cpToUnit, readCorpus, sha256Hex, T0, validateSchema, type Loose } from './spanmark-v1-helpers.js';

const byOrder = (a: Annotation, b: Annotation): number => a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Every quote must be the code point slice, checked with nothing but the spread operator. */
function assertQuotesByCodePoints(file: SpanmarkFileV1): number {
  let n = 0;
  for (const d of file.documents) {
    const cps = [...d.text];
    for (const a of d.annotations) {
      assert.equal(cps.slice(a.start, a.end).join(''), a.quote, `${a.id} ${a.start}..${a.end}`);
      n += 1;
    }
  }
  return n;
}

const PYTHON_CHECK = `
import hashlib, json, sys
f = json.loads(sys.stdin.buffer.read().decode("utf-8"))
n = 0
for d in f["documents"]:
    t = d["text"]
    assert hashlib.sha256(t.encode("utf-8")).hexdigest() == d["sha256"], ("sha256", d["id"])
    for a in d["annotations"]:
        assert t[a["start"]:a["end"]] == a["quote"], ("quote", a["id"], a["start"], a["end"], t[a["start"]:a["end"]], a["quote"])
        n += 1
print(n)
`;

function pythonCheck(json: string): number {
  const run = spawnSync('python3', ['-c', PYTHON_CHECK], { input: json, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(run.error, undefined, String(run.error));
  assert.equal(run.status, 0, `python3 check failed:\n${run.stderr}`);
  return Number(run.stdout.trim());
}

/** Annotations over every tricky occurrence in the corpus, keyed by what they cover. */
function corpusSpans(text: string): { kind: string; start: number; end: number }[] {
  const patterns: Record<string, RegExp> = {
    emoji: /\p{Extended_Pictographic}/gu,
    zwj: /\p{Extended_Pictographic}(?:\u200d\p{Extended_Pictographic})+/gu,
    flag: /\p{Regional_Indicator}{2}/gu,
    combining: /\P{M}\p{M}+/gu,
    arabic: /\p{Script=Arabic}+(?:\s+\p{Script=Arabic}+)*/gu,
    boldDigits: /[\u{1D7CE}-\u{1D7FF}]+/gu,
    cyrillic: /\p{Script=Cyrillic}+(?:[- ]\p{Script=Cyrillic}+)*/gu,
    nbspNumber: /\d[\u00a0\u202f]\d+/gu,
  };
  const spans: { kind: string; start: number; end: number }[] = [];
  for (const [kind, re] of Object.entries(patterns)) {
    for (const m of text.matchAll(re)) spans.push({ kind, start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

test('the Unicode corpus exports offsets that JavaScript and Python both slice correctly', async () => {
  const text = readCorpus();
  const doc = article(text, { title: 'Unicode edge cases', metadata: { date: '2022-01-08', sourceName: 'unicode-edge-cases.txt' } });
  const spans = corpusSpans(text);
  const count = (kind: string): number => spans.filter((s) => s.kind === kind).length;
  // The corpus has these; if a pattern silently stopped matching, the test would prove nothing.
  assert.deepEqual(Object.fromEntries(['emoji', 'zwj', 'flag', 'combining', 'arabic', 'boldDigits', 'cyrillic', 'nbspNumber'].map((k) => [k, count(k)])), {
    emoji: 7,
    zwj: 1,
    flag: 5,
    combining: 1,
    arabic: 1,
    boldDigits: 1,
    cyrillic: 3,
    nbspNumber: 3,
  });
  const annotations = spans.map((s, i) => annotation(doc, s.start, s.end, { id: `${s.kind}-${i}`, label: LABEL_IDS[i % LABEL_IDS.length]!, note: s.kind }));

  const file = encodeSpanmarkV1({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0.1.0' });
  const json = serializeSpanmarkV1(file);
  const parsed = JSON.parse(json) as SpanmarkFileV1;
  assert.equal(assertQuotesByCodePoints(parsed), annotations.length);
  assert.equal(pythonCheck(json), annotations.length);
  assert.equal(validateSchema(parsed), true, JSON.stringify(validateSchema.errors));

  // Offsets really are code points: the family emoji starts later in UTF-16 than in code points.
  const family = parsed.documents[0]!.annotations.find((a) => a.id.startsWith('zwj-'))!;
  const stored = annotations.find((a) => a.id === family.id)!;
  assert.ok(stored.start > family.start);
  assert.equal(cpToUnit(text, family.start), stored.start);

  const back = await decodeSpanmarkV1(json, sha256Hex);
  assert.ok(back.ok, back.ok ? '' : back.error.message);
  assert.deepEqual([...back.value.documents[0]!.annotations].sort(byOrder), [...annotations].sort(byOrder));
  assert.equal(back.value.documents[0]!.article.text, text);
  assert.deepEqual(back.value.documents[0]!.article.metadata, doc.metadata);
});

/** Random LF-normalised texts with random annotations and blocks at code point boundaries. */
const unitArb = fc.constantFrom<'grapheme' | 'binary'>('grapheme', 'binary');
const libraryArb = unitArb
  .chain((unit) => fc.string({ unit, maxLength: 60 }))
  .map((s) => s.replace(/\r\n?/g, '\n'))
  .chain((text) => {
    const n = [...text].length;
    const span = fc
      .tuple(fc.nat(n), fc.nat(n))
      .filter(([a, b]) => a !== b)
      .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    return fc.record({
      text: fc.constant(text),
      spans: n === 0 ? fc.constant<(readonly [number, number])[]>([]) : fc.array(span, { maxLength: 12 }),
      ids: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme' }), { minLength: 12, maxLength: 12 }),
      labels: fc.array(fc.constantFrom(...LABEL_IDS), { minLength: 12, maxLength: 12 }),
      notes: fc.array(fc.option(fc.string({ unit: 'binary', maxLength: 10 }), { nil: undefined }), { minLength: 12, maxLength: 12 }),
      cuts: fc.uniqueArray(fc.nat(n), { maxLength: 4 }).map((c) => c.sort((a, b) => a - b)),
    });
  });

test('property: encode → serialize → decode gives back identical annotations', async () => {
  await fc.assert(
    fc.asyncProperty(libraryArb, async ({ text, spans, ids, labels, notes, cuts }) => {
      const blocks: Block[] = cuts.slice(1).map((c, i) => ({ kind: 'paragraph', start: cpToUnit(text, cuts[i]!), end: cpToUnit(text, c) }));
      const doc = article(text, { blocks });
      const annotations = spans.map(([s, e], i) => {
        const note = notes[i];
        return annotation(doc, cpToUnit(text, s), cpToUnit(text, e), {
          id: ids[i]!,
          label: labels[i]!,
          ...(note !== undefined ? { note } : {}),
          ...(i % 3 === 1 ? { provenance: { annotator: 'colleague', annotationId: `x${i}`, modified: i % 2 === 0 } } : {}),
        });
      });
      const file = encodeSpanmarkV1({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0.1.0' });
      const json = serializeSpanmarkV1(file);
      const parsed = JSON.parse(json) as SpanmarkFileV1;
      assertQuotesByCodePoints(parsed);
      parsed.documents[0]!.annotations.forEach((a, i) => {
        const [s, e] = spans.map((sp, k) => [sp, ids[k]] as const).find(([, id]) => id === a.id)![0];
        assert.deepEqual([a.start, a.end], [s, e], `annotation ${i}`);
      });
      assert.equal(validateSchema(parsed), true, JSON.stringify(validateSchema.errors));

      const back = await decodeSpanmarkV1(json, sha256Hex);
      assert.ok(back.ok, back.ok ? '' : back.error.message);
      const [d] = back.value.documents;
      assert.deepEqual([...d!.annotations].sort(byOrder), [...annotations].sort(byOrder));
      assert.equal(d!.article.text, text);
      assert.equal(d!.article.id, doc.sha256);
      assert.deepEqual(d!.article.blocks, blocks);
    }),
    { numRuns: 300 },
  );
});

test('property: random texts pass the Python check too', () => {
  // One Python process for many documents: each text a separate document with its own spans.
  const samples = fc.sample(libraryArb, { numRuns: 150, seed: 42 });
  const seen = new Set<string>();
  const documents = samples.flatMap(({ text, spans }) => {
    const doc = article(text);
    if (seen.has(doc.sha256)) return [];
    seen.add(doc.sha256);
    const annotations = spans.map(([s, e], i) => annotation(doc, cpToUnit(text, s), cpToUnit(text, e), { id: `p${i}` }));
    return [{ article: doc, annotations }];
  });
  const json = serializeSpanmarkV1(encodeSpanmarkV1({ documents, exportedAt: T0, generatorVersion: '0.1.0' }));
  const total = documents.reduce((n, d) => n + d.annotations.length, 0);
  assert.ok(total > 100);
  assert.equal(pythonCheck(json), total);
});

test('the schema accepts a full file with review data and rejects broken ones', () => {
  const doc = article('Troops 🇷🇺 arrived.\nTwo died.', {
    blocks: [
      { kind: 'paragraph', start: 0, end: 19 },
      { kind: 'paragraph', start: 20, end: 29 },
    ],
  });
  const a = annotation(doc, 0, 19, { id: 'r1', label: 'deployment', provenance: { annotator: 'b', annotationId: 'b7', modified: false } });
  const good = encodeSpanmarkV1({
    documents: [
      {
        article: doc,
        annotations: [a],
        review: {
          status: 'in-review',
          decisions: [{ annotator: 'b', annotationId: 'b7', decision: 'accepted', decidedBy: 'lead', decidedAt: T0, resultId: 'r1' }],
        },
      },
    ],
    exportedAt: T0,
    generatorVersion: '0.1.0',
  });
  assert.equal(validateSchema(good), true, JSON.stringify(validateSchema.errors));

  type Mutate = (f: Loose) => void;
  const bad: Record<string, Mutate> = {
    'missing format': (f) => delete f.format,
    'missing version': (f) => delete f.version,
    'missing documents': (f) => delete f.documents,
    'missing labels': (f) => delete f.labels,
    'missing exportedAt': (f) => delete f.exportedAt,
    'version 2': (f) => (f.version = 2),
    'version "1"': (f) => (f.version = '1'),
    'utf16 offsets': (f) => (f.offsetUnit = 'utf16'),
    'exportedAt not a date-time': (f) => (f.exportedAt = '8 Jan 2022'),
    'upper-case sha256': (f) => (f.documents[0].sha256 = f.documents[0].sha256.toUpperCase()),
    'short sha256': (f) => (f.documents[0].sha256 = 'abc'),
    'missing text': (f) => delete f.documents[0].text,
    'missing metadata': (f) => delete f.documents[0].metadata,
    'bad metadata date': (f) => (f.documents[0].metadata.date = '2022-13-01'),
    'unknown label id': (f) => (f.labels[0].id = 'rumour'),
    'annotation label not a Spanmark label': (f) => (f.documents[0].annotations[0].label = 'rumour'),
    'fractional start': (f) => (f.documents[0].annotations[0].start = 1.5),
    'negative start': (f) => (f.documents[0].annotations[0].start = -1),
    'string end': (f) => (f.documents[0].annotations[0].end = '19'),
    'missing quote': (f) => delete f.documents[0].annotations[0].quote,
    'empty annotator': (f) => (f.documents[0].annotations[0].annotator = ''),
    'provenance without modified': (f) => delete f.documents[0].annotations[0].provenance.modified,
    'bad review status': (f) => (f.documents[0].review.status = 'done'),
    'bad decision': (f) => (f.documents[0].review.decisions[0].decision = 'maybe'),
    'decision without decidedAt': (f) => delete f.documents[0].review.decisions[0].decidedAt,
    'block kind': (f) => (f.documents[0].blocks[0].kind = 'table'),
    'heading level 7': (f) => (f.documents[0].blocks[0].level = 7),
  };
  for (const [name, mutate] of Object.entries(bad)) {
    const f = clone(good);
    mutate(f);
    assert.equal(validateSchema(f), false, `schema accepted: ${name}`);
  }
  // Forward compatibility: unknown keys are allowed at every level.
  const extra = clone(good) as Loose;
  extra.future = { x: 1 };
  extra.documents[0].future = true;
  extra.documents[0].annotations[0].confidence = 0.9;
  assert.equal(validateSchema(extra), true, JSON.stringify(validateSchema.errors));
});

test('the importer also refuses everything the schema refuses', async () => {
  const doc = article('Troops arrived.');
  const good = encodeSpanmarkV1({ documents: [{ article: doc, annotations: [annotation(doc, 0, 6)] }], exportedAt: T0, generatorVersion: '0.1.0' });
  const mutations: ((f: Loose) => void)[] = [
    (f) => delete f.format,
    (f) => delete f.version,
    (f) => delete f.documents,
    (f) => delete f.labels,
    (f) => (f.version = 2),
    (f) => (f.offsetUnit = 'utf16'),
    (f) => (f.exportedAt = '2022-01-08'),
    (f) => (f.documents[0].sha256 = 'abc'),
    (f) => delete f.documents[0].metadata,
    (f) => (f.documents[0].annotations[0].start = 1.5),
    (f) => (f.documents[0].annotations[0].label = 'rumour'),
    (f) => (f.documents[0].annotations[0].createdAt = 'yesterday'),
    (f) => (f.documents[0].format = 'pdf'),
    (f) => (f.documents[0].review = { status: 'reviewed' }),
  ];
  for (const [i, mutate] of mutations.entries()) {
    const f = clone(good);
    mutate(f);
    assert.equal(validateSchema(f), false, `schema accepted mutation ${i}`);
    const r = await decodeSpanmarkV1(JSON.stringify(f), sha256Hex);
    assert.equal(r.ok, false, `importer accepted mutation ${i}`);
  }
});
