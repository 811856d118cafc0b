// Spanmark → format → Spanmark is lossless for everything each format declares it carries,
// property-tested on generated documents whose text is drawn from the shared Unicode edge-case
// corpus (emoji, ZWJ sequences, flags, combining marks, RTL, astral digits) joined by spaces, tabs,
// LF and CRLF (normalised to LF, as every document in Spanmark is). For each format the generated
// annotations are limited to what it declares: brat carries overlaps, discontinuous spans, notes,
// one-word attributes and links; WebAnno TSV overlaps (stacks) on exact text; CoNLL token-aligned
// spans that neither overlap nor cross a line; Spanmark (contract 2) everything, attributes of every
// type and links included, on any label its schema defines; Spanmark v1 its three labels, notes and
// annotators.
// Whatever a codec then reports as lost must be nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { bratCodec } from '../../../../src/codecs/brat/index.js';
import { conllCodec } from '../../../../src/codecs/conll/index.js';
import type { InterchangeAnnotation, InterchangeDocument } from '../../../../src/codecs/registry/format.js';
import { keepNonOverlapping } from '../../../../src/codecs/registry/losses.js';
import { tokenize } from '../../../../src/codecs/registry/tokenize.js';
import { spanmarkCodec, spanmarkV1Codec } from '../../../../src/codecs/spanmark/index.js';
import { webAnnoCodec } from '../../../../src/codecs/webanno-tsv/index.js';
import type { AttributeValue } from '../../../../src/labels/attributes.js';
import { DEFAULT_SCHEMA, labelIds, type LabelSchema } from '../../../../src/labels/schema.js';
import { normalizeNewlines } from '../../../../src/text/newlines.js';
import { errors } from './helpers.js';

const seedFromEnv = process.env['SPANMARK_FUZZ_SEED'];
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seedFromEnv ? { seed: Number(seedFromEnv) } : {}) });

const corpus = readFileSync(new URL('../../../../../shared/corpus/unicode-edge-cases.txt', import.meta.url), 'utf8');
const PIECES = [...new Set(corpus.split(/\s+/).filter((w) => w !== '')), '👨‍👩‍👧‍👦', '🇰🇿', '👍🏽', 'e\u0301te\u0301', 'الوضع', 'שָׁלוֹם', '𝟐𝟎𝟐𝟐', 'a\u200Db'];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\r\n', '\n\n', ' \r\n', '\t'];

const textArb = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 25 })
  .chain((parts) => fc.constantFrom('', ' ', '\n').map((lead) => normalizeNewlines(lead + parts.map(([p, s]) => p + s).join(''))));

/** UTF-16 offsets that do not split a surrogate pair: every code point boundary. */
function boundaries(text: string): number[] {
  const out = [0];
  let i = 0;
  for (const ch of text) out.push((i += ch.length));
  return out;
}

const pick = <T>(xs: readonly T[], n: number): T => xs[n % xs.length]!;

const rawSpans = (labels: readonly string[]) =>
  fc.array(
    fc.record(
      {
        a: fc.nat(),
        b: fc.nat(),
        c: fc.nat(),
        label: fc.constantFrom(...labels),
        note: fc.constantFrom('check', 'Нужно проверить 😢', 'two words, و عربي'),
        flag: fc.boolean(),
        word: fc.constantFrom('confirmed', 'high', 'Алматы', '𝟐𝟎'),
        link: fc.nat(),
        annotator: fc.nat(),
      },
      { requiredKeys: ['a', 'b', 'c', 'label', 'flag', 'link', 'annotator'] },
    ),
    { maxLength: 12 },
  );

