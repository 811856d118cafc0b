// Corpus facts (issue 12, item 8): the per-label facts table across the library's shown articles
// with each article's metadata as columns, built one article at a time (factsBuilder) with exactly
// the columns and rows buildFactsTable makes from the whole list; what the view shows and exports
// (metadata after the document's title and date); and the CSV / JSON Lines of metadata that is
// untrusted feed text: emoji, RTL, combining marks, CRLF, quotes, formula-looking cells, empty.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Annotation } from '../../../src/annotations/types.js';
import { buildFactsTable, factsBuilder, METADATA_COLUMNS, type FactsDocument } from '../../../src/facts/facts-table.js';
import { shownTable, viewColumns } from '../../../src/facts/facts-query.js';
import { factsToCsv, factsToJsonLines } from '../../../src/facts/csv.js';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';

const T = '2022-01-08T10:15:00.000Z';

function ann(doc: string, text: string, needle: string, extra: Partial<Annotation> & { id: string }): Annotation {
  const start = text.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { docId: doc, label: 'casualty', start, end: start + needle.length, quote: needle, annotator: 'ana', createdAt: T, updatedAt: T, ...extra };
}

const A_TEXT = '👮🏽 Their number increased to 18. CSTO “peacekeepers” arrived.';
const B_TEXT = 'قُتل 5 أشخاص في ألماتي.\nTroops arrived.';

function corpus(): FactsDocument[] {
  return [
    {
      id: 'a',
      title: 'Almaty 🇰🇿, 7 January',
      text: A_TEXT,
      date: '2022-01-07',
      annotations: [
        ann('a', A_TEXT, 'Their number increased to 18', { id: 'c1', attributes: { count: { value: 18, qualifier: 'exact' }, kind: ['killed'] } }),
        ann('a', A_TEXT, 'CSTO “peacekeepers” arrived', { id: 'd1', label: 'deployment', attributes: { force: 'CSTO' } }),
      ],
      metadata: {
        source: '=HYPERLINK("http://x")',
        url: 'https://example.org/a?x=1,2',
        author: 'Aigerim "Ai" Nurlanovna',
        language: 'en',
        tags: ['unrest', 'e\u0301vidence'],
        status: 'in-progress',
      },
    },
    // No annotations: no rows, and it changes nothing.
    { id: 'empty', title: '', text: '', annotations: [], metadata: {} },
    {
      id: 'b',
      title: 'مرحبا — الأخبار',
      text: B_TEXT,
      annotations: [
        // An attribute its label does not define: kept, as a column after the defined ones.
        ann('b', B_TEXT, 'قُتل 5 أشخاص', { id: 'c2', attributes: { count: { value: 5, qualifier: 'exact' }, witness: '+7 777\r\nline two' } }),
      ],
      metadata: { source: 'الجزيرة', language: 'ar', tags: [], status: 'new', author: '@desk' },
    },
  ];
}

test('metadata columns follow the base columns; cells hold the article metadata, tags joined, absent as null', () => {
  const t = buildFactsTable(corpus(), DEFAULT_SCHEMA.labels, { label: 'casualty', metadata: true });
  const keys = t.columns.map((c) => c.key);
  assert.deepEqual(
    keys.slice(8, 14),
    METADATA_COLUMNS.map((c) => c.key),
  );
  assert.deepEqual(keys.slice(8, 14), ['document.source', 'document.url', 'document.author', 'document.language', 'document.tags', 'document.status']);
  assert.equal(keys.at(-3), 'witness');
  assert.deepEqual(
    t.rows.map((r) => [
      r.docId,
      r.cells['document'],
      r.cells['document.source'],
      r.cells['document.tags'],
      r.cells['document.status'],
      r.cells['document.url'],
    ]),
    [
      ['a', 'Almaty 🇰🇿, 7 January', '=HYPERLINK("http://x")', 'unrest; e\u0301vidence', 'in-progress', 'https://example.org/a?x=1,2'],
      ['b', 'مرحبا — الأخبار', 'الجزيرة', null, 'new', null],
    ],
  );
  // The first row was made before "witness" was seen: it has the cell, not set.
  assert.equal(t.rows[0]!.cells['witness'], null);
  assert.equal(t.rows[1]!.cells['witness'], '+7 777\r\nline two');
  // Without the option the table is what it always was: no metadata columns.
  const plain = buildFactsTable(corpus(), DEFAULT_SCHEMA.labels, { label: 'casualty' });
  assert.equal(
    plain.columns.some((c) => c.key.startsWith('document.') && c.key !== 'document.date'),
    false,
  );
});

