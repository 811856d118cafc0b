// Label Studio JSON against fixtures written from its documentation (fixtures/interop/make.py):
// several annotators, emoji and other astral characters, CRLF, no final newline, the older
// UTF-16 export, and a region whose offsets fit neither unit. Every decoded span is checked against
// the file's own value.text.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelStudioCodec } from '../../../src/codecs/label-studio/index.js';
import { assertWellFormed, errors, file, fixture, fixtureJson, lf, warnings } from './interop-helpers.js';

interface LsRegion {
  id: string;
  type: string;
  value: { text?: string; labels?: string[] };
}
interface LsTask {
  annotations?: { result: LsRegion[]; was_cancelled?: boolean }[];
  completions?: { result: LsRegion[] }[];
}

/** Every labels region's value.text must be the quote of the annotation(s) decoded from it. */
function checkAgainstOwnQuotes(path: string): void {
  const r = labelStudioCodec.decode([fixture(path)]);
  assert.deepEqual(errors(r), []);
  assertWellFormed(r.documents);
  const tasks = fixtureJson(path) as LsTask[];
  let n = 0;
  tasks.forEach((t, i) => {
    for (const ann of t.annotations ?? t.completions ?? []) {
      if ('was_cancelled' in ann && ann.was_cancelled) continue;
      for (const region of ann.result.filter((x) => x.type === 'labels')) {
        for (const label of region.value.labels!) {
          const id = region.value.labels!.length > 1 ? `${region.id}-${label}` : region.id;
          const got = r.documents[i]!.annotations.find((a) => a.id === id);
          assert.ok(got, `${id} decoded`);
          assert.equal(got.quote, lf(region.value.text!), id);
          assert.equal(got.label, label);
          n++;
        }
      }
    }
    assert.equal(r.documents[i]!.annotations.length, n);
    n = 0;
  });
}

test('a current export: code points, several annotators, CRLF text, astral characters', () => {
  const r = labelStudioCodec.decode([fixture('label-studio/export-codepoints.json')]);
  assert.equal(r.offsetUnitFound, 'codepoint');
  assert.equal(r.documents.length, 2);
  checkAgainstOwnQuotes('label-studio/export-codepoints.json');
  const [d1, d2] = r.documents;
  assert.equal(d1!.id, '101');
  assert.deepEqual(d1!.metadata, { source: 'wire' });
  assert.deepEqual([...new Set(d1!.annotations.map((a) => a.annotator))], ['7', 'dana@example.org']);
  assert.equal(d1!.annotations.find((a) => a.id === 'r5')!.quote, 'killed.\nOfficials');
  assert.equal(d2!.annotations.find((a) => a.id === 'r9')!.quote, '👨‍👩‍👧‍👦');
  // Not spans, named rather than silently dropped.
  const w = warnings(r)
    .map((p) => p.message)
    .join('\n');
  assert.match(w, /choices/);
  assert.match(w, /cancelled/);
  assert.match(w, /predictions/);
  assert.deepEqual(
    r.labels.map((l) => l.id),
    ['claim', 'casualty', 'deployment'],
  );
});

test('an older export: `completions` and UTF-16 offsets, detected and reported', () => {
  const r = labelStudioCodec.decode([fixture('label-studio/export-utf16.json')]);
  assert.equal(r.offsetUnitFound, 'utf16');
  checkAgainstOwnQuotes('label-studio/export-utf16.json');
  assert.equal(r.documents[0]!.annotations[0]!.annotator, 'old@example.org');
  assert.match(
    warnings(r)
      .map((p) => p.message)
      .join('\n'),
    /UTF-16/,
  );
});

test('a region that fits neither unit refuses the file, naming its JSON path', () => {
  const r = labelStudioCodec.decode([fixture('label-studio/export-drifted.json')]);
  assert.equal(r.documents.length, 0);
  const e = errors(r);
  assert.equal(e.length, 1);
  assert.equal(e[0]!.where, 'export-drifted.json:$[1].annotations[0].result[2].value');
  assert.match(e[0]!.message, /code points .*UTF-16/);
});

test('malformed files are refused with where and why', () => {
  const broken = labelStudioCodec.decode([file('x.json', '[{"data": {"text": "a"}, ')]);
  assert.equal(errors(broken).length, 1);
  assert.match(errors(broken)[0]!.where!, /^x\.json:1:\d+$/);
  const notUtf8 = labelStudioCodec.decode([{ name: 'y.json', bytes: new Uint8Array([0x5b, 0xff, 0x5d]) }]);
  assert.match(errors(notUtf8)[0]!.message, /not UTF-8/);
  const noText = labelStudioCodec.decode([file('z.json', '[{"data": {"a": 1, "b": 2}, "annotations": []}]')]);
  assert.equal(errors(noText)[0]!.where, 'z.json:$[0].data.text');
  const outOfRange = labelStudioCodec.decode([
    file(
      'o.json',
      JSON.stringify([{ data: { text: 'abc' }, annotations: [{ result: [{ id: 'a', type: 'labels', value: { start: 2, end: 9, labels: ['x'] } }] }] }]),
    ),
  ]);
  assert.match(errors(outOfRange)[0]!.message, /not a span of the task's text/);
  const empty = labelStudioCodec.decode([file('e.json', '[]')]);
  assert.deepEqual(empty.documents, []);
  assert.deepEqual(errors(empty), []);
});

test('sniff: Label Studio exports yes, other JSON no', () => {
  assert.ok(labelStudioCodec.sniff([fixture('label-studio/export-codepoints.json')]));
  assert.ok(labelStudioCodec.sniff([fixture('label-studio/export-utf16.json')]));
  assert.ok(!labelStudioCodec.sniff([fixture('web-annotation/codepoints.jsonld')]));
  assert.ok(!labelStudioCodec.sniff([file('s.json', '{"format": "spanmark", "documents": []}')]));
  assert.ok(!labelStudioCodec.sniff([{ name: 'b.json', bytes: new Uint8Array([0xff, 0xfe, 0]) }]));
});

test('the flat JSON-MIN export: rows of one task are one document, each row its annotator', () => {
  const r = labelStudioCodec.decode([fixture('label-studio/export-min.json')]);
  assert.deepEqual(errors(r), []);
  assert.equal(r.offsetUnitFound, 'codepoint');
  assertWellFormed(r.documents);
  const rows = fixtureJson('label-studio/export-min.json') as { id: number; annotator: number; label: { text: string; labels: string[] }[] }[];
  assert.equal(r.documents.length, 2);
  for (const row of rows) {
    const doc = r.documents.find((d) => d.id === String(row.id))!;
    assert.deepEqual(
      doc.annotations.filter((a) => a.annotator === String(row.annotator)).map((a) => [a.quote, a.label]),
      row.label.map((l) => [lf(l.text), l.labels[0]]),
    );
  }
});

test('exports of two Label Studio versions read together: each file judged on its own', () => {
  const r = labelStudioCodec.decode([fixture('label-studio/export-codepoints.json'), fixture('label-studio/export-utf16.json')]);
  assert.deepEqual(errors(r), []);
  assertWellFormed(r.documents);
  assert.equal(r.documents.length, 3);
  assert.equal(r.offsetUnitFound, undefined);
  assert.ok(warnings(r).some((p) => p.where === 'export-utf16.json' && /UTF-16/.test(p.message)));
  assert.ok(!warnings(r).some((p) => p.where === 'export-codepoints.json' && /UTF-16/.test(p.message)));
  assert.equal(r.documents[2]!.annotations[1]!.quote, '𝟐𝟎 thousand troops arrived');
});
