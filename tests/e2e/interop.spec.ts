// Other tools' formats through the UI: File › Export as… shows what a format cannot carry before
// a byte is written and saves every file the codec returns (and the report on request); dropping
// another tool's files imports them through the registry, asking how to map labels the schema
// lacks, remembering the answer, and refusing files with errors at their positions.

import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SpanmarkApp } from './pages/app.js';
import { readStored } from './pages/stored.js';
import { APP_EVENTS } from '../../renderer/app/events.js';

test.beforeEach(async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
});

function collectDownloads(page: Page): Download[] {
  const out: Download[] = [];
  page.on('download', (d) => out.push(d));
  return out;
}

const textOf = async (d: Download): Promise<string> => readFile(await d.path(), 'utf8');

async function exportAs(page: Page, formatName: RegExp): Promise<void> {
  await page.getByTestId('cmd-export-as').click();
  await expect(page.getByTestId('export-as-dialog')).toBeVisible();
  const option = page.getByTestId('export-as-format').locator('option', { hasText: formatName });
  await page.getByTestId('export-as-format').selectOption((await option.getAttribute('value')) ?? '');
}

test('export as brat saves the text and the standoff file; CoNLL names the overlap it drops before writing', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const downloads = collectDownloads(page);
  await app.select('Kassym-Zhomart Tokayev');
  await app.tag('claim');
  await app.select('at least 20 thousand radicals');
  await app.tag('casualty');

  await exportAs(page, /brat/i);
  await expect(page.getByTestId('export-as-losses')).toContainText('Nothing is lost');
  expect(downloads, 'nothing is written while the report is shown').toHaveLength(0);
  await page.getByTestId('export-as-save').click();
  await expect.poll(() => downloads.length).toBe(2);
  const byName = Object.fromEntries(await Promise.all(downloads.map(async (d) => [d.suggestedFilename(), await textOf(d)] as const)));
  const txt = Object.keys(byName).find((n) => n.endsWith('.txt'))!;
  const ann = Object.keys(byName).find((n) => n.endsWith('.ann'))!;
  expect(txt.replace(/\.txt$/, '')).toBe(ann.replace(/\.ann$/, ''));
  const text = [...byName[txt]!];
  const spans = byName[ann]!.split('\n')
    .filter((l) => l.startsWith('T'))
    .map((l) => {
      const [, type, s, e] = /^T\d+\t(\S+) (\d+) (\d+)\t/.exec(l)!;
      return `${type}:${text.slice(Number(s), Number(e)).join('')}`;
    });
  expect(spans.sort()).toEqual(['casualty:at least 20 thousand radicals', 'claim:Kassym-Zhomart Tokayev']);

  // A nested pair: CoNLL (one tag per token) cannot hold both, and says so first.
  await app.select('20 thousand radicals');
  await app.tag('deployment');
  downloads.length = 0;
  await exportAs(page, /CoNLL/i);
  const loss = page.getByTestId('export-as-loss').filter({ hasText: /overlap/i });
  await expect(loss).toHaveCount(1);
  await expect(loss).toContainText('1 ×');
  expect(downloads).toHaveLength(0);
  await page.getByTestId('export-as-report').check();
  await page.getByTestId('export-as-save').click();
  await expect.poll(() => downloads.length).toBe(2);
  const report = downloads.find((d) => d.suggestedFilename().endsWith('-losses.txt'));
  expect(report, 'the loss report is saved beside the file on request').toBeDefined();
  expect(await textOf(report!)).toMatch(/overlap/i);
  await expect(app.infoMessage().last()).toContainText(/Left out: 1 × .*overlap/i);
});

async function drop(page: Page, files: { name: string; text: string }[]): Promise<void> {
  const dt = await page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const s of specs) transfer.items.add(new File([s.text], s.name, { type: 'text/plain' }));
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer: dt });
}

const committed = (page: Page) =>
  page.evaluate((name) => new Promise((resolve) => window.addEventListener(name, resolve, { once: true })), APP_EVENTS.importCommitted);

