// W3C Web Annotation JSON-LD against fixtures written from the Web Annotation Data Model
// (fixtures/interop/make.py): a collection in code points with a note, an attribute body, string and
// Person creators and a quote-only target; a Hypothesis/Recogito-style list in UTF-16 units; a
// drifted position. The annotated text (CRLF lines, emoji, astral digits, no final newline) is a
// .txt beside the annotations. Every span is checked against the file's own TextQuoteSelector.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webAnnotationCodec } from '../../../src/codecs/web-annotation/index.js';
import { assertWellFormed, errors, file, fixture, fixtureJson, lf, warnings } from './interop-helpers.js';

interface Wa {
  id: string;
  target: { selector: { type: string; exact?: string }[] };
  body: { purpose: string; value: string }[];
}

function ownQuotes(items: Wa[]): [string, string][] {
  return items.map((a) => [a.id, lf(a.target.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!)]);
}

test('a collection in code points: label, note, attribute, creators, a quote-only target', () => {
  const r = webAnnotationCodec.decode([fixture('web-annotation/codepoints.jsonld'), fixture('web-annotation/article.txt')]);
  assert.deepEqual(errors(r), []);
  assert.equal(r.offsetUnitFound, 'codepoint');
  assertWellFormed(r.documents);
  const items = (fixtureJson('web-annotation/codepoints.jsonld') as { first: { items: Wa[] } }).first.items;
  const doc = r.documents[0]!;
  assert.equal(doc.id, 'article.txt');
  assert.deepEqual(
    doc.annotations.map((a) => [a.id, a.quote]),
    ownQuotes(items),
  );
  const first = doc.annotations[0]!;
  assert.equal(first.label, 'casualty');
  assert.equal(first.annotator, 'alice');
  assert.equal(first.note, 'Figure from the president.');
  assert.deepEqual(first.attributes, { killed: { value: 26, qualifier: 'exact' } });
  assert.equal(doc.annotations[1]!.annotator, 'bob');
  assert.equal(doc.annotations[3]!.quote, 'killed.\nOfficials');
  assert.equal(doc.annotations[4]!.quote, '👨‍👩‍👧‍👦');
});

test('Hypothesis/Recogito-style UTF-16 positions: the unit is detected from the quotes and reported', () => {
  const r = webAnnotationCodec.decode([fixture('web-annotation/utf16.jsonld'), fixture('web-annotation/article.txt')]);
  assert.deepEqual(errors(r), []);
  assert.equal(r.offsetUnitFound, 'utf16');
  assert.match(
    warnings(r)
      .map((p) => p.message)
      .join('\n'),
    /UTF-16/,
  );
  assertWellFormed(r.documents);
  assert.deepEqual(
    r.documents[0]!.annotations.map((a) => [a.id, a.quote]),
    ownQuotes(fixtureJson('web-annotation/utf16.jsonld') as Wa[]),
  );
  assert.equal(r.documents[0]!.annotations[0]!.annotator, 'acct:carol@hyp.example');
});

test('a position that fits its quote in neither unit refuses the file, with its path', () => {
  const r = webAnnotationCodec.decode([fixture('web-annotation/drifted.jsonld'), fixture('web-annotation/article.txt')]);
  assert.equal(r.documents.length, 0);
  assert.equal(errors(r).length, 1);
  assert.equal(errors(r)[0]!.where, 'drifted.jsonld:$[1].target.selector');
});

test('the text must be given: a missing source is named', () => {
  const r = webAnnotationCodec.decode([fixture('web-annotation/codepoints.jsonld')]);
  assert.equal(r.documents.length, 0);
  assert.match(errors(r)[0]!.message, /article\.txt/);
});

