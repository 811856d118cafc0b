// CSV feeds (RFC 4180): quoted fields with commas, doubled quotes and line breaks; CRLF; a BOM;
// broken records refused with the line they start on while the rest still come in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvRecords, parseCsvFeed } from '../../../src/corpus/feed-csv.js';
import { parseFeedBytes } from '../../../src/corpus/feed.js';

const parsed = (text: string) => {
  const r = parseCsvFeed(text);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.value;
};

test('quoted fields hold commas, doubled quotes and CRLF line breaks; line numbers follow the physical lines', () => {
  const csv = '\uFEFFTitle,Text,Date,Ignored\r\n"A, b","He said ""no"".\r\nSecond paragraph.",2022-01-07,x\r\nPlain,Plain text,,y\r\n';
  const { articles, refusals } = parsed(csv);
  assert.deepEqual(refusals, []);
  assert.deepEqual(articles, [
    { line: 2, title: 'A, b', text: 'He said "no".\nSecond paragraph.', date: '2022-01-07' },
    { line: 4, title: 'Plain', text: 'Plain text' },
  ]);
});

test('broken records are refused with their line and reason; reading resumes at the next line', () => {
  const csv = [
    'text,source,tags',
    'good one,AP,protest;almaty',
    'bad "quote" here,AP,',
    '"closed"after,AP,',
    'too,many,fields,here',
    ',AP,',
    'good two,"Al Jazeera",',
    '"never closed,AP,',
    'swallowed,AP,',
  ].join('\n');
  const { articles, refusals } = parsed(csv);
  assert.deepEqual(
    articles.map((a) => [a.line, a.text, a.source, a.tags]),
    [
      [2, 'good one', 'AP', ['protest', 'almaty']],
      [7, 'good two', 'Al Jazeera', undefined],
    ],
  );
  assert.deepEqual(
    refusals.map((r) => r.line),
    [3, 4, 5, 6, 8],
  );
  assert.match(refusals[0]!.reason, /line 3, column 5: a quote inside a field/);
  assert.match(refusals[1]!.reason, /line 4, column 9: text after a closing quote/);
  assert.match(refusals[2]!.reason, /4 fields, but the header names 3/);
  assert.match(refusals[3]!.reason, /no "text"/);
  assert.match(refusals[4]!.reason, /opened at line 8, column 1 is never closed/);
});

test('emoji, RTL and combining marks survive quoting; a column position counts code points', () => {
  const { articles, refusals } = parsed('text,title\n"שלום, 👩‍👩‍👧 e\u0301",مرحبا\n👍x"y,t\n');
  assert.equal(articles[0]!.text, 'שלום, 👩‍👩‍👧 e\u0301');
  assert.equal(articles[0]!.title, 'مرحبا');
  assert.match(refusals[0]!.reason, /line 3, column 3/);
});

test('a header without "text", with a column twice, or none at all refuses the whole feed with a reason', () => {
  const none = parseCsvFeed('title,date\nA,2022-01-01\n');
  assert.match(!none.ok ? none.error.message : '', /no "text" column \(it names "title", "date"\)/);
  const twice = parseCsvFeed('text,TEXT\na,b\n');
  assert.match(!twice.ok ? twice.error.message : '', /"text" twice \(columns 1 and 2\)/);
  const empty = parseCsvFeed('');
  assert.match(!empty.ok ? empty.error.message : '', /empty/);
  const viaBytes = parseFeedBytes('x.csv', new TextEncoder().encode('a,b\n'));
  assert.match(!viaBytes.ok ? viaBytes.error.message : '', /^x\.csv: The CSV header has no "text"/);
});

test('semicolon and tab separated files (spreadsheet exports) are read by their header', () => {
  assert.deepEqual(
    parsed('Text;Source\n"a;b";AFP\n').articles.map((a) => [a.text, a.source]),
    [['a;b', 'AFP']],
  );
  assert.deepEqual(
    parsed('text\tsource\nx y\tTASS\n').articles.map((a) => [a.text, a.source]),
    [['x y', 'TASS']],
  );
});

test('blank lines, a lone CR and a missing final newline', () => {
  const { articles, refusals } = parsed('text\r\n\r\none\rtwo\n\nthree');
  assert.deepEqual(refusals, []);
  assert.deepEqual(
    articles.map((a) => [a.line, a.text]),
    [
      [3, 'one'],
      [4, 'two'],
      [6, 'three'],
    ],
  );
});

test('a quoted field of 10 MB with line breaks, then more records', () => {
  const big = 'line of text\r\n'.repeat(750_000);
  const { articles } = parsed(`text\n"${big}"\nafter\n`);
  assert.equal(articles.length, 2);
  assert.equal(articles[0]!.text, 'line of text\n'.repeat(750_000));
  // The quote opens on line 2 and closes 750,000 line breaks later; "after" is on the next line.
  assert.equal(articles[1]!.line, 3 + 750_000);
});

test('duplicate texts are marked with the first line', () => {
  const { articles } = parsed('text\nsame\nsame\n');
  assert.equal(articles[1]!.sameTextAs, 2);
});

test('records: an empty quoted field is a field, and "" inside quotes is one quote', () => {
  assert.deepEqual([...csvRecords('"",""""\n')], [{ line: 1, fields: ['', '"'] }]);
});
