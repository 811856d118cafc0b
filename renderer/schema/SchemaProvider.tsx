// Supplies the library's schema to the whole UI and follows every change to it (the Settings
// editor, an import that adds labels, another window), so keys, menus and highlights never
// disagree with what is stored. The first value is read before the app draws (boot), so no
// panel ever paints with the default and then jumps.

import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, type ReactNode } from 'react';
import type { LabelSchema } from '../../src/labels/schema.js';
import type { SpanmarkDb } from '../db/db.js';
import { loadSchema } from '../db/schema-repo.js';
import { applyLabelStyles } from './label-styles.js';
import { SchemaContext } from './schema-context.js';

export function SchemaProvider({ db, initial, children }: { readonly db: SpanmarkDb; readonly initial: LabelSchema; readonly children: ReactNode }) {
  const schema = useLiveQuery(() => loadSchema(db), [db], initial);
  // Before paint: a highlight or chip of a new label never shows unstyled.
  useLayoutEffect(() => applyLabelStyles(schema), [schema]);
  return <SchemaContext.Provider value={schema}>{children}</SchemaContext.Provider>;
}
