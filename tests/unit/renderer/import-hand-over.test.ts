// The window hands the file's buffer to the import Worker instead of copying it, but only when
// nothing can need the bytes again: once the worker has said it loaded (before that, a failed load
// reruns the import in the window from the same bytes), and only a buffer the view covers whole (a
// file out of a zip is a view into the archive's buffer, whose other files must stay readable).
// A fake Worker stands in for the browser's: it records what each postMessage transferred.

import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { createImporter, handOver } from '../../../renderer/io/import-client.js';
import type { SpanmarkDb } from '../../../renderer/db/db.js';

interface Posted {
  readonly message: { readonly kind: string; readonly id?: number; readonly bytes?: Uint8Array };
  readonly transfer: readonly unknown[];
}

class FakeWorker {
  static last: FakeWorker | undefined;
  readonly posted: Posted[] = [];
  private readonly listeners = new Map<string, ((e: unknown) => void)[]>();
  constructor() {
    FakeWorker.last = this;
  }
  addEventListener(type: string, fn: (e: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  postMessage(message: Posted['message'], transfer: readonly unknown[] = []): void {
    // What the browser does to a transferred buffer: the sender's view is left detached.
    const moved = transfer.map((t) => (t instanceof ArrayBuffer ? structuredClone(t, { transfer: [t] }) : t));
    this.posted.push({ message, transfer: moved });
  }
  terminate(): void {}
  /** The worker failed (as the browser reports it). */
  fail(message: string): void {
    for (const fn of this.listeners.get('error') ?? []) fn({ message, preventDefault: () => undefined });
  }
  /** A message from the worker's side. */
  reply(data: unknown): void {
    for (const fn of this.listeners.get('message') ?? []) fn({ data });
  }
}

const me = { id: 'me-install', name: 'me' };
const db = {} as SpanmarkDb;
const saved = { Worker: globalThis.Worker, document: (globalThis as { document?: unknown }).document };

beforeEach(() => {
  FakeWorker.last = undefined;
  Object.assign(globalThis, { Worker: FakeWorker, document: { baseURI: 'http://127.0.0.1:47321/' } });
});
afterEach(() => {
  Object.assign(globalThis, saved);
});

const fileBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('before the worker has loaded, the bytes are copied and stay readable', () => {
  const importer = createImporter(db);
  const bytes = fileBytes('{"format":"spanmark"} ☃ 😀');
  const length = bytes.byteLength;
  void importer.run('early.json', bytes, me, () => undefined);
  const w = FakeWorker.last!;
  assert.equal(w.posted.length, 1);
  assert.deepEqual(w.posted[0]!.transfer, []);
  assert.equal(bytes.byteLength, length);
  assert.equal(new TextDecoder().decode(bytes), '{"format":"spanmark"} ☃ 😀');
});

test('once the worker has loaded, the whole buffer is handed over, not copied', () => {
  const importer = createImporter(db);
  importer.prewarm();
  const w = FakeWorker.last!;
  w.reply({ kind: 'ready' });
  const bytes = fileBytes('{"format":"spanmark","text":"مرحبا"}');
  const buffer = bytes.buffer;
  void importer.run('late.json', bytes, me, () => undefined);
  assert.equal(w.posted.length, 1);
  const sent = w.posted[0]!;
  assert.equal(sent.transfer.length, 1);
  assert.equal(sent.message.bytes, bytes);
  // The window's copy is gone: the worker owns the only one.
  assert.equal(buffer.byteLength, 0);
});

test('a view of part of a buffer (a file out of a zip) is copied even to a loaded worker', () => {
  const importer = createImporter(db);
  importer.prewarm();
  const w = FakeWorker.last!;
  w.reply({ kind: 'ready' });
  const archive = fileBytes('first file|second file');
  const second = archive.subarray(11);
  void importer.run('second.json', second, me, () => undefined);
  assert.deepEqual(w.posted[0]!.transfer, []);
  assert.equal(new TextDecoder().decode(archive.subarray(0, 10)), 'first file');
});

test('a worker started again after one that failed copies until it too has loaded', () => {
  const importer = createImporter(db);
  importer.prewarm();
  const first = FakeWorker.last!;
  first.reply({ kind: 'ready' });
  first.fail('out of memory');
  const bytes = fileBytes('{"format":"spanmark"}');
  const length = bytes.byteLength;
  void importer.run('after.json', bytes, me, () => undefined);
  const second = FakeWorker.last!;
  assert.notEqual(second, first);
  assert.deepEqual(second.posted[0]!.transfer, []);
  assert.equal(bytes.byteLength, length);
});

test('handOver takes only a whole, unshared buffer', () => {
  const whole = new Uint8Array(8);
  assert.deepEqual(handOver(whole), [whole.buffer]);
  assert.deepEqual(handOver(whole.subarray(1)), []);
  assert.deepEqual(handOver(new Uint8Array(whole.buffer, 0, 4)), []);
  const empty = new Uint8Array(0);
  assert.deepEqual(handOver(empty), [empty.buffer]);
  assert.deepEqual(handOver(new Uint8Array(new SharedArrayBuffer(8))), []);
});
