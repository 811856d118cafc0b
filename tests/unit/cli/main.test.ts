// The program around the commands: help, version (compiled in or read from package.json), and the
// terminal helpers every command prints through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliVersion, versionAbove } from '../../../main/node/cli/version.js';
import { displayWidth, padStart, printable } from '../../../main/node/cli/text.js';
import { figure } from '../../../main/node/cli/report-table.js';
import { run } from './helpers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const pkgVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

test('help: overview and per command, on stdout, exit 0', async () => {
  for (const argv of [['--help'], ['help'], ['-h']]) {
    const r = await run(argv);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^spanmark — /);
    assert.match(r.stdout, /spanmark validate \[--json\] FILE…/);
    assert.match(r.stdout, /Exit codes: 0 success; 1 .+; 2 usage error\./);
  }
  const v = await run(['help', 'validate']);
  assert.match(v.stdout, /^Usage: spanmark validate/);
  const a = await run(['agreement', '--help']);
  assert.match(a.stdout, /^Usage: spanmark agreement/);
  assert.match(a.stdout, /--a NAME/);
});

test('no command at all is a usage error', async () => {
  const r = await run([]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'spanmark: no command given.\nRun "spanmark help" for usage.\n');
});

test('--version prints the version main() is given', async () => {
  assert.deepEqual(await run(['--version']), { code: 0, stdout: '9.9.9-test\n', stderr: '' });
});

test("without the bundle's constant, the version comes from the package.json named spanmark above the script", () => {
  // process.argv[1] is this test file, inside the repository.
  assert.equal(cliVersion(), pkgVersion);
  assert.equal(versionAbove(dirname(fileURLToPath(import.meta.url))), pkgVersion);
  const files: Record<string, string> = {
    '/srv/app/node_modules/spanmark/package.json': '{"name": "other", "version": "1.0.0"}',
    '/srv/app/package.json': '{"name": "spanmark", "version": "3.1.4"}',
  };
  const read = (p: string): string => {
    const text = files[p];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
  assert.equal(versionAbove('/srv/app/node_modules/spanmark/dist', read), '3.1.4');
  assert.equal(versionAbove('/elsewhere', read), undefined);
});

test('terminal helpers', () => {
  assert.equal(printable('plain — ünïcode 🇰🇿'), 'plain — ünïcode 🇰🇿');
  assert.equal(printable('a\u001b[31mb\u009bc\u202ed\u2066e\nf'), 'a\\u{001B}[31mb\\u{009B}c\\u{202E}d\\u{2066}e\\u{000A}f');
  assert.equal(displayWidth('abc'), 3);
  assert.equal(displayWidth('哈萨克'), 6);
  assert.equal(displayWidth('cafe\u0301'), 4);
  assert.equal(padStart('—', 6), '     —');
  assert.equal(figure(null), '—');
  assert.equal(figure(0), '0.000');
  assert.equal(figure(2 / 3), '0.667');
});

test('an unexpected failure is one line and exit 1, never a stack trace (SPANMARK_DEBUG=1 adds it)', async () => {
  const { main } = await import('../../../main/node/cli/main.js');
  for (const [error, says] of [
    [
      new RangeError('Maximum call stack size exceeded'),
      /^spanmark: help failed: the input is too deeply nested or too long without a break to process \(Maximum call stack size exceeded\)\.\n$/,
    ],
    [new RangeError('Invalid string length'), /^spanmark: help failed: the input is too large to process/],
    [new TypeError('x is undefined\n    at f (file.js:1:1)'), /^spanmark: help failed unexpectedly: x is undefined\. This is a bug in Spanmark/],
  ] as const) {
    let stderr = '';
    const io = {
      readFile: async () => new Uint8Array(),
      stdout: () => {
        throw error;
      },
      stderr: (t: string) => {
        stderr += t;
      },
    };
    assert.equal(await main(['help'], io, () => '0'), 1);
    assert.match(stderr, says);
    assert.doesNotMatch(stderr, /^\s+at /m);
    assert.equal(stderr.split('\n').length, 2, stderr);
    let debug = '';
    await main(
      ['help'],
      {
        ...io,
        stderr: (t: string) => {
          debug += t;
        },
        debug: true,
      },
      () => '0',
    );
    assert.match(debug, /^\s+at /m);
  }
});
