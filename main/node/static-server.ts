// Serves the built renderer over HTTP on 127.0.0.1 for the browser fallback of `npm start`, the
// Playwright end-to-end tests and the benchmark: the same files, path rules and CSP as Electron's
// app:// protocol, so what passes there passes here. Read-only: GET and HEAD, nothing else.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { SECURITY_HEADERS } from '../../src/platform/csp.js';
import { contentTypeFor, resolveStaticPath } from '../../src/platform/static-paths.js';
import { CHALLENGE_PARAM, isChallenge, proofFor } from './launcher-secret.js';
import { HEALTH_PATH } from './start-plan.js';

export interface StaticServerOptions {
  /** Folder to serve (dist/renderer). */
  readonly root: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Loopback only: the server is never reachable from another machine. */
  readonly host?: '127.0.0.1';
  /**
   * The launcher secret of `npm start`: with it, the health check answers a challenge with its HMAC,
   * so a later start can tell this server from a squatter on the port (launcher-secret.ts).
   */
  readonly secret?: Uint8Array;
}

export interface StaticServer {
  /** e.g. http://127.0.0.1:47321/ */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops open keep-alive connections. */
  close(): Promise<void>;
}

/** Starts serving; rejects with the listen error (code EADDRINUSE when the port is taken). */
export async function startStaticServer({ root, port, host = '127.0.0.1', secret }: StaticServerOptions): Promise<StaticServer> {
  const rootDir = resolve(root);
  let boundPort = port;
  const server = createServer((request, response) => {
    handle(request, response, rootDir, boundPort, secret).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error', request.method === 'HEAD');
      else response.destroy();
    });
  });
  await new Promise<void>((done, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      done();
    });
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${boundPort}/`,
    port: boundPort,
    close: () =>
      new Promise<void>((done, reject) => {
        server.close((error) => (error === undefined ? done() : reject(error)));
        server.closeAllConnections();
      }),
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, rootDir: string, port: number, secret: Uint8Array | undefined): Promise<void> {
  const head = request.method === 'HEAD';
  if (request.method !== 'GET' && !head) {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'Method not allowed', false);
    return;
  }
  // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own Host.
  const hostHeader = request.headers.host;
  if (hostHeader !== undefined && hostHeader !== `127.0.0.1:${port}` && hostHeader !== `localhost:${port}`) {
    send(response, 421, 'Misdirected request', head);
    return;
  }
  const target = request.url ?? '/';
  if (target.split('?')[0] === HEALTH_PATH) {
    const challenge = new URL(target, 'http://127.0.0.1').searchParams.get(CHALLENGE_PARAM);
    const body = secret !== undefined && isChallenge(challenge) ? { app: 'spanmark', proof: proofFor(secret, challenge) } : { app: 'spanmark' };
    send(response, 200, JSON.stringify(body), head, 'application/json; charset=utf-8');
    return;
  }
  const relativePath = resolveStaticPath(target);
  const file = relativePath === null ? null : join(rootDir, ...relativePath.split('/'));
  if (relativePath === null || file === null || !isInside(rootDir, file)) {
    send(response, 404, 'Not found', head);
    return;
  }
  let bytes: Buffer;
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    bytes = await readFile(file);
  } catch {
    send(response, 404, 'Not found', head);
    return;
  }
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(relativePath), 'Content-Length': bytes.byteLength });
  response.end(head ? undefined : bytes);
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

function send(response: ServerResponse, status: number, body: string, head: boolean, type = 'text/plain; charset=utf-8'): void {
  const bytes = Buffer.from(body, 'utf8');
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': bytes.byteLength });
  response.end(head ? undefined : bytes);
}
