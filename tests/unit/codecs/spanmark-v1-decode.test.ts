// Import refusals: every problem code with the JSON path it points at, and hostile files that must
// come back as a clean Result (never a throw, a hang or a polluted prototype).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeSpanmarkV1, MAX_IMPORT_CHARS, MAX_REPORTED_PROBLEMS, type DecodeProblem } from '../../../src/codecs/spanmark-v1/decode.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import type { SpanmarkFileV1 } from '../../../src/codecs/spanmark-v1/types.js';
import type { Result } from '../../../src/result.js';
import { annotation, article, clone, sha256Hex, sha256Sync, T0, type Loose } from './spanmark-v1-helpers.js';

// "Troops 😀 arrived" — the emoji makes code points and UTF-16 differ after it.
const TEXT = 'Troops 😀 arrived in Almaty.\nFour people died.';

/** A valid file: one document, five annotations (sorted: Troops, 😀, arrived, Almaty, Four people died). */
function goodFile(): SpanmarkFileV1 {
  const doc = article(TEXT, {
    blocks: [
      { kind: 'paragraph', start: 0, end: 28 },
      { kind: 'paragraph', start: 29, end: 46 },
    ],
  });
  const at = (s: string): [number, number] => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length];
  const annotations = ['Troops', '😀', 'arrived', 'Almaty', 'Four people died'].map((s, i) =>
    annotation(doc, ...at(s), { id: `a${i}`, label: i === 4 ? 'casualty' : 'deployment' }),
  );
  return encodeSpanmarkV1({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0.1.0' });
}

type Mutable = Loose;

async function decodeMutated(mutate: (f: Mutable) => void): Promise<Result<unknown, DecodeProblem>> {
  const f = clone(goodFile()) as Mutable;
  mutate(f);
  return decodeSpanmarkV1(JSON.stringify(f), sha256Hex);
}

function refused(r: Result<unknown, DecodeProblem>, code: string, path?: string): DecodeProblem {
  assert.equal(r.ok, false, 'expected a refusal');
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.error.code, code, r.error.message);
  if (path !== undefined) assert.equal(r.error.path, path, r.error.message);
  assert.ok(r.error.problems.length >= 1 && r.error.problems[0]!.code === code);
  return r.error;
}

test('a good file decodes, with UTF-16 offsets and the sha256 as document id', async () => {
  const r = await decodeSpanmarkV1(serializeSpanmarkV1(goodFile()), sha256Hex);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const [doc] = r.value.documents;
  assert.equal(doc!.article.id, sha256Sync(TEXT));
  assert.equal(doc!.article.addedAt, T0);
  assert.equal(r.value.exportedAt, T0);
  const arrived = doc!.annotations.find((a) => a.quote === 'arrived')!;
  assert.equal(arrived.start, TEXT.indexOf('arrived'));
  assert.equal(arrived.docId, doc!.article.id);
  assert.deepEqual(
    doc!.article.blocks.map((b) => [b.start, b.end]),
    [
      [0, 28],
      [29, 46],
    ],
  );
});

test('a byte-order mark and a file without the optional keys are accepted', async () => {
  const f = clone(goodFile()) as Mutable;
  delete f.generator;
  delete f.documents[0].format;
  delete f.documents[0].blocks;
  delete f.documents[0].addedAt;
  const r = await decodeSpanmarkV1(`\ufeff${JSON.stringify(f)}`, sha256Hex);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.documents[0]!.article.format, 'text');
  assert.deepEqual(r.value.documents[0]!.article.blocks, []);
  assert.equal('addedAt' in r.value.documents[0]!.article, false);
});

test('malformed-json reports line and column', async () => {
  const e = refused(await decodeSpanmarkV1('{\n  "format": "spanmark",\n  "version": 1,,\n}', sha256Hex), 'malformed-json');
  assert.equal(e.line, 3);
  assert.equal(e.column, 16);
  assert.match(e.message, /not valid JSON at line 3, column 16/);
  const end = refused(await decodeSpanmarkV1('{"format":\n"spanmark"', sha256Hex), 'malformed-json');
  assert.equal(end.line, 2);
  refused(await decodeSpanmarkV1('', sha256Hex), 'malformed-json');
  refused(await decodeSpanmarkV1('NaN', sha256Hex), 'malformed-json');
});

