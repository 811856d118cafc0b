// Reads W3C Web Annotation JSON-LD: an AnnotationCollection with embedded AnnotationPages, one
// AnnotationPage, a list of annotations or a single one (and Hypothesis' own JSON, {rows} with
// tags as labels and text as the note), plus the annotated texts as .txt files
// named by each target's `source` (its last path segment; with one text and one source they are
// paired, with a warning). What each body means is described in encode.ts; bodies of other
// purposes are named in a warning. An annotation without a tagging body labels nothing and is
// skipped with a warning, and so is an annotation whose targets are other annotations (a link).
//
// Offsets: the model counts TextPositionSelector positions in code points, but Hypothesis and
// Recogito write UTF-16 counts. Every position is checked against its TextQuoteSelector's `exact`
// under both units; the unit that fits every annotation of the file is taken and reported
// (offsetUnitFound); an annotation whose positions fit neither refuses the file with its path. An
// annotation with a quote but no positions is placed where exact, prefix and suffix match exactly
// once, and refused when they match nowhere or in several places.

import type { DecodeResult, FormatProblem, InputFile, InterchangeAnnotation, InterchangeDocument } from '../registry/format.js';
import type { AttributeValue } from '../../labels/attributes.js';
import { isObj, own, show, type Obj } from '../../validation/fields.js';
import { extensionOf, lit, readJson, readText } from '../json-interop/read.js';
import { labelsOf, uniqueIds } from '../json-interop/losses.js';
import { SourceText, unitFittingAll } from '../json-interop/source-text.js';
import { ID_PREFIX } from './capabilities.js';

interface Found {
  readonly path: string;
  readonly source: SourceText;
  readonly doc: number;
  readonly start: unknown;
  readonly end: unknown;
  readonly quote: string | undefined;
  readonly prefix: string | undefined;
  readonly suffix: string | undefined;
  readonly hasPosition: boolean;
  readonly id: string;
  readonly labels: readonly string[];
  readonly note: string | undefined;
  readonly attributes: Record<string, AttributeValue>;
  readonly annotator: string | undefined;
}

