// Where the main window reopens: the size and place it had, unless that place is no longer on any
// display (a monitor unplugged, a resolution changed). Pure: the state file's text and the displays'
// work areas come in, bounds go out, so every odd layout is unit-tested without a screen.

/** A rectangle in screen DIPs (Electron's coordinates), x/y at the top-left. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** The normal (not maximised) bounds, so un-maximising returns to them. */
  readonly bounds: Rect;
  readonly maximized: boolean;
}

/** Bounds for a new window; x/y absent means "let the OS centre it". */
export interface WindowPlacement {
  readonly width: number;
  readonly height: number;
  readonly x?: number;
  readonly y?: number;
  readonly maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 860 } as const;
export const MIN_WINDOW_SIZE = { width: 640, height: 480 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';
const MAX_COORDINATE = 1_000_000;

/** Parses the state file; anything malformed (hand edits, a torn write) is null, never an exception. */
export function parseWindowState(text: string): WindowState | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { bounds, maximized } = data as { bounds?: unknown; maximized?: unknown };
  const rect = parseRect(bounds);
  if (rect === null || rect.width <= 0 || rect.height <= 0) return null;
  return { bounds: rect, maximized: maximized === true };
}

function parseRect(value: unknown): Rect | null {
  if (typeof value !== 'object' || value === null) return null;
  const { x, y, width, height } = value as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) <= MAX_COORDINATE)) return null;
  return { x: Math.round(x as number), y: Math.round(y as number), width: Math.round(width as number), height: Math.round(height as number) };
}

export function serializeWindowState(state: WindowState): string {
  const { x, y, width, height } = state.bounds;
  return `${JSON.stringify({ bounds: { x, y, width, height }, maximized: state.maximized }, null, 2)}\n`;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Where to open the window, given the saved state (or null) and the displays' work areas, primary first.
 * The window goes on the display it overlaps most, is shrunk to fit that work area (never below the
 * minimum unless the display itself is smaller) and moved fully onto it. A window on no display moves
 * to the primary one, centred. With no state, or no displays, the default size is centred by the OS.
 */
export function placeWindow(state: WindowState | null, workAreas: readonly Rect[]): WindowPlacement {
  const primary = workAreas[0];
  if (state === null || primary === undefined) {
    const width = primary === undefined ? DEFAULT_WINDOW_SIZE.width : Math.min(DEFAULT_WINDOW_SIZE.width, primary.width);
    const height = primary === undefined ? DEFAULT_WINDOW_SIZE.height : Math.min(DEFAULT_WINDOW_SIZE.height, primary.height);
    return { width, height, maximized: state?.maximized ?? false };
  }
  let best = primary;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(state.bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  const width = Math.min(Math.max(state.bounds.width, MIN_WINDOW_SIZE.width), best.width);
  const height = Math.min(Math.max(state.bounds.height, MIN_WINDOW_SIZE.height), best.height);
  const onScreen = bestArea > 0;
  const x = onScreen ? clamp(state.bounds.x, best.x, best.x + best.width - width) : best.x + Math.floor((best.width - width) / 2);
  const y = onScreen ? clamp(state.bounds.y, best.y, best.y + best.height - height) : best.y + Math.floor((best.height - height) / 2);
  return { width, height, x, y, maximized: state.maximized };
}
