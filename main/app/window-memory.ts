// Electron glue for window-state.ts: reads the saved state against the current displays, and writes
// it back (debounced while the user drags, once more on close). Losing this file costs only a window
// position, so failures are logged and swallowed; the write is still atomic so a crash cannot tear it.

import { screen, type BrowserWindow } from 'electron';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWindowState, placeWindow, serializeWindowState, WINDOW_STATE_FILE, type WindowPlacement } from './window-state.js';

const SAVE_DELAY_MS = 400;

/** The placement for the main window, from `<userData>/window-state.json` and the live displays. */
export function loadWindowPlacement(userDataDir: string): WindowPlacement {
  let text: string | null = null;
  try {
    text = readFileSync(join(userDataDir, WINDOW_STATE_FILE), 'utf8');
  } catch {
    // First run, or the file was removed: default placement.
  }
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return placeWindow(text === null ? null : parseWindowState(text), [primary.workArea, ...others.map((d) => d.workArea)]);
}

/** Keeps `<userData>/window-state.json` in step with the window until it closes. */
export function rememberWindowState(win: BrowserWindow, userDataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    timer = undefined;
    if (win.isDestroyed()) return;
    const text = serializeWindowState({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
    const file = join(userDataDir, WINDOW_STATE_FILE);
    const temp = `${file}.${process.pid}.tmp`;
    try {
      mkdirSync(userDataDir, { recursive: true });
      writeFileSync(temp, text, 'utf8');
      renameSync(temp, file);
    } catch (error) {
      console.warn(`Spanmark: could not save the window position (${String(error)})`);
    }
  };
  const schedule = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', schedule);
  win.on('move', schedule);
  win.on('maximize', schedule);
  win.on('unmaximize', schedule);
  win.on('close', () => {
    if (timer !== undefined) clearTimeout(timer);
    save();
  });
}