test('not-spanmark, unsupported-version and bad-offset-unit gate everything else', async () => {
  refused(await decodeSpanmarkV1('[]', sha256Hex), 'not-spanmark');
  refused(await decodeSpanmarkV1('null', sha256Hex), 'not-spanmark');
  refused(await decodeSpanmarkV1('{"documents": []}', sha256Hex), 'not-spanmark', 'format');
  refused(await decodeMutated((f) => (f.format = 'brat')), 'not-spanmark', 'format');
  const v2 = refused(
    await decodeMutated((f) => {
      f.version = 2;
      f.documents = 'whatever';
    }),
    'unsupported-version',
    'version',
  );
  assert.match(v2.message, /version 2 was written by a newer Spanmark/);
  refused(await decodeMutated((f) => (f.version = 0)), 'unsupported-version', 'version');
  refused(await decodeMutated((f) => (f.version = '1')), 'schema', 'version');
  refused(await decodeMutated((f) => delete f.version), 'schema', 'version');
  const unit = refused(await decodeMutated((f) => (f.offsetUnit = 'utf16')), 'bad-offset-unit', 'offsetUnit');
  assert.match(unit.message, /"utf16"/);
  refused(await decodeMutated((f) => delete f.offsetUnit), 'schema', 'offsetUnit');
});

test('schema problems name the key and what is wrong with it', async () => {
  const cases: [(f: Mutable) => void, string, RegExp][] = [
    [(f) => delete f.exportedAt, 'exportedAt', /exportedAt is missing/],
    [(f) => (f.exportedAt = '2022-02-30T00:00:00Z'), 'exportedAt', /date-time/],
    [(f) => (f.labels = {}), 'labels', /must be an array, but it is an object/],
    [(f) => delete f.documents, 'documents', /missing/],
    [(f) => (f.documents[0] = 7), 'documents[0]', /must be an object, but it is the number 7/],
    [(f) => delete f.documents[0].metadata, 'documents[0].metadata', /missing/],
    [(f) => (f.documents[0].metadata.date = '2022-1-8'), 'documents[0].metadata.date', /2022-1-8/],
    [(f) => (f.documents[0].sha256 = 'ABC'), 'documents[0].sha256', /64 lower-case hex/],
    [(f) => (f.documents[0].id = ''), 'documents[0].id', /non-empty string/],
    [(f) => (f.documents[0].text = null), 'documents[0].text', /must be a string, but it is null/],
    [(f) => delete f.documents[0].annotations[3].annotator, 'documents[0].annotations[3].annotator', /missing/],
    [(f) => (f.documents[0].annotations[3].end = '13'), 'documents[0].annotations[3].end', /whole number.*the string "13"/],
    [(f) => (f.documents[0].annotations[3].start = 1.5), 'documents[0].annotations[3].start', /whole number/],
    [
      (f) => (f.documents[0].annotations[1].provenance = { annotator: 'x', annotationId: 'y' }),
      'documents[0].annotations[1].provenance.modified',
      /true or false/,
    ],
    [(f) => (f.documents[0].review = { status: 'done', decisions: [] }), 'documents[0].review.status', /"unreviewed", "in-review", "reviewed"/],
    [
      (f) => (f.documents[0].review = { status: 'reviewed', decisions: [{ annotator: 'b', annotationId: 'b1', decision: 'rejected', decidedBy: 'lead' }] }),
      'documents[0].review.decisions[0].decidedAt',
      /missing/,
    ],
    [(f) => (f.documents[0].blocks[1].level = 0), 'documents[0].blocks[1].level', /1 to 6/],
  ];
  for (const [mutate, path, message] of cases) {
    const e = refused(await decodeMutated(mutate), 'schema', path);
    assert.match(e.message, message);
    assert.ok(e.message.startsWith(path), e.message);
  }
});

