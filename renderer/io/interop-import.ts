// Importing another tool's files (brat, WebAnno TSV, Label Studio, doccano, spaCy, Web Annotation,
// CoNLL) through the format registry. Decoding runs on the main thread for now: these files are a
// colleague's document or a few, not a 256 MB library (Spanmark's own files keep the Worker).
// Errors refuse the whole import with their positions; the file's labels are mapped onto the
// library's schema (labels the analyst adds are saved with it, version + 1); each document is
// stored as an article and its annotations merged into my layer in one transaction, committed
// before the caller says done. Ids are derived from the format, the text and the file's own id,
// so importing the same file again changes nothing. Excluded: colleagues' layers (every span lands
// in mine) and attribute values the schema does not define for the label (named as a loss).

import type { Annotation } from '../../src/annotations/types.js';
import type { AttributeValues } from '../../src/labels/attributes.js';
import type { AnyFormatCodec, DecodeResult, FormatProblem, InputFile, InterchangeDocument, Loss } from '../../src/codecs/registry/format.js';
import { applyLabelMapping, type LabelDecision } from '../../src/codecs/registry/label-mapping.js';
import { decodeFiles, detectFormat, importLosses } from '../../src/codecs/registry/registry.js';
import { describeAnnotation, LossCollector } from '../../src/codecs/registry/losses.js';
import { isRememberedMapping, labelMappingKey, rememberDecisions, type RememberedMapping } from '../../src/codecs/registry/remembered-mapping.js';
import type { Article } from '../../src/document/article.js';
import { plainTextBlocks } from '../../src/document/plain-blocks.js';
import { applySchemaEdit } from '../../src/labels/schema-edit.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import type { Me } from '../../src/review/layer-identity.js';
import { sha256Hex } from '../db/articles-repo.js';
import type { SpanmarkDb } from '../db/db.js';
import { loadSchema, saveSchema } from '../db/schema-repo.js';
import { getSetting, putSetting } from '../db/settings-repo.js';
import { mergeOwn, type Counts } from './import.js';
import { foreignCopies, placeForeign, storeImportReanchoring, type ImportReanchorPlan, type ReanchorSummary } from '../anchoring/import-reanchor.js';
import { myLayerTables } from '../db/my-layer-store.js';

export interface ForeignFiles {
  readonly codec: AnyFormatCodec;
  readonly result: DecodeResult;
}

/** The registry's reading of these files when they are another tool's format; undefined otherwise. */
export async function decodeForeign(files: readonly InputFile[]): Promise<ForeignFiles | undefined> {
  const codec = detectFormat(files);
  if (codec === undefined || codec.id.startsWith('spanmark')) return undefined;
  return { codec, result: await decodeFiles(codec, files) };
}

export function describeProblems(problems: readonly FormatProblem[], max = 5): string {
  const shown = problems.slice(0, max).map((p) => (p.where ? `${p.where}: ${p.message}` : p.message));
  const more = problems.length > max ? ` (and ${problems.length - max} more)` : '';
  return `${shown.join('; ')}${more}`;
}

export async function rememberedMapping(db: SpanmarkDb, formatId: string): Promise<RememberedMapping> {
  return (await getSetting(db, labelMappingKey(formatId), isRememberedMapping)) ?? {};
}

export interface ForeignImportSummary {
  readonly documents: number;
  readonly docIds: string[];
  readonly added: number;
  readonly unchanged: number;
  readonly labelsAdded: string[];
  readonly losses: Loss[];
  /** Documents whose library copy has another text: their spans re-anchored onto it. */
  readonly reanchored?: ReanchorSummary;
}

/** The schema with a label added for each "add" decision, and the decisions turned into maps to them. */
function withAddedLabels(schema: LabelSchema, decisions: Readonly<Record<string, LabelDecision>>, names: ReadonlyMap<string, string>) {
  let next = schema;
  const out: Record<string, LabelDecision> = {};
  const added: string[] = [];
  for (const [id, d] of Object.entries(decisions)) {
    if (d.kind !== 'add') {
      out[id] = d;
      continue;
    }
    const name = d.name?.trim() || names.get(id) || id;
    const r = applySchemaEdit(next, { kind: 'add-label', name });
    if (!r.ok) throw new Error(`the label “${name}” could not be added: ${r.error}`);
    const label = r.value.labels.find((l) => !next.labels.some((o) => o.id === l.id));
    next = r.value;
    if (label) {
      out[id] = { kind: 'map', to: label.id };
      added.push(label.name);
    }
  }
  // One change to the schema, one version, however many labels it adds.
  return { schema: added.length > 0 ? { ...next, version: schema.version + 1 } : schema, decisions: out, added };
}

