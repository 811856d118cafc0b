// Page object for review mode: the queue of differences beside the text, its keys, filters,
// progress line, and the splitter that sizes the right-hand pane.

import { expect, type Page } from '@playwright/test';
import { armSaves } from './saves.js';

export class ReviewMode {
  constructor(readonly page: Page) {}

  /** From the Review tab of the side panel. */
  async enter(): Promise<void> {
    await this.page.getByTestId('tab-review').click();
    await this.page.getByTestId('enter-review-mode').click();
    await expect(this.page.getByTestId('review-mode')).toBeVisible();
  }

  items() {
    return this.page.getByTestId('difference');
  }

  item(quote: string) {
    return this.items().filter({ has: this.page.getByTestId('difference-quote').getByText(quote, { exact: true }) });
  }

  active() {
    return this.page.locator('[data-testid="difference"][aria-current="true"]');
  }

  async activeQuote(): Promise<string> {
    return (await this.active().getByTestId('difference-quote').textContent()) ?? '';
  }

  progress() {
    return this.page.getByTestId('review-mode').getByTestId('review-progress');
  }

  /** Each shown difference as "annotator: quote = decision" ("open" when undecided). */
  async summary(): Promise<string[]> {
    return this.items().evaluateAll((els) =>
      els.map(
        (e) =>
          `${(e as HTMLElement).dataset['annotator']}: ${e.querySelector('[data-testid="difference-quote"]')!.textContent} = ${(e as HTMLElement).dataset['decided'] || 'open'}`,
      ),
    );
  }

  /** Presses keys and resolves when the decision they make has been committed. */
  async decideBy(...keys: string[]): Promise<void> {
    const saved = await armSaves(this.page);
    for (const k of keys) await this.page.keyboard.press(k);
    await saved();
  }

  /** Text of the span highlighted as the difference under review. */
  async highlighted(): Promise<string> {
    return this.page.evaluate(() => {
      const r = [...(CSS.highlights.get('sm-peer') ?? [])][0] as StaticRange | undefined;
      return r ? r.startContainer.textContent!.slice(r.startOffset, r.endOffset) : '';
    });
  }

  /** Whether the highlighted span lies inside the reading area's visible part. */
  async highlightInView(): Promise<boolean> {
    return this.page.evaluate(() => {
      const r = [...(CSS.highlights.get('sm-peer') ?? [])][0] as StaticRange | undefined;
      if (!r) return false;
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      const box = range.getBoundingClientRect();
      const view = document.querySelector('.reader')!.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom && box.height > 0;
    });
  }

  /** Width of the pane right of the splitter. */
  async paneWidth(): Promise<number> {
    return this.page.evaluate(() => {
      const splitter = document.querySelector('[data-testid="panel-splitter"]')!;
      return Math.round(splitter.nextElementSibling!.getBoundingClientRect().width);
    });
  }

  /** Drags the splitter by dx pixels with the mouse (negative widens the right pane). */
  async dragSplitter(dx: number): Promise<void> {
    const box = (await this.page.getByTestId('panel-splitter').boundingBox())!;
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y, { steps: 4 });
    await this.page.mouse.move(x + dx, y, { steps: 4 });
    await this.page.mouse.up();
  }
}
