// The app's side of the format registry: File › Export as… (the format dialog, the loss report
// first, each file the codec writes saved through the Platform, the report beside them on
// request) and importing other tools' files picked, dropped, in a zip or in a dropped folder
// (problems refuse with positions, unknown labels go through the mapping dialog, losses named,
// committed before "Imported"). Several files at once are split by format (group-files.ts), each
// group imported in turn, and all of them reported in one message. Spanmark's own files never
// come here: they are handed back to their own import, which stays as it was.

import { useCallback, useState, type ReactNode } from 'react';
import type { AnyFormatCodec, InputFile, InterchangeDocument } from '../../src/codecs/registry/format.js';
import type { LabelDecision } from '../../src/codecs/registry/label-mapping.js';
import { codecsForFileName, decodeFiles, encodeDocuments, formatLossReport, FORMATS } from '../../src/codecs/registry/registry.js';
import { groupByFormat } from '../../src/codecs/registry/group-files.js';
import { expandArchives, isZipName } from '../../src/codecs/registry/zip-archive.js';
import { articleToInterchange, exportBaseName } from '../../src/codecs/registry/article-document.js';
import { planDecisions } from '../../src/codecs/registry/remembered-mapping.js';
import type { LabelSchema } from '../../src/labels/schema.js';
import type { Platform } from '../../src/platform/platform.js';
import type { Me } from '../../src/review/layer-identity.js';
import type { SpanmarkDb } from '../db/db.js';
import type { DocumentSession } from '../store/document-session.js';
import { dispatch } from '../app/events.js';
import { formatCount, plural } from '../ui/format.js';
import { useQuestion } from '../ui/use-question.js';
import { ExportFormatDialog } from './ExportFormatDialog.js';
import { LabelMappingDialog } from './LabelMappingDialog.js';
import { describeProblems, rememberedMapping, storeForeign } from './interop-import.js';
import { describeReanchoring } from '../../src/anchoring/import-onto.js';
import { readFolder, type FolderEntry } from './dropped-folders.js';
import { loadSchema } from '../db/schema-repo.js';
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

interface GroupOutcome {
  readonly imported: boolean;
  readonly cancelled?: boolean;
  readonly text: string;
}

const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
/** "a.txt + a.ann", or the first two and how many more. */
function groupName(files: readonly InputFile[]): string {
  const names = files.map((f) => f.name);
  return names.length <= 3 ? names.join(' + ') : `${names.slice(0, 2).join(' + ')} and ${names.length - 2} more files`;
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
  return ext === 'json' || ext === 'zip' || (!ARTICLE_EXTENSIONS.has(ext) && codecsForFileName(name, OTHER_FORMATS).length > 0);
}

