// `spanmark agreement` in-process on real export files: the printed table against figures worked
// out by hand, three annotators (alpha), pooling and merging across files, units (offsets after
// astral characters), the failures, and the --json shape.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { ann, article, at, exportFile, run, tempDir } from './helpers.js';
import { pairCell, pairwiseAgreement, type PairAgreement } from '../../../src/review/agreement/pairwise.js';

const tmp = tempDir();
after(() => tmp.remove());

// 16 tokens: Troops arrived in Almaty . | Four people died . | Officials said the city was calm .
const almaty = article('Troops arrived in Almaty. Four people died. Officials said the city was calm.', 'Almaty');
const troops = at(almaty, 'Troops arrived in Almaty');
const died = at(almaty, 'Four people died');
const said = at(almaty, 'Officials said the city was calm');
const aliceAlmaty = [ann(almaty, 'alice', 'deployment', ...troops), ann(almaty, 'alice', 'casualty', ...died), ann(almaty, 'alice', 'claim', ...said)];
// bob: the deployment exactly, the casualty's span as a claim (label mismatch), nothing on the claim (only A).
const bobAlmaty = [ann(almaty, 'bob', 'deployment', ...troops), ann(almaty, 'bob', 'claim', ...died)];

const alicePath = tmp.write('alice.spanmark.json', exportFile([{ article: almaty, annotations: aliceAlmaty }]));
const bobPath = tmp.write('bob.spanmark.json', exportFile([{ article: almaty, annotations: bobAlmaty }]));

/** The cells of the row starting with `name` in the first table after `heading`. */
function row(stdout: string, name: string, heading = '== Document 1'): string[] {
  const section = stdout.slice(stdout.indexOf(heading));
  const line = section.split('\n').find((l) => l.startsWith(`${name} `));
  assert.ok(line !== undefined, `no row ${name} after ${heading}`);
  return line.trim().split(/\s+/).slice(name.split(' ').length);
}

test('two analysts: the table matches the figures worked out by hand', async () => {
  const r = await run(['agreement', alicePath, bobPath]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^Agreement of B = bob against A = alice \(reference\)$/m);
  // Columns: exact P R F1, relaxed P R F1, kappa, alpha.
  // claim: A "Officials…calm" (6 tokens), B "Four people died" (3): no overlap, tp 0 fp 1 fn 1.
  //   kappa: both 0, A only 6, B only 3, neither 7: po 7/16, pe (6·3 + 10·13)/256 = 148/256, κ = −36/108 = −1/3.
  //   alpha: 9 tokens coded 1/0, 7 coded 0/0: n 32, Do 18/32, De 2·9·23/(32·31), α = 1 − 558/414 = −8/23.
  assert.deepEqual(row(r.stdout, 'claim'), ['0.000', '0.000', '0.000', '0.000', '0.000', '0.000', '-0.333', '-0.348']);
  // casualty: only A has one: tp 0 fp 0 fn 1 → P and F1 undefined, R 0.
  //   kappa: A only 3, neither 13: pe = 13/16 = po → 0.  alpha: n_yes 3, n_no 29: α = 1 − (6/32)/(174/992) = −2/29.
  assert.deepEqual(row(r.stdout, 'casualty'), ['—', '0.000', '—', '—', '0.000', '—', '0.000', '-0.069']);
  // deployment: the same span: 1 everywhere.
  assert.deepEqual(row(r.stdout, 'deployment'), ['1.000', '1.000', '1.000', '1.000', '1.000', '1.000', '1.000', '1.000']);
  // macro over the defined labels: P (0 + 1)/2, R (0 + 0 + 1)/3, F1 (0 + 1)/2, κ (−1/3 + 0 + 1)/3 = 2/9,
  // α (−8/23 − 2/29 + 1)/3 ≈ 0.194.
  assert.deepEqual(row(r.stdout, 'macro'), ['0.500', '0.333', '0.500', '0.500', '0.333', '0.500', '0.222', '0.194']);
  // The counts the figures rest on.
  assert.deepEqual(row(r.stdout, 'spans'), ['claim', 'casualty', 'deployment', 'total']);
  assert.deepEqual(row(r.stdout, 'alice (A)'), ['1', '1', '1', '3']);
  assert.deepEqual(row(r.stdout, 'bob (B)'), ['1', '0', '1', '2']);
  assert.deepEqual(row(r.stdout, 'tokens'), ['16']);
  assert.match(r.stdout, /^— undefined: no spans \/ no variation$/m);
  assert.doesNotMatch(r.stdout, /NaN|null|undefined\b(?!:)/);
});

