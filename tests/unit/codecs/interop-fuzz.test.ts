// Hostile input for the Label Studio, doccano, spaCy/Prodigy and W3C Web Annotation decoders: any
// JSON value in each format's file shape, valid files with one value swapped for garbage, and
// arbitrary bytes. A decoder may refuse (errors with a place), warn, or return documents, but it
// must never throw, and whatever it returns must be well-formed (every quote its own slice).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FormatCodec, InputFile } from '../../../src/codecs/registry/format.js';
import { labelStudioCodec } from '../../../src/codecs/label-studio/index.js';
import { doccanoCodec } from '../../../src/codecs/doccano/index.js';
import { spacyCodec } from '../../../src/codecs/spacy/index.js';
import { webAnnotationCodec } from '../../../src/codecs/web-annotation/index.js';
import { assertWellFormed, errors, fixture } from './interop-helpers.js';

const seedFromEnv = process.env['SPANMARK_FUZZ_SEED'];
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seedFromEnv ? { seed: Number(seedFromEnv) } : {}) });

const cases: { codec: FormatCodec; fixtures: string[]; jsonl: boolean }[] = [
  { codec: labelStudioCodec, fixtures: ['label-studio/export-codepoints.json', 'label-studio/export-utf16.json'], jsonl: false },
  { codec: doccanoCodec, fixtures: ['doccano/label.jsonl', 'doccano/entities.jsonl'], jsonl: true },
  { codec: spacyCodec, fixtures: ['spacy/prodigy.jsonl', 'spacy/doc.json'], jsonl: true },
  { codec: webAnnotationCodec, fixtures: ['web-annotation/codepoints.jsonld', 'web-annotation/utf16.jsonld'], jsonl: false },
];
const article = fixture('web-annotation/article.txt');

function decodeSafely(codec: FormatCodec, files: InputFile[]): void {
  let result;
  try {
    result = codec.decode(files);
  } catch (e) {
    assert.fail(`${codec.id} threw ${String(e)}`);
  }
  assertWellFormed(result.documents);
  for (const p of errors(result)) assert.ok(p.message.length > 0 && p.where !== undefined, `${codec.id}: an error says where`);
  if (errors(result).length > 0) assert.equal(result.documents.length, 0, `${codec.id}: all or nothing`);
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Every path to a leaf of a JSON value, with a way to replace it. */
function leaves(v: unknown, set: (x: unknown) => void, out: ((x: unknown) => void)[]): void {
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, (y) => (v[i] = y), out));
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) leaves((v as Record<string, unknown>)[k], (y) => ((v as Record<string, unknown>)[k] = y), out);
  out.push(set);
}

// Offsets near the fixtures' own (their texts are about 150 code points) are the likeliest to slip
// through as a plausible but wrong span, so they are drawn most often.
const garbage = fc.oneof(
  { arbitrary: fc.integer({ min: -2, max: 160 }), weight: 4 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.constantFrom(-1, 1.5, 2 ** 53, '\ud800', '', null, [], {}, 'reject', 'TextPositionSelector'), weight: 1 },
);

for (const { codec, fixtures, jsonl } of cases) {
  test(`${codec.id}: any JSON value in the file's shape is refused or read, never thrown`, () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 4 }), { minLength: 1, maxLength: 3 }), (values) => {
        const text = jsonl ? values.map((v) => JSON.stringify(v)).join('\n') : JSON.stringify(values.length === 1 ? values[0] : values);
        decodeSafely(codec, [{ name: jsonl ? 'f.jsonl' : 'f.json', bytes: enc(text) }, article]);
      }),
      params(150),
    );
  });

  test(`${codec.id}: a valid file with one value swapped for garbage is refused or read, never thrown`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.nat(), garbage, (path, pick, junk) => {
        const f = fixture(path);
        const text = new TextDecoder().decode(f.bytes);
        const docs: unknown[] =
          jsonl && !path.endsWith('.json')
            ? text
                .split('\n')
                .filter((l) => l.trim() !== '')
                .map((l) => JSON.parse(l) as unknown)
            : [JSON.parse(text) as unknown];
        const setters: ((x: unknown) => void)[] = [];
        docs.forEach((d, i) => leaves(d, (y) => (docs[i] = y), setters));
        setters[pick % setters.length]!(junk);
        const out = jsonl && !path.endsWith('.json') ? docs.map((d) => JSON.stringify(d)).join('\n') : JSON.stringify(docs[0]);
        decodeSafely(codec, [{ name: f.name, bytes: enc(out) }, article]);
      }),
      params(Number(process.env['FUZZ_RUNS'] ?? 200)),
    );
  });

  test(`${codec.id}: arbitrary bytes are refused or read, never thrown; sniff never throws`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('x.json', 'x.jsonl', 'x.jsonld', 'x.txt'), (bytes, name) => {
        decodeSafely(codec, [{ name, bytes }]);
        codec.sniff([{ name, bytes }]);
      }),
      params(100),
    );
  });
}

test('values with their own "toString" (found by the fuzzer) are shown, not converted', () => {
  const trap = '{"toString": 0}';
  decodeSafely(labelStudioCodec, [
    {
      name: 'f.json',
      bytes: enc(
        `[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": ${trap}}, {"type": "labels", "value": {"start": ${trap}, "end": 2, "text": "ab", "labels": ["x"]}}]}]}]`,
      ),
    },
  ]);
  decodeSafely(doccanoCodec, [{ name: 'f.jsonl', bytes: enc(`{"text": "abc", "label": [[${trap}, 2, "x"]]}`) }]);
  decodeSafely(spacyCodec, [
    { name: 'f.jsonl', bytes: enc(`{"text": "abc", "tokens": [{"start": ${trap}, "end": 1}], "spans": [{"start": ${trap}, "end": 1, "label": "x"}]}`) },
  ]);
  decodeSafely(webAnnotationCodec, [
    {
      name: 'f.jsonld',
      bytes: enc(
        `[{"body": [{"purpose": [${trap}], "value": "v"}, {"purpose": "tagging", "value": "x"}], "target": {"source": "t.txt", "selector": {"type": "TextPositionSelector", "start": ${trap}, "end": 1}}}]`,
      ),
    },
    { name: 't.txt', bytes: enc('abc') },
  ]);
});
