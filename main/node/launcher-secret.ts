// How `npm start` proves that a server already answering on its port is its own before it opens the
// library profile there: a random secret kept in a file only this user can read, and a challenge the
// server must answer with an HMAC of that secret. Answering the health check alone proves nothing
// (any program can say {"app":"spanmark"}), and echoing the secret itself would let any local program
// learn it from our server and replay it later, so the proof is per challenge. Not covered: another
// process of the same user, which can read the file anyway.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fchmodSync, fstatSync, mkdirSync, openSync, readFileSync, writeSync, constants } from 'node:fs';
import { join } from 'node:path';

/** Query parameter of the health check that carries the launcher's challenge. */
export const CHALLENGE_PARAM = 'challenge';
const SECRET_BYTES = 32;
const CHALLENGE_PATTERN = /^[0-9a-f]{32,128}$/;

/** ~/.spanmark/launcher-secret: one per user, shared by every `npm start` of that user. */
export function secretPath(homeDir: string): string {
  return join(homeDir, '.spanmark', 'launcher-secret');
}

export function newChallenge(): string {
  return randomBytes(16).toString('hex');
}

/** Is this a challenge the server should answer (hex, bounded length)? Anything else gets no proof. */
export function isChallenge(text: string | null): text is string {
  return text !== null && CHALLENGE_PATTERN.test(text);
}

/** The server's answer to a challenge. */
export function proofFor(secret: Uint8Array, challenge: string): string {
  return createHmac('sha256', secret).update(`spanmark-launcher:${challenge}`).digest('hex');
}

/** Does a health body carry the right proof for our challenge? Compared in constant time. */
export function isOwnHealth(body: unknown, secret: Uint8Array, challenge: string): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { app, proof } = body as { app?: unknown; proof?: unknown };
  if (app !== 'spanmark' || typeof proof !== 'string' || !/^[0-9a-f]{64}$/.test(proof)) return false;
  return timingSafeEqual(Buffer.from(proof, 'hex'), Buffer.from(proofFor(secret, challenge), 'hex'));
}

/**
 * Reads the user's launcher secret, creating it (mode 600, folder 700) when missing. A file that
 * others could read or that holds no usable secret is replaced: it proves nothing any more.
 */
export function readOrCreateSecret(path: string, folder: string): Buffer {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  try {
    const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      const info = fstatSync(fd);
      const secret = Buffer.from(readFileSync(fd, 'utf8').trim(), 'hex');
      const private_ = process.platform === 'win32' || ((info.mode & 0o077) === 0 && (process.getuid === undefined || info.uid === process.getuid()));
      if (info.isFile() && private_ && secret.byteLength === SECRET_BYTES) return secret;
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') throw error;
  }
  return writeNewSecret(path);
}

function writeNewSecret(path: string): Buffer {
  const secret = randomBytes(SECRET_BYTES);
  // O_TRUNC over a replaced file; O_NOFOLLOW so a planted symlink is not written through.
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o600);
  try {
    // Before writing: a replaced file may have been readable by others.
    if (process.platform !== 'win32') fchmodSync(fd, 0o600);
    writeSync(fd, `${secret.toString('hex')}\n`);
  } finally {
    closeSync(fd);
  }
  return secret;
}
