// Files dropped on the window: a real DataTransfer of File objects dispatched as dragenter,
// dragover and drop. Each dropped file is refused or accepted exactly as File › Open (articles) or
// File › Import (.json exports) would, with the same message; a file too large is refused from its
// size without being read; several files are handled one by one; nothing stored changes on a
// refusal and no promise is left unhandled.

import { expect, test, type Page } from '@playwright/test';
import { SpanmarkApp } from './pages/app.js';
import { readStored, watchUnhandled } from './pages/stored.js';

interface DropSpec {
  readonly name: string;
  readonly type: string;
  /** Contents as bytes, or a size to fill with 'a' (built in the page, so 21 MB never crosses the wire). */
  readonly bytes?: readonly number[];
  readonly size?: number;
  /** The File's reads reject, as when the file is deleted or unreadable after the drop. */
  readonly unreadable?: boolean;
}

/** Drops the files on the window, as the OS does: dragenter, dragover, then drop with the same DataTransfer. */
async function dropFiles(page: Page, files: readonly DropSpec[]): Promise<void> {
  const dt = await page.evaluateHandle((specs) => {
    const transfer = new DataTransfer();
    for (const s of specs) {
      const body = s.bytes ? new Uint8Array(s.bytes) : new Uint8Array(s.size ?? 0).fill(0x61);
      const file = new File([body], s.name, { type: s.type });
      if (s.unreadable) {
        const gone = () => Promise.reject(new DOMException('A requested file or directory could not be found.', 'NotFoundError'));
        Object.assign(file, { arrayBuffer: gone, text: gone });
      }
      transfer.items.add(file);
    }
    return transfer;
  }, files);
  for (const type of ['dragenter', 'dragover', 'drop']) await page.dispatchEvent('body', type, { dataTransfer: dt });
}

/** Counts, per file name, how often the page reads a File's contents (by any of the ways to). */
async function countReads(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __reads: Record<string, number> };
    w.__reads = {};
    const count = (blob: Blob) => {
      const name = blob instanceof File ? blob.name : '(blob)';
      w.__reads[name] = (w.__reads[name] ?? 0) + 1;
    };
    for (const m of ['arrayBuffer', 'text', 'stream', 'bytes'] as const) {
      const original = (Blob.prototype as unknown as Record<string, ((...a: unknown[]) => unknown) | undefined>)[m];
      if (!original) continue;
      (Blob.prototype as unknown as Record<string, unknown>)[m] = function (this: Blob, ...a: unknown[]) {
        count(this);
        return original.apply(this, a);
      };
    }
    for (const m of ['readAsArrayBuffer', 'readAsText', 'readAsDataURL', 'readAsBinaryString'] as const) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with .call(this, …)
      const original = FileReader.prototype[m] as (this: FileReader, b: Blob, ...rest: unknown[]) => void;
      (FileReader.prototype as unknown as Record<string, unknown>)[m] = function (this: FileReader, b: Blob, ...rest: unknown[]) {
        count(b);
        return original.call(this, b, ...rest);
      };
    }
  });
}

const reads = (page: Page, name: string) => page.evaluate((n) => (window as unknown as { __reads: Record<string, number> }).__reads[n] ?? 0, name);

test('each dropped file gets the same refusal as File › Open or File › Import, too-large ones unread, and nothing stored changes', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new SpanmarkApp(page);
  await app.goto();
  const unhandled = await watchUnhandled(page);
  await app.openSample();
  await app.select('Almaty');
  await app.tag('deployment');
  const before = await readStored(page, ['layerSnapshots']);
  await countReads(page);

  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
  const cases: (DropSpec & { via: 'open' | 'import'; shown: RegExp })[] = [
    { via: 'open', name: 'huge.txt', type: 'text/plain', size: 21 * 1024 * 1024, shown: /huge\.txt.*21\.0 MB.*20 MB limit/ },
    { via: 'open', name: 'photo.txt', type: 'text/plain', bytes: png, shown: /photo\.txt.*binary/ },
    {
      via: 'open',
      name: 'report.pdf',
      type: 'application/pdf',
      bytes: [...Buffer.from('%PDF-1.4 something')],
      shown: /report\.pdf.*not a supported article type/,
    },
    { via: 'open', name: 'empty.md', type: 'text/markdown', bytes: [], shown: /empty\.md.*empty/ },
    {
      via: 'import',
      name: 'photo.json',
      type: 'application/json',
      bytes: [0xff, 0xfe, 0x00, 0x01],
      shown: /^Nothing was imported\. photo\.json: The file is not UTF-8 text: it looks like UTF-16/,
    },
    {
      via: 'import',
      name: 'broken.json',
      type: 'application/json',
      bytes: [...Buffer.from('{"format": "spanmark", "version": 1,')],
      shown: /^Nothing was imported\. broken\.json.*JSON/,
    },
  ];
  for (const c of cases) {
    const buffer = c.bytes ? Buffer.from(c.bytes) : Buffer.alloc(c.size ?? 0, 'a');
    let last = await app.lastErrorId();
    if (c.via === 'open') await app.openBuffer(c.name, c.type, buffer);
    else {
      const chooser = page.waitForEvent('filechooser');
      await page.getByTestId('cmd-import').click();
      await (await chooser).setFiles({ name: c.name, mimeType: c.type, buffer });
    }
    const fromMenu = await app.nextError(last);
    expect(fromMenu).toMatch(c.shown);

    last = await app.lastErrorId();
    const readsBefore = await reads(page, c.name);
    await dropFiles(page, [c]);
    const fromDrop = await app.nextError(last);
    expect(fromDrop, `${c.name}: a drop says what File › ${c.via === 'open' ? 'Open' : 'Import'} says`).toBe(fromMenu);
    // Refused from File.size alone: not a byte of the 21 MB was read.
    if (c.size !== undefined) expect((await reads(page, c.name)) - readsBefore).toBe(0);
  }
  expect(await app.rowTexts()).toEqual(['deployment:Almaty']);
  expect(await readStored(page, ['layerSnapshots'])).toEqual(before);
  expect(await unhandled()).toEqual([]);
});

test('several dropped files are handled one by one: good ones open, bad and unreadable ones are refused with their own message', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  const unhandled = await watchUnhandled(page);
  const text = (s: string) => [...Buffer.from(s)];
  await dropFiles(page, [
    { name: 'aktau.txt', type: 'text/plain', bytes: text('date 2022-01-02 Protests began in Zhanaozen and spread to Aktau.') },
    { name: 'scan.pdf', type: 'application/pdf', bytes: text('%PDF-1.4') },
    { name: 'vanished.txt', type: 'text/plain', bytes: text('never read'), unreadable: true },
    { name: 'almaty.md', type: 'text/markdown', bytes: text('# Almaty airport retaken\n\nForces retook the airport on 7 January.\n') },
  ]);
  await expect(page.getByTestId('article-title')).toHaveText('Almaty airport retaken');
  await expect(app.errorMessage()).toHaveText([/scan\.pdf.*not a supported article type/, /Could not read the file "vanished\.txt".*could not be found/]);
  await page.getByTestId('cmd-library').click();
  await expect(page.getByTestId('library-item')).toHaveCount(2);
  await expect(page.getByTestId('library-item').locator('.title')).toHaveText(['Almaty airport retaken', 'aktau']);
  expect(await unhandled()).toEqual([]);
});
