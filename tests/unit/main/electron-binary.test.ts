import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { electronBinaryPath } from '../../../main/node/electron-binary.js';

test('a package whose index.js throws (binary download skipped) means no binary', () => {
  const throwing = () => {
    throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
  };
  assert.equal(electronBinaryPath(throwing), null);
});

test('a path is returned only when the file is there', () => {
  assert.equal(electronBinaryPath(() => '/opt/electron/electron', () => true), '/opt/electron/electron');
  assert.equal(electronBinaryPath(() => '/opt/electron/electron', () => false), null);
  assert.equal(electronBinaryPath(() => '', () => true), null);
  assert.equal(electronBinaryPath(() => ({ not: 'a path' }), () => true), null);
});

test('on this machine the answer agrees with the file system', () => {
  const found = electronBinaryPath();
  assert.ok(found === null || existsSync(found));
});
