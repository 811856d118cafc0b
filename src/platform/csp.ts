// The one Content-Security-Policy every Spanmark renderer is served with, from Electron's app://
// protocol and from the Node static server alike, so the browser fallback is no looser than the app.
// Sent as a response header (a <meta> tag cannot carry frame-ancestors and arrives after parsing starts).

/** Nothing is allowed unless listed: scripts, styles and fonts only from the app's own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // The import Worker (renderer/io/import-worker.ts), a script of the app's own origin.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  // Any HTML sink (innerHTML and friends) throws instead of parsing: untrusted article HTML can
  // only ever reach the page as text rendered by React. The one policy allowed turns exactly the
  // import worker's own URL into a script URL (renderer/io/import-client.ts) and nothing else.
  "require-trusted-types-for 'script'",
  'trusted-types spanmark-import-worker',
].join('; ');

/** Headers sent with every served file, in Electron and in the browser fallback. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  // The app is rebuilt in place during development; a stale cached bundle would hide the change.
  'Cache-Control': 'no-cache',
};
