// What `spanmark help` prints. Kept apart from the commands so the help text reads as one page and
// the usage errors can point at the exact section that explains the right form.

import type { CommandName } from './args.js';

const OVERVIEW = `spanmark — Spanmark's core without a window

Usage:
  spanmark validate [--json] FILE…
  spanmark agreement [--json] [--a NAME] [--b NAME] FILE…
  spanmark convert --to 1|2 FILE
  spanmark help [COMMAND]
  spanmark --version

Commands:
  validate    Check labeled-JSON exports (format versions 1 and 2) the way the app's import does.
  agreement   Span F1, Cohen's kappa and Krippendorff's alpha between the analysts whose
              layers the files hold, over the documents they share.
  convert     Write an export in contract version 1 (for older tools) or 2, to stdout.

Exit codes: 0 success; 1 an invalid or unreadable file, or nothing to compare; 2 usage error.
Run "spanmark help COMMAND" for a command's options. Documentation: docs/cli.md.
`;

const VALIDATE = `Usage: spanmark validate [--json] FILE…

Checks each FILE against the labeled-JSON contract, version 1 or 2 (docs/export-format.md):
structure, SHA-256 of every text, every quote against its text, labels, ids, and in version 2 every
attribute value against the file's schema. Prints one line per file (a v2 annotation whose required
attribute is unset adds a "warning:" line; the file still passes):

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

const CONVERT = `Usage: spanmark convert --to 1|2 FILE > OUT

Reads FILE (contract version 1 or 2) as the app's import does and writes it to standard output in
contract version 1 or 2 (docs/export-format.md). Version 1 is for tools written before attribute
values existed: the values are left out, and standard error says how many. To version 2, the
file's labels become the schema (a version 1 file has no attribute values to carry).

Exit codes: 0 written; 1 the file is invalid or unreadable (nothing is written); 2 usage error.
`;

export function helpText(topic?: CommandName): string {
  return topic === 'validate' ? VALIDATE : topic === 'agreement' ? AGREEMENT : topic === 'convert' ? CONVERT : OVERVIEW;
}
