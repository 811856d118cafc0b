// Spanmark's own labeled JSON as one format among the others, so the CLI's convert and the dialogs
// treat it like brat or CoNLL. Thin adapters over the contract's codecs, which stay the one place
// that reads and writes the file: both entries read through decodeSpanmarkBytes (versions 1 and 2);
// `spanmark` writes version 2 (schema, attributes, links), `spanmark-v1` writes version 1 for older
// tools and names what it leaves out. Asynchronous because the contract checks each document's
// SHA-256, computed with WebCrypto.
// Not here: mapping a file's labels onto the library's schema (label-mapping), writing records.

import type { Annotation } from '../../annotations/types.js';
import { plainTextBlocks } from '../../document/plain-blocks.js';
import type { AttributeDef, AttributeValue } from '../../labels/attributes.js';
import { attributeValueProblem, linkTargetProblem } from '../../labels/attribute-values.js';
import type { LabelDef, LabelSchema } from '../../labels/schema.js';
import { encodeSpanmarkV1, exportFileName, serializeSpanmark, SpanmarkEncodeError, type EncodeInput } from '../spanmark-v1/encode.js';
import { V1_LABEL_IDS } from '../spanmark-v1/types.js';
import { encodeSpanmarkV2 } from '../spanmark-v2/encode.js';
import { SCHEMA_ID_PATTERN } from '../spanmark-v2/types.js';
import type {
  AsyncFormatCodec,
  Capabilities,
  DecodeResult,
  EncodeResult,
  InputFile,
  InterchangeAnnotation,
  InterchangeDocument,
  Loss,
} from '../registry/format.js';
import { capabilityLosses, describeAnnotation, LossCollector } from '../registry/losses.js';
import { headText, utf8Bytes } from '../registry/text-bytes.js';
import { decodeSpanmarkBytes } from './decode.js';

export const SPANMARK_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: true,
  notes: true,
  links: true,
  annotators: true,
  exactText: true,
  offsetUnit: 'codepoint',
};

/** Version 1 has no place for attribute values (links are attribute values too). */
export const SPANMARK_V1_CAPABILITIES: Capabilities = { ...SPANMARK_CAPABILITIES, attributes: false, links: false };

export const UNKNOWN_LABEL_LOSS = 'labels Spanmark v1 does not know (only claim, casualty, deployment)';
/** Counted per value, not per annotation: the number an analyst compares with the export dialog's notice. */
export const V1_VALUE_LOSS = 'attribute values (contract 1 cannot hold them; links included)';
export const UNWRITABLE_LABEL_LOSS = 'labels whose id Spanmark cannot write (letters, digits, "_" and "-", at most 64)';
export const UNFIT_VALUE_LOSS = "attribute values their label's definition does not allow";

