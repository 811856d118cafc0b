import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../src/platform/csp.js';
import { startStaticServer, type StaticServer } from '../../../main/node/static-server.js';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request: fetch() would normalise '/../' before sending, hiding what the server does. */
function raw(server: StaticServer, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

let base: string;
let server: StaticServer;

before(async () => {
  base = mkdtempSync(join(tmpdir(), 'spanmark-static-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'samples'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Spanmark</title>');
  writeFileSync(join(root, 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'styles.css'), 'body{}');
  writeFileSync(join(root, 'samples', 'a b.txt'), 'Almaty');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  server = await startStaticServer({ root, port: 0 });
});

after(async () => {
  await server.close();
  rmSync(base, { recursive: true, force: true });
});

test('binds to 127.0.0.1 and reports its URL', () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.notEqual(server.port, 0);
});

test('/ serves index.html with the CSP and the other security headers', async () => {
  const reply = await raw(server, '/');
  assert.equal(reply.status, 200);
  assert.equal(reply.body, '<!doctype html><title>Spanmark</title>');
  assert.equal(reply.headers['content-type'], 'text/html; charset=utf-8');
  assert.equal(reply.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  assert.equal(reply.headers['x-content-type-options'], 'nosniff');
  assert.equal(reply.headers['cross-origin-opener-policy'], 'same-origin');
});

test('content types follow the file', async () => {
  assert.equal((await raw(server, '/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await raw(server, '/styles.css')).headers['content-type'], 'text/css; charset=utf-8');
  const sample = await raw(server, '/samples/a%20b.txt?cache=1');
  assert.equal(sample.status, 200);
  assert.equal(sample.body, 'Almaty');
  assert.equal(sample.headers['content-type'], 'text/plain; charset=utf-8');
});

test('traversal attempts never leave the root', async () => {
  for (const path of [
    '/../secret.txt',
    '/samples/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/samples%5c..%5c..%5csecret.txt',
    join(base, 'secret.txt'),
    `//${join(base, 'secret.txt')}`,
    '/.env',
    '/%2eenv',
  ]) {
    const reply = await raw(server, path);
    assert.equal(reply.status, 404, path);
    assert.doesNotMatch(reply.body, /outside the root|SECRET/, path);
    assert.equal(reply.headers['content-security-policy'], CONTENT_SECURITY_POLICY, path);
  }
});

test('missing files and folders are 404', async () => {
  assert.equal((await raw(server, '/nope.js')).status, 404);
  assert.equal((await raw(server, '/samples')).status, 404);
  assert.equal((await raw(server, '/samples/')).status, 404);
});

test('only GET and HEAD are allowed', async () => {
  for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
    const reply = await raw(server, '/', method);
    assert.equal(reply.status, 405, method);
    assert.equal(reply.headers['allow'], 'GET, HEAD');
  }
  const head = await raw(server, '/app.js', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
  assert.equal(head.headers['content-length'], String('console.log(1)'.length));
});

test('the health endpoint says Spanmark', async () => {
  const reply = await raw(server, '/__spanmark/health');
  assert.equal(reply.status, 200);
  assert.deepEqual(JSON.parse(reply.body), { app: 'spanmark' });
  assert.equal(reply.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal((await raw(server, '/__spanmark/health?probe=1')).status, 200);
});

test('requests for another host name (DNS rebinding) are refused', async () => {
  assert.equal((await raw(server, '/', 'GET', { Host: `evil.example:${server.port}` })).status, 421);
  assert.equal((await raw(server, '/', 'GET', { Host: `localhost:${server.port}` })).status, 200);
});

test('a taken port fails with EADDRINUSE', async () => {
  await assert.rejects(startStaticServer({ root: base, port: server.port }), (error: { code?: string }) => error.code === 'EADDRINUSE');
});
