// Display for a working day: dark mode that keeps every label, underline and colleague marker
// distinguishable (contrast read from the running page's computed styles, in both themes), zoom
// with Ctrl +/-/0 and a reading width that survive a reload, and the label guidelines beside the
// work. Contrast is computed with the core's WCAG function, the one the unit tests pin down.

import { expect, test, type Page } from '@playwright/test';
import { composite, contrastRatio, parseColor, type Rgba } from '../../src/color/contrast.js';
import { deltaE } from '../../src/color/difference.js';
import { DEFAULT_SCHEMA } from '../../src/labels/schema.js';

const LABELS = DEFAULT_SCHEMA.labels;
import { SpanmarkApp } from './pages/app.js';

const LAYER_SLOTS = 6;

function rgba(css: string): Rgba {
  const r = parseColor(css);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** How far apart two marks look (CIE76 ΔE; 2 is barely noticeable). */
const distance = deltaE;

interface Mark {
  readonly name: string;
  readonly background: string;
  readonly line: string;
  readonly style: string;
  readonly color: string;
  readonly thickness: string;
}

interface ThemeColours {
  readonly theme: string | undefined;
  /** Where the article's text (and so every highlight) sits. */
  readonly page: string;
  readonly text: string;
  readonly muted: string;
  readonly labels: readonly (Mark & { readonly level: number; readonly label: string })[];
  readonly layers: readonly Mark[];
  /** The pending selection and a colleague's span picked in the review list. */
  readonly transient: readonly Mark[];
  readonly chips: readonly { readonly label: string; readonly glyph: string; readonly glyphBackground: string }[];
  readonly badges: readonly { readonly slot: number; readonly color: string; readonly background: string }[];
}

async function readColours(page: Page): Promise<ThemeColours> {
  return page.evaluate(
    ({ labels, slots }) => {
      const text = document.querySelector<HTMLElement>('[data-testid="article-text"]')!;
      const reader = document.querySelector<HTMLElement>('.reader')!;
      const mark = (name: string) => {
        const s = getComputedStyle(text, `::highlight(${name})`);
        return {
          name,
          background: s.backgroundColor,
          line: s.textDecorationLine,
          style: s.textDecorationStyle,
          color: s.textDecorationColor,
          thickness: s.textDecorationThickness,
        };
      };
      // Chips and badges as the panels render them, measured on probes carrying the same classes.
      // (Built with DOM calls: the page's CSP requires Trusted Types, so no innerHTML.)
      const probe = (className: string, childClass?: string) => {
        const el = document.createElement('span');
        el.className = className;
        if (childClass) el.append(Object.assign(document.createElement('span'), { className: childClass, textContent: 'G' }));
        document.querySelector('.app')!.append(el);
        return el;
      };
      const chips = labels.map((label) => {
        const el = probe(`label-chip label-${label}`, 'glyph');
        const g = getComputedStyle(el.querySelector('.glyph')!);
        const out = { label, glyph: g.color, glyphBackground: g.backgroundColor };
        el.remove();
        return out;
      });
      const badges = Array.from({ length: slots }, (_, slot) => {
        const el = probe(`layer-badge layer-slot-${slot}`);
        const s = getComputedStyle(el);
        const out = { slot, color: s.color, background: s.backgroundColor };
        el.remove();
        return out;
      });
      const mutedProbe = probe('hint');
      const muted = getComputedStyle(mutedProbe).color;
      mutedProbe.remove();
      return {
        theme: document.documentElement.dataset['theme'],
        page: getComputedStyle(reader).backgroundColor,
        text: getComputedStyle(text).color,
        muted,
        labels: labels.flatMap((label) => [0, 1, 2].map((level) => ({ label, level, ...mark(`sm-${label}-${level}`) }))),
        layers: Array.from({ length: slots }, (_, slot) => mark(`sm-layer-${slot}`)),
        transient: ['sm-pending', 'sm-peer'].map(mark),
        chips,
        badges,
      };
    },
    { labels: LABELS.map((l) => l.id), slots: LAYER_SLOTS },
  );
}

async function chooseInSettings(page: Page, testId: string): Promise<void> {
  await page.getByTestId('cmd-settings').click();
  await page.getByTestId(testId).check();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('settings')).toHaveCount(0);
}

