// Entry point of the `spanmark` binary (bundled by scripts/build.ts into dist/cli/spanmark.cjs):
// connects main() to the real process. Kept this thin so everything else runs in-process in tests.
// A CommonJS bundle has no top-level await, hence the promise chain.

import { nodeIo } from './cli/io.js';
import { unexpectedFailure } from './cli/failure.js';
import { main } from './cli/main.js';

// `spanmark agreement … | head` closes the pipe early; that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  fatal(error);
});

// Whatever escapes main() still ends as one line and a failing exit, never Node's stack trace.
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

function fatal(error: unknown): void {
  process.stderr.write(`spanmark: ${unexpectedFailure(error, 'spanmark', nodeIo.debug === true)}\n`);
  process.exit(1);
}

// exitCode rather than process.exit(): exiting at once can cut off output still queued for a pipe.
void main(process.argv.slice(2), nodeIo).then((code) => {
  process.exitCode = code;
});
