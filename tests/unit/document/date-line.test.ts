// The leading date token becomes metadata and a styled span, so its span and its calendar check
// are pinned on the corpus and on near-misses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { findDateLine } from '../../../src/document/date-line.js';
import { normalizeNewlines } from '../../../src/text/newlines.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);

test('the sample article: date run into the first sentence, after a space', () => {
  const text = ' date 2022-01-07 Kazakh President Kassym-Zhomart Tokayev said';
  assert.deepEqual(findDateLine(text), { date: '2022-01-07', start: 1, end: 16 });
});

test('the span is exactly the token', () => {
  for (const text of ['date 2022-01-04', 'date 2022-01-04\nBody', '\n\n\t  DATE 2022-01-04 Body', 'Date\t2022-01-04.', 'date   2022-01-04: x']) {
    const found = findDateLine(text);
    assert.ok(found, text);
    assert.equal(found.date, '2022-01-04');
    assert.match(text.slice(found.start, found.end), /^date[ \t]+2022-01-04$/i);
    assert.equal(text.slice(0, found.start).trim(), '', 'only whitespace before it');
  }
});

test('only real calendar dates count', () => {
  for (const date of ['2022-02-30', '2022-13-01', '2022-00-10', '2022-01-00', '2022-04-31', '2021-02-29', '1900-02-29', '2022-01-32']) {
    assert.equal(findDateLine(`date ${date} text`), undefined, date);
  }
  for (const date of ['2024-02-29', '2000-02-29', '2022-12-31', '2022-01-01', '1999-04-30']) {
    assert.equal(findDateLine(`date ${date} text`)?.date, date);
  }
});

test('anything that is not a leading date token is ignored', () => {
  for (const text of [
    '',
    '   ',
    'Text date 2022-01-07',
    'dated 2022-01-07',
    'date2022-01-07',
    'date 2022-1-7',
    'date 22-01-07',
    'date 2022-01-070',
    'date 2022-01-07x',
    'date 2022-01-07-08',
    'date 2022-01-07\u0301',
    'date ٢٠٢٢-٠١-٠٧',
    'date\n2022-01-07',
    'x\ndate 2022-01-07',
  ]) {
    assert.equal(findDateLine(text), undefined, JSON.stringify(text));
  }
});

test('every corpus article yields the date in its file name', () => {
  const dated = readdirSync(corpus).filter((name) => /-\d{4}-\d{2}-\d{2}\.txt$/.test(name));
  assert.ok(dated.length >= 3);
  for (const name of dated) {
    const text = readFileSync(new URL(name, corpus), 'utf8');
    assert.equal(findDateLine(text)?.date, /(\d{4}-\d{2}-\d{2})\.txt$/.exec(name)![1], name);
  }
  const unicode = normalizeNewlines(readFileSync(new URL('unicode-edge-cases.txt', corpus), 'utf8'));
  assert.deepEqual(findDateLine(unicode), { date: '2022-01-08', start: 0, end: 15 });
});

test('a megabyte of leading whitespace is searched without trouble', () => {
  assert.equal(findDateLine(' '.repeat(1_000_000)), undefined);
  assert.deepEqual(findDateLine(`${' \n'.repeat(500_000)}date 2022-01-07`), { date: '2022-01-07', start: 1_000_000, end: 1_000_015 });
});
