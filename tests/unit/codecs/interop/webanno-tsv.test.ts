// WebAnno TSV 3.3: fixtures written from the format's description in the INCEpTION documentation
// (header, span/relation layer declarations, #Text lines, token lines with UTF-16 offsets, stacked
// annotations with disambiguation ids, `_`/`*` placeholders, `\` escapes, sub-token lines).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webAnnoCodec, WHITESPACE_EDGE_LOSS } from '../../../../src/codecs/webanno-tsv/index.js';
import { escapeTsv, unescapeTsv } from '../../../../src/codecs/webanno-tsv/escape.js';
import { DEFAULT_SCHEMA } from '../../../../src/labels/schema.js';
import { assertQuotesMatch, errors, file, textOf, warnings } from './helpers.js';

const NE = 'de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity';
// Sentence 1: "Police 😢 said" — the emoji is two UTF-16 units (7-9). Sentence 2 sits on the next
// line and holds escaped reserved characters and a stacked, multi-token pair of annotations.
const TSV = [
  '#FORMAT=WebAnno TSV 3.3',
  `#T_SP=${NE}|identifier|value`,
  '#T_SP=webanno.custom.Claim|',
  '#T_RL=webanno.custom.Supports|BT_webanno.custom.Claim',
  '',
  '',
  '#Text=Police 😢 said',
  '1-1\t0-6\tPolice\t_\tORG\t*[4]\t_\t_\t',
  '1-2\t7-9\t😢\t_\t_\t*[4]\t_\t_\t',
  '1-3\t10-14\tsaid\t_\t_\t*[4]\t_\t_\t',
  '',
  '#Text=a\\_b \\[x\\] 18 killed',
  '2-1\t15-18\ta\\_b\t_\t_\t_\t_\t_\t',
  '2-2\t19-22\t\\[x\\]\t_\tMISC\\|x\t_\t_\t_\t',
  '2-3\t23-25\t18\t*[1]|*[2]\tCASUALTY[1]|NUM[2]\t_\t_\t_\t',
  '2-3.1\t23-24\t1\t_\tDIGIT\t_\t_\t_\t',
  '2-4\t26-32\tkilled\t*[1]\tCASUALTY[1]\t_\t_\t_\t',
].join('\r\n'); // CRLF line ends, no final newline

test('WebAnno TSV: stacked and multi-token spans, UTF-16 offsets, escapes, sub-tokens, CRLF, no final newline', () => {
  const result = webAnnoCodec.decode([file('doc.tsv', TSV)]);
  assert.deepEqual(errors(result), []);
  assert.match(warnings(result).join('\n'), /relation layer webanno\.custom\.Supports is not imported/);
  const [doc] = result.documents;
  assert.ok(doc);
  assert.equal(doc.text, 'Police 😢 said\na_b [x] 18 killed');
  assertQuotesMatch(doc);
  const got = doc.annotations.map((a) => `${a.label}:${a.quote}`).sort();
  assert.deepEqual(got, ['CASUALTY:18 killed', 'Claim:Police 😢 said', 'DIGIT:1', 'MISC|x:[x]', 'NUM:18', 'ORG:Police'].sort());
  // Every token's text was checked against the #Text (a mismatch is the next test).
});

test('WebAnno TSV: a token whose offsets do not match its text is refused with file:line', () => {
  // Offsets of "said" counted in code points (the emoji as 1) instead of UTF-16 units.
  const shifted = TSV.replace('1-3\t10-14\tsaid', '1-3\t9-13\tsaid');
  const result = webAnnoCodec.decode([file('doc.tsv', shifted)]);
  assert.equal(result.documents.length, 0);
  assert.match(errors(result).join('\n'), /doc\.tsv:10: the token "said" at 9-13/);
});

