// The library's label schema, kept in the settings table under one key: it is read whole at
// start and written whole on every (versioned) change, so it needs no table or index of its own.

import { DEFAULT_SCHEMA, type LabelSchema } from '../../src/labels/schema.js';
import type { SpanmarkDb } from './db.js';
import { getSetting, putSetting } from './settings-repo.js';

export const SCHEMA_SETTING = 'labelSchema';

function looksLikeSchema(v: unknown): v is LabelSchema {
  const s = v as Partial<LabelSchema> | null;
  return typeof s === 'object' && s !== null && typeof s.id === 'string' && typeof s.version === 'number' && Array.isArray(s.labels);
}

/** The stored schema, or the default for a library that never changed it. */
export async function loadSchema(db: SpanmarkDb): Promise<LabelSchema> {
  return (await getSetting(db, SCHEMA_SETTING, looksLikeSchema)) ?? DEFAULT_SCHEMA;
}

/** Replaces the stored schema; the caller has already bumped `version`. */
export async function saveSchema(db: SpanmarkDb, schema: LabelSchema): Promise<void> {
  await putSetting(db, SCHEMA_SETTING, schema);
}
