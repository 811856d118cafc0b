// `spanmark facts` in-process: rows and columns from real v1 exports, a v2-shaped library with
// attributes through an injected loader (real v2 files: v2-schema-commands.test.ts), the label filter,
// the three output forms, and the errors (one line per problem, exit 1; usage errors exit 2).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { factsCommand } from '../../../main/node/cli/facts.js';
import type { CliIo } from '../../../main/node/cli/io.js';
import type { LoadedFile } from '../../../main/node/cli/load.js';
import { parseArgs } from '../../../main/node/cli/args.js';
import { ann, article, at, exportFile, run, tempDir } from './helpers.js';

const tmp = tempDir();
after(() => tmp.remove());

const almaty = {
  ...article('date 2022-01-07 Troops 🇷🇺 arrived in Almaty, "18" killed.\nFour people died.', 'Almaty, 8 January'),
  metadata: { date: '2022-01-07' },
};
const dep = ann(almaty, 'aigerim', 'deployment', ...at(almaty, 'Troops 🇷🇺 arrived in Almaty'));
const cas = ann(almaty, 'aigerim', 'casualty', ...at(almaty, '"18" killed'));
const file = tmp.write('good.spanmark.json', exportFile([{ article: almaty, annotations: [dep, cas] }]));

function pythonCsv(text: string): string[][] {
  const py = spawnSync(
    'python3',
    ['-c', 'import csv,io,sys,json; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))'],
    {
      input: Buffer.from(text, 'utf8'),
      encoding: 'utf8',
    },
  );
  assert.equal(py.status, 0, py.stderr);
  return JSON.parse(py.stdout) as string[][];
}

