// `spanmark convert IN… --to FORMAT [-o OUT] [--from FORMAT]`: reads files in any registered
// format and writes them in another, with the same codecs the app uses. What the target format
// cannot carry is listed on stderr before anything is written (count and examples); warnings
// about the input too. Exit 0 only when nothing was refused: a file the source codec refuses
// (offsets that do not match their text, malformed lines) stops the conversion and writes nothing.
// A .zip given (or found in a folder) stands for the files it holds, unpacked with the app's limits.
// --report FILE writes the loss report and the input's warnings to a file as well, once the
// conversion itself is written; it never changes the exit code.

import { basename, dirname, join } from 'node:path';
import { DEFAULT_SCHEMA } from '../../../src/labels/schema.js';
import type { AnyFormatCodec, InputFile } from '../../../src/codecs/registry/format.js';
import { codecById, decodeFiles, detectFormat, encodeDocuments, FORMATS, formatIds, formatLossReport } from '../../../src/codecs/registry/registry.js';
import { expandArchives } from '../../../src/codecs/registry/zip-archive.js';
import { createSpanmarkCodec, createSpanmarkV1Codec } from '../../../src/codecs/spanmark/index.js';
import { readFailure, type CliIo } from './io.js';
import { plural, printable } from './text.js';

export interface ConvertOptions {
  readonly files: readonly string[];
  readonly to: string;
  readonly from?: string;
  readonly out?: string;
  readonly report?: string;
}

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
/** As main.ts ends every usage error: an unknown format is one too. */
const USAGE_HINT = 'Run "spanmark help convert" for usage.\n';

/** The registry, with Spanmark's codecs stamping this build's version into what they write. */
function formats(version: () => string): AnyFormatCodec[] {
  return FORMATS.map((f) =>
    f.id === 'spanmark'
      ? createSpanmarkCodec({ generatorVersion: version() })
      : f.id === 'spanmark-v1'
        ? createSpanmarkV1Codec({ generatorVersion: version() })
        : f,
  );
}

async function readInputs(paths: readonly string[], io: CliIo): Promise<InputFile[] | string> {
  const files: InputFile[] = [];
  for (const path of paths) {
    try {
      files.push({ name: path, bytes: await io.readFile(path) });
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== 'EISDIR' || io.readDir === undefined) return `cannot read ${printable(path)}: ${readFailure(error)}.`;
      // A folder (of brat pairs, say): its files, not its subfolders.
      for (const name of await io.readDir(path)) {
        try {
          files.push({ name: join(path, name), bytes: await io.readFile(join(path, name)) });
        } catch (inner) {
          if ((inner as { code?: unknown } | null)?.code !== 'EISDIR') return `cannot read ${printable(join(path, name))}: ${readFailure(inner)}.`;
        }
      }
    }
  }
  return files;
}

