// The labeled JSON contract through the UI: export what was tagged (offsets in code points, in
// every script), import it back idempotently, and refuse invalid files without changing anything.

import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { SpanmarkApp, corpusPath } from './pages/app.js';
import { articleFromCorpus, colleagueExport, sampleArticle } from './fixtures/exports.js';
import { readStored, storedMine } from './pages/stored.js';

// Exports are contract v2 by default (v1 stays available as Export v1…).
const schema = JSON.parse(readFileSync(new URL('../../src/codecs/spanmark-v2/schema.json', import.meta.url), 'utf8')) as object;

interface ExportFile {
  format: string;
  version: number;
  offsetUnit: string;
  exportedAt: string;
  schema: { labels: { id: string }[] };
  documents: {
    id: string;
    title: string;
    sha256: string;
    text: string;
    metadata: { date?: string };
    annotations: { id: string; label: string; start: number; end: number; quote: string; annotator: string; note?: string }[];
  }[];
}

function checkWithPython(json: string): string {
  return execFileSync(
    'python3',
    [
      '-c',
      `
import json, sys, hashlib
f = json.load(sys.stdin)
n = 0
for d in f["documents"]:
    assert hashlib.sha256(d["text"].encode("utf-8")).hexdigest() == d["sha256"]
    for a in d["annotations"]:
        assert d["text"][a["start"]:a["end"]] == a["quote"], (a, d["text"][a["start"]:a["end"]])
        n += 1
print(n)
`,
    ],
    { input: json, encoding: 'utf8' },
  ).trim();
}

test('tagging in every script exports code-point offsets that Python and JavaScript both slice exactly', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openFile(corpusPath('unicode-edge-cases.txt'));
  await expect(page.getByTestId('article-date')).toHaveAttribute('datetime', '2022-01-08');
  const picks: [string, 'claim' | 'casualty' | 'deployment', { alt?: boolean }?][] = [
    ['Қасым-Жомарт Тоқаев', 'claim'],
    ['16 security officers dead 😢', 'casualty'],
    ['we are staying home 👨‍👩‍👧‍👦', 'claim'],
    ['Cafe\u0301 Zhibek Zholy', 'deployment'],
    ['الوضع تحت السيطرة', 'claim'],
    ['Russia 🇷🇺, Belarus 🇧🇾', 'deployment'],
    ['𝟐𝟎 thousand', 'claim'],
    ['Нұр-Сұлтан', 'deployment'],
  ];
  for (const [quote, label, opts] of picks) {
    await app.select(quote, opts ?? {});
    await app.tag(label);
  }
  await expect(app.rows()).toHaveCount(picks.length);
  const exported = await app.exportDocument();
  expect(exported.name).toBe('unicode-edge-cases.spanmark.json');
  const file = exported.json as ExportFile;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  expect(ajv.validate(schema, file), JSON.stringify(ajv.errors)).toBe(true);
  expect([file.format, file.version, file.offsetUnit]).toEqual(['spanmark', 2, 'codepoint']);
  expect(file.schema.labels.map((l) => l.id)).toEqual(['claim', 'casualty', 'deployment']);
  const doc = file.documents[0]!;
  expect(doc.text).not.toContain('\r');
  expect(doc.metadata.date).toBe('2022-01-08');
  const quotes = doc.annotations.map((a) => [...doc.text].slice(a.start, a.end).join(''));
  expect(quotes).toEqual(doc.annotations.map((a) => a.quote));
  expect(new Set(doc.annotations.map((a) => a.quote))).toEqual(new Set(picks.map(([q]) => q)));
  expect(doc.annotations.every((a) => a.annotator === 'Dana')).toBe(true);
  expect(checkWithPython(exported.text)).toBe(String(picks.length));
});

