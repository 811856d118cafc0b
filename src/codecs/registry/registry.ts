// The one list of interchange formats. The export dialog, the import path, the CLI and the tests
// find a format here — by id, by a file's extension, or by sniffing its content — and call it
// through decodeFiles/encodeDocuments, which work the same for synchronous codecs and the
// asynchronous Spanmark one. Nothing else in the app names a format.

import type { LabelSchema } from '../../labels/schema.js';
import { bratCodec } from '../brat/index.js';
import { conllCodec } from '../conll/index.js';
import { doccanoCodec } from '../doccano/index.js';
import { labelStudioCodec } from '../label-studio/index.js';
import { spacyCodec } from '../spacy/index.js';
import { webAnnotationCodec } from '../web-annotation/index.js';
import { spanmarkCodec, spanmarkV1Codec } from '../spanmark/index.js';
import { webAnnoCodec } from '../webanno-tsv/index.js';
import type { AnyFormatCodec, Capabilities, DecodeResult, EncodeResult, InputFile, InterchangeDocument, Loss } from './format.js';
import { capabilityLosses } from './losses.js';

/**
 * Every format, in the order sniffing tries them: formats with an unmistakable signature first
 * (Spanmark's `"format": "spanmark"`, WebAnno's `#FORMAT=` line), guessers last (CoNLL's
 * "token tag" lines). spaCy before doccano: both are JSON Lines and spaCy's `tokens`/`spans` decide.
 */
export const FORMATS: readonly AnyFormatCodec[] = [
  spanmarkCodec,
  // Writes contract 1 for older tools; never claims files (the entry above reads both versions).
  spanmarkV1Codec,
  webAnnoCodec,
  bratCodec,
  labelStudioCodec,
  webAnnotationCodec,
  spacyCodec,
  doccanoCodec,
  conllCodec,
];

export function formatIds(formats: readonly AnyFormatCodec[] = FORMATS): string[] {
  return formats.map((f) => f.id);
}

export function codecById(id: string, formats: readonly AnyFormatCodec[] = FORMATS): AnyFormatCodec | undefined {
  const want = id.toLowerCase();
  return formats.find((f) => f.id === want);
}

/** Formats whose extensions end the file's name, longest extension first (".spanmark.json" before ".json"). */
export function codecsForFileName(name: string, formats: readonly AnyFormatCodec[] = FORMATS): AnyFormatCodec[] {
  const lower = name.toLowerCase();
  const hits: { codec: AnyFormatCodec; length: number }[] = [];
  for (const codec of formats) {
    const ext = codec.extensions.filter((e) => lower.endsWith(`.${e}`)).sort((a, b) => b.length - a.length)[0];
    if (ext !== undefined) hits.push({ codec, length: ext.length });
  }
  return hits.sort((a, b) => b.length - a.length).map((h) => h.codec);
}

/**
 * The format these files are in: the first whose sniff accepts them all, else the one their
 * extensions name (when only one does). Undefined when neither says.
 */
export function detectFormat(files: readonly InputFile[], formats: readonly AnyFormatCodec[] = FORMATS): AnyFormatCodec | undefined {
  if (files.length === 0) return undefined;
  for (const codec of formats) {
    let yes = false;
    try {
      yes = codec.sniff(files);
    } catch {
      // A sniff must never throw; one that does just does not claim the files.
    }
    if (yes) return codec;
  }
  const byName = new Set(files.map((f) => codecsForFileName(f.name, formats)[0]));
  if (byName.size === 1) return [...byName][0];
  return undefined;
}

/** Decodes with any codec; a codec that throws becomes one error problem, never a crash. */
export async function decodeFiles(codec: AnyFormatCodec, files: readonly InputFile[]): Promise<DecodeResult> {
  try {
    return await codec.decode(files);
  } catch (e) {
    return {
      documents: [],
      labels: [],
      problems: [
        { severity: 'error', message: `${codec.name} could not read ${files.map((f) => f.name).join(', ')}: ${e instanceof Error ? e.message : String(e)}` },
      ],
    };
  }
}

export async function encodeDocuments(
  codec: AnyFormatCodec,
  documents: readonly InterchangeDocument[],
  schema: LabelSchema,
  baseName: string,
): Promise<EncodeResult> {
  return await codec.encode(documents, schema, baseName);
}

/** The loss report as lines of text (CLI stderr, the file written beside an export on request). */
export function formatLossReport(codec: AnyFormatCodec, losses: readonly Loss[]): string {
  if (losses.length === 0) return `Nothing is lost writing ${codec.name}.\n`;
  const lines = [`Writing ${codec.name} loses:`];
  for (const l of losses) {
    lines.push(`  ${l.count} × ${l.what}${l.examples.length > 0 ? `, e.g. ${l.examples.join('; ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * What the library itself keeps of imported documents: everything a format can hold except
 * discontinuity (a stored annotation is one range). The import dialog names these losses too.
 */
export const LIBRARY_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: true,
  notes: true,
  links: true,
  annotators: true,
  exactText: true,
  offsetUnit: 'utf16',
};

export function importLosses(documents: readonly InterchangeDocument[], schema: LabelSchema): Loss[] {
  return capabilityLosses(LIBRARY_CAPABILITIES, documents, schema).losses();
}
