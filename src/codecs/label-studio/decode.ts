// Label Studio's JSON export: an array of tasks (one task object is accepted too), each with
// `data.text` and `annotations[]` (`completions[]` in exports before 1.0), one annotation per
// annotator (`completed_by`), its `result[]` holding regions. The flat JSON-MIN export ({text,
// label: [{start, end, text, labels}], annotator}) is read too. Only regions of type `labels` are
// spans; other result types (choices, textarea, relation, …) and `predictions` are named in a
// warning and not imported. Offsets: current Label Studio stores code points, older exports hold
// UTF-16 code units; every region's `value.text` is checked against the slice under both units,
// the unit that fits every region of the file is taken and reported (offsetUnitFound), and a region
// that fits neither refuses the file, with its JSON path.

import type { DecodeResult, FormatProblem, InputFile, InterchangeAnnotation, InterchangeDocument, OffsetUnit } from '../registry/format.js';
import { isObj, own, show, type Obj } from '../../validation/fields.js';
import { lit, readJson } from '../json-interop/read.js';
import { labelsOf, uniqueIds } from '../json-interop/losses.js';
import { SourceText, unitFittingAll } from '../json-interop/source-text.js';

interface Region {
  readonly path: string;
  readonly source: SourceText;
  readonly start: unknown;
  readonly end: unknown;
  readonly quote: string | undefined;
  readonly labels: readonly string[];
  readonly id: string;
  readonly annotator: string | undefined;
  readonly doc: number;
}

