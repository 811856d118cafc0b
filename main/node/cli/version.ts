// The version `spanmark --version` prints. The esbuild bundle has it compiled in (scripts/build.ts
// defines SPANMARK_VERSION in every bundle); run from source through tsx there is no such constant,
// so it is read from the nearest package.json named "spanmark" above the running script.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

declare const SPANMARK_VERSION: string;

export function cliVersion(): string {
  if (typeof SPANMARK_VERSION === 'string') return SPANMARK_VERSION;
  const script = process.argv[1];
  return (script !== undefined ? versionAbove(dirname(resolve(script))) : undefined) ?? 'unknown';
}

/** Walks up from `dir` to the first package.json whose name is "spanmark"; its version. */
export function versionAbove(dir: string, read: (path: string) => string = (p) => readFileSync(p, 'utf8')): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    try {
      const pkg = JSON.parse(read(join(at, 'package.json'))) as { name?: unknown; version?: unknown };
      if (pkg.name === 'spanmark' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // No package.json here, or not JSON: keep climbing.
    }
    if (dirname(at) === at) return undefined;
  }
}
