// spaCy / Prodigy JSONL against fixtures written from their documentation (fixtures/interop/make.py):
// two annotators' records of one text (one document), an astral digit span, a ZWJ family, RTL, CRLF
// inside the text, no final newline, a rejected answer, token_end inclusive, spaCy's Doc.to_json
// shape. Every span is checked against the file's own token texts and its code point slice.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spacyCodec } from '../../../src/codecs/spacy/index.js';
import { assertWellFormed, cpSlice, errors, file, fixture, fixtureLines, lf, warnings } from './interop-helpers.js';

interface Rec {
  text: string;
  tokens: { text: string; start: number; end: number; id: number }[];
  spans: { start: number; end: number; token_start: number; token_end: number; label: string }[];
  _annotator_id?: string;
  answer?: string;
}

test('Prodigy records: one document per text, annotators kept, spans match their tokens', () => {
  const r = spacyCodec.decode([fixture('spacy/prodigy.jsonl')]);
  assert.deepEqual(errors(r), []);
  assert.equal(r.offsetUnitFound, 'codepoint');
  assertWellFormed(r.documents);
  const recs = fixtureLines('spacy/prodigy.jsonl') as Rec[];
  assert.equal(r.documents.length, 2);
  const accepted = recs.filter((x) => x.answer !== 'reject');
  for (const rec of accepted) {
    const doc = r.documents.find((d) => d.text === lf(rec.text))!;
    const mine = doc.annotations.filter((a) => a.annotator === rec._annotator_id);
    assert.equal(mine.length, rec.spans.length);
    rec.spans.forEach((s, i) => {
      const own = cpSlice(rec.text, s.start, s.end);
      // The file's own token texts bound the span (token_end inclusive).
      assert.ok(own.startsWith(rec.tokens[s.token_start]!.text) && own.endsWith(rec.tokens[s.token_end]!.text));
      assert.equal(mine[i]!.quote, lf(own));
      assert.equal(mine[i]!.label, s.label);
    });
  }
  assert.deepEqual([...new Set(r.documents[0]!.annotations.map((a) => a.annotator))], ['news-alice', 'news-bob']);
  assert.deepEqual(r.documents[0]!.metadata, { source: 'wire' });
  assert.match(warnings(r)[0]!.message, /reject/);
  assert.ok(r.documents[1]!.annotations.some((a) => a.quote === '👨‍👩‍👧‍👦'));
});

test('an exclusive token_end is refused, saying that token_end is inclusive', () => {
  const r = spacyCodec.decode([fixture('spacy/exclusive-token-end.jsonl')]);
  assert.equal(r.documents.length, 0);
  assert.equal(errors(r)[0]!.where, 'exclusive-token-end.jsonl:1.spans[1].token_end');
  assert.match(errors(r)[0]!.message, /inclusive/);
});

test('UTF-16 offsets (an emoji counted as two) are refused where the span carries its text', () => {
  const r = spacyCodec.decode([fixture('spacy/utf16-spans.jsonl')]);
  assert.equal(r.documents.length, 0);
  assert.match(errors(r)[0]!.message, /counted in code points/);
});

test('tokens that disagree with the text are refused', () => {
  const r = spacyCodec.decode([file('t.jsonl', '{"text": "🔥 ab", "tokens": [{"text": "ab", "start": 3, "end": 5, "id": 0}], "spans": []}')]);
  assert.equal(errors(r)[0]!.where, 't.jsonl:1.tokens[0]');
});

test("spaCy's Doc.to_json: ents and span groups", () => {
  const r = spacyCodec.decode([fixture('spacy/doc.json')]);
  assert.deepEqual(errors(r), []);
  assert.deepEqual(
    r.documents[0]!.annotations.map((a) => [a.quote, a.label]),
    [
      ['𝟐𝟎 thousand', 'casualty'],
      ['Cafe\u0301 Dostyk', 'claim'],
    ],
  );
});

test('sniff: spaCy/Prodigy lines yes, doccano lines no', () => {
  assert.ok(spacyCodec.sniff([fixture('spacy/prodigy.jsonl')]));
  assert.ok(!spacyCodec.sniff([fixture('doccano/label.jsonl')]));
});
