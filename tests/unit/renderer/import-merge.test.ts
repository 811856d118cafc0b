// The import path end to end over an in-memory IndexedDB (fake-indexeddb: logic only, durability is
// tested in Chromium): an export whose timestamps another tool spelled differently must never make
// an older copy of my annotation overwrite my newer edit, and what is stored is normalised.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Annotation } from '../../../src/annotations/types.js';
import { ownMergeOutcome } from '../../../src/annotations/merge-own.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { decodeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/decode.js';
import { openDatabase } from '../../../renderer/db/db.js';
import { importExport } from '../../../renderer/io/import.js';
import { annotation, article, sha256Hex } from '../codecs/spanmark-v1-helpers.js';

const TEXT = 'Troops 😀 arrived in Almaty.';
const doc = article(TEXT);
const me = 'Dana';
// These files predate annotator ids, so my name is what marks them mine, once I confirm it.
const dana = { id: 'dana-install', name: me };
const yes = async () => true;
// My stored edit: 10:15:00.000Z. Each incoming spelling below is an OLDER instant whose string sorts
// after it, so a string comparison lets the older copy win.
const STORED = '2022-01-08T10:15:00.000Z';
const OLDER: readonly string[] = [
  '2022-01-08T14:00:00+05:00', // 09:00Z
  '2022-01-08T10:14:59Z', // no milliseconds
  '2022-01-08t10:14:59.000Z', // lower-case t
  '2022-01-08T10:14:59.9z', // lower-case z, short fraction
  '2022-01-08T15:14:59.999999+05:00', // Python's isoformat(): microseconds and an offset
];

function file(updatedAt: string, label: Annotation['label'] = 'casualty'): Uint8Array {
  const a = annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label, createdAt: '2022-01-08T09:00:00.000Z', updatedAt: '2022-01-08T09:00:00.000Z' });
  const json = JSON.parse(
    serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: doc, annotations: [a] }], exportedAt: STORED, generatorVersion: '0.1.0' })),
  );
  // Written as another tool would write it: the encoder only emits Spanmark's own spelling.
  json.documents[0].annotations[0].updatedAt = updatedAt;
  json.exportedAt = updatedAt;
  return new TextEncoder().encode(JSON.stringify(json));
}

test('decoded timestamps come back in the stored spelling', async () => {
  for (const spelling of OLDER) {
    const r = await decodeSpanmarkV1(new TextDecoder().decode(file(spelling)), sha256Hex);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const a = r.value.documents[0]!.annotations[0]!;
    assert.match(a.updatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3,}Z$/, spelling);
    assert.match(r.value.exportedAt, /Z$/);
    assert.ok(a.updatedAt < STORED, `${spelling} → ${a.updatedAt}`);
  }
});

test('the merge rule keeps my newer copy against every older spelling, and takes a newer one', () => {
  const mine = annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label: 'claim', updatedAt: STORED });
  for (const spelling of OLDER) {
    assert.equal(ownMergeOutcome(mine, { ...mine, label: 'casualty', updatedAt: spelling }), 'kept-newer', spelling);
  }
  assert.equal(ownMergeOutcome(mine, { ...mine, label: 'casualty', updatedAt: '2022-01-08T15:15:00.001+05:00' }), 'updated');
  assert.equal(ownMergeOutcome(mine, { ...mine, updatedAt: '2022-01-08T15:15:00+05:00' }), 'unchanged', 'the same instant, spelled otherwise');
  assert.equal(ownMergeOutcome(undefined, mine), 'added');
  assert.equal(ownMergeOutcome(mine, { ...mine, docId: 'other' }), 'other-document');
});

test('importing an older copy spelled another way never overwrites my newer edit', async () => {
  let n = 0;
  for (const spelling of OLDER) {
    const db = openDatabase(`import-merge-${n++}`);
    await db.open();
    try {
      await db.articles.add(doc);
      await db.annotations.add(
        annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label: 'claim', createdAt: '2022-01-08T09:00:00.000Z', updatedAt: STORED }),
      );
      const r = await importExport(db, 'colleague.spanmark.json', file(spelling), dana, undefined, yes);
      assert.ok(r.ok, r.ok ? '' : r.error.message);
      assert.equal(r.value.keptNewer, 1, spelling);
      const kept = await db.annotations.get('mine-1');
      assert.equal(kept?.label, 'claim', `${spelling} overwrote the newer edit`);
      assert.equal(kept?.updatedAt, STORED);
    } finally {
      db.close();
    }
  }
});

test('an import newer than my copy replaces it, stored in the normalised spelling', async () => {
  const db = openDatabase('import-merge-newer');
  await db.open();
  try {
    await db.articles.add(doc);
    await db.annotations.add(annotation(doc, 0, 6, { id: 'mine-1', annotator: me, label: 'claim', updatedAt: STORED }));
    const r = await importExport(db, 'later.spanmark.json', file('2022-01-08t15:15:00.5+05:00'), dana, undefined, yes);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    assert.equal(r.value.updated, 1);
    const stored = await db.annotations.get('mine-1');
    assert.equal(stored?.label, 'casualty');
    assert.equal(stored?.updatedAt, '2022-01-08T10:15:00.500Z');
  } finally {
    db.close();
  }
});