export function decodeWebAnnotation(files: readonly InputFile[]): DecodeResult {
  const problems: FormatProblem[] = [];
  const err = (message: string, where: string): void => void problems.push({ message, where, severity: 'error' });
  const warn = (message: string, where: string): void => void problems.push({ message, where, severity: 'warning' });

  const texts: { name: string; source: SourceText }[] = [];
  for (const f of files.filter((f) => extensionOf(f.name) === 'txt')) {
    const t = readText(f);
    if (!t.ok) problems.push(t.problem);
    else texts.push({ name: baseName(f.name), source: new SourceText(t.value) });
  }

  const found: Found[] = [];
  for (const file of files.filter((f) => extensionOf(f.name) !== 'txt')) {
    const json = readJson(file);
    if (!json.ok) {
      problems.push(json.problem);
      continue;
    }
    const annotations: { value: Obj; path: string }[] = [];
    collect(json.value, `${file.name}:$`, annotations, err);
    if (annotations.length === 0) warn(`${file.name} holds no annotations.`, file.name);
    const sources = new Set(annotations.map((a) => sourceOf(targetOf(a.value))).filter((s) => s !== undefined));
    for (const { value, path } of annotations) {
      // Targets that are other annotations (by id, no selector): a link between them, as Recogito
      // writes its relations (motivation "linking"). Spanmark's links are attributes of a label
      // the schema defines, so it is named and left out, not a reason to refuse the file.
      const rawTargets = own(value, 'target');
      const targets = Array.isArray(rawTargets) ? (rawTargets as unknown[]) : [rawTargets];
      if (targets.every((t) => isObj(t) && typeof own(t, 'id') === 'string' && own(t, 'selector') === undefined && own(t, 'source') === undefined)) {
        const motivation = own(value, 'motivation');
        warn(
          `${path}: an annotation of other annotations (a link${typeof motivation === 'string' ? `, motivation ${show(motivation)}` : ''}) is not imported.`,
          `${path}.target`,
        );
        continue;
      }
      const target = targetOf(value);
      const tp = Array.isArray(own(value, 'target')) ? `${path}.target[0]` : `${path}.target`;
      if (Array.isArray(own(value, 'target')) && (own(value, 'target') as unknown[]).length > 1) {
        warn(`${path}.target: only the first of ${(own(value, 'target') as unknown[]).length} targets is read.`, `${path}.target`);
      }
      if (!target) {
        err(`${tp} must be an object with a source and selectors.`, tp);
        continue;
      }
      const source = sourceOf(target);
      let doc = texts.findIndex((t) => source !== undefined && t.name === baseName(source));
      if (doc < 0 && texts.length === 1 && sources.size <= 1) {
        doc = 0;
        warn(`${tp}.source ${show(source ?? '(none)')} names no given text; the only text given, ${texts[0]!.name}, was taken.`, `${tp}.source`);
      }
      if (doc < 0) {
        err(`${tp}.source ${show(source ?? '(none)')}: no text of that name was given; add the annotated .txt file beside the annotations.`, `${tp}.source`);
        continue;
      }
      const selectors = own(target, 'selector');
      const list = Array.isArray(selectors) ? selectors : [selectors];
      const quote = list.find((s) => isObj(s) && own(s, 'type') === 'TextQuoteSelector') as Obj | undefined;
      const position = list.find((s) => isObj(s) && own(s, 'type') === 'TextPositionSelector') as Obj | undefined;
      if (!quote && !position) {
        err(`${tp}.selector: neither a TextQuoteSelector nor a TextPositionSelector; the span cannot be placed.`, `${tp}.selector`);
        continue;
      }
      const exact = quote ? own(quote, 'exact') : undefined;
      if (quote && typeof exact !== 'string') {
        err(`${tp}: the TextQuoteSelector's "exact" must be a string.`, `${tp}.selector`);
        continue;
      }
      const bodies = own(value, 'body') === undefined && Array.isArray(own(value, 'tags')) ? hypothesisBodies(value) : readBodies(value, path, err, warn);
      if (bodies.labels.length === 0) {
        warn(`${path}: no body with purpose "tagging" names a label; not imported.`, `${path}.body`);
        continue;
      }
      const strOr = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
      const id = own(value, 'id');
      found.push({
        path: `${tp}.selector`,
        source: texts[doc]!.source,
        doc,
        start: position ? own(position, 'start') : undefined,
        end: position ? own(position, 'end') : undefined,
        quote: strOr(exact),
        prefix: quote ? strOr(own(quote, 'prefix')) : undefined,
        suffix: quote ? strOr(own(quote, 'suffix')) : undefined,
        hasPosition: position !== undefined,
        id: typeof id === 'string' ? (id.startsWith(ID_PREFIX) ? safeDecode(id.slice(ID_PREFIX.length)) : id) : `${found.length + 1}`,
        ...bodies,
        annotator: creatorOf(own(value, 'creator')) ?? hypothesisUser(value),
      });
    }
  }

  const positioned = found.filter((f) => f.hasPosition);
  const unit = unitFittingAll(positioned, ['codepoint', 'utf16']);
  if (unit === undefined) {
    for (const f of positioned) {
      const cp = f.source.slice(f.start, f.end, 'codepoint');
      const u16 = f.source.slice(f.start, f.end, 'utf16');
      if ((cp === undefined || (f.quote !== undefined && cp !== f.quote)) && (u16 === undefined || (f.quote !== undefined && u16 !== f.quote))) {
        err(
          `${f.path}: the TextPositionSelector ${lit(f.start)}..${lit(f.end)} is not where the quote ${show(f.quote ?? '')} is, counted in code points (${cp === undefined ? 'out of range' : show(cp)}) or in UTF-16 units (${u16 === undefined ? 'out of range' : show(u16)}).`,
          f.path,
        );
      }
    }
    if (!problems.some((p) => p.severity === 'error'))
      err('The annotations mix positions in code points and in UTF-16 units; none can be trusted.', positioned[0]!.path);
  } else if (unit === 'utf16' && positioned.length > 0) {
    warn(
      'TextPositionSelector positions are UTF-16 code units (as Hypothesis and Recogito write them), not the code points the W3C model asks for; they were converted.',
      files[0]?.name ?? '',
    );
  }
  const noQuote = positioned.filter((f) => f.quote === undefined);
  if (noQuote.length > 0)
    warn(`${noQuote.length} annotation(s) have positions but no TextQuoteSelector; their positions were taken as code points, unchecked.`, noQuote[0]!.path);

  const placed = new Map<Found, { start: number; end: number }>();
  for (const f of found) {
    if (f.hasPosition) {
      const r = f.source.rawRange(f.start, f.end, unit ?? 'codepoint');
      if (r) placed.set(f, r);
      continue;
    }
    const at = placeQuote(f.source.raw, f.quote!, f.prefix ?? '', f.suffix ?? '');
    if (at.length === 1) placed.set(f, { start: at[0]!, end: at[0]! + f.quote!.length });
    else
      err(
        `${f.path}: the quote ${show(f.quote!)} with its prefix and suffix is ${at.length === 0 ? 'not in the text' : `in the text ${at.length} times`}, so it cannot be placed.`,
        f.path,
      );
  }
  if (problems.some((p) => p.severity === 'error')) return { documents: [], labels: [], problems };

  const annotations: InterchangeAnnotation[][] = texts.map(() => []);
  const ids = texts.map(() => uniqueIds());
  for (const f of found) {
    const r = f.source.toText(placed.get(f)!);
    for (const label of f.labels) {
      annotations[f.doc]!.push({
        id: ids[f.doc]!(f.labels.length > 1 ? `${f.id}-${label}` : f.id),
        label,
        start: r.start,
        end: r.end,
        quote: f.source.text.slice(r.start, r.end),
        ...(f.annotator !== undefined ? { annotator: f.annotator } : {}),
        ...(f.note !== undefined ? { note: f.note } : {}),
        ...(Object.keys(f.attributes).length > 0 ? { attributes: f.attributes } : {}),
      });
    }
  }
  const documents: InterchangeDocument[] = texts.map((t, i) => ({ id: t.name, text: t.source.text, annotations: annotations[i]! }));
  return { documents, labels: labelsOf(documents), problems, ...(positioned.length > 0 ? { offsetUnitFound: unit ?? 'codepoint' } : {}) };
}

