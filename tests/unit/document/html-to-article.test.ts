// Untrusted HTML must reduce to the story's words and structure only; the hostile corpus page and
// generated tag soup check that nothing executable, hidden or fetched leaks into the text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { htmlToArticle, type HtmlArticle } from '../../../src/document/html-to-article.js';

const hostile = readFileSync(new URL('../../../../shared/corpus/hostile-article.html', import.meta.url), 'utf8');

/** The text is exactly the blocks joined by blank lines, and no block is blank or padded with blank lines. */
function assertWellFormed(article: HtmlArticle): void {
  const { text, blocks } = article;
  assert.equal(blocks.map((b) => text.slice(b.start, b.end)).join('\n\n'), text);
  let previousEnd = -2;
  for (const b of blocks) {
    assert.equal(b.start, previousEnd + 2, 'blocks are separated by exactly one blank line');
    const slice = text.slice(b.start, b.end);
    assert.match(slice, /\S/);
    assert.equal(slice, slice.trimEnd(), 'blocks end in text');
    assert.doesNotMatch(slice, /^\s*\n/, 'blocks start with text, or with the indentation of a <pre> line');
    assert.equal(b.level !== undefined, b.kind === 'heading');
    previousEnd = b.end;
  }
}

const blockTexts = (article: HtmlArticle) => article.blocks.map((b) => [b.kind, article.text.slice(b.start, b.end)]);
const body = (html: string) => htmlToArticle(`<!doctype html><html><head><title>T</title></head><body>${html}</body></html>`);

test('the hostile corpus article keeps the story and nothing else', () => {
  const article = htmlToArticle(hostile);
  assertWellFormed(article);
  assert.equal(article.title, 'CSTO peacekeepers arrive in Kazakhstan');
  assert.deepEqual(blockTexts(article), [
    ['heading', 'CSTO peacekeepers arrive in Kazakhstan'],
    ['paragraph', 'By a staff correspondent · 7 January 2022'],
    [
      'paragraph',
      "The first units of the Collective Security Treaty Organization arrived in Almaty on Thursday, the organization's secretariat said. Russian military transport aircraft, including Il-76 and An-124 planes, landed at a military airfield near the city.",
    ],
    [
      'paragraph',
      'According to the interior ministry, 18 members of the security forces were killed and 748 were injured during the unrest. The ministry said 26 "armed criminals" had been “liquidated”.',
    ],
    ['quote', "“The peacekeeping forces will stay for a limited period of time,” Nikol Pashinyan, who chairs the CSTO's collective security council, wrote."],
    ['paragraph', 'Belarusian, Armenian, Tajik and Kyrgyz contingents were also being deployed, the secretariat added.'],
    ['list-item', 'Russia: airborne troops (VDV) units'],
    ['list-item', 'Belarus: a special operations brigade company'],
    ['list-item', 'Armenia: about 70 troops'],
    ['paragraph', 'Officials said the airport, which had been seized by protesters on 5 January, was back under government control.'],
    ['paragraph', 'The damage was estimated at about $200 million.'],
  ]);
  assert.equal(article.blocks[0]!.level, 1);
  for (const banned of ['__pwned', 'javascript:', 'http://', 'phish', 'pixel', 'steal', 'evil', 'track.css', '@import']) {
    assert.equal(article.text.includes(banned), false, banned);
    assert.equal(article.title.includes(banned), false, banned);
  }
});

test('title: <title>, else the first h1, else empty; whitespace collapsed; SVG titles ignored', () => {
  assert.equal(htmlToArticle('<title>\n  Two \t words </title><p>x</p>').title, 'Two words');
  assert.equal(htmlToArticle('<h2>Sub</h2><h1>Main <em>story</em><br>here</h1><h1>Second</h1>').title, 'Main story here');
  assert.equal(htmlToArticle('<p>No headings at all.</p>').title, '');
  assert.equal(htmlToArticle('<svg><title>tooltip</title></svg><h1>Real</h1>').title, 'Real');
  assert.equal(htmlToArticle('<title>A &amp; B &lt;i&gt;</title>').title, 'A & B <i>');
});

