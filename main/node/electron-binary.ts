// Finds the Electron executable the `electron` npm package installed, or reports that there is none
// (installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 have the package and its types but no binary, and
// its index.js throws). Shared by `npm start` and the Electron end-to-end tests so both agree.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const requireElectronPath = (): unknown => createRequire(import.meta.url)('electron');

/** Absolute path of the Electron executable, or null when the binary is not installed. */
export function electronBinaryPath(resolve: () => unknown = requireElectronPath, exists: (path: string) => boolean = existsSync): string | null {
  let path: unknown;
  try {
    path = resolve();
  } catch {
    return null;
  }
  return typeof path === 'string' && path.length > 0 && exists(path) ? path : null;
}
