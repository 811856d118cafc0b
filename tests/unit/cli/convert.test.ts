// `spanmark convert`: arguments, and whole conversions in-process on real files in a temp folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../../main/node/cli/args.js';
import { nodeIo } from '../../../main/node/cli/io.js';
import { main } from '../../../main/node/cli/main.js';
import { tempDir, type Run } from './helpers.js';

async function convert(args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    ['convert', ...args],
    {
      ...nodeIo,
      stdout: (t) => void (stdout += t),
      stderr: (t) => void (stderr += t),
    },
    () => '9.9.9-test',
  );
  return { code, stdout, stderr };
}

const TEXT = 'Police said 18 officers were killed 😢 in Almaty.\r\nTroops arrived.';
const ANN = 'T1\tcasualty 12 35\t18 officers were killed\nT2\tclaim 0 47\tPolice said 18 officers were killed 😢 in Almaty\n#1\tAnnotatorNotes T1\tcheck\n';

test('convert: arguments', () => {
  assert.deepEqual(parseArgs(['convert', 'a.ann', 'a.txt', '--to', 'conll']), { ok: true, value: { kind: 'convert', files: ['a.ann', 'a.txt'], to: 'conll' } });
  assert.deepEqual(parseArgs(['convert', 'x.tsv', '--to=brat', '-o', 'out/x', '--from', 'webanno-tsv']), {
    ok: true,
    value: { kind: 'convert', files: ['x.tsv'], to: 'brat', from: 'webanno-tsv', out: 'out/x' },
  });
  const noTo = parseArgs(['convert', 'a.ann']);
  assert.ok(!noTo.ok && /--to FORMAT/.test(noTo.error.message) && noTo.error.topic === 'convert');
  const noValue = parseArgs(['convert', 'a.ann', '--to']);
  assert.ok(!noValue.ok && /--to needs a format/.test(noValue.error.message));
  const noFile = parseArgs(['convert', '--to', 'brat']);
  assert.ok(!noFile.ok && /at least one file/.test(noFile.error.message));
});

test('convert: a brat folder to CoNLL on stdout, losses on stderr, exit 0', async () => {
  const tmp = tempDir();
  try {
    mkdirSync(join(tmp.dir, 'pairs'));
    writeFileSync(join(tmp.dir, 'pairs', 'story.txt'), TEXT);
    writeFileSync(join(tmp.dir, 'pairs', 'story.ann'), ANN);
    const r = await convert([join(tmp.dir, 'pairs'), '--to', 'conll']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Police B-claim$/m);
    assert.match(r.stderr, /1 × notes, e\.g\. "18 officers were killed" \(casualty\)/);
    assert.match(r.stderr, /1 × overlapping or nested spans/);
  } finally {
    tmp.remove();
  }
});