export function decodeLabelStudio(files: readonly InputFile[]): DecodeResult {
  const problems: FormatProblem[] = [];
  const err = (message: string, where: string): void => void problems.push({ message, where, severity: 'error' });
  const warn = (message: string, where: string): void => void problems.push({ message, where, severity: 'warning' });
  const docs: { source: SourceText; id?: string; title?: string; metadata: Record<string, string> }[] = [];
  const regions: Region[] = [];

  // JSON-MIN, Label Studio's flat export: {text, <from_name>: [{start, end, text, labels}], annotator}
  // per task and annotator. Region lists are the arrays whose items carry `labels`.
  const minDocs = new Map<string, number>();
  const readJsonMin = (task: Obj, tp: string): void => {
    // One row per annotation: rows of one task (same id, same text) are one document.
    const id = own(task, 'id');
    const key = JSON.stringify([typeof id === 'number' || typeof id === 'string' ? String(id) : tp, own(task, 'text')]);
    let doc = minDocs.get(key);
    if (doc === undefined) {
      doc = docs.length;
      minDocs.set(key, doc);
      docs.push({
        source: new SourceText(own(task, 'text') as string),
        metadata: {},
        ...(typeof id === 'number' || typeof id === 'string' ? { id: String(id) } : {}),
      });
    }
    const { source } = docs[doc]!;
    const d = doc;
    const annotator = annotatorOf(own(task, 'annotator'));
    for (const [field, list] of Object.entries(task)) {
      if (!Array.isArray(list) || !list.some((x) => isObj(x) && own(x, 'labels') !== undefined)) continue;
      list.forEach((value, i) => {
        const vp = `${tp}.${field}[${i}]`;
        if (!isObj(value)) return err(`${vp} must be an object with start, end, text and labels.`, vp);
        const labels = own(value, 'labels');
        if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string' && l !== '')) {
          return err(`${vp}.labels must be a non-empty array of label names.`, `${vp}.labels`);
        }
        const quote = own(value, 'text');
        if (quote !== undefined && typeof quote !== 'string') return err(`${vp}.text must be a string.`, `${vp}.text`);
        regions.push({
          path: vp,
          source,
          start: own(value, 'start'),
          end: own(value, 'end'),
          quote,
          labels: labels as string[],
          id: `${field}-${i + 1}`,
          annotator,
          doc: d,
        });
      });
    }
  };

  for (const file of files) {
    const json = readJson(file);
    if (!json.ok) {
      problems.push(json.problem);
      continue;
    }
    const tasks = Array.isArray(json.value) ? json.value : [json.value];
    const root = Array.isArray(json.value) ? `${file.name}:$` : `${file.name}:$`;
    tasks.forEach((task, t) => {
      const tp = Array.isArray(json.value) ? `${root}[${t}]` : root;
      if (!isObj(task)) return err(`${tp} must be a task object, but it is not.`, tp);
      const data = own(task, 'data');
      if (!isObj(data) && typeof own(task, 'text') === 'string') return readJsonMin(task, tp);
      if (!isObj(data)) return err(`${tp}.data is missing: a Label Studio task keeps its text in data.text.`, `${tp}.data`);
      const text = textOf(data, tp, err, warn);
      if (text === undefined) return;
      const doc = docs.length;
      const source = new SourceText(text);
      const metadata: Record<string, string> = {};
      for (const [k, v] of Object.entries(data)) if (typeof v === 'string' && !['text', 'title', 'spanmark_id'].includes(k)) metadata[k] = v;
      const title = own(data, 'title');
      // The document's own id, when Spanmark wrote the file; else the task's id.
      const id = typeof own(data, 'spanmark_id') === 'string' ? own(data, 'spanmark_id') : own(task, 'id');
      docs.push({
        source,
        metadata,
        ...(typeof title === 'string' ? { title } : {}),
        ...(typeof id === 'number' || typeof id === 'string' ? { id: String(id) } : {}),
      });
      const predictions = own(task, 'predictions');
      if (Array.isArray(predictions) && predictions.length > 0) {
        warn(`${tp}.predictions: ${predictions.length} model prediction(s) are not imported; only annotations are.`, `${tp}.predictions`);
      }
      const key = Array.isArray(own(task, 'annotations')) ? 'annotations' : Array.isArray(own(task, 'completions')) ? 'completions' : undefined;
      if (key === undefined) {
        if (own(task, 'annotations') !== undefined) err(`${tp}.annotations must be an array.`, `${tp}.annotations`);
        return;
      }
      (own(task, key) as unknown[]).forEach((ann, a) => {
        const ap = `${tp}.${key}[${a}]`;
        if (!isObj(ann)) return err(`${ap} must be an object.`, ap);
        if (own(ann, 'was_cancelled') === true) return warn(`${ap} was skipped (cancelled) in Label Studio and is not imported.`, ap);
        const annotator = annotatorOf(own(ann, 'completed_by'));
        const result = own(ann, 'result');
        if (!Array.isArray(result)) return err(`${ap}.result must be an array of regions.`, `${ap}.result`);
        const ignored = new Map<string, number>();
        result.forEach((r, i) => {
          const rp = `${ap}.result[${i}]`;
          if (!isObj(r)) return err(`${rp} must be an object.`, rp);
          const type = own(r, 'type');
          if (type !== 'labels') {
            ignored.set(lit(type), (ignored.get(lit(type)) ?? 0) + 1);
            return;
          }
          const value = own(r, 'value');
          if (!isObj(value)) return err(`${rp}.value must be an object with start, end, text and labels.`, `${rp}.value`);
          const labels = own(value, 'labels');
          if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === 'string' && l !== '')) {
            return err(`${rp}.value.labels must be a non-empty array of label names.`, `${rp}.value.labels`);
          }
          const quote = own(value, 'text');
          if (quote !== undefined && typeof quote !== 'string') return err(`${rp}.value.text must be a string.`, `${rp}.value.text`);
          const rid = own(r, 'id');
          regions.push({
            path: `${rp}.value`,
            source,
            start: own(value, 'start'),
            end: own(value, 'end'),
            quote,
            labels: labels as string[],
            id: typeof rid === 'string' || typeof rid === 'number' ? String(rid) : `${doc + 1}-${a + 1}-${i + 1}`,
            annotator,
            doc,
          });
        });
        for (const [type, n] of ignored) warn(`${ap}: ${n} result(s) of type ${type} are not spans and are not imported.`, `${ap}.result`);
      });
    });
  }

  const checked = regions.filter((r) => r.quote !== undefined);
  if (checked.length < regions.length) {
    warn(
      `${regions.length - checked.length} region(s) have no value.text; their offsets are taken as code points, unchecked.`,
      regions.find((r) => r.quote === undefined)!.path,
    );
  }
  // Judged file by file: one export holds one unit, but exports of different versions may be read together.
  const byFile = new Map<string, Region[]>();
  for (const r of regions) {
    const name = r.path.slice(0, r.path.indexOf(':$'));
    const group = byFile.get(name);
    if (group) group.push(r);
    else byFile.set(name, [r]);
  }
  const unitOf = new Map<Region, OffsetUnit>();
  const units = new Set<OffsetUnit>();
  for (const [name, group] of byFile) {
    const unit = unitFittingAll(group, ['codepoint', 'utf16']);
    if (unit !== undefined) {
      for (const r of group) unitOf.set(r, unit);
      units.add(unit);
      if (unit === 'utf16') warn(`${name}: offsets are UTF-16 code units (an older Label Studio export); they were converted to code points.`, name);
      continue;
    }
    const before = problems.length;
    for (const r of group) {
      const cp = r.source.slice(r.start, r.end, 'codepoint');
      const u16 = r.source.slice(r.start, r.end, 'utf16');
      if (cp === undefined && u16 === undefined) {
        err(`${r.path}: start ${lit(r.start)} and end ${lit(r.end)} are not a span of the task's text (${r.source.raw.length} UTF-16 units).`, r.path);
      } else if (r.quote !== undefined && cp !== r.quote && u16 !== r.quote) {
        err(
          `${r.path}: value.text ${show(r.quote)} is not the text at start ${lit(r.start)}..end ${lit(r.end)}, counted in code points (${cp === undefined ? 'out of range' : show(cp)}) or in UTF-16 units (${u16 === undefined ? 'out of range' : show(u16)}).`,
          r.path,
        );
      }
    }
    if (problems.length === before) {
      err(`${name}: the regions mix offsets in code points and in UTF-16 units; a file holds one unit, so none can be trusted.`, group[0]!.path);
    }
  }
  if (problems.some((p) => p.severity === 'error')) return { documents: [], labels: [], problems };

  const annotations: InterchangeAnnotation[][] = docs.map(() => []);
  const ids = docs.map(() => uniqueIds());
  for (const r of regions) {
    const range = r.source.toText(r.source.rawRange(r.start, r.end, unitOf.get(r)!)!);
    for (const label of r.labels) {
      annotations[r.doc]!.push({
        id: ids[r.doc]!(r.labels.length > 1 ? `${r.id}-${label}` : r.id),
        label,
        start: range.start,
        end: range.end,
        quote: r.source.text.slice(range.start, range.end),
        ...(r.annotator !== undefined ? { annotator: r.annotator } : {}),
      });
    }
  }
  const documents: InterchangeDocument[] = docs.map((d, i) => ({
    text: d.source.text,
    annotations: annotations[i]!,
    ...(d.id !== undefined ? { id: d.id } : {}),
    ...(d.title !== undefined ? { title: d.title } : {}),
    ...(Object.keys(d.metadata).length > 0 ? { metadata: d.metadata } : {}),
  }));
  // Files of different units together have no one unit to report; each was named in a warning.
  return { documents, labels: labelsOf(documents), problems, ...(units.size === 1 ? { offsetUnitFound: [...units][0]! } : {}) };
}

