// `spanmark validate` in-process on real files written by the core encoder: what it prints for good,
// broken and unreadable files, its exit codes, and the --json shape scripts rely on.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { problemLine } from '../../../main/node/cli/load.js';
import { ann, article, at, exportFile, run, tempDir } from './helpers.js';

const tmp = tempDir();
after(() => tmp.remove());

// Two documents, one with a flag before the spans, so code point and UTF-16 offsets differ.
const almaty = article('Troops 🇷🇺 arrived in Almaty.\nFour people died.', 'Almaty, 8 January');
const aktau = article('Officials said the protest in Aktau was peaceful.', 'Aktau');
const good = exportFile([
  {
    article: almaty,
    annotations: [
      ann(almaty, 'aigerim', 'deployment', ...at(almaty, 'Troops 🇷🇺 arrived in Almaty')),
      ann(almaty, 'aigerim', 'casualty', ...at(almaty, 'Four people died')),
    ],
  },
  { article: aktau, annotations: [ann(aktau, 'aigerim', 'claim', ...at(aktau, 'Officials said the protest in Aktau was peaceful'))] },
]);
const goodPath = tmp.write('good.spanmark.json', good);

/** The good file, parsed, changed by `edit`, and written under `name`. */
function broken(name: string, edit: (f: any) => void): string {
  const f = JSON.parse(JSON.stringify(good));
  edit(f);
  return tmp.write(name, `${JSON.stringify(f, null, 2)}\n`);
}

test('a valid file: one "ok" line with its counts, exit 0', async () => {
  const r = await run(['validate', goodPath]);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, `ok   ${goodPath}  (2 documents, 3 annotations)\n`);
  assert.equal(r.stderr, '');
});

test('singular counts read as English', async () => {
  const one = tmp.write('one.spanmark.json', exportFile([{ article: aktau, annotations: [ann(aktau, 'x', 'claim', 0, 9)] }]));
  const empty = tmp.write('empty.spanmark.json', exportFile([]));
  const r = await run(['validate', one, empty]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^ok {3}\S+one\.spanmark\.json {2}\(1 document, 1 annotation\)$/m);
  assert.match(r.stdout, /^ok {3}\S+empty\.spanmark\.json {2}\(0 documents, 0 annotations\)$/m);
});

test('several files, some bad: each bad file is named, with every problem at its JSON path; exit 1', async () => {
  const quote = broken('quote.spanmark.json', (f) => {
    f.documents[0].annotations[1].quote = 'Five people died';
  });
  const version = broken('version.spanmark.json', (f) => {
    f.version = 3;
  });
  const end = broken('end.spanmark.json', (f) => {
    f.documents[1].annotations[0].end = 500;
    f.documents[1].title = 7;
  });
  const malformed = tmp.write('malformed.spanmark.json', '{\n  "format": "spanmark",\n  "version": 1,\n  oops\n}\n');
  const missing = join(tmp.dir, 'missing.spanmark.json');
  const r = await run(['validate', goodPath, quote, version, end, malformed, missing]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '');
  assert.equal(
    r.stdout,
    [
      `ok   ${goodPath}  (2 documents, 3 annotations)`,
      `FAIL ${quote}`,
      // Offsets as in the file, code points: "Four" starts at 29 (at 31 in UTF-16, after the flag).
      '  documents[0].annotations[1].quote: quote "Five people died" does not match the text at 29..45 ("Four people died").',
      `FAIL ${version}`,
      "  version: This export's format version 3 was written by a newer Spanmark; this Spanmark reads versions 1 and 2 only. Update Spanmark to import it.",
      `FAIL ${end}`,
      '  documents[1].title: must be a string, but it is the number 7.',
      '  documents[1].annotations[0].end: end 500 is beyond the end of the text (49 code points).',
      `FAIL ${malformed}`,
      '  The file is not valid JSON at line 4, column 3: Expected double-quoted property name in JSON at position 44',
      `FAIL ${missing}`,
      `  cannot read ${missing}: no such file.`,
      '',
      '6 files: 1 ok, 5 failed',
      '',
    ].join('\n'),
  );
});

test('a directory, an unreadable file and a file that is not UTF-8 are named with the reason', async () => {
  // é as the single Latin-1 byte 0xE9, which is never valid UTF-8 before an ASCII character.
  const latin1 = join(tmp.dir, 'latin1.spanmark.json');
  writeFileSync(latin1, Buffer.from(readFileSync(goodPath, 'utf8').replace('Almaty, 8 January', 'Almaty, 8 janvier é'), 'latin1'));
  const locked = tmp.write('locked.spanmark.json', readFileSync(goodPath, 'utf8'));
  chmodSync(locked, 0o000);
  const r = await run(['validate', tmp.dir, latin1, locked]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, new RegExp(`^FAIL ${tmp.dir}\n {2}cannot read ${tmp.dir}: it is a directory, not a file\\.$`, 'm'));
  assert.match(r.stdout, /^ {2}cannot read \S+latin1\.spanmark\.json: it is not UTF-8 text/m);
  // root can read anything: the permission check only means something for other users.
  if (process.getuid?.() !== 0) assert.match(r.stdout, /^ {2}cannot read \S+locked\.spanmark\.json: permission denied\.$/m);
});

