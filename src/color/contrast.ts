// WCAG 2.x contrast ratio between CSS colours, so tests can prove every label, underline and
// colleague marker stays readable in both themes. Understands the forms the stylesheet and
// getComputedStyle produce (#rgb, #rrggbb, #rrggbbaa, rgb()/rgba() with commas or spaces, alpha as
// a number or a percentage). Named colours, hsl(), color() and other spaces are refused with a
// message rather than guessed.

import { ok, type Result } from '../result.js';

const err = (message: string): Result<never, string> => ({ ok: false, error: message });

/** sRGB channels 0–255 and alpha 0–1. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB = /^rgba?\(\s*([^)]*)\)$/i;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?%?$/i;

export function parseColor(input: string): Result<Rgba, string> {
  const text = input.trim();
  const hex = HEX.exec(text);
  if (hex) {
    const h = hex[1]!;
    const digits = h.length <= 4 ? [...h].map((c) => c + c) : (h.match(/../g) ?? []);
    const [r, g, b, a] = digits.map((d) => parseInt(d, 16));
    return ok({ r: r!, g: g!, b: b!, a: a === undefined ? 1 : a / 255 });
  }
  const rgb = RGB.exec(text);
  if (!rgb) return err(`"${input}" is not a colour this check understands (hex or rgb()/rgba())`);
  const body = rgb[1]!.trim();
  // Modern syntax: "r g b / a"; legacy: "r, g, b, a".
  const [channelsPart, alphaPart, extra] = body.split('/');
  if (extra !== undefined) return err(`"${input}" has more than one "/"`);
  const channels = body.includes(',') ? body.split(',').map((s) => s.trim()) : channelsPart!.trim().split(/\s+/);
  if (alphaPart !== undefined) {
    if (body.includes(',')) return err(`"${input}" mixes commas and "/"`);
    channels.push(alphaPart.trim());
  }
  if (channels.length !== 3 && channels.length !== 4) return err(`"${input}" needs three channels and an optional alpha`);
  if (!channels.every((c) => NUMBER.test(c))) return err(`"${input}" has a channel that is not a number`);
  const channel = (c: string) => clamp(c.endsWith('%') ? (parseFloat(c) * 255) / 100 : parseFloat(c), 0, 255);
  const alpha = (c: string | undefined) => (c === undefined ? 1 : clamp(c.endsWith('%') ? parseFloat(c) / 100 : parseFloat(c), 0, 1));
  return ok({ r: channel(channels[0]!), g: channel(channels[1]!), b: channel(channels[2]!), a: alpha(channels[3]) });
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Paints `top` (with its alpha) over an opaque `bottom`, as the browser composites a tint. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG 2.x relative luminance of an opaque sRGB colour (alpha ignored). */
export function relativeLuminance(c: Rgba): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

/**
 * Contrast ratio (1 to 21) of `fg` on `bg`. A translucent foreground is composited over the
 * background first; the background must be opaque, since what lies under it is unknown here.
 */
export function contrastRatio(fg: Rgba, bg: Rgba): number {
  if (bg.a < 1) throw new RangeError('the background of a contrast ratio must be opaque; composite it over the page first');
  const top = fg.a < 1 ? composite(fg, bg) : fg;
  const [hi, lo] = [relativeLuminance(top), relativeLuminance(bg)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** contrastRatio for CSS colour strings; a colour it cannot read is an error naming it. */
export function cssContrastRatio(fg: string, bg: string): Result<number, string> {
  const f = parseColor(fg);
  if (!f.ok) return f;
  const b = parseColor(bg);
  if (!b.ok) return b;
  if (b.value.a < 1) return err(`background "${bg}" is translucent; composite it over the page first`);
  return ok(contrastRatio(f.value, b.value));
}
