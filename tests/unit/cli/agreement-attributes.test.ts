// `spanmark agreement` printing attribute agreement: layers gathered from files keep their values,
// the text report shows one row per label.attribute with the pooled figures, and a report whose
// matched spans carry no value prints exactly what it printed before attributes existed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import type { DecodedLibrary } from '../../../src/codecs/spanmark-v1/decode.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { agreementReport, combineReports } from '../../../src/review/agreement/report.js';
import { renderAgreement, type AgreementOutput } from '../../../main/node/cli/agreement.js';
import { renderAttributeTable } from '../../../main/node/cli/attribute-table.js';
import { gatherLayers } from '../../../main/node/cli/layers.js';
import { ann, article } from './helpers.js';

const doc = article('Eighteen were killed in Almaty. Two were injured.', 'Attributes');

function report(layers: { annotator: string; spans: Annotation[] }[]) {
  const r = agreementReport({ text: doc.text, layers, a: layers[0]!.annotator, b: layers[1]!.annotator, attributeLabels: DEFAULT_SCHEMA.labels });
  assert.ok(r.ok);
  return r.value;
}

function output(r: ReturnType<typeof report>): AgreementOutput {
  const combined = combineReports([r]);
  assert.ok(combined.ok);
  return {
    a: r.a,
    b: r.b,
    annotators: [r.a, r.b],
    files: ['a.json', 'b.json'],
    documents: [{ sha256: doc.sha256, title: doc.title, files: ['a.json', 'b.json'], report: r }],
    combined: combined.value,
    skipped: [],
    warnings: [],
  };
}

const withValues = (a: Annotation, attributes: Annotation['attributes']): Annotation => ({ ...a, ...(attributes ? { attributes } : {}) });

test('gathered layers keep their attribute values', () => {
  const alice = withValues(ann(doc, 'alice', 'casualty', 0, 20), { count: { value: 18, qualifier: 'exact' } });
  const library = { documents: [{ article: doc, annotations: [alice] }] } as unknown as DecodedLibrary;
  const g = gatherLayers([{ file: 'a.json', library }]);
  assert.deepEqual(g.documents[0]!.layers[0]!.spans[0]!.attributes, { count: { value: 18, qualifier: 'exact' } });
});

test('the text report prints a row per attribute with percent and alpha, and the footnote', () => {
  // casualty [0,20): count 18 exact vs 18 about (percent 0; interval alpha: one number → —);
  // kind {killed} both (percent 1, alpha — one value); group set by alice only (unpaired 1).
  // casualty [32,49): count 2 vs 3 → with the first, numbers 18,18,2,3: alpha defined.
  const alice = [
    withValues(ann(doc, 'alice', 'casualty', 0, 20), { count: { value: 18, qualifier: 'exact' }, kind: ['killed'], group: 'civilians' }),
    withValues(ann(doc, 'alice', 'casualty', 32, 49), { count: { value: 2, qualifier: 'exact' } }),
  ];
  const bob = [
    withValues(ann(doc, 'bob', 'casualty', 0, 20), { count: { value: 18, qualifier: 'about' }, kind: ['killed'] }),
    withValues(ann(doc, 'bob', 'casualty', 32, 49), { count: { value: 3, qualifier: 'exact' } }),
  ];
  const r = report([
    { annotator: 'alice', spans: alice },
    { annotator: 'bob', spans: bob },
  ]);
  const text = renderAgreement(output(r)).join('\n');
  const cells = (name: string): string[] => {
    const line = text.split('\n').find((l) => l.startsWith(`${name} `));
    assert.ok(line, `no row ${name}`);
    return line.trim().split(/\s+/).slice(1);
  };
  assert.deepEqual(cells('attribute'), ['scale', 'matched', 'pairs', 'agree', 'unpaired', 'percent', 'alpha']);
  // count: units (18, 18), (2, 3): Do = (0 + 1·2)/4 = 1/2; values 18,18,2,3, unordered squared
  // differences 0 + 256 + 225 + 256 + 225 + 1 = 963, De = 2·963/12 = 160.5; alpha = 1 − 0.5/160.5 = 0.997.
  assert.deepEqual(cells('casualty.count'), ['interval', '2', '2', '0', '0', '0.000', '0.997']);
  assert.deepEqual(cells('casualty.kind'), ['nominal', '2', '1', '1', '0', '1.000', '—']);
  assert.deepEqual(cells('casualty.group'), ['nominal', '2', '0', '0', '1', '—', '—']);
  // An attribute nobody set on a matched span is not listed.
  assert.equal(text.includes('casualty.place'), false);
  assert.match(text, /^attributes: values on spans tagged identically/m);
  assert.match(text, /^— undefined/m);
});

test('matched spans without values print no attribute table at all', () => {
  const r = report([
    { annotator: 'alice', spans: [ann(doc, 'alice', 'casualty', 0, 20)] },
    { annotator: 'bob', spans: [ann(doc, 'bob', 'casualty', 0, 20)] },
  ]);
  assert.deepEqual(renderAttributeTable(r.attributes).lines, []);
  assert.doesNotMatch(renderAgreement(output(r)).join('\n'), /^attribute|attributes:/m);
});

test('attribute ids from a file cannot send escape sequences to the terminal', () => {
  const r = report([
    { annotator: 'alice', spans: [withValues(ann(doc, 'alice', 'casualty', 0, 20), { 'x\u001b[2J': 'a' })] },
    { annotator: 'bob', spans: [withValues(ann(doc, 'bob', 'casualty', 0, 20), { 'x\u001b[2J': 'a' })] },
  ]);
  const lines = renderAttributeTable(r.attributes).lines.join('\n');
  assert.doesNotMatch(lines, /\u001b/);
  assert.match(lines, /casualty\.x\\u\{001B\}\[2J/);
});
