// The whole `spanmark` program as one function from arguments and injected I/O to an exit code, so
// tests run it in-process exactly as the binary does; cli.ts only connects it to the real process.

import { parseArgs } from './args.js';
import { agreementCommand } from './agreement.js';
import { convertCommand } from './convert.js';
import { helpText } from './help.js';
import type { CliIo } from './io.js';
import { unexpectedFailure } from './failure.js';
import { validateCommand } from './validate.js';
import { cliVersion } from './version.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export async function main(argv: readonly string[], io: CliIo, version: () => string = cliVersion): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    const { message, topic } = parsed.error;
    io.stderr(`spanmark: ${message}\nRun "spanmark help${topic === undefined ? '' : ` ${topic}`}" for usage.\n`);
    return EXIT_USAGE;
  }
  const command = parsed.value;
  try {
    switch (command.kind) {
      case 'help':
        io.stdout(helpText(command.topic));
        return EXIT_OK;
      case 'version':
        io.stdout(`${version()}\n`);
        return EXIT_OK;
      case 'validate':
        return await validateCommand(command, io);
      case 'agreement':
        return await agreementCommand(command, io);
      case 'convert':
        return await convertCommand(command, io, version());
    }
  } catch (error) {
    // Commands report bad input themselves; reaching this means a bug or an input too big for the
    // runtime. Either way one plain line and a failing exit, never a stack trace.
    io.stderr(`spanmark: ${unexpectedFailure(error, command.kind, io.debug === true)}\n`);
    return EXIT_FAILED;
  }
}