/** Annotations in any of the shapes the model allows for a file, each with its JSON path. */
function collect(v: unknown, path: string, out: { value: Obj; path: string }[], err: (m: string, w: string) => void, depth = 0): void {
  if (depth > 8) return err(`${path}: pages nested too deeply.`, path);
  if (Array.isArray(v)) return v.forEach((x, i) => collect(x, `${path}[${i}]`, out, err, depth + 1));
  if (!isObj(v)) return err(`${path} must be an annotation, a page or a collection.`, path);
  const types = ([] as unknown[]).concat(own(v, 'type') ?? []);
  if (types.includes('AnnotationCollection')) {
    const first = own(v, 'first');
    if (typeof first === 'string') return err(`${path}.first is a link (${show(first)}); export the collection with its pages embedded.`, `${path}.first`);
    if (first !== undefined) collect(first, `${path}.first`, out, err, depth + 1);
    return;
  }
  // Hypothesis' search API answers {total, rows}; its annotations carry W3C selectors.
  if (Array.isArray(own(v, 'rows')) && own(v, 'target') === undefined) {
    return (own(v, 'rows') as unknown[]).forEach((x, i) => collect(x, `${path}.rows[${i}]`, out, err, depth + 1));
  }
  if (types.includes('AnnotationPage') || (Array.isArray(own(v, 'items')) && !types.includes('Annotation'))) {
    const items = own(v, 'items');
    if (Array.isArray(items)) items.forEach((x, i) => collect(x, `${path}.items[${i}]`, out, err, depth + 1));
    const next = own(v, 'next');
    if (isObj(next)) collect(next, `${path}.next`, out, err, depth + 1);
    return;
  }
  if (own(v, 'target') !== undefined) return void out.push({ value: v, path });
  err(`${path} is not an annotation (it has no target).`, path);
}

