import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  appUrl,
  chooseMode,
  chromiumArgs,
  DEFAULT_PORT,
  displayPath,
  fallbackNotice,
  findChromium,
  isSpanmarkHealth,
  missingBuildOutputs,
  noChromiumNotice,
  parsePort,
  parseServeArgs,
  portConflictMessage,
  readStartSettings,
  chromiumExitPlan,
  hasDisplay,
  lastErrorLine,
  noDisplayNotice,
  portSquatMessage,
} from '../../../main/node/start-plan.js';

const home = '/home/analyst';

test('settings default to port 47321 and ~/.spanmark/chromium-profile', () => {
  assert.deepEqual(readStartSettings({}, home), { ok: true, value: { port: 47321, profileDir: join(home, '.spanmark', 'chromium-profile') } });
  assert.deepEqual(readStartSettings({ SPANMARK_PORT: '', SPANMARK_PROFILE: '' }, home), readStartSettings({}, home));
});

test('SPANMARK_PORT and SPANMARK_PROFILE override them', () => {
  assert.deepEqual(readStartSettings({ SPANMARK_PORT: '5000', SPANMARK_PROFILE: '/srv/profile' }, home), {
    ok: true,
    value: { port: 5000, profileDir: '/srv/profile' },
  });
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
  assert.deepEqual(
    missingBuildOutputs('/repo', (p) => present.has(p)),
    ['dist/main/main.cjs'],
  );
  assert.deepEqual(
    missingBuildOutputs('/repo', () => true),
    [],
  );
  assert.deepEqual(
    missingBuildOutputs('/repo', () => false),
    ['dist/renderer/index.html', 'dist/main/main.cjs'],
  );
});

test('Electron runs when its binary exists, else Chromium', () => {
  assert.deepEqual(chooseMode('/x/electron'), { kind: 'electron', binary: '/x/electron' });
  assert.deepEqual(chooseMode(null), { kind: 'chromium' });
});

test('Chromium is found from CHROME_PATH, then the usual places', () => {
  const has =
    (...paths: string[]) =>
    (p: string) =>
      paths.includes(p);
  assert.equal(findChromium({ CHROME_PATH: '/opt/chrome' }, has('/opt/chrome', '/usr/bin/chromium')), '/opt/chrome');
  assert.equal(findChromium({ CHROME_PATH: '/missing' }, has('/usr/bin/chromium')), '/usr/bin/chromium');
  assert.equal(findChromium({}, has('/usr/bin/google-chrome', '/snap/bin/chromium')), '/usr/bin/google-chrome');
  assert.equal(findChromium({}, has('/snap/bin/chromium')), '/snap/bin/chromium');
  assert.equal(
    findChromium({ PROGRAMFILES: 'C:\\PF' }, has(join('C:\\PF', 'Google', 'Chrome', 'Application', 'chrome.exe'))),
    join('C:\\PF', 'Google', 'Chrome', 'Application', 'chrome.exe'),
  );
  assert.equal(findChromium({}, has()), null);
});

test('Chromium runs as a quiet app window with its own profile; --no-sandbox only as root', () => {
  const args = chromiumArgs({ url: appUrl(47321), profileDir: '/p', isRoot: false });
  assert.deepEqual(args.slice(0, 2), ['--app=http://127.0.0.1:47321/', '--user-data-dir=/p']);
  for (const flag of [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-gpu',
  ]) {
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

test('a window can open on Linux only with DISPLAY or WAYLAND_DISPLAY; macOS and Windows always', () => {
  assert.equal(hasDisplay('linux', {}), false);
  assert.equal(hasDisplay('linux', { DISPLAY: '', WAYLAND_DISPLAY: '  ' }), false);
  assert.equal(hasDisplay('linux', { DISPLAY: ':0' }), true);
  assert.equal(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' }), true);
  assert.equal(hasDisplay('freebsd', {}), false);
  assert.equal(hasDisplay('darwin', {}), true);
  assert.equal(hasDisplay('win32', {}), true);
});

test('with no display neither Electron nor Chromium is launched: the app is only served', () => {
  assert.deepEqual(chooseMode('/x/electron', false), { kind: 'serve-only' });
  assert.deepEqual(chooseMode(null, false), { kind: 'serve-only' });
  assert.deepEqual(chooseMode('/x/electron', true), { kind: 'electron', binary: '/x/electron' });
  const notice = noDisplayNotice(appUrl(47321), 47321);
  assert.match(notice, /no display/);
  assert.match(notice, /DISPLAY nor WAYLAND_DISPLAY/);
  assert.match(notice, /open it in a Chromium-based browser/);
  assert.match(notice, /ssh -L 47321:127\.0\.0\.1:47321/);
  assert.match(notice, /http:\/\/127\.0\.0\.1:47321\//);
});

test("Chromium's failing exit keeps the server and says where to open the URL", () => {
  const url = appUrl(47321);
  const stderr =
    '[123:123:1129/225701.1:ERROR:ozone_platform_x11.cc(240)] Missing X server or $DISPLAY\n[123:123:1129/225701.1:ERROR:env.cc(257)] The platform failed to initialize.  Exiting.\n';
  const plan = chromiumExitPlan(1, null, url, true, stderr);
  assert.equal(plan.kind, 'keep-serving');
  if (plan.kind === 'keep-serving') {
    assert.match(plan.message, /Chromium exited with code 1/);
    assert.match(plan.message, /The platform failed to initialize/);
    assert.match(plan.message, /Open http:\/\/127\.0\.0\.1:47321\/ in a Chromium-based browser/);
    assert.doesNotMatch(plan.message, /ozone|\[123/);
  }
  const reused = chromiumExitPlan(21, null, url, false, '');
  assert.equal(reused.kind, 'exit');
  if (reused.kind === 'exit') {
    assert.equal(reused.code, 1);
    assert.match(reused.message, /code 21\./);
    assert.match(reused.message, /47321/);
  }
});

test('closing the window or a forwarded signal stops the server as before', () => {
  assert.deepEqual(chromiumExitPlan(0, null, appUrl(1), true), { kind: 'stop', code: 0 });
  assert.deepEqual(chromiumExitPlan(null, 'SIGTERM', appUrl(1), true), { kind: 'stop', code: 0 });
  assert.equal(chromiumExitPlan(null, null, appUrl(1), true).kind, 'keep-serving');
});

test("the quoted line of a program's stderr: the last error, without Chromium's prefix, bounded", () => {
  assert.equal(lastErrorLine(''), null);
  assert.equal(lastErrorLine('\r\n \n'), null);
  assert.equal(lastErrorLine('one\r\ntwo\r\n'), 'two');
  assert.equal(lastErrorLine('[1:2:3:ERROR:x.cc(1)] Cannot open display 🖥️ ‏مرحبا\nGtk-Message: loaded\n'), 'Cannot open display 🖥️ ‏مرحبا');
  const huge = lastErrorLine(`error ${'é\u0301'.repeat(1000)}`);
  assert.ok(huge !== null && huge.length <= 300 && huge.endsWith('…'));
});

test('the squatter message names the port, the refusal and the way out', () => {
  const message = portSquatMessage(47321);
  assert.match(message, /port 47321/);
  assert.match(message, /refuses to open your library/);
  assert.match(message, /SPANMARK_PORT=<port>/);
});
