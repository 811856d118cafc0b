import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentTypeFor, resolveStaticPath } from '../../../src/platform/static-paths.js';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../src/platform/csp.js';

test('the root and folder paths mean index.html', () => {
  assert.equal(resolveStaticPath('/'), 'index.html');
  assert.equal(resolveStaticPath('/samples/'), 'samples/index.html');
  assert.equal(resolveStaticPath('/?x=1#top'), 'index.html');
});

test('plain files resolve to relative posix paths, decoded once', () => {
  assert.equal(resolveStaticPath('/app.js'), 'app.js');
  assert.equal(resolveStaticPath('/samples/kazakhstan-2022-01-07.txt?v=2'), 'samples/kazakhstan-2022-01-07.txt');
  assert.equal(resolveStaticPath('/samples/a%20b.txt'), 'samples/a b.txt');
  assert.equal(resolveStaticPath('/samples/%25.txt'), 'samples/%.txt');
  assert.equal(resolveStaticPath('//app.js'), 'app.js');
});

test('traversal is refused in every spelling', () => {
  for (const target of [
    '/../etc/passwd',
    '/samples/../../etc/passwd',
    '/..',
    '/.',
    '/./index.html',
    '/%2e%2e/etc/passwd',
    '/%2E%2E/etc/passwd',
    '/.%2e/x',
    '/%2e./x',
    '/..%2fetc%2fpasswd',
    '/samples%2f..%2f..%2fetc',
    '/%2e%2e%2f%2e%2e%2fetc',
    '/..\\etc\\passwd',
    '/samples\\..\\..\\x',
    '/%5c..%5cetc',
    '/..%5c..%5cwindows',
    '/C:/Windows/win.ini',
    '/C%3a/Windows/win.ini',
    '/index.html%00.png',
    '/%0aindex.html',
    '/%252e%252e/etc', // double-encoded: decoded once to '%2e%2e', a literal name that is not '..'
  ]) {
    const resolved = resolveStaticPath(target);
    assert.ok(resolved === null || !resolved.split('/').includes('..'), `${target} -> ${String(resolved)}`);
    if (target !== '/%252e%252e/etc') assert.equal(resolved, null, target);
  }
});

test('relative, absolute-looking and malformed targets are refused', () => {
  assert.equal(resolveStaticPath('index.html'), null);
  assert.equal(resolveStaticPath(''), null);
  assert.equal(resolveStaticPath('http://evil.example/x'), null);
  assert.equal(resolveStaticPath('/%E0%A4%A'), null);
  assert.equal(resolveStaticPath(`/${'a'.repeat(5000)}`), null);
});

test('hidden files and Windows aliases are refused', () => {
  assert.equal(resolveStaticPath('/.git/config'), null);
  assert.equal(resolveStaticPath('/.env'), null);
  assert.equal(resolveStaticPath('/index.html.'), null);
  assert.equal(resolveStaticPath('/index.html%20'), null);
});

test('whatever the input, a resolved path stays relative and below the root', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webPath()), (raw) => {
      const resolved = resolveStaticPath(raw.startsWith('/') ? raw : `/${raw}`);
      if (resolved === null) return;
      assert.ok(!resolved.startsWith('/'));
      assert.ok(!resolved.includes('\\'));
      assert.ok(!resolved.includes('\0'));
      for (const segment of resolved.split('/')) {
        assert.ok(segment.length > 0 && segment !== '.' && segment !== '..', resolved);
        assert.ok(!segment.includes(':'), resolved);
      }
    }),
    { numRuns: 500 },
  );
});

test('content types follow the extension; unknown is opaque bytes', () => {
  assert.equal(contentTypeFor('index.html'), 'text/html; charset=utf-8');
  assert.equal(contentTypeFor('app.js'), 'text/javascript; charset=utf-8');
  assert.equal(contentTypeFor('styles.css'), 'text/css; charset=utf-8');
  assert.equal(contentTypeFor('samples/a.TXT'), 'text/plain; charset=utf-8');
  assert.equal(contentTypeFor('app.js.map'), 'application/json; charset=utf-8');
  assert.equal(contentTypeFor('icons/a.svg'), 'image/svg+xml');
  assert.equal(contentTypeFor('fonts/x.woff2'), 'font/woff2');
  assert.equal(contentTypeFor('README'), 'application/octet-stream');
  assert.equal(contentTypeFor('dir.v2/README'), 'application/octet-stream');
});

test('the CSP is the strict one, and every served file carries it', () => {
  assert.equal(
    CONTENT_SECURITY_POLICY,
    "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types spanmark-import-worker",
  );
  assert.equal(SECURITY_HEADERS['Content-Security-Policy'], CONTENT_SECURITY_POLICY);
  assert.equal(SECURITY_HEADERS['X-Content-Type-Options'], 'nosniff');
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-(inline|eval)/);
});