test('the fixed-width table itself', async () => {
  const r = await run(['agreement', alicePath, bobPath]);
  const start = r.stdout.indexOf('== Document 1');
  assert.equal(
    r.stdout.slice(start).split('\n').slice(2, 13).join('\n'),
    [
      '            ------- exact --------   ------ relaxed -------',
      'label            P       R      F1        P       R      F1    kappa   alpha',
      'claim        0.000   0.000   0.000    0.000   0.000   0.000   -0.333  -0.348',
      'casualty         —   0.000       —        —   0.000       —    0.000  -0.069',
      'deployment   1.000   1.000   1.000    1.000   1.000   1.000    1.000   1.000',
      'macro        0.500   0.333   0.500    0.500   0.333   0.500    0.222   0.194',
      '',
      'spans        claim  casualty  deployment   total',
      'alice (A)        1         1           1       3',
      'bob (B)          1         0           1       2',
      'tokens          16',
    ].join('\n'),
  );
});

test('a label nobody used is undefined for every figure, kappa and alpha included', async () => {
  const doc = article('Troops arrived.', 'No claims');
  const a = tmp.write('u-a.json', exportFile([{ article: doc, annotations: [ann(doc, 'alice', 'deployment', 0, 14)] }]));
  const b = tmp.write('u-b.json', exportFile([{ article: doc, annotations: [ann(doc, 'bob', 'deployment', 0, 6)] }]));
  const r = await run(['agreement', a, b]);
  assert.equal(r.code, 0);
  assert.deepEqual(row(r.stdout, 'claim'), ['—', '—', '—', '—', '—', '—', '—', '—']);
  // deployment: exact miss (0), relaxed hit (1); tokens Troops arrived . → A 2, B 1.
  assert.deepEqual(row(r.stdout, 'deployment').slice(0, 6), ['0.000', '0.000', '0.000', '1.000', '1.000', '1.000']);
});

test('three analysts, one pair chosen with --a/--b: alpha is over all three (the worked example of docs/agreement.md)', async () => {
  const doc = article('Police said 12 protesters died and troops arrived.', 'Worked example');
  const files = [
    tmp.write(
      'w-alice.json',
      exportFile([
        { article: doc, annotations: [ann(doc, 'alice', 'claim', 0, 30), ann(doc, 'alice', 'casualty', 12, 30), ann(doc, 'alice', 'deployment', 35, 49)] },
      ]),
    ),
    tmp.write('w-bob.json', exportFile([{ article: doc, annotations: [ann(doc, 'bob', 'claim', 7, 30), ann(doc, 'bob', 'casualty', 12, 30)] }])),
    tmp.write(
      'w-carol.json',
      exportFile([
        { article: doc, annotations: [ann(doc, 'carol', 'claim', 0, 30), ann(doc, 'carol', 'casualty', 12, 25), ann(doc, 'carol', 'deployment', 35, 49)] },
      ]),
    ),
  ];
  const r = await run(['agreement', '--a', 'alice', '--b', 'bob', ...files]);
  assert.equal(r.code, 0, r.stderr);
  // kappa 32/41, 1, 0 (alice and bob); alpha 6/7, 63/76, 10/23 (all three); macro 73/123 and ≈ 0.707.
  assert.deepEqual(row(r.stdout, 'claim'), ['0.000', '0.000', '0.000', '1.000', '1.000', '1.000', '0.780', '0.857']);
  assert.deepEqual(row(r.stdout, 'casualty'), ['1.000', '1.000', '1.000', '1.000', '1.000', '1.000', '1.000', '0.829']);
  assert.deepEqual(row(r.stdout, 'deployment'), ['—', '0.000', '—', '—', '0.000', '—', '0.000', '0.435']);
  assert.deepEqual(row(r.stdout, 'macro'), ['0.500', '0.333', '0.500', '1.000', '0.667', '1.000', '0.593', '0.707']);
  assert.deepEqual(row(r.stdout, 'carol'), ['1', '1', '1', '3']);

  const json = JSON.parse((await run(['agreement', '--json', '--a', 'alice', ...files])).stdout);
  assert.deepEqual(json.annotators, ['alice', 'bob', 'carol']);
  assert.deepEqual(json.combined.alpha.annotators, ['alice', 'bob', 'carol']);
  assert.equal(json.combined.alpha.perLabel.claim.alpha.toFixed(12), (6 / 7).toFixed(12));
});

