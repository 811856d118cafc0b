// How different two colours look: CIE76 ΔE in CIELAB (D65), from sRGB. Coarse next to CIEDE2000,
// but monotonic enough to prove that two labels' marks are not near-twins (ΔE 2 is about the
// smallest difference an eye notices; the display tests ask for far more). Alpha is ignored:
// composite a translucent colour over its background first (contrast.ts).

import type { Rgba } from './contrast.js';

export interface Lab {
  readonly l: number;
  readonly a: number;
  readonly b: number;
}

const WHITE_D65 = { x: 0.95047, y: 1, z: 1.08883 };

export function toLab(c: Rgba): Lab {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin(c.r), lin(c.g), lin(c.b)];
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / WHITE_D65.x;
  const y = (0.2126729 * r + 0.7151522 * g + 0.072175 * b) / WHITE_D65.y;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / WHITE_D65.z;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return { l: 116 * f(y) - 16, a: 500 * (f(x) - f(y)), b: 200 * (f(y) - f(z)) };
}

export function deltaE(p: Rgba, q: Rgba): number {
  const [a, b] = [toLab(p), toLab(q)];
  return Math.hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}
