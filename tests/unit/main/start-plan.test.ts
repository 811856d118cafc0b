import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  appUrl, chooseMode, chromiumArgs, DEFAULT_PORT, displayPath, fallbackNotice, findChromium, isSpanmarkHealth,
  missingBuildOutputs, noChromiumNotice, parsePort, parseServeArgs, portConflictMessage, readStartSettings,
} from '../../../main/node/start-plan.js';

const home = '/home/analyst';

test('settings default to port 47321 and ~/.spanmark/chromium-profile', () => {
  assert.deepEqual(readStartSettings({}, home), { ok: true, value: { port: 47321, profileDir: join(home, '.spanmark', 'chromium-profile') } });
  assert.deepEqual(readStartSettings({ SPANMARK_PORT: '', SPANMARK_PROFILE: '' }, home), readStartSettings({}, home));
});

test('SPANMARK_PORT and SPANMARK_PROFILE override them', () => {
  assert.deepEqual(readStartSettings({ SPANMARK_PORT: '5000', SPANMARK_PROFILE: '/srv/profile' }, home), { ok: true, value: { port: 5000, profileDir: '/srv/profile' } });
  assert.deepEqual(readStartSettings({ SPANMARK_PROFILE: '~/p' }, home), { ok: true, value: { port: DEFAULT_PORT, profileDir: join(home, 'p') } });
});

test('a bad SPANMARK_PORT is an error naming the variable', () => {
  for (const bad of ['0', '65536', 'abc', '80.5', '-1', '1e3']) {
    const settings = readStartSettings({ SPANMARK_PORT: bad }, home);
    assert.equal(settings.ok, false, bad);
    if (!settings.ok) assert.match(settings.error.message, /SPANMARK_PORT/);
  }
  assert.deepEqual(parsePort('0', '--port', true), { ok: true, value: 0 });
});

test('the build runs when either output is missing', () => {
  const present = new Set([join('/repo', 'dist/renderer/index.html')]);
  assert.deepEqual(missingBuildOutputs('/repo', (p) => present.has(p)), ['dist/main/main.cjs']);
  assert.deepEqual(missingBuildOutputs('/repo', () => true), []);
  assert.deepEqual(missingBuildOutputs('/repo', () => false), ['dist/renderer/index.html', 'dist/main/main.cjs']);
});

test('Electron runs when its binary exists, else Chromium', () => {
  assert.deepEqual(chooseMode('/x/electron'), { kind: 'electron', binary: '/x/electron' });
  assert.deepEqual(chooseMode(null), { kind: 'chromium' });
});

test('Chromium is found from CHROME_PATH, then the usual places', () => {
  const has = (...paths: string[]) => (p: string) => paths.includes(p);
  assert.equal(findChromium({ CHROME_PATH: '/opt/chrome' }, has('/opt/chrome', '/usr/bin/chromium')), '/opt/chrome');
  assert.equal(findChromium({ CHROME_PATH: '/missing' }, has('/usr/bin/chromium')), '/usr/bin/chromium');
  assert.equal(findChromium({}, has('/usr/bin/google-chrome', '/snap/bin/chromium')), '/usr/bin/google-chrome');
  assert.equal(findChromium({}, has('/snap/bin/chromium')), '/snap/bin/chromium');
  assert.equal(findChromium({ PROGRAMFILES: 'C:\\PF' }, has(join('C:\\PF', 'Google', 'Chrome', 'Application', 'chrome.exe'))), join('C:\\PF', 'Google', 'Chrome', 'Application', 'chrome.exe'));
  assert.equal(findChromium({}, has()), null);
});

test('Chromium runs as a quiet app window with its own profile; --no-sandbox only as root', () => {
  const args = chromiumArgs({ url: appUrl(47321), profileDir: '/p', isRoot: false });
  assert.deepEqual(args.slice(0, 2), ['--app=http://127.0.0.1:47321/', '--user-data-dir=/p']);
  for (const flag of ['--no-first-run', '--no-default-browser-check', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu']) {
    assert.ok(args.includes(flag), flag);
  }
  assert.ok(!args.includes('--no-sandbox'));
  assert.ok(chromiumArgs({ url: appUrl(1), profileDir: '/p', isRoot: true }).includes('--no-sandbox'));
});

test('messages name the URL, the profile, the port and the variable', () => {
  assert.equal(
    fallbackNotice(appUrl(47321), join(home, '.spanmark', 'chromium-profile'), home),
    "Spanmark: Electron's binary is not installed here, so Spanmark opens in Chromium as an app window at http://127.0.0.1:47321/ (profile: ~/.spanmark/chromium-profile)",
  );
  assert.equal(displayPath('/home/analystx/p', home), '/home/analystx/p');
  assert.match(noChromiumNotice(appUrl(47321)), /http:\/\/127\.0\.0\.1:47321\//);
  assert.match(portConflictMessage(47321), /47321.*SPANMARK_PORT/);
});

test('only a Spanmark health answer counts as a Spanmark server', () => {
  assert.equal(isSpanmarkHealth({ app: 'spanmark' }), true);
  assert.equal(isSpanmarkHealth({ app: 'other' }), false);
  assert.equal(isSpanmarkHealth(null), false);
  assert.equal(isSpanmarkHealth('spanmark'), false);
});

test('serve.ts arguments', () => {
  assert.deepEqual(parseServeArgs(['--port', '4000', '--root', 'out'], {}, '/repo'), { ok: true, value: { port: 4000, root: join('/repo', 'out') } });
  assert.deepEqual(parseServeArgs(['--port=0', '--root=/abs'], {}, '/repo'), { ok: true, value: { port: 0, root: '/abs' } });
  assert.deepEqual(parseServeArgs([], { SPANMARK_PORT: '5001' }, '/repo'), { ok: true, value: { port: 5001, root: join('/repo', 'dist/renderer') } });
  assert.deepEqual(parseServeArgs([], {}, '/repo'), { ok: true, value: { port: DEFAULT_PORT, root: join('/repo', 'dist/renderer') } });
  assert.equal(parseServeArgs(['--port'], {}, '/repo').ok, false);
  assert.equal(parseServeArgs(['--host', 'x'], {}, '/repo').ok, false);
  assert.equal(parseServeArgs(['--port', 'http'], {}, '/repo').ok, false);
});
