// `tsx main/node/serve.ts --port N --root dist/renderer`: the static server on its own, for
// Playwright's webServer and the benchmark. Prints the URL once listening and runs until killed.

import { startStaticServer } from './static-server.js';
import { parseServeArgs } from './start-plan.js';

const args = parseServeArgs(process.argv.slice(2), process.env, process.cwd());
if (!args.ok) {
  console.error(args.error.message);
  process.exit(2);
}

try {
  const server = await startStaticServer({ root: args.value.root, port: args.value.port });
  console.log(`Spanmark static server: ${server.url} (root ${args.value.root})`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: unknown }).code;
  console.error(
    code === 'EADDRINUSE'
      ? `Spanmark static server: port ${args.value.port} is already in use; pass --port with another one.`
      : `Spanmark static server could not start: ${String(error)}`,
  );
  process.exit(1);
}
