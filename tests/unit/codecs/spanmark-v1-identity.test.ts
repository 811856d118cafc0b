// Analyst ids in contract v1: an optional annotatorId per annotation and an optional top-level
// exportedBy {id, name}. Old files (neither) import forever; new ones are checked strictly, each
// refusal naming its JSON path; the encoder writes them beside the name and the schema documents them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeSpanmarkV1, type DecodeProblem } from '../../../src/codecs/spanmark-v1/decode.js';
import { encodeSpanmarkV1, serializeSpanmarkV1, SpanmarkEncodeError } from '../../../src/codecs/spanmark-v1/encode.js';
import { MAX_ANNOTATOR_ID_LENGTH, type SpanmarkFileV1 } from '../../../src/codecs/spanmark-v1/types.js';
import type { Result } from '../../../src/result.js';
import { annotation, article, clone, sha256Hex, T0, validateSchema, type Loose } from './spanmark-v1-helpers.js';

const TEXT = 'Troops 😀 arrived in Алматы. قَالَ\n';
const doc = article(TEXT);
const at = (s: string): [number, number] => [TEXT.indexOf(s), TEXT.indexOf(s) + s.length];

function file(opts: { ids?: boolean; by?: boolean } = {}): SpanmarkFileV1 {
  const annotations = [
    annotation(doc, ...at('Troops'), { id: 'a1', annotator: 'analyst', ...(opts.ids ? { annotatorId: 'id-🇰🇿-1' } : {}) }),
    annotation(doc, ...at('Алматы'), { id: 'a2', annotator: 'analyst' }),
  ];
  return encodeSpanmarkV1({
    documents: [{ article: doc, annotations }],
    exportedAt: T0,
    generatorVersion: '0.2.0',
    ...(opts.by ? { exportedBy: { id: 'id-🇰🇿-1', name: 'analyst' } } : {}),
  });
}

async function decodeMutated(
  mutate: (f: Loose) => void,
  base = file({ ids: true, by: true }),
): Promise<Result<Awaited<ReturnType<typeof decodeSpanmarkV1>> extends Result<infer V, DecodeProblem> ? V : never, DecodeProblem>> {
  const f = clone(base) as Loose;
  mutate(f);
  return decodeSpanmarkV1(JSON.stringify(f), sha256Hex);
}

function refused(r: Result<unknown, DecodeProblem>, code: string, path: string): string {
  assert.equal(r.ok, false, 'expected a refusal');
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.error.code, code, r.error.message);
  assert.equal(r.error.path, path, r.error.message);
  assert.ok(r.error.message.startsWith(path), r.error.message);
  return r.error.message;
}

test('a file without annotatorId or exportedBy (every file before them) still decodes, without ids', async () => {
  const old = file();
  assert.equal('exportedBy' in old, false);
  const r = await decodeSpanmarkV1(serializeSpanmarkV1(old), sha256Hex);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.exportedBy, undefined);
  assert.ok(r.value.documents[0]!.annotations.every((a) => !('annotatorId' in a)));
});

test('annotatorId and exportedBy are written beside the name and read back as written', async () => {
  const f = file({ ids: true, by: true });
  const text = serializeSpanmarkV1(f);
  assert.match(text, /"annotator":"analyst","annotatorId":"id-🇰🇿-1","createdAt"/);
  assert.deepEqual(Object.keys(f).slice(0, 6), ['format', 'version', 'offsetUnit', 'exportedAt', 'generator', 'exportedBy']);
  const r = await decodeSpanmarkV1(text, sha256Hex);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.deepEqual(r.value.exportedBy, { id: 'id-🇰🇿-1', name: 'analyst' });
  const [a1, a2] = r.value.documents[0]!.annotations;
  assert.equal(a1!.annotatorId, 'id-🇰🇿-1');
  assert.equal(a2!.annotatorId, undefined);
});

test('an id of exactly the maximum length, in any script, is accepted', async () => {
  const long = '😀'.repeat(MAX_ANNOTATOR_ID_LENGTH / 2); // 200 UTF-16 units
  const r = await decodeMutated((f) => {
    f.documents[0].annotations[0].annotatorId = long;
    f.exportedBy = { id: 'e\u0301\u05d0', name: 'אנליסט' };
  });
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  assert.equal(r.value.documents[0]!.annotations[0]!.annotatorId, long);
  assert.deepEqual(r.value.exportedBy, { id: 'e\u0301\u05d0', name: 'אנליסט' });
});