// WebCrypto is a global in every runtime the core runs in (Node 20, Chromium, Electron), but not
// in lib ES2023; typed here as narrowly as it is used.
interface Subtle {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

export async function sha256Hex(text: string): Promise<string> {
  const subtle = (globalThis as unknown as { crypto: { subtle: Subtle } }).crypto.subtle;
  const digest = new Uint8Array(await subtle.digest('SHA-256', utf8Bytes(text)));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SpanmarkCodecOptions {
  /** The time written as exportedAt and on annotations without one (ISO-8601). */
  readonly now?: () => string;
  readonly generatorVersion?: string;
}

/** The labels of several files as one schema: the first file's, then labels and attributes only later files define. */
function mergeSchemas(schemas: readonly LabelSchema[]): LabelSchema | undefined {
  const [first, ...rest] = schemas;
  if (first === undefined) return undefined;
  const labels = [...first.labels];
  for (const s of rest) {
    for (const l of s.labels) {
      const i = labels.findIndex((m) => m.id === l.id);
      if (i < 0) labels.push(l);
      else {
        const known = labels[i]!;
        const extra = l.attributes.filter((a) => !known.attributes.some((b) => b.id === a.id));
        if (extra.length > 0) labels[i] = { ...known, attributes: [...known.attributes, ...extra] };
      }
    }
  }
  return { ...first, labels };
}

async function decodeAny(files: readonly InputFile[]): Promise<DecodeResult> {
  const documents: InterchangeDocument[] = [];
  const problems: DecodeResult['problems'][number][] = [];
  const schemas: LabelSchema[] = [];
  for (const file of files) {
    const decoded = await decodeSpanmarkBytes(file.bytes, sha256Hex);
    if (!decoded.ok) {
      for (const p of decoded.error.problems)
        problems.push({ severity: 'error', where: p.path === undefined ? file.name : `${file.name}: ${p.path}`, message: p.message });
      continue;
    }
    schemas.push(decoded.value.schema);
    for (const w of decoded.value.warnings)
      problems.push({ severity: 'warning', where: w.path === undefined ? file.name : `${file.name}: ${w.path}`, message: w.message });
    for (const [i, d] of decoded.value.documents.entries()) {
      const { article } = d;
      // Orphans have no place in any text, so a conversion cannot carry them: said, never silent.
      if (d.orphans !== undefined && d.orphans.length > 0)
        problems.push({
          severity: 'warning',
          where: `${file.name}: documents[${i}].orphans`,
          message: `${d.orphans.length} orphan${d.orphans.length === 1 ? '' : 's'} (annotations that lost their place when the text changed) not converted; import the file into Spanmark to keep them.`,
        });
      const metadata: Record<string, string> = {};
      if (article.metadata.date !== undefined) metadata['date'] = article.metadata.date;
      if (article.metadata.sourceName !== undefined) metadata['sourceName'] = article.metadata.sourceName;
      documents.push({
        id: article.id,
        title: article.title,
        text: article.text,
        metadata,
        annotations: d.annotations.map((a) => ({
          id: a.id,
          label: a.label,
          start: a.start,
          end: a.end,
          quote: a.quote,
          annotator: a.annotator,
          ...(a.note !== undefined ? { note: a.note } : {}),
          ...(a.attributes !== undefined && Object.keys(a.attributes).length > 0 ? { attributes: a.attributes } : {}),
        })),
      });
    }
  }
  const refused = problems.some((p) => p.severity === 'error');
  const schema = mergeSchemas(schemas);
  const used = new Set(documents.flatMap((d) => d.annotations.map((a) => a.label)));
  const named = new Map((schema?.labels ?? []).map((l) => [l.id, l.name]));
  return {
    documents: refused ? [] : documents,
    labels: [...used].map((id) => ({ id, name: named.get(id) ?? id })),
    problems,
    offsetUnitFound: 'codepoint',
    ...(schema !== undefined && !refused ? { schema } : {}),
  };
}

/** A definition for an attribute a file of another format carries but the schema does not define, from its value. */
function inferAttribute(id: string, value: AttributeValue, isTarget: boolean): AttributeDef {
  if (typeof value === 'boolean') return { id, name: id, type: 'boolean' };
  if (Array.isArray(value)) return { id, name: id, type: 'choice', values: [], multiple: true };
  if (typeof value === 'object') return { id, name: id, type: 'quantity' };
  return { id, name: id, type: isTarget ? 'link' : 'text' };
}

/** A label for an id the schema does not define (a brat type, say): plain, named by its id. */
function plainLabel(id: string): LabelDef {
  return { id, name: id, color: '#d0d0d0', glyph: [...id][0]!.toUpperCase(), underline: 'solid', description: '', guidelines: [], attributes: [] };
}

interface Plan {
  readonly schema: LabelSchema;
  /** The annotations to write, with only the values the schema allows. */
  readonly documents: readonly InterchangeDocument[];
  readonly losses: LossCollector;
}

/**
 * What a v2 file of these documents holds: the schema given, completed with the labels and
 * attributes the documents use but it does not define; annotations and values it cannot hold are
 * left out and named (a label id the contract cannot write, a value its definition refuses, a link
 * to an annotation not in the document or of a label the link does not target).
 */
function planV2(documents: readonly InterchangeDocument[], given: LabelSchema): Plan {
  const losses = capabilityLosses(SPANMARK_CAPABILITIES, documents, given);
  const labels = given.labels.map((l) => ({ ...l, attributes: [...l.attributes] }));
  const find = (id: string): (typeof labels)[number] | undefined => labels.find((l) => l.id === id);
  const inferred = new Set<string>();
  // Definitions first (across all documents), so every value is then checked against the final schema.
  for (const doc of documents) {
    const ids = new Set(doc.annotations.map((a) => a.id));
    for (const a of doc.annotations) {
      if (!SCHEMA_ID_PATTERN.test(a.label)) continue;
      let label = find(a.label);
      if (label === undefined) labels.push((label = { ...plainLabel(a.label), attributes: [] }));
      for (const [key, value] of Object.entries(a.attributes ?? {})) {
        if (!SCHEMA_ID_PATTERN.test(key)) continue;
        const at = label.attributes.findIndex((d) => d.id === key);
        if (at < 0) {
          label.attributes.push(inferAttribute(key, value, typeof value === 'string' && value !== a.id && ids.has(value)));
          inferred.add(`${label.id}\u0000${key}`);
        }
        // An inferred choice lists every value the documents give it.
        const def = label.attributes[at < 0 ? label.attributes.length - 1 : at]!;
        if (inferred.has(`${label.id}\u0000${key}`) && def.type === 'choice' && Array.isArray(value)) {
          const more = (value as readonly unknown[]).filter((v): v is string => typeof v === 'string' && !def.values!.includes(v));
          if (more.length > 0) label.attributes[at < 0 ? label.attributes.length - 1 : at] = { ...def, values: [...def.values!, ...new Set(more)] };
        }
      }
    }
  }
  const out: InterchangeDocument[] = [];
  for (const doc of documents) {
    const kept = doc.annotations.filter((a) => {
      if (SCHEMA_ID_PATTERN.test(a.label)) return true;
      losses.add(UNWRITABLE_LABEL_LOSS, describeAnnotation(a));
      return false;
    });
    const labelOf = new Map(kept.map((a) => [a.id, a.label]));
    out.push({
      ...doc,
      annotations: kept.map((a): InterchangeAnnotation => {
        if (a.attributes === undefined) return a;
        const defs = find(a.label)!.attributes;
        const values: Record<string, AttributeValue> = {};
        for (const [key, value] of Object.entries(a.attributes)) {
          const def = defs.find((d) => d.id === key);
          const problem =
            def === undefined
              ? 'unwritable id'
              : (attributeValueProblem(def, value) ??
                (def.type === 'link' ? linkTargetProblem(def, value as string, labelOf.get(value as string)) : undefined) ??
                (typeof value === 'string' && /\p{Cs}/u.test(value) ? 'unpaired surrogate' : undefined));
          if (problem === undefined) values[key] = value;
          else losses.add(UNFIT_VALUE_LOSS, `${describeAnnotation(a)} ${key}`);
        }
        return { ...a, attributes: values };
      }),
    });
  }
  return { schema: { ...given, labels }, documents: out, losses };
}

function planV1(documents: readonly InterchangeDocument[], schema: LabelSchema): Plan {
  // Values are counted one by one below, so the per-annotation capability losses leave them alone.
  const losses = capabilityLosses(SPANMARK_CAPABILITIES, documents, schema);
  const out = documents.map((doc) => ({
    ...doc,
    annotations: doc.annotations.filter((a) => {
      if (V1_LABEL_IDS.includes(a.label)) {
        for (const key of Object.keys(a.attributes ?? {})) losses.add(V1_VALUE_LOSS, `${describeAnnotation(a)} ${key}`);
        return true;
      }
      losses.add(UNKNOWN_LABEL_LOSS, describeAnnotation(a));
      return false;
    }),
  }));
  return { schema, documents: out, losses };
}

async function encodeInput(documents: readonly InterchangeDocument[], baseName: string, at: string, generatorVersion: string): Promise<EncodeInput> {
  const input = await Promise.all(
    documents.map(async (doc) => {
      const sha = await sha256Hex(doc.text);
      const annotations: Annotation[] = doc.annotations.map((a) => ({
        id: a.id,
        docId: sha,
        label: a.label,
        start: a.start,
        end: a.end,
        quote: doc.text.slice(a.start, a.end),
        annotator: a.annotator ?? 'unknown',
        createdAt: at,
        updatedAt: at,
        ...(a.note !== undefined && a.note !== '' ? { note: a.note } : {}),
        ...(a.attributes !== undefined && Object.keys(a.attributes).length > 0 ? { attributes: a.attributes } : {}),
      }));
      const date = doc.metadata?.['date'];
      const sourceName = doc.metadata?.['sourceName'];
      return {
        article: {
          id: sha,
          sha256: sha,
          title: doc.title ?? baseName,
          format: 'text' as const,
          text: doc.text,
          blocks: plainTextBlocks(doc.text),
          metadata: { ...(date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {}), ...(sourceName !== undefined ? { sourceName } : {}) },
          addedAt: at,
        },
        annotations,
      };
    }),
  );
  return { documents: input, exportedAt: at, generatorVersion };
}

function createCodec(version: 1 | 2, options: SpanmarkCodecOptions): AsyncFormatCodec {
  const now = options.now ?? ((): string => new Date().toISOString());
  const plan = version === 2 ? planV2 : planV1;
  return {
    id: version === 2 ? 'spanmark' : 'spanmark-v1',
    name: version === 2 ? 'Spanmark labeled JSON' : 'Spanmark labeled JSON, contract 1, for older tools',
    extensions: ['spanmark.json', 'json'],
    capabilities: version === 2 ? SPANMARK_CAPABILITIES : SPANMARK_V1_CAPABILITIES,
    // The `spanmark` entry reads both versions; the v1 entry is chosen by name only, to write.
    sniff: (files: readonly InputFile[]) =>
      version === 2 && files.length > 0 && files.every((f) => /^\uFEFF?\s*\{[\s\S]*"format"\s*:\s*"spanmark"/.test(headText(f, 2048))),
    decode: decodeAny,
    losses: (documents, schema): Loss[] => plan(documents, schema).losses.losses(),
    async encode(documents, schema, baseName): Promise<EncodeResult> {
      const p = plan(documents, schema);
      const input = await encodeInput(p.documents, baseName, now(), options.generatorVersion ?? '0.0.0');
      let file: object;
      try {
        file = version === 2 ? encodeSpanmarkV2({ ...input, schema: p.schema }) : encodeSpanmarkV1(input);
      } catch (e) {
        if (e instanceof SpanmarkEncodeError) throw new Error(`Cannot write Spanmark JSON: ${e.message}`, { cause: e });
        throw e;
      }
      const name = baseName === '' ? exportFileName(documents[0]?.title ?? 'export') : `${baseName}.spanmark.json`;
      return { files: [{ name, bytes: utf8Bytes(serializeSpanmark(file)) }], losses: p.losses.losses() };
    },
  };
}

/** Writes contract version 2; reads 1 and 2. */
export function createSpanmarkCodec(options: SpanmarkCodecOptions = {}): AsyncFormatCodec {
  return createCodec(2, options);
}

/** Writes contract version 1 for older tools; reads 1 and 2 when named with --from. */
export function createSpanmarkV1Codec(options: SpanmarkCodecOptions = {}): AsyncFormatCodec {
  return createCodec(1, options);
}

/** Registered by the registry with the defaults (the CLI passes its version). */
export const spanmarkCodec: AsyncFormatCodec = createSpanmarkCodec();
export const spanmarkV1Codec: AsyncFormatCodec = createSpanmarkV1Codec();
