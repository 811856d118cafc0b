// The review queue shared by the side panel and review mode: computed once for the same inputs,
// and again whenever any of them is another object (a decision, an edit, another colleague, the
// schema), so neither view can show a queue older than what it was given.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../../../src/annotations/types.js';
import type { ReviewDecision } from '../../../src/review/decisions.js';
import { reviewDifferences } from '../../../src/review/differences.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import { documentDifferences } from '../../../renderer/review/document-differences.js';

const span = (annotator: string, id: string, label: string, start: number, end: number): Annotation => ({
  id,
  docId: 'doc',
  label,
  start,
  end,
  quote: 'x'.repeat(end - start),
  annotator,
  createdAt: '2022-01-07T10:00:00Z',
  updatedAt: '2022-01-07T10:00:00Z',
});

const own = [span('me', 'm1', 'claim', 0, 5), span('me', 'm2', 'claim', 10, 20)];
const layers = new Map([['Ai', [span('Ai', 'a1', 'claim', 0, 5), span('Ai', 'a2', 'casualty', 10, 20), span('Ai', 'a3', 'deployment', 30, 40)]]]);
const decisions = new Map<string, ReviewDecision>();
const labels = DEFAULT_SCHEMA.labels;
const inputs = { docId: 'doc', me: 'me', own, layers, decisions, labels };

test('the same inputs give the same queue, computed once, equal to reviewDifferences', () => {
  const first = documentDifferences(inputs);
  assert.deepEqual(first, reviewDifferences('doc', 'me', own, layers, decisions, { labels }));
  assert.deepEqual(
    first.map((d) => `${d.kind} ${d.theirs.id}`),
    ['label-mismatch a2', 'only-b a3'],
  );
  // Another call with the very same objects (review mode after the panel) reuses the result.
  assert.equal(documentDifferences({ ...inputs }), first);
});

test('any input that is another object computes the queue again', () => {
  const first = documentDifferences(inputs);
  const decided = new Map([
    ['doc|Ai|a3', { id: 'doc|Ai|a3', docId: 'doc', annotator: 'Ai', annotationId: 'a3', decision: 'rejected' } as unknown as ReviewDecision],
  ]);
  const afterDecision = documentDifferences({ ...inputs, decisions: decided });
  assert.notEqual(afterDecision, first);
  assert.ok(afterDecision.find((d) => d.theirs.id === 'a3')?.decision, 'the new decision is in the queue');
  const edited = [own[0]!, span('me', 'm2', 'casualty', 10, 20)];
  assert.deepEqual(
    documentDifferences({ ...inputs, own: edited }).map((d) => d.theirs.id),
    ['a3'],
  );
  const another = new Map([...layers, ['Bo', [span('Bo', 'b1', 'claim', 0, 5)]]]);
  assert.notEqual(documentDifferences({ ...inputs, layers: another }), first);
  assert.notEqual(documentDifferences({ ...inputs, labels: [...labels] }), first);
  assert.notEqual(documentDifferences({ ...inputs, me: 'Ai' }), first);
  assert.notEqual(documentDifferences({ ...inputs, docId: 'other' }), first);
  // Back to the first inputs: their queue again, equal to the first.
  assert.deepEqual(documentDifferences(inputs), first);
});