test("offsets after astral characters: the decoder's UTF-16 spans meet the UTF-16 token grid", async () => {
  // Tokens: 🇰 🇿 Soldiers 𝟐𝟎 arrived . (6). Code points and UTF-16 units differ by 2 per astral character.
  const doc = article('🇰🇿 Soldiers 𝟐𝟎 arrived.', 'Astral');
  const a = tmp.write('x-a.json', exportFile([{ article: doc, annotations: [ann(doc, 'alice', 'deployment', ...at(doc, 'Soldiers 𝟐𝟎 arrived'))] }]));
  const b = tmp.write('x-b.json', exportFile([{ article: doc, annotations: [ann(doc, 'bob', 'deployment', ...at(doc, 'arrived'))] }]));
  const r = await run(['agreement', '--json', a, b]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout).documents[0].report;
  assert.equal(report.tokens, 6);
  // Misread units would shift "arrived" onto "𝟐𝟎" or "." and change these counts.
  const { bothYes, aOnly, bOnly, bothNo } = report.kappa.perLabel.deployment;
  assert.deepEqual([bothYes, aOnly, bOnly, bothNo], [1, 2, 0, 3]);
  assert.deepEqual([report.f1.exact.perLabel.deployment.tp, report.f1.relaxed.perLabel.deployment.tp], [0, 1]);
});

test('several documents pooled, a layer found in two files merged, a one-annotator document left out', async () => {
  const aktau = article('Troops left Aktau.', 'Aktau');
  const atyrau = article('Nothing happened in Atyrau.', 'Atyrau');
  const aliceAktau = ann(aktau, 'alice', 'deployment', 0, 17, 'al-1');
  const alice = tmp.write(
    'p-alice.json',
    exportFile([
      { article: almaty, annotations: aliceAlmaty },
      { article: aktau, annotations: [aliceAktau] },
      { article: atyrau, annotations: [ann(atyrau, 'alice', 'claim', 0, 7)] },
    ]),
  );
  // bob's library also holds alice's Aktau layer, imported and then edited: the later file wins.
  const bob = tmp.write(
    'p-bob.json',
    exportFile([
      { article: almaty, annotations: bobAlmaty },
      { article: aktau, annotations: [ann(aktau, 'bob', 'deployment', 0, 17), { ...aliceAktau, end: 11, quote: 'Troops left' }] },
    ]),
  );
  const r = await run(['agreement', alice, bob]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stderr,
    `warning: alice has a layer on "Aktau" (sha256 ${aktau.sha256.slice(0, 12)}…) in both ${alice} and ${bob}; merged by annotation id, ${bob} wins (1 annotation id in both, 1 changed).\n`,
  );
  assert.match(r.stdout, /^Documents: 2 of 3 compared; 1 annotated by one annotator only$/m);
  assert.match(r.stdout, /^== Document 2 of 2: "Aktau"/m);
  // Aktau (tokens Troops left Aktau . = 4): alice "Troops left" (merged), bob "Troops left Aktau": relaxed hit, exact miss.
  assert.deepEqual(row(r.stdout, 'deployment', '== Document 2').slice(0, 6), ['0.000', '0.000', '0.000', '1.000', '1.000', '1.000']);
  // Pooled: deployment exact tp 1 of 2 each way (P = R = F1 = 1/2), relaxed 2 of 2; tokens 16 + 4.
  assert.deepEqual(row(r.stdout, 'deployment', '== Combined').slice(0, 6), ['0.500', '0.500', '0.500', '1.000', '1.000', '1.000']);
  assert.deepEqual(row(r.stdout, 'tokens', '== Combined'), ['20']);
  assert.deepEqual(row(r.stdout, 'alice (A)', '== Combined'), ['1', '1', '2', '4']);

  const json = JSON.parse((await run(['agreement', '--json', alice, bob])).stdout);
  assert.equal(json.combined.documents, 2);
  assert.deepEqual(json.skipped, [{ sha256: atyrau.sha256, title: 'Atyrau', annotators: ['alice'], reason: 'one-annotator' }]);
  assert.equal(json.warnings.length, 1);
});

