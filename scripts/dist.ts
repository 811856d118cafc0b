// `npm run dist`: builds the bundles, then packages them with electron-builder's API using the typed
// options in electron.config.ts (Linux AppImage + deb, Windows NSIS, macOS dmg; each on its own OS).
// Offline, packaging cannot fetch Electron; that case gets one plain sentence instead of a stack.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'electron-builder';
import { builder } from '../electron.config.js';
import { isDownloadFailure, OFFLINE_PACKAGING_MESSAGE } from '../main/node/packaging-errors.js';

const root = join(import.meta.dirname, '..');

const bundled = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'build.ts')], { cwd: root, stdio: 'inherit' });
if (bundled.status !== 0) {
  console.error('dist: the build failed; nothing was packaged.');
  process.exit(bundled.status ?? 1);
}

try {
  const artifacts = await build({ projectDir: root, config: builder, publish: 'never' });
  console.log(`dist: packaged\n${artifacts.map((file) => `  ${file}`).join('\n')}`);
} catch (error) {
  if (isDownloadFailure(error)) {
    console.error(OFFLINE_PACKAGING_MESSAGE);
    console.error(`(electron-builder said: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  } else {
    console.error('dist: packaging failed:', error);
  }
  process.exit(1);
}