export async function convertCommand(options: ConvertOptions, io: CliIo, version: () => string): Promise<number> {
  const all = formats(version);
  const known = formatIds(all).join(', ');
  const target = codecById(options.to, all);
  if (target === undefined) {
    io.stderr(`spanmark: --to ${printable(options.to)} is not a format Spanmark writes; formats: ${known}.\n${USAGE_HINT}`);
    return EXIT_USAGE;
  }
  let source: AnyFormatCodec | undefined;
  if (options.from !== undefined) {
    source = codecById(options.from, all);
    if (source === undefined) {
      io.stderr(`spanmark: --from ${printable(options.from)} is not a format Spanmark reads; formats: ${known}.\n${USAGE_HINT}`);
      return EXIT_USAGE;
    }
  }
  const read = await readInputs(options.files, io);
  if (typeof read === 'string') {
    io.stderr(`spanmark: ${read}\n`);
    return EXIT_FAILED;
  }
  const unpacked = expandArchives(read);
  if (unpacked.problems.length > 0) {
    for (const p of unpacked.problems) io.stderr(`error: ${printable(p.message)}\n`);
    io.stderr('spanmark: refused: an archive could not be unpacked; nothing was written.\n');
    return EXIT_FAILED;
  }
  const files = unpacked.files;
  if (files.length === 0) {
    io.stderr('spanmark: no files to read (the folders given are empty).\n');
    return EXIT_FAILED;
  }
  source ??= detectFormat(files, all);
  if (source === undefined) {
    io.stderr(
      `spanmark: cannot tell which format ${files.map((f) => printable(f.name)).join(', ')} ${files.length === 1 ? 'is' : 'are'} in; name it with --from (${known}).\n`,
    );
    return EXIT_FAILED;
  }

  const decoded = await decodeFiles(source, files);
  const problemLine = (p: (typeof decoded.problems)[number]): string =>
    `${p.severity}: ${p.where !== undefined && !p.message.startsWith(p.where) ? `${printable(p.where)}: ` : ''}${printable(p.message)}\n`;
  for (const p of decoded.problems) io.stderr(problemLine(p));
  if (decoded.problems.some((p) => p.severity === 'error')) {
    io.stderr(`spanmark: refused: ${source.name} input has errors; nothing was written.\n`);
    return EXIT_FAILED;
  }

  const extensions = [...target.extensions].sort((a, b) => b.length - a.length);
  // "-o out/" names a folder: the files keep the input's name there.
  const intoFolder = options.out !== undefined && /[/\\]$/.test(options.out);
  const outName = options.out === undefined || intoFolder ? undefined : basename(options.out);
  const stripped =
    outName === undefined
      ? undefined
      : extensions.map((e) => (outName.toLowerCase().endsWith(`.${e}`) ? outName.slice(0, -e.length - 1) : undefined)).find((s) => s !== undefined);
  const baseName =
    stripped ??
    outName ??
    basename(files[0]!.name)
      .replace(/\.[^.]*$/, '')
      .replace(/\.spanmark$/, '');
  // A file's own schema (Spanmark) is written on, so its labels and attributes keep their definitions.
  const encoded = await encodeDocuments(target, decoded.documents, decoded.schema ?? DEFAULT_SCHEMA, baseName);
  const lossReport = formatLossReport(target, encoded.losses);
  io.stderr(lossReport);
  // The report file says what it is about, and carries the input's warnings (spans a source
  // format holds that Spanmark does not read are losses too).
  const reportFile = (): string =>
    [
      `spanmark convert ${options.files.join(' ')} (${source.name}) to ${target.name}\n`,
      lossReport,
      ...(decoded.problems.length > 0 ? [`Reading ${source.name}:\n`, ...decoded.problems.map((p) => `  ${problemLine(p)}`)] : []),
    ].join('');
  const writeReport = async (): Promise<void> => {
    if (options.report === undefined) return;
    if (io.writeFile === undefined) throw new Error('this CLI cannot write files');
    await io.writeFile(options.report, new TextEncoder().encode(reportFile()));
    io.stderr(`wrote the loss report to ${printable(options.report)}\n`);
  };

  if (options.out === undefined) {
    if (encoded.files.length !== 1) {
      io.stderr(`spanmark: ${target.name} writes ${plural(encoded.files.length, 'file')} here; name where with -o OUT.\n`);
      return EXIT_FAILED;
    }
    io.stdout(new TextDecoder().decode(encoded.files[0]!.bytes));
    await writeReport();
    return 0;
  }
  if (io.writeFile === undefined) throw new Error('this CLI cannot write files');
  const dir = intoFolder ? options.out : dirname(options.out);
  for (const f of encoded.files) {
    await io.writeFile(join(dir, f.name), f.bytes);
    io.stderr(`wrote ${printable(join(dir, f.name))}\n`);
  }
  await writeReport();
  io.stderr(
    `${plural(decoded.documents.length, 'document')}, ${plural(
      decoded.documents.reduce((n, d) => n + d.annotations.length, 0),
      'annotation',
    )} read from ${source.name}.\n`,
  );
  return 0;
}
