// The format registry, loss helpers and label mapping: the pieces the dialogs and the CLI call.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnyFormatCodec, InterchangeDocument } from '../../../../src/codecs/registry/format.js';
import { applyLabelMapping, matchLabels } from '../../../../src/codecs/registry/label-mapping.js';
import { capabilityLosses, keepNonOverlapping, LOSS, MAX_LOSS_EXAMPLES } from '../../../../src/codecs/registry/losses.js';
import {
  codecById,
  codecsForFileName,
  decodeFiles,
  detectFormat,
  FORMATS,
  formatIds,
  formatLossReport,
  importLosses,
} from '../../../../src/codecs/registry/registry.js';
import {
  spanmarkCodec,
  spanmarkV1Codec,
  UNFIT_VALUE_LOSS,
  UNKNOWN_LABEL_LOSS,
  UNWRITABLE_LABEL_LOSS,
  V1_VALUE_LOSS,
} from '../../../../src/codecs/spanmark/index.js';
import { DEFAULT_SCHEMA } from '../../../../src/labels/schema.js';
import { errors, file, textOf } from './helpers.js';

test('registry: ids are unique and found case-insensitively', () => {
  const ids = formatIds();
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ['spanmark', 'spanmark-v1', 'brat', 'webanno-tsv', 'conll']) assert.equal(codecById(id.toUpperCase())?.id, id);
  assert.equal(codecById('nope'), undefined);
});

test('registry: by extension, the longest extension wins', () => {
  assert.equal(codecsForFileName('x.spanmark.json')[0]?.id, 'spanmark');
  assert.equal(codecsForFileName('DOC.ANN')[0]?.id, 'brat');
  assert.equal(codecsForFileName('doc.tsv')[0]?.id, 'webanno-tsv');
  assert.equal(codecsForFileName('doc.iob')[0]?.id, 'conll');
  assert.deepEqual(codecsForFileName('doc.pdf'), []);
});

test('registry: sniffing tells the formats apart by content, whatever the names', () => {
  assert.equal(detectFormat([file('a.json', '{"format": "spanmark", "version": 1}')])?.id, 'spanmark');
  assert.equal(detectFormat([file('a.txt', '#FORMAT=WebAnno TSV 3.3\n')])?.id, 'webanno-tsv');
  assert.equal(detectFormat([file('a.txt', 'Some text'), file('a.ann', 'T1\tclaim 0 4\tSome\n')])?.id, 'brat');
  assert.equal(detectFormat([file('a.data', 'Almaty B-LOC\nsaid O\n')])?.id, 'conll');
  assert.equal(detectFormat([file('a.md', '# Title\n\nProse here.\n')]), undefined);
  assert.equal(detectFormat([]), undefined);
});

test('registry: a throwing sniff or decode becomes a refusal, not a crash', async () => {
  const broken: AnyFormatCodec = {
    ...FORMATS[1]!,
    id: 'broken',
    sniff: () => {
      throw new Error('boom');
    },
    decode: () => {
      throw new Error('boom');
    },
  };
  assert.equal(detectFormat([file('a.x', 'x')], [broken]), undefined);
  const result = await decodeFiles(broken, [file('a.x', 'x')]);
  assert.equal(result.problems[0]?.severity, 'error');
  assert.match(result.problems[0].message, /boom/);
});

const DOC: InterchangeDocument = {
  text: 'Police said 18 were killed in Almaty',
  annotations: [
    { id: 'c', label: 'claim', start: 0, end: 36, quote: 'Police said 18 were killed in Almaty', annotator: 'ana', note: 'n' },
    { id: 'x', label: 'casualty', start: 12, end: 26, quote: '18 were killed', annotator: 'ben', attributes: { status: 'confirmed', cause: 'c' } },
    {
      id: 'd',
      label: 'deployment',
      start: 20,
      end: 36,
      quote: 'killed in Almaty',
      annotator: 'ana',
      fragments: [
        { start: 20, end: 26 },
        { start: 30, end: 36 },
      ],
    },
  ],
};

