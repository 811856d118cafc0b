// `spanmark agreement`: the agreement screen's figures without the app. Layers are gathered from
// several analysts' export files by document hash, and the same core (src/review) computes span F1,
// Cohen's kappa and Krippendorff's alpha over the documents the files share.

import { agreementReport, combineReports, type AgreementReport } from '../../../src/review/agreement/report.js';
import { tokenize } from '../../../src/review/tokens.js';
import { tokenAlphaForDocuments, type AlphaResult } from '../../../src/review/agreement/alpha.js';
import type { Result } from '../../../src/result.js';
import type { CliIo } from './io.js';
import { annotatorsOf, gatherLayers, sharedDocuments, type GatheredDocument, type LayerMerge, type SourceFile } from './layers.js';
import { loadFile, mergedSchemaLabels, problemLines } from './load.js';
import { figure, MACRO_FOOTNOTE, renderReportTable, UNDEFINED_FOOTNOTE } from './report-table.js';
import { padEnd, padStart, plural, printable } from './text.js';
import { ATTRIBUTE_FOOTNOTE, renderAttributeTable } from './attribute-table.js';
import type { LabelDef, LabelId } from '../../../src/labels/schema.js';
import { at, labelsToCompare } from '../../../src/review/agreement/by-label.js';

export interface AgreementOptions {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly a?: string;
  readonly b?: string;
}

/** One document of `agreement --json`. */
export interface DocumentReport {
  readonly sha256: string;
  readonly title: string;
  readonly files: readonly string[];
  readonly report: AgreementReport;
}

export interface SkippedDocument {
  readonly sha256: string;
  readonly title: string;
  readonly annotators: readonly string[];
  readonly reason: 'one-annotator' | 'no-layer-by-a-or-b';
}

/** What `agreement --json` prints. */
export interface AgreementOutput {
  readonly a: string;
  readonly b: string;
  /** Every annotator of the shared documents, in order of first appearance across the files. */
  readonly annotators: readonly string[];
  readonly files: readonly string[];
  readonly documents: readonly DocumentReport[];
  /** Counts pooled over `documents`, figures recomputed (never an average of per-document figures). */
  readonly combined: AgreementReport;
  readonly skipped: readonly SkippedDocument[];
  readonly warnings: readonly string[];
}

export async function agreementCommand(options: AgreementOptions, io: CliIo): Promise<number> {
  const sources: SourceFile[] = [];
  const report: string[] = [];
  let failed = 0;
  for (const file of options.files) {
    const loaded = await loadFile(file, io);
    if (loaded.ok) {
      sources.push({ file, library: loaded.library });
    } else {
      failed += 1;
      report.push(`FAIL ${printable(file)}`, ...problemLines(loaded.problems));
    }
  }
  if (failed > 0) {
    io.stderr(
      `${report.join('\n')}\nspanmark: agreement needs valid files; fix the ${failed === 1 ? 'file' : 'files'} above (spanmark validate FILE… shows the same).\n`,
    );
    return 1;
  }

  // The files' own labels and attribute definitions (v2), the default schema's for v1 files.
  const schemaLabels = mergedSchemaLabels(sources.map((s) => s.library));
  const gathered = gatherLayers(sources);
  const warnings = gathered.merges.map(mergeWarning);
  for (const w of warnings) io.stderr(`warning: ${w}\n`);

  const shared = sharedDocuments(gathered);
  if (shared.length === 0) {
    io.stderr(`spanmark: no shared document: ${noSharedReason(gathered.documents.length, gathered.annotators)}\n`);
    return 1;
  }
  const annotators = annotatorsOf(shared, gathered.annotators);
  if (annotators.length >= 3 && options.a === undefined && options.b === undefined) {
    const out = everyPair(options.files, gathered.documents, shared, annotators, warnings, schemaLabels);
    io.stdout(options.json ? `${JSON.stringify(out, null, 2)}\n` : `${renderPairs(out).join('\n')}\n`);
    return 0;
  }
  const pair = choosePair(annotators, options.a, options.b);
  if (!pair.ok) {
    io.stderr(`spanmark: ${pair.error}\n`);
    return 1;
  }
  const { a, b } = pair.value;
  const hasPair = (d: GatheredDocument): boolean => d.layers.some((l) => l.annotator === a) && d.layers.some((l) => l.annotator === b);
  const selection = shared.filter(hasPair);
  if (selection.length === 0) {
    io.stderr(
      `spanmark: ${printable(a)} and ${printable(b)} have no document in common; pick another pair with --a and --b (annotators: ${annotators.map(printable).join(', ')}).\n`,
    );
    return 1;
  }

  const { documents, combined } = pairReports(selection, annotators, a, b, schemaLabels);
  const skipped: SkippedDocument[] = gathered.documents
    .filter((d) => !selection.includes(d))
    .map((d) => ({
      sha256: d.sha256,
      title: d.title,
      annotators: d.layers.map((l) => l.annotator),
      reason: d.layers.length < 2 ? 'one-annotator' : 'no-layer-by-a-or-b',
    }));

  const output: AgreementOutput = { a, b, annotators, files: options.files, documents, combined, skipped, warnings };
  io.stdout(options.json ? `${JSON.stringify(output, null, 2)}\n` : `${renderAgreement(output).join('\n')}\n`);
  return 0;
}

