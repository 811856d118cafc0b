// Page objects that speak the product's language. Locating text on screen (where a word is) uses a
// DOM Range in the page; every behaviour under test is then driven with the real mouse and keys.

import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { APP_EVENTS } from '../../../renderer/app/events.js';
import { DEFAULT_SCHEMA, type LabelId } from '../../../src/labels/schema.js';
import { armSaves } from './saves.js';

export const CORPUS = new URL('../../../../shared/corpus/', import.meta.url);
export const corpusPath = (name: string) => new URL(name, CORPUS).pathname;
export const corpusText = (name: string) => readFileSync(new URL(name, CORPUS), 'utf8');

/** Any label id; keys and names come from the schema (the default one unless a test edits it). */
export type Label = LabelId;

const DEFAULT_KEYS: Readonly<Record<LabelId, string>> = Object.fromEntries(
  DEFAULT_SCHEMA.labels.flatMap((l) => (l.hotkey === undefined ? [] : [[l.id, l.hotkey]])),
);

export class SpanmarkApp {
  constructor(readonly page: Page) {
    // File choosers are intercepted from the start. Playwright turns interception on without waiting
    // when a 'filechooser' listener is first added, so a key sent right after waitForEvent can reach
    // Chromium first: once in CI, Ctrl+O's chooser opened unintercepted and was never reported.
    page.on('filechooser', () => undefined);
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.locator('html[data-ready="true"]')).toBeAttached();
    // Ready is set at boot; the library (or the last document) draws after its first read. A key
    // pressed before that (F6) would find nothing to move to, which no analyst could do.
    await expect(this.page.locator('[data-testid="library"], [data-testid="article-text"]').first()).toBeAttached();
  }

  async openSample(): Promise<void> {
    await this.page.getByTestId('open-sample').click();
    await expect(this.page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  }

  async openFile(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('cmd-open-article').click();
    await (await chooser).setFiles(path);
  }

  /** File › Open folder… (the toolbar's button), choosing the folder at path. */
  async openFolder(path: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('cmd-open-folder').click();
    await (await chooser).setFiles(path);
  }

  async openBuffer(name: string, mimeType: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('cmd-open-article').click();
    await (await chooser).setFiles({ name, mimeType, buffer });
  }

  /**
   * Imports through File > Import and resolves when the app has committed it. `answer` replies to
   * the question a file with my name and no analyst ids asks: are these mine?
   */
  async importBuffer(name: string, buffer: Buffer, answer?: 'mine' | 'colleague'): Promise<unknown> {
    const done = this.page.evaluate(
      (name) => new Promise((resolve) => window.addEventListener(name, (e) => resolve((e as CustomEvent).detail), { once: true })),
      APP_EVENTS.imported,
    );
    await this.chooseImport(name, buffer);
    if (answer)
      await this.page
        .getByTestId('confirm-mine')
        .getByTestId(answer === 'mine' ? 'confirm-yes' : 'confirm-no')
        .click();
    return done;
  }

  /** Imports a file the app must refuse; resolves with the error shown. */
  async importRefused(name: string, buffer: Buffer, answer?: 'mine' | 'colleague'): Promise<string> {
    const before = await this.lastErrorId();
    await this.chooseImport(name, buffer);
    if (answer)
      await this.page
        .getByTestId('confirm-mine')
        .getByTestId(answer === 'mine' ? 'confirm-yes' : 'confirm-no')
        .click();
    return this.nextError(before);
  }

  /** The id of the newest error shown, to wait for the next one (the list keeps only the last three). */
  async lastErrorId(): Promise<string | null> {
    return (await this.errorMessage().count()) === 0 ? null : this.errorMessage().last().getAttribute('data-message-id');
  }

  /** Waits for an error newer than the one whose id was `before`; resolves with its text. */
  async nextError(before: string | null): Promise<string> {
    await expect.poll(() => this.lastErrorId()).not.toBe(before);
    return (await this.errorMessage().last().textContent()) ?? '';
  }

  private async chooseImport(name: string, buffer: Buffer): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByTestId('cmd-import').click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer });
  }

  async exportDocument(): Promise<{ name: string; json: unknown; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('cmd-export-document').click();
    const d = await download;
    const text = readFileSync(await d.path(), 'utf8');
    return { name: d.suggestedFilename(), json: JSON.parse(text), text };
  }

  /** Export v1… (contract version 1 for older tools): the file, and the notice it gave. */
  async exportDocumentV1(): Promise<{ name: string; json: unknown; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('cmd-export-document-v1').click();
    const d = await download;
    const text = readFileSync(await d.path(), 'utf8');
    return { name: d.suggestedFilename(), json: JSON.parse(text), text };
  }

  /** Answers the question a file whose schema has labels, attributes or values the library lacks asks. */
  async answerSchema(add: boolean): Promise<void> {
    await this.page
      .getByTestId('confirm-schema')
      .getByTestId(add ? 'confirm-yes' : 'confirm-no')
      .click();
  }

  /** Review tab › Export with all layers (File menu in the desktop app). */
  async exportAllLayers(): Promise<{ name: string; json: unknown; text: string }> {
    await this.page.getByTestId('tab-review').click();
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('cmd-export-all-layers').click();
    const d = await download;
    const text = readFileSync(await d.path(), 'utf8');
    return { name: d.suggestedFilename(), json: JSON.parse(text), text };
  }

  async exportLibrary(): Promise<{ name: string; json: unknown }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('cmd-export-library').click();
    const d = await download;
    return { name: d.suggestedFilename(), json: JSON.parse(readFileSync(await d.path(), 'utf8')) };
  }

  /** Screen rectangle of the n-th occurrence of `needle` in the article text (0-based). */
  async textBox(needle: string, occurrence = 0): Promise<{ left: number; right: number; top: number; bottom: number }> {
    await expect(this.page.getByTestId('article-text')).toContainText(needle.slice(0, 20));
    const box = await this.page.evaluate(
      ([n, occ]) => {
        const root = document.querySelector('[data-testid="article-text"]')!;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          let at = text.indexOf(n);
          while (at >= 0) {
            if (seen === occ) {
              node.parentElement!.scrollIntoView({ block: 'center' });
              const r = document.createRange();
              r.setStart(node, at);
              r.setEnd(node, at + n.length);
              // A paragraph taller than the reader, centred, can still leave the words outside the
              // reader's visible box (a small window, a tall toolbar): bring the words themselves
              // to the middle of the scrolling reader.
              let scroller: Element | null = node.parentElement;
              while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY)))
                scroller = scroller.parentElement;
              if (scroller) {
                const view = scroller.getBoundingClientRect();
                const where = r.getBoundingClientRect();
                if (where.top < view.top + 8 || where.bottom > view.bottom - 8) scroller.scrollBy(0, where.top - (view.top + view.height / 2));
              }
              const rects = [...r.getClientRects()];
              const first = rects[0]!;
              const last = rects[rects.length - 1]!;
              return { left: first.left, top: first.top, right: last.right, bottom: last.bottom, firstBottom: first.bottom, lastTop: last.top };
            }
            seen += 1;
            at = text.indexOf(n, at + 1);
          }
        }
        return null;
      },
      [needle, occurrence] as const,
    );
    if (!box) throw new Error(`"${needle}" not found in the article`);
    return box;
  }

  /** Drags the mouse from inside the first character to inside the last character of `needle`. */
  async select(needle: string, opts: { occurrence?: number; alt?: boolean; from?: number; to?: number } = {}): Promise<void> {
    const b = (await this.textBox(needle, opts.occurrence ?? 0)) as {
      left: number;
      right: number;
      top: number;
      bottom: number;
      firstBottom?: number;
      lastTop?: number;
    };
    const y1 = (b.top + (b.firstBottom ?? b.bottom)) / 2;
    const y2 = ((b.lastTop ?? b.top) + b.bottom) / 2;
    const x1 = b.left + (opts.from ?? 2);
    const x2 = b.right - (opts.to ?? 2);
    if (opts.alt) await this.page.keyboard.down('Alt');
    await this.page.mouse.move(x1, y1);
    await this.page.mouse.down();
    await this.page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 3 });
    await this.page.mouse.move(x2, y2, { steps: 3 });
    await this.page.mouse.up();
    if (opts.alt) await this.page.keyboard.up('Alt');
  }

  async clickText(needle: string, occurrence = 0): Promise<void> {
    const b = await this.textBox(needle, occurrence);
    await this.page.mouse.click((b.left + Math.min(b.right, b.left + 30)) / 2, (b.top + b.bottom) / 2);
  }

  /** Press a label's key (from `keys`, default: the default schema's) and wait until the change is committed. */
  async tag(label: Label, keys: Readonly<Record<LabelId, string>> = DEFAULT_KEYS): Promise<void> {
    const key = keys[label];
    if (key === undefined) throw new Error(`no key for label ${label}`);
    await this.press(key);
  }

  /** Arms a wait for the next committed save (see saves.ts); act, then await the function returned. */
  armSaved(): Promise<(n?: number) => Promise<void>> {
    return armSaves(this.page);
  }

  /** Presses a key and waits until the save it causes has been committed. */
  async press(key: string): Promise<void> {
    const saved = await this.armSaved();
    await this.page.keyboard.press(key);
    await saved();
  }

  rows() {
    return this.page.getByTestId('annotation-row');
  }

  /** The annotation rows' "label:quote", once the list has caught up with the layer (it trails a label key by a render). */
  async rowTexts(): Promise<string[]> {
    await this.page.waitForFunction(() => document.querySelector('[aria-busy="true"] [data-testid="annotation-list"]') === null);
    return this.rows().evaluateAll((rows) =>
      rows.map((r) => `${(r.querySelector('[data-label]') as HTMLElement).dataset['label']}:${r.querySelector('.quote')!.textContent}`),
    );
  }

  /** Total ranges painted per label, read from the CSS highlight registry. */
  async painted(): Promise<Record<string, number>> {
    return this.page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const [name, h] of CSS.highlights) {
        // sm-<label>-<level>; sm-layer-<slot> are colleagues' markers (no label is keyed "layer").
        const m = /^sm-(.+)-\d$/.exec(name);
        if (m?.[1] === 'layer') continue;
        if (m && h.size > 0) out[m[1]!] = (out[m[1]!] ?? 0) + h.size;
      }
      return out;
    });
  }

  async highlightSize(name: string): Promise<number> {
    return this.page.evaluate((n) => CSS.highlights.get(n)?.size ?? 0, name);
  }

  /** The text of each range in a named highlight (e.g. 'sm-pending'). */
  async highlightTexts(name: string): Promise<string[]> {
    return this.page.evaluate(
      (n) =>
        [...(CSS.highlights.get(n) ?? [])].map((r) => {
          // The painter may use StaticRange, which has no text of its own.
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live.toString();
        }),
      name,
    );
  }

  async setAnnotator(name: string): Promise<void> {
    await this.page.getByTestId('cmd-settings').click();
    await this.page.getByTestId('annotator-input').fill(name);
    await this.page.getByTestId('settings-save').click();
    await expect(this.page.getByTestId('annotator')).toHaveText(`Annotating as ${name}`);
  }

  /** The caret's offset in the article text, read from the selection and the blocks' data-start. */
  async caretOffset(): Promise<number> {
    return this.page.evaluate(() => {
      const sel = window.getSelection();
      const node = sel?.focusNode;
      if (!sel || !node) return -1;
      const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
      const block = el?.closest<HTMLElement>('[data-start]');
      if (!block) return -1;
      return node.nodeType === Node.TEXT_NODE
        ? Number(block.dataset['start']) + sel.focusOffset
        : Number(sel.focusOffset === 0 ? block.dataset['start'] : block.dataset['end']);
    });
  }

  /** Offset of the first occurrence of `needle` in the article text. */
  async offsetOf(needle: string): Promise<number> {
    return (await this.placeOf(needle)).at;
  }

  /** The first occurrence of `needle`: its offset, and where its block (paragraph) starts. */
  private placeOf(needle: string): Promise<{ at: number; blockStart: number }> {
    return this.page.evaluate((n) => {
      for (const block of document.querySelectorAll<HTMLElement>('[data-testid="article-text"] [data-start]')) {
        const at = (block.textContent ?? '').indexOf(n);
        const blockStart = Number(block.dataset['start']);
        if (at >= 0) return { at: blockStart + at, blockStart };
      }
      throw new Error(`${n} is not in the article`);
    }, needle);
  }

  /**
   * Selects `needle` with the keyboard alone and presses `key` (a label's hotkey): Ctrl+Down by
   * paragraph while the needle's paragraph is still ahead, as an analyst crosses a long article,
   * then Ctrl+arrows by word and arrows by character, then Shift+arrows over it.
   */
  async tagByKeys(needle: string, key: string): Promise<void> {
    const { at: target, blockStart: paragraph } = await this.placeOf(needle);
    let byParagraph = true;
    for (let i = 0; ; i++) {
      if (i > 300) throw new Error(`the caret did not reach ${target}`);
      const at = await this.caretOffset();
      if (at === target) break;
      const d = target - at;
      if (byParagraph && at < paragraph) {
        await this.page.keyboard.press('Control+ArrowDown');
        // A paragraph key that did not move the caret (the last paragraph) hands over to words.
        byParagraph = (await this.caretOffset()) !== at;
      } else if (Math.abs(d) > 12) await this.page.keyboard.press(d > 0 ? 'Control+ArrowRight' : 'Control+ArrowLeft');
      else await this.page.keyboard.press(d > 0 ? 'ArrowRight' : 'ArrowLeft');
    }
    for (let i = 0; i < needle.length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    expect(await this.page.evaluate(() => window.getSelection()?.toString())).toBe(needle);
    await this.press(key);
  }

  /**
   * Counts pointer and mouse button events in every page load from now on (call before goto); the
   * function returned reads the count. Keyboard activation of a button fires `click`, never these.
   */
  async countPointerEvents(): Promise<() => Promise<number>> {
    await this.page.addInitScript(() => {
      const w = window as unknown as { pointerEvents: number };
      w.pointerEvents = 0;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup']) window.addEventListener(type, () => (w.pointerEvents += 1), true);
    });
    return () => this.page.evaluate(() => (window as unknown as { pointerEvents: number }).pointerEvents);
  }

  errorMessage() {
    return this.page.getByTestId('message-error');
  }

  infoMessage() {
    return this.page.getByTestId('message-info');
  }
}
