// Linear trimming in place of end-anchored regexes that were quadratic on long runs of spaces in
// untrusted text: same results as the regexes they replace, on every code unit and random mixes.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { endWithout, isJsWhiteSpace, isSpaceOrDot, trimWhere } from '../../../src/text/trim.js';
import { parseArticleText } from '../../../src/document/open-article.js';
import { runBounded } from '../bounded.js';

// Bigger than any regex budget: the replaced regexes needed hours here; the scans take milliseconds.
const HUGE = 5 * 1024 * 1024;

test('isJsWhiteSpace is exactly \\s for every UTF-16 code unit', () => {
  for (let c = 0; c <= 0xffff; c++) assert.equal(isJsWhiteSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

const mix = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 24 }).map((a) => a.join(''));

test('property: trimWhere and endWithout agree with the regexes they replace', () => {
  fc.assert(
    fc.property(mix([' ', '.', 'a', '\u00a0', '\t', '\u3000', '#', 'é', '😀']), (s) => {
      assert.equal(trimWhere(s, isSpaceOrDot), s.replace(/^[\s.]+|[\s.]+$/g, ''));
      assert.equal(s.slice(0, endWithout(s, isSpaceOrDot)), s.replace(/[\s.]+$/, ''));
    }),
    { numRuns: 500 },
  );
});

/** The markdown title as the regexes computed it (fine on short input). */
function regexTitle(heading: string): string {
  return heading
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/(?:^|\s+)#+\s*$/, '')
    .trim();
}

test('property: the markdown title is what the replaced regexes gave, including closing #s', () => {
  fc.assert(
    fc.property(mix([' ', '#', 'a', '\t', '\u3000', 'C', '\u00a0']), (rest) => {
      const source = `# ${rest}`;
      const r = parseArticleText('fallback.md', source, 'markdown');
      assert.ok(r.ok);
      const expected = regexTitle(source) || 'fallback';
      assert.equal(r.value.title, expected, JSON.stringify(source));
    }),
    { numRuns: 500 },
  );
  for (const [source, title] of [
    ['# C# #', 'C#'],
    ['## Almaty ##   ', 'Almaty'],
    ['# a#', 'a#'],
    ['# ###', 'fallback'],
    ['# Алматы\u3000#', 'Алматы'],
  ]) {
    const r = parseArticleText('fallback.md', source!, 'markdown');
    assert.ok(r.ok);
    assert.equal(r.value.title, title, source);
  }
});

test('a 5 MB first heading of spaces opens (linear title extraction)', () => {
  const r = runBounded(`
    import assert from 'node:assert/strict';
    import { parseArticle } from './src/document/open-article.ts';
    const HUGE = ${HUGE};
    for (const [source, title] of [
      ['#' + ' '.repeat(HUGE) + 'x\\n\\nBody.', 'x'],
      ['# Almaty' + ' '.repeat(HUGE) + 'x', 'Almaty' + ' '.repeat(HUGE) + 'x'],
      ['# Almaty' + ' '.repeat(HUGE) + '#', 'Almaty'],
      ['# Almaty ' + '# '.repeat(HUGE / 2) + 'x', 'Almaty ' + '# '.repeat(HUGE / 2) + 'x'],
    ]) {
      const r = parseArticle('huge.md', new TextEncoder().encode(source));
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.ok(r.value.title === title, 'title of ' + source.slice(0, 20));
    }
  `);
  assert.ok(r.ok, r.detail);
});

test('file names and timestamps from 1 MB of spaces and dots are cleaned in linear time', () => {
  const r = runBounded(`
    import assert from 'node:assert/strict';
    import { exportFileName } from './src/codecs/spanmark-v1/encode.ts';
    import { sanitizeFileName } from './src/platform/ipc-contract.ts';
    import { normalizeDateTime } from './src/time/instant.ts';
    const MB = 1024 * 1024;
    assert.equal(exportFileName('a' + ' .'.repeat(MB / 2) + 'b').length > 0, true);
    assert.equal(exportFileName('a' + ' .'.repeat(MB / 2)), 'a.spanmark.json');
    assert.equal(sanitizeFileName('a' + ' '.repeat(MB) + 'b').startsWith('a '), true);
    assert.equal(sanitizeFileName('a' + ' .'.repeat(MB / 2)), 'a');
    const zeros = '0'.repeat(MB);
    assert.equal(normalizeDateTime('2022-01-08T10:15:00.' + zeros + '1Z'), '2022-01-08T10:15:00.' + zeros + '1Z');
  `);
  assert.ok(r.ok, r.detail);
});
