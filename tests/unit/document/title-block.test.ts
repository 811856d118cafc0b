// The title is shown once: an HTML article's first heading is used as the title when it is the
// title (possibly with the site's name after it in <title>), and never otherwise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { titleBlock } from '../../../src/document/title-block.js';
import { parseArticleText } from '../../../src/document/open-article.js';
import type { ParsedArticle } from '../../../src/document/article.js';

const hostile = readFileSync(new URL('../../../../shared/corpus/hostile-article.html', import.meta.url), 'utf8');

function article(name: string, text: string, format: ParsedArticle['format']): ParsedArticle {
  const r = parseArticleText(name, text, format);
  assert.ok(r.ok);
  return r.value;
}

test('the hostile corpus page: its <h1> is its <title>, so the heading is the title', () => {
  const a = article('hostile-article.html', hostile, 'html');
  assert.equal(titleBlock(a), a.blocks[0]);
  assert.equal(a.text.slice(a.blocks[0]!.start, a.blocks[0]!.end), 'CSTO peacekeepers arrive in Kazakhstan');
});

test('a site name after the headline in <title> still folds; a different heading does not', () => {
  const page = (title: string, h: string) => article('p.html', `<title>${title}</title><h1>${h}</h1><p>Body.</p>`, 'html');
  for (const title of ['Troops land | Wire', 'Troops land – Wire', 'Troops land - Wire', 'Troops land: Wire', '  Troops \n land ']) {
    const a = page(title, 'Troops  land');
    assert.equal(titleBlock(a), a.blocks[0], title);
  }
  assert.equal(titleBlock(page('Troops landed', 'Troops land')), undefined, 'a longer word is not a suffix');
  assert.equal(titleBlock(page('Wire: Troops land', 'Troops land')), undefined);
  assert.equal(titleBlock(page('Other', 'Troops land')), undefined);
  const kicker = article('p.html', '<title>Troops land</title><p>Breaking</p><h1>Troops land</h1>', 'html');
  assert.equal(titleBlock(kicker), undefined, 'only a heading that opens the article');
});

test('RTL, emoji and combining marks compare as written', () => {
  const a = article('p.html', '<title>الوضع تحت السيطرة 🇰🇿 Cafe\u0301</title><h2>الوضع تحت السيطرة 🇰🇿 Cafe\u0301</h2><p>x</p>', 'html');
  assert.equal(titleBlock(a), a.blocks[0]);
  const b = article('p.html', '<title>Café</title><h1>Cafe\u0301</h1><p>x</p>', 'html');
  assert.equal(titleBlock(b), undefined, 'different code points are a different title; nothing is normalised');
});

test('text and Markdown keep their header: their first heading shows its markup', () => {
  assert.equal(titleBlock(article('m.md', '# Troops land\n\nBody.', 'markdown')), undefined);
  assert.equal(titleBlock(article('t.txt', 'Troops land\n\nBody.', 'text')), undefined);
  assert.equal(titleBlock({ format: 'html', title: '', text: '', blocks: [] }), undefined);
});