test('offset-out-of-range, empty-span and quote-mismatch point at the annotation', async () => {
  const cp = [...TEXT].length;
  const far = refused(await decodeMutated((f) => (f.documents[0].annotations[3].end = cp + 1)), 'offset-out-of-range', 'documents[0].annotations[3].end');
  assert.match(far.message, new RegExp(`end ${cp + 1} is beyond the end of the text \\(${cp} code points\\)`));
  refused(await decodeMutated((f) => (f.documents[0].annotations[0].start = -3)), 'offset-out-of-range', 'documents[0].annotations[0].start');
  refused(await decodeMutated((f) => (f.documents[0].annotations[0].start = 2 ** 60)), 'offset-out-of-range', 'documents[0].annotations[0].start');
  refused(
    await decodeMutated((f) => (f.documents[0].annotations[2].end = f.documents[0].annotations[2].start)),
    'empty-span',
    'documents[0].annotations[2].end',
  );
  refused(await decodeMutated((f) => (f.documents[0].annotations[2].end = 1)), 'empty-span', 'documents[0].annotations[2].end');

  // Shift "Almaty" by one: the quote no longer matches what the offsets cover.
  const e = refused(
    await decodeMutated((f) => {
      f.documents[0].annotations[3].start += 1;
      f.documents[0].annotations[3].end += 1;
    }),
    'quote-mismatch',
    'documents[0].annotations[3].quote',
  );
  const s = [...TEXT.slice(0, TEXT.indexOf('Almaty'))].length + 1; // code point start of "Almaty", shifted by one
  assert.equal(e.message, `documents[0].annotations[3]: quote "Almaty" does not match the text at ${s}..${s + 6} ("lmaty.").`);

  // UTF-16 offsets written by mistake are caught by the quote, however plausible they look.
  const utf16 = refused(
    await decodeMutated((f) => {
      const a = f.documents[0].annotations[2];
      a.start = TEXT.indexOf('arrived');
      a.end = a.start + 7;
    }),
    'quote-mismatch',
    'documents[0].annotations[2].quote',
  );
  assert.match(utf16.message, /\("rrived "\)/);
});

