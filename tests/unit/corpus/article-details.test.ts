// The header's edit form and the work status: what the analyst typed becomes the stored title and
// metadata or a message naming the wrong field; corpus metadata survives an export and re-import.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDetails, detailsInput } from '../../../src/corpus/article-details.js';
import { statusAfterTag, workStatusOf } from '../../../src/corpus/work-status.js';
import { encodeSpanmarkV1, serializeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/encode.js';
import { decodeSpanmarkV1 } from '../../../src/codecs/spanmark-v1/decode.js';
import { article, T0 } from '../codecs/spanmark-v1-helpers.js';
import { createHash } from 'node:crypto';

const input = (over: Partial<ReturnType<typeof detailsInput>> = {}) => ({
  ...detailsInput('Old', { sourceName: 'feed.jsonl, line 3', feedId: 'r-1' }),
  ...over,
});

test('edited details: trimmed, tags split and deduplicated, empty fields removed, provenance kept', () => {
  const r = checkDetails(
    input({ title: '  شلوم 🇰🇿 ', date: '2022-01-07', source: ' Reuters ', url: 'https://example.org/a?b=1', tags: 'protest, almaty ,, protest', author: '' }),
    { sourceName: 'feed.jsonl, line 3', feedId: 'r-1', author: 'Gone' },
  );
  assert.deepEqual(r, {
    ok: true,
    value: {
      title: 'شلوم 🇰🇿',
      metadata: {
        sourceName: 'feed.jsonl, line 3',
        feedId: 'r-1',
        date: '2022-01-07',
        source: 'Reuters',
        url: 'https://example.org/a?b=1',
        tags: ['protest', 'almaty'],
      },
    },
  });
});

test('wrong details are refused with the field named', () => {
  const problem = (over: Partial<ReturnType<typeof detailsInput>>) => {
    const r = checkDetails(input(over), {});
    return r.ok ? undefined : [r.error.path, r.error.message];
  };
  assert.deepEqual(problem({ title: ' \t ' }), ['title', 'The title is empty; every article needs one.']);
  assert.match(problem({ date: '2022-02-30' })![1]!, /"2022-02-30" is not a calendar date/);
  assert.match(problem({ date: '7 Jan 2022' })![1]!, /YYYY-MM-DD/);
  assert.equal(problem({ url: 'https://a b' })![0], 'url');
  assert.equal(problem({ author: 'x'.repeat(4_001) })![0], 'author');
  assert.equal(problem({ source: 'a\ud800' })![0], 'source');
});

test('work status: absent is new; the first tag moves new to in progress, and nothing else', () => {
  assert.equal(workStatusOf({}), 'new');
  assert.equal(statusAfterTag('new'), 'in-progress');
  assert.equal(statusAfterTag('in-progress'), 'in-progress');
  assert.equal(statusAfterTag('done'), 'done');
  assert.equal(statusAfterTag('reviewed'), 'reviewed');
});

test('corpus metadata is exported in `metadata` and read back by the v1 decoder', async () => {
  const metadata = {
    date: '2022-01-07',
    sourceName: 'wire.jsonl, line 2',
    source: 'Reuters',
    url: 'https://example.org/1',
    author: 'A. B.',
    language: 'kk',
    feedId: 'r-1',
    tags: ['protest', 'алматы'],
  };
  const doc = article('Troops arrived.', { metadata });
  const json = serializeSpanmarkV1(encodeSpanmarkV1({ documents: [{ article: doc, annotations: [] }], exportedAt: T0, generatorVersion: '0.1.0' }));
  assert.deepEqual(JSON.parse(json).documents[0].metadata, metadata);
  const back = await decodeSpanmarkV1(json, async (t) => createHash('sha256').update(t, 'utf8').digest('hex'));
  assert.ok(back.ok);
  assert.deepEqual(back.value.documents[0]!.article.metadata, metadata);
});
