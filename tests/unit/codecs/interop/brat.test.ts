// brat standoff: fixtures written from brat's "Annotation Data Format" page (text-bound T lines
// with discontinuous fragments, A/M attributes binary and valued, R relations, # AnnotatorNotes),
// in code points of the text read with universal newlines.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bratCodec } from '../../../../src/codecs/brat/index.js';
import { ATTRIBUTE_VALUE_LOSS, NOTE_LOSS } from '../../../../src/codecs/brat/encode.js';
import { DEFAULT_SCHEMA } from '../../../../src/labels/schema.js';
import { assertQuotesMatch, errors, file, textOf, warnings } from './helpers.js';

// "Troops" is at code point 49 because the 😢 is one code point and the CRLF one character.
const TEXT = 'Police said 18 officers were killed 😢 in Almaty.\r\nTroops arrived in 𝟐𝟎 trucks.';
const ANN = [
  'T1\tcasualty 12 35\t18 officers were killed',
  'T2\tclaim 0 47\tPolice said 18 officers were killed 😢 in Almaty',
  'T3\tdeployment 49 55;56 63\tTroops arrived',
  'T4\tsize 67 69\t𝟐𝟎',
  'A1\tstatus T2 confirmed',
  'M2\tNegated T3',
  'R1\tsupports Arg1:T2 Arg2:T1\t',
  '#1\tAnnotatorNotes T1\tcheck the figure',
  'E1\tAttack:T1',
].join('\n'); // no final newline

test('brat: T, discontinuous T, A/M, R, AnnotatorNotes with emoji, astral digits, CRLF, no final newline', () => {
  const result = bratCodec.decode([file('story.txt', TEXT), file('story.ann', ANN)]);
  assert.deepEqual(errors(result), []);
  assert.equal(warnings(result).length, 1, 'the event line is named, not dropped silently');
  assert.match(warnings(result)[0]!, /story\.ann:9/);
  const [doc] = result.documents;
  assert.ok(doc);
  assert.equal(doc.text, TEXT.replace('\r\n', '\n'));
  assertQuotesMatch(doc);
  // Every span's text equals the .ann's own text column.
  const columns = new Map(
    ANN.split('\n')
      .filter((l) => l.startsWith('T'))
      .map((l) => [l.split('\t')[0]!, l.split('\t')[2]!]),
  );
  for (const a of doc.annotations) assert.equal(a.quote, columns.get(a.id));
  const byId = new Map(doc.annotations.map((a) => [a.id, a]));
  assert.deepEqual(byId.get('T3')!.fragments, [
    { start: doc.text.indexOf('Troops'), end: doc.text.indexOf('Troops') + 6 },
    { start: doc.text.indexOf('arrived'), end: doc.text.indexOf('arrived') + 7 },
  ]);
  assert.equal(byId.get('T4')!.quote, '𝟐𝟎');
  assert.equal(byId.get('T4')!.end - byId.get('T4')!.start, 4, 'UTF-16 inside: two astral digits are four units');
  assert.deepEqual(byId.get('T2')!.attributes, { status: 'confirmed', supports: 'T1' });
  assert.deepEqual(byId.get('T3')!.attributes, { Negated: true });
  assert.equal(byId.get('T1')!.note, 'check the figure');
  assert.deepEqual(result.labels.map((l) => l.id).sort(), ['casualty', 'claim', 'deployment', 'size']);
});

