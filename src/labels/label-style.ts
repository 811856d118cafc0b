// The marks of every label, computed from the schema: the highlight tint, the underline/glyph ink and
// the chip colour for each theme, and the stylesheet text that applies them. Generated rather than
// hand-written so a label added in Settings is painted like the default ones, with the same
// guarantees the display tests check: ink at 4.5:1 on the page (and 3:1 on its own tint), body text
// at 4.5:1 on every tint. Not here: installing the sheet in a page (renderer/schema/label-styles.ts).

import { composite, contrastRatio, parseColor, type Rgba } from '../color/contrast.js';
import type { LabelDef, LabelId, LabelSchema, UnderlineStyle } from './schema.js';

export type Theme = 'light' | 'dark';

/** What a label's marks sit on and next to, per theme (the stylesheet's --panel, --ink, --on-ink). */
export interface ThemePalette {
  readonly page: string;
  readonly text: string;
  /** The glyph's letter, drawn on the ink. */
  readonly onInk: string;
  /** Tint alpha for an outermost span and for nested ones (nested paint over an outer tint). */
  readonly tintAlpha: number;
  readonly nestedAlpha: number;
  readonly chipAlpha: number;
}

export const PALETTES: Readonly<Record<Theme, ThemePalette>> = {
  light: { page: '#ffffff', text: '#1d2228', onInk: '#ffffff', tintAlpha: 0.38, nestedAlpha: 0.3, chipAlpha: 0.35 },
  dark: { page: '#1b2026', text: '#e3e7eb', onInk: '#14181d', tintAlpha: 0.24, nestedAlpha: 0.2, chipAlpha: 0.22 },
};

export interface LabelColours {
  readonly ink: string;
  readonly tint: string;
  readonly tintNested: string;
  readonly chip: string;
}

const INK_CONTRAST = 4.5;
const TEXT_CONTRAST = 4.5;
const INK_ON_TINT = 3;

function rgbaOf(css: string): Rgba {
  const c = parseColor(css);
  // A colour this module cannot read is drawn as neutral grey instead of breaking every highlight.
  return c.ok ? { ...c.value, a: 1 } : { r: 128, g: 128, b: 128, a: 1 };
}

const mix = (c: Rgba, to: Rgba, t: number): Rgba => ({
  r: c.r + (to.r - c.r) * t,
  g: c.g + (to.g - c.g) * t,
  b: c.b + (to.b - c.b) * t,
  a: 1,
});

