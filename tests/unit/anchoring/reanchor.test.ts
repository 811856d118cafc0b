// Re-anchoring (issue 13 item 7/9): the sample article is edited the way an updated wire story
// changes (a corrected figure, an added paragraph before the casualties, re-flowed whitespace) and
// every annotation must land on its intended words or be listed as an orphan. The intended place
// is computed independently of the matcher, by mapping the old offsets through the edits.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { anchorIn, quoteContext, reanchor, reanchorOne, reanchorText, type OldAnchor, type Placement } from '../../../src/anchoring/reanchor.js';

const corpus = new URL('../../../../shared/corpus/', import.meta.url);
const sample = readFileSync(new URL('kazakhstan-2022-01-07.txt', corpus), 'utf8');

interface Edit {
  readonly at: number;
  readonly remove: number;
  readonly insert: string;
}

/** Applies non-overlapping edits (any order) and maps old offsets through them. */
function applyEdits(text: string, edits: readonly Edit[]): { text: string; map: (offset: number) => number } {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.at) + e.insert;
    pos = e.at + e.remove;
  }
  out += text.slice(pos);
  const map = (offset: number): number => {
    let shift = 0;
    for (const e of sorted) {
      if (offset <= e.at) break;
      // An offset inside a replaced range keeps its distance from the start, clamped to the insert.
      if (offset < e.at + e.remove) return e.at + shift + Math.min(offset - e.at, e.insert.length);
      shift += e.insert.length - e.remove;
    }
    return offset + shift;
  };
  return { text: out, map };
}

/** The n-th (0-based) occurrence of `quote` in the sample, as an annotation. */
function nth(id: string, quote: string, n = 0): { id: string; start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= n; i++) {
    at = sample.indexOf(quote, at + 1);
    assert.notEqual(at, -1, `"${quote}" #${n} is in the sample`);
  }
  return { id, start: at, end: at + quote.length };
}

const annotations = [
  nth('claim-waves', 'at least six waves of terrorist attacks in Almaty'),
  nth('claim-trained', 'are very well trained and organized'),
  nth('claim-center', 'they are commanded from some single center'),
  nth('claim-20k', 'at least 20 thousand radicals'),
  nth('casualty-18', '18'),
  nth('casualty-sentence', 'Their number increased to 18, two of them were beheaded'),
  nth('beheaded', 'two of them were beheaded'),
  nth('alma-ata-1', 'Alma-Ata', 0),
  nth('alma-ata-3', 'Alma-Ata', 2),
  nth('alma-ata-5', 'Alma-Ata', 4),
  nth('csto-2', 'CSTO', 1),
  nth('tokayev-2', 'Kassym-Zhomart Tokayev', 1),
  nth('deploy-forces', 'send collective peacekeeping forces to the republic'),
  nth('deploy-belarus', 'Belarusian peacekeepers arrived in Kazakhstan'),
  nth('damage', 'about $ 200 million'),
  nth('kazakhstan-7', 'Kazakhstan', 6),
  nth('airport', 'The airport was previously attacked.'),
];

/** The three edits of issue 13 item 9, plus whitespace reflowed in several paragraphs. */
function wireUpdate(): Edit[] {
  const edits: Edit[] = [];
  const eighteen = sample.indexOf('increased to 18') + 'increased to '.length;
  edits.push({ at: eighteen, remove: 2, insert: '19' });
  const casualties = sample.indexOf('It also became known about the security forces');
  edits.push({
    at: casualties,
    remove: 0,
    insert:
      'Updated at 14:05: the Interior Ministry said that more than 4,000 people had been detained in Almaty, Alma-Ata region and elsewhere, and the CSTO confirmed the arrival of its first units.\n\n',
  });
  // Reflow: hard-wrap the first paragraph at about 60 columns, and double every space in the
  // "head of state" paragraph, as an editor re-flowing the story might.
  const firstEnd = sample.indexOf('\n');
  let col = 0;
  for (let i = 0; i < firstEnd; i++) {
    col++;
    if (sample[i] === ' ' && col > 60) {
      edits.push({ at: i, remove: 1, insert: '\n' });
      col = 0;
    }
  }
  const head = sample.indexOf('The head of state also noted');
  const headEnd = sample.indexOf('\n', head);
  for (let i = head; i < headEnd; i++) if (sample[i] === ' ' && i % 3 === 0) edits.push({ at: i, remove: 1, insert: '  ' });
  return edits;
}

