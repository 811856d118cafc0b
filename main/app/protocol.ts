// Serves the renderer from app://spanmark, a privileged standard scheme: a fixed origin (IndexedDB is
// keyed by it, so it must never move), no file:// privileges, and the CSP sent as a response header.
// Path decisions live in protocol-paths.ts; this file only does Electron registration and file reads.

import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { SECURITY_HEADERS } from '../../src/platform/csp.js';
import { contentTypeFor } from '../../src/platform/static-paths.js';
import { resolveAppRequestPath } from './protocol-paths.js';

export const APP_SCHEME = 'app';

/** Must run before the app's `ready` event: Chromium fixes scheme privileges at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
}

/** Answers app:// requests from rootDir (dist/renderer, inside app.asar when packaged). */
export function serveAppProtocol(rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(request, rootDir));
}

async function respond(request: Request, rootDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const target = resolveAppRequestPath(request.url, rootDir);
  if (target.kind === 'refused') return plain(target.status, target.status === 403 ? 'Forbidden' : 'Not found');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(target.path));
  } catch {
    return plain(404, 'Not found');
  }
  const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(target.relativePath) };
  return new Response(request.method === 'HEAD' ? null : bytes, { status: 200, headers });
}

function plain(status: number, message: string): Response {
  return new Response(message, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
