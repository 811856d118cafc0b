// The search box's rule for when to search, with exact times: a paste or the first key after a
// pause at once; keys in a burst at once while searches are quick, once it pauses after a slow
// one; a repeat of the same query (rows re-read) at once.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_CHANGE, QUICK_SEARCH_MS, searchDelay, TYPING_PAUSE_MS, type LastChange } from '../../../renderer/library/typing-burst.js';

/** A last search just too slow to run between keys. */
const SLOW = QUICK_SEARCH_MS + 1;

/** Feeds queries at the given times, each search having taken `searchMs`; returns each delay. */
function run(steps: readonly (readonly [query: string, at: number])[], searchMs = SLOW): number[] {
  let last: LastChange = NO_CHANGE;
  return steps.map(([query, at]) => {
    const r = searchDelay(last, query, at, searchMs);
    last = r.last;
    return r.delayMs;
  });
}

test('a pasted query, the first change ever, is searched at once', () => {
  assert.deepEqual(run([['paratroopers', 0]]), [0]);
});

test('twelve keys 20 ms apart after slow searches: the first at once, every later one waits for the pause', () => {
  const word = 'paratroopers';
  const steps = [...word].map((_, i) => [word.slice(0, i + 1), 1_000 + i * 20] as const);
  assert.deepEqual(run(steps), [0, ...Array<number>(word.length - 1).fill(TYPING_PAUSE_MS)]);
});

test('twelve keys 20 ms apart while searches are quick: every one at once, up to the boundary of quick', () => {
  const word = 'paratroopers';
  const steps = [...word].map((_, i) => [word.slice(0, i + 1), 1_000 + i * 20] as const);
  assert.deepEqual(run(steps, 0), Array<number>(word.length).fill(0));
  assert.deepEqual(run(steps, QUICK_SEARCH_MS), Array<number>(word.length).fill(0));
});

test('one slow search makes the next key in the burst wait; a quick one after it lets keys through again', () => {
  let last: LastChange = NO_CHANGE;
  const delays: number[] = [];
  for (const [query, at, lastSearchMs] of [
    ['k', 0, 0],
    ['ka', 90, 12],
    ['kaz', 180, 900],
    ['kaza', 270, 900],
    ['kazak', 360, 30],
  ] as const) {
    const r = searchDelay(last, query, at, lastSearchMs);
    last = r.last;
    delays.push(r.delayMs);
  }
  assert.deepEqual(delays, [0, 0, TYPING_PAUSE_MS, TYPING_PAUSE_MS, 0]);
});

test('a key after a pause is searched at once again; the boundary is the pause itself', () => {
  assert.deepEqual(
    run([
      ['p', 0],
      ['pa', 100],
      ['par', 100 + TYPING_PAUSE_MS],
      ['para', 100 + 2 * TYPING_PAUSE_MS - 1],
    ]),
    [0, TYPING_PAUSE_MS, 0, TYPING_PAUSE_MS],
  );
});

test('the same query again (the table re-read its rows, a filter changed) is searched at once and does not restart the burst', () => {
  let last: LastChange = NO_CHANGE;
  last = searchDelay(last, 'conv', 0, SLOW).last;
  last = searchDelay(last, 'convo', 50, SLOW).last;
  const again = searchDelay(last, 'convo', 60, SLOW);
  assert.equal(again.delayMs, 0);
  assert.deepEqual(again.last, { query: 'convo', at: 50 });
  // Deleting back to an earlier query in the burst is a key like any other.
  assert.equal(searchDelay(last, 'conv', 80, SLOW).delayMs, TYPING_PAUSE_MS);
});

test('emoji, RTL and combining marks are compared as the box holds them', () => {
  assert.deepEqual(
    run([
      ['🇰🇿', 0],
      ['🇰🇿 مرحبا', 10],
      ['🇰🇿 مرحبا cafe\u0301', 20],
      ['🇰🇿 مرحبا café', 400],
    ]),
    [0, TYPING_PAUSE_MS, TYPING_PAUSE_MS, 0],
  );
});
