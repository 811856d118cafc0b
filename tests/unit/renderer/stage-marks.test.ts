// The stage marks an open leaves for `npm run bench` and the DevTools Performance panel: my layer
// read, then unpacked, in that order, and one mark per name however many documents a window opens
// (the browser keeps every mark until it is cleared).

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { loadLayers } from '../../../renderer/db/annotations-repo.js';
import { importExport } from '../../../renderer/io/import.js';
import { markStage, STAGES } from '../../../renderer/app/stage-marks.js';
import { annotation, article } from '../codecs/spanmark-v1-helpers.js';
import { withDb } from './with-db.js';

const doc = article('Troops 😀 arrived in Алматы. قَالَ');
const me = { id: 'my-install', name: 'analyst' };

function marks(name: string): PerformanceEntry[] {
  return performance.getEntriesByName(name, 'mark');
}

test('markStage keeps one mark per name, the newest', () => {
  markStage(STAGES.importChecking);
  const first = marks(STAGES.importChecking)[0]!.startTime;
  markStage(STAGES.importChecking);
  const now = marks(STAGES.importChecking);
  assert.equal(now.length, 1);
  assert.ok(now[0]!.startTime >= first);
});

test('opening a document marks my layer read, then unpacked; again, still one mark each', { timeout: 30_000 }, async () => {
  await withDb('stage-marks', async (db) => {
    const file = encodeSpanmarkV1({
      documents: [{ article: doc, annotations: [annotation(doc, 0, 6, { id: 'm1', annotator: 'analyst', annotatorId: me.id })] }],
      exportedAt: '2022-01-08T11:00:00.000Z',
      generatorVersion: 't',
      exportedBy: me,
    });
    const r = await importExport(db, 'mine.json', new TextEncoder().encode(serializeSpanmarkV1(file)), me);
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    performance.clearMarks();
    for (let i = 0; i < 2; i++) {
      const before = performance.now();
      const layers = await loadLayers(db, doc.id);
      assert.deepEqual(
        layers.own.map((a) => a.id),
        ['m1'],
      );
      const read = marks(STAGES.layerRead);
      const unpacked = marks(STAGES.layerUnpacked);
      assert.equal(read.length, 1);
      assert.equal(unpacked.length, 1);
      assert.ok(before <= read[0]!.startTime && read[0]!.startTime <= unpacked[0]!.startTime);
    }
  });
});
