// `spanmark validate` reads contract v2 as the app imports it: a good v2 file passes, a wrong
// attribute value fails at its JSON path, a required value left unset passes with a warning line.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSpanmarkV2 } from '../../../src/codecs/spanmark-v2/encode.js';
import { serializeSpanmark } from '../../../src/codecs/spanmark-v1/encode.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { ann, article, at, exportFile, run, T0, tempDir } from './helpers.js';

const tmp = tempDir();
after(() => tmp.remove());

const doc = article('Troops 🇷🇺 arrived in Almaty.\nFour people died.', 'Almaty');
const schema = {
  ...DEFAULT_SCHEMA,
  labels: DEFAULT_SCHEMA.labels.map((l) =>
    l.id === 'casualty' ? { ...l, attributes: l.attributes.map((a) => (a.id === 'count' ? { ...a, required: true } : a)) } : l,
  ),
};
const died = {
  ...ann(doc, 'aigerim', 'casualty', ...at(doc, 'Four people died')),
  attributes: { count: { value: 4, qualifier: 'exact' as const }, kind: ['killed'] },
};
const v2 = encodeSpanmarkV2({ documents: [{ article: doc, annotations: [died] }], exportedAt: T0, generatorVersion: '0.2.0', schema });
const write = (name: string, edit: (f: any) => void = () => {}) => {
  const f = JSON.parse(JSON.stringify(v2));
  edit(f);
  return tmp.write(name, serializeSpanmark(f));
};

test('v1 and v2 files both pass; a wrong value fails at its path; a missing required value is a warning', async () => {
  const goodV2 = write('good-v2.spanmark.json');
  const goodV1 = tmp.write('good-v1.spanmark.json', exportFile([{ article: doc, annotations: [died] }]));
  const wrong = write('wrong.spanmark.json', (f) => (f.documents[0].annotations[0].attributes.kind = ['fled']));
  const unset = write('unset.spanmark.json', (f) => delete f.documents[0].annotations[0].attributes.count);
  const r = await run(['validate', goodV2, goodV1, wrong, unset]);
  assert.equal(r.code, 1);
  assert.equal(
    r.stdout,
    [
      `ok   ${goodV2}  (1 document, 1 annotation)`,
      `ok   ${goodV1}  (1 document, 1 annotation)`,
      `FAIL ${wrong}`,
      '  documents[0].annotations[0].attributes.kind: "fled" is not one of "killed", "injured", "detained", "missing", "displaced" (choice "kind"); it is an array.',
      `ok   ${unset}  (1 document, 1 annotation)`,
      '  warning: documents[0].annotations[0].attributes: the required attribute "count" of "casualty" is not set.',
      '',
      '4 files: 3 ok, 1 failed',
      '',
    ].join('\n'),
  );
  const json = JSON.parse((await run(['validate', '--json', unset])).stdout);
  assert.deepEqual(json[0].warnings, [
    {
      code: 'missing-required',
      path: 'documents[0].annotations[0].attributes',
      message: 'documents[0].annotations[0]: the required attribute "count" of "casualty" is not set.',
    },
  ]);
});

test('convert --to spanmark-v1 writes a v1 file the v1 reader takes, naming each value it left out; --to spanmark goes back to v2', async () => {
  const path = write('convert-me.spanmark.json');
  const r = await run(['convert', '--to', 'spanmark-v1', path]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stderr,
    'Writing Spanmark labeled JSON, contract 1, for older tools loses:\n' +
      '  2 × attribute values (contract 1 cannot hold them; links included), e.g. "Four people died" (casualty) count; "Four people died" (casualty) kind\n',
  );
  const v1 = JSON.parse(r.stdout);
  assert.equal(v1.version, 1);
  assert.equal(v1.generator.version, '9.9.9-test');
  assert.equal(v1.documents[0].annotations[0].attributes, undefined);
  const { decodeSpanmarkV1 } = await import('../../../src/codecs/spanmark-v1/decode.js');
  const { sha256Hex } = await import('../codecs/spanmark-v1-helpers.js');
  assert.ok((await decodeSpanmarkV1(r.stdout, sha256Hex)).ok);
  // And back up to v2: the same annotation, no values to bring back, and the file checks out.
  const back = tmp.write('back.spanmark.json', r.stdout);
  const up = await run(['convert', '--to', 'spanmark', back]);
  assert.equal(up.code, 0, up.stderr);
  assert.equal(up.stderr, 'Nothing is lost writing Spanmark labeled JSON.\n');
  const v2up = JSON.parse(up.stdout);
  assert.equal(v2up.version, 2);
  assert.deepEqual(
    v2up.documents[0].annotations.map((a: { quote: string; attributes: unknown }) => [a.quote, a.attributes]),
    [['Four people died', {}]],
  );
  assert.equal((await run(['validate', tmp.write('up.spanmark.json', up.stdout)])).code, 0);
});

test('convert --to spanmark keeps a v2 file whole: its schema, every value, nothing lost', async () => {
  const r = await run(['convert', '--to', 'spanmark', write('v2-to-v2.spanmark.json')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, 'Nothing is lost writing Spanmark labeled JSON.\n');
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.schema, JSON.parse(JSON.stringify(v2)).schema);
  assert.deepEqual(out.documents[0].annotations[0].attributes, { count: { value: 4, qualifier: 'exact' }, kind: ['killed'] });
});

test('convert refuses usage errors (exit 2) and invalid files (exit 1, nothing on stdout)', async () => {
  for (const argv of [
    ['convert', 'a.json'],
    ['convert', '--to', '1', 'a.json'],
    ['convert', '--to', 'spanmark-v3', 'a.json'],
    ['convert', '--to', 'spanmark-v1'],
    ['convert', '--to', 'spanmark', '--from', '2', 'a.json'],
    ['convert', '--to'],
  ]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /Run "spanmark help convert" for usage\./);
  }
  const bad = write('bad-convert.spanmark.json', (f) => (f.documents[0].annotations[0].attributes.count = 'four'));
  for (const to of ['spanmark-v1', 'spanmark']) {
    const r = await run(['convert', '--to', to, bad]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /attributes\.count: .*nothing was written/s);
  }
});
