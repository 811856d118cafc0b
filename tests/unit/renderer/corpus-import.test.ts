// Batch import into the library (fake-indexeddb): every article's outcome is reported, a refused
// line never stops the others, the same text is "already in the library", and a cancel leaves
// whole committed batches only.

import 'fake-indexeddb/auto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { corpusReportText, importCorpus, type CorpusOutcome, type CorpusProgress } from '../../../renderer/io/corpus-import.js';
import { withDb } from './with-db.js';

const enc = (s: string) => new TextEncoder().encode(s);
const jsonl = (...rows: unknown[]) => enc(rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n'));

test('a feed with good and bad lines, a plain article and a broken file: each outcome with its line', () =>
  withDb('corpus-mixed', async (db) => {
    const outcomes: CorpusOutcome[] = [];
    const summary = await importCorpus(
      db,
      [
        {
          name: 'feed.jsonl',
          bytes: jsonl(
            { text: 'Protesters gathered in Almaty 🇰🇿.', title: 'Almaty', source: 'Reuters', date: '2022-01-05T10:00:00Z', tags: ['protest'] },
            '{"text": oops}',
            { text: 'مرحبا — second article.', language: 'ar' },
            { title: 'no text' },
            { text: 'Protesters gathered in Almaty 🇰🇿.' },
          ),
        },
        { name: 'one.txt', bytes: enc('date 2022-01-07\nA plain article.') },
        { name: 'bin.txt', bytes: new Uint8Array([0, 1, 2, 3, 0, 0]) },
        { name: 'broken.csv', bytes: enc('title\nno text column\n') },
      ],
      (p) => outcomes.push(...p.outcomes),
    );
    assert.deepEqual(summary, { added: 3, existing: 1, refused: 4, skipped: 0, cancelled: false });
    const by = (file: string, line?: number) => outcomes.find((o) => o.file === file && o.line === line)!;
    assert.equal(by('feed.jsonl', 1).status, 'added');
    assert.match(by('feed.jsonl', 2).reason!, /not valid JSON at column 10/);
    assert.equal(by('feed.jsonl', 3).status, 'added');
    assert.match(by('feed.jsonl', 4).reason!, /no "text"/);
    assert.deepEqual(
      { status: by('feed.jsonl', 5).status, reason: by('feed.jsonl', 5).reason },
      { status: 'existing', reason: 'same text as line 1 of this feed' },
    );
    assert.equal(by('one.txt').status, 'added');
    assert.match(by('bin.txt').reason!, /binary/);
    assert.match(by('broken.csv').reason!, /no "text" column/);
    assert.equal(await db.articles.count(), 3);
    const almaty = await db.articles.get(by('feed.jsonl', 1).docId!);
    assert.equal(almaty?.title, 'Almaty');
    assert.deepEqual(almaty?.metadata, { sourceName: 'feed.jsonl, line 1', date: '2022-01-05', source: 'Reuters', tags: ['protest'] });
    assert.equal((await db.articles.get(by('one.txt').docId!))?.metadata.date, '2022-01-07');
    const report = corpusReportText(summary, outcomes);
    assert.match(report, /^3 added, 1 already in the library, 4 refused\./);
    assert.match(report, /feed\.jsonl, line 2: refused — not valid JSON/);
  }));

test('importing the same feed again adds nothing: every article is already in the library', () =>
  withDb('corpus-again', async (db) => {
    const feed = { name: 'f.csv', bytes: enc('text,title\n"a, b",A\nc,C\n') };
    await importCorpus(db, [feed], () => {});
    const outcomes: CorpusOutcome[] = [];
    const again = await importCorpus(db, [{ ...feed, name: 'g.csv' }], (p) => outcomes.push(...p.outcomes));
    assert.deepEqual(again, { added: 0, existing: 2, refused: 0, skipped: 0, cancelled: false });
    assert.deepEqual(
      outcomes.map((o) => o.reason),
      ['same text as “A”', 'same text as “C”'],
    );
    assert.equal(await db.articles.count(), 2);
  }));

test('cancel: the batches committed stay whole, the rest is not written, and the counts agree with the library', () =>
  withDb('corpus-cancel', async (db) => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ text: `Article number ${i} — ✓` }));
    let stop = false;
    const progress: CorpusProgress[] = [];
    const summary = await importCorpus(
      db,
      [{ name: 'big.jsonl', bytes: jsonl(...rows) }],
      (p) => {
        progress.push(p);
        if (p.stage === 'saving' && p.done >= 100) stop = true;
      },
      () => stop,
      50,
    );
    assert.deepEqual(summary, { added: 100, existing: 0, refused: 0, skipped: 150, cancelled: true });
    assert.equal(await db.articles.count(), 100);
    const stored = await db.articles.toArray();
    assert.ok(stored.every((a) => a.text.startsWith('Article number ') && a.blocks.length > 0));
    assert.deepEqual(
      progress.filter((p) => p.stage === 'saving').map((p) => p.done),
      [0, 50, 100],
    );
  }));
