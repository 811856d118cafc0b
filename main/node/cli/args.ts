// The command line as data: which command, which files, which options. Pure, so every accepted and
// refused form is unit-tested without running anything; a refusal is a usage error (exit code 2)
// and names the help topic that explains the right form.

import type { Result } from '../../../src/result.js';

export const COMMANDS = ['validate', 'agreement', 'convert'] as const;
export type CommandName = (typeof COMMANDS)[number];

export type Command =
  | { readonly kind: 'help'; readonly topic?: CommandName }
  | { readonly kind: 'version' }
  | { readonly kind: 'validate'; readonly files: readonly string[]; readonly json: boolean }
  | { readonly kind: 'convert'; readonly file: string; readonly to: 1 | 2 }
  | {
      readonly kind: 'agreement';
      readonly files: readonly string[];
      readonly json: boolean;
      readonly a?: string;
      readonly b?: string;
    };

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
  return first === 'validate' ? parseValidate(rest) : first === 'convert' ? parseConvert(rest) : parseAgreement(rest);
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
function scan(args: readonly string[], command: CommandName, flags: readonly string[], valued: readonly string[]): Result<Options, UsageError> {
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
      if (value === undefined || value === '') {
        return usage(
          name === '--to' ? `${name} needs a contract version, as in "--to 1".` : `${name} needs an annotator name, as in "${name} alice".`,
          command,
        );
      }
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

function parseConvert(args: readonly string[]): Result<Command, UsageError> {
  const scanned = scan(args, 'convert', [], ['--to']);
  if (!scanned.ok) return scanned;
  const { files, values } = scanned.value;
  const to = values.get('--to');
  if (to !== '1' && to !== '2')
    return usage(to === undefined ? 'convert needs --to 1 or --to 2.' : `--to is "${to}"; Spanmark writes contract versions 1 and 2.`, 'convert');
  if (files.length !== 1) return usage(`convert takes exactly one file (it writes to standard output), not ${files.length}.`, 'convert');
  return { ok: true, value: { kind: 'convert', file: files[0]!, to: to === '1' ? 1 : 2 } };
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
