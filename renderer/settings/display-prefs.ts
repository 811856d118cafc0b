// Display preferences: theme (following the system or fixed), zoom and reading width. Stored in
// the settings table like the analyst's name, read at boot so the first paint already has them,
// and applied as attributes and CSS variables on <html>: the stylesheet does the rest, the same in
// Electron and the browser (no webContents zoom, which the browser build could not match).
// Zoom scales the root font size; every font size and the reading column are in rem/em, so text,
// panels and the column grow together while window-relative layout stays put.

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ReadingWidth = 'narrow' | 'medium' | 'wide' | 'full';

export interface DisplayPrefs {
  readonly theme: ThemeChoice;
  readonly zoom: number;
  readonly width: ReadingWidth;
}

export const DEFAULT_DISPLAY: DisplayPrefs = { theme: 'system', zoom: 1, width: 'medium' };

/** Settings-table keys. */
export const DISPLAY_KEYS = { theme: 'theme', zoom: 'zoom', width: 'readingWidth' } as const;

/** The steps Ctrl/⌘ +/- walk through, as browsers do; Ctrl/⌘ 0 returns to 1. */
export const ZOOM_STEPS: readonly number[] = [0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

/** The column's measure in em of the reading font, so it keeps its characters per line at any zoom. */
export const READING_WIDTHS: Readonly<Record<ReadingWidth, { readonly label: string; readonly css: string }>> = {
  narrow: { label: 'Narrow', css: '36em' },
  medium: { label: 'Medium', css: '46em' },
  wide: { label: 'Wide', css: '62em' },
  full: { label: 'Full window', css: 'none' },
};

export const THEMES: Readonly<Record<ThemeChoice, string>> = { system: 'System', light: 'Light', dark: 'Dark' };

export const isThemeChoice = (v: unknown): v is ThemeChoice => v === 'system' || v === 'light' || v === 'dark';
export const isReadingWidth = (v: unknown): v is ReadingWidth => typeof v === 'string' && Object.hasOwn(READING_WIDTHS, v);
/** A stored zoom is used only when it is one of the steps (a hand-edited 40 would make the app unusable). */
export const isZoom = (v: unknown): v is number => typeof v === 'number' && ZOOM_STEPS.includes(v);

/** The next step in `direction` from `current`, staying at the ends; a value between steps snaps to the next one. */
export function zoomStep(current: number, direction: 1 | -1): number {
  if (direction > 0) return ZOOM_STEPS.find((z) => z > current + 1e-9) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((z) => z < current - 1e-9) ?? ZOOM_STEPS[0]!;
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function zoomPercent(zoom: number): string {
  return `${Math.round(zoom * 100)}%`;
}

/** Writes the preferences onto the root element for the stylesheet. */
export function applyDisplay(root: HTMLElement, prefs: DisplayPrefs, systemDark: boolean): void {
  const theme = resolveTheme(prefs.theme, systemDark);
  root.dataset['theme'] = theme;
  root.dataset['themeChoice'] = prefs.theme;
  root.style.setProperty('--zoom', String(prefs.zoom));
  root.style.setProperty('--reading-width', READING_WIDTHS[prefs.width].css);
}
