// The pure pieces the app's Export as… and foreign import use: the open article as an interchange
// document (every quote exact in emoji, combining marks, RTL and CRLF-free text), a safe file stem,
// and label decisions remembered per format.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleToInterchange, exportBaseName } from '../../../../src/codecs/registry/article-document.js';
import { codecById, decodeFiles, encodeDocuments } from '../../../../src/codecs/registry/registry.js';
import { isRememberedMapping, labelMappingKey, planDecisions, rememberDecisions } from '../../../../src/codecs/registry/remembered-mapping.js';
import type { Annotation } from '../../../../src/annotations/types.js';
import type { Article } from '../../../../src/document/article.js';
import { plainTextBlocks } from '../../../../src/document/plain-blocks.js';
import { DEFAULT_SCHEMA } from '../../../../src/labels/schema.js';

const TEXT = 'Ein 👩‍👩‍👧 Tokayev e\u0301te\nשלום 𝟙𝟚 radicals\n';

function article(text = TEXT): Article {
  return {
    id: 'sha',
    sha256: 'sha',
    title: 'A/B: "c"?',
    format: 'text',
    text,
    blocks: plainTextBlocks(text),
    metadata: { date: '2022-01-07' },
    addedAt: '2024-01-01T00:00:00Z',
  };
}

function ann(id: string, label: string, needle: string, extra: Partial<Annotation> = {}): Annotation {
  const start = TEXT.indexOf(needle);
  return { id, docId: 'sha', label, start, end: start + needle.length, quote: needle, annotator: 'me', createdAt: 'x', updatedAt: 'x', ...extra };
}

test('articleToInterchange: offsets and quotes are the article text’s, notes and attributes carried, empty ones not', () => {
  const doc = articleToInterchange(article(), [
    ann('a', 'claim', 'Tokayev e\u0301te', { note: 'n' }),
    ann('b', 'casualty', 'שלום 𝟙𝟚', { note: '', attributes: {} }),
    ann('c', 'deployment', '👩‍👩‍👧', { attributes: { count: 3 } as never }),
  ]);
  for (const a of doc.annotations) assert.equal(TEXT.slice(a.start, a.end), a.quote);
  assert.equal(doc.annotations[0]!.note, 'n');
  assert.equal('note' in doc.annotations[1]!, false);
  assert.equal('attributes' in doc.annotations[1]!, false);
  assert.deepEqual(doc.annotations[2]!.attributes, { count: 3 });
  assert.equal(doc.metadata?.['date'], '2022-01-07');
});

test('articleToInterchange → brat → back: every span on the same words, with astral and combining text', async () => {
  const brat = codecById('brat')!;
  const doc = articleToInterchange(article(), [ann('a', 'claim', 'Tokayev e\u0301te'), ann('b', 'casualty', '𝟙𝟚 radicals'), ann('c', 'claim', '👩‍👩‍👧')]);
  const out = await encodeDocuments(brat, [doc], DEFAULT_SCHEMA, exportBaseName(doc.title!));
  assert.equal(out.files.length, 2);
  const back = await decodeFiles(brat, out.files);
  assert.deepEqual(
    back.problems.filter((p) => p.severity === 'error'),
    [],
  );
  const got = back.documents[0]!.annotations.map((a) => `${a.label}:${back.documents[0]!.text.slice(a.start, a.end)}`).sort();
  assert.deepEqual(got, ['casualty:𝟙𝟚 radicals', 'claim:Tokayev e\u0301te', 'claim:👩‍👩‍👧']);
});

test('exportBaseName: no separators or reserved characters, never empty or hidden', () => {
  assert.equal(exportBaseName('A/B: "c"?'), 'A B c');
  assert.equal(exportBaseName('..\\..'), 'document');
  assert.equal(exportBaseName(''), 'document');
  assert.equal(exportBaseName('\u0000\u001f'), 'document');
  assert.equal(exportBaseName('שלום 👩‍👩‍👧'), 'שלום 👩‍👩‍👧');
  assert.ok(exportBaseName('x'.repeat(10_000)).length <= 120);
});

test('planDecisions: automatic matches are not asked; remembered decisions apply only while they make sense', () => {
  const labels = [
    { id: 'Claim', name: 'Claim' },
    { id: 'Protest', name: 'Protest' },
    { id: 'Gone', name: 'Gone' },
    { id: 'Noise', name: 'Noise' },
    { id: 'New', name: 'New' },
  ];
  const plan = planDecisions(labels, DEFAULT_SCHEMA, {
    Protest: { kind: 'map', to: 'deployment' },
    Gone: { kind: 'map', to: 'no-such-label' },
    Noise: { kind: 'skip' },
  });
  assert.deepEqual(plan.decided, { Protest: { kind: 'map', to: 'deployment' }, Noise: { kind: 'skip' } });
  assert.deepEqual(
    plan.ask.map((l) => l.id),
    ['Gone', 'New'],
  );
});

test('rememberDecisions: an added label is remembered as a map to it; earlier decisions kept', () => {
  const out = rememberDecisions({ Old: { kind: 'skip' } }, { New: { kind: 'add' }, P: { kind: 'map', to: 'claim' } }, { New: 'new', P: 'claim' });
  assert.deepEqual(out, { Old: { kind: 'skip' }, New: { kind: 'map', to: 'new' }, P: { kind: 'map', to: 'claim' } });
  assert.equal(labelMappingKey('brat'), 'labelMapping:brat');
});

test('isRememberedMapping: malformed stored values are ignored', () => {
  assert.equal(isRememberedMapping({ a: { kind: 'map', to: 'x' }, b: { kind: 'skip' }, c: { kind: 'add' } }), true);
  for (const bad of [null, [], 'x', { a: null }, { a: { kind: 'map' } }, { a: { kind: 'drop' } }, { a: { kind: 'add', name: 3 } }])
    assert.equal(isRememberedMapping(bad), false, JSON.stringify(bad));
});