test('a dropped brat pair with a label the schema lacks: mapped in the dialog, lands on its words, remembered, and survives a reload', async ({ page }) => {
  const app = new SpanmarkApp(page);
  // Astral characters before the spans: brat counts code points, the library UTF-16 units.
  const text = '😀 Tokayev met the 👩‍👩‍👧 protesters in Almaty.\n';
  const cp = [...text];
  const at = (w: string) => {
    const s = cp.findIndex((_, i) => cp.slice(i, i + [...w].length).join('') === w);
    return `${s} ${s + [...w].length}`;
  };
  const ann = `T1\tClaim ${at('Tokayev')}\tTokayev\nT2\tProtest ${at('protesters')}\tprotesters\nT3\tPlace ${at('Almaty')}\tAlmaty\n`;
  const files = [
    { name: 'meeting.txt', text },
    { name: 'meeting.ann', text: ann },
  ];
  await drop(page, files);
  const dialog = page.getByTestId('label-mapping-dialog');
  await expect(dialog).toBeVisible();
  // "Claim" matches the schema's label by name; "Protest" and "Place" are asked about.
  await expect(dialog.locator('select')).toHaveCount(2);
  await page.getByTestId('label-mapping-Protest').selectOption('map:deployment');
  await page.getByTestId('label-mapping-Place').selectOption('add');
  const schemaOf = async () =>
    ((await readStored(page))['settings'] as { key: string; value: { version: number; labels: { id: string; name: string }[] } }[]).find(
      (r) => r.key === 'labelSchema',
    )?.value;
  const versionBefore = (await schemaOf())?.version ?? 1;
  const done = committed(page);
  await page.getByTestId('label-mapping-ok').click();
  await done;
  await expect(page.getByTestId('article-title')).toHaveText('meeting');
  await expect.poll(() => app.rowTexts()).toEqual(['claim:Tokayev', 'deployment:protesters', 'place:Almaty']);
  // The new label is saved with the schema, one version later.
  const after = await schemaOf();
  expect(after?.version).toBe(versionBefore + 1);
  expect(after?.labels.map((l) => l.name)).toContain('Place');

  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  await expect(page.getByTestId('article-title')).toHaveText('meeting');
  await expect.poll(() => app.rowTexts()).toEqual(['claim:Tokayev', 'deployment:protesters', 'place:Almaty']);

  // The decision is remembered for brat: the same files import again without asking, unchanged.
  const again = committed(page);
  await drop(page, files);
  await again;
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => app.rowTexts()).toEqual(['claim:Tokayev', 'deployment:protesters', 'place:Almaty']);
});

test('a dropped brat pair whose offsets do not match its text is refused with the position, and nothing is stored', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const before = await app.lastErrorId();
  await drop(page, [
    { name: 'bad.txt', text: 'Tokayev spoke.\n' },
    { name: 'bad.ann', text: 'T1\tClaim 0 7\tTokayev\nT2\tClaim 8 14\tshouted\n' },
  ]);
  const error = await app.nextError(before);
  expect(error).toContain('Nothing was imported');
  expect(error).toMatch(/bad\.ann:2/);
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
});

test('File › Import takes a Label Studio export: its labels merge by name and the spans land on their words', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const text = 'Tokayev said 20 thousand radicals attacked.';
  const span = (id: string, word: string, label: string) => {
    const start = text.indexOf(word);
    return { id, type: 'labels', from_name: 'label', to_name: 'text', value: { start, end: start + word.length, text: word, labels: [label] } };
  };
  const tasks = [{ id: 1, data: { text }, annotations: [{ id: 1, result: [span('a', 'Tokayev', 'Claim'), span('b', '20 thousand radicals', 'CASUALTY')] }] }];
  const done = committed(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('cmd-import').click();
  await (await chooser).setFiles({ name: 'project-1.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tasks)) });
  await done;
  await expect(page.getByTestId('label-mapping-dialog')).toHaveCount(0);
  await expect.poll(() => app.rowTexts()).toEqual(['claim:Tokayev', 'casualty:20 thousand radicals']);
  await expect(app.infoMessage().last()).toContainText('Label Studio');
});
