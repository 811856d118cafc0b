// Reads a labeled-JSON export, version 2: the shared reader (../spanmark/decode-core.ts) with v2's
// dialect. The file's own `schema` decides which labels and attributes exist; every value is checked
// against it with the one rule the whole app uses (src/labels/attribute-values.ts), links against
// the annotations of the same document, prefix/suffix against the text. All or nothing, each
// problem with its JSON path. A required attribute left unset is accepted with a warning: colleagues
// exchange work in progress, and refusing it would block exactly that. Not here: mapping the file's
// schema onto the library's (src/labels/schema-merge.ts).

import { ATTRIBUTE_TYPES, type AttributeDef, type AttributeValues } from '../../labels/attributes.js';
import { attributeValueProblem, linkTargetProblem } from '../../labels/attribute-values.js';
import { HOTKEYS, type LabelDef, type LabelSchema, type UnderlineStyle } from '../../labels/schema.js';
import type { Problem, Result } from '../../result.js';
import { textBefore, textAfter } from '../../text/context.js';
import { describe, Fields, item, loneSurrogateAt, own, show } from '../../validation/fields.js';
import type { Report } from '../../validation/report.js';
import {
  decodeBytesWith,
  decodeWith,
  type AnnotationExtras,
  type DecodedLibrary,
  type DecodeOptions,
  type DecodeProblem,
  type Dialect,
  type PlacedAnnotation,
  type Sha256Hex,
} from '../spanmark/decode-core.js';
import { readOrphans } from './orphans.js';
import { CONTEXT_CODE_POINTS, SCHEMA_ID_PATTERN, SPANMARK_VERSION_2 } from './types.js';

const UNDERLINES: readonly UnderlineStyle[] = ['solid', 'wavy', 'double'];
const COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
/** Tints for labels a file gives no colour, in turn (the default schema's first). */
const PALETTE = ['#f6c94a', '#ef7d7d', '#6fb6f0', '#8fd18f', '#c9a0e8', '#f2a65a', '#7fd6cf', '#e8a0c4', '#b8b8b8'];

/** The file's schema as read, with each label's attributes by id for checking values. */
interface V2Labels {
  readonly schema: LabelSchema;
  readonly byId: ReadonlyMap<
    string,
    {
      readonly def: LabelDef;
      readonly attributes: ReadonlyMap<string, AttributeDef>;
      /** The attributes checked once a span is placed (required ones, links), in schema order. */
      readonly placed: readonly AttributeDef[];
    }
  >;
}