/**
 * The labels to report on: the files' label set (every version 1 file lists the same, fixed set),
 * then any other label the layers use, so per-document reports can be pooled over one list.
 */
function labelsOf(documents: readonly GatheredDocument[], schemaLabels: readonly LabelDef[]): LabelId[] {
  return labelsToCompare(
    schemaLabels.map((l) => l.id),
    documents.flatMap((d) => d.layers.map((l) => l.spans)),
  );
}

function pairReports(
  selection: readonly GatheredDocument[],
  annotators: readonly string[],
  a: string,
  b: string,
  schemaLabels: readonly LabelDef[],
): { documents: DocumentReport[]; combined: AgreementReport } {
  const documents: DocumentReport[] = [];
  const labels = labelsOf(selection, schemaLabels);
  for (const d of selection) {
    const r = agreementReport({
      text: d.text,
      layers: d.layers.map((l) => ({ annotator: l.annotator, spans: l.spans })),
      a,
      b,
      labels,
      attributeLabels: schemaLabels,
    });
    // The decoder has already checked every offset against the text, so this is a bug, not bad input.
    if (!r.ok) throw new Error(`agreement on ${d.sha256}: ${r.error.message} (${r.error.path ?? ''})`);
    documents.push({ sha256: d.sha256, title: d.title, files: d.files, report: r.value });
  }
  const pooled = combineReports(documents.map((d) => d.report));
  if (!pooled.ok) throw new Error(`combining reports: ${pooled.error.message}`);
  const rank = new Map(annotators.map((name, i) => [name, i]));
  // combineReports lists annotators in order of first appearance across reports; the overall
  // order is kept instead, so A and B stay on top as in every per-document table.
  const combined: AgreementReport = {
    ...pooled.value,
    spanCounts: [...pooled.value.spanCounts].sort((x, y) => rank.get(x.annotator)! - rank.get(y.annotator)!),
    alpha: { ...pooled.value.alpha, annotators: [...pooled.value.alpha.annotators].sort((x, y) => rank.get(x)! - rank.get(y)!) },
  };
  return { documents, combined };
}

/** One pair of `agreement --json` without --a/--b on three or more annotators. */
export interface PairReport {
  readonly a: string;
  readonly b: string;
  /** The shared documents both annotated (sha256), the ones the pair is pooled over. */
  readonly documents: readonly string[];
  /** Pooled as with --a A --b B; its alpha is over every layer of those documents. */
  readonly report: AgreementReport;
}

/** What `agreement --json` prints without --a/--b when the shared documents have three or more annotators. */
export interface PairsOutput {
  readonly mode: 'every-pair';
  readonly annotators: readonly string[];
  readonly files: readonly string[];
  readonly documents: readonly { readonly sha256: string; readonly title: string; readonly files: readonly string[]; readonly annotators: readonly string[] }[];
  /** Over every layer of every shared document, coincidences pooled. */
  readonly alpha: AlphaResult & { readonly annotators: readonly string[]; readonly documents: number; readonly tokens: number };
  /** Every pair (annotators[i], annotators[j]), i < j, with i the reference. */
  readonly pairs: readonly PairReport[];
  readonly skipped: readonly SkippedDocument[];
  readonly warnings: readonly string[];
}

