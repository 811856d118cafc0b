// The packaged app's fuses and Electron version, as electron-builder receives them.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { builder, ELECTRON_VERSION } from '../../../electron.config.js';

const require_ = createRequire(import.meta.url);

test('the fuses close every door the app does not use', () => {
  assert.deepEqual(builder.electronFuses, {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    grantFileProtocolExtraPrivileges: false,
  });
});

test('electron-builder is told the Electron version, and it is the installed electron package', () => {
  assert.equal(builder.electronVersion, ELECTRON_VERSION);
  const installed = (JSON.parse(readFileSync(require_.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
  assert.equal(ELECTRON_VERSION, installed);
  const wanted = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> })
    .devDependencies['electron'];
  assert.equal(wanted, `^${ELECTRON_VERSION}`);
});

test("npm never runs Electron's own install script; the others are reviewed", () => {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { allowScripts?: Record<string, boolean> };
  assert.equal(pkg.allowScripts?.['electron'], false);
  const lock = JSON.parse(readFileSync(new URL('../../../package-lock.json', import.meta.url), 'utf8')) as {
    packages: Record<string, { version?: string; hasInstallScript?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.hasInstallScript !== true) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const covered = pkg.allowScripts?.[name] !== undefined || pkg.allowScripts?.[`${name}@${entry.version}`] !== undefined;
    assert.ok(covered, `${name}@${entry.version} has an install script that allowScripts neither allows nor denies (npm install would warn)`);
  }
});
