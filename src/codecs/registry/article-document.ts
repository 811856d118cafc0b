// The library's article and an annotation layer as the registry's interchange document, so the
// app's "Export as…" hands the open document to any codec. Offsets stay UTF-16 (the interchange
// unit); each codec converts to its own. Not here: colleague layers and review decisions, which
// no interchange format carries (Spanmark's own export keeps them).

import type { Annotation } from '../../annotations/types.js';
import type { Article } from '../../document/article.js';
import type { InterchangeDocument } from './format.js';

export function articleToInterchange(article: Article, annotations: readonly Annotation[]): InterchangeDocument {
  const metadata: Record<string, string> = {};
  if (article.metadata.date !== undefined) metadata['date'] = article.metadata.date;
  if (article.metadata.sourceName !== undefined) metadata['sourceName'] = article.metadata.sourceName;
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    metadata,
    annotations: annotations.map((a) => ({
      id: a.id,
      label: a.label,
      start: a.start,
      end: a.end,
      quote: article.text.slice(a.start, a.end),
      annotator: a.annotator,
      ...(a.note !== undefined && a.note !== '' ? { note: a.note } : {}),
      ...(a.attributes !== undefined && Object.keys(a.attributes).length > 0 ? { attributes: a.attributes } : {}),
    })),
  };
}

/** A file name stem from a title: no path separators or characters file systems refuse. */
export function exportBaseName(title: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    // Leading dots hide a file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+|[.\s]+$/g, '');
  return cleaned.slice(0, 120) || 'document';
}
