// spaCy / Prodigy JSON Lines: each record has `text`, `spans` [{start, end, label, token_start,
// token_end}] and usually `tokens` [{text, start, end, id, ws}]. Offsets are code points of the
// text as stored; `token_end` is inclusive (Prodigy's documented convention). Every token is checked
// against the text and every span against its tokens, so a file whose offsets drifted (CRLF, emoji
// counted as two) is refused with the record's line. Also read: spaCy's Doc.to_json() shape
// (`ents`, and `spans` as span groups keyed by name) in a .json file or per line. Records answered
// "reject" or "ignore" in Prodigy are skipped with a warning. Records with the same text are one
// document; `_annotator_id` (else `_session_id`) names whose spans they are.

import type { DecodeResult, FormatProblem, InputFile, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import { isObj, own, show, type Obj } from '../../validation/fields.js';
import { extensionOf, lit, readJson, readJsonLines, type JsonLine } from '../json-interop/read.js';
import { labelsOf, uniqueIds } from '../json-interop/losses.js';
import { SourceText } from '../json-interop/source-text.js';

interface Doc {
  source: SourceText;
  annotations: InterchangeAnnotation[];
  nextId: (wanted: string) => string;
  id?: string;
  title?: string;
  metadata: Record<string, string>;
}

export function decodeSpacy(files: readonly InputFile[]): DecodeResult {
  const problems: FormatProblem[] = [];
  const err = (message: string, where: string): void => void problems.push({ message, where, severity: 'error' });
  const warn = (message: string, where: string): void => void problems.push({ message, where, severity: 'warning' });
  const byText = new Map<string, Doc>();

  for (const file of files) {
    let records: JsonLine[];
    let pathOf: (line: number) => string;
    if (extensionOf(file.name) === 'json') {
      const json = readJson(file);
      if (!json.ok) {
        problems.push(json.problem);
        continue;
      }
      const many = Array.isArray(json.value);
      records = (many ? (json.value as unknown[]) : [json.value]).map((value, i) => ({ line: i, value }));
      pathOf = (i) => (many ? `${file.name}:$[${i}]` : `${file.name}:$`);
    } else {
      const lines = readJsonLines(file);
      if (!lines.ok) {
        problems.push(lines.problem);
        continue;
      }
      records = lines.value;
      pathOf = (line) => `${file.name}:${line}`;
    }
    for (const { line, value } of records) {
      const where = pathOf(line);
      if (!isObj(value)) {
        err(`${where}: a record must be an object with "text" and "spans".`, where);
        continue;
      }
      const answer = own(value, 'answer');
      if (answer === 'reject' || answer === 'ignore') {
        warn(`${where}: answered ${show(answer)} in Prodigy; not imported.`, `${where}.answer`);
        continue;
      }
      const text = own(value, 'text');
      if (typeof text !== 'string') {
        err(`${where}: "text" must be a string, the document's text.`, `${where}.text`);
        continue;
      }
      let doc = byText.get(text);
      if (!doc) {
        doc = { source: new SourceText(text), annotations: [], nextId: uniqueIds(), metadata: {} };
        readMeta(doc, value);
        byText.set(text, doc);
      }
      readRecord(doc, value, where, err);
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { documents: [], labels: [], problems };
  const documents: InterchangeDocument[] = [...byText.values()].map((d) => ({
    text: d.source.text,
    annotations: d.annotations,
    ...(d.id !== undefined ? { id: d.id } : {}),
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(Object.keys(d.metadata).length > 0 ? { metadata: d.metadata } : {}),
  }));
  return { documents, labels: labelsOf(documents), problems, offsetUnitFound: 'codepoint' };
}

function readMeta(doc: Doc, record: Obj): void {
  const meta = own(record, 'meta');
  if (!isObj(meta)) return;
  for (const [k, v] of Object.entries(meta)) {
    if (typeof v !== 'string') continue;
    if (k === 'spanmark_id') doc.id = v;
    else if (k === 'title') doc.title = v;
    else doc.metadata[k] = v;
  }
}

interface Token {
  readonly start: number;
  readonly end: number;
}

function readRecord(doc: Doc, record: Obj, where: string, err: (m: string, w: string) => void): void {
  const { source } = doc;
  const annotatorValue = own(record, '_annotator_id') ?? own(record, '_session_id');
  const annotator = typeof annotatorValue === 'string' && annotatorValue !== '' ? annotatorValue : undefined;

  // Tokens by id (Prodigy's token_start/token_end name ids; ids are positions when absent).
  const tokens = new Map<number, Token>();
  const tokenList = own(record, 'tokens');
  if (tokenList !== undefined && !Array.isArray(tokenList)) return err(`${where}.tokens: must be an array of {start, end, id}.`, `${where}.tokens`);
  (tokenList ?? []).forEach((t: unknown, i: number) => {
    const path = `${where}.tokens[${i}]`;
    if (!isObj(t)) return err(`${path}: a token must be an object {text, start, end, id}.`, path);
    const range = source.rawRange(own(t, 'start'), own(t, 'end'), 'codepoint');
    if (!range) return err(`${path}: ${lit(own(t, 'start'))}..${lit(own(t, 'end'))} is not a span of the text (code points).`, path);
    const tokenText = own(t, 'text');
    const slice = source.raw.slice(range.start, range.end);
    if (typeof tokenText === 'string' && tokenText !== slice) {
      return err(
        `${path}: the token's text ${show(tokenText)} is not the text at ${lit(own(t, 'start'))}..${lit(own(t, 'end'))} (${show(slice)}), counted in code points.`,
        path,
      );
    }
    const id = own(t, 'id');
    tokens.set(typeof id === 'number' ? id : i, range);
  });

  const spans: { value: unknown; path: string }[] = [];
  const spanField = own(record, 'spans');
  if (Array.isArray(spanField)) spanField.forEach((s, i) => spans.push({ value: s, path: `${where}.spans[${i}]` }));
  else if (isObj(spanField)) {
    for (const [group, list] of Object.entries(spanField)) {
      if (Array.isArray(list)) list.forEach((s, i) => spans.push({ value: s, path: `${where}.spans.${group}[${i}]` }));
    }
  } else if (spanField !== undefined) return err(`${where}.spans: must be an array of {start, end, label}.`, `${where}.spans`);
  const ents = own(record, 'ents');
  if (Array.isArray(ents)) ents.forEach((s, i) => spans.push({ value: s, path: `${where}.ents[${i}]` }));

  for (const { value: s, path } of spans) {
    if (!isObj(s)) {
      err(`${path}: a span must be an object {start, end, label}.`, path);
      continue;
    }
    const label = own(s, 'label');
    if (typeof label !== 'string' || label === '') {
      err(`${path}: "label" must be a non-empty string.`, `${path}.label`);
      continue;
    }
    const start = own(s, 'start');
    const end = own(s, 'end');
    const range = source.rawRange(start, end, 'codepoint');
    if (!range) {
      err(`${path}: ${lit(start)}..${lit(end)} is not a span of the text (${[...source.raw].length} code points).`, path);
      continue;
    }
    const spanText = own(s, 'text');
    if (typeof spanText === 'string' && spanText !== source.raw.slice(range.start, range.end)) {
      err(
        `${path}: the span's text ${show(spanText)} is not the text at ${lit(start)}..${lit(end)} (${show(source.raw.slice(range.start, range.end))}), counted in code points.`,
        path,
      );
      continue;
    }
    const ts = own(s, 'token_start');
    const te = own(s, 'token_end');
    if (typeof ts === 'number' && typeof te === 'number' && tokens.size > 0) {
      const first = tokens.get(ts);
      const last = tokens.get(te);
      if (!first || first.start !== range.start) {
        err(`${path}: token_start ${ts} does not start at character ${lit(start)}.`, `${path}.token_start`);
        continue;
      }
      if (!last || last.end !== range.end) {
        const exclusive = tokens.get(te - 1)?.end === range.end;
        err(
          `${path}: token_end ${te} does not end at character ${lit(end)}${exclusive ? ' (token_end is inclusive: the last token of the span, not the one after it)' : ''}.`,
          `${path}.token_end`,
        );
        continue;
      }
    }
    const r = source.toText(range);
    doc.annotations.push({
      id: doc.nextId(typeof own(s, 'id') === 'string' ? (own(s, 'id') as string) : `${doc.annotations.length + 1}`),
      label,
      start: r.start,
      end: r.end,
      quote: source.text.slice(r.start, r.end),
      ...(annotator !== undefined ? { annotator } : {}),
    });
  }
}
