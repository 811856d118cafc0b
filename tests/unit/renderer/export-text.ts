// A document export's file as the text a reader gets: its pieces joined, checked against the count
// the payload gives.

import type { ExportPayload } from '../../../renderer/io/export.js';

export function exportText(payload: ExportPayload): string {
  const text = payload.pieces.join('');
  if (text.length !== payload.chars) throw new Error(`the pieces hold ${text.length} characters, the payload says ${payload.chars}`);
  return text;
}
