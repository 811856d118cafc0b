// Bounded fuzzing of the v1 decoder: valid exports in every script, mutated structurally (offsets,
// quotes, texts, hashes, types, lone surrogates) and as raw JSON text (any character inserted,
// deleted or replaced). Whatever comes in, the decoder must never accept a file in which a quote is
// not the code-point slice it claims or a sha256 is not its text's, and must never throw or fail
// with anything but its own problem codes. Analyst ids (annotatorId, exportedBy) are accepted only
// well-formed: non-empty, bounded, with a UTF-8 form. Fixed run counts keep the unit suite fast; fast-check
// prints the seed and path of a failure, and SPANMARK_FUZZ_SEED replays one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeSpanmarkV1, decodeSpanmarkV1Bytes, type DecodeProblem } from '../../../src/codecs/spanmark-v1/decode.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import type { Result } from '../../../src/result.js';
import { DEFAULT_SCHEMA, labelIds } from '../../../src/labels/schema.js';

// The default schema's ids: these tests exercise the labels a new library starts with.
const LABEL_IDS = labelIds(DEFAULT_SCHEMA);
import { annotation, article, sha256Hex, sha256Sync, type Loose } from './spanmark-v1-helpers.js';

const seedFromEnv = process.env['SPANMARK_FUZZ_SEED'];
const params = (numRuns: number): fc.Parameters<unknown> => ({ numRuns, ...(seedFromEnv ? { seed: Number(seedFromEnv) } : {}) });

/** Every code the decoder documents; 'internal' is deliberately absent: it means a decoder bug. */
const CODES = new Set([
  'too-large',
  'not-utf8',
  'malformed-json',
  'not-spanmark',
  'unsupported-version',
  'bad-offset-unit',
  'schema',
  'offset-out-of-range',
  'empty-span',
  'quote-mismatch',
  'sha256-mismatch',
  'bad-text',
  'bad-string',
  'unknown-label',
  'duplicate-id',
  'bad-block',
  'hash-failed',
]);

const SNIPPETS = ['Troops', ' ', '\n', '😀', '👨‍👩‍👧‍👦', '🇰🇿', 'e\u0301', 'قَالَ', 'Алматы', '𝟐𝟎', '\u200f', '中文', '.', '\t'];

const ID_OF: Record<string, string> = { Dana: 'dana-7f3c', Aigerim: 'aigerim-😀', Ержан: 'e\u0301-ержан' };

/** A valid export: one or two documents, each with a few annotations on whole code points, some with analyst ids. */
const validExport = fc
  .tuple(
    fc.array(
      fc.record({
        pieces: fc.array(fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })), { minLength: 1, maxLength: 10 }),
        spans: fc.array(
          fc.record({ a: fc.nat(), b: fc.nat(), label: fc.constantFrom(...LABEL_IDS), who: fc.constantFrom('Dana', 'Aigerim', 'Ержан'), withId: fc.boolean() }),
          { maxLength: 5 },
        ),
      }),
      { minLength: 1, maxLength: 2 },
    ),
    fc.boolean(),
  )
  .map(([docs, stamped]) => {
    const seen = new Set<string>();
    const documents = docs.flatMap(({ pieces, spans }, d) => {
      const text =
        pieces
          .join('')
          .replace(/\r/g, '')
          .replace(/\p{Cs}/gu, 'x') + ` #${d}`;
      if (seen.has(text)) return [];
      seen.add(text);
      const doc = article(text);
      // Offsets on code point boundaries (UTF-16 as stored), non-empty.
      const bounds = [0];
      for (const ch of text) bounds.push(bounds[bounds.length - 1]! + ch.length);
      const annotations = spans.map((s, k) => {
        const i = s.a % (bounds.length - 1);
        const j = i + 1 + (s.b % (bounds.length - 1 - i));
        return annotation(doc, bounds[i]!, bounds[j]!, {
          id: `${d}-${k}`,
          label: s.label,
          annotator: s.who,
          ...(s.withId ? { annotatorId: ID_OF[s.who]! } : {}),
        });
      });
      return [{ article: doc, annotations }];
    });
    const exportedBy = stamped ? { exportedBy: { id: ID_OF['Dana']!, name: 'Dana' } } : {};
    return serializeSpanmarkV1(encodeSpanmarkV1({ documents, exportedAt: '2022-01-08T10:15:00.000Z', generatorVersion: '0.1.0', ...exportedBy }));
  });

type Mutation = (f: Loose, r: { pick: number; delta: number; ch: string }) => void;

const annotationsOf = (f: Loose): Loose[] => (f.documents as Loose[]).flatMap((d: Loose) => d.annotations as Loose[]);
const pickOf = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

