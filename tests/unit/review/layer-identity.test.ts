// Whose layer an imported annotation joins, and the names colleague layers are shown under: ids
// decide, names only with my word, and two people of one name never share a layer.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countNeedingConfirmation,
  effectiveId,
  layerNameProblem,
  MAX_LAYER_NAME_LENGTH,
  needsConfirmation,
  routeAnnotation,
  uniqueLayerName,
} from '../../../src/review/layer-identity.js';

const me = { id: 'my-install', name: 'analyst' };

test('an annotation with my id is mine, whatever name it carries; another id is a colleague keyed by it', () => {
  assert.deepEqual(routeAnnotation({ annotator: 'analyst', annotatorId: 'my-install' }, me, false), { kind: 'mine' });
  assert.deepEqual(routeAnnotation({ annotator: 'my old name', annotatorId: 'my-install' }, me, false), { kind: 'mine' });
  assert.deepEqual(routeAnnotation({ annotator: 'analyst', annotatorId: 'theirs' }, me, true), {
    kind: 'colleague',
    key: 'id:theirs',
    name: 'analyst',
    annotatorId: 'theirs',
  });
  // An id that only differs in case or normalisation is another id.
  assert.equal(routeAnnotation({ annotator: 'analyst', annotatorId: 'MY-INSTALL' }, me, true).kind, 'colleague');
});

test('without an id: my name joins my layer only when I confirmed; other names are colleagues by name', () => {
  assert.deepEqual(routeAnnotation({ annotator: 'analyst' }, me, true), { kind: 'mine' });
  assert.deepEqual(routeAnnotation({ annotator: 'analyst' }, me, false), { kind: 'colleague', key: 'name:analyst', name: 'analyst' });
  assert.deepEqual(routeAnnotation({ annotator: 'Aigerim' }, me, true), { kind: 'colleague', key: 'name:Aigerim', name: 'Aigerim' });
  // Names compare exactly: a trailing space or another normal form is someone else.
  assert.equal(routeAnnotation({ annotator: 'analyst ' }, me, true).kind, 'colleague');
  const nfd = { id: 'x', name: 'José' };
  assert.equal(routeAnnotation({ annotator: 'José'.normalize('NFD') }, nfd, true).kind, 'colleague');
  // A name that looks like a key prefix stays apart from ids.
  assert.deepEqual(routeAnnotation({ annotator: 'id:theirs' }, me, false), { kind: 'colleague', key: 'name:id:theirs', name: 'id:theirs' });
});

test('exportedBy lends its id to the annotations that carry its name and none of their own', () => {
  const by = { id: 'theirs', name: 'analyst' };
  assert.equal(effectiveId({ annotator: 'analyst' }, by), 'theirs');
  assert.equal(effectiveId({ annotator: 'Aigerim' }, by), undefined);
  assert.equal(effectiveId({ annotator: 'analyst', annotatorId: 'other' }, by), 'other');
  assert.deepEqual(routeAnnotation({ annotator: 'analyst' }, me, true, by), { kind: 'colleague', key: 'id:theirs', name: 'analyst', annotatorId: 'theirs' });
  assert.deepEqual(routeAnnotation({ annotator: 'analyst' }, me, false, { id: 'my-install', name: 'analyst' }), { kind: 'mine' });
  assert.equal(needsConfirmation({ annotator: 'analyst' }, me, by), false);
});

test('the confirmation counts exactly the annotations with my name and no id', () => {
  const list = [
    { annotator: 'analyst' },
    { annotator: 'analyst', annotatorId: 'my-install' },
    { annotator: 'analyst', annotatorId: 'theirs' },
    { annotator: 'Aigerim' },
    { annotator: 'analyst' },
  ];
  assert.equal(countNeedingConfirmation(list, me), 2);
  assert.equal(countNeedingConfirmation([], me), 0);
  assert.equal(countNeedingConfirmation(list, { id: 'x', name: '' }), 0);
});

test('a layer is shown under its own name when free, else the first free "name (n)"', () => {
  assert.equal(uniqueLayerName('Aigerim', ['analyst']), 'Aigerim');
  assert.equal(uniqueLayerName('analyst', ['analyst']), 'analyst (2)');
  assert.equal(uniqueLayerName('analyst', ['analyst', 'analyst (2)']), 'analyst (3)');
  assert.equal(uniqueLayerName('analyst', ['analyst', 'analyst (3)']), 'analyst (2)');
  assert.equal(uniqueLayerName('analyst (2)', ['analyst', 'analyst (2)']), 'analyst (2) (2)');
  for (const name of ['😀 Dana', 'e\u0301', 'محلل', '']) assert.equal(uniqueLayerName(name, [name]), `${name} (2)`);
  const many = Array.from({ length: 1000 }, (_, i) => (i === 0 ? 'x' : `x (${i + 1})`));
  assert.equal(uniqueLayerName('x', many), 'x (1001)');
});

test("a rename is refused when empty, too long, broken, mine or another layer's; spaces are trimmed", () => {
  assert.equal(layerNameProblem('Dana Petrova', 'analyst', ['Aigerim']), undefined);
  assert.equal(layerNameProblem('  Dana  ', 'analyst', ['Aigerim']), undefined);
  assert.match(layerNameProblem('   ', 'analyst', [])!, /needs a name/);
  assert.match(layerNameProblem('', 'analyst', [])!, /needs a name/);
  assert.match(layerNameProblem('x'.repeat(MAX_LAYER_NAME_LENGTH + 1), 'analyst', [])!, /at most 120/);
  assert.equal(layerNameProblem('😀'.repeat(60), 'analyst', []), undefined);
  assert.match(layerNameProblem('a\ud800', 'analyst', [])!, /unpaired surrogate/);
  assert.match(layerNameProblem(' analyst ', 'analyst', [])!, /your own name/);
  assert.match(layerNameProblem('Aigerim', 'analyst', ['Aigerim'])!, /already called/);
  assert.equal(layerNameProblem('aigerim', 'analyst', ['Aigerim']), undefined, 'case differs: another name');
});
