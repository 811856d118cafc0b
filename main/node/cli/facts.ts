// `spanmark facts`: the app's facts table from export files, for spreadsheets and scripts. Files
// are read by loadFile (load.ts), the decoder validate and the app's import use; each file's own
// schema gives the attribute columns (a file without one, such as any v1 file, has the default
// schema's labels). Rows follow the files, their documents and annotations in order.
// Not here: building rows (src/facts/facts-table.ts) and writing CSV/JSON Lines (src/facts/csv.ts).

import { buildFactsTable, type FactsDocument, type FactsLabel, type FactsTable } from '../../../src/facts/facts-table.js';
import { factsToCsv, factsToJsonLines } from '../../../src/facts/csv.js';
import type { DecodedLibrary } from '../../../src/codecs/spanmark/decode.js';
import type { FactsFormat } from './args.js';
import type { CliIo } from './io.js';
import { fileSchemaLabels, loadFile, problemLines, type LoadedFile } from './load.js';
import { displayWidth, padEnd, printable } from './text.js';

export interface FactsOptions {
  readonly files: readonly string[];
  readonly format: FactsFormat;
  readonly label?: string;
  readonly safe: boolean;
}

/** The labels a decoded file defines: a v2 file's schema, the default schema's for v1 (load.ts). */
export function fileLabels(library: DecodedLibrary): readonly FactsLabel[] {
  return fileSchemaLabels(library);
}

export function factsDocuments(library: DecodedLibrary): FactsDocument[] {
  return library.documents.map((d) => ({
    id: d.article.id,
    title: d.article.title,
    text: d.article.text,
    ...(d.article.metadata.date !== undefined ? { date: d.article.metadata.date } : {}),
    annotations: d.annotations,
    ...(d.review ? { reviewStatus: d.review.status, decisions: d.review.decisions } : {}),
  }));
}

export async function factsCommand(options: FactsOptions, io: CliIo, load: (file: string, io: CliIo) => Promise<LoadedFile> = loadFile): Promise<number> {
  const tables: FactsTable[] = [];
  const failures: string[] = [];
  const known = new Set<string>();
  for (const file of options.files) {
    const loaded = await load(file, io);
    if (!loaded.ok) {
      failures.push(`FAIL ${printable(file)}`, ...problemLines(loaded.problems));
      continue;
    }
    const labels = fileLabels(loaded.library);
    for (const l of labels) known.add(l.id);
    const documents = factsDocuments(loaded.library);
    for (const d of documents) for (const a of d.annotations) known.add(a.label);
    tables.push(buildFactsTable(documents, labels, options.label !== undefined ? { label: options.label } : {}));
  }
  if (failures.length > 0) {
    const n = failures.filter((l) => l.startsWith('FAIL ')).length;
    io.stderr(
      `${failures.join('\n')}\nspanmark: facts needs valid files; fix the ${n === 1 ? 'file' : 'files'} above (spanmark validate FILE… shows the same).\n`,
    );
    return 1;
  }
  if (options.label !== undefined && !known.has(options.label)) {
    io.stderr(
      `spanmark: no label "${printable(options.label)}" in ${options.files.length === 1 ? 'this file' : 'these files'}; labels: ${[...known].map(printable).join(', ')}.\n`,
    );
    return 1;
  }
  const table = mergeTables(tables);
  if (options.format === 'csv') io.stdout(factsToCsv(table, { neutraliseFormulas: options.safe }));
  else if (options.format === 'jsonl') io.stdout(factsToJsonLines(table));
  else io.stdout(renderTerminal(table));
  return 0;
}

/** Several files' tables as one: the union of their columns, in first-seen order. */
export function mergeTables(tables: readonly FactsTable[]): FactsTable {
  if (tables.length === 1) return tables[0]!;
  const columns = new Map<string, FactsTable['columns'][number]>();
  const review: FactsTable['columns'][number][] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      if (c.key.startsWith('review.')) {
        if (!review.some((r) => r.key === c.key)) review.push(c);
      } else if (!columns.has(c.key)) columns.set(c.key, c);
      else if (columns.get(c.key)!.numeric && !c.numeric) columns.set(c.key, c);
    }
  }
  return { columns: [...columns.values(), ...review], rows: tables.flatMap((t) => t.rows) };
}

const MAX_CELL = 40;

/** For people at a terminal: only columns with a value, cells cut at 40 columns, controls escaped. */
function renderTerminal(table: FactsTable): string {
  if (table.rows.length === 0) return 'No annotations.\n';
  const shown = table.columns.filter((c) => table.rows.some((r) => (r.cells[c.key] ?? null) !== null));
  const text = (v: FactsTable['rows'][number]['cells'][string] | undefined): string => {
    const s = v === null || v === undefined ? '' : printable(String(v));
    if (displayWidth(s) <= MAX_CELL) return s;
    let out = '';
    for (const ch of s) {
      if (displayWidth(out + ch) > MAX_CELL - 1) break;
      out += ch;
    }
    return `${out}…`;
  };
  const grid = [shown.map((c) => c.key), ...table.rows.map((r) => shown.map((c) => text(r.cells[c.key])))];
  const widths = shown.map((_, i) => Math.max(...grid.map((row) => displayWidth(row[i]!))));
  const lines = grid.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : padEnd(cell, widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n`;
}