export function useInterop({ db, platform, schema, session, me, say, openDoc }: Options) {
  const [exporting, setExporting] = useState<{ documents: InterchangeDocument[]; baseName: string } | null>(null);
  const mapping = useQuestion<{ formatName: string; labels: { id: string; name: string }[]; schema: LabelSchema }, Record<string, LabelDecision> | null>();
  const askMapping = mapping.ask;

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
        const lost = out.losses.length > 0 ? ` Left out: ${out.losses.map((l) => `${formatCount(l.count)} × ${l.what}`).join('; ')}.` : ' Nothing left out.';
        say('info', `Exported as ${codec.name} to ${where.join(', ')}.${lost}`);
      } catch (e) {
        say('error', `Could not export as ${codec.name}: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    [exporting, platform, say, schema],
  );

  /**
   * One group of files in one format: decoded, its unknown labels mapped (the dialog asks with the
   * schema as stored now, so labels an earlier group of the same import added are known), stored.
   * Says nothing itself: the caller reports every group in one message.
   */
  const importGroup = useCallback(
    async (codec: AnyFormatCodec, files: readonly InputFile[]): Promise<GroupOutcome> => {
      const result = await decodeFiles(codec, files);
      const name = groupName(files);
      const errors = result.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0) return { imported: false, text: `Nothing was imported. ${name} (${codec.name}): ${describeProblems(errors)}` };
      try {
        const current = await loadSchema(db);
        const remembered = await rememberedMapping(db, codec.id);
        const plan = planDecisions(result.labels, current, remembered);
        let decisions: Record<string, LabelDecision> = plan.decided;
        if (plan.ask.length > 0) {
          const answer = await askMapping({ formatName: codec.name, labels: plan.ask, schema: current });
          if (answer === null) return { imported: false, cancelled: true, text: `Nothing was imported from ${name}.` };
          decisions = { ...decisions, ...answer };
        }
        const s = await storeForeign(db, stem(baseName(files[0]!.name)), { codec, result }, decisions, me);
        dispatch('spanmark:import-committed', { name, docIds: s.docIds });
        if (session && s.docIds.includes(session.article.id)) await session.reload();
        else if (s.docIds[0]) await openDoc(s.docIds[0]);
        const warnings = result.problems.filter((p) => p.severity === 'warning');
        const parts = [
          `Imported ${plural(s.documents, 'document')} from ${codec.name}: ${plural(s.added, 'annotation')} added to your layer${s.unchanged ? `, ${formatCount(s.unchanged)} unchanged` : ''}.`,
          s.reanchored ? describeReanchoring(s.reanchored) : '',
          s.labelsAdded.length > 0 ? `Added to your labels: ${s.labelsAdded.join(', ')}.` : '',
          s.losses.length > 0
            ? `Not kept: ${s.losses.map((l) => `${formatCount(l.count)} × ${l.what}${l.examples[0] ? ` (e.g. ${l.examples[0]})` : ''}`).join('; ')}.`
            : '',
          warnings.length > 0 ? `Warnings: ${describeProblems(warnings, 3)}.` : '',
        ];
        return { imported: true, text: parts.filter(Boolean).join(' ') };
      } catch (e) {
        return { imported: false, text: `Nothing was imported from ${name}: ${e instanceof Error ? e.message : String(e)}` };
      }
    },
    [askMapping, db, me, openDoc, session],
  );

  /**
   * Imports every file another tool's format claims (zips unpacked first, several formats in
   * several groups) and says what became of all of them in one message. Returns the files left
   * for Spanmark's own import: its exports, and the files no format claims that `leave` keeps for
   * the caller (the rest, and whatever a zip held that no format claims, are named as not read).
   */
  const importForeign = useCallback(
    async (picked: readonly InputFile[], leave: (f: InputFile) => boolean = () => true): Promise<InputFile[]> => {
      const unpacked = expandArchives(picked);
      const { groups, unknown } = groupByFormat(unpacked.files);
      const left: InputFile[] = [];
      const lines: string[] = unpacked.problems.map((p) => `Nothing was imported. ${p.message}`);
      let imported = 0;
      let refused = unpacked.problems.length;
      for (const g of groups) {
        if (g.codec.id.startsWith('spanmark')) {
          // Spanmark's own exports keep their import (its Worker, its checks), from a zip too.
          left.push(...g.files);
          continue;
        }
        const outcome = await importGroup(g.codec, g.files);
        if (outcome.imported) imported += 1;
        else if (outcome.cancelled !== true) refused += 1;
        lines.push(outcome.text);
      }
      const unread = unknown.filter((f) => f.name.includes('.zip/') || !leave(f));
      left.push(...unknown.filter((f) => !unread.includes(f)));
      // Files no format reads (a brat collection's annotation.conf, a README) are named, not refused.
      const notRead = unread.length > 0 ? `Not read, in no format Spanmark imports: ${unread.map((f) => f.name).join(', ')}.` : '';
      if (lines.length === 0 && notRead !== '') say('error', `Nothing was imported. ${notRead}`);
      else if (lines.length === 1) say(refused > 0 ? 'error' : 'info', [lines[0]!, notRead].filter(Boolean).join(' '));
      else if (lines.length > 1) {
        const head = `Imported ${formatCount(imported)} of ${plural(lines.length, 'group')} of files: `;
        say(imported === 0 && refused > 0 ? 'error' : 'info', `${head}${lines.join(' — ')}${notRead ? ` — ${notRead}` : ''}`);
      }
      return left;
    },
    [importGroup, say],
  );

  /**
   * Takes the dropped files that are another tool's (with the .txt files paired with them by name,
   * as brat keeps them, and zips) and imports them; returns the files left for the usual
   * open/import path. Formats are recognised from each file's first bytes, so a large Spanmark
   * export is not read here as well as in its Worker; a file that cannot be read is left to the
   * usual path's message.
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
      // Which files a foreign format claims, from their first bytes (zips: all of them, unpacked later).
      const sized = group.filter((f) => f.size <= MAX_IMPORT_BYTES);
      const heads = (await Promise.all(sized.filter((f) => !isZipName(f.name)).map((f) => readable(f, HEAD_BYTES)))).filter((f) => f !== undefined);
      const claimed = new Set(
        groupByFormat(heads)
          .groups.filter((g) => !g.codec.id.startsWith('spanmark'))
          .flatMap((g) => g.files.map((f) => f.name)),
      );
      const taken = sized.filter((f) => isZipName(f.name) || claimed.has(f.name));
      if (taken.length === 0) return [...all];
      const full = await Promise.all(taken.map((f) => readable(f)));
      const read = full.filter((f) => f !== undefined);
      const back = await importForeign(read);
      const backNames = new Set(back.map((f) => f.name));
      const kept = all.filter((f) => !taken.includes(f) || backNames.has(f.name) || full[taken.indexOf(f)] === undefined);
      // Spanmark exports that came out of a zip go on to their usual import as files of their own.
      const unpacked = back.filter((b) => !all.some((f) => f.name === b.name)).map((b) => new File([new Uint8Array(b.bytes)], b.name));
      return [...kept, ...unpacked];
    },
    [importForeign],
  );

  /**
   * Dropped folders: every file in each and its subfolders (limits as for a zip), imported as one
   * import. Returns the Spanmark exports found, for their usual import; files no format claims are
   * named, not opened as articles (a folder is not a pick of articles).
   */
  const dropFolders = useCallback(
    async (folders: readonly FolderEntry[]): Promise<InputFile[]> => {
      const left: InputFile[] = [];
      for (const folder of folders) {
        const r = await readFolder(folder);
        if ('problem' in r) say('error', `Nothing was imported. ${r.problem}`);
        else left.push(...(await importForeign(r.files, () => false)));
      }
      return left;
    },
    [importForeign, say],
  );

  const dialogs: ReactNode = (
    <>
      {exporting && (
        <ExportFormatDialog
          formats={OTHER_FORMATS}
          documents={exporting.documents}
          schema={schema}
          onExport={(c, r) => void write(c, r)}
          onClose={() => setExporting(null)}
        />
      )}
      {mapping.asking && (
        <LabelMappingDialog formatName={mapping.asking.formatName} labels={mapping.asking.labels} schema={mapping.asking.schema} onDone={mapping.answer} />
      )}
    </>
  );
  return { exportAs, importForeign, dropFiles, dropFolders, dialogs };
}