test('sha256-mismatch, bad-text, unknown-label, duplicate-id, bad-block, hash-failed', async () => {
  const sha = refused(
    await decodeMutated((f) => (f.documents[0].text = f.documents[0].text.replace('Four', 'Five'))),
    'sha256-mismatch',
    'documents[0].sha256',
  );
  assert.match(sha.message, /UTF-8 SHA-256 is [0-9a-f]{64}/);

  const crText = `${TEXT.replace('\n', '\r\n')}`;
  const cr = refused(
    await decodeMutated((f) => {
      f.documents[0].text = crText;
      f.documents[0].sha256 = sha256Sync(crText);
    }),
    'bad-text',
    'documents[0].text',
  );
  assert.match(cr.message, /carriage return \(CR\) at code point 27/);
  refused(await decodeMutated((f) => (f.documents[0].text = 'ab\ud800cd')), 'bad-text', 'documents[0].text');

  const notSpanmark = refused(
    await decodeMutated((f) => (f.documents[0].annotations[4].label = 'rumour')),
    'unknown-label',
    'documents[0].annotations[4].label',
  );
  assert.match(notSpanmark.message, /not a Spanmark label/);
  const unlisted = refused(
    await decodeMutated((f) => (f.labels = f.labels.filter((l: Mutable) => l.id !== 'casualty'))),
    'unknown-label',
    'documents[0].annotations[4].label',
  );
  assert.match(unlisted.message, /not listed in the file's "labels"/);
  refused(await decodeMutated((f) => (f.labels[0].id = 'constructor')), 'unknown-label', 'labels[0].id');

  refused(await decodeMutated((f) => (f.documents[0].annotations[3].id = 'a1')), 'duplicate-id', 'documents[0].annotations[3].id');
  const twice = refused(await decodeMutated((f) => f.documents.push(clone(f.documents[0]))), 'duplicate-id', 'documents[1].sha256');
  assert.match(twice.message, /same text \(sha256\) as documents\[0\]/);
  refused(await decodeMutated((f) => f.labels.push(clone(f.labels[0]))), 'duplicate-id', 'labels[3].id');

  refused(await decodeMutated((f) => f.documents[0].blocks.reverse()), 'bad-block', 'documents[0].blocks[1].start');
  refused(await decodeMutated((f) => (f.documents[0].blocks[0].end = 999)), 'offset-out-of-range', 'documents[0].blocks[0].end');

  const json = serializeSpanmarkV1(goodFile());
  refused(await decodeSpanmarkV1(json, () => Promise.reject(new Error('no digest'))), 'hash-failed', 'documents[0].sha256');
  refused(
    await decodeSpanmarkV1(json, () => {
      throw new Error('sync throw');
    }),
    'hash-failed',
  );
});

test('too-large is refused before parsing', async () => {
  refused(await decodeSpanmarkV1(serializeSpanmarkV1(goodFile()), sha256Hex, { maxChars: 100 }), 'too-large');
  // The real limit, with a string that would not even parse: proves nothing is parsed first.
  const huge = '{'.repeat(MAX_IMPORT_CHARS + 1);
  const e = refused(await decodeSpanmarkV1(huge, sha256Hex), 'too-large');
  assert.match(e.message, /at most 256 MB/);
});

test('several problems are reported together, and the report is bounded', async () => {
  const two = await decodeMutated((f) => {
    f.documents[0].annotations[0].end = 0;
    f.documents[0].annotations[4].label = 'x';
  });
  const e = refused(two, 'empty-span');
  assert.deepEqual(
    e.problems.map((p) => p.code),
    ['empty-span', 'unknown-label'],
  );

  const many = await decodeMutated((f) => {
    f.documents[0].annotations = Array.from({ length: 100_000 }, (_, i) => ({ id: `x${i}`, start: 'NaN' }));
  });
  const m = refused(many, 'schema', 'documents[0].annotations[0].label');
  assert.equal(m.problems.length, MAX_REPORTED_PROBLEMS);
});

test('hostile input: prototype keys, huge and odd numbers, garbage, depth — always a clean Result', async () => {
  const good = goodFile();
  const json = JSON.stringify(good);
  const inject = (s: string, at: string, extra: string): string => s.replace(at, `${at}${extra}`);
  const hostile: string[] = [
    inject(json, '{', '"__proto__": {"polluted": "root"}, "constructor": {"prototype": {"polluted": 1}},'),
    json.replace('"id":"a0",', '"id":"a0","__proto__":{"polluted":"annotation"},'),
    json.replace('"metadata":{}', '"metadata":{"__proto__":{"date":"2022-01-01","polluted":"meta"}}'),
    json.replace('"id":"a0"', '"id":"__proto__"').replace('"id":"a1"', '"id":"__proto__"'),
    json.replace('"start":0', '"start":1e400'),
    json.replace('"start":0', '"start":-0'),
    json.replace('"start":0', '"start":9007199254740993'),
    json.replace('"start":0', '"start":"NaN"'),
    json.replace('"start":0', '"start":{"valueOf":1}'),
    json.replace('"start":0', '"start":[0]'),
    json.replace('"start":0', '"start":true'),
    json.replace('"label":"deployment"', '"label":"__proto__"'),
    json.replace('"label":"deployment"', '"label":"toString"'),
    json.replace('"annotations":[', '"annotations":[null,[],"x",1,'),
    json.replace('"documents":[', '"documents":[[[[[[[[]]]]]]],'),
    json.replace('"documents":[', `"junk":${'['.repeat(100_000)}${']'.repeat(100_000)},"documents":[`),
    json.replace('"annotations":[', `"annotations":${'['.repeat(5_000)}${']'.repeat(5_000)},"x":[`),
    `${'['.repeat(2_000_000)}${']'.repeat(2_000_000)}`,
    `{"format":"spanmark","version":1,"offsetUnit":"codepoint","exportedAt":"${T0}","labels":[],"documents":{"length":1e9}}`,
    `{"format":"spanmark","version":1e308,"documents":[]}`,
    `{"format":"spanmark","version":-1}`,
    '"spanmark"',
    '1'.repeat(10_000),
    `{"format":"spanmark"${',"a":1'.repeat(100_000)}}`,
  ];
  for (const [i, input] of hostile.entries()) {
    let r: Result<unknown, DecodeProblem> | undefined;
    await assert.doesNotReject(async () => {
      r = await decodeSpanmarkV1(input, sha256Hex);
    }, `input ${i}`);
    assert.ok(r && typeof r.ok === 'boolean', `input ${i}`);
    if (r && !r.ok) {
      assert.equal(typeof r.error.code, 'string');
      assert.notEqual(r.error.code, 'internal', `input ${i}: ${r.error.message}`);
    }
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, `input ${i} polluted Object.prototype`);
  }
  // Extra keys (including "__proto__") are ignored, never copied onto what the importer returns.
  const r = await decodeSpanmarkV1(hostile[1]!, sha256Hex);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  const a0 = r.value.documents[0]!.annotations.find((a) => a.id === 'a0')!;
  assert.equal(Object.getPrototypeOf(a0), Object.prototype);
  assert.equal((a0 as unknown as Record<string, unknown>)['polluted'], undefined);
  const meta = await decodeSpanmarkV1(hostile[2]!, sha256Hex);
  assert.ok(meta.ok);
  assert.deepEqual(meta.value.documents[0]!.article.metadata, {});
  // -0 is a valid 0.
  assert.equal((await decodeSpanmarkV1(hostile[5]!, sha256Hex)).ok, true);
  // Not a string at all (a JavaScript caller ignoring the types).
  refused(await decodeSpanmarkV1(undefined as unknown as string, sha256Hex), 'malformed-json');
  // A digest that returns garbage instead of a hex string.
  refused(await decodeSpanmarkV1(json, async () => 42 as unknown as string), 'hash-failed');
});