test('the sample article after a wire update: every annotation lands on its intended words', () => {
  const { text, map } = applyEdits(sample, wireUpdate());
  assert.ok(text.includes('increased to 19') && !text.includes('increased to 18'));
  assert.ok(text.includes('Updated at 14:05'));
  const anchors = annotations.map((a) => anchorIn(sample, a));
  const report = reanchor(text, anchors);
  assert.equal(report.all.length, annotations.length, 'nothing dropped');
  for (const [i, r] of report.all.entries()) {
    const a = annotations[i]!;
    assert.equal(r.id, a.id);
    if (r.status === 'orphan') assert.fail(`${a.id} became an orphan (${r.reason}) although its words are still there`);
    const want = { start: map(a.start), end: map(a.end) };
    assert.deepEqual({ start: r.start, end: r.end }, want, `${a.id}: "${r.quote}" should be "${text.slice(want.start, want.end)}"`);
    const unchanged = want.start === a.start && want.end === a.end && r.quote === sample.slice(a.start, a.end);
    assert.equal(r.status, unchanged ? 'exact' : 'moved', a.id);
  }
  const eighteen = report.all.find((r) => r.id === 'casualty-18') as Placement;
  assert.equal(eighteen.quote, '19');
  assert.equal(eighteen.quoteErrors, 1);
  // Some quotes had whitespace reflowed inside them: still placed, on the same words.
  const reflowed = report.moved.filter((r) => r.quote !== r.was.quote && !r.was.quote.includes('18'));
  assert.ok(reflowed.length >= 2, reflowed.map((r) => r.id).join());
  for (const r of reflowed) assert.equal(r.quote.replace(/\s+/g, ' '), r.was.quote.replace(/\s+/g, ' '), r.id);
});

test('a deleted sentence makes an orphan that keeps its quote; the rest still land', () => {
  const edits = wireUpdate();
  const gone = sample.indexOf(' The airport was previously attacked.');
  edits.push({ at: gone, remove: ' The airport was previously attacked.'.length, insert: '' });
  const { text, map } = applyEdits(sample, edits);
  const report = reanchor(
    text,
    annotations.map((a) => anchorIn(sample, a)),
  );
  assert.deepEqual(
    report.orphans.map((o) => [o.id, o.quote]),
    [['airport', 'The airport was previously attacked.']],
  );
  for (const p of [...report.exact, ...report.moved]) {
    const a = annotations.find((x) => x.id === p.id)!;
    assert.deepEqual([p.start, p.end], [map(a.start), map(a.end)], p.id);
  }
});

test('an unchanged text re-anchors everything exactly', () => {
  const report = reanchorText(sample, sample, annotations);
  assert.equal(report.exact.length, annotations.length);
  assert.deepEqual(
    report.exact.map((p) => [p.start, p.end]),
    annotations.map((a) => [a.start, a.end]),
  );
});

test('repeated quotes: the context picks the right occurrence after text is inserted before both', () => {
  const old = 'Police said 12 were killed. Officials said 12 were injured.';
  const a = anchorIn(old, { id: 'b', start: old.lastIndexOf('12'), end: old.lastIndexOf('12') + 2 });
  const now = 'UPDATE. ' + old.replace('Police said', 'Police in Almaty said');
  const r = reanchorOne(now, a);
  assert.equal(r.status, 'moved');
  assert.equal(r.start, now.lastIndexOf('12'));
  const first = anchorIn(old, { id: 'a', start: old.indexOf('12'), end: old.indexOf('12') + 2 });
  assert.equal((reanchorOne(now, first) as Placement).start, now.indexOf('12'));
});

