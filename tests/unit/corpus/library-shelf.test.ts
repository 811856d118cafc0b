import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actedOn, isShelf, pick, shelfMessage, shelfOf, stepCursor, type Selection } from '../../../src/corpus/library-shelf.js';

const order = ['🇰🇿', 'b', 'مرحبا', 'e\u0301', 'e'];
const ids = (s: Selection) => [...s.picked].sort().join(',');

test('shelf: deleted wins over archived, so undoing a deletion leaves an archived article archived', () => {
  assert.equal(shelfOf({}), 'active');
  assert.equal(shelfOf({ archivedAt: '2022-01-07T00:00:00Z' }), 'archived');
  assert.equal(shelfOf({ archivedAt: '2022-01-07T00:00:00Z', deletedAt: '2022-01-08T00:00:00Z' }), 'deleted');
  // An empty string is still a mark (the field is present).
  assert.equal(shelfOf({ deletedAt: '' }), 'deleted');
  assert.ok(isShelf('archived') && !isShelf('Archived') && !isShelf(undefined) && !isShelf(''));
});

test('toggle flips one row and anchors there; only picks just it', () => {
  let s: Selection = { picked: new Set() };
  s = pick(s, order, 'b', 'toggle');
  s = pick(s, order, '🇰🇿', 'toggle');
  assert.equal(ids(s), ['b', '🇰🇿'].sort().join(','));
  assert.equal(s.anchor, '🇰🇿');
  s = pick(s, order, 'b', 'toggle');
  assert.equal(ids(s), '🇰🇿');
  assert.equal(ids(pick(s, order, 'e', 'only')), 'e');
});

test('range: exactly the rows between the anchor and the row, either direction, anchor kept', () => {
  const s = pick({ picked: new Set() }, order, 'مرحبا', 'toggle');
  const down = pick(s, order, 'e', 'range');
  assert.deepEqual([...down.picked], ['مرحبا', 'e\u0301', 'e']);
  assert.equal(down.anchor, 'مرحبا');
  // A second Shift-click replaces the range from the same anchor (it does not add to it).
  const up = pick(down, order, 'b', 'range');
  assert.deepEqual([...up.picked], ['b', 'مرحبا']);
  // Combining marks are different ids: 'e\u0301' and 'e' are two rows.
  assert.equal(pick({ picked: new Set(), anchor: 'e' }, order, 'e\u0301', 'range').picked.size, 2);
});

test('range with no anchor, or an anchor filtered out, starts at the row; a row not shown changes nothing', () => {
  assert.deepEqual([...pick({ picked: new Set() }, order, 'b', 'range').picked], ['b']);
  assert.deepEqual([...pick({ picked: new Set(['gone']), anchor: 'gone' }, order, 'b', 'range').picked], ['b']);
  const s: Selection = { picked: new Set(['b']), anchor: 'b' };
  assert.equal(pick(s, order, 'not-shown', 'range'), s);
  assert.equal(pick(s, [], 'b', 'range'), s);
});

test('cursor steps stop at the ends; no cursor starts at the first (down) or last (up) row', () => {
  assert.equal(stepCursor(order, undefined, 1), '🇰🇿');
  assert.equal(stepCursor(order, undefined, -1), 'e');
  assert.equal(stepCursor(order, '🇰🇿', -1), '🇰🇿');
  assert.equal(stepCursor(order, 'e', 1), 'e');
  assert.equal(stepCursor(order, 'b', 1), 'مرحبا');
  assert.equal(stepCursor(order, 'filtered-out', 1), '🇰🇿');
  assert.equal(stepCursor([], 'b', 1), undefined);
});

test('an action acts on the picked rows shown, in shown order; else the focused row; never on rows filtered out', () => {
  assert.deepEqual(actedOn(new Set(['e', 'b', 'hidden']), order, 'مرحبا'), ['b', 'e']);
  assert.deepEqual(actedOn(new Set(['hidden']), order, 'مرحبا'), ['مرحبا']);
  assert.deepEqual(actedOn(new Set(), order, 'hidden'), []);
  assert.deepEqual(actedOn(new Set(), order, undefined), []);
});

test('messages count in English and say the annotations are kept', () => {
  assert.equal(shelfMessage('deleted', 2), 'Deleted 2 articles; their annotations are kept until you empty Deleted.');
  assert.equal(shelfMessage('deleted', 1), 'Deleted 1 article; its annotations are kept until you empty Deleted.');
  assert.equal(shelfMessage('archived', 12345), 'Archived 12,345 articles.');
  assert.equal(shelfMessage('purged', 0), 'Deleted 0 articles for good, with every layer and decision.');
});