test('the page date: meta tags first, then <time>, then a byline; invalid or hidden dates are skipped', () => {
  assert.equal(htmlToArticle(hostile).date, '2022-01-07', 'the corpus byline “7 January 2022”');
  const meta = (attrs: string) => htmlToArticle(`<head><meta ${attrs}></head><body><p class="byline">5 May 2020</p><p>x</p></body>`).date;
  assert.equal(meta('property="article:published_time" content="2022-01-07T09:00:00Z"'), '2022-01-07');
  assert.equal(meta('name="DC.date.issued" content="2022-01-06"'), '2022-01-06');
  assert.equal(meta('itemprop="datePublished" content="2022-01-05"'), '2022-01-05');
  assert.equal(meta('name="date" content="7 January 2022"'), '2022-01-07');
  assert.equal(meta('name="date" content="2022-02-30"'), '2020-05-05', 'an impossible meta date gives way to the byline');
  assert.equal(meta('name="description" content="2022-01-07"'), '2020-05-05', 'other metas are not dates');
  assert.equal(body('<p>Intro</p><time datetime="2022-01-07T10:00+06:00">Friday</time>').date, '2022-01-07');
  assert.equal(body('<time>January 7, 2022</time><p>x</p>').date, '2022-01-07', 'a <time> without datetime: its words');
  assert.equal(
    body('<div hidden><time datetime="1999-01-01"></time></div><span class="date">7 Jan 2022</span><p>x</p>').date,
    '2022-01-07',
    'hidden times are ignored',
  );
  assert.equal(body('<div class="story-dateline">ALMATY, Jan. 7th, 2022 —</div><p>x</p>').date, '2022-01-07');
  assert.equal(body('<p>Protests began on 2 January 2022.</p>').date, undefined, 'a date in the story is not the page’s date');
  assert.equal(body('<p>x</p>').date, undefined);
  assert.equal(Object.hasOwn(body('<p>x</p>'), 'date'), false);
  assert.equal(body('<script class="date">"7 January 2022"</script><p>x</p>').date, undefined, 'script text is never read');
});

test('inline elements contribute their words; whitespace collapses across them', () => {
  const article = body('<p>  According to the <a href="javascript:alert(1)">interior\n ministry</a>,<b> 18 </b><i>were</i>\t<span>killed</span>. </p>');
  assert.deepEqual(blockTexts(article), [['paragraph', 'According to the interior ministry, 18 were killed.']]);
});

test('<br> is a newline, with the spaces around it dropped', () => {
  const article = body('<p>Line one <br> line two<br/><br>line four<br></p>');
  assert.deepEqual(blockTexts(article), [['paragraph', 'Line one\nline two\n\nline four']]);
});

test('entities are decoded and non-breaking spaces inside text survive', () => {
  const article = body('<p>1&nbsp;300 people &amp; &lt;script&gt; &#x1F600; &eacute;&#769; &ldquo;q&rdquo;</p><p>&nbsp;</p>');
  assert.deepEqual(blockTexts(article), [['paragraph', '1\u00a0300 people & <script> 😀 é\u0301 “q”']]);
});

test('scripts, styles, frames, media, forms and metadata are dropped with their content', () => {
  const article = body(`
    <p>kept one</p>
    <script>var a = "<p>script text</p>";</script><style>p{}</style><noscript>noscript text</noscript>
    <template><p>template text</p></template><iframe>iframe text</iframe><object>object text</object>
    <embed src="x"><svg><text>svg text</text><foreignObject><p>foreign text</p></foreignObject></svg>
    <math><mi>math text</mi></math><video>video text</video><audio>audio text</audio><canvas>canvas text</canvas>
    <form><label>Label kept</label><input value="input text"><select><option>option text</option></select>
    <textarea>textarea text</textarea><button>button text</button></form>
    <img alt="alt text" src="x"><meta content="meta text"><link href="x">
    <p>kept two</p>`);
  assert.deepEqual(blockTexts(article), [
    ['paragraph', 'kept one'],
    ['paragraph', 'Label kept'],
    ['paragraph', 'kept two'],
  ]);
});

test('hidden content is dropped: hidden attribute, display:none, visibility:hidden', () => {
  const article = body(`
    <p hidden>hidden attribute</p><div style="color:red; display : none">display none</div>
    <span style="visibility:hidden">visibility hidden</span><p style="display:block">shown</p>
    <article hidden><p>hidden article</p></article>`);
  assert.deepEqual(blockTexts(article), [['paragraph', 'shown']]);
});

test('malformed and hostile markup: unclosed tags, nested scripts, comments, CDATA', () => {
  const article = htmlToArticle(
    '<p>one<p>two <b>bold <i>both</b> italic?</i><li>item<li>item two' +
      '<script><script>alert(1)</script>after script' +
      '<!-- <p>commented</p> --><![CDATA[ cdata text ]]><p>tail &amp unterminated entity',
  );
  assertWellFormed(article);
  assert.deepEqual(blockTexts(article), [
    ['paragraph', 'one'],
    ['paragraph', 'two bold both italic?'],
    ['list-item', 'item'],
    ['list-item', 'item twoafter script'],
    ['list-item', 'tail & unterminated entity'], // the unclosed <li> still holds this <p>
  ]);
  for (const banned of ['alert', 'commented', 'cdata']) assert.equal(article.text.includes(banned), false, banned);
});

test('<article> is preferred, then <main>, else the body; an empty article falls back to the body', () => {
  assert.deepEqual(blockTexts(body('<nav>Menu</nav><article><p>Story</p></article><footer>Footer</footer>')), [['paragraph', 'Story']]);
  assert.deepEqual(blockTexts(body('<nav>Menu</nav><main><p>Main story</p></main><aside>Ads</aside>')), [['paragraph', 'Main story']]);
  assert.deepEqual(blockTexts(body('<header>Site</header><div>Plain <p>page</p></div>')), [
    ['paragraph', 'Site'],
    ['paragraph', 'Plain'],
    ['paragraph', 'page'],
  ]);
  assert.deepEqual(blockTexts(body('<article><img src="x"></article><p>Body text</p>')), [['paragraph', 'Body text']]);
});

