// putInSteps (fake-indexeddb): every record written whatever the step, still one transaction (a bad
// record in the last step leaves nothing of the earlier steps), nothing for an empty list.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../renderer/db/db.js';
import { putInSteps } from '../../../renderer/db/put-in-steps.js';
import type { Annotation } from '../../../src/annotations/types.js';
import { T0 } from '../codecs/spanmark-v1-helpers.js';

const row = (i: number): Annotation => ({
  id: `a${i}`,
  docId: 'doc',
  label: 'claim',
  start: i,
  end: i + 1,
  quote: i % 3 === 0 ? '😀' : 'x',
  annotator: 'me',
  createdAt: T0,
  updatedAt: T0,
});

test('every record is written, in steps smaller, equal to or larger than the list', async () => {
  for (const [n, step] of [
    [1_234, 100],
    [500, 500],
    [7, 500],
    [1, 1],
  ] as const) {
    const db = openDatabase(`put-in-steps-${n}-${step}`);
    const rows = Array.from({ length: n }, (_, i) => row(i));
    await db.transaction('rw', db.myLayerEdits, () => putInSteps(db.myLayerEdits, rows, step));
    assert.deepEqual(
      await db.myLayerEdits.toArray(),
      [...rows].sort((a, b) => a.id.localeCompare(b.id)),
      `${n} in steps of ${step}`,
    );
    db.close();
  }
});

test('one transaction: a record refused in the last step leaves nothing of the steps before it', async () => {
  const db = openDatabase('put-in-steps-abort');
  await db.myLayerEdits.put({ ...row(0), quote: 'kept' });
  const rows = [...Array.from({ length: 250 }, (_, i) => row(i)), { ...row(999), id: undefined } as unknown as Annotation];
  await assert.rejects(db.transaction('rw', db.myLayerEdits, () => putInSteps(db.myLayerEdits, rows, 100)));
  assert.deepEqual(
    (await db.myLayerEdits.toArray()).map((a) => [a.id, a.quote]),
    [['a0', 'kept']],
  );
  db.close();
});

test('an empty list writes nothing and asks nothing of the table', async () => {
  const db = openDatabase('put-in-steps-empty');
  await db.transaction('rw', db.myLayerEdits, () => putInSteps(db.myLayerEdits, []));
  assert.equal(await db.myLayerEdits.count(), 0);
  db.close();
});
