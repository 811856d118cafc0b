// The app's side of the format registry: File › Export as… (the format dialog, the loss report
// first, each file the codec writes saved through the Platform, the report beside them on
// request) and importing another tool's files picked or dropped (problems refuse with positions,
// unknown labels go through the mapping dialog, losses named, committed before "Imported").
// Spanmark's own files never come here: their import and export stay as they were.

import { useCallback, useState, type ReactNode } from 'react';
import type { AnyFormatCodec, InputFile, InterchangeDocument } from '../../src/codecs/registry/format.js';
import type { LabelDecision } from '../../src/codecs/registry/label-mapping.js';
import { codecsForFileName, detectFormat, encodeDocuments, formatLossReport, FORMATS } from '../../src/codecs/registry/registry.js';
import { articleToInterchange, exportBaseName } from '../../src/codecs/registry/article-document.js';
import { planDecisions } from '../../src/codecs/registry/remembered-mapping.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import type { Platform } from '../../src/platform/platform.js';
import type { Me } from '../../src/review/layer-identity.js';
import type { SpanmarkDb } from '../db/db.js';
import type { DocumentSession } from '../store/document-session.js';
import { dispatch } from '../app/events.js';
import { plural } from '../ui/format.js';
import { ExportFormatDialog } from './ExportFormatDialog.js';
import { LabelMappingDialog } from './LabelMappingDialog.js';
import { decodeForeign, describeProblems, rememberedMapping, storeForeign } from './interop-import.js';
import { describeReanchoring } from '../../src/anchoring/import-onto.js';
import { MAX_IMPORT_BYTES } from './import.js';

interface Options {
  readonly db: SpanmarkDb;
  readonly platform: Platform;
  readonly schema: LabelSchema;
  readonly session: DocumentSession | null;
  readonly me: Me;
  readonly say: (kind: 'info' | 'error', text: string) => void;
  readonly fail: (what: string, e: unknown) => void;
  readonly openDoc: (id: string) => Promise<void>;
}

/** Enough of a file for every format's sniffing, which looks at the start only. */
const HEAD_BYTES = 64 * 1024;

/** Formats other than Spanmark's own (whose export commands stay as they are). */
const OTHER_FORMATS = FORMATS.filter((f) => !f.id.startsWith('spanmark'));

/** Extensions only another tool's files have: a dropped file with one is offered to the registry. */
const ARTICLE_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'html', 'htm', 'csv']);
const extension = (name: string): string => /\.([^.]+)$/.exec(name.toLowerCase())?.[1] ?? '';
const stem = (name: string): string => name.replace(/\.[^.]+$/, '');
export function isForeignCandidate(name: string): boolean {
  const ext = extension(name);
  return ext === 'json' || (!ARTICLE_EXTENSIONS.has(ext) && codecsForFileName(name, OTHER_FORMATS).length > 0);
}

