// Turns an app://spanmark/... request into a file path under the renderer folder, or a refusal.
// Pure (node:path only) so traversal is unit-tested without Electron; protocol.ts does the I/O.
// Refusals distinguish "not ours" (wrong scheme or host) from "no such file" for the status code.

import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { resolveStaticPath } from '../../src/platform/static-paths.js';

export type AppPathResolution =
  { readonly kind: 'file'; readonly path: string; readonly relativePath: string } | { readonly kind: 'refused'; readonly status: 403 | 404 };

/** Is `candidate` strictly inside `root` (lexically, after resolving both)? */
export function isInsideRoot(root: string, candidate: string): boolean {
  const rel = relative(resolve(root), resolve(candidate));
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Resolves a request URL to a file under rootDir. Only the app origin is served (403 otherwise); a path
 * the shared resolver refuses, or one that would land outside rootDir, is 404 so probing learns nothing.
 * Takes the URL as Chromium hands it over: it may already have had dot segments removed, and the shared
 * resolver checks the percent-encoded ones that survive.
 */
export function resolveAppRequestPath(requestUrl: string, rootDir: string): AppPathResolution {
  const match = /^app:\/\/spanmark(\/[^?#]*)?(?:[?#].*)?$/i.exec(requestUrl);
  if (match === null) return { kind: 'refused', status: 403 };
  const relativePath = resolveStaticPath(match[1] ?? '/');
  if (relativePath === null) return { kind: 'refused', status: 404 };
  const path = join(rootDir, ...relativePath.split('/'));
  if (!isInsideRoot(rootDir, path)) return { kind: 'refused', status: 404 };
  return { kind: 'file', path, relativePath };
}