function assertDistinguishable(c: ThemeColours): void {
  const page = rgba(c.page);
  const text = rgba(c.text);
  expect(contrastRatio(text, page), 'body text on the page').toBeGreaterThanOrEqual(4.5);
  expect(contrastRatio(rgba(c.muted), page), 'secondary text on the page').toBeGreaterThanOrEqual(4.5);

  for (const m of c.labels) {
    const what = `${c.theme} ${m.name}`;
    expect(m.line, what).toBe('underline');
    expect(m.style, what).toBe(LABELS.find((l) => l.id === m.label)!.underline);
    const tinted = composite(rgba(m.background), page);
    // The underline is the mark that must carry the label without its colour wash: 3:1 (WCAG
    // non-text contrast) against the page and against its own tint, where it is drawn.
    expect(contrastRatio(rgba(m.color), page), `${what} underline on the page`).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(rgba(m.color), tinted), `${what} underline on its tint`).toBeGreaterThanOrEqual(3);
    // Text under the tint stays readable as body text.
    expect(contrastRatio(text, tinted), `${what} text on its tint`).toBeGreaterThanOrEqual(4.5);
    // The tint is visible at all.
    expect(distance(tinted, page), `${what} tint`).toBeGreaterThan(10);
  }
  const top = c.labels.filter((m) => m.level === 0);
  for (let i = 0; i < top.length; i++) {
    for (let j = i + 1; j < top.length; j++) {
      const [a, b] = [top[i]!, top[j]!];
      const pair = `${c.theme} ${a.label} vs ${b.label}`;
      expect(a.style, pair).not.toBe(b.style);
      expect(distance(rgba(a.color), rgba(b.color)), `${pair} underline colours`).toBeGreaterThan(30);
      expect(distance(composite(rgba(a.background), page), composite(rgba(b.background), page)), `${pair} tints`).toBeGreaterThan(15);
    }
  }

  for (const m of c.layers) {
    const what = `${c.theme} ${m.name}`;
    // Colleagues' marks sit above the text, so they never read as one of my labels.
    expect(m.line, what).toBe('overline');
    expect(contrastRatio(rgba(m.color), page), `${what} on the page`).toBeGreaterThanOrEqual(3);
    for (const l of top) expect(contrastRatio(rgba(m.color), composite(rgba(l.background), page)), `${what} over ${l.label}`).toBeGreaterThanOrEqual(3);
  }
  for (let i = 0; i < c.layers.length; i++) {
    for (let j = i + 1; j < c.layers.length; j++) {
      const [a, b] = [c.layers[i]!, c.layers[j]!];
      const apart = distance(rgba(a.color), rgba(b.color));
      // Two colleagues differ by line style, or (same style) clearly by colour and thickness.
      if (a.style === b.style) {
        expect(apart, `${c.theme} ${a.name} vs ${b.name}`).toBeGreaterThan(40);
        expect(a.thickness, `${c.theme} ${a.name} vs ${b.name}`).not.toBe(b.thickness);
      } else expect(apart, `${c.theme} ${a.name} vs ${b.name}`).toBeGreaterThan(15);
    }
  }

  for (const m of c.transient) expect(contrastRatio(rgba(m.color), page), `${c.theme} ${m.name} on the page`).toBeGreaterThanOrEqual(3);

  for (const chip of c.chips) expect(contrastRatio(rgba(chip.glyph), rgba(chip.glyphBackground)), `${c.theme} ${chip.label} glyph`).toBeGreaterThanOrEqual(4.5);
  for (const badge of c.badges) expect(contrastRatio(rgba(badge.color), rgba(badge.background)), `${c.theme} badge ${badge.slot}`).toBeGreaterThanOrEqual(4.5);
}

test('labels, underlines and colleague markers stay distinguishable in the light and the dark theme', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await app.goto();
  await app.openSample();

  await chooseInSettings(page, 'theme-light');
  const light = await readColours(page);
  expect(light.theme).toBe('light');
  assertDistinguishable(light);

  await chooseInSettings(page, 'theme-dark');
  const dark = await readColours(page);
  expect(dark.theme).toBe('dark');
  // Really dark: a dark page with light text, not the light palette under another name.
  expect(contrastRatio(rgba(dark.page), rgba('#000'))).toBeLessThan(1.6);
  expect(dark.page).not.toBe(light.page);
  assertDistinguishable(dark);
});

