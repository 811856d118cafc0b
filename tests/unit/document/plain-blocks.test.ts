// Blocks are how plain and Markdown articles render; these pin the partition rules and check that
// no visible character is ever lost from, or shown twice in, the block list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { markdownBlocks, plainTextBlocks } from '../../../src/document/plain-blocks.js';
import type { Block } from '../../../src/document/article.js';
import { normalizeNewlines } from '../../../src/text/newlines.js';
import { splitsSurrogatePair } from '../../../src/text/offsets.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);

/** Ordered, disjoint, non-blank, and together they hold every non-whitespace character once. */
function assertWellFormed(text: string, blocks: readonly Block[]): void {
  let previousEnd = 0;
  const covered = new Uint8Array(text.length);
  for (const b of blocks) {
    assert.ok(b.start >= previousEnd && b.start < b.end && b.end <= text.length, `block ${b.start}..${b.end} in order`);
    assert.match(text.slice(b.start, b.end), /\S/, 'block has text');
    assert.equal(splitsSurrogatePair(text, b.start) || splitsSurrogatePair(text, b.end), false);
    assert.equal(b.level !== undefined, b.kind === 'heading', 'only headings have a level');
    covered.fill(1, b.start, b.end);
    previousEnd = b.end;
  }
  for (let i = 0; i < text.length; i++) {
    if (!covered[i] && /\S/.test(text[i]!)) assert.fail(`character ${JSON.stringify(text[i])} at ${i} is in no block`);
  }
}

const slices = (text: string, blocks: readonly Block[]) => blocks.map((b) => [b.kind, text.slice(b.start, b.end)]);

test('blank lines separate paragraphs; single newlines stay inside one', () => {
  const text = 'First line\nstill first.\n\nSecond.\n \t \n\n\nThird\n';
  const blocks = plainTextBlocks(text);
  assert.deepEqual(slices(text, blocks), [
    ['paragraph', 'First line\nstill first.'],
    ['paragraph', 'Second.'],
    ['paragraph', 'Third'],
  ]);
  assertWellFormed(text, blocks);
});

test('lines keep their indentation and trailing spaces; blank lines at the ends are not blocks', () => {
  const text = '\n \n  indented\n  more  \n\n\u00a0\n';
  assert.deepEqual(slices(text, plainTextBlocks(text)), [['paragraph', '  indented\n  more  ']]);
});

test('nothing to show means no blocks', () => {
  for (const text of ['', ' ', '\n\n', ' \t\n\u00a0\n\u3000']) {
    assert.deepEqual(plainTextBlocks(text), []);
    assert.deepEqual(markdownBlocks(text), []);
  }
});

test('a date alone on its line is a dateline block; run into a sentence it stays in the paragraph', () => {
  const alone = 'date 2022-01-07  \nKazakh President said.\n\nMore.';
  assert.deepEqual(slices(alone, plainTextBlocks(alone)), [
    ['dateline', 'date 2022-01-07'],
    ['paragraph', 'Kazakh President said.'],
    ['paragraph', 'More.'],
  ]);
  const separate = '  date 2022-01-07\n\nBody.';
  assert.deepEqual(plainTextBlocks(separate), [
    { kind: 'dateline', start: 2, end: 17 },
    { kind: 'paragraph', start: 19, end: 24 },
  ]);
  const inline = ' date 2022-01-07 Kazakh President said.\n\nMore.';
  assert.deepEqual(slices(inline, plainTextBlocks(inline)), [
    ['paragraph', ' date 2022-01-07 Kazakh President said.'],
    ['paragraph', 'More.'],
  ]);
  const impossible = 'date 2022-02-30\nText';
  assert.deepEqual(slices(impossible, plainTextBlocks(impossible)), [['paragraph', 'date 2022-02-30\nText']]);
  const onlyDate = '\ndate 2022-01-07\n';
  assert.deepEqual(slices(onlyDate, markdownBlocks(onlyDate)), [['dateline', 'date 2022-01-07']]);
});

test('every corpus text file: one block per paragraph, first block holds the inline date', () => {
  for (const name of readdirSync(corpus).filter((n) => n.endsWith('.txt'))) {
    const text = normalizeNewlines(readFileSync(new URL(name, corpus), 'utf8'));
    const blocks = plainTextBlocks(text);
    assertWellFormed(text, blocks);
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim() !== '');
    assert.equal(blocks.length, paragraphs.length, name);
    assert.ok(
      blocks.every((b) => b.kind === 'paragraph'),
      `${name}: dates are inline, so no dateline block`,
    );
    assert.match(text.slice(blocks[0]!.start, blocks[0]!.end), /^\s?date \d{4}-\d{2}-\d{2} \S/, name);
    assertWellFormed(text, markdownBlocks(text));
  }
  const kz = readFileSync(new URL('kazakhstan-2022-01-07.txt', corpus), 'utf8');
  const blocks = plainTextBlocks(kz);
  assert.equal(blocks[0]!.start, 0);
  assert.equal(blocks.at(-1)!.end, kz.length);
  assert.equal(
    kz.slice(blocks.at(-1)!.start, blocks.at(-1)!.end),
    'On January 7, Russian peacekeepers, together with Kazakhstani law enforcement agencies, took full control of the Alma-Ata airport. It was noted that the CSTO peacekeepers help Kazakhstani law enforcement officers maintain law and order. The airport was previously attacked.',
  );
});

