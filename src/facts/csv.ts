// Writing the facts table out: CSV (RFC 4180) and JSON Lines. Strings only, the caller saves or
// prints them (UTF-8 everywhere: the app's save and the CLI's stdout both encode UTF-8).
//
// Decisions (docs/facts.md):
// - CSV: a header row, then one record per row; records end with CRLF (the last one too); a field
//   holding a comma, a double quote, CR or LF is quoted and its quotes doubled; nothing else is.
//   Numbers are written as JavaScript writes them (18, 3.5), booleans as true/false, "not set" as
//   an empty field.
// - Byte order mark: `bom: true` starts the text with U+FEFF, without which Excel reads UTF-8 as
//   the system code page. The app's "Export CSV" writes it (its file is for spreadsheets); the CLI
//   does not (its output is for pipes and scripts, where a BOM would glue itself to the first
//   header). Python reads both with encoding="utf-8-sig".
// - Spreadsheet formulas: quotes are untrusted article text, and a cell starting with = + - @ (or
//   a tab or CR) is run as a formula by Excel and LibreOffice. `neutraliseFormulas: true` prefixes
//   such a TEXT cell with an apostrophe (OWASP's advice): the app's export does it, the CLI does
//   not by default (scripts need the exact quote; `spanmark facts --csv --safe` turns it on).
//   Numbers are never touched (a count is never negative). JSON Lines are never changed.
// - JSON Lines: one JSON object per row, keys in column order, "not set" as null, "\n" after
//   every line; U+2028/U+2029 escaped so a line is a line for every reader.

import type { FactsCell, FactsTable } from './facts-table.js';

export interface CsvOptions {
  readonly bom?: boolean;
  readonly neutraliseFormulas?: boolean;
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: FactsCell, neutraliseFormulas = false): string {
  if (cell === null) return '';
  let text = typeof cell === 'string' ? cell : String(cell);
  if (neutraliseFormulas && typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(cells: readonly FactsCell[], neutraliseFormulas = false): string {
  return `${cells.map((c) => csvField(c, neutraliseFormulas)).join(',')}\r\n`;
}

export function factsToCsv(table: FactsTable, options: CsvOptions = {}): string {
  const keys = table.columns.map((c) => c.key);
  const parts: string[] = [options.bom ? '\ufeff' : '', csvRecord(keys, options.neutraliseFormulas)];
  for (const row of table.rows)
    parts.push(
      csvRecord(
        keys.map((k) => row.cells[k] ?? null),
        options.neutraliseFormulas,
      ),
    );
  return parts.join('');
}

export function factsToJsonLines(table: FactsTable): string {
  const keys = table.columns.map((c) => c.key);
  const lines: string[] = [];
  for (const row of table.rows) {
    const obj = Object.create(null) as Record<string, FactsCell>;
    for (const k of keys) obj[k] = row.cells[k] ?? null;
    lines.push(
      `${JSON.stringify(obj)
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029')}\n`,
    );
  }
  return lines.join('');
}