test('--csv: header and one record per annotation, code point offsets, read back by Python csv', async () => {
  const r = await run(['facts', '--csv', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.ok(!r.stdout.startsWith('\ufeff'), 'no BOM on stdout');
  const rows = pythonCsv(r.stdout);
  const header = rows[0]!;
  assert.deepEqual(header.slice(0, 8), ['document', 'document.date', 'id', 'label', 'start', 'end', 'quote', 'annotator']);
  assert.deepEqual(header.slice(-2), ['review.status', 'review.decision']);
  for (const col of ['force', 'size', 'size.qualifier', 'size.min', 'size.max', 'count', 'kind', 'group', 'place', 'date'])
    assert.ok(header.includes(col), col);
  const rec = (i: number): Record<string, string> => Object.fromEntries(header.map((h, j) => [h, rows[i]![j]!]));
  assert.equal(rows.length, 3);
  assert.equal(rec(1)['label'], 'deployment');
  assert.equal(rec(1)['document'], 'Almaty, 8 January');
  assert.equal(rec(1)['document.date'], '2022-01-07');
  // The flag is 4 UTF-16 units and 2 code points; the casualty span comes after it.
  const cp = [...almaty.text];
  assert.equal(cp.slice(Number(rec(2)['start']), Number(rec(2)['end'])).join(''), '"18" killed');
  assert.equal(rec(2)['quote'], '"18" killed');
  assert.equal(rec(2)['count'], '');
});

test('--label keeps one label and its columns; --jsonl prints typed objects', async () => {
  const r = await run(['facts', '--jsonl', '--label', 'casualty', file]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!['label'], 'casualty');
  assert.equal(typeof lines[0]!['start'], 'number');
  assert.equal(lines[0]!['count'], null);
  assert.ok(!('force' in lines[0]!));
});

test('the default table is for people: aligned, only columns with values, no controls', async () => {
  const evil = { ...article('Troops \u001b[2J arrived \u202e in Almaty.', 'T\u001b]0;x\u0007') };
  const path = tmp.write('evil.spanmark.json', exportFile([{ article: evil, annotations: [ann(evil, 'a', 'deployment', 0, evil.text.length - 1)] }]));
  const r = await run(['facts', path]);
  assert.equal(r.code, 0, r.stderr);
  const [head, row] = r.stdout.split('\n');
  assert.match(head!, /^document +id +label +start +end +quote +annotator$/);
  assert.ok(!/[\u0000-\u0008\u001b\u202e]/.test(r.stdout), r.stdout);
  assert.ok(row!.includes('\\u{001B}'));
  const empty = tmp.write('empty.spanmark.json', exportFile([{ article: evil, annotations: [] }]));
  assert.equal((await run(['facts', empty])).stdout, 'No annotations.\n');
});

test('attributes from a v2-shaped library: quantity value/qualifier, a range, choices, a link with its quote', async () => {
  const text = 'Tokayev said 18 were killed, 10 to 15 injured.';
  const doc = article(text, 'Claims');
  const speaker = { ...ann(doc, 'ana', 'claim', ...at(doc, 'Tokayev')), id: 'spk', label: 'actor' };
  const killed = {
    ...ann(doc, 'ana', 'casualty', ...at(doc, '18 were killed')),
    id: 'k',
    attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed'] },
  };
  const injured = {
    ...ann(doc, 'ana', 'casualty', ...at(doc, '10 to 15 injured')),
    id: 'i',
    attributes: { count: { min: 10, max: 15 }, kind: ['injured', 'missing'] },
  };
  const claim = { ...ann(doc, 'ana', 'claim', ...at(doc, '18 were killed, 10 to 15 injured')), id: 'c', attributes: { speaker: 'spk', stance: 'asserted' } };
  const schema = {
    labels: [
      {
        id: 'claim',
        attributes: [
          { id: 'speaker', name: 'Speaker', type: 'link', targets: ['actor'] },
          { id: 'stance', name: 'Stance', type: 'choice', values: ['asserted'] },
        ],
      },
      {
        id: 'casualty',
        attributes: [
          { id: 'count', name: 'Count', type: 'quantity' },
          { id: 'kind', name: 'Kind', type: 'choice', multiple: true, values: ['killed', 'injured', 'missing'] },
        ],
      },
      { id: 'actor', attributes: [] },
    ],
  };
  const loaded = {
    ok: true,
    file: 'v2.json',
    library: {
      exportedAt: '2022-01-08T10:15:00.000Z',
      schema,
      documents: [{ article: doc, annotations: [speaker, killed, injured, claim], review: { status: 'reviewed', decisions: [] } }],
    },
  } as unknown as LoadedFile;
  let out = '';
  const io: CliIo = { readFile: async () => new Uint8Array(), stdout: (t) => void (out += t), stderr: (t) => assert.fail(t) };
  assert.equal(await factsCommand({ files: ['v2.json'], format: 'csv', safe: false }, io, async () => loaded), 0);
  const rows = pythonCsv(out);
  const h = rows[0]!;
  const get = (i: number, col: string): string => rows[i]![h.indexOf(col)]!;
  assert.deepEqual(h.slice(8), [
    'speaker',
    'speaker.quote',
    'stance',
    'count',
    'count.qualifier',
    'count.min',
    'count.max',
    'kind',
    'review.status',
    'review.decision',
  ]);
  assert.deepEqual([get(2, 'count'), get(2, 'count.qualifier'), get(2, 'kind')], ['18', 'exact', 'killed']);
  assert.deepEqual([get(3, 'count'), get(3, 'count.min'), get(3, 'count.max'), get(3, 'kind')], ['', '10', '15', 'injured; missing']);
  assert.deepEqual([get(4, 'speaker'), get(4, 'speaker.quote'), get(4, 'stance'), get(4, 'review.status')], ['spk', 'Tokayev', 'asserted', 'reviewed']);
  out = '';
  assert.equal(await factsCommand({ files: ['v2.json'], format: 'csv', safe: false, label: 'actor' }, io, async () => loaded), 0);
  assert.equal(pythonCsv(out).length, 2);
});

test('errors: a bad file is named with its problems, an unknown label lists the known ones; exit 1', async () => {
  const bad = tmp.write('bad.json', '{"format": "spanmark", "version": 1');
  const r = await run(['facts', '--csv', file, bad]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '', 'nothing printed from the good file either');
  assert.match(r.stderr, new RegExp(`^FAIL ${bad}\n  .+\nspanmark: facts needs valid files; fix the file above`));
  const missing = await run(['facts', 'nope.json']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /cannot read nope\.json: no such file/);
  const unknown = await run(['facts', '--label', 'actor', file]);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stderr, 'spanmark: no label "actor" in this file; labels: claim, casualty, deployment.\n');
});

test('usage: files needed, --csv and --jsonl exclusive, --label needs an id, --safe only with --csv', () => {
  const refused = (args: string[]): string => {
    const p = parseArgs(args);
    assert.ok(!p.ok, args.join(' '));
    assert.equal(p.error.topic, 'facts');
    return p.error.message;
  };
  assert.match(refused(['facts']), /at least one file/);
  assert.match(refused(['facts', '--csv', '--jsonl', 'f']), /exclude each other/);
  assert.match(refused(['facts', '--label', '--csv', 'f']), /--label needs a label id/);
  assert.match(refused(['facts', '--safe', 'f']), /--safe applies to --csv/);
  assert.match(refused(['facts', '--json', 'f']), /unknown option "--json" for facts/);
  const p = parseArgs(['facts', '--label=casualty', '--csv', '--safe', 'a', 'b']);
  assert.deepEqual(p, { ok: true, value: { kind: 'facts', files: ['a', 'b'], format: 'csv', safe: true, label: 'casualty' } });
});

test('help facts, and the overview lists the command', async () => {
  const h = await run(['help', 'facts']);
  assert.equal(h.code, 0);
  assert.match(h.stdout, /^Usage: spanmark facts/);
  assert.match((await run(['help'])).stdout, /spanmark facts \[--label ID\]/);
  const usage = await run(['facts']);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Run "spanmark help facts" for usage/);
});
