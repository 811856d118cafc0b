// Several files imported at once are split by format: one format for all when it claims all, else
// the brat collection (.ann files with every .txt), then the rest one by one, one group per format.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupByFormat } from '../../../../src/codecs/registry/group-files.js';
import { file } from '../interop-helpers.js';

const TXT = file('story.txt', 'Tokayev met 😀 protesters.\r\nNo final newline');
const ANN = file('story.ann', 'T1\tClaim 0 7\tTokayev\n');
const DOCCANO = file('a.jsonl', '{"text": "Tokayev spoke 😀.", "label": [[0, 7, "PER"]]}\n');
const DOCCANO2 = file('b.jsonl', '{"text": "Almaty", "label": [[0, 6, "LOC"]]}');
const SPANMARK = file('export.json', '{"format": "spanmark", "version": 2, "documents": []}');

const summary = (r: ReturnType<typeof groupByFormat>) => ({
  groups: r.groups.map((g) => [g.codec.id, g.files.map((f) => f.name)]),
  unknown: r.unknown.map((f) => f.name),
});

test('group-files: one format for all files is one group', () => {
  assert.deepEqual(summary(groupByFormat([TXT, ANN])), { groups: [['brat', ['story.txt', 'story.ann']]], unknown: [] });
  assert.deepEqual(summary(groupByFormat([DOCCANO, DOCCANO2])), { groups: [['doccano', ['a.jsonl', 'b.jsonl']]], unknown: [] });
  assert.deepEqual(summary(groupByFormat([])), { groups: [], unknown: [] });
});

test('group-files: a brat pair, a lone .txt, doccano files, a Spanmark export and unknown files picked together', () => {
  const lone = file('alone.txt', 'Nothing tagged.');
  const notes = file('notes.md', '# Notes\n');
  const r = groupByFormat([DOCCANO, TXT, notes, ANN, SPANMARK, lone, DOCCANO2]);
  assert.deepEqual(summary(r), {
    groups: [
      ['brat', ['story.txt', 'story.ann', 'alone.txt']],
      ['doccano', ['a.jsonl', 'b.jsonl']],
      ['spanmark', ['export.json']],
    ],
    unknown: ['notes.md'],
  });
});

test('group-files: hostile names and an .ann alone stay in the brat group, whose decoder names them', () => {
  const r = groupByFormat([file('../../x.ann', 'T1\tClaim 0 1\tx\n'), DOCCANO, file('\u202eevil.txt', 'x')]);
  assert.deepEqual(summary(r).groups[0], ['brat', ['../../x.ann', '\u202eevil.txt']]);
});

test('group-files: published export names with several dots are recognised by their last extension', () => {
  const text = file('odyssey.txt', 'Tell me, O muse 😀, of Troy.\r\n');
  const w3c = file(
    'annotations.w3c.json',
    JSON.stringify([
      {
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: [{ type: 'TextualBody', value: 'Place', purpose: 'tagging' }],
        target: { selector: [{ type: 'TextQuoteSelector', exact: 'Troy' }] },
      },
    ]),
  );
  assert.deepEqual(summary(groupByFormat([w3c, text])), { groups: [['web-annotation', ['annotations.w3c.json', 'odyssey.txt']]], unknown: [] });
  const doccano = file('all.v1.jsonl', '{"text": "Almaty", "label": [[0, 6, "LOC"]]}\n');
  assert.deepEqual(summary(groupByFormat([doccano])), { groups: [['doccano', ['all.v1.jsonl']]], unknown: [] });
});