test('a bad annotatorId is refused with its path', async () => {
  const path = 'documents[0].annotations[0].annotatorId';
  for (const bad of ['', 7, null, true, {}, ['x']]) {
    refused(
      await decodeMutated((f) => {
        f.documents[0].annotations[0].annotatorId = bad;
      }),
      'schema',
      path,
    );
  }
  assert.match(
    refused(
      await decodeMutated((f) => {
        f.documents[0].annotations[0].annotatorId = 'x\ud800';
      }),
      'bad-string',
      path,
    ),
    /unpaired surrogate/,
  );
  assert.match(
    refused(
      await decodeMutated((f) => {
        f.documents[0].annotations[0].annotatorId = 'x'.repeat(MAX_ANNOTATOR_ID_LENGTH + 1);
      }),
      'schema',
      path,
    ),
    /at most 200/,
  );
  // A huge id is bounded in the message too.
  const huge = refused(
    await decodeMutated((f) => {
      f.documents[0].annotations[0].annotatorId = 'y'.repeat(1_000_000);
    }),
    'schema',
    path,
  );
  assert.ok(huge.length < 400, `${huge.length} characters`);
});

test('a bad exportedBy is refused with its path', async () => {
  refused(
    await decodeMutated((f) => {
      f.exportedBy = 'analyst';
    }),
    'schema',
    'exportedBy',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = null;
    }),
    'schema',
    'exportedBy',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = [];
    }),
    'schema',
    'exportedBy',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = { name: 'analyst' };
    }),
    'schema',
    'exportedBy.id',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = { id: 'x' };
    }),
    'schema',
    'exportedBy.name',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = { id: '', name: 'analyst' };
    }),
    'schema',
    'exportedBy.id',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = { id: 'x', name: '' };
    }),
    'schema',
    'exportedBy.name',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = { id: '\udc00', name: 'a' };
    }),
    'bad-string',
    'exportedBy.id',
  );
  refused(
    await decodeMutated((f) => {
      f.exportedBy = { id: 'x'.repeat(201), name: 'a' };
    }),
    'schema',
    'exportedBy.id',
  );
  // Inherited keys are not data.
  refused(
    await decodeMutated((f) => {
      f.exportedBy = JSON.parse('{"__proto__": {"id": "x", "name": "y"}}');
    }),
    'schema',
    'exportedBy.id',
  );
});

test('the schema documents both fields: valid files pass, the same bad values fail', () => {
  assert.ok(validateSchema(clone(file({ ids: true, by: true }))), JSON.stringify(validateSchema.errors));
  assert.ok(validateSchema(clone(file())), JSON.stringify(validateSchema.errors));
  const bad = (mutate: (f: Loose) => void): boolean => {
    const f = clone(file({ ids: true, by: true })) as Loose;
    mutate(f);
    return validateSchema(f);
  };
  assert.equal(
    bad((f) => {
      f.documents[0].annotations[0].annotatorId = '';
    }),
    false,
  );
  assert.equal(
    bad((f) => {
      f.documents[0].annotations[0].annotatorId = 'x'.repeat(201);
    }),
    false,
  );
  assert.equal(
    bad((f) => {
      f.exportedBy = { id: 'x' };
    }),
    false,
  );
  assert.equal(
    bad((f) => {
      f.exportedBy = { id: 'x', name: '' };
    }),
    false,
  );
});

test('the encoder refuses ids the decoder would refuse', () => {
  const throwsAt = (path: string, run: () => unknown) => assert.throws(run, (e: unknown) => e instanceof SpanmarkEncodeError && e.path === path);
  throwsAt('documents[0].annotations[0].annotatorId', () =>
    encodeSpanmarkV1({ documents: [{ article: doc, annotations: [annotation(doc, 0, 6, { annotatorId: '' })] }], exportedAt: T0, generatorVersion: 't' }),
  );
  throwsAt('documents[0].annotations[0].annotatorId', () =>
    encodeSpanmarkV1({
      documents: [{ article: doc, annotations: [annotation(doc, 0, 6, { annotatorId: 'a\ud800' })] }],
      exportedAt: T0,
      generatorVersion: 't',
    }),
  );
  throwsAt('exportedBy.id', () => encodeSpanmarkV1({ documents: [], exportedAt: T0, generatorVersion: 't', exportedBy: { id: 'x'.repeat(201), name: 'a' } }));
  throwsAt('exportedBy.name', () => encodeSpanmarkV1({ documents: [], exportedAt: T0, generatorVersion: 't', exportedBy: { id: 'x', name: '' } }));
});
