// A selection's documents with fewer than two contributing layers are excluded, and kept for the
// list of excluded documents rather than dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitByContribution } from '../../../src/review/agreement/document-selection.js';
import { sp } from './spans.js';

const doc = (id: string, annotators: readonly string[]) => ({
  id,
  title: `«${id}» 🇰🇿`,
  text: 'Troops arrived.',
  layers: annotators.map((annotator) => ({ annotator, spans: [sp(annotator, 'deployment', 0, 6)] })),
});

test('documents with none or one contributing layer are excluded, in selection order', () => {
  const docs = [doc('a', ['aigerim', 'boris']), doc('unread', []), doc('b', ['chen', 'aigerim', 'boris']), doc('solo', ['boris'])];
  const split = splitByContribution(docs);
  assert.deepEqual(
    split.included.map((d) => d.id),
    ['a', 'b'],
  );
  assert.deepEqual(
    split.excluded.map((d) => d.id),
    ['unread', 'solo'],
  );
  assert.equal(split.excluded[0], docs[1]);
});

test('an empty selection splits into two empty lists', () => {
  assert.deepEqual(splitByContribution([]), { included: [], excluded: [] });
});
