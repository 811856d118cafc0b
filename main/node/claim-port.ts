// The browser fallback's claim on its fixed port: serve there, or reuse a server already there only
// when it proves it was started by this user's launcher (launcher-secret.ts). Anything else on the
// port, including a program that answers the health check like Spanmark, is refused: opening the
// library profile on its origin would hand that program the library.

import { CHALLENGE_PARAM, isOwnHealth, newChallenge } from './launcher-secret.js';
import { HEALTH_PATH, isSpanmarkHealth, portConflictMessage, portSquatMessage } from './start-plan.js';
import { startStaticServer, type StaticServer } from './static-server.js';

export type PortClaim =
  { readonly kind: 'serving'; readonly server: StaticServer } | { readonly kind: 'reusing' } | { readonly kind: 'refused'; readonly message: string };

export type HealthVerdict = 'own' | 'impostor' | 'other';

/** Asks whoever holds the port to prove it is our launcher's server. */
export async function probeHealth(port: number, secret: Uint8Array, timeoutMs = 2000): Promise<HealthVerdict> {
  const challenge = newChallenge();
  let body: unknown;
  try {
    const response = await fetch(`http://127.0.0.1:${port}${HEALTH_PATH}?${CHALLENGE_PARAM}=${challenge}`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) return 'other';
    body = await response.json();
  } catch {
    return 'other';
  }
  if (isOwnHealth(body, secret, challenge)) return 'own';
  return isSpanmarkHealth(body) ? 'impostor' : 'other';
}

export async function claimPort(options: { readonly root: string; readonly port: number; readonly secret: Uint8Array }): Promise<PortClaim> {
  try {
    return { kind: 'serving', server: await startStaticServer(options) };
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
  }
  const verdict = await probeHealth(options.port, options.secret);
  if (verdict === 'own') return { kind: 'reusing' };
  return { kind: 'refused', message: verdict === 'impostor' ? portSquatMessage(options.port) : portConflictMessage(options.port) };
}
