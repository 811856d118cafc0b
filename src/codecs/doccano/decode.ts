// doccano's sequence-labeling export, JSON Lines (a JSON array of the same records is read too):
// each record has `text` and either `label: [[start, end, "LABEL"], …]` (also `labels`, as older
// versions wrote) or `entities: [{id, label, start_offset, end_offset}, …]` (the relation
// project's form; its `relations` are warned about and not imported). Offsets are code points of
// the text as stored (a CRLF counts two), as doccano documents; a project in grapheme-cluster mode
// writes grapheme offsets, which cannot be told apart from the file alone and are not supported.
// The file carries no quotes, so offsets are checked for range only. Other fields become metadata.

import type { DecodeResult, FormatProblem, InputFile, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import { isObj, own, show } from '../../validation/fields.js';
import { extensionOf, lit, readJson, readJsonLines, type JsonLine } from '../json-interop/read.js';
import { labelsOf, uniqueIds } from '../json-interop/losses.js';
import { SourceText } from '../json-interop/source-text.js';

export function decodeDoccano(files: readonly InputFile[]): DecodeResult {
  const problems: FormatProblem[] = [];
  const err = (message: string, where: string): void => void problems.push({ message, where, severity: 'error' });
  const warn = (message: string, where: string): void => void problems.push({ message, where, severity: 'warning' });
  const documents: InterchangeDocument[] = [];

  for (const file of files) {
    let records: JsonLine[];
    if (extensionOf(file.name) === 'json') {
      const json = readJson(file);
      if (!json.ok) {
        problems.push(json.problem);
        continue;
      }
      if (!Array.isArray(json.value)) {
        err(`${file.name} must hold an array of records with "text" and "label".`, `${file.name}:$`);
        continue;
      }
      records = (json.value as unknown[]).map((value, i) => ({ line: i, value }));
    } else {
      const lines = readJsonLines(file);
      if (!lines.ok) {
        problems.push(lines.problem);
        continue;
      }
      records = lines.value;
    }
    const array = extensionOf(file.name) === 'json';
    for (const { line, value } of records) {
      const where = array ? `${file.name}:$[${line}]` : `${file.name}:${line}`;
      if (!isObj(value)) {
        err(`${where}: a record must be an object with "text" and "label".`, where);
        continue;
      }
      const text = own(value, 'text');
      if (typeof text !== 'string') {
        err(`${where}: "text" must be a string, the document's text.`, `${where}.text`);
        continue;
      }
      const source = new SourceText(text);
      const nextId = uniqueIds();
      const annotations: InterchangeAnnotation[] = [];
      const add = (start: unknown, end: unknown, label: unknown, id: string, path: string): void => {
        if (typeof label !== 'string' && typeof label !== 'number') return err(`${path}: the label must be a string.`, path);
        const range = source.rawRange(start, end, 'codepoint');
        if (!range) {
          return err(`${path}: ${lit(start)}..${lit(end)} is not a span of the text (${[...text].length} code points).`, path);
        }
        const r = source.toText(range);
        annotations.push({ id: nextId(id), label: String(label), start: r.start, end: r.end, quote: source.text.slice(r.start, r.end) });
      };
      const key = ['label', 'labels'].find((k) => own(value, k) !== undefined);
      const triples = key === undefined ? undefined : own(value, key);
      if (triples !== undefined) {
        if (!Array.isArray(triples)) {
          err(`${where}.${key}: must be an array of [start, end, "LABEL"].`, `${where}.${key}`);
          continue;
        }
        triples.forEach((t, i) => {
          const path = `${where}.${key}[${i}]`;
          if (typeof t === 'string') return warn(`${path}: ${show(t)} is a document-level category, not a span; not imported.`, path);
          if (!Array.isArray(t) || t.length !== 3) return err(`${path}: must be [start, end, "LABEL"].`, path);
          add(t[0], t[1], t[2], String(i + 1), path);
        });
      }
      const entities = own(value, 'entities');
      if (entities !== undefined) {
        if (!Array.isArray(entities)) {
          err(`${where}.entities: must be an array of {id, label, start_offset, end_offset}.`, `${where}.entities`);
          continue;
        }
        entities.forEach((e, i) => {
          const path = `${where}.entities[${i}]`;
          if (!isObj(e)) return err(`${path}: must be an object {id, label, start_offset, end_offset}.`, path);
          const id = own(e, 'id');
          add(
            own(e, 'start_offset'),
            own(e, 'end_offset'),
            own(e, 'label'),
            typeof id === 'number' || typeof id === 'string' ? String(id) : String(i + 1),
            path,
          );
        });
      }
      const relations = own(value, 'relations');
      if (Array.isArray(relations) && relations.length > 0) {
        warn(
          `${where}.relations: ${relations.length} relation(s) are not imported (doccano relations are not carried by this format's import yet).`,
          `${where}.relations`,
        );
      }
      const metadata: Record<string, string> = {};
      for (const [k, v] of Object.entries(value)) {
        if (['id', 'text', 'label', 'labels', 'entities', 'relations'].includes(k) || v === null || v === undefined) continue;
        metadata[k] = typeof v === 'string' ? v : JSON.stringify(v);
      }
      const id = own(value, 'id');
      documents.push({
        text: source.text,
        annotations,
        ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id) } : {}),
        ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
      });
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { documents: [], labels: [], problems };
  return { documents, labels: labelsOf(documents), problems, offsetUnitFound: 'codepoint' };
}