test('markdown headings, with their level, and only with a space after the hashes', () => {
  const text = '# One\n\n###### Six\n\n####### seven\n\n#nospace\n\n   ## Indented two ##\n## Heading\nright before a paragraph';
  const blocks = markdownBlocks(text);
  assert.deepEqual(
    blocks.map((b) => [b.kind, b.level, text.slice(b.start, b.end)]),
    [
      ['heading', 1, '# One'],
      ['heading', 6, '###### Six'],
      ['paragraph', undefined, '####### seven'],
      ['paragraph', undefined, '#nospace'],
      ['heading', 2, '   ## Indented two ##'],
      ['heading', 2, '## Heading'],
      ['paragraph', undefined, 'right before a paragraph'],
    ],
  );
  assertWellFormed(text, blocks);
});

test('markdown lists: one block per item, continuation lines stay with their item', () => {
  const text = 'Intro:\n- alpha\n* beta\n  wrapped beta\n+ gamma\n1. one\n12) twelve\n\n-not a list\n\n**bold** is not a list';
  const blocks = markdownBlocks(text);
  assert.deepEqual(slices(text, blocks), [
    ['paragraph', 'Intro:'],
    ['list-item', '- alpha'],
    ['list-item', '* beta\n  wrapped beta'],
    ['list-item', '+ gamma'],
    ['list-item', '1. one'],
    ['list-item', '12) twelve'],
    ['paragraph', '-not a list'],
    ['paragraph', '**bold** is not a list'],
  ]);
  assertWellFormed(text, blocks);
});

test('markdown quotes take their lines and lazy continuations; the source is never rewritten', () => {
  const text = '> “The peacekeeping forces will stay,”\n> Pashinyan wrote.\nlazy line\n\n>no space\n\nAfter.';
  const blocks = markdownBlocks(text);
  assert.deepEqual(slices(text, blocks), [
    ['quote', '> “The peacekeeping forces will stay,”\n> Pashinyan wrote.\nlazy line'],
    ['quote', '>no space'],
    ['paragraph', 'After.'],
  ]);
  assert.deepEqual(
    slices(text, plainTextBlocks(text)).map(([k]) => k),
    ['paragraph', 'paragraph', 'paragraph'],
  );
});

test('a markdown article with a dateline, heading, list and RTL text', () => {
  const text = 'date 2022-01-08\n# Алматы — wire report 🇰🇿\n\nA diplomat: «الوضع تحت السيطرة».\n\n- Russia 🇷🇺\n- Belarus 🇧🇾\n';
  assert.deepEqual(slices(text, markdownBlocks(text)), [
    ['dateline', 'date 2022-01-08'],
    ['heading', '# Алматы — wire report 🇰🇿'],
    ['paragraph', 'A diplomat: «الوضع تحت السيطرة».'],
    ['list-item', '- Russia 🇷🇺'],
    ['list-item', '- Belarus 🇧🇾'],
  ]);
});

test('more than a megabyte, in both flavours', () => {
  const unit = 'date-free paragraph with Cafe\u0301 and 👨‍👩‍👧‍👦\nsecond line\n\n- item\n> quote\n\n# Heading\n\n';
  const text = unit.repeat(Math.ceil(1_100_000 / unit.length));
  const plain = plainTextBlocks(text);
  const md = markdownBlocks(text);
  const repeats = Math.ceil(1_100_000 / unit.length);
  assert.equal(plain.length, repeats * 3);
  assert.equal(md.length, repeats * 4);
  assertWellFormed(text, plain);
  assertWellFormed(text, md);
});

const lineish = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\n\n', ' \n \n', ' ', '\t', '# ', '## ', '- ', '1. ', '> ', 'date 2022-01-07', '\u00a0', '\u2028'),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 3 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

test('property: blocks cover every non-whitespace character exactly once, in order', () => {
  fc.assert(
    fc.property(lineish, (text) => {
      const plain = plainTextBlocks(text);
      assertWellFormed(text, plain);
      assertWellFormed(text, markdownBlocks(text));
      // Plain paragraphs never contain a blank line and are never adjacent without one.
      for (const [i, b] of plain.entries()) {
        if (b.kind === 'paragraph') assert.equal(/\n\s*\n/.test(text.slice(b.start, b.end)), false);
        const next = plain[i + 1];
        if (next && b.kind === 'paragraph') assert.match(text.slice(b.end, next.start), /\n\s*\n/);
      }
    }),
    { numRuns: 300 },
  );
});
