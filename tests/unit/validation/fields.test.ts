// The generic readers the v1 decoder is built on (and contract v2 will be): typed fields with JSON
// paths, own properties only, well-formed strings, and a bounded problem report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Fields, item, loneSurrogateAt } from '../../../src/validation/fields.js';
import { Report, TooManyProblems } from '../../../src/validation/report.js';

// First in this file on purpose: before any stamp was accepted, the last-accepted cache is empty.
test('a date-time is checked every time it differs from the last one accepted: missing or wrong ones are reported, even first', () => {
  const report = new Report(20);
  const at = (o: Record<string, unknown>) => new Fields(o, 'a', report);
  assert.equal(at({}).dateTime('createdAt'), undefined, 'missing, before any stamp was accepted');
  assert.equal(at({ createdAt: '2022-01-08T10:15:00Z' }).dateTime('createdAt'), '2022-01-08T10:15:00Z');
  assert.equal(at({ createdAt: '2022-01-08T10:15:00Z' }).dateTime('createdAt'), '2022-01-08T10:15:00Z', 'the same again');
  assert.equal(at({}).dateTime('createdAt'), undefined, 'missing, after one was accepted');
  assert.equal(at({ createdAt: '2022-02-30T10:15:00Z' }).dateTime('createdAt'), undefined, 'no such day');
  assert.equal(at({ createdAt: 7 }).dateTime('createdAt'), undefined);
  assert.deepEqual(
    report.problems.map((p) => p.path),
    ['a.createdAt', 'a.createdAt', 'a.createdAt', 'a.createdAt'],
  );
});

test('readers report under the JSON path and return undefined, never throw', () => {
  const report = new Report(20);
  const f = new Fields(
    JSON.parse('{"s": 7, "e": "", "d": "2022-01-08T10:15:00+05:00", "o": [], "b": "yes", "n": -1, "__proto__": {"x": 1}}'),
    'documents[0]',
    report,
  );
  assert.equal(f.string('s'), undefined);
  assert.equal(f.string('e', { nonEmpty: true }), undefined);
  assert.equal(f.string('missing', { optional: true }), undefined);
  assert.equal(f.dateTime('d'), '2022-01-08T10:15:00+05:00');
  assert.equal(f.object('o'), undefined);
  assert.equal(f.boolean('b'), undefined);
  assert.equal(f.offset('n'), undefined);
  assert.equal(f.string('constructor'), undefined, 'inherited keys are not data');
  assert.deepEqual(
    report.problems.map((p) => [p.code, p.path]),
    [
      ['schema', 'documents[0].s'],
      ['schema', 'documents[0].e'],
      ['schema', 'documents[0].o'],
      ['schema', 'documents[0].b'],
      ['offset-out-of-range', 'documents[0].n'],
      ['schema', 'documents[0].constructor'],
    ],
  );
  assert.equal(item(3, 'labels[2]', report), undefined);
  assert.match(report.problems.at(-1)!.message, /^labels\[2\] must be an object, but it is the number 3\.$/);
});

test('strings must be well-formed unless the field says otherwise', () => {
  const report = new Report(20);
  const f = new Fields({ t: 'a😀\ud800b', ok: 'é😀\u0301', text: '\udc00' }, '', report);
  assert.equal(f.string('ok'), 'é😀\u0301');
  assert.equal(f.string('text', { anyUnits: true }), '\udc00');
  assert.equal(f.string('t'), undefined);
  assert.deepEqual(
    report.problems.map((p) => [p.code, p.path]),
    [['bad-string', 't']],
  );
  assert.match(report.problems[0]!.message, /unpaired surrogate \("\\ud800"\) at code point 2/);
  assert.deepEqual(loneSurrogateAt('😀😀\udfff'), { codePoint: 2, unit: '\udfff' });
  assert.equal(loneSurrogateAt('😀'), undefined);
});

test('the report stops at its limit by throwing TooManyProblems', () => {
  const report = new Report(2);
  report.add('x', 'a', 'one');
  assert.throws(() => report.add('x', 'b', 'two'), TooManyProblems);
  assert.equal(report.count, 2);
});