test('100,000 valid annotations decode', async () => {
  const text = 'ab😀'.repeat(50_000);
  const doc = article(text);
  const annotations = Array.from({ length: 100_000 }, (_, i) => {
    const start = (i % 50_000) * 4;
    return annotation(doc, start, start + 4, { id: `n${i}`, label: 'claim' });
  });
  const json = serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0' }));
  const r = await decodeSpanmarkV1(json, sha256Hex);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.documents[0]!.annotations.length, 100_000);
});

/** Every path to a value inside a parsed JSON tree, for the mutation fuzz below. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = [prefix];
  if (Array.isArray(value)) return here.concat(value.flatMap((v, i) => paths(v, [...prefix, i])));
  if (value !== null && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k])));
  return here;
}

test('fuzz: arbitrary JSON and randomly corrupted files never throw, and anything accepted is consistent', async () => {
  await fc.assert(
    fc.asyncProperty(fc.json(), async (json) => {
      const r = await decodeSpanmarkV1(json, sha256Hex);
      assert.equal(r.ok, false);
      if (!r.ok) assert.notEqual(r.error.code, 'internal', r.error.message);
    }),
    { numRuns: 300 },
  );

  const good = goodFile();
  const all = paths(good).filter((p) => p.length > 0);
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(all.length - 1), fc.oneof(fc.jsonValue(), fc.integer({ min: -2, max: 60 }), fc.constantFrom('__proto__', 'claim', ''))), {
        minLength: 1,
        maxLength: 3,
      }),
      async (edits) => {
        const f = clone(good) as Mutable;
        for (const [which, value] of edits) {
          const p = all[which]!;
          let parent = f;
          for (const key of p.slice(0, -1)) parent = parent?.[key];
          if (parent !== null && typeof parent === 'object') parent[p[p.length - 1]!] = value;
        }
        const r = await decodeSpanmarkV1(JSON.stringify(f), sha256Hex);
        if (!r.ok) {
          assert.notEqual(r.error.code, 'internal', r.error.message);
          assert.ok(r.error.problems.length >= 1 && r.error.problems.length <= MAX_REPORTED_PROBLEMS);
          return;
        }
        for (const d of r.value.documents) {
          assert.equal(d.article.id, sha256Sync(d.article.text));
          for (const a of d.annotations) assert.equal(d.article.text.slice(a.start, a.end), a.quote);
        }
      },
    ),
    { numRuns: 500 },
  );
});