test('losses: each capability a format lacks is counted with examples', () => {
  const none = {
    overlaps: false,
    discontinuous: false,
    attributes: false,
    notes: false,
    links: false,
    annotators: false,
    exactText: true,
    offsetUnit: 'codepoint' as const,
  };
  const losses = new Map(
    capabilityLosses(none, [DOC], DEFAULT_SCHEMA)
      .losses()
      .map((l) => [l.what, l]),
  );
  assert.equal(losses.get(LOSS.overlaps)?.count, 2);
  assert.equal(losses.get(LOSS.discontinuous)?.count, 1);
  assert.equal(losses.get(LOSS.notes)?.count, 1);
  assert.equal(losses.get(LOSS.links)?.count, 1, '"cause" holds another annotation\'s id');
  assert.equal(losses.get(LOSS.attributes)?.count, 1);
  assert.equal(losses.get(LOSS.annotators)?.count, 3);
  assert.deepEqual(losses.get(LOSS.notes)?.examples, ['"Police said 18 were killed in Almaty" (claim)']);
  const all = { ...none, overlaps: true, discontinuous: true, attributes: true, notes: true, links: true, annotators: true };
  assert.deepEqual(capabilityLosses(all, [DOC], DEFAULT_SCHEMA).losses(), []);
  const many: InterchangeDocument = {
    text: 'aaaaaaaaaa',
    annotations: Array.from({ length: 9 }, (_, i) => ({ id: `${i}`, label: 'claim', start: 0, end: 1 + i, quote: '', note: 'x' })),
  };
  const notes = capabilityLosses(none, [many], DEFAULT_SCHEMA)
    .losses()
    .find((l) => l.what === LOSS.notes)!;
  assert.equal(notes.count, 9);
  assert.equal(notes.examples.length, MAX_LOSS_EXAMPLES);
  assert.match(formatLossReport(spanmarkCodec, [notes]), /9 × notes, e\.g\./);
  assert.match(formatLossReport(spanmarkCodec, []), /Nothing is lost/);
});

test('losses: keepNonOverlapping keeps the outer span of a nest and the first of a crossing', () => {
  const { kept, dropped } = keepNonOverlapping([
    { start: 5, end: 8 },
    { start: 0, end: 10 },
    { start: 9, end: 12 },
    { start: 10, end: 11 },
  ]);
  assert.deepEqual(kept, [
    { start: 0, end: 10 },
    { start: 10, end: 11 },
  ]);
  assert.equal(dropped.length, 2);
});

test('label mapping: same id and same name (any case) merge; decisions map, add or skip', () => {
  const fileLabels = [
    { id: 'claim', name: 'claim' },
    { id: 'CASUALTY', name: 'CASUALTY' },
    { id: 'troops', name: 'Troops' },
    { id: 'PER', name: 'PER' },
    { id: 'LOC', name: 'LOC' },
    { id: 'MISC', name: 'MISC' },
  ];
  assert.deepEqual(
    matchLabels(fileLabels, DEFAULT_SCHEMA).map((m) => m.kind),
    ['same-id', 'same-name', 'undecided', 'undecided', 'undecided', 'undecided'],
  );
  const doc: InterchangeDocument = {
    text: 'Tokayev in Almaty sent troops; MISC',
    annotations: [
      { id: '1', label: 'PER', start: 0, end: 7, quote: 'Tokayev' },
      { id: '2', label: 'LOC', start: 11, end: 17, quote: 'Almaty', attributes: { near: '1' } },
      { id: '3', label: 'troops', start: 18, end: 29, quote: 'sent troops', attributes: { where: '2', who: '1' } },
      { id: '4', label: 'CASUALTY', start: 0, end: 7, quote: 'Tokayev' },
      { id: '5', label: 'MISC', start: 31, end: 35, quote: 'MISC' },
    ],
  };
  const result = applyLabelMapping([doc], fileLabels, DEFAULT_SCHEMA, {
    troops: { kind: 'map', to: 'deployment' },
    PER: { kind: 'skip' },
    LOC: { kind: 'add', name: 'Place' },
  });
  assert.deepEqual(result.added, [{ id: 'place', name: 'Place', fileLabel: 'LOC' }]);
  assert.deepEqual(
    result.documents[0]!.annotations.map((a) => `${a.id}:${a.label}`),
    ['2:place', '3:deployment', '4:casualty'],
  );
  assert.deepEqual(result.undecided, [{ id: 'MISC', name: 'MISC' }]);
  assert.deepEqual(
    result.skipped.map((l) => [l.what, l.count]),
    [
      ['annotations labelled "PER"', 1],
      ['annotations labelled "MISC"', 1],
    ],
  );
  assert.equal(result.brokenLinks[0]?.count, 2, 'links to the skipped PER span are removed and named');
  assert.deepEqual(result.documents[0]!.annotations[1]!.attributes, { where: '2' });
  assert.equal(result.mapping['CASUALTY'], 'casualty');
});