test('brat: a span whose offsets do not match the .ann text is refused with file:line', () => {
  const ann = 'T1\tcasualty 12 35\t18 officers were killed\nT2\tclaim 0 48\tPolice said 18 officers were killed 😢 in Almaty\n';
  const result = bratCodec.decode([file('story.txt', TEXT), file('story.ann', ann)]);
  assert.equal(result.documents.length, 0, 'all or nothing');
  assert.equal(errors(result).length, 1);
  assert.match(errors(result)[0]!, /story\.ann:2/);
  assert.match(errors(result)[0]!, /Almaty\." in the text/);
});

test('brat: offsets counted in UTF-16 (as a JavaScript tool might) are refused, not shifted', () => {
  // 𝟐𝟎 at UTF-16 offsets, 4 units: wrong for brat, which counts code points.
  const utf16Start = TEXT.replace('\r\n', '\n').indexOf('𝟐𝟎');
  const ann = `T1\tsize ${utf16Start} ${utf16Start + 4}\t𝟐𝟎\n`;
  const result = bratCodec.decode([file('s.txt', TEXT), file('s.ann', ann)]);
  assert.match(errors(result)[0] ?? '', /s\.ann:1/);
});

test('brat: malformed lines, unknown targets and an .ann without its .txt are refused', () => {
  const bad = bratCodec.decode([
    file('a.txt', 'Some text'),
    file('a.ann', 'T1\tclaim zero 4\tSome\nA1\tNegated T9\nR1\tx Arg1:T1\n'),
    file('b.ann', 'T1\tclaim 0 4\tSome\n'),
  ]);
  const all = errors(bad).join('\n');
  assert.match(all, /a\.ann:1/);
  assert.match(all, /b\.ann has no b\.txt/);
  assert.equal(bad.documents.length, 0);
  const target = bratCodec.decode([file('a.txt', 'Some text'), file('a.ann', 'T1\tclaim 0 4\tSome\nA1\tNegated T9\n')]);
  assert.match(errors(target).join('\n'), /a\.ann:2.*T9|A1.*naming/);
  const range = bratCodec.decode([file('a.txt', 'Some text'), file('a.ann', 'T1\tclaim 5 40\ttext\n')]);
  assert.match(errors(range).join('\n'), /outside the text/);
});

test('brat: a .txt without .ann is a document with no annotations; a BOM is not text', () => {
  const result = bratCodec.decode([file('only.txt', '\uFEFFHello')]);
  assert.deepEqual(errors(result), []);
  assert.equal(result.documents[0]!.text, 'Hello');
});

test('brat: encode writes code points, renumbers ids, turns links into relations and notes into AnnotatorNotes', () => {
  const text = 'A 👨‍👩‍👧 family fled.\nThe army 🇰🇿 arrived.';
  const fled = text.indexOf('fled');
  const army = text.indexOf('The army');
  const doc = {
    text,
    annotations: [
      { id: 'u2', label: 'deployment', start: army, end: army + 8, quote: 'The army', attributes: { cause: 'u1', confirmed: true, level: 'high' } },
      { id: 'u1', label: 'casualty', start: 2, end: fled + 4, quote: text.slice(2, fled + 4), note: 'two\tlines\nhere' },
    ],
  };
  const { files, losses } = bratCodec.encode([doc], DEFAULT_SCHEMA, 'out');
  assert.deepEqual(
    losses.map((l) => [l.what, l.count]),
    [[NOTE_LOSS, 1]],
    'the note with a tab and a line break is named',
  );
  assert.deepEqual(
    files.map((f) => f.name),
    ['out.txt', 'out.ann'],
  );
  const ann = textOf(files[1]!);
  const cp = (s: number): number => [...text.slice(0, s)].length;
  assert.match(ann, new RegExp(`^T1\tcasualty 2 ${cp(fled + 4)}\t`, 'm'));
  assert.match(ann, /^R1\tcause Arg1:T2 Arg2:T1\t$/m);
  assert.match(ann, /^A\d\tconfirmed T2$/m);
  assert.match(ann, /^A\d\tlevel T2 high$/m);
  assert.match(ann, /^#1\tAnnotatorNotes T1\ttwo lines here$/m);
  const back = bratCodec.decode(files.map((f) => ({ name: f.name, bytes: f.bytes })));
  assert.deepEqual(errors(back), []);
  assertQuotesMatch(back.documents[0]!);
});

test('brat: attribute values brat cannot write are named as losses, with the annotation', () => {
  const doc = {
    text: 'Some 18 people',
    annotations: [{ id: 'a', label: 'casualty', start: 5, end: 14, quote: '18 people', attributes: { place: 'Abai Avenue', kind: ['killed'], ok: true } }],
  };
  const losses = bratCodec.losses([doc], DEFAULT_SCHEMA);
  const loss = losses.find((l) => l.what === ATTRIBUTE_VALUE_LOSS);
  assert.equal(loss?.count, 2);
  assert.match(loss.examples[0]!, /"18 people" \(casualty\) place/);
  assert.ok(!losses.some((l) => /annotator/.test(l.what)), 'one annotator loses nothing');
  const two = {
    ...doc,
    annotations: [
      { ...doc.annotations[0]!, annotator: 'ana', attributes: {} },
      { ...doc.annotations[0]!, id: 'b', annotator: 'ben', attributes: {} },
    ],
  };
  assert.equal(bratCodec.losses([two], DEFAULT_SCHEMA).find((l) => /annotator/.test(l.what))?.count, 2);
});

test('brat: sniff wants .ann files that look like standoff', () => {
  assert.ok(bratCodec.sniff([file('a.txt', 'x'), file('a.ann', 'T1\tclaim 0 1\tx\n')]));
  assert.ok(!bratCodec.sniff([file('a.txt', 'x')]));
  assert.ok(!bratCodec.sniff([file('a.ann', '{"format":"spanmark"}')]));
});

test('brat: attributes, notes and relations on events are named and skipped, not a refusal; Arg2 may come first', () => {
  const text = 'Troops fired on protesters.';
  const ann = [
    'T1\tdeployment 0 6\tTroops',
    'T2\tAttack 7 12\tfired',
    'T3\tgroup 16 26\tprotesters',
    'E1\tAttack:T2 Agent:T1 Target:T3',
    'A1\tNegation E1',
    '#1\tAnnotatorNotes E1\tdisputed',
    'R1\tTargets Arg2:T3 Arg1:T1',
    'N1\tReference T3 Wikidata:Q00\tprotesters',
  ].join('\n');
  const result = bratCodec.decode([file('e.txt', text), file('e.ann', `${ann}\n`)]);
  assert.deepEqual(errors(result), []);
  const w = warnings(result).join('\n');
  assert.match(w, /e\.ann:4/);
  assert.match(w, /e\.ann:5 A1 refers to E1/);
  assert.match(w, /e\.ann:6 #1 refers to E1/);
  assert.match(w, /e\.ann:8/);
  const t1 = result.documents[0]!.annotations.find((a) => a.id === 'T1')!;
  assert.deepEqual(t1.attributes, { Targets: 'T3' });
});

test('brat: an attribute or relation named __proto__ is an ordinary attribute', () => {
  const result = bratCodec.decode([
    file('p.txt', 'ab'),
    file('p.ann', 'T1\tx 0 1\ta\nT2\tx 1 2\tb\nA1\t__proto__ T1 polluted\nR1\t__proto__ Arg1:T2 Arg2:T1\n'),
  ]);
  assert.deepEqual(errors(result), []);
  const [t1, t2] = result.documents[0]!.annotations;
  assert.ok(Object.hasOwn(t1!.attributes!, '__proto__'));
  assert.equal(Object.getOwnPropertyDescriptor(t1!.attributes!, '__proto__')?.value, 'polluted');
  assert.equal(Object.getOwnPropertyDescriptor(t2!.attributes!, '__proto__')?.value, 'T1');
});