test('convert: -o writes the files beside OUT; WebAnno back to brat is exact', async () => {
  const tmp = tempDir();
  try {
    const txt = tmp.write('story.txt', TEXT);
    const ann = tmp.write('story.ann', ANN);
    const tsv = join(tmp.dir, 'out', 'story.tsv');
    const first = await convert([txt, ann, '--to', 'webanno-tsv', '-o', tsv]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(readFileSync(tsv, 'utf8'), /^#FORMAT=WebAnno TSV 3\.3$/m);
    const second = await convert([tsv, '--to', 'brat', '-o', join(tmp.dir, 'back', 'story')]);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /Nothing is lost/);
    assert.equal(readFileSync(join(tmp.dir, 'back', 'story.txt'), 'utf8'), TEXT.replace('\r\n', '\n'));
    const back = readFileSync(join(tmp.dir, 'back', 'story.ann'), 'utf8');
    assert.match(back, /^T\d\tcasualty 12 35\t18 officers were killed$/m);
    assert.match(back, /^T\d\tclaim 0 47\t/m);
    // A trailing slash names a folder; the input's name is kept.
    const folder = await convert([txt, ann, '--to', 'conll', '-o', `${join(tmp.dir, 'conll')}/`]);
    assert.equal(folder.code, 0, folder.stderr);
    assert.match(readFileSync(join(tmp.dir, 'conll', 'story.conll'), 'utf8'), /^Police B-claim$/m);
    // To Spanmark JSON and back.
    const json = join(tmp.dir, 'story.spanmark.json');
    assert.equal((await convert([txt, ann, '--to', 'spanmark', '-o', json])).code, 0);
    const again = await convert([json, '--to', 'brat', '-o', join(tmp.dir, 'again', 'story')]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(readFileSync(join(tmp.dir, 'again', 'story.ann'), 'utf8'), /#1\tAnnotatorNotes T\d\tcheck/);
  } finally {
    tmp.remove();
  }
});

test('convert: a refused input writes nothing and exits 1 with file:line', async () => {
  const tmp = tempDir();
  try {
    const txt = tmp.write('story.txt', TEXT);
    const ann = tmp.write('story.ann', 'T1\tcasualty 12 36\t18 officers were killed\n');
    const out = join(tmp.dir, 'out.conll');
    const r = await convert([txt, ann, '--to', 'conll', '-o', out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /story\.ann:1/);
    assert.match(r.stderr, /nothing was written/);
    assert.ok(!existsSync(out));
  } finally {
    tmp.remove();
  }
});

test('convert: unknown formats, unknown content and several outputs without -o are explained', async () => {
  const tmp = tempDir();
  try {
    const md = tmp.write('notes.md', '# Notes\n\nJust prose.\n');
    assert.equal((await convert([md, '--to', 'docx'])).code, 2);
    assert.match((await convert([md, '--to', 'docx'])).stderr, /formats: spanmark, /);
    assert.equal((await convert([md, '--to', 'brat', '--from', 'nope'])).code, 2);
    const unknown = await convert([md, '--to', 'brat']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /name it with --from/);
    const conll = tmp.write('x.conll', 'Almaty B-LOC\n');
    const several = await convert([conll, '--to', 'brat']);
    assert.equal(several.code, 1);
    assert.match(several.stderr, /writes 2 files here; name where with -o OUT/);
    const missing = await convert([join(tmp.dir, 'missing.ann'), '--to', 'brat']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such file/);
  } finally {
    tmp.remove();
  }
});

test('convert: --report writes the loss report and the input warnings to a file; exit code as without it', async () => {
  const tmp = tempDir();
  try {
    const txt = tmp.write('story.txt', TEXT);
    // An event line brat has and Spanmark does not read: a warning, named in the report too.
    const ann = tmp.write('story.ann', `${ANN}E1\tclaim:T2\n`);
    assert.deepEqual(parseArgs(['convert', 'a.ann', '--to', 'conll', '--report', 'r.txt']), {
      ok: true,
      value: { kind: 'convert', files: ['a.ann'], to: 'conll', report: 'r.txt' },
    });
    const noValue = parseArgs(['convert', 'a.ann', '--to', 'conll', '--report']);
    assert.ok(!noValue.ok && /--report needs a file to write the loss report to/.test(noValue.error.message));

    const out = join(tmp.dir, 'out', 'story.conll');
    const report = join(tmp.dir, 'out', 'story.conll-losses.txt');
    const r = await convert([txt, ann, '--to', 'conll', '-o', out, '--report', report]);
    assert.equal(r.code, 0, r.stderr);
    const text = readFileSync(report, 'utf8');
    assert.match(text, /^spanmark convert .*story\.txt .*story\.ann \(brat standoff \(\.txt \+ \.ann\)\) to CoNLL/);
    assert.match(text, /^Writing CoNLL.* loses:$/m);
    assert.match(text, /^ {2}1 × notes, e\.g\. "18 officers were killed" \(casualty\)$/m);
    assert.match(text, /^ {2}1 × overlapping or nested spans/m);
    assert.match(text, /^ {2}warning: .*story\.ann:4: .*E1/m);
    assert.match(r.stderr, /wrote the loss report to /);
    assert.ok(existsSync(out));

    // To stdout: the report file still written; nothing lost is said too.
    const lossless = join(tmp.dir, 'lossless.txt');
    const toStdout = await convert([
      txt,
      tmp.write('plain.ann', 'T1\tcasualty 12 35\t18 officers were killed\n'),
      '--from',
      'brat',
      '--to',
      'webanno-tsv',
      '--report',
      lossless,
    ]);
    assert.equal(toStdout.code, 1, 'an .ann without its .txt is refused, as without --report');
    assert.ok(!existsSync(lossless), 'a refused conversion writes no report');
    mkdirSync(join(tmp.dir, 'one'));
    writeFileSync(join(tmp.dir, 'one', 'story.txt'), TEXT);
    writeFileSync(join(tmp.dir, 'one', 'story.ann'), 'T1\tcasualty 12 35\t18 officers were killed\n');
    const ok = await convert([join(tmp.dir, 'one'), '--to', 'webanno-tsv', '--report', lossless]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /^#FORMAT=WebAnno TSV 3\.3$/m);
    assert.match(readFileSync(lossless, 'utf8'), /^Nothing is lost writing INCEpTION \/ WebAnno/m);
  } finally {
    tmp.remove();
  }
});

test('convert: a .zip of brat pairs converts like the folder; a hostile zip is refused and writes nothing', async () => {
  const { zipSync, strToU8 } = await import('fflate');
  const tmp = tempDir();
  try {
    const zip = join(tmp.dir, 'pairs.zip');
    writeFileSync(zip, zipSync({ 'news/story.txt': strToU8(TEXT), 'news/story.ann': strToU8(ANN) }));
    const r = await convert([zip, '--to', 'conll']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^Police B-claim$/m);
    const evil = join(tmp.dir, 'evil.zip');
    writeFileSync(evil, zipSync({ '../story.txt': strToU8(TEXT), '../story.ann': strToU8(ANN) }));
    const out = join(tmp.dir, 'out.conll');
    const refused = await convert([evil, '--to', 'conll', '-o', out]);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /evil\.zip: the entry "\.\.\/story\.txt" points outside the archive/);
    assert.match(refused.stderr, /nothing was written/);
    assert.ok(!existsSync(out));
  } finally {
    tmp.remove();
  }
});
