// Round trips (issue 13 item 8) for the Label Studio, doccano, spaCy/Prodigy and W3C Web Annotation
// codecs: Spanmark → format → Spanmark keeps everything the format declares it carries, on
// generated documents built from the shared corpus' hard pieces (emoji, ZWJ sequences, flags,
// combining marks, RTL, astral digits) and CRLF. What a format does not carry must be named in its
// losses, with the right count. A text written with CRLF (as a tool that keeps them would) comes
// back LF-normalised with every span on the same characters. Fixed run counts keep the unit suite
// fast; SPANMARK_FUZZ_SEED replays a failure.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { AttributeValues } from '../../../src/labels/attributes.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import type { Capabilities, FormatCodec, InterchangeAnnotation, InterchangeDocument } from '../../../src/codecs/registry/format.js';
import { labelStudioCodec } from '../../../src/codecs/label-studio/index.js';
import { doccanoCodec } from '../../../src/codecs/doccano/index.js';
import { spacyCodec } from '../../../src/codecs/spacy/index.js';
import { webAnnotationCodec } from '../../../src/codecs/web-annotation/index.js';
import { assertWellFormed, errors, lf } from './interop-helpers.js';

const CODECS: readonly FormatCodec[] = [labelStudioCodec, doccanoCodec, spacyCodec, webAnnotationCodec];

const seedFromEnv = process.env['SPANMARK_FUZZ_SEED'];
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seedFromEnv ? { seed: Number(seedFromEnv) } : {}) });

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const edgeText = readFileSync(new URL('unicode-edge-cases.txt', corpus), 'utf8');
const wordSeg = new Intl.Segmenter('en', { granularity: 'word' });
const graphemeSeg = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PIECES = [
  ...new Set([...wordSeg.segment(edgeText)].map((s) => s.segment)),
  'e\u0301',
  'Cafe\u0301',
  '👨‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🇰🇿',
  'שלום',
  'الوضع',
  '𝟐𝟎',
  '\u200d',
  '\n',
  '\r\n',
  ' ',
];

const LABELS = ['claim', 'casualty', 'deployment', 'Named Entity ü'];
const ANNOTATORS = [undefined, 'alice', 'bob ✓ 𝟐'];

const attributeValues: fc.Arbitrary<AttributeValues> = fc.dictionary(
  fc.constantFrom('killed', 'side', 'confirmed', 'source', 'date'),
  fc.oneof(
    fc.record({ value: fc.integer({ min: 0, max: 100000 }), qualifier: fc.constantFrom('exact', 'at-least', 'at-most', 'about') }),
    fc.record({ min: fc.integer({ min: 0, max: 10 }), max: fc.integer({ min: 10, max: 99 }) }),
    fc.boolean(),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.array(fc.constantFrom('police', 'army', '🔥'), { maxLength: 3 }),
  ),
  { maxKeys: 3 },
);

/** A raw text (may hold CRLF) from the corpus' pieces. */
const rawText = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }).map((p) => p.join(''));

function boundaries(text: string): number[] {
  return [...[...graphemeSeg.segment(text)].map((g) => g.index), text.length];
}

/** Annotations on grapheme boundaries of `text`, each field drawn independently. */
function annotationsOn(text: string): fc.Arbitrary<InterchangeAnnotation[]> {
  const b = boundaries(text);
  if (b.length < 2) return fc.constant([]);
  const one = fc
    .record({
      i: fc.nat(b.length - 2),
      len: fc.integer({ min: 1, max: 8 }),
      label: fc.constantFrom(...LABELS),
      annotator: fc.constantFrom(...ANNOTATORS),
      note: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), { nil: undefined }),
      attributes: fc.option(attributeValues, { nil: undefined }),
    })
    .map(({ i, len, label, annotator, note, attributes }) => {
      const start = b[i]!;
      const end = b[Math.min(i + len, b.length - 1)]!;
      return { start, end, label, annotator, note, attributes };
    });
  return fc.array(one, { maxLength: 7 }).map((list) =>
    list.map((a, k) => ({
      id: `a${k}`,
      label: a.label,
      start: a.start,
      end: a.end,
      quote: text.slice(a.start, a.end),
      ...(a.annotator !== undefined ? { annotator: a.annotator } : {}),
      ...(a.note !== undefined ? { note: a.note } : {}),
      ...(a.attributes !== undefined && Object.keys(a.attributes).length > 0 ? { attributes: a.attributes } : {}),
    })),
  );
}

/** 1–3 documents of distinct texts (spaCy/Prodigy records of one text are one document). */
function documents(normalize: boolean): fc.Arbitrary<InterchangeDocument[]> {
  return fc
    .array(rawText, { minLength: 1, maxLength: 3 })
    .map((texts) => texts.map((t, i) => `${i}. ${normalize ? lf(t) : t}`))
    .chain((texts) => fc.tuple(...texts.map((text) => annotationsOn(text).map((annotations): InterchangeDocument => ({ text, annotations })))));
}

/** What a format declares it carries, as a comparable string per annotation. */
function carried(a: InterchangeAnnotation, caps: Capabilities): string {
  return JSON.stringify([
    a.start,
    a.end,
    a.label,
    a.quote,
    caps.annotators ? (a.annotator ?? null) : 0,
    caps.notes ? (a.note ?? null) : 0,
    caps.attributes ? (a.attributes ?? null) : 0,
    caps.links ? a.id : 0,
  ]);
}

