// `spanmark facts` and `spanmark agreement` on real contract-v2 files: both read through the one
// decoder for v1 and v2 and take labels and attribute definitions from the file's own schema (a
// label of the library's own, a link attribute), with the default schema for v1 files.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import type { Annotation } from '../../../src/annotations/types.js';
import { serializeSpanmark } from '../../../src/codecs/spanmark-v1/encode.js';
import { encodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import { DEFAULT_SCHEMA, type LabelSchema } from '../../../src/labels/schema.js';
import { ann, article, at, run, T0, tempDir } from './helpers.js';

const tmp = tempDir();
after(() => tmp.remove());

const schema: LabelSchema = {
  id: 'desk-schema',
  version: 4,
  labels: [
    ...DEFAULT_SCHEMA.labels.map((l) =>
      l.id === 'claim' ? { ...l, attributes: [...l.attributes, { id: 'speaker', name: 'Speaker', type: 'link' as const, targets: ['actor'] }] } : l,
    ),
    { id: 'actor', name: 'Actor 🎙', color: '#88ccee', glyph: 'A', underline: 'double', description: '', guidelines: [], attributes: [] },
  ],
};

const doc = article('Токаев said 18 were killed 👨‍👩‍👧‍👦, 10 to 15 injured.\nשָׁלוֹם.', 'Claims');

function v2File(name: string, annotations: Annotation[]): string {
  const file = encodeSpanmarkV2({ documents: [{ article: doc, annotations }], exportedAt: T0, generatorVersion: '0.2.0', schema });
  return tmp.write(name, serializeSpanmark(file));
}

function pythonCsv(text: string): string[][] {
  const py = spawnSync(
    'python3',
    ['-c', 'import csv,io,sys,json; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8"), newline="")))))'],
    {
      input: Buffer.from(text, 'utf8'),
      encoding: 'utf8',
    },
  );
  assert.equal(py.status, 0, py.stderr);
  return JSON.parse(py.stdout) as string[][];
}

test('facts --csv on a v2 file: quantity, multiple choice and a link with its quote, in the file schema', async () => {
  const speaker = ann(doc, 'ana', 'actor', ...at(doc, 'Токаев'), 'spk');
  const killed = {
    ...ann(doc, 'ana', 'casualty', ...at(doc, '18 were killed 👨‍👩‍👧‍👦'), 'k'),
    attributes: { count: { value: 18, qualifier: 'about' as const }, kind: ['killed'] },
  };
  const injured = {
    ...ann(doc, 'ana', 'casualty', ...at(doc, '10 to 15 injured'), 'i'),
    attributes: { count: { min: 10, max: 15 }, kind: ['injured', 'missing'] },
  };
  const claim = { ...ann(doc, 'ana', 'claim', ...at(doc, '18 were killed'), 'c'), attributes: { speaker: 'spk', stance: 'asserted' } };
  const path = v2File('facts-v2.spanmark.json', [speaker, killed, injured, claim]);
  const r = await run(['facts', '--csv', path]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const rows = pythonCsv(r.stdout);
  const h = rows[0]!;
  const row = (id: string): string[] => rows.find((x) => x[h.indexOf('id')] === id)!;
  const get = (id: string, col: string): string => {
    assert.ok(h.includes(col), `no column ${col} in ${h.join(',')}`);
    return row(id)[h.indexOf(col)]!;
  };
  assert.deepEqual([get('k', 'count'), get('k', 'count.qualifier'), get('k', 'kind'), get('k', 'quote')], ['18', 'about', 'killed', '18 were killed 👨‍👩‍👧‍👦']);
  assert.deepEqual([get('i', 'count'), get('i', 'count.min'), get('i', 'count.max'), get('i', 'kind')], ['', '10', '15', 'injured; missing']);
  assert.deepEqual([get('c', 'speaker'), get('c', 'speaker.quote'), get('c', 'stance')], ['spk', 'Токаев', 'asserted']);
  assert.equal(get('spk', 'label'), 'actor');
});

test('agreement compares attributes by the file schema: links by their target, not their id', async () => {
  // Each analyst links the claim to their own actor span: different ids, the same target.
  const layer = (who: string, stance: string): Annotation[] => [
    ann(doc, who, 'actor', ...at(doc, 'Токаев'), `spk-${who}`),
    { ...ann(doc, who, 'claim', ...at(doc, '18 were killed'), `c-${who}`), attributes: { speaker: `spk-${who}`, stance } },
  ];
  const path = v2File('agreement-v2.spanmark.json', [...layer('ana', 'asserted'), ...layer('ben', 'denied')]);
  const r = await run(['agreement', path]);
  assert.equal(r.code, 0, r.stderr);
  const cells = (name: string): string[] => {
    const line = r.stdout.split('\n').find((l) => l.startsWith(`${name} `));
    assert.ok(line, `no row ${name} in\n${r.stdout}`);
    return line.trim().split(/\s+/).slice(1);
  };
  // scale, matched, pairs, agree, unpaired, percent, alpha
  assert.deepEqual(cells('claim.speaker'), ['nominal', '1', '1', '1', '0', '1.000', '—']);
  assert.deepEqual(cells('claim.stance'), ['nominal', '1', '1', '0', '0', '0.000', '0.000']);
  // The file's own label is reported like the default ones.
  assert.match(r.stdout, /^actor\b/m);
});