test('WebAnno TSV: a file without the format line, or with a short token line, is refused', () => {
  assert.match(errors(webAnnoCodec.decode([file('x.tsv', 'a\tb\n')])).join(''), /x\.tsv:1.*#FORMAT=WebAnno TSV 3\.3/);
  const short = `#FORMAT=WebAnno TSV 3.3\n#T_SP=${NE}|identifier|value\n\n\n#Text=Hi\n1-1\t0-2\tHi\n`;
  assert.match(errors(webAnnoCodec.decode([file('x.tsv', short)])).join(''), /x\.tsv:6.*no column/);
});

test('WebAnno TSV: escaping reserved characters round-trips', () => {
  const s = 'a\\b[c]d|e_f->g;h\ti\nj*k';
  assert.equal(unescapeTsv(escapeTsv(s)), s);
  assert.equal(escapeTsv('x->y'), 'x\\->y');
});

test('WebAnno TSV: encode writes UTF-16 offsets, stacks, ids and exact text; spans mid-token cut the token', () => {
  const text = '  Police 😢 said\n\n   \nthe CSTO-led troops\n';
  const csto = text.indexOf('CSTO');
  const doc = {
    text,
    annotations: [
      { id: 'a', label: 'claim', start: 2, end: 15, quote: text.slice(2, 15) },
      { id: 'b', label: 'org', start: 2, end: 8, quote: 'Police' },
      { id: 'c', label: 'deployment', start: csto, end: text.indexOf('troops') + 6, quote: '' },
      { id: 'd', label: 'x_y', start: csto, end: csto + 4, quote: 'CSTO' },
    ],
  };
  const { files, losses } = webAnnoCodec.encode([doc], DEFAULT_SCHEMA, 'out');
  assert.deepEqual(losses, []);
  const out = textOf(files[0]!);
  assert.match(out, /^1-2\t9-11\t😢\t/m);
  assert.match(out, /^1-3\t12-15\tsai\t/m, 'a span ending mid-word cuts the token');
  assert.match(out, /\|x\\_y\[\d+\]\t/, 'a reserved character in a label is escaped');
  const back = webAnnoCodec.decode([{ name: 'out.tsv', bytes: files[0]!.bytes }]);
  assert.deepEqual(errors(back), []);
  assert.deepEqual(warnings(back), []);
  assert.equal(back.documents[0]!.text, text);
  const spans = back.documents[0]!.annotations.map((a) => `${a.label}@${a.start}-${a.end}`).sort();
  assert.deepEqual(spans, doc.annotations.map((a) => `${a.label}@${a.start}-${a.end}`).sort());
});

test('WebAnno TSV: spans that start in whitespace are named as losses', () => {
  const doc = { text: 'a  b', annotations: [{ id: 'a', label: 'x', start: 1, end: 4, quote: '  b' }] };
  assert.equal(webAnnoCodec.losses([doc], DEFAULT_SCHEMA).find((l) => l.what === WHITESPACE_EDGE_LOSS)?.count, 1);
});

test('WebAnno TSV: sniff reads the format line', () => {
  assert.ok(webAnnoCodec.sniff([file('a.tsv', '\uFEFF#FORMAT=WebAnno TSV 3.3\r\n')]));
  assert.ok(!webAnnoCodec.sniff([file('a.tsv', 'id\tname\n')]));
});

test('WebAnno TSV: #Text lines written without escapes are read too, when only that fits the tokens', () => {
  const raw = `#FORMAT=WebAnno TSV 3.3\n#T_SP=${NE}|identifier|value\n\n\n#Text=a_b\\n [x]\n1-1\t0-3\ta\\_b\t_\tX\t\n1-2\t3-5\t\\\\n\t_\t_\t\n1-3\t6-9\t\\[x\\]\t_\tY\t\n`;
  const result = webAnnoCodec.decode([file('raw.tsv', raw)]);
  assert.deepEqual(errors(result), []);
  assert.equal(result.documents[0]!.text, 'a_b\\n [x]');
  assert.deepEqual(
    result.documents[0]!.annotations.map((a) => `${a.label}:${a.quote}`),
    ['X:a_b', 'Y:[x]'],
  );
});