test('the theme follows the system until Light or Dark is chosen, and the choice survives a reload', async ({ page }) => {
  const app = new SpanmarkApp(page);
  const theme = () => page.locator('html').getAttribute('data-theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.goto();
  expect(await theme()).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(theme).toBe('light'); // follows a change while running

  await chooseInSettings(page, 'theme-dark');
  expect(await theme()).toBe('dark');
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  expect(await theme()).toBe('dark'); // the system says light; the stored choice wins
  await page.getByTestId('cmd-settings').click();
  await expect(page.getByTestId('theme-dark')).toBeChecked();
  await page.getByTestId('theme-system').check();
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await theme()).toBe('light');
  await page.reload();
  await expect(page.locator('html[data-ready="true"]')).toBeAttached();
  expect(await theme()).toBe('light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(theme).toBe('dark');
});

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('Ctrl +/-/0 zoom the whole interface, the zoom survives a reload, and tagging still lands on the selected words', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  const text = '[data-testid="article-text"]';
  const base = { text: await fontSize(page, text), panel: await fontSize(page, '.status-bar') };
  expect(base.text).toBe(17);

  await page.keyboard.press('Control+Equal');
  await expect.poll(() => fontSize(page, text)).toBeCloseTo(17 * 1.1, 1);
  await page.keyboard.press('Control+Shift+Equal'); // Ctrl++ as typed with Shift
  await expect.poll(() => fontSize(page, text)).toBeCloseTo(17 * 1.25, 1);
  await page.keyboard.press('Control+Equal');
  await expect.poll(() => fontSize(page, text)).toBeCloseTo(17 * 1.5, 1);
  expect(await fontSize(page, '.status-bar')).toBeCloseTo(base.panel * 1.5, 1); // panels too, not only the text
  await expect(page.getByTestId('zoom-level')).toHaveText('Zoom 150%');

  // The page is not CSS-zoomed: pointer coordinates and layout agree, so a drag tags exactly.
  await app.select('at least 20 thousand radicals');
  await app.tag('claim');
  expect(await app.rowTexts()).toEqual(['claim:at least 20 thousand radicals']);

  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  await expect.poll(() => fontSize(page, text)).toBeCloseTo(17 * 1.5, 1);

  await page.keyboard.press('Control+Minus');
  await expect.poll(() => fontSize(page, text)).toBeCloseTo(17 * 1.25, 1);
  await page.keyboard.press('Control+Digit0');
  await expect.poll(() => fontSize(page, text)).toBe(17);
  await expect(page.getByTestId('zoom-level')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await fontSize(page, text)).toBe(17);

  // Zoom stops at its ends instead of running away; it works from a text field too.
  await page.getByTestId('cmd-settings').click();
  await page.getByTestId('annotator-input').focus();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Control+Minus');
  await expect(page.getByTestId('zoom-value')).toHaveText('50%');
  for (let i = 0; i < 14; i++) await page.keyboard.press('Control+Equal');
  await expect(page.getByTestId('zoom-value')).toHaveText('200%');
  await expect(page.getByTestId('annotator-input')).toHaveValue(/\S/); // nothing typed into the field
});

test('the reading width is a setting that survives a reload', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  const width = () => page.getByTestId('article-text').evaluate((el) => el.getBoundingClientRect().width);
  const medium = await width();
  expect(medium).toBeCloseTo(46 * 17, 0);

  await chooseInSettings(page, 'width-narrow');
  expect(await width()).toBeCloseTo(36 * 17, 0);
  await chooseInSettings(page, 'width-full');
  const readerContent = await page.locator('.reader').evaluate((el) => {
    const s = getComputedStyle(el);
    return el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);
  });
  expect(await width()).toBeCloseTo(readerContent, 0);

  await chooseInSettings(page, 'width-wide');
  await page.reload();
  await expect(page.getByTestId('article-title')).toHaveText('kazakhstan-2022-01-07');
  expect(await width()).toBeCloseTo(Math.min(62 * 17, readerContent), 0);
  await page.getByTestId('cmd-settings').click();
  await expect(page.getByTestId('width-wide')).toBeChecked();
});

test('the label guidelines open beside the text with F1, ? or the toolbar, from the label schema, while tagging goes on', async ({ page }) => {
  const app = new SpanmarkApp(page);
  await app.goto();
  await app.openSample();
  const panel = page.getByTestId('guidelines');
  const button = page.getByTestId('cmd-guidelines');
  await expect(panel).toHaveCount(0);
  await expect(button).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('F1');
  await expect(panel).toBeVisible();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  for (const l of LABELS) {
    const section = page.getByTestId(`guideline-${l.id}`);
    await expect(section).toContainText(l.name);
    await expect(section).toContainText(l.description);
    expect(l.guidelines.length).toBeGreaterThan(0);
    for (const para of l.guidelines) await expect(section).toContainText(para);
  }

  // Open while tagging: the panel takes no focus, the label keys keep working, and the text
  // being tagged is not covered.
  await app.select('security forces killed');
  await app.tag('casualty');
  expect(await app.rowTexts()).toContain('casualty:security forces killed');
  const textBox = await page.getByTestId('article-text').boundingBox();
  const panelBox = await panel.boundingBox();
  expect(panelBox!.x).toBeGreaterThanOrEqual(textBox!.x + textBox!.width);

  await page.keyboard.press('?');
  await expect(panel).toHaveCount(0);
  await button.click();
  await expect(panel).toBeVisible();
  await page.getByRole('button', { name: 'Close the guidelines' }).click();
  await expect(panel).toHaveCount(0);

  // In a text field ? is a character, not a command; F1 types nothing, so it works there too.
  await page.getByTestId('cmd-settings').click();
  await page.getByTestId('annotator-input').fill('Dana');
  await page.getByTestId('annotator-input').press('?');
  await expect(page.getByTestId('annotator-input')).toHaveValue('Dana?');
  await expect(panel).toHaveCount(0);
  await page.getByTestId('annotator-input').press('F1');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('annotator-input')).toBeFocused();
});