test('built one article at a time: the same columns and rows as from the whole list, for every label and for none', () => {
  for (const options of [{ label: 'casualty', metadata: true }, { label: 'deployment', metadata: true }, { label: 'claim' }, { metadata: true }, {}]) {
    const whole = buildFactsTable(corpus(), DEFAULT_SCHEMA.labels, options);
    const present = options.label === undefined ? new Set(corpus().flatMap((d) => d.annotations.map((a) => a.label))) : undefined;
    const b = factsBuilder(DEFAULT_SCHEMA.labels, options, present);
    for (const d of corpus()) b.add(d);
    const piecewise = b.table();
    assert.deepEqual(piecewise.columns, whole.columns, JSON.stringify(options));
    assert.deepEqual(piecewise.rows, whole.rows, JSON.stringify(options));
    assert.equal(factsToCsv(piecewise), factsToCsv(whole));
  }
  // Nothing added: the label's columns, no rows.
  const none = factsBuilder(DEFAULT_SCHEMA.labels, { label: 'casualty', metadata: true }).table();
  assert.equal(none.rows.length, 0);
  assert.ok(
    none.columns.some((c) => c.key === 'document.source'),
    'metadata columns without rows',
  );
});

test('the view shows metadata after the title and date, before annotator and review; attribute columns first', () => {
  const t = buildFactsTable(corpus(), DEFAULT_SCHEMA.labels, { label: 'casualty', metadata: true });
  assert.deepEqual(
    viewColumns(t).map((c) => c.key),
    [
      'quote',
      'count',
      'count.qualifier',
      'count.min',
      'count.max',
      'kind',
      'group',
      'place',
      'date',
      'witness',
      'document',
      'document.date',
      'document.source',
      'document.url',
      'document.author',
      'document.language',
      'document.tags',
      'document.status',
      'annotator',
      'review.status',
      'review.decision',
    ],
  );
  // Sort and filter by metadata like any column.
  const byLanguage = shownTable(t, { filters: {}, sort: { key: 'document.language', direction: 'ascending' } });
  assert.deepEqual(
    byLanguage.rows.map((r) => r.annotationId),
    ['c2', 'c1'],
  );
  const arabic = shownTable(t, { filters: { 'document.source': 'الجزيرة' } });
  assert.deepEqual(
    arabic.rows.map((r) => r.annotationId),
    ['c2'],
  );
});

test('CSV of metadata: formula-looking source and author neutralised when asked, quotes and CRLF quoted; JSON Lines exact', () => {
  const shown = shownTable(buildFactsTable(corpus(), DEFAULT_SCHEMA.labels, { label: 'casualty', metadata: true }), { filters: {} });
  const csv = factsToCsv(shown, { bom: true, neutraliseFormulas: true });
  assert.ok(csv.startsWith('\ufeffquote,count,'));
  assert.ok(csv.includes(`"'=HYPERLINK(""http://x"")"`), csv);
  assert.ok(csv.includes(`,'@desk,`), 'a leading @ is neutralised');
  assert.ok(csv.includes(`"'+7 777\r\nline two"`), 'a leading + is neutralised and the CRLF kept inside quotes');
  assert.ok(csv.includes('"Aigerim ""Ai"" Nurlanovna"'), 'quotes doubled');
  assert.ok(csv.includes('"https://example.org/a?x=1,2"'));
  assert.ok(csv.includes('مرحبا — الأخبار') && csv.includes('e\u0301vidence'), 'RTL and combining marks as they are');
  assert.equal(csv.split('\r\n').length - 1, 4, 'header, two records and the CRLF inside a quoted cell');
  const lines = factsToJsonLines(shown).trimEnd().split('\n');
  assert.equal(lines.length, 2);
  const first = JSON.parse(lines[0]!) as Record<string, unknown>;
  assert.equal(first['document.source'], '=HYPERLINK("http://x")');
  assert.equal(first['document.tags'], 'unrest; e\u0301vidence');
  assert.equal((JSON.parse(lines[1]!) as Record<string, unknown>)['document.url'], null);
  // An empty corpus: just the header.
  const empty = shownTable(buildFactsTable([], DEFAULT_SCHEMA.labels, { label: 'casualty', metadata: true }), { filters: {} });
  assert.equal(factsToCsv(empty).split('\r\n').length, 2);
  assert.equal(factsToJsonLines(empty), '');
});
