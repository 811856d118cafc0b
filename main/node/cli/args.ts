// The command line as data: which command, which files, which options. Pure, so every accepted and
// refused form is unit-tested without running anything; a refusal is a usage error (exit code 2)
// and names the help topic that explains the right form.

import type { Result } from '../../../src/result.js';

export const COMMANDS = ['validate', 'agreement', 'facts', 'convert'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type Command =
  | { readonly kind: 'help'; readonly topic?: CommandName }
  | { readonly kind: 'version' }
  | { readonly kind: 'validate'; readonly files: readonly string[]; readonly json: boolean }
  | {
      readonly kind: 'agreement';
      readonly files: readonly string[];
      readonly json: boolean;
      readonly a?: string;
      readonly b?: string;
    }
  | {
      readonly kind: 'facts';
      readonly files: readonly string[];
      readonly format: FactsFormat;
      readonly label?: string;
      /** CSV: neutralise formula-looking text cells (docs/facts.md). */
      readonly safe: boolean;
    }
  | {
      readonly kind: 'convert';
      readonly files: readonly string[];
      readonly to: string;
      readonly from?: string;
      readonly out?: string;
      /** Where to write the loss report as a file too (it is always on stderr). */
      readonly report?: string;
    };

/** How `facts` prints: an aligned table for people, or CSV / JSON Lines for programs. */
export type FactsFormat = 'table' | 'csv' | 'jsonl';

export interface UsageError {
  readonly message: string;
  /** The help topic to point at: a command, or the overview when absent. */
  readonly topic?: CommandName;
}

function usage(message: string, topic?: CommandName): { ok: false; error: UsageError } {
  return { ok: false, error: topic === undefined ? { message } : { message, topic } };
}

function isCommand(s: string | undefined): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s ?? '');
}

const isHelpFlag = (s: string): boolean => s === '--help' || s === '-h';

export function parseArgs(argv: readonly string[]): Result<Command, UsageError> {
  const [first, ...rest] = argv;
  if (first === undefined) return usage('no command given.');
  if (first === 'help' || isHelpFlag(first)) {
    const [topic, ...extra] = rest;
    if (topic === undefined) return { ok: true, value: { kind: 'help' } };
    if (!isCommand(topic)) return usage(`there is no command "${topic}" to explain.`);
    if (extra.length > 0) return usage(`unexpected argument "${extra[0]}" after "help ${topic}".`);
    return { ok: true, value: { kind: 'help', topic } };
  }
  if (first === '--version') {
    return rest.length === 0 ? { ok: true, value: { kind: 'version' } } : usage(`unexpected argument "${rest[0]}" after --version.`);
  }
  if (!isCommand(first)) {
    if (first.startsWith('-')) return usage(`unknown option "${first}"; options follow the command.`);
    if (/\.json$/i.test(first)) return usage(`unknown command "${first}"; to check that file, run: spanmark validate ${first}`);
    return usage(`unknown command "${first}".`);
  }
  // Help wins over every other problem on the line: whoever asks for it is unsure of the rest.
  const ended = rest.indexOf('--');
  if ((ended < 0 ? rest : rest.slice(0, ended)).some(isHelpFlag)) return { ok: true, value: { kind: 'help', topic: first } };
  return first === 'validate' ? parseValidate(rest) : first === 'facts' ? parseFacts(rest) : first === 'agreement' ? parseAgreement(rest) : parseConvert(rest);
}

interface Options {
  readonly files: string[];
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
}

/**
 * Splits arguments into files and options. `valued` options take the next argument or `=VALUE`;
 * everything after `--` is a file, so a file named "-x.json" can still be given.
 */