function everyPair(
  files: readonly string[],
  all: readonly GatheredDocument[],
  shared: readonly GatheredDocument[],
  annotators: readonly string[],
  warnings: readonly string[],
  schemaLabels: readonly LabelDef[],
): PairsOutput {
  const pairs: PairReport[] = [];
  annotators.forEach((a, i) =>
    annotators.forEach((b, j) => {
      if (j <= i) return;
      const selection = shared.filter((d) => d.layers.some((l) => l.annotator === a) && d.layers.some((l) => l.annotator === b));
      if (selection.length === 0) return;
      pairs.push({ a, b, documents: selection.map((d) => d.sha256), report: pairReports(selection, annotators, a, b, schemaLabels).combined });
    }),
  );
  const alpha = tokenAlphaForDocuments(
    shared.map((d) => ({ text: d.text, layers: d.layers.map((l) => l.spans) })),
    labelsOf(shared, schemaLabels),
  );
  return {
    mode: 'every-pair',
    annotators,
    files,
    documents: shared.map((d) => ({ sha256: d.sha256, title: d.title, files: d.files, annotators: d.layers.map((l) => l.annotator) })),
    alpha: { ...alpha, annotators, documents: shared.length, tokens: shared.reduce((sum, d) => sum + tokenize(d.text).length, 0) },
    pairs,
    skipped: all
      .filter((d) => !shared.includes(d))
      .map((d) => ({ sha256: d.sha256, title: d.title, annotators: d.layers.map((l) => l.annotator), reason: 'one-annotator' })),
    warnings,
  };
}

/**
 * A and B: the annotators named, or else the first two in order of first appearance (skipping the
 * one already named). Names are checked against the shared documents' annotators.
 */
export function choosePair(annotators: readonly string[], a?: string, b?: string): Result<{ a: string; b: string }, string> {
  const known = `annotators of the shared documents: ${annotators.map(printable).join(', ')}`;
  for (const [flag, name] of [
    ['--a', a],
    ['--b', b],
  ] as const) {
    if (name !== undefined && !annotators.includes(name)) {
      return { ok: false, error: `${flag} ${printable(name)}: no such annotator in the shared documents (${known}).` };
    }
  }
  const pickedA = a ?? annotators.find((x) => x !== b);
  const pickedB = b ?? annotators.find((x) => x !== pickedA);
  // Unreachable for shared documents (two annotators at least), kept for a clear message anyway.
  if (pickedA === undefined || pickedB === undefined) return { ok: false, error: `agreement needs two annotators (${known}).` };
  return { ok: true, value: { a: pickedA, b: pickedB } };
}

function mergeWarning(m: LayerMerge): string {
  const what = m.sharedIds === 0 ? 'no annotation id in both' : `${plural(m.sharedIds, 'annotation id')} in both, ${m.changed} changed`;
  return (
    `${printable(m.annotator)} has a layer on ${docName(m.title, m.sha256)} in both ${printable(m.earlier)} and ${printable(m.later)}; ` +
    `merged by annotation id, ${printable(m.later)} wins (${what}).`
  );
}

function docName(title: string, sha256: string): string {
  return `"${printable(title)}" (sha256 ${sha256.slice(0, 12)}…)`;
}

function noSharedReason(documents: number, annotators: readonly string[]): string {
  if (annotators.length < 2) {
    return `the files hold ${plural(documents, 'document')} and ${annotators.length === 0 ? 'no annotations' : `annotations by ${printable(annotators[0]!)} only`}; agreement needs layers by two annotators on the same text.`;
  }
  return (
    `none of the ${plural(documents, 'document')} in the files is annotated by two annotators (annotators: ${annotators.map(printable).join(', ')}). ` +
    'A document is the same only when its text is byte-for-byte the same (same sha256).'
  );
}

export function renderAgreement(out: AgreementOutput): string[] {
  const oneAnnotator = out.skipped.filter((s) => s.reason === 'one-annotator');
  const noPair = out.skipped.filter((s) => s.reason === 'no-layer-by-a-or-b');
  const total = out.documents.length + out.skipped.length;
  const lines: string[] = [
    `Agreement of B = ${printable(out.b)} against A = ${printable(out.a)} (reference)`,
    `Files: ${out.files.map(printable).join(', ')}`,
    `Documents: ${out.documents.length} of ${total} compared` +
      (oneAnnotator.length > 0 ? `; ${oneAnnotator.length} annotated by one annotator only` : '') +
      (noPair.length > 0
        ? `; ${noPair.length} shared without a layer by ${printable(out.a)} or ${printable(out.b)}: ${noPair.map((s) => `"${printable(s.title)}"`).join(', ')}`
        : ''),
  ];
  let hasUndefined = false;
  let hasAttributes = false;
  const section = (heading: string, report: AgreementReport): void => {
    const table = renderReportTable(report);
    const attributes = renderAttributeTable(report.attributes);
    hasUndefined ||= table.hasUndefined || attributes.hasUndefined;
    hasAttributes ||= attributes.lines.length > 0;
    lines.push('', heading, '', ...table.lines, ...(attributes.lines.length > 0 ? ['', ...attributes.lines] : []));
  };
  out.documents.forEach((d, i) => {
    section(`== Document ${i + 1} of ${out.documents.length}: ${docName(d.title, d.sha256)}, in ${d.files.map(printable).join(', ')}`, d.report);
  });
  section(`== Combined, ${plural(out.documents.length, 'document')}: counts pooled, figures computed once`, out.combined);
  lines.push('');
  if (hasUndefined) lines.push(UNDEFINED_FOOTNOTE);
  lines.push(
    MACRO_FOOTNOTE,
    'exact/relaxed: span precision, recall, F1 of B against A (same bounds / any overlap); kappa: A and B, on tokens;',
    'alpha: every annotator listed under "spans", on tokens. See docs/agreement.md.',
  );
  if (hasAttributes) lines.push(ATTRIBUTE_FOOTNOTE);
  return lines;
}

