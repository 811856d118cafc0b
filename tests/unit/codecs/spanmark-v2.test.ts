// Contract v2 end to end: attribute values of every type survive encode → JSON → decode, the JSON
// Schema accepts what Spanmark writes, prefix/suffix are whole code points that Python slices back,
// and every bad value is refused with its JSON path while nothing of the file is returned.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Annotation } from '../../../src/annotations/types.js';
import { sortAnnotations } from '../../../src/annotations/commands.js';
import type { Article } from '../../../src/document/article.js';
import { DEFAULT_SCHEMA, type LabelDef, type LabelId, type LabelSchema } from '../../../src/labels/schema.js';
import { decodeSpanmark, type DecodeProblem } from '../../../src/codecs/spanmark/decode.js';
import { decodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/decode.js';
import { attributeValueCount, encodeSpanmarkV2, encodeSpanmarkV2ForWriting, type EncodeInputV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import {
  encodeSpanmarkV1,
  serializeSpanmark,
  serializeSpanmarkInPieces,
  serializeSpanmarkV1,
  SpanmarkEncodeError,
} from '../../../src/codecs/spanmark-v1/encode.js';
import type { SpanmarkFileV2 } from '../../../src/codecs/spanmark-v2/types.js';
import { textAfter, textBefore } from '../../../src/text/context.js';
import type { Result } from '../../../src/result.js';
import { annotation, article, clone, sha256Hex, T0, validateSchema as validateV1, type Loose } from './spanmark-v1-helpers.js';

const schemaV2: unknown = JSON.parse(readFileSync(new URL('../../../src/codecs/spanmark-v2/schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats)(ajv);
const validateV2 = ajv.compile(schemaV2 as object);

/** The default schema plus a user-made "actor" label and a claim's `speaker` link to it. */
const ACTOR: LabelDef = {
  id: 'actor',
  name: 'Actor',
  color: '#8fd18f',
  glyph: 'A',
  underline: 'solid',
  description: 'Who speaks or acts.',
  guidelines: [],
  attributes: [{ id: 'role', name: 'Role', type: 'text' }],
};
const SCHEMA: LabelSchema = {
  id: 'lib-1',
  version: 7,
  labels: [
    ...DEFAULT_SCHEMA.labels.map((l) =>
      l.id === 'claim'
        ? {
            ...l,
            attributes: [
              ...l.attributes,
              { id: 'speaker', name: 'Speaker', type: 'link' as const, targets: ['actor'] },
              { id: 'verified', name: 'Verified', type: 'boolean' as const },
            ],
          }
        : l.id === 'casualty'
          ? { ...l, attributes: l.attributes.map((a) => (a.id === 'count' ? { ...a, required: true } : a)) }
          : l,
    ),
    ACTOR,
  ],
};

// ZWJ family, flags, a combining mark, Arabic (RTL), mathematical bold digits (astral), CRLF already
// normalised to LF as stored.
const TEXT =
  '👨‍👩‍👧‍👦 Almaty 🇰🇿: Tokayev said «order is restored».\nالوضع تحت السيطرة — 𝟏𝟖 security officers were killed and e\u0301 about 1,000 injured.\n𝟐𝟎 thousand 🇷🇺 troops arrived.';

function at(doc: Article, quote: string, extra: Partial<Annotation> = {}): Annotation {
  const start = doc.text.indexOf(quote);
  assert.ok(start >= 0, quote);
  return annotation(doc, start, start + quote.length, { id: `a-${start}`, ...extra });
}

function sample(): { doc: Article; annotations: Annotation[] } {
  const doc = article(TEXT);
  const tokayev = at(doc, 'Tokayev', { label: 'actor', attributes: { role: 'президент 👨‍💼' } });
  const annotations = [
    tokayev,
    at(doc, 'order is restored', { attributes: { stance: 'asserted', status: 'unverified', source: 'Tokayev', speaker: tokayev.id, verified: false } }),
    at(doc, '𝟏𝟖 security officers were killed', {
      label: 'casualty',
      attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed'], group: 'security forces', date: '2022-01' },
    }),
    at(doc, 'about 1,000 injured', { label: 'casualty', attributes: { count: { min: 900, max: 1100 }, kind: ['injured', 'detained'] } }),
    at(doc, '𝟐𝟎 thousand 🇷🇺 troops arrived', {
      label: 'deployment',
      attributes: { size: { value: 20000, qualifier: 'about' }, origin: 'Russia', date: '2022' },
    }),
    // No attributes at all, and an empty set: both are "nothing set".
    at(doc, 'Almaty', { label: 'deployment' }),
    at(doc, 'الوضع تحت السيطرة', { attributes: {} }),
  ];
  return { doc, annotations };
}

function encodeSample(): SpanmarkFileV2 {
  const { doc, annotations } = sample();
  return encodeSpanmarkV2({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0.2.0', schema: SCHEMA });
}

function refused(r: Result<unknown, DecodeProblem>, why = ''): DecodeProblem {
  assert.equal(r.ok, false, `expected a refusal ${why}`);
  return (r as { ok: false; error: DecodeProblem }).error;
}

async function decodeMutated(mutate: (f: Loose) => void): Promise<Result<unknown, DecodeProblem>> {
  const f = clone(encodeSample()) as Loose;
  mutate(f);
  return decodeSpanmark(JSON.stringify(f), sha256Hex);
}

const codes = (e: DecodeProblem) => e.problems.map((p) => [p.code, p.path]);

test('every attribute type comes back exactly; the schema validates the file; `{}` and no attributes both mean none set', async () => {
  const file = encodeSample();
  assert.equal(file.version, 2);
  assert.ok(validateV2(file), JSON.stringify(validateV2.errors));
  assert.equal((file as Loose).labels, undefined);
  const json = serializeSpanmark(file);
  const back = await decodeSpanmark(json, sha256Hex);
  assert.ok(back.ok, JSON.stringify(!back.ok && back.error));
  assert.equal(back.value.version, 2);
  assert.deepEqual(back.value.warnings, []);
  assert.deepEqual(back.value.schema, SCHEMA);
  const { annotations } = sample();
  const expected = annotations.map((a) => (a.attributes && Object.keys(a.attributes).length === 0 ? (({ attributes: _, ...rest }) => rest)(a) : a));
  const got = [...back.value.documents[0]!.annotations].sort((x, y) => x.start - y.start);
  assert.deepEqual(
    got,
    [...expected].sort((x, y) => x.start - y.start),
  );
  // Written always, even empty, so a reader can rely on the key.
  assert.ok(file.documents[0]!.annotations.every((a) => typeof a.attributes === 'object'));
  // The same file through the v2-only reader.
  assert.ok((await decodeSpanmarkV2(json, sha256Hex)).ok);
});

test('serialised, each annotation is still one line, a multiple choice inline', () => {
  const json = serializeSpanmark(encodeSample());
  const lines = json.split('\n');
  const kinds = lines.filter((l) => l.includes('"kind":["injured","detained"]'));
  assert.equal(kinds.length, 1);
  assert.match(kinds[0]!, /^\s+\{"id":"a-\d+","label":"casualty".*"attributes":\{"count":\{"min":900,"max":1100\}/);
});

test('prefix and suffix: at most 32 code points, never half a surrogate pair, and what Python slices', () => {
  const file = encodeSample();
  const doc = file.documents[0]!;
  const cps = [...doc.text];
  for (const a of doc.annotations) {
    assert.ok([...a.prefix!].length <= 32 && [...a.suffix!].length <= 32, a.id);
    assert.equal(a.prefix, cps.slice(Math.max(0, a.start - 32), a.start).join(''), a.id);
    assert.equal(a.suffix, cps.slice(a.end, a.end + 32).join(''), a.id);
    assert.doesNotMatch(a.prefix + a.suffix, /\p{Cs}/u);
  }
  const py = spawnSync(
    'python3',
    [
      '-c',
      `
import json, sys
f = json.loads(sys.stdin.buffer.read().decode("utf-8"))
for d in f["documents"]:
    t = d["text"]
    for a in d["annotations"]:
        assert t[max(0, a["start"] - 32):a["start"]] == a["prefix"], a["id"]
        assert t[a["end"]:a["end"] + 32] == a["suffix"], a["id"]
print("ok")
`,
    ],
    { input: serializeSpanmark(file), encoding: 'utf8' },
  );
  assert.equal(py.status, 0, py.stderr);
  // Cut exactly at astral characters: the 32nd code point back is the low half's pair, kept whole.
  const astral = '𝟏'.repeat(40) + 'X' + '🇰🇿'.repeat(20);
  const x = astral.indexOf('X');
  assert.equal(textBefore(astral, x, 32), '𝟏'.repeat(32));
  assert.equal(textAfter(astral, x + 1, 32), '🇰🇿'.repeat(16));
  assert.equal(textBefore(astral, x, 0), '');
  assert.equal(textBefore('', 0, 32), '');
  assert.equal(textAfter('ab', 2, 32), '');
  // A ZWJ sequence is cut between code points (32 of them), never inside one.
  const family = '👨‍👩‍👧‍👦'.repeat(10);
  const before = textBefore(family + 'Q', family.length, 32);
  assert.equal([...before].length, 32);
  assert.doesNotMatch(before, /\p{Cs}/u);
});

test('a v1 file still decodes through the one entry point: version 1, its labels as a schema without attributes', async () => {
  const doc = article('Four people died in Almaty.');
  const v1 = encodeSpanmarkV1({
    documents: [{ article: doc, annotations: [annotation(doc, 0, 16, { label: 'casualty' })] }],
    exportedAt: T0,
    generatorVersion: '0',
  });
  assert.ok(validateV1(v1));
  const r = await decodeSpanmark(serializeSpanmarkV1(v1), sha256Hex);
  assert.ok(r.ok);
  assert.equal(r.value.version, 1);
  assert.deepEqual(
    r.value.schema.labels.map((l) => [l.id, l.attributes.length]),
    [
      ['claim', 0],
      ['casualty', 0],
      ['deployment', 0],
    ],
  );
  assert.equal(r.value.documents[0]!.annotations[0]!.attributes, undefined);
  // v2 data written as v1 loses its values, and the count of them is known for the notice.
  const { doc: d2, annotations } = sample();
  assert.equal(attributeValueCount([{ article: d2, annotations }]), 15);
});

test('versions: 3 is from a newer Spanmark; the v1-only reader still refuses 2 in its own words', async () => {
  const e = refused(await decodeMutated((f) => (f.version = 3)));
  assert.deepEqual(codes(e), [['unsupported-version', 'version']]);
  assert.match(e.message, /version 3 was written by a newer Spanmark; this Spanmark reads versions 1 and 2 only/);
  const v1only = await import('../../../src/codecs/spanmark-v1/decode.js');
  const e2 = refused(await v1only.decodeSpanmarkV1(serializeSpanmark(encodeSample()), sha256Hex));
  assert.match(e2.message, /version 2 was written by a newer Spanmark; this Spanmark reads version 1 only/);
  // A v2 file shaped like v1 (labels, no schema) is named for what it lacks.
  const e3 = refused(
    await decodeMutated((f) => {
      f.labels = f.schema.labels;
      delete f.schema;
    }),
  );
  assert.deepEqual(codes(e3)[0], ['schema', 'schema']);
});

const ANN = 'documents[0].annotations';

test('every wrong value is refused with its JSON path, and nothing of the file is returned', async () => {
  // Annotations in file order: 0 Tokayev (actor), 1 Almaty, 2 order is restored (claim), 3 𝟏𝟖 … (casualty), …
  const file = encodeSample();
  const idx = (quote: string) => file.documents[0]!.annotations.findIndex((a) => a.quote === quote);
  const claim = idx('order is restored');
  const killed = idx('𝟏𝟖 security officers were killed');
  const cases: [string, (f: Loose) => void, string, string][] = [
    ['wrong type', (f) => (f.documents[0].annotations[killed].attributes.count = '18'), 'bad-attribute', `${ANN}[${killed}].attributes.count`],
    [
      'quantity with both shapes',
      (f) => (f.documents[0].annotations[killed].attributes.count = { value: 1, qualifier: 'exact', min: 1, max: 2 }),
      'bad-attribute',
      `${ANN}[${killed}].attributes.count`,
    ],
    [
      'negative count',
      (f) => (f.documents[0].annotations[killed].attributes.count = { value: -1, qualifier: 'exact' }),
      'bad-attribute',
      `${ANN}[${killed}].attributes.count`,
    ],
    [
      'range upside down',
      (f) => (f.documents[0].annotations[killed].attributes.count = { min: 9, max: 2 }),
      'bad-attribute',
      `${ANN}[${killed}].attributes.count`,
    ],
    [
      'unknown qualifier',
      (f) => (f.documents[0].annotations[killed].attributes.count = { value: 2, qualifier: 'roughly' }),
      'bad-attribute',
      `${ANN}[${killed}].attributes.count`,
    ],
    ['choice not in the list', (f) => (f.documents[0].annotations[killed].attributes.group = 'aliens'), 'bad-attribute', `${ANN}[${killed}].attributes.group`],
    ['multiple given one string', (f) => (f.documents[0].annotations[killed].attributes.kind = 'killed'), 'bad-attribute', `${ANN}[${killed}].attributes.kind`],
    [
      'multiple with a repeat',
      (f) => (f.documents[0].annotations[killed].attributes.kind = ['killed', 'killed']),
      'bad-attribute',
      `${ANN}[${killed}].attributes.kind`,
    ],
    [
      'single choice given a list',
      (f) => (f.documents[0].annotations[claim].attributes.stance = ['asserted']),
      'bad-attribute',
      `${ANN}[${claim}].attributes.stance`,
    ],
    ['date that is no date', (f) => (f.documents[0].annotations[killed].attributes.date = '2022-02-30'), 'bad-attribute', `${ANN}[${killed}].attributes.date`],
    ['boolean as a string', (f) => (f.documents[0].annotations[claim].attributes.verified = 'false'), 'bad-attribute', `${ANN}[${claim}].attributes.verified`],
    ['null', (f) => (f.documents[0].annotations[claim].attributes.source = null), 'bad-attribute', `${ANN}[${claim}].attributes.source`],
    [
      'text with a lone surrogate',
      (f) => (f.documents[0].annotations[claim].attributes.source = '\ud800x'),
      'bad-attribute',
      `${ANN}[${claim}].attributes.source`,
    ],
    ['unknown attribute', (f) => (f.documents[0].annotations[claim].attributes.mood = 'grim'), 'unknown-attribute', `${ANN}[${claim}].attributes.mood`],
    [
      'another label’s attribute',
      (f) => (f.documents[0].annotations[claim].attributes.count = { value: 1, qualifier: 'exact' }),
      'unknown-attribute',
      `${ANN}[${claim}].attributes.count`,
    ],
    [
      'a prototype key',
      (f) => (f.documents[0].annotations[claim].attributes = JSON.parse('{"__proto__": {"polluted": true}}')),
      'unknown-attribute',
      `${ANN}[${claim}].attributes.__proto__`,
    ],
    ['an odd key', (f) => (f.documents[0].annotations[claim].attributes['a b.c'] = 1), 'unknown-attribute', `${ANN}[${claim}].attributes["a b.c"]`],
    ['attributes as a list', (f) => (f.documents[0].annotations[claim].attributes = []), 'schema', `${ANN}[${claim}].attributes`],
    ['link to nothing', (f) => (f.documents[0].annotations[claim].attributes.speaker = 'nobody'), 'bad-link', `${ANN}[${claim}].attributes.speaker`],
    [
      'link to a label not allowed',
      (f) => (f.documents[0].annotations[claim].attributes.speaker = f.documents[0].annotations[killed].id),
      'bad-link',
      `${ANN}[${claim}].attributes.speaker`,
    ],
    ['link as a number', (f) => (f.documents[0].annotations[claim].attributes.speaker = 7), 'bad-attribute', `${ANN}[${claim}].attributes.speaker`],
    ['label not in the schema', (f) => (f.documents[0].annotations[claim].label = 'rumour'), 'unknown-label', `${ANN}[${claim}].label`],
    ['prefix that is not the text', (f) => (f.documents[0].annotations[claim].prefix = 'says «'), 'context-mismatch', `${ANN}[${claim}].prefix`],
    ['suffix too long', (f) => (f.documents[0].annotations[claim].suffix = 'x'.repeat(33)), 'schema', `${ANN}[${claim}].suffix`],
    ['label id with a dot', (f) => (f.schema.labels[3].id = 'ac.tor'), 'schema', 'schema.labels[3].id'],
    ['label id __proto__', (f) => (f.schema.labels[3].id = '__proto__'), 'schema', 'schema.labels[3].id'],
    ['label listed twice', (f) => f.schema.labels.push({ id: 'claim', name: 'Again' }), 'duplicate-id', 'schema.labels[4].id'],
    ['unknown attribute type', (f) => (f.schema.labels[0].attributes[0].type = 'colour'), 'schema', 'schema.labels[0].attributes[0].type'],
    ['choice without values', (f) => delete f.schema.labels[0].attributes[1].values, 'schema', 'schema.labels[0].attributes[1].values'],
    ['link target label unknown', (f) => (f.schema.labels[0].attributes[3].targets = ['ghost']), 'unknown-label', 'schema.labels[0].attributes[3].targets[0]'],
    ['colour that is CSS', (f) => (f.schema.labels[3].color = 'red; background: url(x)'), 'schema', 'schema.labels[3].color'],
    ['schema version', (f) => (f.schema.version = 0), 'schema', 'schema.version'],
  ];
  for (const [why, mutate, code, path] of cases) {
    const e = refused(await decodeMutated(mutate), why);
    assert.ok(
      e.problems.some((p) => p.code === code && p.path === path),
      `${why}: expected ${code} at ${path}, got ${JSON.stringify(codes(e))}`,
    );
    assert.ok(e.message.length > 0 && !/undefined|\[object/.test(e.problems.map((p) => p.message).join(' ')), `${why}: ${e.message}`);
  }
  assert.equal(({} as Loose).polluted, undefined);
});

test('a missing required value is accepted with a warning naming where; labels given only id and name get defaults', async () => {
  const r = await decodeMutated((f) => {
    const killed = f.documents[0].annotations.find((a: Loose) => a.label === 'casualty');
    delete killed.attributes.count;
    f.schema.labels[3] = { id: 'actor', name: 'actor', attributes: [{ id: 'role', name: 'Role', type: 'text' }] };
  });
  assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
  const lib = r.value as Awaited<ReturnType<typeof decodeSpanmark>> extends Result<infer V, DecodeProblem> ? V : never;
  assert.equal(lib.warnings.length, 1);
  assert.equal(lib.warnings[0]!.code, 'missing-required');
  assert.match(lib.warnings[0]!.path!, /^documents\[0\]\.annotations\[\d+\]\.attributes$/);
  assert.match(lib.warnings[0]!.message, /required attribute "count" of "casualty" is not set/);
  const actor = lib.schema.labels.find((l) => l.id === ('actor' as LabelId))!;
  assert.deepEqual(
    { ...actor, color: actor.color.length },
    {
      id: 'actor',
      name: 'actor',
      color: 7,
      glyph: 'A',
      underline: 'solid',
      description: '',
      guidelines: [],
      attributes: [{ id: 'role', name: 'Role', type: 'text' }],
    },
  );
});

test('hostile inputs come back as clean refusals: huge numbers, deep nesting, many attributes', async () => {
  // 1e400 parses as Infinity: written as text, since JSON.stringify would turn it into null.
  const text = serializeSpanmark(encodeSample());
  const huge = text.replace('"count":{"value":18,', '"count":{"value":1e400,');
  assert.notEqual(huge, text);
  const big = refused(await decodeSpanmark(huge, sha256Hex));
  assert.equal(big.code, 'bad-attribute');
  // Nested 5,000 deep, written as text (building it as an object would overflow the test itself).
  const json = serializeSpanmark(encodeSample());
  const deep = `${'{"value":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const hostile = json.replace(/"attributes":\{"role":"[^"]*"\}/, `"attributes":{"role":${deep}}`);
  assert.notEqual(hostile, json);
  const nested = refused(await decodeSpanmark(hostile, sha256Hex));
  assert.equal(nested.code, 'bad-attribute');
  const many = refused(
    await decodeMutated((f) => {
      for (let i = 0; i < 1000; i++) f.documents[0].annotations[0].attributes[`k${i}`] = i;
    }),
  );
  assert.equal(many.problems.length, 20);
});

/** The two ways a v2 file is written: encoded whole then serialised, or serialised as its records are built (an export). */
const WRITERS: readonly (readonly [string, (input: EncodeInputV2) => string])[] = [
  ['encodeSpanmarkV2', (input) => serializeSpanmark(encodeSpanmarkV2(input))],
  ['encodeSpanmarkV2ForWriting', (input) => serializeSpanmarkInPieces(encodeSpanmarkV2ForWriting(input)).pieces.join('')],
];

test('the encoder refuses what the reader would: a value its schema forbids, a dangling link, an id no reader can key', () => {
  const { doc, annotations } = sample();
  for (const [name, write] of WRITERS) {
    const encode =
      (list: Annotation[], schema: LabelSchema = SCHEMA) =>
      () =>
        write({ documents: [{ article: doc, annotations: list }], exportedAt: T0, generatorVersion: '0', schema });
    const claimAt = annotations.findIndex((a) => a.quote === 'order is restored');
    const withClaim = (attributes: NonNullable<Annotation['attributes']>) => annotations.map((a, i) => (i === claimAt ? { ...a, attributes } : a));
    // Paths count the annotations in the order the file lists them: by position in the text.
    const listed = sortAnnotations(annotations).findIndex((a) => a.quote === 'order is restored');
    const at = (key: string) => (e: unknown) => e instanceof SpanmarkEncodeError && e.path === `documents[0].annotations[${listed}].attributes.${key}`;
    assert.throws(encode(withClaim({ stance: 'shouted' })), at('stance'), name);
    assert.throws(encode(withClaim({ mood: 'x' })), at('mood'), name);
    assert.throws(encode(withClaim({ speaker: 'gone' })), at('speaker'), name);
    assert.throws(
      encode(withClaim({ speaker: 7 as unknown as string })),
      (e: unknown) => at('speaker')(e) && /must be the target annotation's id/.test((e as Error).message),
      name,
    );
    // A text value with a lone surrogate has no UTF-8 form: refused with its path, not written as U+FFFD.
    assert.throws(
      encode(withClaim({ source: 'the ministry \ud83c' })),
      (e: unknown) => at('source')(e) && /unpaired surrogate/.test((e as Error).message),
      name,
    );
    assert.throws(
      encode(annotations.map((a, i) => (i === claimAt ? { ...a, label: 'rumour' } : a))),
      (e: unknown) => e instanceof SpanmarkEncodeError && e.path === `documents[0].annotations[${listed}].label`,
      name,
    );
    assert.throws(
      encode(annotations, { ...SCHEMA, labels: [...SCHEMA.labels, { ...ACTOR, id: 'bad id' }] }),
      (e: unknown) => e instanceof SpanmarkEncodeError && e.path === 'schema.labels[4].id',
      name,
    );
  }
});

test('an export writes each annotation’s record as it reaches it, once, and the same text as the file encoded whole', () => {
  const { doc, annotations } = sample();
  // Only building a record reads a note: counting the reads counts the records built.
  let built = 0;
  const counted = annotations.map((a, i) => {
    const note = i % 2 === 0 ? `note ${i}\r\n«${'ب'.repeat(i)}» 👩‍💻` : undefined;
    return Object.defineProperty({ ...a }, 'note', { enumerable: note !== undefined, get: () => (built++, note) });
  });
  const other = article(`${TEXT}\nA second document.`, { title: 'Second «ب»' });
  const input: EncodeInputV2 = {
    documents: [
      { article: doc, annotations: counted },
      { article: other, annotations: [] },
    ],
    exportedAt: T0,
    generatorVersion: '0.2.0',
    exportedBy: { id: 'inst-1', name: 'Айгерим' },
    schema: SCHEMA,
  };
  const whole = serializeSpanmark(encodeSpanmarkV2(input));
  const readsForAll = built;
  assert.ok(readsForAll >= annotations.length);
  built = 0;
  const file = encodeSpanmarkV2ForWriting(input);
  assert.equal(built, 0, 'records were built before the serialiser asked for them');
  const { pieces } = serializeSpanmarkInPieces(file, 64);
  assert.equal(built, readsForAll, 'each record is built once, when written');
  assert.equal(pieces.join(''), whole);
  assert.equal(serializeSpanmark(file), whole);
  assert.ok(whole.includes('"annotations": []') || /"annotations":\[\]/.test(whole), 'the empty document is written as the whole file writes it');
});
