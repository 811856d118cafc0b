import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isInsideRoot, resolveAppRequestPath } from '../../../main/app/protocol-paths.js';

const root = join('/opt', 'spanmark', 'dist', 'renderer');

test('app://spanmark paths map to files under the renderer root', () => {
  assert.deepEqual(resolveAppRequestPath('app://spanmark/index.html', root), { kind: 'file', path: join(root, 'index.html'), relativePath: 'index.html' });
  assert.deepEqual(resolveAppRequestPath('app://spanmark/', root), { kind: 'file', path: join(root, 'index.html'), relativePath: 'index.html' });
  assert.deepEqual(resolveAppRequestPath('app://spanmark', root), { kind: 'file', path: join(root, 'index.html'), relativePath: 'index.html' });
  assert.deepEqual(resolveAppRequestPath('app://spanmark/samples/a.txt?x#y', root), {
    kind: 'file',
    path: join(root, 'samples', 'a.txt'),
    relativePath: 'samples/a.txt',
  });
});

test('other origins are forbidden', () => {
  for (const url of [
    'app://other/index.html',
    'app://spanmark.evil/index.html',
    'app://spanmark:8080/x',
    'app://user@spanmark/x',
    'file:///etc/passwd',
    'https://spanmark/index.html',
    'app:spanmark/index.html',
  ]) {
    assert.deepEqual(resolveAppRequestPath(url, root), { kind: 'refused', status: 403 }, url);
  }
});

test('traversal through the protocol is not found, never served', () => {
  for (const url of [
    'app://spanmark/../../etc/passwd',
    'app://spanmark/%2e%2e/%2e%2e/etc/passwd',
    'app://spanmark/..%2f..%2fetc%2fpasswd',
    'app://spanmark/..%5c..%5cwin.ini',
    'app://spanmark/C:%5cWindows',
    'app://spanmark/.git/config',
  ]) {
    assert.deepEqual(resolveAppRequestPath(url, root), { kind: 'refused', status: 404 }, url);
  }
});

test('containment is lexical and strict', () => {
  assert.equal(isInsideRoot(root, join(root, 'a', 'b.txt')), true);
  assert.equal(isInsideRoot(root, root), false);
  assert.equal(isInsideRoot(root, join(root, '..', 'renderer-evil', 'x')), false);
  assert.equal(isInsideRoot(root, '/etc/passwd'), false);
  assert.equal(isInsideRoot(root, join(root, '..foo')), true);
});
