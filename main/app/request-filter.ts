// Which requests the session lets through: a second line behind the CSP, in main where a page cannot
// change it. Only the app's own origin is loaded; data: and blob: URLs of the app (the CSP's img-src
// allows them) never leave the process; devtools: only where DevTools are enabled (unpackaged runs).
// Everything else — http(s), ws, file, other app:// hosts, chrome: — is cancelled, whoever asks.

import { APP_ORIGIN, isAppUrl } from '../../src/platform/ipc-contract.js';

export interface RequestFilterOptions {
  /** DevTools are on (development): their own devtools:// pages must load. */
  readonly devTools: boolean;
}

export function isAllowedRequest(url: string, { devTools }: RequestFilterOptions): boolean {
  if (isAppUrl(url)) {
    const parsed = new URL(url);
    return parsed.username === '' && parsed.password === '';
  }
  if (url.startsWith('data:')) return true;
  if (url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  if (devTools && url.startsWith('devtools://')) return true;
  return false;
}
