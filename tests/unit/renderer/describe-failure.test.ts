// describeFailure: a storage error is told as the library's storage (full disk, newer version,
// blocked), any other error in its own words: a folder refused, a file unreadable, a save that
// failed must not read "the library could not be opened".

import { test } from 'node:test';
import assert from 'node:assert/strict';
import Dexie from 'dexie';
import { describeFailure, isStorageError } from '../../../renderer/db/db.js';

test('Dexie errors and IndexedDB DOMExceptions are storage errors, told as such', () => {
  const quota = new Dexie.QuotaExceededError('write failed');
  assert.equal(isStorageError(quota), true);
  assert.match(describeFailure(quota), /^The disk is full or the storage quota is used up/);
  assert.equal(isStorageError(new Dexie.DatabaseClosedError('closed')), true);
  // A raw request's error (edits are written with IndexedDB itself).
  const raw = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  assert.equal(isStorageError(raw), true);
  assert.match(describeFailure(raw), /^The disk is full/);
  assert.match(describeFailure(new DOMException('Version change blocked', 'VersionError')), /created by a newer Spanmark/);
});

test('any other error is told in its own words, whatever it holds', () => {
  const folder = new Error('The folder "many 📁" holds more than 10,000 articles and feeds; Spanmark opens at most 10,000 at once.');
  assert.equal(isStorageError(folder), false);
  assert.equal(describeFailure(folder), folder.message);
  // A file that cannot be read is a DOMException too, but not the library's.
  const unreadable = new DOMException('The file could not be read', 'NotReadableError');
  assert.equal(isStorageError(unreadable), false);
  assert.equal(describeFailure(unreadable), 'The file could not be read');
  assert.equal(describeFailure('مرحبا: no such file'), 'مرحبا: no such file');
  assert.equal(describeFailure(undefined), 'undefined');
  assert.equal(describeFailure(new Error('')), '');
});
