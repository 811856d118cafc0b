// The corpus bench's feed must be the same bytes on every run (figures from different runs compare
// only then), hold the number of articles and the amount of text asked for, and be a feed the
// app's own parser takes whole: no refused line and no text repeated (a repeat would be reported
// as "already in the library" and the library would be smaller than the bench says).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseFeedBytes } from '../../../src/corpus/feed.js';
import { buildFeed, paragraphsOf } from '../../bench/corpus-feed.js';

// Nasty material: CRLF, emoji (a ZWJ family, a flag), combining marks, RTL, a date line.
const TEXTS = [
  'date 2022-01-08 Almaty\r\n\r\nPresident Тоқаев said 26 were killed 👨‍👩‍👧‍👦 and 🇰🇿 flags flew.\r\n\r\nCafe\u0301 Zhibek Zholy was looted.\r\n',
  'مرحبا بالعالم — an Arabic-language outlet reported the same figures.\n\nA second paragraph\nwith a line break inside it.',
  '',
];

test('the same seed gives the same feed, another seed another', () => {
  const a = buildFeed({ texts: TEXTS, articles: 40, targetBytes: 40 * 900, seed: 7 });
  const b = buildFeed({ texts: TEXTS, articles: 40, targetBytes: 40 * 900, seed: 7 });
  const c = buildFeed({ texts: TEXTS, articles: 40, targetBytes: 40 * 900, seed: 8 });
  assert.equal(a.jsonl, b.jsonl);
  assert.notEqual(a.jsonl, c.jsonl);
});

test('the feed holds the articles and the text size asked for', () => {
  for (const [articles, targetBytes] of [
    [1, 500],
    [37, 37 * 1_200],
    [500, 500 * 5_000],
  ] as const) {
    const feed = buildFeed({ texts: TEXTS, articles, targetBytes, seed: 20220107 });
    assert.equal(feed.records.length, articles);
    assert.equal(feed.jsonl.split('\n').filter(Boolean).length, articles);
    const sum = feed.records.reduce((n, r) => n + Buffer.byteLength(r.text, 'utf8'), 0);
    assert.equal(feed.textBytes, sum);
    // Within 2% (or one paragraph for a one-article feed): the last article takes what is left.
    assert.ok(Math.abs(sum - targetBytes) <= Math.max(targetBytes * 0.02, 300), `${sum} bytes for a target of ${targetBytes}`);
  }
});

test('the app parses every line: no refusal, no repeated text, every field kept, no split character', () => {
  const feed = buildFeed({ texts: TEXTS, articles: 300, targetBytes: 300 * 700, seed: 3 });
  const parsed = parseFeedBytes('bench.jsonl', new TextEncoder().encode(feed.jsonl));
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  assert.deepEqual(parsed.value.refusals, []);
  assert.equal(parsed.value.articles.length, 300);
  assert.equal(parsed.value.articles.filter((a) => a.sameTextAs !== undefined).length, 0);
  assert.equal(new Set(feed.records.map((r) => r.title)).size, 300);
  const first = parsed.value.articles[0]!;
  assert.equal(first.title, feed.records[0]!.title);
  assert.equal(first.source, feed.records[0]!.source);
  assert.equal(first.date, feed.records[0]!.date);
  for (const r of feed.records) {
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(r.text + r.title), `a lone surrogate in ${r.id}`);
    assert.ok(!r.text.includes('\r'), `CR left in ${r.id}`);
    assert.ok(!/^date \d/m.test(r.text), `a date line left in ${r.id}`);
  }
});

test('paragraphs: CRLF and LF, blank lines with spaces, date lines and empty texts', () => {
  assert.deepEqual(paragraphsOf(['a\r\n\r\nb\n \nc', '', 'date 2022-01-01 x\n\nd']), ['a', 'b', 'c', 'd']);
  assert.throws(() => buildFeed({ texts: [''], articles: 1, targetBytes: 10, seed: 1 }), /no paragraphs/);
  assert.throws(() => buildFeed({ texts: TEXTS, articles: 0, targetBytes: 10, seed: 1 }), /whole number/);
  assert.throws(() => buildFeed({ texts: TEXTS, articles: 1, targetBytes: 0, seed: 1 }), /positive/);
});