test('the quote still at its old position but as another occurrence: the context moves it to its own', () => {
  const old = 'Police: 12 dead. Army: 12 hurt.';
  const a = anchorIn(old, { id: 'hurt', start: 23, end: 25 });
  const now = 'Army: 12 hurt. Police: 12 dead.';
  assert.equal(now.slice(23, 25), '12');
  const r = reanchorOne(now, a) as Placement;
  assert.equal(r.status, 'moved');
  assert.equal(r.start, now.indexOf('12 hurt'));
});

test('the old position holding the same quote with half-agreeing context loses to the occurrence whose context agrees', () => {
  const old = 'The governor said that 12 people died. The mayor said that 12 people were hurt.';
  const second = old.lastIndexOf('12');
  const a = anchorIn(old, { id: 'hurt', start: second, end: second + 2 });
  const pad = 'x'.repeat(second - old.indexOf('12'));
  const now = pad + old;
  assert.equal(now.slice(second, second + 2), '12');
  const r = reanchorOne(now, a) as Placement;
  assert.equal(r.start, now.lastIndexOf('12'));
});

test('a repeated quote whose own occurrence was deleted becomes an orphan, not the other occurrence', () => {
  const old = 'Alma-Ata airport was seized. Crowds gathered in the square of Alma-Ata at noon.';
  const a = anchorIn(old, { id: 'x', start: old.lastIndexOf('Alma-Ata'), end: old.lastIndexOf('Alma-Ata') + 8 });
  const now = 'Alma-Ata airport was seized. The rest of the report has been withdrawn by the agency.';
  assert.equal(reanchorOne(now, a).status, 'orphan');
});

test('a unique phrase whose surroundings were rewritten still lands, as moved', () => {
  const old = 'Officials said that 26 armed criminals were killed on Friday.';
  const q = '26 armed criminals were killed';
  const a = anchorIn(old, { id: 'p', start: old.indexOf(q), end: old.indexOf(q) + q.length });
  const now = 'According to a statement read on state television, 26 armed criminals were killed overnight.';
  const r = reanchorOne(now, a) as Placement;
  assert.equal(r.status, 'moved');
  assert.equal(r.start, now.indexOf(q));
});

test('emoji and combining marks around the quote: placements never cut a cluster', () => {
  const old = 'Residents wrote 🔥🔥 Almaty is burning 👨‍👩‍👧‍👦 and the Cafe\u0301 Dostyk was looted.';
  const q = 'Almaty is burning';
  const a = anchorIn(old, { id: 'q', start: old.indexOf(q), end: old.indexOf(q) + q.length });
  assert.ok(a.prefix!.endsWith('🔥🔥 ') && a.suffix!.startsWith(' 👨‍👩‍👧‍👦'));
  const now = '🇰🇿 ' + old.replace('🔥🔥', '🔥🔥🔥');
  const r = reanchorOne(now, a) as Placement;
  assert.equal(r.status, 'moved');
  assert.equal(r.quote, q);
  // "Cafe" followed by a combining acute is "Café": a quote "Cafe" must not land inside it.
  const plain = 'the Cafe Zhibek';
  const cafe = anchorIn(plain, { id: 'c', start: 4, end: 8 });
  const accented = 'the Cafe\u0301 Zhibek, near the old Cafe Zhibek';
  const rc = reanchorOne(accented, cafe) as Placement;
  assert.notEqual(rc.status, 'orphan');
  assert.equal(rc.start, accented.lastIndexOf('Cafe'));
  // An approximate match is widened to whole clusters, so a surrogate pair is never cut.
  const flagOld = 'troops from Russia 🇷🇺 arrived';
  const fa = anchorIn(flagOld, { id: 'f', start: flagOld.indexOf('Russia 🇷🇺'), end: flagOld.indexOf('🇷🇺') + 4 });
  const flagNew = 'troops from Russia 🇧🇾 arrived';
  const rf = reanchorOne(flagNew, fa) as Placement;
  assert.equal(rf.status, 'moved');
  assert.equal(rf.quote, 'Russia 🇧🇾');
});

