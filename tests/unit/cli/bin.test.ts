// The built binary end to end: dist/cli/spanmark.cjs as the `spanmark` bin runs it (a CommonJS
// bundle with a shebang and the version compiled in), `npx spanmark` from the repository, and the
// source entry through tsx. Slow (one esbuild run), so everything else is tested in-process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ann, article, exportFile, tempDir } from './helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const bin = join(root, 'dist', 'cli', 'spanmark.cjs');
const pkgVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const tmp = tempDir();
after(() => tmp.remove());

function spawn(command: string, args: readonly string[]): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
}
const spanmark = (...args: string[]): SpawnSyncReturns<string> => spawn(process.execPath, [bin, ...args]);

before(
  () => {
    // Rebuilds only the cli entry (the build script's `cli` argument).
    const built = spawn('npx', ['tsx', 'scripts/build.ts', 'cli']);
    assert.equal(built.status, 0, `build failed:\n${built.stdout}\n${built.stderr}`);
  },
  { timeout: 180_000 },
);

test('the bundle starts with a shebang', () => {
  assert.ok(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n'));
});

test('node dist/cli/spanmark.cjs validate: exit code and output', () => {
  const doc = article('Troops 🇷🇺 arrived in Almaty.', 'Almaty');
  const good = tmp.write('good.spanmark.json', exportFile([{ article: doc, annotations: [ann(doc, 'aigerim', 'deployment', 0, 6)] }]));
  const tampered = JSON.parse(readFileSync(good, 'utf8')) as { documents: { annotations: { quote: string }[] }[] };
  tampered.documents[0]!.annotations[0]!.quote = 'Tanks';
  const bad = tmp.write('bad.spanmark.json', JSON.stringify(tampered, null, 2));
  const ok = spanmark('validate', good);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, `ok   ${good}  (1 document, 1 annotation)\n`);
  // A bundled define must not replace the codec's own format version constant (also SPANMARK_VERSION).
  const failed = spanmark('validate', good, bad);
  assert.equal(failed.status, 1);
  assert.match(failed.stdout, new RegExp(`^FAIL ${bad}\n {2}documents\\[0\\]\\.annotations\\[0\\]\\.quote: quote "Tanks" does not match`, 'm'));
  const usage = spanmark('validate');
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /validate needs at least one file/);
});

test('node dist/cli/spanmark.cjs facts --csv: a CSV Python reads back; a bad file is one FAIL and exit 1', () => {
  const doc = article('Troops 🇷🇺 arrived in Almaty, "18, two" killed.', 'Almaty, 7 January');
  const path = tmp.write('facts.spanmark.json', exportFile([{ article: doc, annotations: [ann(doc, 'aigerim', 'casualty', 30, 45)] }]));
  const r = spanmark('facts', '--csv', path);
  assert.equal(r.status, 0, r.stderr);
  const py = spawnSync('python3', ['-c', 'import csv,sys,json; print(json.dumps(list(csv.DictReader(sys.stdin))))'], { input: r.stdout, encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  const rows = JSON.parse(py.stdout) as Record<string, string>[];
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!['quote'], doc.text.slice(30, 45));
  assert.equal(rows[0]!['document'], 'Almaty, 7 January');
  assert.equal(rows[0]!['start'], '28');
  const bad = spanmark('facts', '--csv', join(tmp.dir, 'missing.json'));
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^FAIL .*missing\.json\n {2}cannot read .*: no such file\.\n/);
});

test("node dist/cli/spanmark.cjs --version prints package.json's version", () => {
  const r = spanmark('--version');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${pkgVersion}\n`);
});

test('large --json output reaches the end of a pipe intact', () => {
  const docs = Array.from({ length: 60 }, (_, i) => article(`Report ${i}: troops arrived in town ${i}.`, `Report ${i}`));
  const a = tmp.write('big-a.json', exportFile(docs.map((d) => ({ article: d, annotations: [ann(d, 'alice', 'deployment', 0, 6)] }))));
  const b = tmp.write('big-b.json', exportFile(docs.map((d) => ({ article: d, annotations: [ann(d, 'bob', 'deployment', 0, 13)] }))));
  const r = spanmark('agreement', '--json', a, b);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.length > 256 * 1024, `only ${r.stdout.length} characters`);
  assert.equal(JSON.parse(r.stdout).documents.length, 60);
});

test('the source entry runs through tsx and finds the version in package.json', () => {
  const r = spawn(process.execPath, ['--import', 'tsx', join(root, 'main', 'node', 'cli.ts'), '--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${pkgVersion}\n`);
});

test("npx spanmark --version from the repository root runs this project's bin", () => {
  // npm exec links the local package into its cache on first use and would run its "prepare"
  // script (a full build that empties dist/); --ignore-scripts keeps the test to the bin itself,
  // --offline keeps npm off the registry.
  const r = spawn('npx', ['--offline', '--ignore-scripts', 'spanmark', '--version']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, `${pkgVersion}\n`);
});