/** `attributes.count`, or `attributes["odd key"]` for a key that is not a plain name. */
export function keyPath(base: string, key: string): string {
  return /^[A-Za-z_][\w-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

function optionalBoolean(f: Fields, key: string): boolean | undefined {
  return own(f.o, key) === undefined ? undefined : f.boolean(key);
}

/** A label or attribute id: a string matching SCHEMA_ID_PATTERN. */
function schemaId(f: Fields, what: string): string | undefined {
  const id = f.string('id', { nonEmpty: true });
  if (id === undefined) return undefined;
  if (!SCHEMA_ID_PATTERN.test(id)) {
    f.report.add(
      'schema',
      f.at('id'),
      `${f.at('id')} is ${show(id)}, which cannot be ${what} id: it must start with a letter or digit and hold only letters, digits, "_" and "-" (at most 64).`,
    );
    return undefined;
  }
  return id;
}

/** A list of strings (each with a UTF-8 form), or undefined after reporting. */
function stringList(f: Fields, key: string, opts: { optional?: boolean; nonEmpty?: boolean; unique?: boolean } = {}): string[] | undefined {
  const raw = f.array(key, { optional: opts.optional ?? false });
  if (raw === undefined) return undefined;
  const out: string[] = [];
  let bad = false;
  raw.forEach((v, i) => {
    const at = `${f.at(key)}[${i}]`;
    if (typeof v !== 'string' || (opts.nonEmpty && v.length === 0)) {
      f.report.add('schema', at, `${at} must be a ${opts.nonEmpty ? 'non-empty ' : ''}string, but it is ${describe(v)}.`);
      bad = true;
    } else if (loneSurrogateAt(v) !== undefined) {
      f.report.add('bad-string', at, `${at} contains an unpaired surrogate, which has no UTF-8 encoding: ${show(v, 40)}.`);
      bad = true;
    } else if (opts.unique && out.includes(v)) {
      f.report.add('duplicate-id', at, `${at}: ${show(v)} is listed twice.`);
      bad = true;
    } else out.push(v);
  });
  return bad ? undefined : out;
}

function readAttribute(f: Fields, labelPath: string): AttributeDef | undefined {
  const id = schemaId(f, 'an attribute');
  const name = f.string('name');
  const type = f.oneOf('type', ATTRIBUTE_TYPES);
  const multiple = optionalBoolean(f, 'multiple');
  const required = optionalBoolean(f, 'required');
  const fillFromSelection = optionalBoolean(f, 'fillFromSelection');
  const description = f.string('description', { optional: true });
  let values: string[] | undefined;
  if (type === 'choice') {
    values = stringList(f, 'values', { nonEmpty: true, unique: true });
    if (values !== undefined && values.length === 0) f.report.add('schema', f.at('values'), `${f.at('values')}: a choice needs at least one value.`);
  } else if (own(f.o, 'values') !== undefined && type !== undefined) {
    f.report.add('schema', f.at('values'), `${f.at('values')}: only a choice attribute has values, and ${labelPath}'s ${show(id ?? '?')} is a ${type}.`);
  }
  const targets = type === 'link' ? stringList(f, 'targets', { optional: true, nonEmpty: true, unique: true }) : undefined;
  if (id === undefined || name === undefined || type === undefined) return undefined;
  return {
    id,
    name,
    type,
    ...(values !== undefined ? { values } : {}),
    ...(multiple !== undefined && type === 'choice' ? { multiple } : {}),
    ...(required !== undefined ? { required } : {}),
    ...(targets !== undefined ? { targets } : {}),
    ...(fillFromSelection !== undefined ? { fillFromSelection } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

function readLabel(f: Fields, index: number, seen: Set<string>): LabelDef | undefined {
  const id = schemaId(f, 'a label');
  if (id !== undefined) {
    if (seen.has(id)) {
      f.report.add('duplicate-id', f.at('id'), `${f.at('id')}: label ${show(id)} is listed twice.`);
      return undefined;
    }
    seen.add(id);
  }
  const name = f.string('name');
  const hotkey = f.oneOf('hotkey', HOTKEYS, { optional: true });
  const color = f.string('color', { optional: true });
  if (color !== undefined && !COLOR.test(color)) {
    f.report.add('schema', f.at('color'), `${f.at('color')} must be a colour like "#f6c94a", but it is ${describe(color)}.`);
  }
  const glyph = f.string('glyph', { optional: true, nonEmpty: true });
  const underline = f.oneOf('underline', UNDERLINES, { optional: true });
  const description = f.string('description', { optional: true });
  const guidelines = stringList(f, 'guidelines', { optional: true });
  const attributes: AttributeDef[] = [];
  const attributeIds = new Set<string>();
  f.array('attributes', { optional: true })?.forEach((raw, j) => {
    const a = item(raw, `${f.at('attributes')}[${j}]`, f.report);
    if (!a) return;
    const def = readAttribute(a, f.path);
    if (!def) return;
    if (attributeIds.has(def.id)) {
      f.report.add('duplicate-id', a.at('id'), `${a.at('id')}: attribute ${show(def.id)} is listed twice in label ${show(id ?? '?')}.`);
      return;
    }
    attributeIds.add(def.id);
    attributes.push(def);
  });
  if (id === undefined || name === undefined) return undefined;
  const firstLetter = [...name.trim()][0]?.toUpperCase() ?? '?';
  return {
    // Transitional cast: LabelId becomes `string` when the schema is data everywhere.
    id: id,
    name,
    ...(hotkey !== undefined ? { hotkey } : {}),
    color: color !== undefined && COLOR.test(color) ? color : PALETTE[index % PALETTE.length]!,
    glyph: glyph ?? firstLetter,
    underline: underline ?? 'solid',
    description: description ?? '',
    guidelines: guidelines ?? [],
    attributes,
  };
}

/** Why a string inside a value has no UTF-8 form, or undefined. */
function valueStringProblem(v: unknown): string | undefined {
  if (typeof v === 'string') return stringProblem(v);
  if (!Array.isArray(v)) return undefined;
  for (const x of v) {
    const problem = typeof x === 'string' ? stringProblem(x) : undefined;
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function stringProblem(s: string): string | undefined {
  const lone = loneSurrogateAt(s);
  return lone === undefined ? undefined : `contains an unpaired surrogate at code point ${lone.codePoint}, which has no UTF-8 encoding`;
}

function readAttributes(f: Fields, label: string | undefined, labels: V2Labels | undefined): AttributeValues | undefined {
  const raw = f.object('attributes', { optional: true });
  if (raw === undefined) return undefined;
  // Without a known label (reported already) there is nothing to check the values against.
  const known = label === undefined ? undefined : labels?.byId.get(label);
  if (known === undefined) return undefined;
  // Paths are built only for a problem: an import reads tens of thousands of values.
  const at = (key: string): string => keyPath(f.at('attributes'), key);
  const keys = Object.keys(raw);
  let bad = false;
  for (const key of keys) {
    const def = known.attributes.get(key);
    if (def === undefined) {
      const have = [...known.attributes.keys()];
      f.report.add(
        'unknown-attribute',
        at(key),
        `${at(key)}: label ${show(known.def.id)} has no attribute ${show(key)} in the file's schema (${have.length > 0 ? `its attributes: ${have.join(', ')}` : 'it has none'}).`,
      );
      bad = true;
      continue;
    }
    const value = raw[key];
    const problem = attributeValueProblem(def, value) ?? valueStringProblem(value);
    if (problem !== undefined) {
      f.report.add('bad-attribute', at(key), `${at(key)}: ${problem} (${def.type} ${show(def.id)}); it is ${describe(value)}.`);
      bad = true;
    }
  }
  // Every key is an attribute of the label and every value fits its definition (a quantity has
  // exactly its two keys): the parsed object is the values as they are, kept rather than copied
  // (copying them key by key was a quarter of decoding 10,000 annotations).
  return bad || keys.length === 0 ? undefined : (raw as AttributeValues);
}

const OPTIONAL = { optional: true } as const;

/** A prefix or suffix: at most CONTEXT_CODE_POINTS code points (annotations and orphans alike). */
export function readContext(f: Fields, key: 'prefix' | 'suffix'): string | undefined {
  const s = f.string(key, OPTIONAL);
  // A string of at most that many units holds at most that many code points.
  if (s === undefined || s.length <= CONTEXT_CODE_POINTS) return s;
  let n = 0;
  for (const _ of s) if (++n > CONTEXT_CODE_POINTS) break;
  if (n > CONTEXT_CODE_POINTS) {
    f.report.add('schema', f.at(key), `${f.at(key)} holds more than ${CONTEXT_CODE_POINTS} code points: ${show(s, 40)}.`);
    return undefined;
  }
  return s;
}

export const V2_DIALECT: Dialect<V2Labels> = {
  version: SPANMARK_VERSION_2,
  readLabels(top, report) {
    const raw = top.object('schema');
    if (raw === undefined) return undefined;
    const f = new Fields(raw, 'schema', report);
    const id = f.string('id', { nonEmpty: true });
    const version = own(raw, 'version');
    if (!(typeof version === 'number' && Number.isSafeInteger(version) && version >= 1)) {
      report.add('schema', f.at('version'), `${f.at('version')} must be a whole number ≥ 1, but it is ${describe(version)}.`);
    }
    const labels: LabelDef[] = [];
    const seen = new Set<string>();
    f.array('labels')?.forEach((r, i) => {
      const lf = item(r, `${f.at('labels')}[${i}]`, report);
      const def = lf && readLabel(lf, i, seen);
      if (def) labels.push(def);
    });
    // A link may only be restricted to labels the schema has.
    labels.forEach((l, i) =>
      l.attributes.forEach((a, j) =>
        a.targets?.forEach((t, k) => {
          if (!seen.has(t)) {
            const at = `schema.labels[${i}].attributes[${j}].targets[${k}]`;
            report.add('unknown-label', at, `${at}: ${show(t)} is not a label of the file's schema.`);
          }
        }),
      ),
    );
    const byId = new Map(
      labels.map((def) => [
        def.id,
        { def, attributes: new Map(def.attributes.map((a) => [a.id, a])), placed: def.attributes.filter((a) => a.required === true || a.type === 'link') },
      ]),
    );
    const schema: LabelSchema = { id: id ?? '', version: typeof version === 'number' ? version : 1, labels };
    return { schema, byId };
  },
  labelProblem(label, labels) {
    if (labels === undefined || labels.byId.has(label)) return undefined;
    return `is not a label of the file's "schema" (${[...labels.byId.keys()].join(', ') || 'it has none'})`;
  },
  readAnnotation(f, label, labels): AnnotationExtras | undefined {
    const prefix = readContext(f, 'prefix');
    const suffix = readContext(f, 'suffix');
    const attributes = readAttributes(f, label, labels);
    if (prefix === undefined && suffix === undefined && attributes === undefined) return undefined;
    const extras: { -readonly [K in keyof AnnotationExtras]: AnnotationExtras[K] } = {};
    if (attributes !== undefined) extras.attributes = attributes;
    if (prefix !== undefined) extras.prefix = prefix;
    if (suffix !== undefined) extras.suffix = suffix;
    return extras;
  },
  readDocument(f, labels, annotationIds) {
    const orphans = readOrphans(f, labels?.byId, annotationIds, (o, label) => readAttributes(o, label, labels));
    return orphans === undefined ? undefined : { orphans };
  },
  checkDocument(text, annotations, labels, report, warnings) {
    // Built at the first link checked: many files have no links.
    let byId: Map<string, string> | undefined;
    const labelOf = (id: string): string | undefined => {
      if (byId === undefined) {
        byId = new Map();
        for (const p of annotations) byId.set(p.annotation.id, p.annotation.label);
      }
      return byId.get(id);
    };
    for (const p of annotations) checkPlaced(p, text, labels, labelOf, report, warnings);
  },
  schemaOf: (labels) => labels.schema,
};

function checkPlaced(
  p: PlacedAnnotation,
  text: string,
  labels: V2Labels,
  labelOf: (id: string) => string | undefined,
  report: Report,
  warnings: Problem[],
): void {
  const { annotation: a, path } = p;
  const prefix = p.extras?.prefix;
  // startsWith compares in place: slicing would copy two strings per annotation.
  if (prefix !== undefined && !(a.start >= prefix.length && text.startsWith(prefix, a.start - prefix.length))) {
    report.add(
      'context-mismatch',
      `${path}.prefix`,
      `${path}.prefix ${show(prefix)} is not the text just before the quote (${show(textBefore(text, a.start, CONTEXT_CODE_POINTS))}).`,
    );
  }
  const suffix = p.extras?.suffix;
  if (suffix !== undefined && !text.startsWith(suffix, a.end)) {
    report.add(
      'context-mismatch',
      `${path}.suffix`,
      `${path}.suffix ${show(suffix)} is not the text just after the quote (${show(textAfter(text, a.end, CONTEXT_CODE_POINTS))}).`,
    );
  }
  const defs = labels.byId.get(a.label)?.placed;
  if (defs === undefined) return;
  for (const def of defs) {
    const value = a.attributes?.[def.id];
    if (value === undefined) {
      if (def.required && warnings.length < 1000) {
        warnings.push({
          code: 'missing-required',
          path: `${path}.attributes`,
          message: `${path}: the required attribute ${show(def.id)} of ${show(a.label)} is not set.`,
        });
      }
      continue;
    }
    if (def.type !== 'link' || typeof value !== 'string') continue;
    const problem = linkTargetProblem(def, value, labelOf(value));
    if (problem !== undefined) {
      const at = keyPath(`${path}.attributes`, def.id);
      report.add('bad-link', at, `${at} ${problem}.`);
    }
  }
}

const ONLY_V2 = [V2_DIALECT] as readonly Dialect<unknown>[];

/** Reads version 2 only; ../spanmark/decode.ts reads any version. */
export function decodeSpanmarkV2(json: string, sha256Hex: Sha256Hex, options: DecodeOptions = {}): Promise<Result<DecodedLibrary, DecodeProblem>> {
  return decodeWith(json, sha256Hex, options, ONLY_V2);
}

export function decodeSpanmarkV2Bytes(bytes: Uint8Array, sha256Hex: Sha256Hex, options: DecodeOptions = {}): Promise<Result<DecodedLibrary, DecodeProblem>> {
  return decodeBytesWith(bytes, sha256Hex, options, ONLY_V2);
}