// A mutation that edits a string skips a field an earlier mutation removed (undefined): the
// property is about what the decoder does with the file, not about the mutations throwing.
const MUTATIONS: Mutation[] = [
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.start += r.delta;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.end += r.delta;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) {
      a.start += r.delta;
      a.end += r.delta;
    }
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.quote = a.quote + r.ch;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a && typeof a.quote === 'string') a.quote = [...a.quote].slice(1).join('') || r.ch;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a && typeof a.quote === 'string') {
      const cps = [...a.quote];
      cps[r.pick % cps.length] = r.ch;
      a.quote = cps.join('');
    }
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a && typeof a.quote === 'string') a.quote = a.quote.slice(0, -1);
  }, // may split a surrogate pair
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d && typeof d.text === 'string') {
      const cps = [...d.text];
      cps.splice(r.pick % (cps.length + 1), 0, r.ch);
      d.text = cps.join('');
    }
  },
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d && typeof d.text === 'string') d.text = [...d.text].filter((_, i) => i !== r.pick % [...d.text].length).join('');
  },
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d) d.text = d.text.slice(0, r.pick % (d.text.length + 1)) + d.text.slice((r.pick % (d.text.length + 1)) + 1);
  }, // by unit
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d) {
      const i = r.pick % 64;
      d.sha256 = d.sha256.slice(0, i) + (d.sha256[i] === '0' ? '1' : '0') + d.sha256.slice(i + 1);
    }
  },
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    const e = pickOf(f.documents as Loose[], r.pick + 1);
    if (d && e) d.sha256 = e.sha256;
  },
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d) {
      d.text = d.text + r.ch;
      d.sha256 = sha256Sync(d.text);
    }
  }, // consistent hash, offsets still fine
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d) {
      d.text = r.ch + d.text;
      d.sha256 = sha256Sync(d.text);
    }
  }, // consistent hash, every quote shifted
  (f, r) => {
    const as = annotationsOf(f);
    const a = pickOf(as, r.pick);
    const b = pickOf(as, r.pick + 1);
    if (a && b) [a.quote, b.quote] = [b.quote, a.quote];
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.start = [0.5, -1, '3', null, 2 ** 53, Number.MAX_VALUE, 1e21][r.pick % 7];
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.end = a.start;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a[['id', 'label', 'quote', 'annotator', 'createdAt', 'updatedAt', 'start', 'end'][r.pick % 8]!] = undefined;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.note = `n${r.ch}\ud800`;
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.updatedAt = ['2022-01-08T15:15:00+05:00', '2022-01-08t10:15:00z', '2022-02-30T00:00:00Z', '2022-01-08T10:15:00', ''][r.pick % 5];
  },
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d) d.blocks = [{ kind: 'paragraph', start: r.delta, end: r.pick }];
  },
  (f, r) => {
    f[['format', 'version', 'offsetUnit', 'labels', 'documents', 'exportedAt'][r.pick % 6]!] = [null, 2, 'utf16', {}, [], '__proto__'][r.pick % 6];
  },
  (f) => {
    f.documents = [...f.documents, ...f.documents];
  },
  (f, r) => {
    const d = pickOf(f.documents as Loose[], r.pick);
    if (d) d.annotations = [...d.annotations, ...d.annotations];
  },
  (f, r) => {
    const a = pickOf(annotationsOf(f), r.pick);
    if (a) a.annotatorId = ['', 7, null, `x${r.ch}\ud800`, 'x'.repeat(201), 'x'.repeat(200), r.ch, {}, [], '__proto__'][r.pick % 10];
  },
  (f, r) => {
    f.exportedBy = [
      null,
      'Dana',
      {},
      { id: 'x' },
      { name: 'Dana' },
      { id: '', name: 'Dana' },
      { id: 'x'.repeat(201), name: 'D' },
      { id: r.ch, name: r.ch },
      [],
      { id: 'a', name: '' },
    ][r.pick % 10];
  },
];

const MAX_ID = 200;
const wellFormedId = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID && !/\p{Cs}/u.test(v);

const mutationArb = fc.record({
  which: fc.nat({ max: MUTATIONS.length - 1 }),
  pick: fc.nat(),
  delta: fc.integer({ min: -3, max: 3 }),
  ch: fc.constantFrom(...SNIPPETS, 'x', '\ud800', '\r', '😀'),
});