test('--a and --b choose the pair; B is scored against A', async () => {
  const r = await run(['agreement', '--a', 'bob', '--b=alice', alicePath, bobPath]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Agreement of B = alice against A = bob \(reference\)$/m);
  // Swapping the reference swaps precision and recall: casualty is now only-B, so R is undefined.
  assert.deepEqual(row(r.stdout, 'casualty').slice(0, 3), ['0.000', '—', '—']);
  assert.deepEqual(row(r.stdout, 'bob (A)'), ['1', '0', '1', '2']);

  const unknown = await run(['agreement', '--a', 'zed', alicePath, bobPath]);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.stdout, '');
  assert.match(unknown.stderr, /--a zed: no such annotator in the shared documents \(annotators of the shared documents: alice, bob\)/);
});

test('a shared document without A or B is left out and named', async () => {
  const aktau = article('Troops left Aktau.', 'Aktau');
  const f1 = tmp.write('s-1.json', exportFile([{ article: almaty, annotations: aliceAlmaty }]));
  const f2 = tmp.write(
    's-2.json',
    exportFile([
      { article: almaty, annotations: bobAlmaty },
      { article: aktau, annotations: [ann(aktau, 'bob', 'deployment', 0, 6), ann(aktau, 'carol', 'deployment', 0, 17)] },
    ]),
  );
  const r = await run(['agreement', '--a', 'alice', '--b', 'bob', f1, f2]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Documents: 1 of 2 compared; 1 shared without a layer by alice or bob: "Aktau"$/m);
  const json = JSON.parse((await run(['agreement', '--json', '--a', 'alice', '--b', 'bob', f1, f2])).stdout);
  assert.deepEqual(
    json.skipped.map((s: any) => [s.title, s.annotators, s.reason]),
    [['Aktau', ['bob', 'carol'], 'no-layer-by-a-or-b']],
  );
  // With bob and carol as the pair, Aktau is the one compared.
  const bc = JSON.parse((await run(['agreement', '--json', '--a', 'bob', '--b', 'carol', f1, f2])).stdout);
  assert.deepEqual(
    bc.documents.map((d: any) => d.title),
    ['Aktau'],
  );
});

test('no shared document: a message, exit 1', async () => {
  const aktau = article('Troops left Aktau.', 'Aktau');
  const other = tmp.write('n-bob.json', exportFile([{ article: aktau, annotations: [ann(aktau, 'bob', 'deployment', 0, 6)] }]));
  const r = await run(['agreement', alicePath, other]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^spanmark: no shared document: none of the 2 documents in the files is annotated by two annotators \(annotators: alice, bob\)/);
  const alone = await run(['agreement', alicePath]);
  assert.equal(alone.code, 1);
  assert.match(alone.stderr, /annotations by alice only/);
});

test('an invalid file is reported like validate, on stderr, exit 1', async () => {
  const bad = tmp.write('bad.json', '{"format": "spanmark", "version": 3}');
  const r = await run(['agreement', alicePath, bad, `${tmp.dir}/absent.json`]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, new RegExp(`^FAIL ${bad}\n {2}version: This export's format version 3`, 'm'));
  assert.match(r.stderr, /^ {2}cannot read \S+absent\.json: no such file\.$/m);
  assert.match(r.stderr, /agreement needs valid files; fix the files above/);
});

