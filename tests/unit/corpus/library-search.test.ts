import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  SEARCH_INDEX_FORMAT,
  articlePassages,
  groupHits,
  hitSpan,
  newSearchIndex,
  queryToSearch,
  restoreSearchIndex,
  saveSearchIndex,
  searchLibrary,
  termInPassage,
} from '../../../src/corpus/library-search.js';
import type { Article } from '../../../src/document/article.js';
import type { Annotation } from '../../../src/annotations/types.js';

function article(id: string, title: string, text: string, metadata: Article['metadata'] = {}): Article {
  const blocks = [];
  let at = 0;
  for (const para of text.split('\n')) {
    blocks.push({ kind: 'paragraph' as const, start: at, end: at + para.length });
    at += para.length + 1;
  }
  return { id, sha256: id, title, text, format: 'text', blocks, metadata, addedAt: '2022-01-01T00:00:00.000Z' };
}
const note = (docId: string, start: number, end: number, text: string): Annotation => ({
  id: `n-${start}`,
  docId,
  label: 'claim',
  start,
  end,
  quote: '',
  annotator: 'me',
  createdAt: '',
  updatedAt: '',
  note: text,
});

const a = article('a', 'Almaty 🇰🇿', 'First paragraph.\nThe airport was RETAKEN by paratroopers.\nThe airport again.', { source: 'Reuters', tags: ['unrest'] });
const b = article('b', 'مرحبا بالعالم', 'سلام عليكم\nCafe\u0301 owners closed early.', { source: 'AP' });
const c = article('c', 'Quiet', 'Nothing happened.');

function index() {
  const idx = newSearchIndex();
  idx.addAll([...articlePassages(a, [note('a', 0, 5, 'Check with the ministry')]), ...articlePassages(b, []), ...articlePassages(c, [])]);
  return idx;
}

test('a body word: one hit for the article, the matching passage, the word selected in article offsets', () => {
  const hits = groupHits(index().search('retaken'));
  assert.equal(hits.length, 1);
  const [hit] = hits;
  assert.equal(hit!.articleId, 'a');
  assert.equal(hit!.passage.text, 'The airport was RETAKEN by paratroopers.');
  const span = hitSpan(hit!)!;
  assert.equal(a.text.slice(span.start, span.end), 'RETAKEN');
});

test('a word begun (three letters or more) finds its article; one or two letters match only whole words', () => {
  assert.deepEqual(
    groupHits(index().search('reta')).map((h) => h.articleId),
    ['a'],
  );
  assert.deepEqual(
    groupHits(index().search('par')).map((h) => h.articleId),
    ['a'],
  );
  // As prefixes, "p" and "pa" would match "paragraph" and "paratroopers": a keystroke's search
  // would then score most of a real library.
  assert.deepEqual(groupHits(index().search('p')), []);
  assert.deepEqual(groupHits(index().search('pa')), []);
  // A whole short word is still found.
  const short = newSearchIndex();
  short.addAll(articlePassages(article('s', 'UN', 'The UN met in Almaty.'), []));
  assert.deepEqual(
    groupHits(short.search('un')).map((h) => h.articleId),
    ['s'],
  );
});

test('a misspelling is forgiven by one edit from five letters on, not in shorter terms', () => {
  assert.deepEqual(
    groupHits(index().search('airpart')).map((h) => h.articleId),
    ['a'],
  );
  assert.deepEqual(
    groupHits(index().search('retakan')).map((h) => h.articleId),
    ['a'],
  );
  // Two edits are too many at this length.
  assert.deepEqual(groupHits(index().search('aerpart')), []);
  // A four-letter term is taken as typed: "bonk" is not "bank".
  const short = newSearchIndex();
  short.addAll(articlePassages(article('s', 'Banks', 'The bank was shut.'), []));
  assert.deepEqual(
    groupHits(short.search('bank')).map((h) => h.articleId),
    ['s'],
  );
  assert.deepEqual(groupHits(short.search('bonk')), []);
});

test('function words are left out of a query with other words, kept in a query of nothing else', () => {
  assert.equal(queryToSearch('the airport'), 'airport');
  assert.equal(queryToSearch('The  airport, of the city'), 'airport city');
  assert.equal(queryToSearch('retaken by paratroopers'), 'retaken paratroopers');
  // Nothing else to search for: as typed.
  assert.equal(queryToSearch('the'), 'the');
  assert.equal(queryToSearch('to be or'), 'to be or');
  // Other scripts, emoji, combining marks and words that only begin like a function word pass untouched.
  assert.equal(queryToSearch('مرحبا'), 'مرحبا');
  assert.equal(queryToSearch('theatre 🇰🇿'), 'theatre 🇰🇿');
  assert.equal(queryToSearch('the cafe\u0301'), 'cafe\u0301');
  assert.equal(queryToSearch(''), '');
  assert.equal(queryToSearch('   '), '   ');
});

test('a search with function words finds what the same search without them finds', () => {
  const idx = index();
  assert.deepEqual(searchLibrary(idx, 'the airport'), searchLibrary(idx, 'airport'));
  assert.deepEqual(
    searchLibrary(idx, 'the airport').map((h) => h.articleId),
    ['a'],
  );
  // All words must match (AND): "the" alone would have matched every article with a "the".
  assert.deepEqual(
    searchLibrary(idx, 'the market').map((h) => h.articleId),
    [],
  );
  assert.deepEqual(
    searchLibrary(idx, 'the', () => true).map((h) => h.articleId),
    ['a'],
  );
  assert.deepEqual(
    searchLibrary(idx, 'airport', (id) => id !== 'a'),
    [],
  );
});