/** Values for attributes the schema defines on the label; the rest are reported, not stored. */
function keptAttributes(a: InterchangeDocument['annotations'][number], schema: LabelSchema, lost: LossCollector): AttributeValues | undefined {
  if (a.attributes === undefined) return undefined;
  const defs = schema.labels.find((l) => l.id === a.label)?.attributes ?? [];
  const out: Record<string, AttributeValues[string]> = {};
  for (const [k, v] of Object.entries(a.attributes)) {
    if (defs.some((d) => d.id === k)) out[k] = v;
    else lost.add(`attribute values your schema does not define for the label`, `${describeAnnotation(a)} ${k}`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export async function storeForeign(
  db: SpanmarkDb,
  fileName: string,
  foreign: ForeignFiles,
  decisions: Readonly<Record<string, LabelDecision>>,
  me: Me,
): Promise<ForeignImportSummary> {
  const { codec, result } = foreign;
  const names = new Map(result.labels.map((l) => [l.id, l.name]));
  const now = new Date().toISOString();
  const counts: Counts = { newDocuments: 0, added: 0, updated: 0, unchanged: 0, keptNewer: 0, layers: new Map() };
  const docIds: string[] = [];
  let summary: Omit<ForeignImportSummary, 'documents' | 'docIds' | 'added' | 'unchanged'> = { labelsAdded: [], losses: [] };
  // Hashed before the transaction: awaiting WebCrypto inside it would let IndexedDB commit early.
  const shas = await Promise.all(result.documents.map((d) => sha256Hex(d.text)));
  // A document the library holds with another text: its spans placed there (renderer/anchoring/import-reanchor.ts).
  const copies = await foreignCopies(
    db,
    result.documents.map((d, n) => ({ sha256: shas[n]!, title: d.title ?? fileName, url: d.metadata?.['url'], text: d.text, spans: d.annotations })),
  );
  const onto = { plans: [] as ImportReanchorPlan[], counts: { documents: 0, spans: 0, moved: 0, orphans: 0, keptOrphans: 0 } };
  await db.transaction(
    'rw',
    [db.articles, ...myLayerTables(db), db.layerRevisions, db.layerSnapshots, db.layerCounts, db.settings, db.textReplacements],
    async () => {
      const before = await loadSchema(db);
      const planned = withAddedLabels(before, decisions, names);
      const mapped = applyLabelMapping(result.documents, result.labels, planned.schema, planned.decisions);
      const lost = new LossCollector();
      const stored: { article: Article; annotations: Annotation[] }[] = [];
      for (const [n, doc] of mapped.documents.entries()) {
        const sha = shas[n]!;
        const annotations = doc.annotations.map((a): Annotation => {
          const attributes = keptAttributes(a, planned.schema, lost);
          return {
            id: `${codec.id}-${sha.slice(0, 16)}-${a.id}`,
            docId: sha,
            label: a.label,
            start: a.start,
            end: a.end,
            quote: doc.text.slice(a.start, a.end),
            annotator: me.name,
            annotatorId: me.id,
            createdAt: now,
            updatedAt: now,
            ...(a.note !== undefined && a.note !== '' ? { note: a.note } : {}),
            ...(attributes !== undefined ? { attributes } : {}),
          };
        });
        const title = doc.title ?? (mapped.documents.length === 1 ? fileName : `${fileName} (${n + 1})`);
        const copy = copies[n];
        if (copy) {
          const placed = placeForeign(copy, annotations, (a) => a.id.slice(`${codec.id}-${sha.slice(0, 16)}-`.length), now);
          onto.plans.push(placed.plan);
          for (const k of ['documents', 'spans', 'moved', 'orphans'] as const) onto.counts[k] += placed.counts[k];
          stored.push({ article: copy.library, annotations: placed.annotations });
          continue;
        }
        stored.push({
          article: {
            id: sha,
            sha256: sha,
            title,
            format: 'text',
            text: doc.text,
            blocks: plainTextBlocks(doc.text),
            metadata: { sourceName: fileName },
            addedAt: now,
          },
          annotations,
        });
      }
      if (planned.added.length > 0) await saveSchema(db, planned.schema);
      await storeImportReanchoring(db, onto.plans, now);
      for (const { article, annotations } of stored) {
        if (!(await db.articles.get(article.id))) {
          await db.articles.add(article);
          counts.newDocuments += 1;
        }
        docIds.push(article.id);
        await mergeOwn(db, article.id, article.text, annotations, counts);
      }
      const remembered = await rememberedMapping(db, codec.id);
      await putSetting(db, labelMappingKey(codec.id), rememberDecisions(remembered, planned.decisions, mapped.mapping));
      summary = {
        labelsAdded: planned.added,
        losses: [...importLosses(mapped.documents, planned.schema), ...mapped.skipped, ...mapped.brokenLinks, ...lost.losses()],
      };
    },
  );
  return {
    ...summary,
    documents: docIds.length,
    docIds,
    added: counts.added + counts.updated,
    unchanged: counts.unchanged,
    ...(onto.counts.documents > 0 ? { reanchored: onto.counts } : {}),
  };
}
