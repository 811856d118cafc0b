// Line endings are the one thing normalisation may change; these pin that nothing else moves,
// since every stored offset is measured after it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { normalizeNewlines } from '../../../src/text/newlines.js';

test('CRLF and lone CR become LF', () => {
  assert.equal(normalizeNewlines('a\r\nb\rc\nd'), 'a\nb\nc\nd');
  assert.equal(normalizeNewlines('\r\r\n'), '\n\n', 'a CR before a CRLF is its own line end');
  assert.equal(normalizeNewlines('\n\r'), '\n\n', 'LF CR is two line ends, not one');
  assert.equal(normalizeNewlines('\r\n\r\n'), '\n\n');
  assert.equal(normalizeNewlines('end\r'), 'end\n');
});

test('nothing but line endings changes: no trimming, no Unicode normalisation', () => {
  for (const text of ['', ' ', '  padded \t ', 'Cafe\u0301', '\u2028\u2029\u0085\v\f', '👨‍👩‍👧‍👦 🇷🇺', '\u00a0x\u00a0', 'قال\n']) {
    assert.equal(normalizeNewlines(text), text);
  }
  assert.equal(normalizeNewlines(' Cafe\u0301\r\n'), ' Cafe\u0301\n');
});

test('the CRLF corpus file loses exactly its CRs', () => {
  const raw = readFileSync(new URL('../../../../shared/corpus/unicode-edge-cases.txt', import.meta.url), 'utf8');
  assert.ok(raw.includes('\r\n'), 'fixture should have CRLF endings');
  const text = normalizeNewlines(raw);
  assert.equal(text.includes('\r'), false);
  assert.equal(text.length, raw.length - raw.split('\r\n').length + 1);
  assert.equal(text.replace(/\n/g, ''), raw.replace(/\r\n/g, ''));
});

test('a megabyte of mixed endings', () => {
  const raw = 'line one\r\nline two\rline three\n'.repeat(40_000);
  const text = normalizeNewlines(raw);
  assert.equal(text, 'line one\nline two\nline three\n'.repeat(40_000));
});

test('property: equals the two-step reference, leaves no CR, is idempotent', () => {
  const piece = fc.oneof(fc.constantFrom('\r', '\n', '\r\n', '\n\r'), fc.string({ unit: 'binary', maxLength: 5 }));
  fc.assert(
    fc.property(
      fc.array(piece).map((parts) => parts.join('')),
      (raw) => {
        const text = normalizeNewlines(raw);
        assert.equal(text, raw.replace(/\r\n/g, '\n').replace(/\r/g, '\n'));
        assert.equal(text.includes('\r'), false);
        assert.equal(normalizeNewlines(text), text);
      },
    ),
  );
});
