import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyCommandTracked, sortAnnotations, type AnnotationCommand, type SingleCommand } from '../../../src/annotations/commands.js';
import { linksIn, linksTo, type DefsOf } from '../../../src/annotations/attribute-commands.js';
import { LayerIndex } from '../../../src/annotations/layer-index.js';
import type { Annotation } from '../../../src/annotations/types.js';
import type { AttributeValues } from '../../../src/labels/attributes.js';

const now = '2022-01-07T10:00:00.000Z';
const text = 'Tokayev 🇰🇿 said: ‏שלום‏ e\u0301 18 were killed.\r\nAnd more.';

function ann(id: string, start: number, end: number, attributes?: AttributeValues, label = 'claim'): Annotation {
  return {
    id,
    docId: 'd',
    label,
    start,
    end,
    quote: text.slice(start, end),
    annotator: 'ana',
    createdAt: now,
    updatedAt: now,
    ...(attributes ? { attributes } : {}),
  };
}

const defsOf: DefsOf = (label) =>
  label === 'claim'
    ? [
        { id: 'speaker', name: 'Speaker', type: 'link' },
        { id: 'source', name: 'Source', type: 'text' },
      ]
    : [];

/** What a fresh index says about every id and value the list holds, to compare with one kept per command. */
function answers(index: LayerIndex, list: readonly Annotation[]): unknown {
  const values = new Set<string>(['', 'nobody', ...list.map((a) => a.id)]);
  for (const a of list) for (const v of Object.values(a.attributes ?? {})) if (typeof v === 'string') values.add(v);
  return {
    byId: [...list.map((a) => a.id), 'missing'].map((id) => index.find(id)),
    holding: [...values].sort().map((v) => [v, index.holding(v).map((a) => a.id)]),
  };
}

test('an annotation is found by id, and the holders of a value come in text order', () => {
  const actor = ann('act', 0, 7, undefined, 'actor');
  const late = ann('c2', 30, 40, { speaker: 'act' });
  const early = ann('c1', 8, 20, { speaker: 'act', source: 'TASS 🇷🇺' });
  const index = new LayerIndex([actor, late, early]);
  assert.equal(index.find('c1'), early);
  assert.equal(index.find('nope'), undefined);
  assert.deepEqual(
    index.holding('act').map((a) => a.id),
    ['c1', 'c2'],
  );
  assert.deepEqual(
    index.holding('TASS 🇷🇺').map((a) => a.id),
    ['c1'],
  );
  assert.deepEqual(index.holding(''), []);
  // The holders give exactly the links a scan of the whole layer gives.
  assert.deepEqual(linksTo(index.holding('act'), 'act', defsOf), linksTo(sortAnnotations([actor, late, early]), 'act', defsOf));
});

test('values in lists are not kept (a link is never a list), numbers and booleans neither', () => {
  const a = ann('a', 0, 5, { kind: ['act', 'killed'], count: { value: 18, qualifier: 'exact' }, confirmed: true });
  const index = new LayerIndex([a]);
  assert.deepEqual(index.holding('act'), []);
  assert.deepEqual(index.holding('killed'), []);
  assert.deepEqual(index.holding('true'), []);
});

test('an update that changes a link moves its source from the old target to the new one', () => {
  const c = ann('c', 8, 20, { speaker: 'x' });
  const list = [ann('x', 0, 3), c, ann('y', 25, 30)];
  const index = new LayerIndex(list);
  const after = { ...c, attributes: { speaker: 'y' } };
  index.apply(applyCommandTracked(list, { kind: 'update', before: c, after }));
  assert.deepEqual(index.holding('x'), []);
  assert.deepEqual(index.holding('y'), [after]);
  assert.equal(index.find('c'), after);
  // Told of an equal copy rather than the object it holds (a command rebuilt from storage), it still lets go.
  index.apply({ removed: { ...after }, added: undefined });
  assert.deepEqual(index.holding('y'), []);
  assert.equal(index.find('c'), undefined);
});

test('a create replayed for an id already there keeps one entry, the later one', () => {
  const first = ann('c', 8, 20, { speaker: 'x' });
  const index = new LayerIndex([first]);
  const again = ann('c', 8, 20, { speaker: 'z' });
  index.apply({ removed: undefined, added: again });
  assert.equal(index.find('c'), again);
  assert.deepEqual(index.holding('x'), []);
  assert.deepEqual(index.holding('z'), [again]);
});

test('an empty layer answers nothing', () => {
  const index = new LayerIndex([]);
  assert.equal(index.find(''), undefined);
  assert.deepEqual(index.holding('anything'), []);
  index.apply({ removed: ann('gone', 0, 1), added: undefined });
  assert.equal(index.find('gone'), undefined);
});

// Kept per command, it must always answer as an index built afresh from the list would.
test('kept per command through random creates, updates, deletes and batches, it answers as a fresh index', () => {
  let seed = 20221;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const ids = Array.from({ length: 12 }, (_, i) => `a${i}`);
  const values = [...ids, 'TASS', 'e\u0301', '🇰🇿', '', 'שלום'];
  const make = (id: string): Annotation => {
    const start = rand(text.length - 1);
    const attributes: Record<string, string> = {};
    if (rand(3) > 0) attributes['speaker'] = values[rand(values.length)]!;
    if (rand(2) > 0) attributes['source'] = values[rand(values.length)]!;
    return ann(id, start, start + 1 + rand(text.length - start - 1), Object.keys(attributes).length > 0 ? attributes : undefined);
  };
  let list: readonly Annotation[] = [];
  const index = new LayerIndex(list);
  const single = (): SingleCommand | undefined => {
    const id = ids[rand(ids.length)]!;
    const there = list.find((a) => a.id === id);
    if (!there) return { kind: 'create', annotation: make(id) };
    return rand(2) === 0 ? { kind: 'delete', annotation: { ...there } } : { kind: 'update', before: { ...there }, after: make(id) };
  };
  for (let step = 0; step < 400; step++) {
    let cmd: AnnotationCommand | undefined;
    if (rand(5) === 0) {
      // A batch may touch one id twice (create then delete): it applies as if run one by one.
      const commands: SingleCommand[] = [];
      const touched = new Set<string>();
      for (let k = 0; k < 1 + rand(4); k++) {
        const c = single();
        const id = c?.kind === 'update' ? c.after.id : c?.annotation.id;
        if (c && id !== undefined && !touched.has(id)) {
          touched.add(id);
          commands.push(c);
        }
      }
      cmd = { kind: 'batch', commands };
    } else cmd = single();
    if (!cmd) continue;
    const applied = applyCommandTracked(list, cmd);
    list = applied.list;
    index.apply(applied);
    assert.deepEqual(answers(index, list), answers(new LayerIndex(list), list), `after step ${step} (${cmd.kind})`);
  }
  // And the links it yields for each id are those of a scan of the whole layer.
  for (const id of ids) assert.deepEqual(linksTo(index.holding(id), id, defsOf), linksTo(list, id, defsOf));
  assert.ok(linksIn(list, defsOf).length > 0, 'the run left some links to compare');
});