/** Checks one decoder answer against the file it was given. */
async function check(json: string, r: Result<unknown, DecodeProblem>): Promise<void> {
  if (!r.ok) {
    assert.ok(CODES.has(r.error.code), `unexpected code ${r.error.code}: ${r.error.message}`);
    assert.equal(typeof r.error.message, 'string');
    assert.ok(r.error.problems.length >= 1);
    return;
  }
  // Accepted: every document's hash and every quote must hold in the file as written.
  const file = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  for (const d of file.documents as Loose[]) {
    assert.equal(await sha256Hex(d.text), d.sha256, 'accepted a wrong sha256');
    const cps = [...(d.text as string)];
    for (const a of d.annotations as Loose[]) {
      assert.equal(cps.slice(a.start, a.end).join(''), a.quote, `accepted quote ${JSON.stringify(a.quote)} at ${a.start}..${a.end}`);
    }
  }
  const value = r.value as Awaited<ReturnType<typeof decodeSpanmarkV1>> extends Result<infer V, DecodeProblem> ? V : never;
  for (const doc of value.documents) {
    for (const a of doc.annotations) assert.equal(doc.article.text.slice(a.start, a.end), a.quote, 'decoded UTF-16 offsets do not slice the quote');
  }
  // Analyst ids: only well-formed ones get through, and they come back as the file wrote them.
  (file.documents as Loose[]).forEach((d: Loose, i: number) => {
    (d.annotations as Loose[]).forEach((a: Loose, k: number) => {
      if (a.annotatorId !== undefined) assert.ok(wellFormedId(a.annotatorId), `accepted annotatorId ${JSON.stringify(a.annotatorId)}`);
      assert.equal(value.documents[i]!.annotations[k]!.annotatorId, a.annotatorId);
    });
  });
  if (file.exportedBy !== undefined) {
    assert.ok(
      wellFormedId(file.exportedBy.id) && typeof file.exportedBy.name === 'string' && file.exportedBy.name.length > 0,
      `accepted exportedBy ${JSON.stringify(file.exportedBy)}`,
    );
    assert.deepEqual(value.exportedBy, { id: file.exportedBy.id, name: file.exportedBy.name });
  } else {
    assert.equal(value.exportedBy, undefined);
  }
}

async function decodeChecked(json: string): Promise<void> {
  let r: Result<unknown, DecodeProblem>;
  try {
    r = await decodeSpanmarkV1(json, sha256Hex);
  } catch (e) {
    assert.fail(`decodeSpanmarkV1 threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  await check(json, r);
}

test('fuzz: structural mutations of valid exports are accepted only when every quote and hash hold', async () => {
  await fc.assert(
    fc.asyncProperty(validExport, fc.array(mutationArb, { minLength: 1, maxLength: 3 }), async (json, mutations) => {
      const f = JSON.parse(json);
      for (const m of mutations) MUTATIONS[m.which]!(f, m);
      await decodeChecked(JSON.stringify(f));
    }),
    params(250),
  );
});

test('fuzz: raw-text mutations (insert, delete, replace any character) never throw or let a bad file through', async () => {
  const edit = fc.record({
    at: fc.nat(),
    kind: fc.constantFrom('insert', 'delete', 'replace'),
    ch: fc.oneof(
      fc.constantFrom('"', ',', '}', ']', '\\', '0', '9', '-', ' ', '\ufeff', '\ud800', '😀'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
    ),
  });
  await fc.assert(
    fc.asyncProperty(validExport, fc.array(edit, { minLength: 1, maxLength: 4 }), async (json, edits) => {
      let text = json;
      for (const e of edits) {
        const i = e.at % (text.length + 1);
        text = text.slice(0, i) + (e.kind === 'delete' ? '' : e.ch) + text.slice(i + (e.kind === 'insert' ? 0 : 1));
      }
      await decodeChecked(text);
      // And the bytes path over the same text (lone surrogates become U+FFFD in UTF-8, as any writer would).
      let r: Result<unknown, DecodeProblem>;
      try {
        r = await decodeSpanmarkV1Bytes(new TextEncoder().encode(text), sha256Hex);
      } catch (e) {
        assert.fail(`decodeSpanmarkV1Bytes threw: ${String(e)}`);
      }
      await check(new TextDecoder().decode(new TextEncoder().encode(text)).replace(/^\ufeff/, ''), r);
    }),
    params(250),
  );
});

test('fuzz: byte mutations of valid exports never throw, and bad UTF-8 is placed', async () => {
  await fc.assert(
    fc.asyncProperty(
      validExport,
      fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 3 }),
      async (json, flips) => {
        const bytes = new TextEncoder().encode(json);
        for (const f of flips) bytes[f.at % bytes.length] = f.byte;
        let r: Result<unknown, DecodeProblem>;
        try {
          r = await decodeSpanmarkV1Bytes(bytes, sha256Hex);
        } catch (e) {
          assert.fail(`decodeSpanmarkV1Bytes threw: ${String(e)}`);
        }
        if (!r.ok && r.error.code === 'not-utf8') {
          assert.ok(r.error.offset !== undefined && r.error.offset >= 0 && r.error.offset < bytes.length);
          return;
        }
        if (!r.ok && r.error.code === 'malformed-json') assert.ok(r.error.line !== undefined && r.error.column !== undefined, r.error.message);
        await check(new TextDecoder('utf-8', { fatal: true }).decode(bytes), r);
      },
    ),
    params(300),
  );
});
