// Which stored article is the file's document when its text changed, whether two texts are
// versions of one, and where an orphan was in the file's text: with emoji, combining marks, RTL,
// CRLF, empty and large texts, and candidates that must not be taken (two with one title, an
// unrelated article that shares a title, the same text already stored).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseLibraryCopy, describeReanchoring, originIn, reanchorImported, textsLookAlike, type CopyHead } from '../../../src/anchoring/import-onto.js';

const OLD = 'Troops 🇷🇺 arrived in Almaty on Friday.\nAt least 18 people were killed in the clashes.\nThe airport was closed by the army for two days.\n';
const NEW = 'Troops 🇷🇺 arrived in Almaty on Friday.\n\nA new paragraph about something else entirely.\n\nAt least 19 people  were killed in the clashes.\n';

const head = (id: string, extra: Partial<CopyHead> = {}): CopyHead => ({ id, sha256: `sha-${id}`, title: 'Almaty', ...extra });
const yes = () => true;

test('the file’s document id wins; the same text already stored needs nothing', () => {
  const doc = { sha256: 'sha-file', title: 'Almaty' };
  assert.deepEqual(
    chooseLibraryCopy(doc, { byId: [head('a')], byUrl: [], byTitle: [] }, () => false),
    { copy: head('a'), by: 'id' },
  );
  assert.equal(chooseLibraryCopy(doc, { byId: [head('a')], byUrl: [], byTitle: [head('b', { sha256: 'sha-file' })] }, yes), undefined);
  assert.equal(chooseLibraryCopy(doc, { byId: [], byUrl: [], byTitle: [] }, yes), undefined);
});

test('a url or a title names the document only when one article has it and the texts look alike', () => {
  const doc = { sha256: 'sha-file', title: 'Almaty', url: 'https://example.org/a' };
  const u = head('u', { url: 'https://example.org/a', title: 'Other' });
  assert.deepEqual(chooseLibraryCopy(doc, { byId: [], byUrl: [u], byTitle: [] }, yes), { copy: u, by: 'url' });
  assert.equal(chooseLibraryCopy(doc, { byId: [], byUrl: [u, head('v', { url: 'https://example.org/a' })], byTitle: [] }, yes), undefined);
  assert.deepEqual(chooseLibraryCopy(doc, { byId: [], byUrl: [], byTitle: [head('t')] }, yes), { copy: head('t'), by: 'title' });
  assert.equal(chooseLibraryCopy(doc, { byId: [], byUrl: [], byTitle: [head('t'), head('s')] }, yes), undefined);
  assert.equal(
    chooseLibraryCopy(doc, { byId: [], byUrl: [], byTitle: [head('t')] }, () => false),
    undefined,
  );
  assert.equal(chooseLibraryCopy({ ...doc, title: '  ' }, { byId: [], byUrl: [], byTitle: [head('t', { title: '  ' })] }, yes), undefined);
});

test('texts look alike through edits and reflowed whitespace, in any script; unrelated and empty texts do not', () => {
  // A corrected figure, reflowed whitespace and a sentence added keep most word sequences.
  assert.ok(textsLookAlike(OLD, OLD.replace('18', '19').replace('were killed in', 'were\n  killed in') + 'Officials gave new figures on Saturday.\n'));
  assert.ok(textsLookAlike(OLD, NEW));
  // Another story on the same events, in many of the same words, is not taken on a title alone.
  const other = 'The president said in a statement on Friday that the army was deployed in the city to restore order after the clashes.';
  assert.equal(textsLookAlike(OLD, other), false);
  assert.ok(textsLookAlike(OLD.replace(/\n/g, '\r\n'), OLD));
  const rtl = 'قال المتحدث إن القوات وصلت إلى المدينة صباح الجمعة بعد اشتباكات عنيفة';
  assert.ok(textsLookAlike(rtl, rtl.replace('الجمعة', 'السبت')));
  const combining = 'Cafe\u0301 owners in Almaty said the cafe\u0301 was closed for two days';
  assert.ok(textsLookAlike(combining, combining.normalize('NFC').normalize('NFD')));
  assert.equal(textsLookAlike(OLD, 'A completely different story about football results in Europe last night.'), false);
  assert.equal(textsLookAlike('', OLD), false);
  assert.equal(textsLookAlike('😀 🇷🇺', '😀 🇷🇺'), false);
  const huge = 'word '.repeat(200_000) + OLD;
  assert.ok(textsLookAlike(huge, huge + ' tail'));
});

test('an orphan’s origin is in code points with its context; offsets that do not fit the text give none', () => {
  const at = OLD.indexOf('At least');
  const o = originIn(OLD, at, at + 8)!;
  assert.equal(o.start, [...OLD.slice(0, at)].length);
  assert.equal(o.end - o.start, 8);
  assert.ok(o.prefix.endsWith('Friday.\n'));
  assert.ok(o.suffix.startsWith(' 18 people'));
  assert.equal(originIn(OLD, 8, 9), undefined, 'inside the flag’s surrogate pair');
  assert.equal(originIn(OLD, 5, 5), undefined);
  assert.equal(originIn(OLD, 0, OLD.length + 1), undefined);
  assert.equal(originIn('', 0, 0), undefined);
});

test('a file’s spans are placed on the library’s text: exact, moved, orphan with where it was', () => {
  const span = (id: string, quote: string) => ({ id, start: OLD.indexOf(quote), end: OLD.indexOf(quote) + quote.length });
  const { report, origins } = reanchorImported(OLD, NEW, [
    span('t', 'Troops 🇷🇺 arrived'),
    span('k', 'At least 18 people'),
    span('x', 'The airport was closed by the army'),
  ]);
  assert.deepEqual(
    report.all.map((r) => r.status),
    ['exact', 'moved', 'orphan'],
  );
  assert.equal(report.moved[0]!.quote, 'At least 19 people');
  assert.deepEqual([...origins.keys()], ['x']);
  assert.equal(origins.get('x')!.start, [...OLD.slice(0, OLD.indexOf('The airport'))].length);
});

test('the summary says how many spans were re-anchored, moved and orphaned', () => {
  assert.equal(
    describeReanchoring({ documents: 1, spans: 12, moved: 3, orphans: 1 }),
    'The library’s copy of the document has a changed text: 12 spans re-anchored, 3 moved (to confirm), 1 orphan.',
  );
  assert.equal(
    describeReanchoring({ documents: 2, spans: 1, moved: 0, orphans: 0 }, 2),
    '2 of the library’s documents have a changed text: 1 span re-anchored, 0 moved (to confirm), 0 orphans. 2 orphans from the file kept with their quote.',
  );
  assert.equal(describeReanchoring({ documents: 0, spans: 0, moved: 0, orphans: 0 }), '');
});