/** A comparable picture of a document: text, and each annotation by position, label, note, attributes with links by target position. */
function picture(doc: InterchangeDocument): { text: string; annotations: string[] } {
  const key = (a: InterchangeAnnotation): string => `${a.label}@${JSON.stringify(a.fragments ?? [{ start: a.start, end: a.end }])}`;
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  const annotations = doc.annotations.map((a) => {
    const attrs = Object.entries(a.attributes ?? {})
      .map(([k, v]) => [k, typeof v === 'string' && byId.has(v) ? `→${key(byId.get(v)!)}` : v] as const)
      .sort(([x], [y]) => (x < y ? -1 : 1));
    return JSON.stringify([key(a), a.quote, a.note ?? null, a.annotator ?? null, attrs]);
  });
  return { text: doc.text, annotations: annotations.sort() };
}

test('round trip: brat carries overlaps, discontinuous spans, notes, one-word attributes and links exactly', () => {
  fc.assert(
    fc.property(textArb, rawSpans(['claim', 'casualty', 'Ортак', 'ORG']), (text, raws) => {
      const cps = boundaries(text);
      const annotations: InterchangeAnnotation[] = [];
      raws.forEach((r, i) => {
        const [x, y, z] = [pick(cps, r.a), pick(cps, r.b), pick(cps, r.c)].sort((p, q) => p - q) as [number, number, number];
        if (x === y) return;
        // Discontinuous when the third point leaves a gap after the first fragment.
        const fragments =
          r.flag && z > y + 1 && cps.includes(y + 1)
            ? [
                { start: x, end: y },
                { start: cps.find((c) => c > y)!, end: z },
              ]
            : undefined;
        const end = fragments ? z : y;
        const quote = (fragments ?? [{ start: x, end }]).map((f) => text.slice(f.start, f.end)).join(' ');
        annotations.push({
          id: `id-${i}`,
          label: r.label,
          start: x,
          end,
          ...(fragments ? { fragments } : {}),
          quote,
          ...(r.note !== undefined ? { note: r.note } : {}),
          ...(r.word !== undefined ? { attributes: { level: r.word, ...(r.flag ? { negated: true } : {}) } } : {}),
        });
      });
      // Links: each annotation may point at another one.
      const linked = annotations.map((a, i) => {
        const target = annotations[raws[i]!.link % Math.max(annotations.length, 1)];
        return target !== undefined && target.id !== a.id && raws[i]!.flag ? { ...a, attributes: { ...a.attributes, cause: target.id } } : a;
      });
      const doc: InterchangeDocument = { text, annotations: linked };
      const { files, losses } = bratCodec.encode([doc], DEFAULT_SCHEMA, 'doc');
      assert.deepEqual(losses, []);
      const back = bratCodec.decode(files);
      assert.deepEqual(errors(back), []);
      assert.deepEqual(picture(back.documents[0]!), picture(doc));
      // The same .txt saved with CRLF line ends gives the same offsets (universal newlines).
      const crlf = files.map((f) => (f.name.endsWith('.txt') ? { name: f.name, bytes: new TextEncoder().encode(text.replace(/\n/g, '\r\n')) } : f));
      assert.deepEqual(picture(bratCodec.decode(crlf).documents[0]!), picture(doc));
    }),
    params(150),
  );
});

test('round trip: WebAnno TSV carries exact text and stacked spans (not starting or ending in whitespace)', () => {
  fc.assert(
    fc.property(textArb, rawSpans(['claim', 'casualty', 'x_y|z', '*', 'two words', 'a\\b[1]']), (text, raws) => {
      const cps = boundaries(text);
      const annotations: InterchangeAnnotation[] = [];
      raws.forEach((r, i) => {
        const [x, y] = [pick(cps, r.a), pick(cps, r.b)].sort((p, q) => p - q) as [number, number];
        const quote = text.slice(x, y);
        if (x === y || /^\s|\s$/u.test(quote)) return;
        annotations.push({ id: `w${i}`, label: r.label, start: x, end: y, quote });
      });
      const doc: InterchangeDocument = { text, annotations };
      const { files, losses } = webAnnoCodec.encode([doc], DEFAULT_SCHEMA, 'doc');
      assert.deepEqual(losses, []);
      const back = webAnnoCodec.decode(files);
      assert.deepEqual(errors(back), []);
      // A text with no token at all has no sentence to carry it.
      if (tokenize(text).length > 0) assert.equal(back.documents[0]!.text, text);
      assert.deepEqual(picture(back.documents[0]!).annotations, picture(doc).annotations);
    }),
    params(150),
  );
});

