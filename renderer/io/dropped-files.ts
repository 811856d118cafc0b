// Files dropped on the window go where File › Open and File › Import send them: a .json file is
// imported as an export, anything else is opened as an article. What a file's name and size alone
// decide (unsupported type, empty, over the size limit) is refused from File.size before a byte is
// read, with the same message the menu command gives; everything else is read and handed to the
// same functions the menu commands use, so the checks and messages are theirs.

import { precheckArticleFile } from '../../src/document/open-article.js';
import { importSizeProblem } from './import.js';

export type DropKind = 'article' | 'export';

export type DropPlan =
  { readonly ok: true; readonly kind: DropKind; readonly file: File } | { readonly ok: false; readonly kind: DropKind; readonly message: string };

export function kindOfDropped(name: string): DropKind {
  return /\.json$/i.test(name) ? 'export' : 'article';
}

/** Whether a dropped file may be read, decided without reading it. */
export function planDroppedFile(file: File): DropPlan {
  const kind = kindOfDropped(file.name);
  const refused = kind === 'export' ? importSizeProblem(file.name, file.size) : precheckArticleFile(file.name, file.size);
  if (refused && !refused.ok) return { ok: false, kind, message: refused.error.message };
  return { ok: true, kind, file };
}
