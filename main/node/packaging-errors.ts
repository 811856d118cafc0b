// Tells a packaging failure caused by no network apart from a real one: electron-builder downloads
// the Electron release and its packaging tools (AppImage, NSIS, fpm) on first use, and on an offline
// machine its error is a long Go or Node stack that does not say so.

const DOWNLOAD_FAILURE_PATTERNS: readonly RegExp[] = [
  /\bENOTFOUND\b/,
  /\bEAI_AGAIN\b/,
  /\bECONNREFUSED\b/,
  /\bECONNRESET\b/,
  /\bETIMEDOUT\b/,
  /\bENETUNREACH\b/,
  /\bEHOSTUNREACH\b/,
  /no such host/i,
  /dial tcp/i,
  /getaddrinfo/i,
  /i\/o timeout/i,
  /unable to (?:download|get local issuer)/i,
  /github\.com\/electron\/electron\/releases/i,
  /electron-builder-binaries/i,
  /cannot download/i,
];

/** Does this error look like a failed download rather than a problem with the app or config? */
export function isDownloadFailure(error: unknown): boolean {
  const text = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
  return DOWNLOAD_FAILURE_PATTERNS.some((pattern) => pattern.test(text));
}

export const OFFLINE_PACKAGING_MESSAGE =
  'Spanmark: packaging needs internet access: electron-builder downloads the Electron release and its packaging tools (AppImage, NSIS, deb) on first use, and that download failed. Run `npm run dist` on a machine that can reach github.com, or set ELECTRON_BUILDER_CACHE / ELECTRON_CACHE to a folder that already holds them.';