test('label mapping: a new label never takes an existing id; a map to an unknown label is no decision', () => {
  const doc: InterchangeDocument = {
    text: 'ab',
    annotations: [
      { id: '1', label: 'x', start: 0, end: 1, quote: 'a' },
      { id: '2', label: 'y', start: 1, end: 2, quote: 'b' },
    ],
  };
  const result = applyLabelMapping([doc], [], DEFAULT_SCHEMA, { x: { kind: 'add', name: 'Claim!' }, y: { kind: 'map', to: 'nope' } });
  assert.equal(result.added[0]!.id, 'claim-2');
  assert.deepEqual(result.undecided, [{ id: 'y', name: 'y' }]);
});

test('registry: importing into the library names only discontinuity as lost', () => {
  const losses = importLosses([DOC], DEFAULT_SCHEMA);
  assert.deepEqual(
    losses.map((l) => [l.what, l.count]),
    [[LOSS.discontinuous, 1]],
  );
});

test('label mapping: a file label called __proto__ is mapped like any other', () => {
  const doc: InterchangeDocument = { text: 'ab', annotations: [{ id: '1', label: '__proto__', start: 0, end: 1, quote: 'a' }] };
  const result = applyLabelMapping([doc], [], DEFAULT_SCHEMA, { ['__proto__']: { kind: 'map', to: 'claim' } });
  assert.deepEqual(
    result.documents[0]!.annotations.map((a) => a.label),
    ['claim'],
  );
  assert.equal(Object.getOwnPropertyDescriptor(result.mapping, '__proto__')?.value, 'claim');
});

test("registry: the JSON formats' own fixture files are recognised among all formats (content and extension)", async () => {
  const { readFile } = await import('node:fs/promises');
  const dir = new URL('../fixtures/interop/', import.meta.url);
  const cases: [string, string][] = [
    ['label-studio/export-codepoints.json', 'label-studio'],
    ['label-studio/export-min.json', 'label-studio'],
    ['doccano/entities.jsonl', 'doccano'],
    ['doccano/label.jsonl', 'doccano'],
    ['spacy/prodigy.jsonl', 'spacy'],
    ['web-annotation/codepoints.jsonld', 'web-annotation'],
  ];
  for (const [path, id] of cases) {
    const bytes = new Uint8Array(await readFile(new URL(path, dir)));
    assert.equal(detectFormat([{ name: path.split('/')[1]!, bytes }])?.id, id, path);
  }
});

test('registry: spanmark-v1 never claims a file; the spanmark entry reads both versions', async () => {
  const v1 = file('a.json', '{"format": "spanmark", "version": 1}');
  assert.equal(spanmarkV1Codec.sniff([v1]), false);
  assert.equal(detectFormat([v1])?.id, 'spanmark');
  assert.equal(detectFormat([file('a.json', '{"format": "spanmark", "version": 2}')])?.id, 'spanmark');
  assert.equal(codecsForFileName('x.spanmark.json')[0]?.id, 'spanmark');
  assert.equal(spanmarkCodec.capabilities.attributes && spanmarkCodec.capabilities.links, true);
  assert.equal(spanmarkV1Codec.capabilities.attributes || spanmarkV1Codec.capabilities.links, false);
});

