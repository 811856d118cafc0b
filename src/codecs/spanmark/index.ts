// Spanmark's own labeled JSON as one format among the others, so the CLI's convert and the dialogs
// treat it like brat or CoNLL. A thin adapter over codecs/spanmark-v1 (the contract's encoder and
// decoder stay the one place that reads and writes the file); contract v2 replaces what it wraps.
// Asynchronous because the contract checks each document's SHA-256, computed with WebCrypto.
// Version 1 knows the three default labels only and no attributes: both are named as losses.

import type { Annotation } from '../../annotations/types.js';
import { plainTextBlocks } from '../../document/plain-blocks.js';
import { V1_LABEL_IDS } from '../spanmark-v1/types.js';

const isLabelId = (label: string): boolean => V1_LABEL_IDS.includes(label);
import type { LabelSchema } from '../../labels/schema.js';
import { decodeSpanmarkV1Bytes } from '../spanmark-v1/decode.js';
import { encodeSpanmarkV1, exportFileName, serializeSpanmarkV1, SpanmarkEncodeError } from '../spanmark-v1/encode.js';
import type { AsyncFormatCodec, Capabilities, DecodeResult, EncodeResult, InputFile, InterchangeDocument } from '../registry/format.js';
import { capabilityLosses, describeAnnotation, type LossCollector } from '../registry/losses.js';
import { headText, utf8Bytes } from '../registry/text-bytes.js';

export const SPANMARK_CAPABILITIES: Capabilities = {
  overlaps: true,
  discontinuous: false,
  attributes: false,
  notes: true,
  links: false,
  annotators: true,
  exactText: true,
  offsetUnit: 'codepoint',
};

export const UNKNOWN_LABEL_LOSS = 'labels Spanmark v1 does not know (only claim, casualty, deployment)';

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

function spanmarkLosses(documents: readonly InterchangeDocument[], schema: LabelSchema): LossCollector {
  const out = capabilityLosses(SPANMARK_CAPABILITIES, documents, schema);
  for (const doc of documents) for (const a of doc.annotations) if (!isLabelId(a.label)) out.add(UNKNOWN_LABEL_LOSS, describeAnnotation(a));
  return out;
}

export function createSpanmarkCodec(options: SpanmarkCodecOptions = {}): AsyncFormatCodec {
  const now = options.now ?? ((): string => new Date().toISOString());
  return {
    id: 'spanmark',
    name: 'Spanmark labeled JSON',
    extensions: ['spanmark.json', 'json'],
    capabilities: SPANMARK_CAPABILITIES,
    sniff: (files: readonly InputFile[]) => files.length > 0 && files.every((f) => /^\uFEFF?\s*\{[\s\S]*"format"\s*:\s*"spanmark"/.test(headText(f, 2048))),
    async decode(files: readonly InputFile[]): Promise<DecodeResult> {
      const documents: InterchangeDocument[] = [];
      const problems: DecodeResult['problems'][number][] = [];
      for (const file of files) {
        const decoded = await decodeSpanmarkV1Bytes(file.bytes, sha256Hex);
        if (!decoded.ok) {
          for (const p of decoded.error.problems)
            problems.push({ severity: 'error', where: p.path === undefined ? file.name : `${file.name}: ${p.path}`, message: p.message });
          continue;
        }
        for (const d of decoded.value.documents) {
          const { article } = d;
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
              ...(a.attributes !== undefined ? { attributes: a.attributes } : {}),
            })),
          });
        }
      }
      const refused = problems.length > 0;
      const labels = new Set(documents.flatMap((d) => d.annotations.map((a) => a.label)));
      return { documents: refused ? [] : documents, labels: [...labels].map((id) => ({ id, name: id })), problems, offsetUnitFound: 'codepoint' };
    },
    losses: (documents, schema) => spanmarkLosses(documents, schema).losses(),
    async encode(documents, schema, baseName): Promise<EncodeResult> {
      const at = now();
      const input = await Promise.all(
        documents.map(async (doc) => {
          const sha = await sha256Hex(doc.text);
          const annotations: Annotation[] = [];
          for (const a of doc.annotations) {
            if (!isLabelId(a.label)) continue;
            annotations.push({
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
            });
          }
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
      let file;
      try {
        file = encodeSpanmarkV1({ documents: input, exportedAt: at, generatorVersion: options.generatorVersion ?? '0.0.0' });
      } catch (e) {
        if (e instanceof SpanmarkEncodeError) throw new Error(`Cannot write Spanmark JSON: ${e.message}`, { cause: e });
        throw e;
      }
      const name = baseName === '' ? exportFileName(documents[0]?.title ?? 'export') : `${baseName}.spanmark.json`;
      return { files: [{ name, bytes: utf8Bytes(serializeSpanmarkV1(file)) }], losses: spanmarkLosses(documents, schema).losses() };
    },
  };
}

/** Registered by the registry with the defaults (the CLI passes its version). */
export const spanmarkCodec: AsyncFormatCodec = createSpanmarkCodec();