/** Without --a/--b on three or more annotators: alpha over all, a matrix of macro figures, then every pair's table. */
export function renderPairs(out: PairsOutput): string[] {
  const names = out.annotators.map(printable);
  const total = out.documents.length + out.skipped.length;
  const lines: string[] = [
    `Agreement of every pair of ${out.annotators.length} annotators: ${names.join(', ')} (--a NAME --b NAME for one pair)`,
    `Files: ${out.files.map(printable).join(', ')}`,
    `Documents: ${out.documents.length} of ${total} compared` + (out.skipped.length > 0 ? `; ${out.skipped.length} annotated by one annotator only` : ''),
    '',
    `== Alpha over ${names.join(', ')}, ${plural(out.alpha.documents, 'document')}, ${out.alpha.tokens} tokens: coincidences pooled`,
    '',
  ];
  const labels = out.alpha.labels;
  const first = Math.max(...[...labels.map(printable), 'macro', 'alpha', ...names].map((n) => n.length)) + 2;
  lines.push(padEnd('label', first) + padStart('alpha', 6));
  for (const l of labels) lines.push(padEnd(printable(l), first) + padStart(figure(at(out.alpha.perLabel, l).alpha), 6));
  lines.push(padEnd('macro', first) + padStart(figure(out.alpha.macro.value), 6));
  let hasUndefined = [...labels.map((l) => at(out.alpha.perLabel, l).alpha), out.alpha.macro.value].includes(null);
  const width = Math.max(6, ...names.map((n) => n.length));
  const matrix = (title: string, pick: (r: AgreementReport) => number | null): void => {
    lines.push('', `== ${title}, macro, every pair`, '', padEnd('', first) + names.map((n) => padStart(n, width)).join('  '));
    out.annotators.forEach((x, i) => {
      const cells = out.annotators.map((y) => {
        if (x === y) return padStart('', width);
        const p = out.pairs.find((q) => (q.a === x && q.b === y) || (q.a === y && q.b === x));
        const v = p ? pick(p.report) : null;
        hasUndefined ||= v === null;
        return padStart(figure(v), width);
      });
      lines.push((padEnd(names[i]!, first) + cells.join('  ')).trimEnd());
    });
  };
  matrix('F1 exact', (r) => r.f1.exact.macro.f1.value);
  matrix('F1 relaxed', (r) => r.f1.relaxed.macro.f1.value);
  matrix('kappa', (r) => r.kappa.macro.value);
  let hasAttributes = false;
  for (const p of out.pairs) {
    const table = renderReportTable(p.report);
    const attributes = renderAttributeTable(p.report.attributes);
    hasUndefined ||= table.hasUndefined || attributes.hasUndefined;
    hasAttributes ||= attributes.lines.length > 0;
    lines.push(
      '',
      `== B = ${printable(p.b)} against A = ${printable(p.a)}, ${plural(p.documents.length, 'document')} both annotated: counts pooled`,
      '',
      ...table.lines,
      ...(attributes.lines.length > 0 ? ['', ...attributes.lines] : []),
    );
  }
  lines.push('');
  if (hasUndefined) lines.push(UNDEFINED_FOOTNOTE);
  lines.push(
    MACRO_FOOTNOTE,
    'F1 and kappa are symmetric, so one cell serves both orders; a pair is pooled over the documents both annotated.',
    "alpha: every annotator of the shared documents (in a pair's table: of that pair's documents), on tokens. See docs/agreement.md.",
  );
  if (hasAttributes) lines.push(ATTRIBUTE_FOOTNOTE);
  return lines;
}
