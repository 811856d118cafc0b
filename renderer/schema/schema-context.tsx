// The library's label schema as the UI reads it. Components ask useSchema() instead of importing
// the default, so the schema the analyst edits in Settings is the one every panel, key and
// highlight follows. The provider (loading it from the database) sits at the app's root.

import { createContext, useContext } from 'react';
import { DEFAULT_SCHEMA, type LabelSchema } from '../../src/labels/schema.js';

export const SchemaContext = createContext<LabelSchema>(DEFAULT_SCHEMA);

export function useSchema(): LabelSchema {
  return useContext(SchemaContext);
}