test('round trip: CoNLL carries token-aligned spans that neither overlap nor cross a line, by token', () => {
  fc.assert(
    fc.property(textArb, rawSpans(['claim', 'casualty', 'LOC', 'Ортак']), (text, raws) => {
      const tokens = tokenize(text);
      if (tokens.length === 0) return;
      const candidates = raws.map((r, i) => {
        const [p, q] = [r.a % tokens.length, r.b % tokens.length].sort((m, n) => m - n) as [number, number];
        return { id: `c${i}`, label: r.label, start: tokens[p]!.start, end: tokens[q]!.end, quote: text.slice(tokens[p]!.start, tokens[q]!.end) };
      });
      const annotations = keepNonOverlapping(candidates.filter((a) => !a.quote.includes('\n'))).kept;
      const doc: InterchangeDocument = { text, annotations };
      const { files, losses } = conllCodec.encode([doc], DEFAULT_SCHEMA, 'doc');
      assert.deepEqual(losses, []);
      const back = conllCodec.decode(files);
      assert.deepEqual(errors(back), []);
      const got = back.documents[0]!;
      // The text is rebuilt: tokens joined by one space, lines (sentences) by one newline.
      const lines = text
        .split('\n')
        .map((l) =>
          tokenize(l)
            .map((t) => l.slice(t.start, t.end))
            .join(' '),
        )
        .filter((l) => l !== '');
      assert.equal(got.text, lines.join('\n'));
      const byTokens = (q: string): string =>
        tokenize(q)
          .map((t) => q.slice(t.start, t.end))
          .join(' ');
      assert.deepEqual(
        got.annotations.map((a) => [a.label, a.quote]),
        annotations.map((a) => [a.label, byTokens(a.quote)]),
      );
    }),
    params(150),
  );
});

test('round trip: Spanmark v1 carries its labels, overlaps, notes and annotators exactly', async () => {
  await fc.assert(
    fc.asyncProperty(textArb, rawSpans(labelIds(DEFAULT_SCHEMA)), async (text, raws) => {
      const cps = boundaries(text);
      const annotations: InterchangeAnnotation[] = [];
      raws.forEach((r, i) => {
        const [x, y] = [pick(cps, r.a), pick(cps, r.b)].sort((p, q) => p - q) as [number, number];
        if (x === y) return;
        annotations.push({
          id: `s${i}`,
          label: r.label,
          start: x,
          end: y,
          quote: text.slice(x, y),
          annotator: pick(['ana', 'ben', 'Σοφία'], r.annotator),
          ...(r.note !== undefined ? { note: r.note } : {}),
        });
      });
      const doc: InterchangeDocument = { text, title: 'Round trip', annotations };
      const { files, losses } = await spanmarkV1Codec.encode([doc], DEFAULT_SCHEMA, 'doc');
      assert.deepEqual(losses, []);
      assert.equal(JSON.parse(new TextDecoder().decode(files[0]!.bytes)).version, 1);
      const back = await spanmarkCodec.decode(files);
      assert.deepEqual(errors(back), []);
      assert.deepEqual(picture(back.documents[0]!), picture(doc));
    }),
    params(60),
  );
});