export function useInterop({ db, platform, schema, session, me, say, fail, openDoc }: Options) {
  const [exporting, setExporting] = useState<{ documents: InterchangeDocument[]; baseName: string } | null>(null);
  const [asking, setAsking] = useState<{ formatName: string; labels: { id: string; name: string }[]; answer: (d: Record<string, LabelDecision> | null) => void } | null>(
    null,
  );

  const exportAs = useCallback(() => {
    if (!session) return say('error', 'Open a document to export it in another format.');
    setExporting({ documents: [articleToInterchange(session.article, session.list())], baseName: exportBaseName(session.article.title) });
  }, [say, session]);

  const write = useCallback(
    async (codec: AnyFormatCodec, withReport: boolean) => {
      const job = exporting;
      setExporting(null);
      if (!job) return;
      try {
        const out = await encodeDocuments(codec, job.documents, schema, job.baseName);
        const decoder = new TextDecoder();
        const where: string[] = [];
        for (const f of out.files) {
          const saved = await platform.saveFile(f.name, decoder.decode(f.bytes));
          if (!saved.saved) return say('info', `Export stopped: ${f.name} was not saved${where.length > 0 ? ` (saved before it: ${where.join(', ')})` : ''}.`);
          where.push(saved.where);
        }
        if (withReport) {
          const saved = await platform.saveFile(`${job.baseName}.${codec.id}-losses.txt`, formatLossReport(codec, out.losses));
          if (saved.saved) where.push(saved.where);
        }
        const lost = out.losses.length > 0 ? ` Left out: ${out.losses.map((l) => `${l.count} × ${l.what}`).join('; ')}.` : ' Nothing left out.';
        say('info', `Exported as ${codec.name} to ${where.join(', ')}.${lost}`);
      } catch (e) {
        say('error', `Could not export as ${codec.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [exporting, platform, say, schema],
  );

  /** Imports the files when the registry reads them as another tool's format; false when it does not. */
  const importForeign = useCallback(
    async (files: readonly InputFile[]): Promise<boolean> => {
      const foreign = await decodeForeign(files);
      if (!foreign) return false;
      const { codec, result } = foreign;
      const name = files.map((f) => f.name).join(' + ');
      const errors = result.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) {
        say('error', `Nothing was imported. ${name} (${codec.name}): ${describeProblems(errors)}`);
        return true;
      }
      try {
        const remembered = await rememberedMapping(db, codec.id);
        const plan = planDecisions(result.labels, schema, remembered);
        let decisions: Record<string, LabelDecision> = plan.decided;
        if (plan.ask.length > 0) {
          const answer = await new Promise<Record<string, LabelDecision> | null>((resolve) =>
            setAsking({ formatName: codec.name, labels: plan.ask, answer: resolve }),
          );
          setAsking(null);
          if (answer === null) {
            say('info', `Nothing was imported from ${name}.`);
            return true;
          }
          decisions = { ...decisions, ...answer };
        }
        const s = await storeForeign(db, stem(files[0]!.name), foreign, decisions, me);
        dispatch('spanmark:import-committed', { name, docIds: s.docIds });
        if (session && s.docIds.includes(session.article.id)) await session.reload();
        else if (s.docIds[0]) await openDoc(s.docIds[0]);
        const warnings = result.problems.filter((p) => p.severity === 'warning');
        const parts = [
          `Imported ${plural(s.documents, 'document')} from ${codec.name}: ${plural(s.added, 'annotation')} added to your layer${s.unchanged ? `, ${s.unchanged} unchanged` : ''}.`,
          s.reanchored ? describeReanchoring(s.reanchored) : '',
          s.labelsAdded.length > 0 ? `Added to your labels: ${s.labelsAdded.join(', ')}.` : '',
          s.losses.length > 0 ? `Not kept: ${s.losses.map((l) => `${l.count} × ${l.what}${l.examples[0] ? ` (e.g. ${l.examples[0]})` : ''}`).join('; ')}.` : '',
          warnings.length > 0 ? `Warnings: ${describeProblems(warnings, 3)}.` : '',
        ];
        say('info', parts.filter(Boolean).join(' '));
      } catch (e) {
        fail(`Nothing was imported from ${name}`, e);
      }
      return true;
    },
    [db, fail, me, openDoc, say, schema, session],
  );

  /**
   * Takes the dropped files that are another tool's (with the .txt files paired with them by name,
   * as brat keeps them) and imports them; returns the files left for the usual open/import path.
   * Formats are recognised from each file's first bytes, so a large Spanmark export is not read
   * here as well as in its Worker; a file that cannot be read is left to the usual path's message.
   */
  const dropFiles = useCallback(
    async (all: readonly File[]): Promise<File[]> => {
      const candidates = all.filter((f) => isForeignCandidate(f.name));
      if (candidates.length === 0) return [...all];
      const stems = new Set(candidates.map((f) => stem(f.name)));
      const group = all.filter((f) => candidates.includes(f) || (extension(f.name) === 'txt' && stems.has(stem(f.name))));
      const readable = (f: File, bytes?: number): Promise<InputFile | undefined> =>
        (bytes === undefined ? f : f.slice(0, bytes)).arrayBuffer().then(
          (b) => ({ name: f.name, bytes: new Uint8Array(b) }),
          () => undefined,
        );
      const isForeign = (files: readonly (InputFile | undefined)[]): files is InputFile[] => {
        if (files.some((f) => f === undefined)) return false;
        const codec = detectFormat(files as InputFile[]);
        return codec !== undefined && !codec.id.startsWith('spanmark');
      };
      const take = async (files: readonly File[]): Promise<boolean> => {
        if (files.some((f) => f.size > MAX_IMPORT_BYTES) || !isForeign(await Promise.all(files.map((f) => readable(f, HEAD_BYTES))))) return false;
        const full = await Promise.all(files.map((f) => readable(f)));
        if (!isForeign(full)) return false;
        return importForeign(full);
      };
      if (await take(group)) return all.filter((f) => !group.includes(f));
      // Not one format together: each file on its own (a .json may still be Spanmark's).
      const left: File[] = all.filter((f) => !group.includes(f));
      for (const f of group) if (!candidates.includes(f) || !(await take([f]))) left.push(f);
      return left;
    },
    [importForeign],
  );

  const dialogs: ReactNode = (
    <>
      {exporting && (
        <ExportFormatDialog formats={OTHER_FORMATS} documents={exporting.documents} schema={schema} onExport={(c, r) => void write(c, r)} onClose={() => setExporting(null)} />
      )}
      {asking && <LabelMappingDialog formatName={asking.formatName} labels={asking.labels} schema={schema} onDone={asking.answer} />}
    </>
  );
  return { exportAs, importForeign, dropFiles, dialogs };
}
