// doccano JSONL against fixtures written from its documentation (fixtures/interop/make.py): the
// `label` triples and the `entities` form, emoji, a ZWJ sequence and astral digits, CRLF inside the
// text and as the file's line ending, no final newline. doccano files hold no quotes, so every span
// is checked against the text's own code point slice, computed here independently of the codec.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doccanoCodec } from '../../../src/codecs/doccano/index.js';
import { assertWellFormed, cpSlice, errors, file, fixture, fixtureLines, lf, warnings } from './interop-helpers.js';

test('label triples: code points of the text as stored, CRLF counted as two', () => {
  const r = doccanoCodec.decode([fixture('doccano/label.jsonl')]);
  assert.deepEqual(errors(r), []);
  assert.equal(r.offsetUnitFound, 'codepoint');
  assertWellFormed(r.documents);
  const lines = fixtureLines('doccano/label.jsonl') as { id: number; text: string; label: [number, number, string][] }[];
  assert.equal(r.documents.length, lines.length);
  lines.forEach((line, i) => {
    const doc = r.documents[i]!;
    assert.equal(doc.id, String(line.id));
    assert.equal(doc.text, lf(line.text));
    assert.deepEqual(
      doc.annotations.map((a) => [a.quote, a.label]),
      line.label.map(([s, e, l]) => [lf(cpSlice(line.text, s, e)), l]),
    );
  });
  assert.deepEqual(
    r.documents[1]!.annotations.map((a) => a.quote),
    ['👨‍👩‍👧‍👦', '𝟐𝟎 thousand troops'],
  );
  assert.equal(r.documents[0]!.annotations[2]!.quote, 'Alma-Ata 🇰🇿');
});

test('the entities form (CRLF-terminated lines): ids kept, relations named as not imported', () => {
  const r = doccanoCodec.decode([fixture('doccano/entities.jsonl')]);
  assert.deepEqual(errors(r), []);
  assertWellFormed(r.documents);
  const [line] = fixtureLines('doccano/entities.jsonl') as { text: string; entities: { id: number; start_offset: number; end_offset: number }[] }[];
  assert.deepEqual(
    r.documents[0]!.annotations.map((a) => [a.id, a.quote]),
    line!.entities.map((e) => [String(e.id), cpSlice(line!.text, e.start_offset, e.end_offset)]),
  );
  assert.equal(r.documents[0]!.annotations[0]!.quote, 'Cafe\u0301 Dostyk');
  assert.match(warnings(r)[0]!.message, /relation/);
});

test('offsets outside the text, reversed or malformed records refuse the file with file:line', () => {
  const bad = doccanoCodec.decode([file('d.jsonl', '{"text": "🔥 ab", "label": [[0, 1, "x"]]}\n{"text": "🔥 ab", "label": [[2, 5, "x"]]}\n')]);
  assert.equal(bad.documents.length, 0);
  assert.equal(errors(bad)[0]!.where, 'd.jsonl:2.label[0]');
  // 4 code points: [0, 4] fits, [0, 5] would only fit if the emoji were counted as two.
  assert.equal(doccanoCodec.decode([file('d.jsonl', '{"text": "🔥 ab", "label": [[0, 4, "x"]]}')]).documents[0]!.annotations[0]!.quote, '🔥 ab');
  assert.equal(errors(doccanoCodec.decode([file('d.jsonl', '{"text": "abc", "label": [[2, 1, "x"]]}')])).length, 1);
  assert.equal(errors(doccanoCodec.decode([file('d.jsonl', '{"text": "abc", "label": [[0, 1]]}')])).length, 1);
  assert.equal(errors(doccanoCodec.decode([file('d.jsonl', '{"label": []}')]))[0]!.where, 'd.jsonl:1.text');
  assert.equal(errors(doccanoCodec.decode([file('d.jsonl', '{"text": "a"}\n{oops')]))[0]!.where, 'd.jsonl:2:2');
  const category = doccanoCodec.decode([file('c.jsonl', '{"text": "abc", "label": ["positive"]}')]);
  assert.deepEqual(errors(category), []);
  assert.match(warnings(category)[0]!.message, /document-level category/);
});

test('a JSON array of records is read like JSON Lines', () => {
  const r = doccanoCodec.decode([file('d.json', '[{"text": "a b", "label": [[2, 3, "x"]]}]')]);
  assert.equal(r.documents[0]!.annotations[0]!.quote, 'b');
});

test('sniff: doccano lines yes, spaCy/Prodigy lines no', () => {
  assert.ok(doccanoCodec.sniff([fixture('doccano/label.jsonl')]));
  assert.ok(doccanoCodec.sniff([fixture('doccano/entities.jsonl')]));
  assert.ok(!doccanoCodec.sniff([fixture('spacy/prodigy.jsonl')]));
});
