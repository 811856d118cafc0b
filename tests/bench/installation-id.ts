// The profile's installation id, read from its settings in the page, so the benches' export files
// can say they are mine (the import then puts them in my layer without asking). Undefined when the
// profile has none yet.

import type { Page } from '@playwright/test';

export function installationId(page: Page): Promise<string | undefined> {
  return page.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        const open = indexedDB.open('spanmark');
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('settings')) return resolve(undefined);
          const r = db.transaction('settings', 'readonly').objectStore('settings').get('annotatorId');
          r.onsuccess = () => resolve((r.result as { value?: string } | undefined)?.value);
          r.onerror = () => resolve(undefined);
          db.close();
        };
      }),
  );
}
