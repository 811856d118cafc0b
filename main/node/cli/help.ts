// What `spanmark help` prints. Kept apart from the commands so the help text reads as one page and
// the usage errors can point at the exact section that explains the right form.

import { FORMATS } from '../../../src/codecs/registry/registry.js';
import type { CommandName } from './args.js';

const OVERVIEW = `spanmark — Spanmark's core without a window

Usage:
  spanmark validate [--json] FILE…
  spanmark agreement [--json] [--a NAME] [--b NAME] FILE…
  spanmark facts [--label ID] [--csv [--safe] | --jsonl] FILE…
  spanmark convert IN… --to FORMAT [-o OUT] [--from FORMAT] [--report FILE]
  spanmark help [COMMAND]
  spanmark --version

Commands:
  validate    Check labeled-JSON exports (format version 1) the way the app's import does.
  agreement   Span F1, Cohen's kappa and Krippendorff's alpha between the analysts whose
              layers the files hold, over the documents they share.
  facts       The facts table: one row per annotation, one column per attribute.
  convert     Convert between Spanmark JSON, brat, WebAnno TSV, CoNLL and the other formats,
              naming everything the target format cannot carry.

Exit codes: 0 success; 1 an invalid or unreadable file, or nothing to compare; 2 usage error.
Run "spanmark help COMMAND" for a command's options. Documentation: docs/cli.md.
`;

const VALIDATE = `Usage: spanmark validate [--json] FILE…

Checks each FILE against the labeled-JSON contract, version 1 (docs/export-format.md): structure,
SHA-256 of every text, every quote against its text, labels, ids. Prints one line per file:

  ok   FILE  (N documents, M annotations)
  FAIL FILE
    documents[0].annotations[3].quote: quote "…" does not match the text at 4..9 ("…").

At most 20 problems are listed per file.

Options:
  --json   Print a JSON array of { file, ok, documents?, annotations?, problems? } instead.

Exit codes: 0 every file is valid; 1 a file is invalid or unreadable; 2 usage error.
`;

const AGREEMENT = `Usage: spanmark agreement [--json] [--a NAME] [--b NAME] FILE…

Reads the FILEs (usually one export per analyst; one file holding several analysts' layers works
too) and compares annotators on the documents the files share: a document is its text's SHA-256,
and each annotation's "annotator" names the layer it belongs to. Only documents annotated by at
least two annotators count. The same annotator's layer found in two files is merged by annotation
id, the later file winning, with a warning.

For each shared document and for all of them pooled, per label and macro-averaged:
  exact and relaxed span precision, recall and F1 of B against A (the reference),
  Cohen's kappa of A and B on tokens, Krippendorff's alpha over every annotator on tokens,
and the counts they rest on: tokens, and spans per annotator and label. A figure that is
undefined (no spans, or no variation) is printed as "—", never as 0.

With three or more annotators and neither --a nor --b, every pair is reported instead: alpha over
all annotators, matrices of the macro F1 (exact, relaxed) and kappa of every pair, then each
pair's table, pooled over the documents both annotated.

Options:
  --a NAME   The reference annotator.  Default: the first annotator of the shared documents,
  --b NAME   The compared annotator.   in order of first appearance across the files; B
             defaults to the next one. Either option selects one pair.
  --json     Print the report objects as JSON (see docs/cli.md).

Exit codes: 0 report printed; 1 an invalid file, no shared document, or an unknown annotator;
2 usage error.
`;

const FACTS = `Usage: spanmark facts [--label ID] [--csv [--safe] | --jsonl] FILE…

Prints the facts table of the FILEs' annotations (docs/facts.md): one row per annotation, in file,
document and annotation order, with the columns

  document, document.date, id, label, start, end (code points), quote, annotator,
  then one column per attribute of the labels shown, named by its id: a quantity's number (plus
  <id>.qualifier, <id>.min, <id>.max), choices joined by "; ", a link's target id (plus <id>.quote),
  then review.status (the document's) and review.decision (the annotation's).

Options:
  --label ID   Only annotations of this label (and only its attribute columns).
  --csv        RFC 4180 CSV (UTF-8, CRLF, no byte order mark), every column.
  --safe       With --csv: prefix text cells starting with = + - @ with ' so spreadsheets do not
               run them as formulas (the quote is then no longer exact).
  --jsonl      JSON Lines: one object per annotation, every column, null for "not set".
  Without --csv or --jsonl: an aligned table of the columns that have a value, cells cut short.

Exit codes: 0 table printed; 1 an invalid or unreadable file, or an unknown --label; 2 usage error.
`;

const CONVERT = `Usage: spanmark convert IN… --to FORMAT [-o OUT] [--from FORMAT] [--report FILE]

Reads the IN files (a folder stands for the files in it, e.g. brat .txt/.ann pairs; a .zip for the
files it holds) and writes them as FORMAT. Formats:
${FORMATS.map((f) => `  ${f.id.padEnd(16)}${f.name}`).join('\n')}

The input's format is recognised from its content (then its file extension) unless --from names
it. A file whose offsets do not match its own text, or that is malformed, is refused with its
file:line and nothing is written. Before writing, stderr lists what FORMAT cannot carry (overlaps,
discontinuous spans, attributes, notes, links, annotators…), with counts and examples.

Options:
  --to FORMAT     The format to write.
  --from FORMAT   The format to read (default: recognised from the files).
  -o, --out OUT   Where to write: OUT's folder, and its name without extension as the files' base
                  name (brat writes OUT.txt and OUT.ann); "-o DIR/" keeps the input's name.
                  Without it a single output file goes to stdout.
  --report FILE   Also write the loss report (and the input's warnings) to FILE, e.g. beside
                  the output as OUT.FORMAT-losses.txt; written only when the conversion is.

Exit codes: 0 converted (losses are reported, not refused); 1 an input refused or unreadable, or
several output files and no -o; 2 usage error or an unknown format.
`;

export function helpText(topic?: CommandName): string {
  return topic === 'validate' ? VALIDATE : topic === 'agreement' ? AGREEMENT : topic === 'facts' ? FACTS : topic === 'convert' ? CONVERT : OVERVIEW;
}
