// textDefect: what makes a text unusable as a Spanmark document text (shared by the decoders and
// the encoder), each named with the code point where it is, a surrogate pair counting once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { textDefect } from '../../../src/codecs/spanmark/decode-core.js';

test('a lone surrogate is named at its code point, pairs before it counting once', () => {
  assert.match(textDefect('👨‍👩‍👧 x\ud800y') ?? '', /unpaired surrogate at code point 7,/);
  assert.match(textDefect('🇰🇿\udc00') ?? '', /unpaired surrogate at code point 2,/);
  assert.match(textDefect('\ud83d') ?? '', /unpaired surrogate at code point 0,/);
});

test('a carriage return is named at its code point, before any lone surrogate', () => {
  assert.match(textDefect('😀a\r\nb\ud800') ?? '', /carriage return \(CR\) at code point 2;/);
});

test('well-formed texts have no defect: emoji, combining marks, RTL, empty', () => {
  for (const t of ['', '😀 e\u0301 قتل ١٨', 'line\nline', '\u{10FFFF}']) assert.equal(textDefect(t), undefined, JSON.stringify(t));
});