test('context counts code points, so an astral character is never split', () => {
  const text = '𝟐'.repeat(40) + 'X' + '𝟐'.repeat(40);
  const { prefix, suffix } = quoteContext(text, 80, 81);
  assert.equal([...prefix].length, 32);
  assert.equal([...suffix].length, 32);
  assert.ok(!/[\uD800-\uDBFF]$/.test(prefix) && !/^[\uDC00-\uDFFF]/.test(suffix));
});

test('RTL text and CRLF-free reflow: Arabic quote follows an inserted line', () => {
  const old = 'An outlet quoted a diplomat: «الوضع تحت السيطرة» (the situation is under control).';
  const q = 'الوضع تحت السيطرة';
  const a = anchorIn(old, { id: 'r', start: old.indexOf(q), end: old.indexOf(q) + q.length });
  const now = 'Correction appended.\n' + old.replace('quoted a diplomat:', 'quoted a\ndiplomat:');
  const r = reanchorOne(now, a) as Placement;
  assert.equal(r.quote, q);
  assert.equal(r.start, now.indexOf(q));
});

test('empty quote and vanished text are orphans with their quote, never thrown away', () => {
  const a: OldAnchor = { id: 'e', start: 0, end: 0, quote: '' };
  assert.equal(reanchorOne('text', a).status, 'orphan');
  const b = anchorIn('one two three', { id: 'b', start: 4, end: 7 });
  const r = reanchorOne('', b);
  assert.equal(r.status, 'orphan');
  assert.equal(r.quote, 'two');
});

test('a long document: paragraphs inserted throughout, every annotation follows', () => {
  const paragraphs = sample.split('\n\n');
  const long: string[] = [];
  for (let i = 0; i < 40; i++) long.push(...paragraphs.map((p) => `[${i}] ${p}`));
  const old = long.join('\n\n');
  const anchors: OldAnchor[] = [];
  for (let i = 0, at = old.indexOf('Alma-Ata'); at !== -1; at = old.indexOf('Alma-Ata', at + 1), i++) {
    anchors.push(anchorIn(old, { id: `a${i}`, start: at, end: at + 8 }));
  }
  assert.equal(anchors.length, 200);
  const edited = long.map((p, i) => (i % 7 === 0 ? `Inserted paragraph ${i}.\n\n${p}` : p)).join('\n\n');
  const report = reanchor(edited, anchors);
  assert.equal(report.orphans.length, 0);
  const expected: number[] = [];
  for (let at = edited.indexOf('Alma-Ata'); at !== -1; at = edited.indexOf('Alma-Ata', at + 1)) expected.push(at);
  assert.deepEqual(
    report.all.map((r) => (r as Placement).start),
    expected,
  );
});

test('a short quote standing thousands of times: the one in its context is found, wherever it moved', () => {
  const filler = 'In 18 districts 18 roads were closed. '.repeat(3000);
  const old = `${filler}Officials said 18 people died in Almaty. ${filler}`;
  const at = old.indexOf('18 people');
  const a = anchorIn(old, { id: 'd', start: at, end: at + 2 });
  // The paragraph moved to the very start, far beyond the window searched first.
  const now = `Officials said 18 people died in Almaty. ${filler}${filler}`;
  const r = reanchorOne(now, a) as Placement;
  assert.equal(r.status, 'moved');
  assert.equal(r.start, now.indexOf('18 people'));
});