// The default schema plus a label of the library's own, whose attributes cover every type.
const V2_SCHEMA: LabelSchema = {
  id: 'round-trip',
  version: 3,
  labels: [
    ...DEFAULT_SCHEMA.labels,
    {
      id: 'Ортак',
      name: 'Ортак 🇰🇿',
      color: '#88ccee',
      glyph: 'О',
      underline: 'double',
      description: 'שָׁלוֹם',
      guidelines: ['e\u0301te\u0301'],
      attributes: [
        { id: 'level', name: 'Level', type: 'choice', values: ['confirmed', 'high', 'Алматы', '𝟐𝟎'] },
        { id: 'tags', name: 'Tags', type: 'choice', values: ['confirmed', 'high', 'Алматы', '𝟐𝟎'], multiple: true },
        { id: 'negated', name: 'Negated', type: 'boolean' },
        { id: 'size', name: 'Size', type: 'quantity', required: true },
        { id: 'when', name: 'When', type: 'date' },
        { id: 'said', name: 'Said', type: 'text' },
        { id: 'cause', name: 'Cause', type: 'link' },
      ],
    },
  ],
};

/** Values of each type the schema allows for an annotation of `label`, drawn from the generated record. */
function valuesFor(label: string, r: { a: number; b: number; flag: boolean; word?: string; note?: string }): Record<string, AttributeValue> {
  const word = r.word ?? 'high';
  const quantity = r.flag
    ? { value: r.a % 1000, qualifier: pick(['exact', 'at-least', 'at-most', 'about'] as const, r.b) }
    : { min: r.a % 50, max: (r.a % 50) + (r.b % 50) };
  switch (label) {
    case 'claim':
      return { source: r.note ?? 'Σοφία', status: pick(['confirmed', 'disputed', 'unverified'], r.a) };
    case 'casualty':
      return { count: quantity, kind: r.flag ? ['killed', 'missing'] : [], date: pick(['2022', '2022-01', '2022-01-05'], r.b) };
    case 'deployment':
      return r.flag ? { size: quantity } : {};
    default:
      return { level: word, tags: r.flag ? [...new Set([word, '𝟐𝟎'])] : [word], negated: r.flag, size: quantity, when: '2022-01-05', said: r.note ?? '' };
  }
}

test('round trip: Spanmark carries every label of its schema, attributes of every type and links exactly', async () => {
  await fc.assert(
    fc.asyncProperty(textArb, rawSpans(labelIds(V2_SCHEMA)), async (text, raws) => {
      const cps = boundaries(text);
      const annotations: InterchangeAnnotation[] = [];
      raws.forEach((r, i) => {
        const [x, y] = [pick(cps, r.a), pick(cps, r.b)].sort((p, q) => p - q) as [number, number];
        if (x === y) return;
        const attributes = valuesFor(r.label, r);
        annotations.push({
          id: `s${i}`,
          label: r.label,
          start: x,
          end: y,
          quote: text.slice(x, y),
          annotator: pick(['ana', 'ben', 'Σοφία'], r.annotator),
          ...(r.note !== undefined ? { note: r.note } : {}),
          ...(Object.keys(attributes).length > 0 ? { attributes } : {}),
        });
      });
      // Links: an annotation of the library's label may point at any other annotation.
      const linked = annotations.map((a, i) => {
        const target = annotations[raws[i]!.link % Math.max(annotations.length, 1)];
        return a.label === 'Ортак' && target !== undefined && target.id !== a.id ? { ...a, attributes: { ...a.attributes, cause: target.id } } : a;
      });
      const doc: InterchangeDocument = { text, title: 'Round trip', metadata: { date: '2022-01-05', sourceName: 'Azattyq' }, annotations: linked };
      assert.deepEqual(spanmarkCodec.losses([doc], V2_SCHEMA), []);
      const { files, losses } = await spanmarkCodec.encode([doc], V2_SCHEMA, 'doc');
      assert.deepEqual(losses, []);
      assert.equal(JSON.parse(new TextDecoder().decode(files[0]!.bytes)).version, 2);
      const back = await spanmarkCodec.decode(files);
      assert.deepEqual(errors(back), []);
      assert.deepEqual(picture(back.documents[0]!), picture(doc));
      assert.deepEqual(back.documents[0]!.metadata, doc.metadata);
      assert.deepEqual(back.schema, V2_SCHEMA);
    }),
    params(60),
  );
});
