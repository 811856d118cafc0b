// Every accepted and refused form of the spanmark command line, as data: no command runs here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseArgs, type Command } from '../../../main/node/cli/args.js';

const ok = (argv: string[]): Command => {
  const r = parseArgs(argv);
  assert.ok(r.ok, `${argv.join(' ')}: ${r.ok ? '' : r.error.message}`);
  return r.value;
};
const refused = (argv: string[]): { message: string; topic?: string } => {
  const r = parseArgs(argv);
  assert.ok(!r.ok, `${argv.join(' ')} should be refused`);
  return r.error;
};

test('validate takes files and --json, in any order', () => {
  assert.deepEqual(ok(['validate', 'a.json']), { kind: 'validate', files: ['a.json'], json: false });
  assert.deepEqual(ok(['validate', '--json', 'a.json', 'b.json']), { kind: 'validate', files: ['a.json', 'b.json'], json: true });
  assert.deepEqual(ok(['validate', 'a.json', '--json', 'b.json']), { kind: 'validate', files: ['a.json', 'b.json'], json: true });
});

test('after -- every argument is a file, even one that looks like an option', () => {
  assert.deepEqual(ok(['validate', '--', '--json', '-x.json']), { kind: 'validate', files: ['--json', '-x.json'], json: false });
  assert.deepEqual(ok(['validate', '-']), { kind: 'validate', files: ['-'], json: false });
});

test('agreement takes --a and --b as "--a NAME" or "--a=NAME"', () => {
  assert.deepEqual(ok(['agreement', 'x.json', 'y.json']), { kind: 'agreement', files: ['x.json', 'y.json'], json: false });
  assert.deepEqual(ok(['agreement', '--a', 'alice', '--b=bob', '--json', 'x.json', 'y.json']), {
    kind: 'agreement',
    files: ['x.json', 'y.json'],
    json: true,
    a: 'alice',
    b: 'bob',
  });
  assert.deepEqual(ok(['agreement', 'x.json', '--b', 'bob']), { kind: 'agreement', files: ['x.json'], json: false, b: 'bob' });
  // An annotator whose name starts with a dash can still be named with "=".
  assert.deepEqual(ok(['agreement', '--a=-anon-', 'x.json']), { kind: 'agreement', files: ['x.json'], json: false, a: '-anon-' });
});

test('help and version', () => {
  assert.deepEqual(ok(['--help']), { kind: 'help' });
  assert.deepEqual(ok(['-h']), { kind: 'help' });
  assert.deepEqual(ok(['help']), { kind: 'help' });
  assert.deepEqual(ok(['help', 'agreement']), { kind: 'help', topic: 'agreement' });
  assert.deepEqual(ok(['--help', 'validate']), { kind: 'help', topic: 'validate' });
  // Asking for help wins over whatever else is wrong on the line.
  assert.deepEqual(ok(['validate', '--bogus', '--help']), { kind: 'help', topic: 'validate' });
  assert.deepEqual(ok(['agreement', '-h']), { kind: 'help', topic: 'agreement' });
  assert.deepEqual(ok(['--version']), { kind: 'version' });
  // ...except after "--", where --help is a file name.
  assert.deepEqual(ok(['validate', '--', '--help']), { kind: 'validate', files: ['--help'], json: false });
});

test('usage errors say what is wrong and which help topic explains it', () => {
  assert.match(refused([]).message, /no command/);
  assert.deepEqual(refused(['validate']), { message: 'validate needs at least one file.', topic: 'validate' });
  assert.equal(refused(['validate', '--json']).topic, 'validate');
  assert.match(refused(['agreement']).message, /at least one file/);
  assert.deepEqual(refused(['validate', '--strict', 'a.json']), { message: 'unknown option "--strict" for validate.', topic: 'validate' });
  assert.match(refused(['validate', '--a', 'x', 'a.json']).message, /unknown option "--a" for validate/);
  assert.match(refused(['validate', '--json=yes', 'a.json']).message, /--json takes no value/);
  assert.match(refused(['frobnicate']).message, /unknown command "frobnicate"/);
  assert.match(refused(['export.spanmark.json']).message, /spanmark validate export\.spanmark\.json/);
  assert.match(refused(['--json', 'validate', 'a.json']).message, /unknown option "--json"; options follow the command/);
  assert.match(refused(['help', 'frobnicate']).message, /no command "frobnicate"/);
  assert.match(refused(['--version', 'extra']).message, /unexpected argument "extra"/);
});

test('--a and --b need a name, once each, and two different ones', () => {
  assert.match(refused(['agreement', 'x.json', '--a']).message, /--a needs an annotator name/);
  assert.match(refused(['agreement', '--a', '--json', 'x.json']).message, /--a needs an annotator name/);
  assert.match(refused(['agreement', '--b=', 'x.json']).message, /--b needs an annotator name/);
  assert.match(refused(['agreement', '--a', 'x', '--a', 'y', 'f.json']).message, /--a is given twice/);
  assert.match(refused(['agreement', '--a', 'alice', '--b', 'alice', 'f.json']).message, /both name "alice"/);
});
