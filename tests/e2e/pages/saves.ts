// Waiting for the app's "saved" event (a write committed and acknowledged) without a race: the
// counter is read in one awaited round trip *before* the key or click that causes the save, and the
// wait is for the counter to move past it. A listener started without awaiting (the old way) could
// be installed after a quick save had already fired, and then waited forever.
// The counter lives on the window, so a reload between arming and waiting is not supported.

import type { Page } from '@playwright/test';
import { APP_EVENTS } from '../../../renderer/app/events.js';

interface SaveCounter {
  __smSaves?: number;
}

/** Arms a wait for the next `n` committed saves; call the function returned after acting. */
export async function armSaves(page: Page): Promise<(n?: number) => Promise<void>> {
  const before = await page.evaluate((name) => {
    const w = window as unknown as SaveCounter;
    if (w.__smSaves === undefined) {
      w.__smSaves = 0;
      window.addEventListener(name, () => (w.__smSaves = (w.__smSaves ?? 0) + 1));
    }
    return w.__smSaves;
  }, APP_EVENTS.saved);
  return async (n = 1) => {
    await page.waitForFunction(([from, count]) => ((window as unknown as SaveCounter).__smSaves ?? 0) >= from + count, [before, n] as const, {
      polling: 'raf',
    });
  };
}