/** data.text, or the only string field when the labeling config named the text otherwise. */
function textOf(data: Obj, tp: string, err: (m: string, w: string) => void, warn: (m: string, w: string) => void): string | undefined {
  const text = own(data, 'text');
  if (typeof text === 'string') return text;
  if (text !== undefined) return void err(`${tp}.data.text must be a string.`, `${tp}.data.text`);
  const strings = Object.entries(data).filter(([, v]) => typeof v === 'string');
  if (strings.length === 1) {
    warn(`${tp}.data has no "text"; its only text field ${show(strings[0]![0])} was taken as the text.`, `${tp}.data`);
    return strings[0]![1] as string;
  }
  return void err(`${tp}.data.text is missing: a Label Studio text task keeps its text in data.text.`, `${tp}.data.text`);
}

/** Label Studio writes completed_by as a user id (number) or, in older exports, a user object. */
function annotatorOf(v: unknown): string | undefined {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number') return String(v);
  if (!isObj(v)) return undefined;
  for (const k of ['email', 'username']) {
    const s = own(v, k);
    if (typeof s === 'string' && s !== '') return s;
  }
  const name = [own(v, 'first_name'), own(v, 'last_name')].filter((s) => typeof s === 'string' && s !== '').join(' ');
  if (name !== '') return name;
  const id = own(v, 'id');
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined;
}
