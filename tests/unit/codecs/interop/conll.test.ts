// CoNLL-2003 / IOB2: fixtures written from the shared task's description (four columns, the NE tag
// last, -DOCSTART- lines, sentences separated by blank lines) and IOB1's definition.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conllCodec, LINE_BREAK_LOSS, PARTIAL_TOKEN_LOSS } from '../../../../src/codecs/conll/index.js';
import { LOSS } from '../../../../src/codecs/registry/losses.js';
import { DEFAULT_SCHEMA } from '../../../../src/labels/schema.js';
import { assertQuotesMatch, errors, file, textOf, warnings } from './helpers.js';

const CONLL = [
  '-DOCSTART- -X- -X- O',
  '',
  'Tokayev NNP B-NP B-PER',
  'said VBD B-VP O',
  '18 CD B-NP B-NUM',
  '😢 SYM O O',
  'officers NNS I-NP O',
  'died VBD B-VP O',
  '',
  '',
  '',
  'Nur-Sultan NNP B-NP B-LOC',
  'and CC O O',
  'Almaty NNP B-NP B-LOC',
  'city NN I-NP I-LOC',
  '𝟐𝟎 CD I-NP B-NUM',
  '',
  '-DOCSTART- -X- -X- O',
  '',
  'CSTO NNP B-NP B-ORG',
  'troops NNS I-NP O',
].join('\r\n'); // CRLF, runs of blank lines, no final newline

test('CoNLL-2003: documents, sentences, runs of blank lines, CRLF, astral tokens, no final newline', () => {
  const result = conllCodec.decode([file('ner.conll', CONLL)]);
  assert.deepEqual(errors(result), []);
  assert.deepEqual(warnings(result), []);
  assert.equal(result.documents.length, 2);
  const [one, two] = result.documents;
  assert.equal(one!.text, 'Tokayev said 18 😢 officers died\nNur-Sultan and Almaty city 𝟐𝟎');
  assert.equal(two!.text, 'CSTO troops');
  for (const d of result.documents) assertQuotesMatch(d);
  // Every span's text is its tokens from the file joined by one space.
  assert.deepEqual(
    one!.annotations.map((a) => `${a.label}:${a.quote}`),
    ['PER:Tokayev', 'NUM:18', 'LOC:Nur-Sultan', 'LOC:Almaty city', 'NUM:𝟐𝟎'],
  );
  assert.deepEqual(
    two!.annotations.map((a) => `${a.label}:${a.quote}`),
    ['ORG:CSTO'],
  );
});

test('CoNLL: IOB1 is read (I- starts a span; B- separates two of one type) and said so', () => {
  const iob1 = 'The O\nAlmaty I-LOC\nAstana B-LOC\npolice I-ORG\nforce I-ORG\n';
  const result = conllCodec.decode([file('x.iob', iob1)]);
  assert.deepEqual(errors(result), []);
  assert.match(warnings(result).join(''), /IOB1/);
  assert.deepEqual(
    result.documents[0]!.annotations.map((a) => `${a.label}:${a.quote}`),
    ['LOC:Almaty', 'LOC:Astana', 'ORG:police force'],
  );
});

test('CoNLL: IOBES and BILOU tags are read', () => {
  const result = conllCodec.decode([file('x.bio', 'CSTO S-ORG\ntroops O\nNur E-X\nSultan U-LOC\nAbai B-LOC\nAvenue L-LOC\nx O\n')]);
  assert.deepEqual(errors(result), []);
  assert.deepEqual(
    result.documents[0]!.annotations.map((a) => `${a.label}:${a.quote}`),
    ['ORG:CSTO', 'X:Nur', 'LOC:Sultan', 'LOC:Abai Avenue'],
  );
});

test('CoNLL: a line without a valid tag is refused with file:line', () => {
  const result = conllCodec.decode([file('bad.conll', 'Almaty B-LOC\nsaid\nx Q-LOC\n')]);
  assert.equal(result.documents.length, 0);
  assert.match(errors(result)[0]!, /bad\.conll:2/);
  assert.match(errors(result)[1]!, /bad\.conll:3/);
});

test('CoNLL: export tokenises (punctuation and emoji sequences apart), writes IOB2 and names every loss', () => {
  const text = 'Police said “18 killed” 👨‍👩‍👧 in Almaty.\nTroops moved';
  const at = (s: string): number => text.indexOf(s);
  const doc = {
    text,
    annotations: [
      { id: 'claim', label: 'claim', start: 0, end: at('.'), quote: '', annotator: 'ana', note: 'n' },
      { id: 'cas', label: 'casualty', start: at('18'), end: at('killed') + 6, quote: '', annotator: 'ben', attributes: { status: 'confirmed' } },
      { id: 'part', label: 'deployment', start: at('Alm') + 1, end: at('.'), quote: '' },
      { id: 'cross', label: 'deployment', start: at('.') + 2, end: text.length, quote: '' },
    ],
  };
  const { files, losses } = conllCodec.encode([doc], DEFAULT_SCHEMA, 'out');
  const out = textOf(files[0]!);
  assert.equal(files[0]!.name, 'out.conll');
  assert.match(out, /^“ I-claim$/m);
  assert.match(out, /^👨‍👩‍👧 I-claim$/m, 'a ZWJ family is one token');
  assert.match(out, /^\. O$/m);
  assert.match(out, /^Troops B-deployment\nmoved I-deployment$/m);
  const by = new Map(losses.map((l) => [l.what, l.count]));
  assert.equal(by.get(LOSS.overlaps), 2, 'the casualty nested in the claim and the partial deployment are dropped');
  assert.equal(by.get(LOSS.notes), 1);
  assert.equal(by.get(LOSS.attributes), 1);
  assert.equal(by.get(LOSS.annotators), 4);
  assert.equal(by.get(PARTIAL_TOKEN_LOSS), 1);
  assert.equal(by.get(LINE_BREAK_LOSS), undefined);
  assert.deepEqual(conllCodec.losses([doc], DEFAULT_SCHEMA), losses);
});

test('CoNLL: a span across a line break is split and said so', () => {
  const doc = { text: 'a b\nc d', annotations: [{ id: 'x', label: 'claim', start: 2, end: 5, quote: 'b\nc' }] };
  const { files, losses } = conllCodec.encode([doc], DEFAULT_SCHEMA, 'o');
  assert.equal(losses.find((l) => l.what === LINE_BREAK_LOSS)?.count, 1);
  assert.match(textOf(files[0]!), /^b B-claim\n\nc B-claim$/m);
});

test('CoNLL: sniff accepts token-tag lines, not prose or brat', () => {
  assert.ok(conllCodec.sniff([file('a.txt', CONLL)]));
  assert.ok(!conllCodec.sniff([file('a.txt', 'This is prose, not tags.\n')]));
  assert.ok(!conllCodec.sniff([file('a.ann', 'T1\tclaim 0 4\tSome\n')]));
});
