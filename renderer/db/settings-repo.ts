// Small key/value settings (the analyst's name, last opened document).

import type { SpanmarkDb } from './db.js';

export async function getSetting<T>(db: SpanmarkDb, key: string, guard: (v: unknown) => v is T): Promise<T | undefined> {
  const rec = await db.settings.get(key);
  return rec && guard(rec.value) ? rec.value : undefined;
}

export async function putSetting(db: SpanmarkDb, key: string, value: unknown): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key, value });
  });
}

export const isString = (v: unknown): v is string => typeof v === 'string';