test('--json: the report objects, with null (never 0) for undefined figures', async () => {
  const r = await run(['agreement', '--json', alicePath, bobPath]);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out), ['a', 'b', 'annotators', 'files', 'documents', 'combined', 'skipped', 'warnings']);
  assert.deepEqual([out.a, out.b, out.files, out.skipped, out.warnings], ['alice', 'bob', [alicePath, bobPath], [], []]);
  assert.deepEqual(Object.keys(out.documents[0]), ['sha256', 'title', 'files', 'report']);
  assert.equal(out.documents[0].sha256, almaty.sha256);
  const report = out.documents[0].report;
  assert.deepEqual(Object.keys(report), ['documents', 'a', 'b', 'tokens', 'labels', 'spanCounts', 'f1', 'kappa', 'alpha', 'attributes']);
  assert.deepEqual(report.f1.exact.perLabel.casualty, { tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: null });
  assert.deepEqual(report.f1.exact.macro.f1, { value: 0.5, labels: ['claim', 'deployment'] });
  assert.equal(report.kappa.perLabel.claim.kappa.toFixed(12), (-1 / 3).toFixed(12));
  assert.equal(report.alpha.perLabel.claim.alpha.toFixed(12), (-8 / 23).toFixed(12));
  assert.deepEqual(out.combined, report);
});

test('titles and names from a file cannot send escape sequences to the terminal', async () => {
  const doc = article('Troops arrived.', 'Evil \u001b[2J\u202e title');
  const a = tmp.write('e-a.json', exportFile([{ article: doc, annotations: [ann(doc, 'al\u001b[31mice', 'deployment', 0, 6)] }]));
  const b = tmp.write('e-b.json', exportFile([{ article: doc, annotations: [ann(doc, 'bob', 'deployment', 0, 6)] }]));
  const r = await run(['agreement', a, b]);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.stdout, /[\u001b\u202e]/);
  assert.match(r.stdout, /"Evil \\u\{001B\}\[2J\\u\{202E\} title"/);
  assert.match(r.stdout, /^al\\u\{001B\}\[31mice \(A\)/m);
});

test("three analysts without --a/--b: every pair, text and --json, the same figures as the core's pairwise matrix", async () => {
  const doc = article('Police said 12 protesters died and troops arrived.', 'Worked example');
  const layers = {
    alice: [ann(doc, 'alice', 'claim', 0, 30), ann(doc, 'alice', 'casualty', 12, 30), ann(doc, 'alice', 'deployment', 35, 49)],
    bob: [ann(doc, 'bob', 'claim', 7, 30), ann(doc, 'bob', 'casualty', 12, 30)],
    carol: [ann(doc, 'carol', 'claim', 0, 30), ann(doc, 'carol', 'casualty', 12, 25), ann(doc, 'carol', 'deployment', 35, 49)],
  };
  const files = Object.entries(layers).map(([name, list]) => tmp.write(`m-${name}.json`, exportFile([{ article: doc, annotations: list }])));
  const r = await run(['agreement', ...files]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Agreement of every pair of 3 annotators: alice, bob, carol/m);
  // alpha over all three: 6/7, 63/76, 10/23.
  assert.deepEqual(row(r.stdout, 'claim', '== Alpha'), ['0.857']);
  assert.deepEqual(row(r.stdout, 'casualty', '== Alpha'), ['0.829']);
  assert.deepEqual(row(r.stdout, 'deployment', '== Alpha'), ['0.435']);
  // The kappa matrix, macro: alice–bob 73/123, alice–carol (1 + 8/11 + 1)/3, bob–carol (32/41 + 8/11 + 0)/3.
  assert.deepEqual(row(r.stdout, 'alice', '== kappa'), ['0.593', '0.909']);
  assert.deepEqual(row(r.stdout, 'bob', '== kappa'), ['0.593', '0.503']);
  assert.deepEqual(row(r.stdout, 'carol', '== kappa'), ['0.909', '0.503']);
  // Each pair's own table, as --a/--b would print it. alice–carol casualty: [12,30) vs [12,25): exact miss,
  // relaxed hit, kappa 8/11.
  assert.deepEqual(row(r.stdout, 'casualty', '== B = carol against A = alice'), ['0.000', '0.000', '0.000', '1.000', '1.000', '1.000', '0.727', '0.829']);
  assert.deepEqual(row(r.stdout, 'deployment', '== B = carol against A = bob'), ['0.000', '—', '—', '0.000', '—', '—', '0.000', '0.435']);
  for (const [a, b] of [
    ['alice', 'bob'],
    ['alice', 'carol'],
    ['bob', 'carol'],
  ]) {
    const one = await run(['agreement', '--a', a!, '--b', b!, ...files]);
    const section = (out: string, heading: string) => out.slice(out.indexOf(heading)).split('\n').slice(2, 8).join('\n');
    assert.equal(section(r.stdout, `== B = ${b} against A = ${a}`), section(one.stdout, '== Combined'));
  }

  const json = JSON.parse((await run(['agreement', '--json', ...files])).stdout);
  assert.deepEqual(Object.keys(json), ['mode', 'annotators', 'files', 'documents', 'alpha', 'pairs', 'skipped', 'warnings']);
  assert.equal(json.mode, 'every-pair');
  assert.deepEqual(
    json.pairs.map((p: any) => [p.a, p.b, p.documents.length]),
    [
      ['alice', 'bob', 1],
      ['alice', 'carol', 1],
      ['bob', 'carol', 1],
    ],
  );
  assert.deepEqual([json.alpha.annotators, json.alpha.documents, json.alpha.tokens], [['alice', 'bob', 'carol'], 1, 9]);
  assert.equal(json.alpha.perLabel.casualty.alpha.toFixed(12), (63 / 76).toFixed(12));
  const matrix = pairwiseAgreement([{ text: doc.text, layers: Object.entries(layers).map(([annotator, list]) => ({ annotator, spans: list })) }]);
  assert.ok(matrix.ok);
  for (const p of json.pairs as { a: string; b: string; report: { f1: unknown; kappa: unknown } }[]) {
    const cell: PairAgreement = pairCell(matrix.value, p.a, p.b)!;
    assert.deepEqual(p.report.f1, JSON.parse(JSON.stringify(cell.f1)));
    assert.deepEqual(p.report.kappa, JSON.parse(JSON.stringify(cell.kappa)));
  }
  // Either flag still selects one pair.
  const single = JSON.parse((await run(['agreement', '--json', '--b', 'carol', ...files])).stdout);
  assert.deepEqual([single.a, single.b], ['alice', 'carol']);
});