function scan(
  args: readonly string[],
  command: CommandName,
  flags: readonly string[],
  valued: readonly string[],
  needs: (name: string) => string = (name) => `an annotator name, as in "${name} alice"`,
): Result<Options, UsageError> {
  const out: Options = { files: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      out.files.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.files.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (flags.includes(name)) {
      if (eq >= 0) return usage(`${name} takes no value.`, command);
      out.flags.add(name);
    } else if (valued.includes(name)) {
      let value: string | undefined;
      if (eq >= 0) {
        value = arg.slice(eq + 1);
      } else {
        value = args[i + 1];
        // "--a --json" is a forgotten value, not an annotator called "--json".
        if (value !== undefined && value.startsWith('--')) value = undefined;
        if (value !== undefined) i += 1;
      }
      if (value === undefined || value === '') return usage(`${name} needs ${needs(name)}.`, command);
      if (out.values.has(name)) return usage(`${name} is given twice.`, command);
      out.values.set(name, value);
    } else {
      return usage(`unknown option "${name}" for ${command}.`, command);
    }
  }
  return { ok: true, value: out };
}

function parseValidate(args: readonly string[]): Result<Command, UsageError> {
  const scanned = scan(args, 'validate', ['--json'], []);
  if (!scanned.ok) return scanned;
  const { files, flags } = scanned.value;
  if (files.length === 0) return usage('validate needs at least one file.', 'validate');
  return { ok: true, value: { kind: 'validate', files, json: flags.has('--json') } };
}

function parseAgreement(args: readonly string[]): Result<Command, UsageError> {
  const scanned = scan(args, 'agreement', ['--json'], ['--a', '--b']);
  if (!scanned.ok) return scanned;
  const { files, flags, values } = scanned.value;
  if (files.length === 0) return usage('agreement needs at least one file (usually one per analyst).', 'agreement');
  const a = values.get('--a');
  const b = values.get('--b');
  if (a !== undefined && a === b) return usage(`--a and --b both name "${a}"; agreement compares two different annotators.`, 'agreement');
  return {
    ok: true,
    value: {
      kind: 'agreement',
      files,
      json: flags.has('--json'),
      ...(a !== undefined ? { a } : {}),
      ...(b !== undefined ? { b } : {}),
    },
  };
}

function parseFacts(args: readonly string[]): Result<Command, UsageError> {
  const scanned = scan(args, 'facts', ['--csv', '--jsonl', '--safe'], ['--label'], (name) => `a label id, as in "${name} casualty"`);
  if (!scanned.ok) return scanned;
  const { files, flags, values } = scanned.value;
  if (files.length === 0) return usage('facts needs at least one file.', 'facts');
  if (flags.has('--csv') && flags.has('--jsonl')) return usage('--csv and --jsonl exclude each other; choose one.', 'facts');
  if (flags.has('--safe') && !flags.has('--csv')) return usage('--safe applies to --csv output only.', 'facts');
  const format: FactsFormat = flags.has('--csv') ? 'csv' : flags.has('--jsonl') ? 'jsonl' : 'table';
  const label = values.get('--label');
  return { ok: true, value: { kind: 'facts', files, format, safe: flags.has('--safe'), ...(label !== undefined ? { label } : {}) } };
}

function parseConvert(args: readonly string[]): Result<Command, UsageError> {
  const scanned = scan(args, 'convert', [], ['--to', '--from', '-o', '--out', '--report'], (name) =>
    name === '-o' || name === '--out'
      ? `a path to write to, as in "${name} out/story"`
      : name === '--report'
        ? `a file to write the loss report to, as in "--report out/story.losses.txt"`
        : `a format, as in "${name} brat"`,
  );
  if (!scanned.ok) return scanned;
  const { files, values } = scanned.value;
  if (files.length === 0) return usage('convert needs at least one file to read.', 'convert');
  const to = values.get('--to');
  if (to === undefined) return usage('convert needs --to FORMAT, the format to write.', 'convert');
  if (values.has('-o') && values.has('--out')) return usage('-o and --out are the same option; give it once.', 'convert');
  const from = values.get('--from');
  const out = values.get('-o') ?? values.get('--out');
  const report = values.get('--report');
  return {
    ok: true,
    value: {
      kind: 'convert',
      files,
      to,
      ...(from !== undefined ? { from } : {}),
      ...(out !== undefined ? { out } : {}),
      ...(report !== undefined ? { report } : {}),
    },
  };
}