test('export then import into an empty library restores everything; re-importing changes nothing', async ({ page, browser }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Kassym-Zhomart Tokayev');
  await app.tag('claim');
  await app.select('18, two of them were beheaded');
  await app.tag('casualty');
  await app.clickText('beheaded');
  await page.getByTestId('note-input').fill('two of the 18');
  const saved = await app.armSaved();
  await page.getByTestId('save-note').click();
  await saved();
  const { json } = await app.exportLibrary();
  const buffer = Buffer.from(JSON.stringify(json));

  // Re-importing into the same library: nothing added, nothing duplicated.
  await app.importBuffer('library.spanmark.json', buffer);
  await expect(app.infoMessage().last()).toContainText('0 added, 0 updated, 2 unchanged');
  await expect(app.rows()).toHaveCount(2);

  // A fresh profile is another installation (another analyst id): it gets the same document, and
  // the tags, note and all, as the layer of a colleague who happens to share the default name.
  const mine = json as { exportedBy: { id: string }; documents: { annotations: unknown[] }[] };
  const other = await browser.newContext();
  const fresh = new SpanmarkApp(await other.newPage());
  await fresh.goto();
  await fresh.importBuffer('library.spanmark.json', buffer);
  await expect(fresh.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await fresh.rowTexts()).toEqual([]);
  await fresh.page.getByTestId('tab-review').click();
  await expect(fresh.page.locator('[data-testid="layer-row"][data-annotator="analyst (2)"] [data-testid="layer-count"]')).toHaveText('2');
  const passedOn = (await fresh.exportAllLayers()).json as typeof mine;
  expect(passedOn.documents[0]!.annotations).toEqual(mine.documents[0]!.annotations);
  await other.close();
});

test('invalid files are refused with what and where, and the library is left exactly as it was', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  const { json } = await app.exportDocument();
  const good = json as ExportFile;
  // Each bad file also carries a valid new annotation: it must not be written either.
  const variant = (f: (x: ExportFile) => void) => {
    const copy = structuredClone(good);
    const doc = copy.documents[0]!;
    doc.annotations.push({ ...doc.annotations[0]!, id: 'extra', start: 1, end: 5, quote: [...doc.text].slice(1, 5).join('') });
    f(copy);
    return Buffer.from(JSON.stringify(copy));
  };
  const cases: [string, Buffer, RegExp][] = [
    ['broken.json', Buffer.from('{"format": "spanmark", "version": 1,'), /broken\.json.*(JSON|line)/i],
    ['future.json', variant((x) => (x.version = 3)), /future\.json.*version 3/i],
    ['outside.json', variant((x) => (x.documents[0]!.annotations[0]!.end = 99_999)), /outside\.json.*documents\[0\]\.annotations\[0\]/],
    ['quote.json', variant((x) => (x.documents[0]!.annotations[0]!.quote = 'Astana')), /quote\.json.*documents\[0\]\.annotations\[0\].*quote/i],
    ['label.json', variant((x) => (x.documents[0]!.annotations[0]!.label = 'rumour')), /label\.json.*documents\[0\]\.annotations\[0\]/],
    ['text.json', variant((x) => (x.documents[0]!.text = x.documents[0]!.text + ' ')), /text\.json.*sha256/i],
  ];
  for (const [name, buffer, message] of cases) {
    const shown = await app.importRefused(name, buffer);
    expect(shown).toMatch(/Nothing was imported/);
    expect(shown).toMatch(message);
  }
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
  await page.reload();
  await expect(app.rows()).toHaveCount(1);
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
});

