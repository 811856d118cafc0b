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
      await rows.evaluateAll((els) =>
        els.map((e) => [(e as HTMLElement).dataset['annotator']!, Number(e.querySelector('[data-testid="layer-count"]')!.textContent)]),
      ),
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

  async agreementCell(label: string, metric: string): Promise<string> {
    return (await this.page.locator(`[data-testid="agreement"] tr[data-label="${label}"] td[data-metric="${metric}"]`).textContent()) ?? '';
  }

  /** Opens the agreement figures under Compare. */
  async showAgreement(): Promise<void> {
    await this.page.getByTestId('toggle-agreement').click();
    await expect(this.page.getByTestId('agreement')).toBeVisible();
  }

  /** The caption naming the layers alpha is over, e.g. "α over aigerim, boris, chen". */
  async alphaOver(): Promise<string> {
    return (await this.page.getByTestId('alpha-over').textContent()) ?? '';
  }

  /** alpha per label and macro, as shown. */
  async alphas(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const l of ['claim', 'casualty', 'deployment', 'macro']) out[l] = await this.agreementCell(l, 'alpha');
    return out;
  }

  async stage(which: 'before' | 'after'): Promise<void> {
    await this.page.getByTestId(`stage-${which}`).first().check();
    await expect(this.page.getByTestId('agreement').first()).toHaveAttribute('data-stage', which);
  }

  async chooseAlphaLayer(annotator: string, on: boolean): Promise<void> {
    await this.page.locator(`[data-testid="alpha-layer"][data-annotator="${annotator}"]`).setChecked(on);
  }

  /** Every off-diagonal cell of the pairwise matrix for a figure and label ('macro' or a label id), as "a|b" → text. */
  async pairwise(figure: 'f1-exact' | 'f1-relaxed' | 'kappa', label: string, root = this.page.locator('body')): Promise<Record<string, string>> {
    const matrix = root.getByTestId('pairwise');
    await matrix.getByTestId('pairwise-figure').selectOption(figure);
    // Option values: '' for the macro mean, `label:<id>` for a label (so a label named "macro" cannot collide).
    await matrix.getByTestId('pairwise-label').selectOption(label === 'macro' ? '' : `label:${label}`);
    return Object.fromEntries(
      await matrix
        .locator('td[data-a]')
        .evaluateAll((cells) =>
          cells
            .filter((c) => (c as HTMLElement).dataset['a'] !== (c as HTMLElement).dataset['b'])
            .map((c) => [`${(c as HTMLElement).dataset['a']}|${(c as HTMLElement).dataset['b']}`, c.textContent ?? '']),
        ),
    );
  }
}
