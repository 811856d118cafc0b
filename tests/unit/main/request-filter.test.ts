import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAllowedRequest } from '../../../main/app/request-filter.js';

const packaged = { devTools: false };
const development = { devTools: true };

test('the app origin, and its data: and blob: URLs, pass', () => {
  for (const url of [
    'app://spanmark/index.html',
    'app://spanmark/app.js?v=1#x',
    'app://spanmark/samples/kazakhstan%202022.txt',
    'data:image/png;base64,iVBORw0KGgo=',
    'blob:app://spanmark/0b3c4d5e-1111-2222-3333-444455556666',
  ]) {
    assert.equal(isAllowedRequest(url, packaged), true, url);
  }
});

test('everything else is cancelled', () => {
  for (const url of [
    'https://example.com/',
    'http://127.0.0.1:47321/',
    'ws://127.0.0.1:9222/devtools',
    'file:///etc/passwd',
    'app://spanmark.evil/index.html',
    'app://evil/index.html',
    'app://spanmark:8080/index.html',
    'app://user@spanmark/index.html',
    'app://user:pw@spanmark/index.html',
    'blob:https://example.com/0b3c',
    'blob:app://spanmark.evil/0b3c',
    'chrome://gpu',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'ftp://example.com/x',
    '',
    'not a url',
    'app://spanmark\u0301/index.html',
    'https://xn--spnmark-9ta.example/🙂',
    'http://spanmark/index.html',
  ]) {
    assert.equal(isAllowedRequest(url, packaged), false, url);
  }
});

test('devtools:// loads only where DevTools are enabled (unpackaged runs)', () => {
  assert.equal(isAllowedRequest('devtools://devtools/bundled/inspector.html', development), true);
  assert.equal(isAllowedRequest('devtools://devtools/bundled/inspector.html', packaged), false);
  assert.equal(isAllowedRequest('https://example.com/', development), false);
});