function targetOf(a: Obj): Obj | undefined {
  const t = own(a, 'target');
  const first: unknown = Array.isArray(t) ? (t as unknown[])[0] : t;
  return isObj(first) ? first : undefined;
}

function sourceOf(t: Obj | undefined): string | undefined {
  if (!t) return undefined;
  const s = own(t, 'source');
  if (typeof s === 'string') return s;
  if (isObj(s) && typeof own(s, 'id') === 'string') return own(s, 'id') as string;
  return undefined;
}

function baseName(name: string): string {
  const clean = name.replace(/[?#].*$/, '');
  return safeDecode(clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1));
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function creatorOf(c: unknown): string | undefined {
  const first: unknown = Array.isArray(c) ? (c as unknown[])[0] : c;
  if (typeof first === 'string' && first !== '') return first;
  if (!isObj(first)) return undefined;
  for (const k of ['name', 'nickname', 'id']) {
    const v = own(first, k);
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
}

function readBodies(
  a: Obj,
  path: string,
  err: (m: string, w: string) => void,
  warn: (m: string, w: string) => void,
): { labels: string[]; note: string | undefined; attributes: Record<string, AttributeValue> } {
  const raw = own(a, 'body');
  const bodies = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const labels: string[] = [];
  const notes: string[] = [];
  const attributes: Record<string, AttributeValue> = {};
  bodies.forEach((b, i) => {
    const bp = Array.isArray(raw) ? `${path}.body[${i}]` : `${path}.body`;
    if (!isObj(b)) return warn(`${bp} is not an embedded body; ignored.`, bp);
    const purposes = ([] as unknown[]).concat(own(b, 'purpose') ?? []);
    const value = own(b, 'value');
    if (typeof value !== 'string') return warn(`${bp} has no text value; ignored.`, bp);
    if (purposes.includes('tagging')) labels.push(value);
    else if (purposes.includes('commenting')) notes.push(value);
    else if (purposes.includes('describing') && own(b, 'format') === 'application/json') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value) as unknown;
      } catch {
        return err(`${bp}.value is not JSON, although its format says application/json.`, `${bp}.value`);
      }
      const attribute = isObj(parsed) ? own(parsed, 'attribute') : undefined;
      const v = isObj(parsed) ? own(parsed, 'value') : undefined;
      if (typeof attribute !== 'string' || attribute === '' || v === undefined || v === null) {
        return err(`${bp}.value must be {"attribute": id, "value": value}.`, `${bp}.value`);
      }
      attributes[attribute] = v as AttributeValue;
    } else warn(`${bp}: a body with purpose ${purposes.map(lit).join(', ') || '(none)'} is not imported.`, bp);
  });
  return { labels, note: notes.length > 0 ? notes.join('\n\n') : undefined, attributes };
}

/**
 * Hypothesis' own JSON (its API and exports) has no bodies: the tags are the labels and the text is
 * the note. Its selectors are the W3C ones, positions in UTF-16 units (detected like any other).
 */
function hypothesisBodies(a: Obj): { labels: string[]; note: string | undefined; attributes: Record<string, AttributeValue> } {
  const tags = (own(a, 'tags') as unknown[]).filter((t): t is string => typeof t === 'string' && t !== '');
  const text = own(a, 'text');
  return { labels: tags, note: typeof text === 'string' && text !== '' ? text : undefined, attributes: {} };
}

function hypothesisUser(a: Obj): string | undefined {
  const info = own(a, 'user_info');
  const display = isObj(info) ? own(info, 'display_name') : undefined;
  if (typeof display === 'string' && display !== '') return display;
  const user = own(a, 'user');
  return typeof user === 'string' && user !== '' ? user : undefined;
}

/** Raw UTF-16 starts where quote, prefix and suffix all match exactly. */
function placeQuote(text: string, quote: string, prefix: string, suffix: string): number[] {
  const out: number[] = [];
  if (quote === '') return out;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (text.slice(Math.max(0, i - prefix.length), i) === prefix && text.slice(i + quote.length, i + quote.length + suffix.length) === suffix) out.push(i);
  }
  return out;
}
