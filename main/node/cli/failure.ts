// What the CLI says when a command fails in a way it did not foresee. Never a stack trace: the
// reader is an analyst or a script with a file, not a debugger, so one line says what happened
// and, where the cause is the size of the input, that it is the input. SPANMARK_DEBUG=1 adds the
// stack for whoever does debug.

/** One line (no trailing newline) for an unexpected error, after "spanmark: ". */
export function unexpectedFailure(error: unknown, what: string, debug = false): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n', 1)[0]!.slice(0, 300);
  let line: string;
  if (error instanceof RangeError && /call stack/i.test(message)) {
    line = `${what} failed: the input is too deeply nested or too long without a break to process (${first}).`;
  } else if (error instanceof RangeError && /string length|allocation failed|array length/i.test(message)) {
    line = `${what} failed: the input is too large to process (${first}).`;
  } else {
    line = `${what} failed unexpectedly: ${first}. This is a bug in Spanmark; please report it with the command and the file.`;
  }
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : '';
  return `${line}${stack}`;
}

export const debugRequested = (env: Readonly<Record<string, string | undefined>>): boolean => env['SPANMARK_DEBUG'] === '1';