const story = 'Four 👨‍👩‍👧‍👦 died in Алматы.';
const fourDied: InterchangeDocument = {
  text: story,
  annotations: [
    { id: 'a', label: 'casualty', start: 0, end: 4, quote: 'Four', attributes: { count: { value: 4, qualifier: 'exact' }, kind: ['killed'] } },
    { id: 'b', label: 'ORG', start: 21, end: 27, quote: 'Алматы', attributes: { about: 'a', tone: 'calm', sure: true } },
    { id: 'c', label: 'two words', start: 0, end: 4, quote: 'Four' },
  ],
};

test('spanmark-v1: names every attribute value it leaves out, one by one, and labels v1 cannot carry', async () => {
  const losses = spanmarkV1Codec.losses([fourDied], DEFAULT_SCHEMA);
  assert.deepEqual(
    losses.map((l) => [l.what, l.count]),
    [
      [V1_VALUE_LOSS, 2],
      [UNKNOWN_LABEL_LOSS, 2],
    ],
  );
  assert.deepEqual(losses[0]!.examples, ['"Four" (casualty) count', '"Four" (casualty) kind']);
  const { files, losses: written } = await spanmarkV1Codec.encode([fourDied], DEFAULT_SCHEMA, 'story');
  assert.deepEqual(written, losses);
  const json = JSON.parse(textOf(files[0]!));
  assert.equal(json.version, 1);
  assert.deepEqual(
    json.documents[0].annotations.map((a: { id: string; attributes?: unknown }) => [a.id, a.attributes]),
    [['a', undefined]],
  );
  const back = await spanmarkCodec.decode(files);
  assert.deepEqual(errors(back), []);
  assert.deepEqual(back.documents[0]!.annotations[0]!.attributes, undefined);
});

test('spanmark: labels and attributes the schema lacks are defined from the values; what it cannot write is named', async () => {
  const losses = spanmarkCodec.losses([fourDied], DEFAULT_SCHEMA);
  assert.deepEqual(
    losses.map((l) => [l.what, l.count, l.examples]),
    [[UNWRITABLE_LABEL_LOSS, 1, ['"Four" (two words)']]],
  );
  const { files } = await spanmarkCodec.encode([fourDied], DEFAULT_SCHEMA, 'story');
  const back = await spanmarkCodec.decode(files);
  assert.deepEqual(errors(back), []);
  const org = back.schema?.labels.find((l) => l.id === 'ORG');
  assert.deepEqual(
    org?.attributes.map((a) => [a.id, a.type]),
    [
      ['about', 'link'],
      ['tone', 'text'],
      ['sure', 'boolean'],
    ],
  );
  assert.deepEqual(
    back.documents[0]!.annotations.map((a) => [a.id, a.attributes]),
    [
      ['a', { count: { value: 4, qualifier: 'exact' }, kind: ['killed'] }],
      ['b', { about: 'a', tone: 'calm', sure: true }],
    ],
  );
  // A value the schema's definition refuses is left out and named, not written for the reader to refuse.
  const wrong: InterchangeDocument = {
    ...fourDied,
    annotations: [{ ...fourDied.annotations[0]!, attributes: { kind: ['fled'], count: { value: 4, qualifier: 'exact' } } }],
  };
  const w = await spanmarkCodec.encode([wrong], DEFAULT_SCHEMA, 'story');
  assert.deepEqual(
    w.losses.map((l) => [l.what, l.count, l.examples]),
    [[UNFIT_VALUE_LOSS, 1, ['"Four" (casualty) kind']]],
  );
  assert.deepEqual(JSON.parse(textOf(w.files[0]!)).documents[0].annotations[0].attributes, { count: { value: 4, qualifier: 'exact' } });
});
