// JSON Lines feeds: each line stands alone, so every nasty line is refused with its line (and the
// column for broken JSON) while the good lines around it still come in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonlFeed } from '../../../src/corpus/feed-jsonl.js';
import { parseFeedBytes } from '../../../src/corpus/feed.js';

const line = (o: unknown): string => JSON.stringify(o);

test('good and bad lines: each refusal has its line and reason; the good ones all come in', () => {
  const feed = [
    line({
      text: 'First article.',
      title: 'One',
      date: '2022-01-07T09:30:00+06:00',
      source: 'Reuters',
      url: 'https://example.org/1',
      author: 'A. B.',
      language: 'en',
      id: 'r-1',
    }),
    '{"text": "broken", }',
    line({ title: 'no text' }),
    '',
    line({ text: 42 }),
    line({ text: 'Second article.', date: 12 }),
    '   ',
    line({ text: 'Third article.', date: '7 January 2022', id: 17, tags: ['protest', ' almaty ', ''] }),
    line(['an', 'array']),
    line({ text: '   \n\t ' }),
    line({ text: 'Fourth', title: ['x'] }),
    line({ text: 'Fifth', date: 'yesterday' }),
  ].join('\n');
  const { articles, refusals } = parseJsonlFeed(feed);
  assert.deepEqual(
    articles.map((a) => a.line),
    [1, 8],
  );
  assert.deepEqual(articles[0], {
    line: 1,
    text: 'First article.',
    title: 'One',
    date: '2022-01-07',
    source: 'Reuters',
    url: 'https://example.org/1',
    author: 'A. B.',
    language: 'en',
    id: 'r-1',
  });
  assert.deepEqual(articles[1], { line: 8, text: 'Third article.', date: '2022-01-07', id: '17', tags: ['protest', 'almaty'] });
  assert.deepEqual(
    refusals.map((r) => r.line),
    [2, 3, 5, 6, 9, 10, 11, 12],
  );
  const reason = (n: number): string => refusals.find((r) => r.line === n)!.reason;
  assert.match(reason(2), /^not valid JSON at column 20: expected a property name/);
  assert.match(reason(3), /no "text"/);
  assert.match(reason(5), /"text" must be a string, but it is the number 42/);
  assert.match(reason(6), /"date" must be a string .* the number 12/);
  assert.match(reason(9), /JSON object .* an array/);
  assert.match(reason(10), /"text" is empty/);
  assert.match(reason(11), /"title" must be a string, but it is an array/);
  assert.match(reason(12), /"date" "yesterday" is not a date/);
});

test('CRLF line ends, a BOM, and no final newline', () => {
  const feed = `\uFEFF${line({ text: 'a' })}\r\n${line({ text: 'b\r\nc' })}\r\n${line({ text: 'd' })}`;
  const { articles, refusals } = parseJsonlFeed(feed);
  assert.deepEqual(refusals, []);
  assert.deepEqual(
    articles.map((a) => [a.line, a.text]),
    [
      [1, 'a'],
      [2, 'b\nc'],
      [3, 'd'],
    ],
  );
});

test('emoji, combining marks and RTL text are kept exactly; the column of a JSON error counts code points', () => {
  const text = 'مرحبا بالعالم 👩‍👩‍👧 e\u0301 שלום';
  const { articles, refusals } = parseJsonlFeed(`${line({ text, title: '🇰🇿 عنوان' })}\n{"text": "👍👍", x}`);
  assert.equal(articles[0]!.text, text);
  assert.equal(articles[0]!.title, '🇰🇿 عنوان');
  // {"text": "👍👍", x} — the x is the 16th code point (the emoji count once each).
  assert.deepEqual(refusals, [{ line: 2, reason: 'not valid JSON at column 16: expected a property name in double quotes, but found "x".' }]);
});

test('a line of 10 MB is one article, and the lines after it still count', () => {
  const big = 'word '.repeat(2 * 1024 * 1024);
  const { articles, refusals } = parseJsonlFeed(`${line({ text: big })}\n${line({ text: 'after' })}\n{`);
  assert.equal(articles.length, 2);
  assert.equal(articles[0]!.text.length, big.length);
  assert.equal(articles[1]!.line, 2);
  assert.equal(refusals[0]!.line, 3);
});

test('an article over 20 MB is refused, not stored', () => {
  const { articles, refusals } = parseJsonlFeed(line({ text: 'x'.repeat(21 * 1024 * 1024) }));
  assert.equal(articles.length, 0);
  assert.match(refusals[0]!.reason, /larger than 20 MB/);
});

test('the same text twice: the second names the first line', () => {
  const { articles } = parseJsonlFeed([line({ text: 'same' }), line({ text: 'other' }), line({ text: 'same', title: 'again' })].join('\n'));
  assert.equal(articles[0]!.sameTextAs, undefined);
  assert.equal(articles[1]!.sameTextAs, undefined);
  assert.equal(articles[2]!.sameTextAs, 1);
});

test('a lone surrogate in the text is refused (it cannot be saved as UTF-8)', () => {
  const { refusals } = parseJsonlFeed('{"text": "a\\ud800b"}');
  assert.match(refusals[0]!.reason, /lone surrogate/);
});

test('an inherited key (__proto__) is not taken for a field', () => {
  const { articles, refusals } = parseJsonlFeed('{"__proto__": {"text": "sneaky"}}');
  assert.equal(articles.length, 0);
  assert.match(refusals[0]!.reason, /no "text"/);
});

test('only blank lines: no articles and no refusals', () => {
  assert.deepEqual(parseJsonlFeed('\n\r\n   \n'), { articles: [], refusals: [] });
  assert.deepEqual(parseJsonlFeed(''), { articles: [], refusals: [] });
});

test('feed bytes: not UTF-8 or an unknown extension is refused as a whole, with the file named', () => {
  const bad = parseFeedBytes('feed.jsonl', new Uint8Array([0x7b, 0xff, 0x7d]));
  assert.equal(bad.ok, false);
  assert.match(!bad.ok ? bad.error.message : '', /feed\.jsonl.*not UTF-8.*0xFF at byte offset 1/);
  const txt = parseFeedBytes('feed.txt', new TextEncoder().encode('{}'));
  assert.match(!txt.ok ? txt.error.message : '', /not an article feed/);
  const good = parseFeedBytes('feed.NDJSON', new TextEncoder().encode('{"text":"ü"}\n'));
  assert.deepEqual(good.ok ? good.value.articles.map((a) => a.text) : [], ['ü']);
});
