import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDownloadFailure, OFFLINE_PACKAGING_MESSAGE } from '../../../main/node/packaging-errors.js';

test('network failures while fetching Electron or tools are recognised', () => {
  for (const message of [
    'getaddrinfo ENOTFOUND github.com',
    'Get "https://github.com/electron/electron/releases/download/v45.5.0/electron-v45.5.0-linux-x64.zip": dial tcp: lookup github.com: no such host',
    'connect ECONNREFUSED 140.82.121.4:443',
    'request to https://github.com/electron-userland/electron-builder-binaries/releases failed',
    'read ECONNRESET',
  ]) {
    assert.equal(isDownloadFailure(new Error(message)), true, message);
  }
});

test('configuration and build errors are not mistaken for being offline', () => {
  for (const message of ['Invalid configuration object', 'Application entry file "dist/main/main.cjs" does not exist', 'Please specify author email']) {
    assert.equal(isDownloadFailure(new Error(message)), false, message);
  }
  assert.match(OFFLINE_PACKAGING_MESSAGE, /internet access/);
});
