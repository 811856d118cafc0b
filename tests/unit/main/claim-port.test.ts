// The browser fallback reuses a server on its port only when that server proves it was started by
// this user's launcher; a squatter that answers the health check like Spanmark is refused. Real
// loopback servers, real secret files in a temporary home.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimPort, probeHealth } from '../../../main/node/claim-port.js';
import { isChallenge, isOwnHealth, proofFor, readOrCreateSecret, secretPath } from '../../../main/node/launcher-secret.js';
import { startStaticServer } from '../../../main/node/static-server.js';

const posix = process.platform !== 'win32';
let base: string;
let root: string;

before(() => {
  base = mkdtempSync(join(tmpdir(), 'spanmark-claim-'));
  root = join(base, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Spanmark</title>');
});
after(() => rmSync(base, { recursive: true, force: true }));

/** A program on a loopback port that answers the health check exactly like Spanmark's. */
async function squatter(answer: (url: string) => unknown = () => ({ app: 'spanmark' })): Promise<{ port: number; seen: string[]; server: Server }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer(request.url ?? '')));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { port: (server.address() as AddressInfo).port, seen, server };
}

const close = (server: Server) => new Promise<void>((done) => server.close(() => done()));
const secretA = Buffer.alloc(32, 7);
const secretB = Buffer.alloc(32, 9);

test('a squatter answering the health check like Spanmark is refused with the message', async () => {
  const { port, seen, server } = await squatter();
  try {
    const claim = await claimPort({ root, port, secret: secretA });
    assert.equal(claim.kind, 'refused');
    if (claim.kind === 'refused') {
      assert.match(claim.message, new RegExp(`port ${port} is held by a program that answers like a Spanmark server`));
      assert.match(claim.message, /refuses to open your library there/);
    }
    assert.equal(seen.length, 1);
    assert.match(seen[0]!, /^\/__spanmark\/health\?challenge=[0-9a-f]{32}$/);
  } finally {
    await close(server);
  }
});

test('a squatter that replays a proof it saw earlier is refused too', async () => {
  const earlier = proofFor(secretA, 'ab'.repeat(16));
  const { port, server } = await squatter(() => ({ app: 'spanmark', proof: earlier }));
  try {
    assert.equal((await claimPort({ root, port, secret: secretA })).kind, 'refused');
  } finally {
    await close(server);
  }
});

test('any other program on the port gets the plain port-in-use message', async () => {
  const { port, server } = await squatter(() => ({ hello: 'world' }));
  try {
    const claim = await claimPort({ root, port, secret: secretA });
    assert.equal(claim.kind, 'refused');
    if (claim.kind === 'refused') assert.match(claim.message, /in use by another program, not a Spanmark server/);
  } finally {
    await close(server);
  }
});

test("this user's own earlier server is reused; one with another secret is refused", async () => {
  const own = await startStaticServer({ root, port: 0, secret: secretA });
  try {
    assert.deepEqual(await claimPort({ root, port: own.port, secret: secretA }), { kind: 'reusing' });
    assert.equal(await probeHealth(own.port, secretB), 'impostor');
    const other = await claimPort({ root, port: own.port, secret: secretB });
    assert.equal(other.kind, 'refused');
  } finally {
    await own.close();
  }
});

test('a free port is served by us, with the proof', async () => {
  const probe = await startStaticServer({ root, port: 0 });
  const port = probe.port;
  await probe.close();
  const claim = await claimPort({ root, port, secret: secretA });
  assert.equal(claim.kind, 'serving');
  if (claim.kind === 'serving') {
    try {
      assert.equal(await probeHealth(port, secretA), 'own');
    } finally {
      await claim.server.close();
    }
  }
});

test('the proof: only for a well-formed challenge, only with the right secret', async () => {
  const server = await startStaticServer({ root, port: 0, secret: secretA });
  try {
    for (const bad of ['', 'xyz', 'AB'.repeat(16), '0'.repeat(31), '0'.repeat(129), '🙂'.repeat(16), '%00'.repeat(16)]) {
      const body = await (await fetch(`${server.url}__spanmark/health?challenge=${encodeURIComponent(bad)}`)).json();
      assert.deepEqual(body, { app: 'spanmark' }, bad);
    }
  } finally {
    await server.close();
  }
  assert.equal(isChallenge(null), false);
  const challenge = 'c0ffee'.repeat(6);
  assert.equal(isOwnHealth({ app: 'spanmark', proof: proofFor(secretA, challenge) }, secretA, challenge), true);
  assert.equal(isOwnHealth({ app: 'spanmark', proof: proofFor(secretA, challenge) }, secretB, challenge), false);
  for (const body of [
    null,
    'spanmark',
    { app: 'spanmark' },
    { app: 'spanmark', proof: 42 },
    { app: 'spanmark', proof: 'zz' },
    { app: 'other', proof: proofFor(secretA, challenge) },
  ]) {
    assert.equal(isOwnHealth(body, secretA, challenge), false, JSON.stringify(body));
  }
});

test('the secret file is created readable by the user only, and kept', { skip: posix ? false : 'POSIX permission bits' }, () => {
  const home = join(base, 'home-new');
  const path = secretPath(home);
  const first = readOrCreateSecret(path, dirname(path));
  assert.equal(first.byteLength, 32);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.equal(statSync(dirname(path)).mode & 0o777, 0o700);
  assert.deepEqual(readOrCreateSecret(path, dirname(path)), first);
});

test('a secret others could read, or a damaged one, is replaced; a planted symlink is not followed', { skip: posix ? false : 'POSIX permission bits' }, () => {
  const home = join(base, 'home-old');
  const path = secretPath(home);
  const first = readOrCreateSecret(path, dirname(path));
  chmodSync(path, 0o644);
  const second = readOrCreateSecret(path, dirname(path));
  assert.notDeepEqual(second, first);
  assert.equal(statSync(path).mode & 0o777, 0o600);
  writeFileSync(path, 'not hex 🙂\r\n');
  assert.equal(readOrCreateSecret(path, dirname(path)).byteLength, 32);
  rmSync(path);
  const elsewhere = join(base, 'elsewhere.txt');
  writeFileSync(elsewhere, 'untouched');
  symlinkSync(elsewhere, path);
  assert.throws(() => readOrCreateSecret(path, dirname(path)), /ELOOP/);
  assert.equal(readFileSync(elsewhere, 'utf8'), 'untouched');
});

test('npm start itself refuses a squatter on its port and exits 1 with the message', async () => {
  const { port, server } = await squatter();
  try {
    const home = join(base, 'home-start');
    mkdirSync(home);
    const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
    // DISPLAY set so the launcher goes for a window; an Electron binary that is not there and
    // ELECTRON_SKIP_BINARY_DOWNLOAD make it take the browser fallback without trying a download.
    // Asynchronous: the squatter lives in this process and must answer while start.ts waits.
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'main', 'node', 'start.ts')], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        HOME: home,
        SPANMARK_PORT: String(port),
        SPANMARK_PROFILE: join(home, 'profile'),
        DISPLAY: ':97',
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        ELECTRON_OVERRIDE_DIST_PATH: join(home, 'no-electron'),
        CHROME_PATH: join(home, 'no-chromium'),
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.resume();
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    clearTimeout(killer);
    assert.equal(status, 1, stderr);
    assert.match(stderr, new RegExp(`port ${port} is held by a program that answers like a Spanmark server`));
    assert.match(stderr, /refuses to open your library there/);
  } finally {
    await close(server);
  }
});
