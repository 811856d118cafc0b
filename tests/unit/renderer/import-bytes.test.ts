// The app's import path from a file's bytes (fake-indexeddb): two byte order marks are refused (the
// platform TextDecoder used to drop one, so the decoder only ever saw the other), not-UTF-8 names
// the byte offset and UTF-16, and nothing is stored for a refused file.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { openDatabase } from '../../../renderer/db/db.js';
import { importExport } from '../../../renderer/io/import.js';
import { annotation, article, T0 } from '../codecs/spanmark-v1-helpers.js';

const me = { id: 'me-install', name: 'me' };
const doc = article('Troops 😀 arrived in Almaty.');
const json = serializeSpanmarkV1(
  encodeSpanmarkV1({
    documents: [{ article: doc, annotations: [annotation(doc, 0, 6, { annotator: 'Aigerim' })] }],
    exportedAt: T0,
    generatorVersion: '0.1.0',
  }),
);
const bom = [0xef, 0xbb, 0xbf];
const bytes = (...prefix: number[]): Uint8Array => new Uint8Array([...prefix, ...new TextEncoder().encode(json)]);

test('one BOM imports; two are refused with the place, and nothing is stored', async () => {
  const db = openDatabase('import-bytes-bom');
  await db.open();
  try {
    const two = await importExport(db, 'two.spanmark.json', bytes(...bom, ...bom), me);
    assert.equal(two.ok, false);
    if (!two.ok) assert.match(two.error.message, /^two\.spanmark\.json: .*line 1, column 1.*two byte order marks/);
    assert.equal(await db.articles.count(), 0);
    assert.equal(await db.colleagueAnnotations.count(), 0);
    const one = await importExport(db, 'one.spanmark.json', bytes(...bom), me);
    assert.ok(one.ok, one.ok ? '' : one.error.message);
    assert.equal(await db.articles.count(), 1);
  } finally {
    db.close();
  }
});

test('not UTF-8: the message gives the byte offset; UTF-16 is named', async () => {
  const db = openDatabase('import-bytes-utf8');
  await db.open();
  try {
    const latin1 = bytes();
    const at = json.indexOf('Almaty');
    latin1[at] = 0xc9;
    latin1[at + 1] = 0x41;
    const r = await importExport(db, 'latin1.spanmark.json', latin1, me);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.message, new RegExp(`latin1\\.spanmark\\.json: .*byte offset ${at}\\b.*UTF-16`));
    const utf16 = new Uint8Array(Buffer.from(`\ufeff${json}`, 'utf16le'));
    const w = await importExport(db, 'utf16.spanmark.json', utf16, me);
    assert.equal(w.ok, false);
    if (!w.ok) assert.match(w.error.message, /looks like UTF-16/);
    assert.equal(await db.articles.count(), 0);
  } finally {
    db.close();
  }
});