test('every pair: a pair that shares no document is left out of the pairs, and its matrix cell is undefined', async () => {
  const one = article('Troops left Aktau.', 'Aktau');
  const two = article('Troops left Atyrau.', 'Atyrau');
  const f = tmp.write(
    'q-all.json',
    exportFile([
      { article: one, annotations: [ann(one, 'alice', 'deployment', 0, 6), ann(one, 'bob', 'deployment', 0, 6)] },
      { article: two, annotations: [ann(two, 'bob', 'deployment', 0, 6), ann(two, 'carol', 'deployment', 0, 11)] },
    ]),
  );
  const r = await run(['agreement', f]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(row(r.stdout, 'alice', '== F1 exact'), ['1.000', '—']);
  assert.match(r.stdout, /^— undefined/m);
  const json = JSON.parse((await run(['agreement', '--json', f])).stdout);
  assert.deepEqual(
    json.pairs.map((p: any) => [p.a, p.b]),
    [
      ['alice', 'bob'],
      ['bob', 'carol'],
    ],
  );
});

test('a document of 5 million non-ASCII letters without a break: agreement runs, no stack trace', async () => {
  const huge = article(`Алматы ${'ж'.repeat(5_000_000)} end.`, 'Huge');
  const word = at(huge, 'Алматы');
  const end = at(huge, 'end');
  const a = tmp.write(
    'huge-a.spanmark.json',
    exportFile([{ article: huge, annotations: [ann(huge, 'alice', 'claim', ...word), ann(huge, 'alice', 'claim', ...end)] }]),
  );
  const b = tmp.write('huge-b.spanmark.json', exportFile([{ article: huge, annotations: [ann(huge, 'bob', 'claim', ...word)] }]));
  const v = await run(['validate', a, b]);
  assert.equal(v.code, 0, v.stdout);
  const r = await run(['agreement', a, b]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
  // 4 tokens: Алматы, the run, end, ".": the claim row is computed over them.
  assert.match(r.stdout, /^claim /m);
});
