import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { csvField, factsToCsv, factsToJsonLines } from '../../../src/facts/csv.js';
import type { FactsTable } from '../../../src/facts/facts-table.js';

const table = (rows: Record<string, string | number | boolean | null>[]): FactsTable => ({
  columns: Object.keys(rows[0] ?? { a: null }).map((key) => ({ key, numeric: false })),
  rows: rows.map((cells, i) => ({ docId: 'd', annotationId: String(i), cells })),
});

test('RFC 4180: CRLF after every record, quotes doubled, only fields that need it quoted', () => {
  const t = table([
    { quote: 'plain', n: 18, b: false, none: null },
    { quote: 'a, b', n: 3.5, b: true, none: 'say "no"' },
    { quote: 'line\nbreak', n: 0, b: true, none: 'cr\rhere' },
  ]);
  assert.equal(factsToCsv(t), 'quote,n,b,none\r\nplain,18,false,\r\n"a, b",3.5,true,"say ""no"""\r\n"line\nbreak",0,true,"cr\rhere"\r\n');
});

test('BOM only when asked; emoji, RTL and combining marks pass through unchanged', () => {
  const t = table([{ q: '👮🏽‍♀️ وزارة e\u0301' }]);
  assert.equal(factsToCsv(t), 'q\r\n👮🏽‍♀️ وزارة e\u0301\r\n');
  assert.equal(factsToCsv(t, { bom: true }), '\ufeffq\r\n👮🏽‍♀️ وزارة e\u0301\r\n');
});

test('formula-looking text is neutralised only when asked, numbers never', () => {
  for (const s of ['=HYPERLINK("http://x","y")', '+7 killed', '-- the ministry', '@SUM(A1)', '\tTab', '\rcr']) {
    assert.equal(csvField(s), /[",\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s, 'exact by default');
    const safe = csvField(s, true);
    assert.ok(safe.startsWith("'") || safe.startsWith(`"'`), `${JSON.stringify(s)} → ${safe}`);
  }
  assert.equal(csvField('18 =', true), '18 =');
  assert.equal(csvField(0, true), '0');
  assert.equal(csvField('', true), '');
});

test('Python csv reads back exactly what was written, BOM or not', () => {
  const rows = [
    { document: 'Kazakhstan, 7 "January"', quote: 'two of them,\r\nbeheaded', count: 18, kind: 'killed; injured', x: null },
    { document: '👮🏽 وزارة', quote: '=1+1', count: null, kind: '', x: true },
  ];
  const t = table(rows);
  for (const bom of [false, true]) {
    const py = spawnSync(
      'python3',
      ['-c', 'import csv,io,sys,json; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.buffer.read().decode("utf-8-sig"), newline="")))))'],
      { input: Buffer.from(factsToCsv(t, { bom }), 'utf8'), encoding: 'utf8' },
    );
    assert.equal(py.status, 0, py.stderr);
    assert.deepEqual(JSON.parse(py.stdout), [
      ['document', 'quote', 'count', 'kind', 'x'],
      ['Kazakhstan, 7 "January"', 'two of them,\r\nbeheaded', '18', 'killed; injured', ''],
      ['👮🏽 وزارة', '=1+1', '', '', 'true'],
    ]);
  }
});

test('JSON Lines: one object per line, keys in column order, null for not set, separators escaped', () => {
  const t = table([
    { a: 'x\ny', n: 18, none: null },
    { a: 'sep\u2028here\u2029', n: 0, none: false },
  ]);
  const out = factsToJsonLines(t);
  const lines = out.split('\n');
  assert.equal(lines.length, 3);
  assert.equal(lines[2], '');
  assert.deepEqual(JSON.parse(lines[0]!), { a: 'x\ny', n: 18, none: null });
  assert.deepEqual(Object.keys(JSON.parse(lines[1]!)), ['a', 'n', 'none']);
  assert.ok(!/[\u2028\u2029]/.test(out));
  assert.equal(JSON.parse(lines[1]!).a, 'sep\u2028here\u2029');
  assert.equal(factsToJsonLines(table([])), '');
});