const hex = (c: Rgba): string => `#${[c.r, c.g, c.b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
const rgbA = (c: Rgba, a: number): string => `rgb(${Math.round(c.r)} ${Math.round(c.g)} ${Math.round(c.b)} / ${a})`;
const withAlpha = (c: Rgba, a: number): Rgba => ({ r: Math.round(c.r), g: Math.round(c.g), b: Math.round(c.b), a });

/** Whether `color` is one this module understands (hex or rgb()); the editor refuses others. */
export function isLabelColor(color: string): boolean {
  return parseColor(color).ok;
}

/**
 * The label's colours in one theme. The ink is the colour moved toward black (light theme) or white
 * (dark) just far enough to reach 4.5:1 on the page and on the glyph's letter; the tints are the
 * colour at the theme's alpha, thinned where body text on them would fall under 4.5:1.
 */
export function labelColours(color: string, palette: ThemePalette): LabelColours {
  const base = rgbaOf(color);
  const page = rgbaOf(palette.page);
  const text = rgbaOf(palette.text);
  const onInk = rgbaOf(palette.onInk);
  const toward =
    contrastRatio(page, { r: 0, g: 0, b: 0, a: 1 }) > contrastRatio(page, { r: 255, g: 255, b: 255, a: 1 })
      ? { r: 0, g: 0, b: 0, a: 1 }
      : { r: 255, g: 255, b: 255, a: 1 };
  const tintAt = (alpha: number): number => {
    let a = alpha;
    while (a > 0.05 && contrastRatio(text, composite(withAlpha(base, a), page)) < TEXT_CONTRAST) a -= 0.01;
    return Math.round(a * 100) / 100;
  };
  const tintAlpha = tintAt(palette.tintAlpha);
  const nestedAlpha = Math.min(tintAlpha, tintAt(palette.nestedAlpha));
  const tinted = composite(withAlpha(base, tintAlpha), page);
  let ink = base;
  for (let t = 0; t <= 1.0001; t += 0.02) {
    ink = mix(base, toward, t);
    const rounded = rgbaOf(hex(ink));
    if (contrastRatio(rounded, page) >= INK_CONTRAST && contrastRatio(rounded, onInk) >= INK_CONTRAST && contrastRatio(rounded, tinted) >= INK_ON_TINT) break;
  }
  return { ink: hex(ink), tint: rgbA(base, tintAlpha), tintNested: rgbA(base, nestedAlpha), chip: rgbA(base, palette.chipAlpha) };
}

/**
 * A CSS-identifier-safe key for a label id, used in highlight names (`sm-<key>-<level>`) and chip
 * classes (`label-<key>`). Plain ids (a letter, then letters, digits, `-`, `_`) are kept as they are;
 * any other id (or a reserved one) becomes `_` and its code points in hex, which no plain id can equal.
 */
export function labelKey(id: LabelId): string {
  // "layer" would make sm-layer-0…, the names of colleagues' layer markers.
  if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(id) && !RESERVED_KEYS.has(id)) return id;
  return `_${[...id].map((ch) => ch.codePointAt(0)!.toString(16)).join('-')}`;
}

const RESERVED_KEYS = new Set(['layer']);

export const highlightName = (id: LabelId, level: number): string => `sm-${labelKey(id)}-${level}`;

const DECORATION: Readonly<Record<UnderlineStyle, { readonly style: string; readonly thickness: string; readonly border: string }>> = {
  solid: { style: 'solid', thickness: '2px', border: '2px solid' },
  wavy: { style: 'wavy', thickness: '1.5px', border: '2px dotted' },
  double: { style: 'double', thickness: '1.5px', border: '3px double' },
};

/** Nesting levels painted differently: 0 outermost, MAX_LEVEL and deeper share one rule. */
export const STYLE_LEVELS = 3;

const v = (k: string, what: string): string => `--label-${k}-${what}`;

function variables(l: LabelDef, c: LabelColours): string {
  const k = labelKey(l.id);
  return `${v(k, 'ink')}: ${c.ink}; ${v(k, 'tint')}: ${c.tint}; ${v(k, 'tint-nested')}: ${c.tintNested}; ${v(k, 'chip')}: ${c.chip};`;
}

function rulesFor(l: LabelDef): string[] {
  const d = DECORATION[l.underline] ?? DECORATION.solid;
  const k = labelKey(l.id);
  const out: string[] = [];
  for (let level = 0; level < STYLE_LEVELS; level++) {
    const tint = `var(${v(k, level === 0 ? 'tint' : 'tint-nested')})`;
    out.push(
      `::highlight(${highlightName(l.id, level)}) { background-color: ${tint}; text-decoration: underline ${d.style} var(${v(k, 'ink')}) ${d.thickness}; }`,
    );
  }
  out.push(`.label-${k} { background: var(${v(k, 'chip')}); border-bottom: ${d.border} var(${v(k, 'ink')}); }`);
  out.push(`.label-${k} .glyph { background: var(${v(k, 'ink')}); }`);
  return out;
}

/**
 * The whole label stylesheet: per theme, each label's colours as custom properties (light on
 * :root, dark under :root[data-theme='dark'], as the hand-written palette does), then each label's
 * highlight rules for nesting levels 0–2 and its chip. Pure text; nothing of a label's name or
 * description enters it (ids only through labelKey, colours only as re-printed numbers).
 */
export function labelStyleSheet(schema: LabelSchema, palettes: Readonly<Record<Theme, ThemePalette>> = PALETTES): string {
  const light = schema.labels.map((l) => variables(l, labelColours(l.color, palettes.light))).join(' ');
  const dark = schema.labels.map((l) => variables(l, labelColours(l.color, palettes.dark))).join(' ');
  return [`:root { ${light} }`, `:root[data-theme='dark'] { ${dark} }`, ...schema.labels.flatMap(rulesFor)].join('\n');
}
