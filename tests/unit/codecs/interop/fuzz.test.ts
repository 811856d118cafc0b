// Hostile input: any bytes, and valid files mutated line by line, must never make a decoder throw;
// a decoder either refuses with an error or returns documents whose every quote is the text its
// offsets cover. Fixed run counts keep the unit suite fast; SPANMARK_FUZZ_SEED replays a failure.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { bratCodec } from '../../../../src/codecs/brat/index.js';
import { conllCodec } from '../../../../src/codecs/conll/index.js';
import type { DecodeResult, FormatCodec, InputFile } from '../../../../src/codecs/registry/format.js';
import { webAnnoCodec } from '../../../../src/codecs/webanno-tsv/index.js';
import { DEFAULT_SCHEMA } from '../../../../src/labels/schema.js';
import { assertQuotesMatch } from './helpers.js';

const seedFromEnv = process.env['SPANMARK_FUZZ_SEED'];
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seedFromEnv ? { seed: Number(seedFromEnv) } : {}) });

const TEXT = 'Police said 18 officers were killed 😢 in Almaty.\nTroops 🇰🇿 arrived; «الوضع» e\u0301.';
const DOC = {
  text: TEXT,
  annotations: [
    { id: 'a', label: 'claim', start: 0, end: 49, quote: '', note: 'n', attributes: { status: 'ok' } },
    { id: 'b', label: 'casualty', start: 12, end: 35, quote: '', attributes: { cause: 'a' } },
    {
      id: 'c',
      label: 'deployment',
      start: 51,
      end: 66,
      quote: '',
      fragments: [
        { start: 51, end: 57 },
        { start: 61, end: 66 },
      ],
    },
  ],
};

function sound(result: DecodeResult): void {
  if (result.problems.some((p) => p.severity === 'error')) assert.equal(result.documents.length, 0);
  for (const p of result.problems) assert.ok(p.message.length > 0);
  for (const d of result.documents) assertQuotesMatch(d);
}

const mutateLines = (files: readonly InputFile[]) =>
  fc
    .array(
      fc.record({
        file: fc.nat(),
        line: fc.nat(),
        kind: fc.constantFrom('delete', 'duplicate', 'replace', 'insert', 'digit'),
        junk: fc.string({ unit: 'binary', maxLength: 12 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .map((edits) => {
      const texts = files.map((f) => new TextDecoder().decode(f.bytes).split('\n'));
      for (const e of edits) {
        const lines = texts[e.file % texts.length]!;
        const i = e.line % Math.max(lines.length, 1);
        if (e.kind === 'delete') lines.splice(i, 1);
        else if (e.kind === 'duplicate') lines.splice(i, 0, lines[i] ?? '');
        else if (e.kind === 'replace') lines[i] = e.junk;
        else if (e.kind === 'insert') lines.splice(i, 0, e.junk);
        else lines[i] = (lines[i] ?? '').replace(/\d/, (d) => String((Number(d) + 1) % 10));
      }
      return files.map((f, k) => ({ name: f.name, bytes: new TextEncoder().encode(texts[k]!.join('\n')) }));
    });

for (const codec of [bratCodec, conllCodec, webAnnoCodec] as const satisfies readonly FormatCodec[]) {
  test(`fuzz: ${codec.id} never throws on mutated files and never returns a quote that is not its text`, () => {
    const { files } = codec.encode([DOC], DEFAULT_SCHEMA, 'doc');
    fc.assert(
      fc.property(mutateLines(files), (mutated) => {
        assert.equal(typeof codec.sniff(mutated), 'boolean');
        sound(codec.decode(mutated));
      }),
      params(200),
    );
  });

  test(`fuzz: ${codec.id} never throws on arbitrary bytes`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (a, b) => {
        const input = [
          { name: `x.${codec.extensions[0]}`, bytes: a },
          { name: 'x.txt', bytes: b },
        ];
        sound(codec.decode(input));
      }),
      params(200),
    );
  });
}
