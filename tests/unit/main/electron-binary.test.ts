import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { electronBinaryPath, electronPackageDir, fetchRefusal, installFailureReason } from '../../../main/node/electron-binary.js';

test('a package whose index.js throws (binary download skipped) means no binary', () => {
  const throwing = () => {
    throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');
  };
  assert.equal(electronBinaryPath(throwing), null);
});

test('a path is returned only when the file is there', () => {
  assert.equal(
    electronBinaryPath(
      () => '/opt/electron/electron',
      () => true,
    ),
    '/opt/electron/electron',
  );
  assert.equal(
    electronBinaryPath(
      () => '/opt/electron/electron',
      () => false,
    ),
    null,
  );
  assert.equal(
    electronBinaryPath(
      () => '',
      () => true,
    ),
    null,
  );
  assert.equal(
    electronBinaryPath(
      () => ({ not: 'a path' }),
      () => true,
    ),
    null,
  );
});

test('on this machine the answer agrees with the file system', () => {
  const found = electronBinaryPath();
  assert.ok(found === null || existsSync(found));
});

test('an offline download failure is reported in one line, never as a stack', () => {
  const offline = [
    'TypeError: fetch failed',
    '    at node:internal/deps/undici/undici:14976:13',
    '    at async FetchDownloader.download (file:///x/node_modules/@electron/get/dist/FetchDownloader.js:46:30)',
    '',
  ].join('\n');
  assert.equal(installFailureReason(offline, 1, false), 'TypeError: fetch failed');
  assert.equal(
    installFailureReason('Downloading…\r\nRequestError: getaddrinfo ENOTFOUND github.com\r\n    at x\r\n', 1, false),
    'RequestError: getaddrinfo ENOTFOUND github.com',
  );
  assert.equal(installFailureReason('', 3, false), 'install.js exited with code 3');
  assert.equal(installFailureReason('', null, true), 'the download took too long and was stopped');
  assert.ok(installFailureReason(`Error: ${'🙂'.repeat(500)}`, 1, false).length <= 200);
});

test('no download is tried when the package is missing or ELECTRON_SKIP_BINARY_DOWNLOAD asks so', () => {
  assert.match(fetchRefusal({}, null) ?? '', /not installed/);
  assert.match(fetchRefusal({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, '/nm/electron') ?? '', /ELECTRON_SKIP_BINARY_DOWNLOAD/);
  assert.match(fetchRefusal({ ELECTRON_SKIP_BINARY_DOWNLOAD: 'true' }, '/nm/electron') ?? '', /ELECTRON_SKIP_BINARY_DOWNLOAD/);
  assert.equal(fetchRefusal({ ELECTRON_SKIP_BINARY_DOWNLOAD: '0' }, '/nm/electron'), null);
  assert.equal(fetchRefusal({ ELECTRON_SKIP_BINARY_DOWNLOAD: '' }, '/nm/electron'), null);
  assert.equal(fetchRefusal({}, '/nm/electron'), null);
});

test(
  'ELECTRON_OVERRIDE_DIST_PATH is honoured as electron/index.js does, without starting a download',
  { skip: electronPackageDir() === null ? 'no electron package' : false },
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'spanmark-electron-dist-'));
    const pathTxt = join(electronPackageDir()!, 'path.txt');
    const name = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : 'electron';
    const saved = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
    try {
      process.env['ELECTRON_OVERRIDE_DIST_PATH'] = join(dir, 'missing');
      assert.equal(electronBinaryPath(), null);
      process.env['ELECTRON_OVERRIDE_DIST_PATH'] = dir;
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), '');
      assert.equal(electronBinaryPath(), join(dir, name));
    } finally {
      if (saved === undefined) delete process.env['ELECTRON_OVERRIDE_DIST_PATH'];
      else process.env['ELECTRON_OVERRIDE_DIST_PATH'] = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