test('several matching passages are grouped under one article', () => {
  const hits = groupHits(index().search('airport'));
  assert.equal(hits.length, 1);
  assert.equal(hits[0]!.passages, 2);
});

test('titles, metadata, RTL text and notes are found; a note opens at its annotation', () => {
  assert.deepEqual(
    groupHits(index().search('reuters')).map((h) => h.articleId),
    ['a'],
  );
  assert.deepEqual(
    groupHits(index().search('unrest')).map((h) => h.articleId),
    ['a'],
  );
  assert.deepEqual(
    groupHits(index().search('مرحبا')).map((h) => h.articleId),
    ['b'],
  );
  const rtl = groupHits(index().search('سلام'))[0]!;
  const s = hitSpan(rtl)!;
  assert.equal(b.text.slice(s.start, s.end), 'سلام');
  const n = groupHits(index().search('ministry'))[0]!;
  assert.equal(n.passage.kind, 'note');
  assert.deepEqual(hitSpan(n), { start: 0, end: 5 });
  assert.equal(hitSpan(groupHits(index().search('reuters'))[0]!), undefined);
});

test('the filter keeps only articles the table shows; nothing found is empty', () => {
  assert.deepEqual(
    groupHits(index().search('airport'), (id) => id !== 'a'),
    [],
  );
  assert.deepEqual(groupHits(index().search('zzzqqq')), []);
  assert.deepEqual(groupHits(index().search('')), []);
});

test('terms with regex characters, combining marks and no match are safe', () => {
  assert.deepEqual(termInPassage('a (b) c', ['(b)']), { start: 2, end: 5 });
  assert.equal(termInPassage('abc', []), undefined);
  assert.equal(termInPassage('abc', ['zz']), undefined);
  const t = 'Cafe\u0301 owners';
  const at = termInPassage(t, ['cafe\u0301'])!;
  assert.equal(t.slice(at.start, at.end), 'Cafe\u0301');
});

test('an empty article has only its meta passage; a whitespace note is not indexed', () => {
  const e = article('e', 'Empty', '');
  assert.deepEqual(
    articlePassages(e, [note('e', 0, 0, '  ')]).map((p) => p.kind),
    ['meta'],
  );
});

test('a saved index restores to the same answers, with each article’s key and passages', async () => {
  const idx = index();
  const articles = new Map([
    ['a', { key: 'ka', ids: articlePassages(a, [note('a', 0, 5, 'Check with the ministry')]).map((p) => p.id) }],
    ['b', { key: 'kb', ids: articlePassages(b, []).map((p) => p.id) }],
    ['c', { key: 'kc', ids: articlePassages(c, []).map((p) => p.id) }],
  ]);
  // Through structured clone, as IndexedDB stores it.
  const saved = structuredClone(saveSearchIndex(idx, articles));
  const restored = (await restoreSearchIndex(saved))!;
  assert.ok(restored);
  assert.deepEqual(restored.articles, articles);
  for (const q of ['retaken', 'reta', 'airpart', 'pa', 'مرحبا', 'ministry', 'cafe\u0301', 'reuters'])
    assert.deepEqual(groupHits(restored.index.search(q)), groupHits(idx.search(q)), q);
  // It goes on incrementally: an article's passages discarded and added again.
  for (const p of articles.get('a')!.ids) restored.index.discard(p);
  assert.deepEqual(groupHits(restored.index.search('retaken')), []);
  restored.index.addAll(articlePassages(a, []));
  assert.equal(groupHits(restored.index.search('retaken'))[0]!.articleId, 'a');
});

test('a saved index of another format, damaged or inconsistent is not restored (the library is indexed afresh)', async () => {
  const idx = index();
  const articles = new Map([['a', { key: 'ka', ids: articlePassages(a, [note('a', 0, 5, 'Check with the ministry')]).map((p) => p.id) }]]);
  const good = saveSearchIndex(idx, articles);
  const bad: unknown[] = [
    undefined,
    null,
    'index',
    {},
    { ...good, format: SEARCH_INDEX_FORMAT + 1 },
    { ...good, articles: 'a' },
    { ...good, articles: [['a', 'ka']] },
    { ...good, articles: [['a', 7, []]] },
    { ...good, articles: [['a', 'ka', [1]]] },
    { ...good, index: null },
    { ...good, index: { ...good.index, serializationVersion: 99 } },
    { ...good, index: { ...good.index, index: 'broken' } },
    // Lists a passage the index does not hold: discarding it later would throw mid-search.
    { ...good, articles: [...good.articles, ['z', 'kz', ['z:0']]] },
  ];
  for (const s of bad) assert.equal(await restoreSearchIndex(s), undefined, JSON.stringify(s)?.slice(0, 80));
  // The whole index, but only one article's passages listed: counts disagree.
  assert.equal(await restoreSearchIndex(good), undefined);
  assert.ok(await restoreSearchIndex(saveSearchIndex(newSearchIndex(), new Map())));
});