test('exporting the open document gives every committed edit: one still saving, and one made in a window this one never heard of', async ({ context }) => {
  const deaf = await context.newPage();
  // This window misses the other window's change notices, so its memory of the layer falls
  // behind the database; the export must still hold what the database holds.
  await deaf.addInitScript(() => {
    (window as unknown as { BroadcastChannel: unknown }).BroadcastChannel = class {
      onmessage: unknown = null;
      postMessage(): void {}
      close(): void {}
      addEventListener(): void {}
      removeEventListener(): void {}
    };
  });
  const a = new SpanmarkApp(deaf);
  await a.goto();
  await a.openSample();
  await a.select('Almaty');
  await a.tag('deployment');

  const b = new SpanmarkApp(await context.newPage());
  await b.goto();
  await expect(b.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await b.select('Twitter');
  await b.tag('claim');
  expect(await a.rowTexts()).toEqual(['deployment:Almaty']);

  // A label key and the export click straight after it, without waiting for the save.
  await a.select('Tokayev');
  await a.page.keyboard.press('2');
  const exported = (await a.exportDocument()).json as ExportFile;
  const got = exported.documents[0]!.annotations.map((x) => `${x.label}:${x.quote}`).sort();
  expect(got).toEqual(['casualty:Tokayev', 'claim:Twitter', 'deployment:Almaty']);
});

test('an older copy of my annotation, its time spelled another way, never overwrites my newer edit', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  const { json } = await app.exportDocument();
  const mine = (json as ExportFile).documents[0]!.annotations[0]! as ExportFile['documents'][0]['annotations'][0] & { updatedAt: string };
  const edited = Date.parse(mine.updatedAt);
  // Each spelling is one second before my edit, yet sorts after it as a string: +05:00, no
  // milliseconds with lower-case t/z, and Python's isoformat() with microseconds.
  const older = new Date(edited - 1000);
  const iso = older.toISOString();
  const plus5 = new Date(older.getTime() + 5 * 3600_000).toISOString().slice(0, 19);
  const spellings = [`${plus5}+05:00`, `${iso.slice(0, 19).replace('T', 't')}z`, `${plus5}.${iso.slice(20, 23)}999+05:00`];
  for (const [i, updatedAt] of spellings.entries()) {
    const copy = structuredClone(json as ExportFile);
    Object.assign(copy.documents[0]!.annotations[0]!, { label: 'claim', updatedAt });
    await app.importBuffer(`older-${i}.spanmark.json`, Buffer.from(JSON.stringify(copy)));
    await expect(app.infoMessage().last()).toContainText('kept because your copy is newer');
    expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
  }
  // One second after my edit, in Python's spelling: the import wins.
  const newer = new Date(edited + 1000);
  const copy = structuredClone(json as ExportFile);
  Object.assign(copy.documents[0]!.annotations[0]!, {
    label: 'claim',
    updatedAt: `${new Date(newer.getTime() + 5 * 3600_000).toISOString().slice(0, 23)}000+05:00`,
  });
  await app.importBuffer('newer.spanmark.json', Buffer.from(JSON.stringify(copy)));
  await expect(app.infoMessage().last()).toContainText('1 updated');
  expect(await app.rowTexts()).toEqual(['claim:Almaty']);
});

test('an annotation id another document already uses is this document’s own span: both kept, the other untouched', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  // Files without analyst ids under my name: I say they are mine, so they meet my layer's ids.
  await app.importBuffer('sample.spanmark.json', colleagueExport('Dana', [{ id: 'shared-id', label: 'deployment', quote: 'Almaty' }], sampleArticle()), 'mine');
  const sampleBefore = storedMine(await readStored(page));
  const other = articleFromCorpus('unicode-edge-cases.txt');
  // A new document, a new annotation, and one whose id the sample's annotation already has: ids
  // are per document (as a colleague's are), so it is a span of its own.
  const second = colleagueExport(
    'Dana',
    [
      { id: 'fresh-id', label: 'claim', quote: 'Нұр-Сұлтан' },
      { id: 'shared-id', label: 'claim', quote: '𝟐𝟎 thousand' },
    ],
    other,
  );
  await app.importBuffer('second.spanmark.json', second, 'mine');
  await expect(app.infoMessage().last()).toContainText('2 added');
  const after = storedMine(await readStored(page));
  expect(after.filter((a) => a['docId'] !== other.sha256)).toEqual(sampleBefore);
  expect(after.filter((a) => a['docId'] === other.sha256).map((a) => [a['id'], a['quote']])).toEqual([
    ['fresh-id', 'Нұр-Сұлтан'],
    ['shared-id', '𝟐𝟎 thousand'],
  ]);
});