test('at most 20 problems, and the listing says it stopped', async () => {
  const many = broken('many.spanmark.json', (f) => {
    for (let i = 0; i < 25; i++) f.documents[0].annotations.push({ ...f.documents[0].annotations[0], id: `extra-${i}`, quote: 'nope' });
  });
  const r = await run(['validate', many]);
  assert.equal(r.code, 1);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.filter((l) => /^ {2}documents\[0\]\.annotations\[\d+\]\.quote: /.test(l)).length, 20);
  assert.match(lines.at(-1)!, /stopped after 20 problems/);
});

test('--json: an array of { file, ok, documents?, annotations?, problems? }', async () => {
  const version = broken('version2.spanmark.json', (f) => {
    f.version = 3;
  });
  const malformed = tmp.write('malformed2.spanmark.json', '{\n  "format": "spanmark",\n  "version": 1,\n  oops\n}\n');
  const missing = join(tmp.dir, 'nowhere.json');
  const r = await run(['validate', '--json', goodPath, version, malformed, missing]);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out[0], { file: goodPath, ok: true, documents: 2, annotations: 3 });
  assert.equal(out[1].ok, false);
  assert.deepEqual(
    out[1].problems.map((p: any) => [p.code, p.path]),
    [['unsupported-version', 'version']],
  );
  assert.deepEqual(Object.keys(out[1]).sort(), ['file', 'ok', 'problems']);
  assert.deepEqual({ ...out[2].problems[0], message: undefined }, { code: 'malformed-json', message: undefined, line: 4, column: 3 });
  assert.deepEqual(out[3], { file: missing, ok: false, problems: [{ code: 'unreadable', message: `cannot read ${missing}: no such file.` }] });
});

test('usage errors exit 2 and print to stderr only', async () => {
  for (const argv of [['validate'], ['validate', '--strict', goodPath], []]) {
    const r = await run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^spanmark: .+\nRun "spanmark help( validate)?" for usage\.\n$/);
  }
});

test('problem lines print a path once, and keep a leading English word', () => {
  assert.equal(
    problemLine({ code: 'schema', path: 'documents[0].title', message: 'documents[0].title is missing; it must be a string.' }),
    'documents[0].title: is missing; it must be a string.',
  );
  assert.equal(
    problemLine({ code: 'q', path: 'documents[0].annotations[3].quote', message: 'documents[0].annotations[3]: quote "x" does not match.' }),
    'documents[0].annotations[3].quote: quote "x" does not match.',
  );
  assert.equal(
    problemLine({ code: 'v', path: 'version', message: 'version 3 is not a Spanmark export version.' }),
    'version: version 3 is not a Spanmark export version.',
  );
  // A path that merely shares a prefix is not cut: documents[1] is not documents[10].
  assert.equal(problemLine({ code: 's', path: 'documents[10].id', message: 'documents[1].id clashes.' }), 'documents[10].id: documents[1].id clashes.');
  // Escape sequences and bidi overrides from a hostile file are shown, not obeyed.
  assert.equal(problemLine({ code: 's', path: 'labels[0].id', message: 'labels[0].id is "\u001b[2J\u202e".' }), 'labels[0].id: is "\\u{001B}[2J\\u{202E}".');
});

test('not UTF-8 names the byte offset and UTF-16; two byte order marks are refused', async () => {
  const good = readFileSync(goodPath, 'utf8');
  const at = Buffer.byteLength(good.slice(0, good.indexOf('Almaty')), 'utf8');
  const latin1 = Buffer.from(good, 'utf8');
  latin1[at] = 0xe9;
  const latin1Path = join(tmp.dir, 'offset.spanmark.json');
  writeFileSync(latin1Path, latin1);
  const utf16Path = join(tmp.dir, 'utf16.spanmark.json');
  writeFileSync(utf16Path, Buffer.from(`\ufeff${good}`, 'utf16le'));
  const bomsPath = tmp.write('boms.spanmark.json', `\ufeff\ufeff${good}`);
  const r = await run(['validate', '--json', latin1Path, utf16Path, bomsPath]);
  assert.equal(r.code, 1);
  const [offset, utf16, boms] = JSON.parse(r.stdout) as { problems: { code: string; message: string; offset?: number; line?: number; column?: number }[] }[];
  assert.equal(offset!.problems[0]!.offset, at);
  assert.match(offset!.problems[0]!.message, new RegExp(`it is not UTF-8 text: byte 0xE9 at byte offset ${at} is not valid UTF-8.*UTF-16`));
  assert.match(utf16!.problems[0]!.message, /it is not UTF-8 text: it looks like UTF-16 \(little-endian byte order mark\)/);
  assert.equal(boms!.problems[0]!.code, 'malformed-json');
  assert.deepEqual([boms!.problems[0]!.line, boms!.problems[0]!.column], [1, 1]);
});