test('quote-only targets: placed by prefix and suffix, refused when ambiguous', () => {
  const text = 'Alma-Ata airport. The airport of Alma-Ata.';
  const anno = (prefix: string): string =>
    JSON.stringify([
      {
        id: 'a',
        type: 'Annotation',
        body: { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
        target: { source: 't.txt', selector: { type: 'TextQuoteSelector', exact: 'Alma-Ata', prefix } },
      },
    ]);
  const placed = webAnnotationCodec.decode([file('a.jsonld', anno('of ')), file('t.txt', text)]);
  assert.equal(placed.documents[0]!.annotations[0]!.start, text.lastIndexOf('Alma-Ata'));
  const ambiguous = webAnnotationCodec.decode([file('a.jsonld', anno('')), file('t.txt', text)]);
  assert.match(errors(ambiguous)[0]!.message, /2 times/);
});

test('annotations without a tagging body, other bodies and other shapes are named, not guessed', () => {
  const text = 'abc';
  const r = webAnnotationCodec.decode([
    file(
      'a.json',
      JSON.stringify({
        type: 'AnnotationPage',
        items: [
          {
            id: 'c',
            type: 'Annotation',
            body: { type: 'TextualBody', purpose: 'commenting', value: 'hm' },
            target: { source: 't.txt', selector: { type: 'TextPositionSelector', start: 0, end: 1 } },
          },
          {
            id: 'd',
            type: 'Annotation',
            body: [
              { type: 'TextualBody', purpose: 'tagging', value: 'x' },
              { type: 'TextualBody', purpose: 'highlighting', value: 'y' },
            ],
            target: { source: 't.txt', selector: { type: 'TextPositionSelector', start: 1, end: 3 } },
          },
        ],
      }),
    ),
    file('t.txt', text),
  ]);
  assert.deepEqual(errors(r), []);
  assert.deepEqual(
    r.documents[0]!.annotations.map((a) => [a.id, a.quote]),
    [['d', 'bc']],
  );
  const w = warnings(r)
    .map((p) => p.message)
    .join('\n');
  assert.match(w, /tagging/);
  assert.match(w, /highlighting/);
  assert.match(w, /no TextQuoteSelector/);
  const linked = webAnnotationCodec.decode([file('c.jsonld', '{"type": "AnnotationCollection", "first": "https://x.example/page1"}')]);
  assert.match(errors(linked)[0]!.message, /embedded/);
});

test('sniff: W3C JSON-LD with its texts yes, Label Studio no', () => {
  assert.ok(webAnnotationCodec.sniff([fixture('web-annotation/codepoints.jsonld'), fixture('web-annotation/article.txt')]));
  assert.ok(webAnnotationCodec.sniff([fixture('web-annotation/utf16.jsonld')]));
  assert.ok(!webAnnotationCodec.sniff([fixture('label-studio/export-codepoints.json')]));
  assert.ok(!webAnnotationCodec.sniff([fixture('web-annotation/article.txt')]));
});

test("Hypothesis' own JSON ({rows}): tags as labels, text as note, UTF-16 positions detected, the page paired with the one text", () => {
  const r = webAnnotationCodec.decode([fixture('web-annotation/hypothesis-api.json'), fixture('web-annotation/article.txt')]);
  assert.deepEqual(errors(r), []);
  assert.equal(r.offsetUnitFound, 'utf16');
  assertWellFormed(r.documents);
  const rows = (fixtureJson('web-annotation/hypothesis-api.json') as { rows: (Wa & { tags: string[] })[] }).rows;
  assert.deepEqual(
    r.documents[0]!.annotations.map((a) => [a.id, a.quote, a.label]),
    rows.map((row) => [row.id, lf((row.target as unknown as Wa['target'][])[0]!.selector.find((s) => s.type === 'TextQuoteSelector')!.exact!), row.tags[0]]),
  );
  const [first, second] = r.documents[0]!.annotations;
  assert.equal(first!.note, 'Official count.');
  assert.equal(first!.annotator, 'Dana K.');
  assert.equal(second!.note, undefined);
  assert.match(
    warnings(r)
      .map((p) => p.message)
      .join('\n'),
    /the only text given/,
  );
  assert.ok(webAnnotationCodec.sniff([fixture('web-annotation/hypothesis-api.json')]));
});

test('an annotation whose targets are other annotations (a Recogito-style "linking" relation) is named and left out, the rest imported', () => {
  const text = 'Troy 😀 fell.\r\nUlysses sailed home';
  const span = (id: string, exact: string, label: string) => {
    const start = lf(text).indexOf(exact);
    return {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id,
      type: 'Annotation',
      body: [{ type: 'TextualBody', value: label, purpose: 'tagging' }],
      target: {
        selector: [
          { type: 'TextQuoteSelector', exact },
          { type: 'TextPositionSelector', start, end: start + exact.length },
        ],
      },
    };
  };
  const link = {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: '#link',
    type: 'Annotation',
    motivation: 'linking',
    body: [{ type: 'TextualBody', value: 'isRelatedTo', purpose: 'tagging' }],
    target: [{ id: '#a' }, { id: '#b' }],
  };
  const r = webAnnotationCodec.decode([
    file('annotations.w3c.json', JSON.stringify([span('#a', 'Troy', 'Place'), link, span('#b', 'Ulysses', 'Person')])),
    file('odyssey.txt', text),
  ]);
  assert.deepEqual(errors(r), []);
  assertWellFormed(r.documents);
  assert.deepEqual(
    r.documents[0]!.annotations.map((a) => [a.label, a.quote]),
    [
      ['Place', 'Troy'],
      ['Person', 'Ulysses'],
    ],
  );
  assert.ok(warnings(r).some((w) => /\$\[1\]: an annotation of other annotations \(a link, motivation "linking"\) is not imported/.test(w.message)));
});