test('Trusted Types: the app creates its one worker policy and the page can create no other', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.importBuffer('sample.spanmark.json', colleagueExport('analyst', [], sampleArticle()));
  const attempts = await page.evaluate(() =>
    ['sneaky', 'spanmark-import-worker'].map((name) => {
      try {
        (window as unknown as { trustedTypes: { createPolicy(n: string, r: object): unknown } }).trustedTypes.createPolicy(name, {
          createScriptURL: (u: string) => u,
        });
        return `${name}: created`;
      } catch (e) {
        return `${name}: refused (${(e as Error).name})`;
      }
    }),
  );
  expect(attempts).toEqual(['sneaky: refused (TypeError)', 'spanmark-import-worker: refused (TypeError)']);
});

test('imported spans of mine are counted in the library at once and after a reload, and a later edit counts too', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.setAnnotator('Dana');
  const spans = [
    { id: 'c1', label: 'claim', quote: 'Kassym-Zhomart Tokayev' },
    { id: 'k1', label: 'casualty', quote: '18, two of them were beheaded' },
    { id: 'd1', label: 'deployment', quote: 'Almaty' },
  ] as const;
  await app.importBuffer('mine.spanmark.json', colleagueExport('Dana', spans, sampleArticle()), 'mine');
  await expect(app.infoMessage().last()).toContainText('3 added');
  const item = page.locator(`[data-testid="library-item"][data-doc-id="${sampleArticle().sha256}"]`);
  await page.getByTestId('cmd-library').click();
  await expect(item).toContainText('3 annotations');
  await page.reload();
  await page.getByTestId('cmd-library').click();
  await expect(item).toContainText('3 annotations');
  // Open it by keys, tag one more span with a label key: the library counts four.
  await item.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await expect(app.rows()).toHaveCount(3);
  await app.select('Nur-Sultan');
  await app.tag('claim');
  await page.getByTestId('cmd-library').click();
  await expect(item).toContainText('4 annotations');
});

test('a new analyst, by keyboard alone: names themselves, imports an old export of their own, relabels a span in the opened document, and it stays after a reload', async ({
  page,
}) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  // A fresh profile: no name chosen yet, nothing in the library.
  await page.keyboard.press('Control+,');
  // Settings opens with the name field focused: no click, no programmatic focus.
  await expect(page.getByTestId('annotator-input')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Dana');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotator')).toHaveText('Annotating as Dana');

  // Ctrl+I; the file has my name and no analyst ids, so the app asks, and "No" is where the focus starts.
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+i');
  const spans = [
    { id: 'old-1', label: 'claim', quote: 'Tokayev' },
    { id: 'old-2', label: 'deployment', quote: 'Almaty' },
  ];
  await (await chooser).setFiles({ name: 'old.spanmark.json', mimeType: 'application/json', buffer: colleagueExport('Dana', spans) });
  await expect(page.getByTestId('confirm-mine').getByTestId('confirm-no')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('confirm-mine').getByTestId('confirm-yes')).toBeFocused();
  await page.keyboard.press('Enter');

  // The document opens with them as my layer (the layer the import just committed, not read back).
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await expect.poll(() => app.rowTexts()).toEqual(['claim:Tokayev', 'deployment:Almaty']);
  await page.keyboard.press('F6');
  await expect(page.getByTestId('article-text')).toBeFocused();
  await page.keyboard.press(']');
  const saved = await app.armSaved();
  await page.keyboard.press('3');
  await saved();
  await expect.poll(() => app.rowTexts()).toEqual(['deployment:Tokayev', 'deployment:Almaty']);

  await page.reload();
  await app.goto();
  await expect.poll(() => app.rowTexts()).toEqual(['deployment:Tokayev', 'deployment:Almaty']);
});
