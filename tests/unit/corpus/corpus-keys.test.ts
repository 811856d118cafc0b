// The corpus keys: Ctrl/⌘+Enter marks done, Alt+→/← step, Alt+N next not done; nothing that the
// reader or the app already uses (Alt+Shift+arrows select by word, Ctrl+arrows move by word).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusKey } from '../../../renderer/library/corpus-keys.js';

const k = (key: string, mods: { ctrl?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}, code = '') => ({
  key,
  code,
  ctrlKey: mods.ctrl ?? false,
  metaKey: mods.meta ?? false,
  altKey: mods.alt ?? false,
  shiftKey: mods.shift ?? false,
});

test('the corpus keys', () => {
  assert.deepEqual(corpusKey(k('Enter', { ctrl: true })), { kind: 'done' });
  assert.deepEqual(corpusKey(k('Enter', { meta: true })), { kind: 'done' });
  assert.deepEqual(corpusKey(k('ArrowRight', { alt: true })), { kind: 'step', dir: 1, notDone: false });
  assert.deepEqual(corpusKey(k('ArrowLeft', { alt: true })), { kind: 'step', dir: -1, notDone: false });
  assert.deepEqual(corpusKey(k('n', { alt: true }, 'KeyN')), { kind: 'step', dir: 1, notDone: true });
  assert.deepEqual(corpusKey(k('Dead', { alt: true }, 'KeyN')), { kind: 'step', dir: 1, notDone: true });
});

test('keys the reader and the app already use are left alone', () => {
  for (const e of [
    k('Enter'),
    k('Enter', { ctrl: true, shift: true }),
    k('ArrowRight', { alt: true, shift: true }),
    k('ArrowLeft', { alt: true, shift: true }),
    k('ArrowRight', { ctrl: true }),
    k('ArrowRight', { ctrl: true, alt: true }),
    k('ArrowDown', { alt: true }),
    k('1', { alt: true }, 'Digit1'),
    k('n', {}, 'KeyN'),
  ])
    assert.equal(corpusKey(e), undefined, JSON.stringify(e));
});
