// Page object for the Review tab: layers, comparison rows, decisions, agreement.

import { expect, type Page } from '@playwright/test';

export class ReviewPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-review').click();
    await expect(this.page.getByTestId('review-panel')).toBeVisible();
  }

  async layers(): Promise<Record<string, number>> {
    const rows = this.page.getByTestId('layer-row');
    return Object.fromEntries(
      await rows.evaluateAll((els) => els.map((e) => [(e as HTMLElement).dataset['annotator']!, Number(e.querySelector('[data-testid="layer-count"]')!.textContent)])),
    );
  }

  async toggleLayer(annotator: string): Promise<void> {
    await this.page.locator(`[data-testid="layer-row"][data-annotator="${annotator}"] input`).click();
  }

  async compare(a: string, b: string): Promise<void> {
    await this.page.getByTestId('compare-a').selectOption(a);
    await this.page.getByTestId('compare-b').selectOption(b);
  }

  rows() {
    return this.page.getByTestId('compare-row');
  }

  /** Each row as "kind: A quote | B quote". */
  async rowSummaries(): Promise<string[]> {
    return this.rows().evaluateAll((rows) =>
      rows.map((r) => {
        const side = (s: string) => r.querySelector(`[data-side="${s}"] .quote`)?.textContent ?? '';
        return `${(r as HTMLElement).dataset['kind']}: ${side('a')} | ${side('b')}`;
      }),
    );
  }

  row(quote: string, kind?: string) {
    const rows = kind ? this.page.locator(`[data-testid="compare-row"][data-kind="${kind}"]`) : this.rows();
    return rows.filter({ hasText: quote }).first();
  }

  async decided(): Promise<Promise<unknown>> {
    return this.page.evaluate(() => new Promise((resolve) => window.addEventListener('spanmark:saved', resolve, { once: true })));
  }

  async agreementCell(label: string, metric: string): Promise<string> {
    return (await this.page.locator(`[data-testid="agreement"] tr[data-label="${label}"] td[data-metric="${metric}"]`).textContent()) ?? '';
  }
}