function roundTrip(codec: FormatCodec, docs: readonly InterchangeDocument[]): InterchangeDocument[] {
  const encoded = codec.encode(docs, DEFAULT_SCHEMA, 'out/round-trip');
  assert.deepEqual(encoded.losses, codec.losses(docs, DEFAULT_SCHEMA), 'encode reports the losses announced before');
  const decoded = codec.decode(encoded.files);
  assert.deepEqual(errors(decoded), [], `${codec.id} reads back what it wrote`);
  assert.ok(codec.sniff(encoded.files), `${codec.id} recognises its own files`);
  assertWellFormed(decoded.documents);
  return [...decoded.documents];
}

for (const codec of CODECS) {
  test(`${codec.id}: Spanmark → ${codec.name} → Spanmark keeps what the format declares`, () => {
    fc.assert(
      fc.property(documents(true), (docs) => {
        const back = roundTrip(codec, docs);
        assert.equal(back.length, docs.length);
        docs.forEach((d, i) => {
          assert.equal(back[i]!.text, d.text);
          const want = d.annotations.map((a) => carried(a, codec.capabilities)).sort();
          const got = back[i]!.annotations.map((a) => carried(a, codec.capabilities)).sort();
          assert.deepEqual(got, want);
        });
      }),
      params(60),
    );
  });

  test(`${codec.id}: what the format cannot carry is named in the losses, with its count`, () => {
    fc.assert(
      fc.property(documents(true), (docs) => {
        const losses = codec.losses(docs, DEFAULT_SCHEMA);
        const all = docs.flatMap((d) => d.annotations);
        const expect = (carriedByFormat: boolean, what: RegExp, count: number): void => {
          const hit = losses.find((l) => what.test(l.what));
          if (carriedByFormat || count === 0) assert.equal(hit, undefined, `${codec.id} names no loss of ${what}`);
          else assert.equal(hit?.count, count, `${codec.id} names the loss of ${what}`);
        };
        expect(codec.capabilities.attributes, /^attributes$/, all.filter((a) => a.attributes).length);
        expect(codec.capabilities.notes, /^notes$/, all.filter((a) => a.note).length);
        expect(codec.capabilities.annotators, /^annotator names$/, all.filter((a) => a.annotator).length);
        for (const l of losses) assert.ok(l.examples.length > 0 && l.examples.length <= 3);
      }),
      params(40),
    );
  });

  test(`${codec.id}: a text written with CRLF comes back LF, every span on the same characters`, () => {
    fc.assert(
      fc.property(documents(false), (docs) => {
        const back = roundTrip(codec, docs);
        docs.forEach((d, i) => {
          const doc = back[i]!;
          assert.equal(doc.text, lf(d.text));
          const want = d.annotations.map((a) => JSON.stringify([a.label, lf(a.quote), lf(d.text.slice(0, a.start)).length])).sort();
          const got = doc.annotations.map((a) => JSON.stringify([a.label, a.quote, a.start])).sort();
          assert.deepEqual(got, want);
        });
      }),
      params(40),
    );
  });
}

test('a discontinuous span is written as its covering span and named as a loss by every codec here', () => {
  const text = 'Alma-Ata airport and the Alma-Ata akimat';
  const doc: InterchangeDocument = {
    text,
    annotations: [
      {
        id: 'd',
        label: 'claim',
        start: 0,
        end: 40,
        fragments: [
          { start: 0, end: 16 },
          { start: 25, end: 40 },
        ],
        quote: 'Alma-Ata airport Alma-Ata akimat',
      },
    ],
  };
  for (const codec of CODECS) {
    const loss = codec.losses([doc], DEFAULT_SCHEMA).find((l) => /discontinuous/.test(l.what));
    assert.equal(loss?.count, 1, codec.id);
    const back = codec.decode(codec.encode([doc], DEFAULT_SCHEMA, 'x').files);
    assert.equal(back.documents[0]!.annotations[0]!.quote, text, codec.id);
  }
});

test('spacy: every written span starts and ends on a written token (token_end inclusive), tokens quote the text', () => {
  fc.assert(
    fc.property(documents(true), (docs) => {
      const [out] = spacyCodec.encode(docs, DEFAULT_SCHEMA, 'x').files;
      const lines = new TextDecoder()
        .decode(out!.bytes)
        .split('\n')
        .filter((l) => l !== '')
        .map(
          (l) =>
            JSON.parse(l) as {
              text: string;
              tokens: { text: string; start: number; end: number; id: number }[];
              spans: { start: number; end: number; token_start: number; token_end: number }[];
            },
        );
      for (const rec of lines) {
        const cps = [...rec.text];
        rec.tokens.forEach((t, i) => {
          assert.equal(t.id, i);
          assert.equal(t.text, cps.slice(t.start, t.end).join(''));
        });
        for (const s of rec.spans) {
          assert.equal(rec.tokens[s.token_start]?.start, s.start);
          assert.equal(rec.tokens[s.token_end]?.end, s.end);
        }
      }
    }),
    params(60),
  );
});