test('structure: heading levels, quotes and list items own the paragraphs inside them', () => {
  const article = body(
    '<h1>H1</h1><h2>H2</h2><h3>H3</h3><h4>H4</h4><h5>H5</h5><h6>H6</h6>' +
      '<blockquote><p>Quoted one</p><p>Quoted two</p></blockquote>' +
      '<ul><li><p>Item para</p></li><li>Outer<ol><li>Inner</li></ol></li></ul><section>Section text</section>',
  );
  assertWellFormed(article);
  assert.deepEqual(
    article.blocks.map((b) => [b.kind, b.level, article.text.slice(b.start, b.end)]),
    [
      ['heading', 1, 'H1'],
      ['heading', 2, 'H2'],
      ['heading', 3, 'H3'],
      ['heading', 4, 'H4'],
      ['heading', 5, 'H5'],
      ['heading', 6, 'H6'],
      ['quote', undefined, 'Quoted one'],
      ['quote', undefined, 'Quoted two'],
      ['list-item', undefined, 'Item para'],
      ['list-item', undefined, 'Outer'],
      ['list-item', undefined, 'Inner'],
      ['paragraph', undefined, 'Section text'],
    ],
  );
});

test('<pre> keeps its whitespace; table cells stay apart', () => {
  const article = body(
    '<pre>\n  indented\n\tand tabbed  \n\n</pre><table><tr><th>Unit</th><th>Troops</th></tr><tr><td>VDV</td><td>2&nbsp;030</td></tr></table>',
  );
  assert.deepEqual(blockTexts(article), [
    ['paragraph', '  indented\n\tand tabbed'],
    ['paragraph', 'Unit Troops'],
    ['paragraph', 'VDV 2\u00a0030'],
  ]);
  assert.deepEqual(blockTexts(body('<pre>&nbsp;\n \n  x\n</pre>')), [['paragraph', '  x']], 'blank-looking lines at the top go');
  assert.deepEqual(blockTexts(body('<pre>a&#13;&#10;b&#13;c</pre><p>x&#13;y</p>')), [
    ['paragraph', 'a\nb\nc'],
    ['paragraph', 'x y'],
  ]);
});

test('RTL text, emoji sequences and combining marks pass through untouched', () => {
  const text = '«الوضع تحت السيطرة» 👨‍👩‍👧‍👦 🇷🇺 Cafe\u0301 𝟏𝟎';
  assert.deepEqual(blockTexts(body(`<p dir="rtl">${text}</p>`)), [['paragraph', text]]);
});

test('nothing readable gives empty text and no blocks', () => {
  for (const html of [
    '',
    '   ',
    '<!doctype html>',
    '<script>x</script>',
    '<p> </p><p>&nbsp;</p><br><br>',
    '<frameset><frame src="x"></frameset>',
    '<body hidden><p>x</p></body>',
  ]) {
    const article = htmlToArticle(html);
    assert.equal(article.text, '', html);
    assert.deepEqual(article.blocks, [], html);
  }
});

test('very deep nesting does not overflow the stack', () => {
  const article = htmlToArticle('<div>'.repeat(50_000) + 'deep text' + '<b>'.repeat(50_000) + 'bold');
  assert.equal(article.text, 'deep textbold');
});

test('a megabyte-plus page', () => {
  const para = '<p>Protests in <a href="http://x">Kazakhstan</a> began on January 2. 🇰🇿 Cafe\u0301</p><script>bad()</script>\n';
  const article = htmlToArticle(`<article>${para.repeat(15_000)}</article>`);
  assert.equal(article.blocks.length, 15_000);
  assert.equal(article.text.includes('bad()'), false);
  assertWellFormed(article);
});

test('property: any tag soup gives well-formed blocks and never leaks script text', () => {
  const token = fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<li>',
      '<h2>',
      '</h2>',
      '<blockquote>',
      '<br>',
      '<b>',
      '</b>',
      '<!--',
      '-->',
      '<![CDATA[',
      ']]>',
      '&amp;',
      '&nbsp;',
      ' ',
      '\n',
      '<pre>',
      '</pre>',
      '<div hidden>',
      '</div>',
      '<svg>',
      '<table><td>',
    ),
    fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')),
  );
  // Before the script, a CDATA opener is a bogus comment that ends at the script's own '>', which
  // really does turn SECRET into visible text; every other token leaves the script a script.
  const beforeToken = token.filter((t) => t !== '<![CDATA[');
  fc.assert(
    fc.property(fc.array(beforeToken, { maxLength: 30 }), fc.array(token, { maxLength: 10 }), (before, after) => {
      const article = htmlToArticle(`${before.join('')}<script>SECRET</script>${after.join('')}`);
      assertWellFormed(article);
      assert.equal(article.text.includes('SECRET'), false);
    }),
    { numRuns: 300 },
  );
});
